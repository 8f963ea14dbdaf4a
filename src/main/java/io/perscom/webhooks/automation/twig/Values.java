package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;

/** Twig-level views of PHP values: Markup and closures are objects; arrays cannot become strings. */
final class Values {
    private Values() {}

    /**
     * PHP's string conversion. An array raises "Array to string conversion": plain PHP only warns and prints "Array",
     * but PERSCOM runs under Laravel, which turns every warning into an exception, so the render fails there.
     */
    static String str(Object value) {
        if (value instanceof Markup m) {
            return m.content();
        }
        if (value instanceof Closure) {
            throw new PhpError("Object of class Closure could not be converted to string");
        }
        return Php.toStr(value);
    }

    /** PHP truthiness; objects (Markup, dates, closures) are always true. */
    static boolean truthy(Object value) {
        if (value instanceof Markup || value instanceof Closure || value instanceof PhpDate) {
            return true;
        }
        return Php.toBool(value);
    }

    /** Markup compares and converts like its string (PHP calls __toString for string contexts). */
    static Object unwrap(Object value) {
        return value instanceof Markup m ? m.content() : value;
    }

    static boolean isObject(Object value) {
        return value instanceof Markup || value instanceof Closure || value instanceof PhpDate;
    }

    /** twig_test_empty. */
    static boolean isEmpty(Object value) {
        if (value instanceof Markup m) {
            return m.content().isEmpty();
        }
        if (value instanceof PhpArray a) {
            return a.size() == 0;
        }
        if (isObject(value)) {
            return value instanceof PhpDate && value.toString().isEmpty();
        }
        return value == null || "".equals(value) || Boolean.FALSE.equals(value);
    }

    /** The arguments with Markup as strings, for PHP functions that convert objects with __toString. */
    static java.util.List<Object> unwrapAll(Object[] args) {
        java.util.List<Object> out = new java.util.ArrayList<>(args.length);
        for (Object a : args) {
            out.add(unwrap(a));
        }
        return out;
    }
}
