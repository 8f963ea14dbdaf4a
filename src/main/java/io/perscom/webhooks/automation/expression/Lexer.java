package io.perscom.webhooks.automation.expression;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Symfony ExpressionLanguage 8.0's lexer. It works on the UTF-8 bytes of the expression as PHP does, so cursors are
 * byte offsets like Symfony's and every non-ASCII byte may start or continue a name ({@code [\x7f-\xff]}).
 * No regular expressions: each of Symfony's patterns is matched by hand, linear in the input.
 */
final class Lexer {

    /**
     * Symfony's operator alternation, in its order (the first alternative that matches wins, not the longest).
     * Word operators must follow the start, a space or "(" and be followed by a space or "(".
     */
    private static final String[] OPERATORS = {
        "starts with", "ends with", "contains", "matches", "not in", "not", "xor", "and", "===", "!==", "or", "||",
        "&&", "==", "!=", ">=", "<=", "in", "..", "**", "<<", ">>", "!", "|", "^", "&", "<", ">", "+", "-", "~",
        "*", "/", "%",
    };

    private Lexer() {
    }

    /** The expression as Symfony sees it: \r \n \t \v \f become spaces (error messages quote this form). */
    static String normalize(String expression) {
        return expression.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ').replace('\u000B', ' ')
                .replace('\f', ' ');
    }

    /** @param expression the {@link #normalize normalized} expression */
    static List<Token> tokenize(String expression) throws ExpressionSyntaxError {
        byte[] in = expression.getBytes(StandardCharsets.UTF_8);
        List<Token> tokens = new ArrayList<>();
        Deque<int[]> brackets = new ArrayDeque<>(); // {bracket byte, cursor}
        int cursor = 0;
        int end = in.length;
        while (cursor < end) {
            byte c = in[cursor];
            if (c == ' ') {
                cursor++;
                continue;
            }
            int length;
            if ((length = matchNumber(in, cursor)) > 0) {
                tokens.add(new Token(Token.Type.NUMBER, numberValue(in, cursor, length), cursor + 1));
                cursor += length;
            } else if (c == '(' || c == '[' || c == '{') {
                brackets.push(new int[] {c, cursor});
                tokens.add(new Token(Token.Type.PUNCTUATION, String.valueOf((char) c), cursor + 1));
                cursor++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (brackets.isEmpty()) {
                    throw new ExpressionSyntaxError("Unexpected \"" + (char) c + "\".", cursor, expression);
                }
                int[] open = brackets.pop();
                if (c != closing(open[0])) {
                    throw new ExpressionSyntaxError("Unclosed \"" + (char) open[0] + "\".", open[1], expression);
                }
                tokens.add(new Token(Token.Type.PUNCTUATION, String.valueOf((char) c), cursor + 1));
                cursor++;
            } else if ((c == '"' || c == '\'') && (length = matchString(in, cursor)) > 0) {
                tokens.add(new Token(Token.Type.STRING, stripcslashes(in, cursor + 1, cursor + length - 1), cursor + 1));
                cursor += length;
            } else if ((length = matchComment(in, cursor)) > 0) {
                cursor += length;
            } else if ((length = matchOperator(in, cursor)) > 0) {
                tokens.add(new Token(Token.Type.OPERATOR, ascii(in, cursor, length), cursor + 1));
                cursor += length;
            } else if (c == '?' && cursor + 1 < end && (in[cursor + 1] == '.' || in[cursor + 1] == '?')) {
                tokens.add(new Token(Token.Type.PUNCTUATION, in[cursor + 1] == '.' ? "?." : "??", cursor + 1));
                cursor += 2;
            } else if (c == '.' || c == ',' || c == '?' || c == ':') {
                tokens.add(new Token(Token.Type.PUNCTUATION, String.valueOf((char) c), cursor + 1));
                cursor++;
            } else if (isNameStart(c)) {
                int stop = cursor + 1;
                while (stop < end && (isNameStart(in[stop]) || isDigit(in[stop]))) {
                    stop++;
                }
                tokens.add(new Token(Token.Type.NAME, new String(in, cursor, stop - cursor, StandardCharsets.UTF_8),
                        cursor + 1));
                cursor = stop;
            } else {
                throw new ExpressionSyntaxError("Unexpected character \"" + (char) c + "\".", cursor, expression);
            }
        }
        tokens.add(new Token(Token.Type.EOF, null, cursor + 1));
        if (!brackets.isEmpty()) {
            int[] open = brackets.pop();
            throw new ExpressionSyntaxError("Unclosed \"" + (char) open[0] + "\".", open[1], expression);
        }
        return tokens;
    }

