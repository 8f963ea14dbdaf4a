package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.REQUIRED;
import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpArrays;
import io.perscom.webhooks.automation.php.PhpError;
import java.util.concurrent.ThreadLocalRandom;

/** Functions: range, max, min, cycle, random (date() is in DateFilters) and PERSCOM's widgetUrl(). */
final class CoreFunctions {
    private CoreFunctions() {}

    static void register(Builtins b) {
        b.function("max", (rt, v, a) -> PhpArrays.max(Values.unwrapAll(a)));
        b.function("min", (rt, v, a) -> PhpArrays.min(Values.unwrapAll(a)));
        b.function("range", (rt, v, a) -> range(rt, arg(a, 0, null), arg(a, 1, null), arg(a, 2, 1L)),
                p("low", REQUIRED), p("high", REQUIRED), p("step", 1L));
        b.function("cycle", (rt, v, a) -> cycle(arg(a, 0, null), arg(a, 1, null)),
                p("values", REQUIRED), p("position", REQUIRED));
        b.function("random", (rt, v, a) -> random(arg(a, 0, null), arg(a, 1, null)), p("values", null),
                p("max", null));
        b.function("widgetUrl", (rt, v, a) -> rt.widgetUrl());
    }

    /** PHP's range() (also the ".." operator). */
    static PhpArray range(Interpreter rt, Object low, Object high, Object step) {
        return PhpArrays.range(Values.unwrap(low), Values.unwrap(high), Values.unwrap(step), rt.budget());
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
