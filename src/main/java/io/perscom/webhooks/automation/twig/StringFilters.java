package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.REQUIRED;
import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpStrings;
import io.perscom.webhooks.automation.twig.Builtins.Safety;
import java.util.Map;

/** String filters: case, trim, replace, split, striptags, nl2br, spaceless, format, url_encode, json_encode. */
final class StringFilters {
    private StringFilters() {}

    static void register(Builtins b) {
        b.filter("format", (rt, v, a) -> PhpStrings.sprintf(string(v), Values.unwrapAll(a), rt.budget()));
        b.filter("replace", (rt, v, a) -> replace(rt.budget(), v, arg(a, 0, null)), p("from", REQUIRED));
        b.filter("url_encode", (rt, v, a) -> v instanceof PhpArray array
                ? PhpStrings.httpBuildQuery(array, rt.budget())
                : PhpStrings.rawUrlEncode(string(v), rt.budget()));
        b.filter("json_encode", (rt, v, a) -> jsonEncode(rt, v, a), p("flags", 0L), p("depth", 512L));
        b.filter("title", (rt, v, a) -> PhpStrings.title(string(v), rt.budget()));
        b.filter("capitalize", (rt, v, a) -> PhpStrings.capitalize(string(v), rt.budget()));
        b.filter("upper", (rt, v, a) -> PhpStrings.upper(string(v), rt.budget()));
        b.filter("lower", (rt, v, a) -> PhpStrings.lower(string(v), rt.budget()));
        b.filter("striptags", (rt, v, a) -> PhpStrings.striptags(string(v), allowedTags(arg(a, 0, null))),
                p("allowable_tags", null));
        b.filter("trim", (rt, v, a) -> trim(v, arg(a, 0, null), arg(a, 1, "both")),
                p("character_mask", null), p("side", "both"));
        b.filter("nl2br", Safety.HTML, true, (rt, v, a) -> PhpStrings.nl2br(string(v), rt.budget()));
        b.filter("spaceless", Safety.HTML, false,
                (rt, v, a) -> PhpStrings.spaceless(string(v)));
        b.filter("split", (rt, v, a) -> split(rt, v, arg(a, 0, null), arg(a, 1, null)),
                p("delimiter", REQUIRED), p("limit", null));
    }

    /** A string argument of a PHP string function (null is ""). */
    static String string(Object v) {
        return v == null ? "" : Values.str(v);
    }

    private static Object replace(Budget budget, Object value, Object from) {
        if (!(from instanceof PhpArray pairs)) {
            throw new PhpError("The \"replace\" filter expects a sequence or a mapping, got \""
                    + Php.typeName(Values.unwrap(from)) + "\".");
        }
        return PhpStrings.replace(string(value), pairs, budget);
    }

    private static Object jsonEncode(Interpreter rt, Object value, Object[] args) {
        int flags = (int) Php.toLong(arg(args, 0, 0L));
        int depth = (int) Php.toLong(arg(args, 1, 512L));
        String json = Json.encode(unwrapDeep(value), flags, depth, rt.budget());
        return json == null ? false : json;
    }

    /** Markup is JsonSerializable (its string); inside arrays too. */
    private static Object unwrapDeep(Object value) {
        if (value instanceof Markup m) {
            return m.content();
        }
        if (value instanceof PhpArray a) {
            boolean hasMarkup = a.values().stream().anyMatch(x -> x instanceof Markup || x instanceof PhpArray);
            if (!hasMarkup) {
                return a;
            }
            PhpArray copy = new PhpArray();
            for (Map.Entry<Object, Object> e : a.entries()) {
                copy.put(e.getKey(), unwrapDeep(e.getValue()));
            }
            return copy;
        }
        return value;
    }

    /** strip_tags accepts the allowed tags as a string ("<a><b>") or, since PHP 7.4, an array of names. */
    private static String allowedTags(Object allowed) {
        if (allowed == null) {
            return null;
        }
        if (allowed instanceof PhpArray names) {
            StringBuilder sb = new StringBuilder();
            for (Object name : names.values()) {
                sb.append('<').append(Values.str(name)).append('>');
            }
            return sb.toString();
        }
        return Values.str(allowed);
    }

    /** Twig 3.24: trimming a Markup with the default mask gives a Markup (still safe). */
    private static Object trim(Object value, Object mask, Object side) {
        String trimmed = PhpStrings.trim(string(value), mask == null ? null : Values.str(mask), Values.str(side));
        return value instanceof Markup && mask == null ? new Markup(trimmed) : trimmed;
    }

    private static PhpArray split(Interpreter rt, Object value, Object delimiter, Object limit) {
        return PhpStrings.split(string(value), delimiter == null ? "" : Values.str(delimiter),
                limit == null ? null : Php.toLong(Values.unwrap(limit)), rt.budget());
    }
}
