package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.REQUIRED;
import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpArrays;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sequence filters: length, slice, first, last, join, keys, merge, reverse, sort, map, filter, reduce, ... */
final class ArrayFilters {
    private ArrayFilters() {}

    static void register(Builtins b) {
        b.filter("join", (rt, v, a) -> join(rt.budget(), v, arg(a, 0, ""), arg(a, 1, null)),
                p("glue", ""), p("and", null));
        b.filter("sort", (rt, v, a) -> sort(rt, v, arg(a, 0, null)), p("arrow", null));
        b.filter("merge", (rt, v, a) -> merge(rt.budget(), v, a));
        b.filter("batch", (rt, v, a) -> batch(rt.budget(), v, arg(a, 0, null), arg(a, 1, null), arg(a, 2, true)),
                p("size", REQUIRED), p("fill", null), p("preserve_keys", true));
        b.filter("column", (rt, v, a) -> column(v, arg(a, 0, null), arg(a, 1, null)),
                p("name", REQUIRED), p("index", null));
        b.filter("filter", (rt, v, a) -> filter(rt, v, arg(a, 0, null)), p("arrow", REQUIRED));
        b.filter("map", (rt, v, a) -> map(rt, v, arg(a, 0, null)), p("arrow", REQUIRED));
        b.filter("reduce", (rt, v, a) -> reduce(rt, v, arg(a, 0, null), arg(a, 1, null)),
                p("arrow", REQUIRED), p("initial", null));
        b.filter("reverse", (rt, v, a) -> reverse(v, Values.truthy(arg(a, 0, false))), p("preserve_keys", false));
        b.filter("length", (rt, v, a) -> length(v));
        b.filter("slice", (rt, v, a) -> slice(rt, v, arg(a, 0, 0L), arg(a, 1, null), Values.truthy(arg(a, 2, false))),
                p("start", REQUIRED), p("length", null), p("preserve_keys", false));
        b.filter("first", (rt, v, a) -> firstOrLast(rt, v, 0L));
        b.filter("last", (rt, v, a) -> firstOrLast(rt, v, -1L));
        b.filter("default", (rt, v, a) -> Values.isEmpty(v) ? arg(a, 0, "") : v, p("default", ""));
        b.filter("keys", (rt, v, a) -> v instanceof PhpArray arr ? PhpArrays.keys(arr) : new PhpArray());
        b.filter("find", (rt, v, a) -> find(rt, v, arg(a, 0, null)), p("arrow", REQUIRED));
        b.filter("invoke", (rt, v, a) -> rt.callArrow(v, "invoke", a));
        b.filter("shuffle", (rt, v, a) -> shuffle(v));
    }

    static long length(Object v) {
        return switch (v) {
            case null -> 0L;
            case PhpArray a -> (long) a.size();
            case Closure c -> 1L;
            default -> PhpStrings.length(Values.str(v));
        };
    }

    /** Twig's join: implode of the values, the last pair joined by {@code and} when given. */
    private static Object join(Budget budget, Object value, Object glueArg, Object andArg) {
        PhpArray items = value instanceof PhpArray a ? PhpArrays.values(a) : value == null ? new PhpArray()
                : PhpArray.of(value);
        if (items.size() == 0) {
            return "";
        }
        String glue = Values.str(glueArg);
        if (andArg == null || Php.strictEquals(Values.unwrap(andArg), Values.unwrap(glueArg))) {
            return PhpArrays.implode(glue, unwrapValues(items), budget);
        }
        if (items.size() == 1) {
            return items.get(0L);
        }
        String head = PhpArrays.implode(glue, unwrapValues((PhpArray) PhpStrings.slice(items, 0, -1L, false, budget)), budget);
        return Operators.concat(budget, Operators.concat(budget, head, andArg), items.get((long) items.size() - 1));
    }

    /** Markup values become their strings (PHP converts them with __toString). */
    private static PhpArray unwrapValues(PhpArray items) {
        if (items.values().stream().noneMatch(x -> x instanceof Markup || x instanceof Closure)) {
            return items;
        }
        PhpArray out = new PhpArray();
        for (Object v : items.values()) {
            out.append(v instanceof Markup || v instanceof Closure ? Values.str(v) : v);
        }
        return out;
    }

    static PhpArray requireArray(Object v, String message) {
        if (v instanceof PhpArray a) {
            return a;
        }
        throw new PhpError(message.replace("%s", Php.typeName(Values.unwrap(v))));
    }

    private static PhpArray sort(Interpreter rt, Object value, Object arrow) {
        PhpArray array = requireArray(value, "The \"sort\" filter expects a sequence or a mapping, got \"%s\".");
        if (arrow == null) {
            return PhpArrays.asort(unwrapValues(array), rt.budget());
        }
        return PhpArrays.uasort(array, (x, y) -> Values.unwrap(rt.callArrow(arrow, "sort", x, y)), rt.budget());
    }

    /** Twig 3.24's merge (any number of arrays): array_merge, list keys renumbered, string keys overwrite. */
    private static PhpArray merge(Budget budget, Object first, Object[] others) {
        List<PhpArray> arrays = new ArrayList<>();
        long total = 0;
        for (int i = 0; i <= others.length; i++) {
            Object v = i == 0 ? first : others[i - 1];
            if (!(v instanceof PhpArray a)) {
                throw new PhpError("The \"merge\" filter expects a sequence or a mapping, got \""
                        + Php.typeName(Values.unwrap(v)) + "\" for argument " + (i + 1) + ".");
            }
            arrays.add(a);
            total += a.size();
        }
        budget.checkCollection(total);
        PhpArray out = new PhpArray();
        for (PhpArray source : arrays) {
            out = PhpArrays.merge(out, source, budget);
        }
        return out;
    }

