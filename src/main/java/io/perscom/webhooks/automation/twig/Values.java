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

    static boolean isIterable(Object value) {
        return value instanceof PhpArray;
    }

    static boolean isObject(Object value) {
        return value instanceof Markup || value instanceof Closure || value instanceof PhpDate;
    }

    /** PHP gettype() names used in Twig's error messages. */
    static String getType(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Boolean b -> "boolean";
            case Long l -> "integer";
            case Double d -> "double";
            case String s -> "string";
            case PhpArray a -> "array";
            default -> "object";
        };
    }

    /** get_class() or gettype() as Twig's messages use ("is_object ? get_class : gettype"). */
    static String classOrType(Object value) {
        return switch (value) {
            case Markup m -> "Twig\\Markup";
            case Closure c -> "Closure";
            case PhpDate d -> "Carbon\\Carbon";
            default -> getType(value);
        };
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
}
