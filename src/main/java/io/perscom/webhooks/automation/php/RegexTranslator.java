package io.perscom.webhooks.automation.php;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Translates a delimited PCRE pattern with modifiers into java.util.regex. */
final class RegexTranslator {

    private static final String PREFIX = "preg_match(): ";
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

    private final String body;
    private final boolean extended;
    private final boolean ungreedy;
    private final boolean dollarEndOnly;
    private final boolean noAutoCapture;
    /** /iu: PCRE folds ß and the capital sharp s ẞ together, java.util.regex does not. */
    private final boolean foldSharpS;
    private final StringBuilder out = new StringBuilder();
    private final List<String> groupNames = new ArrayList<>();
    private final Map<String, String> javaNames = new HashMap<>();
    private int pos;

    private RegexTranslator(String body, String modifiers) {
        this.body = body;
        this.extended = modifiers.indexOf('x') >= 0;
        this.ungreedy = modifiers.indexOf('U') >= 0;
        this.dollarEndOnly = modifiers.indexOf('D') >= 0 && modifiers.indexOf('m') < 0;
        this.noAutoCapture = modifiers.indexOf('n') >= 0;
        this.foldSharpS = modifiers.indexOf('i') >= 0 && modifiers.indexOf('u') >= 0;
        groupNames.add(null);
    }

