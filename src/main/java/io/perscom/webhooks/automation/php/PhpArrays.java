package io.perscom.webhooks.automation.php;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * PHP 8.2 array functions the engines need (range, array_merge, implode, array_reverse, asort/uasort, max/min,
 * in_array, array_chunk...). Every function that builds an array checks the budget BEFORE building it.
 */
public final class PhpArrays {

    private PhpArrays() {
    }

    /**
     * range($start, $end, $step) as PHP 8.2 (character ranges for non-numeric strings, float ranges when a bound or
     * the step is a float).
     *
     * @throws PhpError "range(): Argument #3 ($step) must not exceed the specified range"
     */
    public static PhpArray range(Object start, Object end, Object step, Budget budget) {
        return PhpRange.range(start, end, step == null ? 1L : step, budget);
    }

    /** array_merge($a, $b): integer keys renumbered, string keys of $b overwrite those of $a. */
    public static PhpArray merge(PhpArray a, PhpArray b, Budget budget) {
        budget.checkCollection((long) a.size() + b.size());
        PhpArray merged = new PhpArray();
        for (PhpArray source : List.of(a, b)) {
            for (Map.Entry<Object, Object> entry : source.entries()) {
                if (entry.getKey() instanceof Long) {
                    merged.append(entry.getValue());
                } else {
                    merged.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return merged;
    }

    /** implode($glue, $array): values converted like (string) (arrays raise "Array to string conversion"). */
    public static String implode(String glue, PhpArray array, Budget budget) {
        List<String> parts = new ArrayList<>(array.size());
        long length = 0;
        for (Object value : array.values()) {
            String part = Php.toStr(value);
            length += part.length() + (parts.isEmpty() ? 0 : glue.length());
            budget.checkString(length);
            parts.add(part);
        }
        return String.join(glue, parts);
    }

    /** array_reverse($array, $preserveKeys): string keys always kept, integer keys renumbered unless preserved. */
    public static PhpArray reverse(PhpArray array, boolean preserveKeys) {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>(array.entries());
        PhpArray reversed = new PhpArray();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Map.Entry<Object, Object> entry = entries.get(i);
            if (entry.getKey() instanceof Long && !preserveKeys) {
                reversed.append(entry.getValue());
            } else {
                reversed.put(entry.getKey(), entry.getValue());
            }
        }
        return reversed;
    }

    /** array_keys($array). */
    public static PhpArray keys(PhpArray array) {
        return PhpArray.list(array.keys());
    }

    /** array_values($array). */
    public static PhpArray values(PhpArray array) {
        return PhpArray.list(array.values());
    }

    /** asort($array) with SORT_REGULAR: stable, by PHP 8 {@code <=>}, keys kept. */
    public static PhpArray asort(PhpArray array, Budget budget) {
        return StableSort.sortByValue(array, (a, b) -> Php.compare(a, b), budget);
    }

    /**
     * uasort($array, $callback): stable, keys kept; the callback's result is read like PHP does (converted to int, so
     * 0.5 counts as 0).
     */
    public static PhpArray uasort(PhpArray array, BiFunction<Object, Object, Object> callback, Budget budget) {
        return StableSort.sortByValue(array, (a, b) -> Long.signum(Php.toLong(callback.apply(a, b))), budget);
    }

    /**
     * max(...$values) / max($array): the first greatest value by PHP 8 {@code <=>}.
     *
     * @throws PhpError "max(): Argument #1 ($value) must contain at least one element" and the like
     */
    public static Object max(List<Object> args) {
        return extreme("max", args, 1);
    }

    /** min(...$values) / min($array). */
    public static Object min(List<Object> args) {
        return extreme("min", args, -1);
    }

    private static Object extreme(String function, List<Object> args, int direction) {
        List<Object> candidates;
        if (args.size() == 1) {
            if (!(args.get(0) instanceof PhpArray array)) {
                throw new PhpError(function + "(): Argument #1 ($value) must be of type array, "
                        + Php.typeName(args.get(0)) + " given");
            }
            if (array.isEmpty()) {
                throw new PhpError(function + "(): Argument #1 ($value) must contain at least one element");
            }
            candidates = array.values();
        } else if (args.isEmpty()) {
            throw new PhpError(function + "() expects at least 1 argument, 0 given");
        } else {
            candidates = args;
        }
        Object best = candidates.get(0);
        for (Object candidate : candidates.subList(1, candidates.size())) {
            int c = direction > 0 ? Php.compare(best, candidate) : Php.compare(candidate, best);
            if (c < 0) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * array_column($rows, $column, $indexKey) (Twig's column filter): rows that are not arrays or lack the column are
     * skipped; a null column takes whole rows.
     */
    public static PhpArray column(PhpArray rows, Object column, Object indexKey) {
        PhpArray result = new PhpArray();
        for (Object row : rows.values()) {
            if (!(row instanceof PhpArray fields)) {
                continue;
            }
            Object value;
            if (column == null) {
                value = fields;
            } else if (fields.containsKey(column)) {
                value = fields.get(column);
            } else {
                continue;
            }
            Object key = indexKey == null || !fields.containsKey(indexKey) ? null : fields.get(indexKey);
            if (indexKey != null && fields.containsKey(indexKey) && !(key instanceof PhpArray)) {
                result.put(key, value);
            } else {
                result.append(value);
            }
        }
        return result;
    }

    /** in_array($needle, $haystack, $strict). */
    public static boolean inArray(Object needle, PhpArray haystack, boolean strict) {
        for (Object value : haystack.values()) {
            if (strict ? Php.strictEquals(value, needle) : Php.looseEquals(value, needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * array_chunk($array, $length, $preserveKeys).
     *
     * @throws PhpError "array_chunk(): Argument #2 ($length) must be greater than 0"
     */
    public static PhpArray chunk(PhpArray array, long length, boolean preserveKeys, Budget budget) {
        if (length < 1) {
            throw new PhpError("array_chunk(): Argument #2 ($length) must be greater than 0");
        }
        budget.checkCollection((array.size() + length - 1) / length);
        PhpArray chunks = new PhpArray();
        PhpArray current = null;
        for (Map.Entry<Object, Object> entry : array.entries()) {
            if (current == null || current.size() >= length) {
                current = new PhpArray();
                chunks.append(current);
            }
            if (preserveKeys) {
                current.put(entry.getKey(), entry.getValue());
            } else {
                current.append(entry.getValue());
            }
        }
        return chunks;
    }
}
