package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.REQUIRED;
import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.twig.Builtins.Safety;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** String filters: case, trim, replace, split, striptags, nl2br, spaceless, format, url_encode, json_encode. */
final class StringFilters {
    private StringFilters() {}

    static void register(Builtins b) {
        b.filter("format", (rt, v, a) -> PhpSprintf.format(v == null ? "" : Values.str(v), a, rt.budget()));
        b.filter("replace", (rt, v, a) -> replace(rt.budget(), v, arg(a, 0, null)), p("from", REQUIRED));
        b.filter("url_encode", (rt, v, a) -> urlEncode(v));
        b.filter("json_encode", (rt, v, a) -> jsonEncode(rt, v, a), p("flags", 0L), p("depth", 512L));
        b.filter("title", (rt, v, a) -> MbString.title(string(v)));
        b.filter("capitalize", (rt, v, a) -> {
            String s = string(v);
            return MbString.upper(MbString.substr(s, 0, 1L)) + MbString.lower(MbString.substr(s, 1, null));
        });
        b.filter("upper", (rt, v, a) -> MbString.upper(string(v)));
        b.filter("lower", (rt, v, a) -> MbString.lower(string(v)));
        b.filter("striptags", (rt, v, a) -> StripTags.strip(string(v), allowedTags(arg(a, 0, null))),
                p("allowable_tags", null));
        b.filter("trim", (rt, v, a) -> trim(v, arg(a, 0, null), arg(a, 1, "both")),
                p("character_mask", null), p("side", "both"));
        b.filter("nl2br", Safety.HTML, true, (rt, v, a) -> nl2br(rt.budget(), string(v)));
        b.filter("spaceless", Safety.HTML, true,
                (rt, v, a) -> PhpTrim.trim(string(v).replaceAll(">\\s+<", "><"), PhpTrim.DEFAULT_CHARS));
        b.filter("split", (rt, v, a) -> split(rt, v, arg(a, 0, null), arg(a, 1, null)),
                p("delimiter", REQUIRED), p("limit", null));
    }

    /** A string argument of a PHP string function (null is ""). */
    static String string(Object v) {
        return v == null ? "" : Values.str(v);
    }

    private static Object replace(Budget budget, Object value, Object from) {
        if (!(from instanceof PhpArray pairs)) {
            throw new PhpError("The \"replace\" filter expects an array or \"Traversable\" as replace values, got \""
                    + Values.classOrType(from) + "\".");
        }
        return strtr(budget, string(value), pairs);
    }

    /** strtr($s, $pairs): at each position the longest matching key is replaced; empty keys are ignored. */
    static String strtr(Budget budget, String s, PhpArray pairs) {
        List<Map.Entry<String, String>> replacements = new ArrayList<>();
        for (Map.Entry<Object, Object> e : pairs.entries()) {
            String key = Php.toStr(e.getKey());
            if (!key.isEmpty()) {
                replacements.add(Map.entry(key, Values.str(e.getValue())));
            }
        }
        if (replacements.isEmpty()) {
            return s;
        }
        replacements.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        outer:
        while (i < s.length()) {
            budget.tick();
            for (Map.Entry<String, String> r : replacements) {
                if (s.startsWith(r.getKey(), i)) {
                    budget.checkString((long) out.length() + r.getValue().length() + (s.length() - i));
                    out.append(r.getValue());
                    i += r.getKey().length();
                    continue outer;
                }
            }
            out.append(s.charAt(i++));
        }
        return out.toString();
    }

    private static String urlEncode(Object value) {
        if (value instanceof PhpArray array) {
            StringBuilder out = new StringBuilder();
            buildQuery(out, array, null);
            return out.toString();
        }
        return Escaper.rawUrlEncode(string(value));
    }

    /** http_build_query($a, '', '&', PHP_QUERY_RFC3986). */
    private static void buildQuery(StringBuilder out, PhpArray array, String prefix) {
        for (Map.Entry<Object, Object> e : array.entries()) {
            String key = Escaper.rawUrlEncode(Php.toStr(e.getKey()));
            String name = prefix == null ? key : prefix + "%5B" + key + "%5D";
            Object v = Values.unwrap(e.getValue());
            if (v == null) {
                continue;
            }
            if (v instanceof PhpArray nested) {
                buildQuery(out, nested, name);
                continue;
            }
            String text = v instanceof Boolean bool ? (bool ? "1" : "0") : Values.str(v);
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(name).append('=').append(Escaper.rawUrlEncode(text));
        }
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

    private static String trim(Object value, Object mask, Object side) {
        String chars = mask == null ? PhpTrim.DEFAULT_CHARS : PhpTrim.expandRanges(Values.str(mask));
        String s = string(value);
        return switch (Values.str(side)) {
            case "both" -> PhpTrim.trim(s, chars);
            case "left" -> PhpTrim.ltrim(s, chars);
            case "right" -> PhpTrim.rtrim(s, chars);
            default -> throw new PhpError("Trimming side must be \"left\", \"right\" or \"both\".");
        };
    }

    /** nl2br: "<br />" before every line break (\r\n, \n\r, \n, \r). */
    private static String nl2br(Budget budget, String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                budget.checkString((long) out.length() + 8 + (s.length() - i));
                out.append("<br />").append(c);
                if (i + 1 < s.length()) {
                    char d = s.charAt(i + 1);
                    if ((c == '\r' && d == '\n') || (c == '\n' && d == '\r')) {
                        out.append(d);
                        i++;
                    }
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static PhpArray split(Interpreter rt, Object value, Object delimiterArg, Object limitArg) {
        String s = string(value);
        String delimiter = delimiterArg == null ? "" : Values.str(delimiterArg);
        Budget budget = rt.budget();
        if (!delimiter.isEmpty()) {
            return explode(budget, delimiter, s, limitArg == null ? null : Php.toLong(Values.unwrap(limitArg)));
        }
        long limit = limitArg == null ? 0 : Php.toLong(Values.unwrap(limitArg));
        PhpArray out = new PhpArray();
        int n = (int) MbString.strlen(s);
        if (limit <= 1) {
            budget.checkCollection(Math.max(1, n));
            if (s.isEmpty()) {
                return out.append("");
            }
            s.codePoints().forEach(cp -> out.append(new String(Character.toChars(cp))));
            return out;
        }
        if (n < limit) {
            return out.append(s);
        }
        budget.checkCollection((n + limit - 1) / limit);
        for (long i = 0; i < n; i += limit) {
            out.append(MbString.substr(s, i, limit));
        }
        return out;
    }

    /** explode($delimiter, $s, $limit). */
    static PhpArray explode(Budget budget, String delimiter, String s, Long limit) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(delimiter, from)) >= 0) {
            budget.tick();
            if (limit != null && limit > 0 && parts.size() == limit - 1) {
                break;
            }
            if (limit != null && limit == 0 && parts.size() == 0) {
                break;
            }
            parts.add(s.substring(from, at));
            budget.checkCollection(parts.size() + 1);
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        if (limit != null && limit < 0) {
            int keep = (int) Math.max(0, parts.size() + limit);
            parts = parts.subList(0, keep);
        }
        return PhpArray.list(parts);
    }
}