    private static int closing(int open) {
        return open == '(' ? ')' : open == '[' ? ']' : '}';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [a-zA-Z_\x7f-\xff]}: as a signed byte, 0x80-0xff is negative. */
    private static boolean isNameStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == 0x7f || c < 0;
    }

    /** {@code [0-9]+(_[0-9]+)*} from {@code at}: the end offset, or {@code at} when no digit is there. */
    private static int matchDigits(byte[] in, int at) {
        int i = at;
        while (i < in.length && isDigit(in[i])) {
            i++;
        }
        if (i == at) {
            return at;
        }
        while (i + 1 < in.length && in[i] == '_' && isDigit(in[i + 1])) {
            i += 2;
            while (i < in.length && isDigit(in[i])) {
                i++;
            }
        }
        return i;
    }

    /** {@code (?:\.LNUM|LNUM(?:\.(?!\.)LNUM?)?)(?:[eE][+-]?LNUM)?}: the length of the number at {@code at}, or 0. */
    private static int matchNumber(byte[] in, int at) {
        int i;
        if (in[at] == '.') {
            i = matchDigits(in, at + 1);
            if (i == at + 1) {
                return 0;
            }
        } else {
            i = matchDigits(in, at);
            if (i == at) {
                return 0;
            }
            if (i < in.length && in[i] == '.' && !(i + 1 < in.length && in[i + 1] == '.')) {
                i = matchDigits(in, i + 1);
            }
        }
        if (i < in.length && (in[i] == 'e' || in[i] == 'E')) {
            int j = i + 1;
            if (j < in.length && (in[j] == '+' || in[j] == '-')) {
                j++;
            }
            int k = matchDigits(in, j);
            if (k > j) {
                i = k;
            }
        }
        return i - at;
    }

    /** {@code 0 + str_replace('_', '', $match)}: an int, or a float when it has a dot, an exponent or overflows. */
    private static Object numberValue(byte[] in, int at, int length) {
        String text = ascii(in, at, length).replace("_", "");
        boolean integral = text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException overflow) {
                return Double.parseDouble(text);
            }
        }
        return Double.parseDouble(text);
    }

    /** A quoted string with backslash escapes ({@code "([^"\\]*(?:\\.[^"\\]*)*)"}): its length, or 0 if unclosed. */
    private static int matchString(byte[] in, int at) {
        byte quote = in[at];
        int i = at + 1;
        while (i < in.length) {
            if (in[i] == '\\') {
                if (i + 1 >= in.length) {
                    return 0;
                }
                i += 2;
            } else if (in[i] == quote) {
                return i + 1 - at;
            } else {
                i++;
            }
        }
        return 0;
    }

    /** {@code /\*.*?\*}{@code /}: the comment's length, or 0. */
    private static int matchComment(byte[] in, int at) {
        if (at + 1 >= in.length || in[at] != '/' || in[at + 1] != '*') {
            return 0;
        }
        for (int i = at + 2; i + 1 < in.length; i++) {
            if (in[i] == '*' && in[i + 1] == '/') {
                return i + 2 - at;
            }
        }
        return 0;
    }

    private static int matchOperator(byte[] in, int at) {
        for (String operator : OPERATORS) {
            if (startsWith(in, at, operator)) {
                boolean word = Character.isLetter(operator.charAt(0));
                if (!word) {
                    return operator.length();
                }
                int after = at + operator.length();
                boolean before = at == 0 || isSpace(in[at - 1]) || in[at - 1] == '(';
                if (before && after < in.length && (isSpace(in[after]) || in[after] == '(')) {
                    return operator.length();
                }
            }
        }
        return 0;
    }

    /** PCRE's {@code \s} without UTF mode. */
    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean startsWith(byte[] in, int at, String literal) {
        if (at + literal.length() > in.length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (in[at + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] in, int at, int length) {
        return new String(in, at, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * PHP's stripcslashes() on bytes {@code [from, to)}: \a \b \f \n \r \t \v, \xH[H], \o[o[o]] (octal, wrapping at
     * 256), any other escaped byte stands for itself. The resulting bytes are read as UTF-8 (invalid sequences become
     * U+FFFD: a Java string cannot hold arbitrary bytes).
     */
    static String stripcslashes(byte[] in, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte c = in[i];
            if (c != '\\' || i + 1 >= to) {
                out.write(c);
                i++;
                continue;
            }
            i++;
            byte e = in[i];
            switch (e) {
                case 'n' -> { out.write('\n'); i++; }
                case 't' -> { out.write('\t'); i++; }
                case 'r' -> { out.write('\r'); i++; }
                case 'a' -> { out.write(7); i++; }
                case 'v' -> { out.write(11); i++; }
                case 'b' -> { out.write(8); i++; }
                case 'f' -> { out.write(12); i++; }
                default -> {
                    if (e == 'x' && i + 1 < to && hexValue(in[i + 1]) >= 0) {
                        int value = hexValue(in[i + 1]);
                        i += 2;
                        if (i < to && hexValue(in[i]) >= 0) {
                            value = value * 16 + hexValue(in[i]);
                            i++;
                        }
                        out.write(value);
                    } else if (e >= '0' && e <= '7') {
                        int value = 0;
                        int digits = 0;
                        while (i < to && digits < 3 && in[i] >= '0' && in[i] <= '7') {
                            value = value * 8 + (in[i] - '0');
                            i++;
                            digits++;
                        }
                        out.write(value & 0xff);
                    } else {
                        out.write(e);
                        i++;
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
