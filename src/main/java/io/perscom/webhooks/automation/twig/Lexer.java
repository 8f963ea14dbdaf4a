package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.PhpStrings;
import io.perscom.webhooks.automation.twig.Token.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Twig 3 lexer (same states, regular expressions and error messages as Twig's Lexer). */
final class Lexer {
    /** What "~" trims: whitespace except line breaks. */
    private static final String LINE_TRIM_CHARS = " \t\0\u000B";
    private static final String LINE_CHARS = "[ \\t\\x00\\x0B]*";
    private static final Pattern TOKEN_START = Pattern.compile("(\\{\\{|\\{%|\\{#)(-|~)?");
    private static final Pattern BLOCK_END = Pattern.compile("\\s*(?:-%}\\s*\\n?|~%}" + LINE_CHARS + "|%}\\n?)");
    private static final Pattern VAR_END = Pattern.compile("\\s*(?:-}}\\s*|~}}" + LINE_CHARS + "|}})");
    private static final Pattern COMMENT_END = Pattern.compile("(?:-#}\\s*\\n?|~#}" + LINE_CHARS + "|#}\\n?)");
    private static final Pattern VERBATIM_START = Pattern.compile("\\s*verbatim\\s*(?:-%}\\s*|~%}" + LINE_CHARS + "|%})");
    private static final Pattern VERBATIM_END =
            Pattern.compile("\\{%(-|~)?\\s*endverbatim\\s*(?:-%}\\s*|~%}" + LINE_CHARS + "|%})");
    private static final Pattern LINE_TAG = Pattern.compile("\\s*line\\s+(\\d+)\\s*%}", Pattern.DOTALL);
    private static final Pattern INTERPOLATION_START = Pattern.compile("#\\{\\s*");
    private static final Pattern INTERPOLATION_END = Pattern.compile("\\s*}");
    private static final String PUNCTUATION = "()[]{}?:.,|";

    private enum State { DATA, BLOCK, VAR, STRING, INTERPOLATION }

    private record Bracket(String open, int line) {}

    private final String code;
    private final int end;
    private final List<Token> tokens = new ArrayList<>();
    private final List<int[]> positions = new ArrayList<>(); // {start, end, trimKind} trimKind: 0 none, '-' or '~'
    private final List<String> positionTags = new ArrayList<>();
    private final Deque<State> states = new ArrayDeque<>();
    private final Deque<Bracket> brackets = new ArrayDeque<>();
    private int cursor;
    private int line = 1;
    private int position = -1;
    private State state = State.DATA;
    private int currentVarBlockLine;

    private Lexer(String source) {
        this.code = source.replace("\r\n", "\n").replace('\r', '\n');
        this.end = code.length();
    }

    static List<Token> tokenize(String source) throws TwigSyntaxError {
        return new Lexer(source).run();
    }

    /** Operators of Twig 3.5's core extension (and "="), longest first as Twig's operator regex tries them. */
    private static final List<String> OPERATORS = sortedOperators();

    private static List<String> sortedOperators() {
        List<String> ops = new ArrayList<>(List.of("not in", "starts with", "ends with", "has some", "has every",
                "is not", "b-and", "b-xor", "b-or", "matches", "<=>", "===", "!==", "xor", "...", "not", "and", "==", "!=", "<=", ">=", "or", "in",
                "..", "//", "is", "**", "??", "=", "-", "+", "<", ">", "~", "*", "/", "%"));
        ops.sort((a, b) -> b.length() - a.length());
        return List.copyOf(ops);
    }

    private List<Token> run() throws TwigSyntaxError {
        Matcher m = TOKEN_START.matcher(code);
        while (m.find()) {
            String trim = m.group(2);
            positions.add(new int[] {m.start(), m.end(), trim == null ? 0 : trim.charAt(0)});
            positionTags.add(m.group(1));
        }
        while (cursor < end) {
            switch (state) {
                case DATA -> lexData();
                case BLOCK -> lexBlockOrVar(BLOCK_END, Type.BLOCK_END);
                case VAR -> lexBlockOrVar(VAR_END, Type.VAR_END);
                case STRING -> lexString();
                case INTERPOLATION -> lexInterpolation();
            }
        }
        push(Type.EOF, "");
        if (!brackets.isEmpty()) {
            Bracket b = brackets.peekLast();
            throw new TwigSyntaxError("Unclosed \"" + b.open + "\".", b.line);
        }
        return tokens;
    }

    private Matcher at(Pattern p) {
        Matcher m = p.matcher(code);
        m.region(cursor, end);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m : null;
    }

    private void lexData() throws TwigSyntaxError {
        int[] pos = null;
        while (position + 1 < positions.size()) {
            int[] candidate = positions.get(++position);
            if (candidate[0] >= cursor) {
                pos = candidate;
                break;
            }
        }
        if (pos == null) {
            push(Type.TEXT, code.substring(cursor));
            cursor = end;
            return;
        }
        String text = code.substring(cursor, pos[0]);
        if (pos[2] == '-') {
            text = PhpStrings.trim(text, null, "right");
        } else if (pos[2] == '~') {
            text = PhpStrings.trim(text, LINE_TRIM_CHARS, "right");
        }
        push(Type.TEXT, text);
        moveTo(pos[1]);
        switch (positionTags.get(position)) {
            case "{#" -> lexComment();
            case "{%" -> {
                Matcher raw = at(VERBATIM_START);
                Matcher lineTag = raw == null ? at(LINE_TAG) : null;
                if (raw != null) {
                    moveTo(raw.end());
                    lexRawData();
                } else if (lineTag != null) {
                    moveTo(lineTag.end());
                    line = Integer.parseInt(lineTag.group(1));
                } else {
                    push(Type.BLOCK_START, "");
                    pushState(State.BLOCK);
                    currentVarBlockLine = line;
                }
            }
            default -> {
                push(Type.VAR_START, "");
                pushState(State.VAR);
                currentVarBlockLine = line;
            }
        }
    }

    private void lexBlockOrVar(Pattern close, Type endType) throws TwigSyntaxError {
        Matcher m = brackets.isEmpty() ? at(close) : null;
        if (m != null) {
            push(endType, "");
            moveTo(m.end());
            popState();
        } else {
            lexExpression();
        }
    }

    private void lexExpression() throws TwigSyntaxError {
        int wsEnd = skipWhitespace(cursor);
        if (wsEnd > cursor) {
            moveTo(wsEnd);
            if (cursor >= end) {
                throw new TwigSyntaxError(
                        "Unclosed \"" + (state == State.BLOCK ? "block" : "variable") + "\".", currentVarBlockLine);
            }
        }
        char c = code.charAt(cursor);
        int e;
        if (c == '=' && cursor + 1 < end && code.charAt(cursor + 1) == '>') {
            push(Type.ARROW, "=>");
            moveTo(cursor + 2);
        } else if ((e = operatorEnd()) > 0) {
            push(Type.OPERATOR, code.substring(cursor, e).replaceAll("\\s+", " "));
            moveTo(e);
        } else if (isNameStart(c)) {
            e = cursor + 1;
            while (e < end && isNameChar(code.charAt(e))) {
                e++;
            }
            push(Type.NAME, code.substring(cursor, e));
            moveTo(e);
        } else if ((e = numberEnd()) > 0) {
            push(Type.NUMBER, number(code.substring(cursor, e)));
            moveTo(e);
        } else if (PUNCTUATION.indexOf(c) >= 0) {
            if ("([{".indexOf(c) >= 0) {
                brackets.addLast(new Bracket(String.valueOf(c), line));
            } else if (")]}".indexOf(c) >= 0) {
                if (brackets.isEmpty()) {
                    throw new TwigSyntaxError("Unexpected \"" + c + "\".", line);
                }
                Bracket b = brackets.removeLast();
                String expected = switch (b.open) {
                    case "(" -> ")";
                    case "[" -> "]";
                    case "{" -> "}";
                    default -> b.open;
                };
                if (!expected.equals(String.valueOf(c))) {
                    throw new TwigSyntaxError("Unclosed \"" + b.open + "\".", b.line);
                }
            }
            push(Type.PUNCTUATION, String.valueOf(c));
            cursor++;
        } else if ((e = quotedStringEnd()) > 0) {
            push(Type.STRING, stripcslashes(code.substring(cursor + 1, e - 1)));
            moveTo(e);
        } else if (c == '"') {
            brackets.addLast(new Bracket("\"", line));
            pushState(State.STRING);
            moveTo(cursor + 1);
        } else {
            throw new TwigSyntaxError("Unexpected character \"" + c + "\".", line);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private int skipWhitespace(int from) {
        int i = from;
        while (i < end && isSpace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private int digitsEnd(int from) {
        int i = from;
        while (i < end && code.charAt(i) >= '0' && code.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Twig's REGEX_NUMBER: [0-9]+(?:\.[0-9]+)?([Ee][\+\-][0-9]+)? ; end of the match or -1. */
    private int numberEnd() {
        int i = digitsEnd(cursor);
        if (i == cursor) {
            return -1;
        }
        if (i + 1 < end && code.charAt(i) == '.' && digitsEnd(i + 1) > i + 1) {
            i = digitsEnd(i + 1);
        }
        if (i + 2 < end && (code.charAt(i) == 'e' || code.charAt(i) == 'E')
                && (code.charAt(i + 1) == '+' || code.charAt(i + 1) == '-') && digitsEnd(i + 2) > i + 2) {
            i = digitsEnd(i + 2);
        }
        return i;
    }

    /**
     * End of the operator at the cursor, or -1, with the rules of Twig's operator regex: a word operator must be
     * followed by whitespace, "(", "[" or "{" and must not follow "." or "|"; spaces inside match any whitespace.
     */
    private int operatorEnd() {
        for (String op : OPERATORS) {
            int i = cursor;
            boolean ok = true;
            for (int k = 0; k < op.length() && ok; k++) {
                char o = op.charAt(k);
                if (o == ' ') {
                    int after = skipWhitespace(i);
                    ok = after > i;
                    i = after;
                } else {
                    ok = i < end && code.charAt(i) == o;
                    i++;
                }
            }
            if (!ok) {
                continue;
            }
            if (Character.isLetter(op.charAt(op.length() - 1))) {
                if (i >= end || !(isSpace(code.charAt(i)) || "()[{".indexOf(code.charAt(i)) >= 0)) {
                    continue;
                }
            }
            if (Character.isLetter(op.charAt(0)) && cursor > 0
                    && (code.charAt(cursor - 1) == '.' || code.charAt(cursor - 1) == '|')) {
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * End (exclusive) of a complete quoted string at the cursor, or -1: Twig's REGEX_STRING, scanned by hand because
     * Java's regex engine recurses per repetition and would overflow the stack on long strings.
     */
    private int quotedStringEnd() {
        char quote = code.charAt(cursor);
        if (quote != '\'' && quote != '"') {
            return -1;
        }
        for (int i = cursor + 1; i < end; i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '#' && quote == '"') {
                return -1;
            }
        }
        return -1;
    }

    /** End of Twig's REGEX_DQ_STRING_PART at the cursor (a part of a double-quoted string up to "#{" or the quote). */
    private int doubleQuotedPartEnd() {
        int i = cursor;
        while (i < end) {
            char c = code.charAt(i);
            if (c == '\\') {
                if (i + 1 >= end) {
                    break;
                }
                i += 2;
            } else if (c == '"' || (c == '#' && i + 1 < end && code.charAt(i + 1) == '{')) {
                break;
            } else {
                i++;
            }
        }
        return i;
    }

    private static Object number(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                // Twig keeps an int when (float) $n <= PHP_INT_MAX; (int) of a larger string saturates
                double d = Double.parseDouble(text);
                return d <= (double) Long.MAX_VALUE ? (Object) Long.MAX_VALUE : (Object) d;
            }
        }
        return Double.parseDouble(text);
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x7f;
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private void lexRawData() throws TwigSyntaxError {
        Matcher m = VERBATIM_END.matcher(code);
        if (!m.find(cursor)) {
            throw new TwigSyntaxError("Unexpected end of file: Unclosed \"verbatim\" block.", line);
        }
        String text = code.substring(cursor, m.start());
        moveTo(m.end());
        String trim = m.group(1);
        if ("-".equals(trim)) {
            text = PhpStrings.trim(text, null, "right");
        } else if ("~".equals(trim)) {
            text = PhpStrings.trim(text, LINE_TRIM_CHARS, "right");
        }
        push(Type.TEXT, text);
    }

    private void lexComment() throws TwigSyntaxError {
        Matcher m = COMMENT_END.matcher(code);
        if (!m.find(cursor)) {
            throw new TwigSyntaxError("Unclosed comment.", line);
        }
        moveTo(m.end());
    }

    private void lexString() throws TwigSyntaxError {
        Matcher m;
        if ((m = at(INTERPOLATION_START)) != null) {
            brackets.addLast(new Bracket("#{", line));
            push(Type.INTERPOLATION_START, "");
            moveTo(m.end());
            pushState(State.INTERPOLATION);
        } else if (doubleQuotedPartEnd() > cursor) {
            int e = doubleQuotedPartEnd();
            push(Type.STRING, stripcslashes(code.substring(cursor, e)));
            moveTo(e);
        } else if (code.charAt(cursor) == '"') {
            Bracket b = brackets.removeLast();
            if (!"\"".equals(b.open)) {
                throw new TwigSyntaxError("Unclosed \"" + b.open + "\".", b.line);
            }
            popState();
            cursor++;
        } else {
            throw new TwigSyntaxError("Unexpected character \"" + code.charAt(cursor) + "\".", line);
        }
    }

    private void lexInterpolation() throws TwigSyntaxError {
        Bracket b = brackets.peekLast();
        Matcher m = b != null && "#{".equals(b.open) ? at(INTERPOLATION_END) : null;
        if (m != null) {
            brackets.removeLast();
            push(Type.INTERPOLATION_END, "");
            moveTo(m.end());
            popState();
        } else {
            lexExpression();
        }
    }

    private void push(Type type, Object value) {
        if (type == Type.TEXT && "".equals(value)) {
            return;
        }
        tokens.add(new Token(type, value, line));
    }

    private void moveTo(int newCursor) {
        for (int i = cursor; i < newCursor; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        cursor = newCursor;
    }

    private void pushState(State s) {
        states.push(state);
        state = s;
    }

    private void popState() {
        state = states.pop();
    }

    /** PHP stripcslashes: C escapes, octal \NNN and hex \xHH; any other escaped character stands for itself. */
    static String stripcslashes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'v' -> out.append('\u000B');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'x' -> {
                    int j = i + 1;
                    int value = 0;
                    while (j < n && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
                        value = value * 16 + Character.digit(s.charAt(j), 16);
                        j++;
                    }
                    if (j == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) value);
                        i = j - 1;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int j = i;
                        int value = 0;
                        while (j < n && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            value = value * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        out.append((char) (value & 0xFF));
                        i = j - 1;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