    private static PhpArray batch(Budget budget, Object items, Object sizeArg, Object fill, Object preserveKeys) {
        if (!(items instanceof PhpArray array)) {
            throw new PhpError("The \"batch\" filter expects a sequence or a mapping, got \""
                    + Php.typeName(Values.unwrap(items)) + "\".");
        }
        long size = (long) Math.ceil(Php.toDouble(Values.unwrap(sizeArg)));
        PhpArray out = PhpArrays.chunk(array, size, Values.truthy(preserveKeys), budget);
        if (fill != null && out.size() > 0) {
            PhpArray last = (PhpArray) out.get((long) out.size() - 1);
            budget.checkCollection(size);
            while (last.size() < size) {
                last.append(fill);
            }
        }
        return out;
    }

    /** array_column over arrays of arrays. */
    private static PhpArray column(Object value, Object name, Object index) {
        PhpArray array = requireArray(value, "The \"column\" filter expects a sequence or a mapping, got \"%s\".");
        PhpArray out = new PhpArray();
        Object column = Values.unwrap(name);
        Object indexKey = Values.unwrap(index);
        for (Object row : array.values()) {
            if (!(row instanceof PhpArray r)) {
                continue;
            }
            Object v;
            if (column == null) {
                v = r;
            } else if (r.containsKey(column)) {
                v = r.get(column);
            } else {
                continue;
            }
            Object k = indexKey != null && r.containsKey(indexKey) ? Values.unwrap(r.get(indexKey)) : null;
            if (k instanceof Long || k instanceof String) {
                out.put(k, v);
            } else {
                out.append(v);
            }
        }
        return out;
    }

    private static PhpArray filter(Interpreter rt, Object value, Object arrow) {
        PhpArray array = requireArray(value,
                "The \"filter\" filter expects a sequence/mapping or \"Traversable\", got \"%s\".");
        PhpArray out = new PhpArray();
        for (Map.Entry<Object, Object> e : array.entries()) {
            if (Values.truthy(rt.callArrow(arrow, "filter", e.getValue(), e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static PhpArray map(Interpreter rt, Object value, Object arrow) {
        PhpArray array = requireArray(value, "The \"map\" filter expects a sequence or a mapping, got \"%s\".");
        PhpArray out = new PhpArray();
        for (Map.Entry<Object, Object> e : array.entries()) {
            out.put(e.getKey(), rt.callArrow(arrow, "map", e.getValue(), e.getKey()));
        }
        return out;
    }

    private static Object reduce(Interpreter rt, Object value, Object arrow, Object initial) {
        PhpArray array = requireArray(value, "The \"reduce\" filter expects a sequence or a mapping, got \"%s\".");
        Object accumulator = initial;
        for (Map.Entry<Object, Object> e : array.entries()) {
            accumulator = rt.callArrow(arrow, "reduce", accumulator, e.getValue(), e.getKey());
        }
        return accumulator;
    }

    /** Twig 3.11+ find: the first value for which the arrow is true, or null. */
    private static Object find(Interpreter rt, Object value, Object arrow) {
        PhpArray array = requireArray(value, "The \"find\" filter expects a sequence or a mapping, got \"%s\".");
        for (Map.Entry<Object, Object> e : array.entries()) {
            if (Values.truthy(rt.callArrow(arrow, "find", e.getValue(), e.getKey()))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Twig 3.11+ shuffle (random order; keys are not kept). */
    private static Object shuffle(Object value) {
        if (value instanceof String s) {
            List<String> chars = new ArrayList<>();
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            java.util.Collections.shuffle(chars);
            return String.join("", chars);
        }
        if (value instanceof PhpArray a) {
            List<Object> items = new ArrayList<>(a.values());
            java.util.Collections.shuffle(items);
            return PhpArray.list(items);
        }
        return value;
    }

    private static Object reverse(Object value, boolean preserveKeys) {
        if (value instanceof PhpArray array) {
            return PhpArrays.reverse(array, preserveKeys);
        }
        return PhpStrings.reverse(Values.str(value));
    }

    /** twig_slice: array_slice for arrays, mb_substr for everything else. */
    static Object slice(Interpreter rt, Object item, Object startArg, Object lengthArg, boolean preserveKeys) {
        String function = item instanceof PhpArray ? "array_slice" : "mb_substr";
        long start = intParam(startArg, function, 2, item instanceof PhpArray ? "offset" : "start");
        Long length = lengthArg == null ? null : intParam(lengthArg, function, 3, "length");
        Object subject = item instanceof PhpArray ? item : Values.str(item);
        return PhpStrings.slice(subject, start, length, preserveKeys, rt.budget());
    }

    /** An int parameter of a PHP function in coercive mode: numbers, numeric strings, bools and null convert. */
    static long intParam(Object value, String function, int position, String name) {
        Object v = Values.unwrap(value);
        if (v instanceof String s && !Php.isNumeric(s) || v instanceof PhpArray || Values.isObject(v)) {
            throw new PhpError(function + "(): Argument #" + position + " ($" + name + ") must be of type int, "
                    + Php.typeName(v) + " given");
        }
        return Php.toLong(v);
    }

    /** twig_first / twig_last: current(slice) is false for an empty array. */
    private static Object firstOrLast(Interpreter rt, Object item, long start) {
        Object elements = slice(rt, item, start, 1L, false);
        if (elements instanceof PhpArray a) {
            return a.size() == 0 ? Boolean.FALSE : a.first();
        }
        return elements;
    }
}
