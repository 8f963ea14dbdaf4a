package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.REQUIRED;
import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpError;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Functions: range, max, min, cycle, random (date() is in DateFilters) and PERSCOM's widgetUrl(). */
final class CoreFunctions {
    private CoreFunctions() {}

    static void register(Builtins b) {
        b.function("max", (rt, v, a) -> extreme(a, true));
        b.function("min", (rt, v, a) -> extreme(a, false));
        b.function("range", (rt, v, a) -> range(rt, Values.unwrap(arg(a, 0, null)), Values.unwrap(arg(a, 1, null)),
                Values.unwrap(arg(a, 2, 1L))), p("low", REQUIRED), p("high", REQUIRED), p("step", 1L));
        b.function("cycle", (rt, v, a) -> cycle(arg(a, 0, null), arg(a, 1, null)),
                p("values", REQUIRED), p("position", REQUIRED));
        b.function("random", (rt, v, a) -> random(arg(a, 0, null), arg(a, 1, null)), p("values", null),
                p("max", null));
        b.function("widgetUrl", (rt, v, a) -> rt.widgetUrl());
    }

    /** PHP max()/min(): one array argument compares its values, several arguments compare each other. */
    private static Object extreme(Object[] args, boolean max) {
        String name = max ? "max" : "min";
        List<Object> values;
        if (args.length == 1) {
            if (!(args[0] instanceof PhpArray array)) {
                throw new PhpError(name + "(): Argument #1 ($value) must be of type array, "
                        + Php.typeName(Values.unwrap(args[0])) + " given");
            }
            if (array.size() == 0) {
                throw new PhpError(name + "(): Argument #1 ($value) must contain at least one element");
            }
            values = array.values();
        } else if (args.length == 0) {
            throw new PhpError(name + "() expects at least 1 argument, 0 given");
        } else {
            values = List.of(args);
        }
        Object best = values.get(0);
        for (Object v : values.subList(1, values.size())) {
            int c = Php.compare(Values.unwrap(v), Values.unwrap(best));
            if (max ? c > 0 : c < 0) {
                best = v;
            }
        }
        return best;
    }

    /** PHP 8.2 range(): letters for two non-numeric strings, floats when a bound or the step is a float. */
    static PhpArray range(Interpreter rt, Object low, Object high, Object stepArg) {
        double step = Math.abs(Php.toDouble(stepArg));
        boolean stepIsFloat = stepArg instanceof Double || (stepArg instanceof String s && isFloatString(s));
        PhpArray out = new PhpArray();
        if (low instanceof String a && high instanceof String b && !a.isEmpty() && !b.isEmpty()) {
            Number na = Php.isNumeric(a) ? Php.toNumber(a) : null;
            Number nb = Php.isNumeric(b) ? Php.toNumber(b) : null;
            if (na instanceof Double || nb instanceof Double || stepIsFloat) {
                return doubleRange(rt, Php.toDouble(a), Php.toDouble(b), step);
            }
            if (na == null && nb == null) {
                long lstep = (long) step;
                int from = a.charAt(0) & 0xFF;
                int to = b.charAt(0) & 0xFF;
                if (lstep <= 0 || Math.abs(from - to) > 0 && Math.abs(from - to) < lstep) {
                    throw stepError();
                }
                int dir = from <= to ? 1 : -1;
                for (int c = from; dir > 0 ? c <= to : c >= to; c += dir * lstep) {
                    out.append(String.valueOf((char) c));
                }
                return out;
            }
            return longRange(rt, Php.toLong(a), Php.toLong(b), step);
        }
        if (low instanceof Double || high instanceof Double || stepIsFloat) {
            return doubleRange(rt, Php.toDouble(low), Php.toDouble(high), step);
        }
        return longRange(rt, Php.toLong(low), Php.toLong(high), step);
    }

    private static boolean isFloatString(String s) {
        return Php.isNumeric(s) && Php.toNumber(s) instanceof Double;
    }

    private static PhpError stepError() {
        return new PhpError("range(): Argument #3 ($step) must not exceed the specified range");
    }

    private static PhpArray longRange(Interpreter rt, long low, long high, double stepValue) {
        long step = (long) stepValue;
        PhpArray out = new PhpArray();
        if (low == high) {
            return out.append(low);
        }
        long span = Math.abs(high - low);
        if (step <= 0 || span < step) {
            throw stepError();
        }
        long count = span / step + 1;
        rt.budget().checkCollection(count);
        rt.budget().tick(count);
        long dir = low < high ? 1 : -1;
        for (long i = 0; i < count; i++) {
            out.append(low + dir * i * step);
        }
        return out;
    }

    private static PhpArray doubleRange(Interpreter rt, double low, double high, double step) {
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new PhpError(String.format("Invalid range supplied: start=%.0f end=%.0f", low, high));
        }
        PhpArray out = new PhpArray();
        if (low == high) {
            return out.append(low);
        }
        double span = Math.abs(high - low);
        if (step <= 0 || span < step) {
            throw stepError();
        }
        double size = Math.floor(span / step + 0.5) + 1;
        rt.budget().checkCollection((long) Math.min(size, Long.MAX_VALUE));
        rt.budget().tick((long) size);
        double dir = low < high ? 1 : -1;
        for (long i = 0; i < size; i++) {
            double element = low + dir * i * step;
            if (dir > 0 ? element > high : element < high) {
                break;
            }
            out.append(element);
        }
        return out;
    }

    /** CoreExtension::cycle (3.24): $values[$position % count($values)]. */
    private static Object cycle(Object values, Object position) {
        if (!(values instanceof PhpArray array)) {
            throw new PhpError("The \"cycle\" function expects an array or \"ArrayAccess\" as first argument.");
        }
        if (array.size() == 0) {
            throw new PhpError("The \"cycle\" function expects a non-empty sequence.");
        }
        Object index = Php.mod(Values.unwrap(position), (long) array.size());
        if (!array.containsKey(index)) {
            throw new PhpError("Undefined array key " + Php.toStr(index));
        }
        return array.get(index);
    }

    /** twig_random (not deterministic; PERSCOM allows it). */
    private static Object random(Object valuesArg, Object maxArg) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Object values = Values.unwrap(valuesArg);
        Object max = Values.unwrap(maxArg);
        if (values == null) {
            long hi = max == null ? Integer.MAX_VALUE : Php.toLong(max);
            return randomBetween(random, 0, hi);
        }
        if (values instanceof Long || values instanceof Double) {
            long lo;
            long hi;
            if (max == null) {
                long v = Php.toLong(values);
                lo = Math.min(0, v);
                hi = Math.max(0, v);
            } else {
                lo = Php.toLong(values);
                hi = Php.toLong(max);
            }
            return randomBetween(random, lo, hi);
        }
        if (values instanceof String s) {
            if (s.isEmpty()) {
                return "";
            }
            int[] cps = s.codePoints().toArray();
            return new String(Character.toChars(cps[random.nextInt(cps.length)]));
        }
        if (!(values instanceof PhpArray array)) {
            return values;
        }
        if (array.size() == 0) {
            throw new PhpError("The \"random\" function cannot pick from an empty sequence or mapping.");
        }
        return array.values().get(random.nextInt(array.size()));
    }

    private static long randomBetween(ThreadLocalRandom random, long lo, long hi) {
        if (hi < lo) {
            throw new PhpError("mt_rand(): Argument #2 ($max) must be greater than or equal to argument #1 ($min)");
        }
        return hi == Long.MAX_VALUE ? random.nextLong(lo, hi) : random.nextLong(lo, hi + 1);
    }
}