    static RegexTranslation translate(String pcre) {
        int start = 0;
        while (start < pcre.length() && Character.isWhitespace(pcre.charAt(start))) {
            start++;
        }
        if (start >= pcre.length()) {
            throw new PhpError(PREFIX + "Empty regular expression");
        }
        char open = pcre.charAt(start);
        if (Character.isLetterOrDigit(open) || open == '\\' || open == '\0') {
            throw new PhpError(PREFIX + "Delimiter must not be alphanumeric, backslash, or NUL");
        }
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        int end = findEnd(pcre, start + 1, open, close);
        String modifiers = pcre.substring(end + 1);
        int flags = Pattern.UNIX_LINES;
        boolean utf8 = false;
        for (char m : modifiers.toCharArray()) {
            switch (m) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'u' -> utf8 = true;
                case 'x', 'U', 'D', 'A', 'S', 'X', 'J', 'n', ' ', '\n', '\r' -> { }
                case 'e' -> throw new PhpError(PREFIX
                        + "The /e modifier is no longer supported, use preg_replace_callback instead");
                default -> throw new PhpError(PREFIX + "Unknown modifier '" + m + "'");
            }
        }
        if (utf8) {
            flags |= Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE;
        }
        String body = pcre.substring(start + 1, end);
        if (!utf8) {
            body = ByteString.encode(body);
        }
        RegexTranslator translator = new RegexTranslator(body, modifiers);
        String java = translator.translateBody();
        if (modifiers.indexOf('A') >= 0) {
            java = "\\G(?:" + java + ")";
        }
        try {
            return new RegexTranslation(Pattern.compile(java, flags), utf8, List.copyOf(nullable(translator.groupNames)));
        } catch (PatternSyntaxException e) {
            throw new PhpError(PREFIX + "Compilation failed: " + JavaRegexErrors.describe(e, body.length()));
        }
    }

    private static List<String> nullable(List<String> names) {
        // List.copyOf rejects nulls: keep unnamed groups as empty strings internally, then map back
        List<String> copy = new ArrayList<>(names.size());
        for (String name : names) {
            copy.add(name == null ? "" : name);
        }
        return copy;
    }

    private static int findEnd(String pcre, int from, char open, char close) {
        int depth = 1;
        for (int i = from; i < pcre.length(); i++) {
            char c = pcre.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == close && open != close && --depth == 0) {
                return i;
            } else if (c == close && open == close) {
                return i;
            } else if (c == open && open != close) {
                depth++;
            }
        }
        throw new PhpError(PREFIX + (open == close
                ? "No ending delimiter '" + close + "' found"
                : "No ending matching delimiter '" + close + "' found"));
    }

    private String translateBody() {
        boolean quantifiable = false;
        while (pos < body.length()) {
            char c = body.charAt(pos);
            if (extended && isPatternWhitespace(c)) {
                pos++;
                continue;
            }
            if (extended && c == '#') {
                while (pos < body.length() && body.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            switch (c) {
                case '\\' -> quantifiable = escape();
                case '[' -> {
                    characterClass();
                    quantifiable = true;
                }
                case '(' -> quantifiable = group();
                case ')' -> {
                    out.append(')');
                    pos++;
                    quantifiable = true;
                }
                case '*', '+', '?' -> {
                    out.append(c);
                    pos++;
                    quantifierSuffix();
                    quantifiable = false;
                }
                case '{' -> quantifiable = brace(quantifiable);
                case '}' -> {
                    out.append("\\}");
                    pos++;
                    quantifiable = true;
                }
                case '$' -> {
                    out.append(dollarEndOnly ? "\\z" : "$");
                    pos++;
                    quantifiable = false;
                }
                default -> {
                    out.append(foldSharpS && (c == 'ß' || c == 'ẞ') ? "[ßẞ]" : String.valueOf(c));
                    pos++;
                    quantifiable = c != '^' && c != '|';
                }
            }
        }
        return out.toString();
    }

    private static boolean isPatternWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** After a quantifier: PCRE lazy/possessive markers, swapped by the U modifier. */
    private void quantifierSuffix() {
        char next = pos < body.length() ? body.charAt(pos) : 0;
        if (next == '+') {
            out.append('+');
            pos++;
        } else if (next == '?') {
            pos++;
            if (!ungreedy) {
                out.append('?');
            }
        } else if (ungreedy) {
            out.append('?');
        }
    }

    private boolean brace(boolean quantifiable) {
        int close = body.indexOf('}', pos);
        if (quantifiable && close > pos && body.substring(pos + 1, close).matches("\\d+(,\\d*)?")) {
            out.append(body, pos, close + 1);
            pos = close + 1;
            quantifierSuffix();
            return false;
        }
        out.append("\\{");
        pos++;
        return true;
    }

    private boolean escape() {
        if (pos + 1 >= body.length()) {
            throw compileError("\\ at end of pattern");
        }
        char c = body.charAt(pos + 1);
        switch (c) {
            case 'Q' -> {
                int end = body.indexOf("\\E", pos + 2);
                String quoted = end < 0 ? body.substring(pos + 2) : body.substring(pos + 2, end);
                out.append(Pattern.quote(quoted));
                pos = end < 0 ? body.length() : end + 2;
                return true;
            }
            case 'E' -> {
                pos += 2;
                return false;
            }
            case 'N' -> {
                out.append("[^\\n]");
                pos += 2;
                return true;
            }
            case 'K' -> throw unsupported("\\K");
            case 'g' -> {
                backReferenceG();
                return true;
            }
            case 'k' -> {
                backReferenceK();
                return true;
            }
            case 'o' -> {
                int close = body.indexOf('}', pos);
                if (pos + 2 < body.length() && body.charAt(pos + 2) == '{' && close > 0) {
                    int value = Integer.parseInt(body.substring(pos + 3, close), 8);
                    out.append("\\x{").append(Integer.toHexString(value)).append('}');
                    pos = close + 1;
                    return true;
                }
                throw compileError("missing opening brace after \\o");
            }
            case 'p', 'P' -> {
                property(c);
                return true;
            }
            case 'x' -> {
                hexEscape();
                return true;
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    digitEscape(false);
                    return true;
                }
                out.append('\\').append(c);
                pos += 2;
                return c != 'b' && c != 'B' && c != 'A' && c != 'z' && c != 'Z' && c != 'G';
            }
        }
    }

    /** \\xhh (0 to 2 hex digits) or \\x{hhh}. */
    private void hexEscape() {
        int j = pos + 2;
        if (j < body.length() && body.charAt(j) == '{') {
            int close = body.indexOf('}', j);
            if (close < 0 || !body.substring(j + 1, close).matches("[0-9A-Fa-f]+")) {
                throw compileError("non-hex character in \\x{} (closing brace missing?)");
            }
            out.append(body, pos, close + 1);
            pos = close + 1;
            return;
        }
        int k = j;
        while (k < body.length() && k < j + 2 && Character.digit(body.charAt(k), 16) >= 0) {
            k++;
        }
        int value = k == j ? 0 : Integer.parseInt(body.substring(j, k), 16);
        out.append("\\x{").append(Integer.toHexString(value)).append('}');
        pos = k;
    }

    /**
     * \\ followed by digits: PCRE reads a back reference when the number is below 10, starts with 8 or 9, or names an
     * existing group; otherwise up to three octal digits (in a character class always octal).
     */
    private void digitEscape(boolean inClass) {
        int j = pos + 1;
        int k = j;
        while (k < body.length() && Character.isDigit(body.charAt(k))) {
            k++;
        }
        String digits = body.substring(j, k);
        boolean octalStart = digits.charAt(0) < '8';
        if (!inClass && digits.charAt(0) != '0') {
            int number = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (number < 10 || !octalStart || number < groupNames.size()) {
                out.append("(?:\\").append(number).append(')');
                pos = k;
                return;
            }
        }
        int end = j;
        while (end < body.length() && end < j + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
            end++;
        }
        if (end == j) {
            // \\8 or \\9 inside a class: the digit itself
            out.append(body.charAt(j));
            pos = j + 1;
            return;
        }
        out.append("\\x{").append(Integer.toHexString(Integer.parseInt(body.substring(j, end), 8))).append('}');
        pos = end;
    }

    private void property(char c) {
        int j = pos + 2;
        if (j < body.length() && body.charAt(j) == '{') {
            int close = body.indexOf('}', j);
            if (close < 0) {
                throw compileError("malformed \\P or \\p sequence");
            }
            String name = body.substring(j + 1, close);
            boolean negated = name.startsWith("^");
            if (negated) {
                name = name.substring(1);
            }
            char letter = negated ? (c == 'p' ? 'P' : 'p') : c;
            out.append('\\').append(letter).append('{').append(javaProperty(name)).append('}');
            pos = close + 1;
        } else {
            out.append(body, pos, Math.min(pos + 3, body.length()));
            pos += 3;
        }
    }

    private static String javaProperty(String name) {
        if (name.equals("L&")) {
            return "LC";
        }
        if (name.length() <= 2 || name.equals("Any")) {
            return name.equals("Any") ? "IsAssigned" : name;
        }
        return "Is" + name;
    }

    private void backReferenceG() {
        int j = pos + 2;
        String ref;
        if (j < body.length() && body.charAt(j) == '{') {
            int close = body.indexOf('}', j);
            if (close < 0) {
                throw compileError("a numbered reference must not be zero");
            }
            ref = body.substring(j + 1, close);
            pos = close + 1;
        } else {
            int k = j;
            if (k < body.length() && (body.charAt(k) == '-' || body.charAt(k) == '+')) {
                k++;
            }
            while (k < body.length() && Character.isDigit(body.charAt(k))) {
                k++;
            }
            ref = body.substring(j, k);
            pos = k;
        }
        appendReference(ref);
    }

    private void backReferenceK() {
        int j = pos + 2;
        char open = j < body.length() ? body.charAt(j) : 0;
        char close = switch (open) {
            case '<' -> '>';
            case '\'' -> '\'';
            case '{' -> '}';
            default -> throw compileError("\\k is not followed by a braced, angle-bracketed, or quoted name");
        };
        int end = body.indexOf(close, j + 1);
        if (end < 0) {
            throw compileError("syntax error in subpattern name (missing terminator?)");
        }
        pos = j + 1;
        appendReference(body.substring(j + 1, end));
        pos = end + 1;
    }

    private void appendReference(String ref) {
        if (ref.matches("-\\d+")) {
            int number = groupNames.size() - Integer.parseInt(ref.substring(1));
            out.append("(?:\\").append(number).append(')');
        } else if (ref.matches("\\+?\\d+")) {
            out.append("(?:\\").append(Integer.parseInt(ref.replace("+", ""))).append(')');
        } else {
            String java = javaNames.get(ref);
            if (java == null) {
                throw compileError("reference to non-existent subpattern");
            }
            out.append("\\k<").append(java).append('>');
        }
    }

    /** Returns whether what follows may be quantified (it is an opening: the group's close decides). */
    private boolean group() {
        String rest = body.substring(pos);
        if (rest.startsWith("(?#")) {
            int close = body.indexOf(')', pos);
            pos = close < 0 ? body.length() : close + 1;
            return false;
        }
        if (rest.startsWith("(?P=")) {
            int close = body.indexOf(')', pos);
            if (close < 0) {
                throw compileError("syntax error in subpattern name (missing terminator?)");
            }
            appendReference(body.substring(pos + 4, close));
            pos = close + 1;
            return true;
        }
        String name = null;
        int after = -1;
        if (rest.startsWith("(?P<")) {
            after = body.indexOf('>', pos);
            name = after < 0 ? null : body.substring(pos + 4, after);
        } else if (rest.startsWith("(?<") && !rest.startsWith("(?<=") && !rest.startsWith("(?<!")) {
            after = body.indexOf('>', pos);
            name = after < 0 ? null : body.substring(pos + 3, after);
        } else if (rest.startsWith("(?'")) {
            after = body.indexOf('\'', pos + 3);
            name = after < 0 ? null : body.substring(pos + 3, after);
        }
        if (name != null) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
                throw compileError("subpattern name expected");
            }
            if (javaNames.containsKey(name)) {
                pos = after + 1;
                throw compileError("two named subpatterns have the same name (PCRE2_DUPNAMES not set)");
            }
            String java = "g" + groupNames.size() + name.replace("_", "");
            javaNames.put(name, java);
            groupNames.add(name);
            out.append("(?<").append(java).append('>');
            pos = after + 1;
            return false;
        }
        if (rest.startsWith("(?")) {
            char kind = rest.length() > 2 ? rest.charAt(2) : 0;
            if (kind == ':' || kind == '=' || kind == '!' || kind == '>' || rest.startsWith("(?<=")
                    || rest.startsWith("(?<!")) {
                out.append(rest, 0, rest.startsWith("(?<") ? 4 : 3);
                pos += rest.startsWith("(?<") ? 4 : 3;
                return false;
            }
            if (Character.isLetter(kind) || kind == '-' || kind == '^') {
                return inlineFlags(rest);
            }
            throw unsupported(rest.substring(0, Math.min(3, rest.length())));
        }
        if (rest.startsWith("(*")) {
            throw unsupported("(*");
        }
        if (noAutoCapture) {
            out.append("(?:");
        } else {
            groupNames.add(null);
            out.append('(');
        }
        pos++;
        return false;
    }

    private boolean inlineFlags(String rest) {
        int j = 2;
        StringBuilder flags = new StringBuilder("(?");
        while (j < rest.length() && rest.charAt(j) != ')' && rest.charAt(j) != ':') {
            char f = rest.charAt(j);
            switch (f) {
                case 'i', 'm', 's', '-' -> flags.append(f);
                case 'x', 'J', 'U', 'n', '^' -> throw unsupported("(?" + f);
                default -> throw compileError("unrecognized character after (? or (?-");
            }
            j++;
        }
        if (j >= rest.length()) {
            throw compileError("missing closing parenthesis");
        }
        flags.append(rest.charAt(j));
        out.append(flags);
        pos += j + 1;
        return false;
    }

    private void characterClass() {
        out.append('[');
        pos++;
        if (pos < body.length() && body.charAt(pos) == '^') {
            out.append('^');
            pos++;
        }
        boolean first = true;
        while (pos < body.length()) {
            char c = body.charAt(pos);
            if (c == ']' && !first) {
                out.append(']');
                pos++;
                return;
            }
            first = false;
            if (c == '\\' && pos + 1 < body.length()) {
                char e = body.charAt(pos + 1);
                if (e == 'p' || e == 'P') {
                    property(e);
                    continue;
                }
                if (e == 'x') {
                    hexEscape();
                    continue;
                }
                if (e >= '0' && e <= '9') {
                    digitEscape(true);
                    continue;
                }
                out.append(body, pos, pos + 2);
                pos += 2;
            } else if (c == '[' && body.startsWith("[:", pos)) {
                int close = body.indexOf(":]", pos + 2);
                if (close < 0) {
                    out.append("\\[");
                    pos++;
                    continue;
                }
                String name = body.substring(pos + 2, close);
                boolean negated = name.startsWith("^");
                String java = POSIX_CLASSES.get(negated ? name.substring(1) : name);
                if (java == null) {
                    throw compileError("unknown POSIX class name");
                }
                out.append(negated ? negate(java) : java);
                pos = close + 2;
            } else if (c == '[' || c == '&' || c == ']') {
                out.append('\\').append(c);
                pos++;
            } else {
                out.append(foldSharpS && (c == 'ß' || c == 'ẞ') ? "ßẞ" : String.valueOf(c));
                pos++;
            }
        }
        throw compileError("missing terminating ] for character class");
    }

    private static String negate(String javaClass) {
        return switch (javaClass) {
            case "\\s" -> "\\S";
            case "\\w" -> "\\W";
            default -> "\\P" + javaClass.substring(2);
        };
    }

    private PhpError compileError(String message) {
        return new PhpError(PREFIX + "Compilation failed: " + message + " at offset " + pos);
    }

    private PhpError unsupported(String construct) {
        return new PhpError(PREFIX + "Compilation failed: " + construct + " is not supported at offset " + pos);
    }
}
