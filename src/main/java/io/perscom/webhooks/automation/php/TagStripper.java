package io.perscom.webhooks.automation.php;

import java.util.Locale;

/** PHP's strip_tags state machine (php_strip_tags_ex): tags, PHP blocks, comments and doctype are removed. */
final class TagStripper {

    private static final int TEXT = 0;
    private static final int TAG = 1;
    private static final int PHP = 2;
    private static final int DECLARATION = 3;
    private static final int COMMENT = 4;

    private final String s;
    private final String allowed;
    private final StringBuilder out;
    private final StringBuilder tag = new StringBuilder();
    private int state = TEXT;
    private int depth;
    private int parens;
    private char inQuote;
    private char last;
    private boolean xml;

    TagStripper(String s, String allowedTags) {
        this.s = s;
        this.allowed = allowedTags == null || allowedTags.isEmpty() ? null : allowedTags.toLowerCase(Locale.ROOT);
        this.out = new StringBuilder(s.length());
    }

    String strip() {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char prev = i > 0 ? s.charAt(i - 1) : 0;
            switch (state) {
                case TEXT -> {
                    if (c == '\0') {
                        break;
                    }
                    if (c == '<') {
                        if (inQuote != 0) {
                            break;
                        }
                        if (isSpace(next)) {
                            out.append(c);
                            break;
                        }
                        last = '<';
                        state = TAG;
                        tag.setLength(0);
                        tag.append('<');
                    } else if (c == '>') {
                        if (swallowsClose()) {
                            break;
                        }
                        out.append(c);
                    } else {
                        out.append(c);
                    }
                }
                case TAG -> {
                    switch (c) {
                        case '<' -> {
                            if (inQuote != 0) {
                                break;
                            }
                            if (isSpace(next)) {
                                tag.append(c);
                                break;
                            }
                            depth++;
                        }
                        case '>' -> {
                            if (swallowsClose()) {
                                break;
                            }
                            last = '>';
                            if (xml && prev == '-') {
                                break;
                            }
                            inQuote = 0;
                            state = TEXT;
                            xml = false;
                            tag.append('>');
                            if (allowed != null && allowed.contains(normalizedTag(tag))) {
                                out.append(tag);
                            }
                            tag.setLength(0);
                        }
                        case '"', '\'' -> {
                            if (inQuote == 0 || c == inQuote) {
                                inQuote = inQuote != 0 ? 0 : c;
                            }
                            tag.append(c);
                        }
                        case '!' -> {
                            if (prev == '<') {
                                state = DECLARATION;
                                last = c;
                            } else {
                                tag.append(c);
                            }
                        }
                        case '?' -> {
                            if (prev == '<') {
                                parens = 0;
                                state = PHP;
                            } else {
                                tag.append(c);
                            }
                        }
                        default -> tag.append(c);
                    }
                }
                case PHP -> {
                    switch (c) {
                        case '(' -> {
                            if (last != '"' && last != '\'') {
                                last = '(';
                                parens++;
                            }
                        }
                        case ')' -> {
                            if (last != '"' && last != '\'') {
                                last = ')';
                                parens--;
                            }
                        }
                        case '>' -> {
                            if (swallowsClose()) {
                                break;
                            }
                            if (parens == 0 && last != '"' && prev == '?') {
                                inQuote = 0;
                                state = TEXT;
                                tag.setLength(0);
                            }
                        }
                        case '"', '\'' -> {
                            if (prev != '\\') {
                                if (last == c) {
                                    last = 0;
                                } else if (last != '\\') {
                                    last = c;
                                }
                            }
                        }
                        case 'l', 'L' -> {
                            if (i >= 4 && s.regionMatches(true, i - 4, "<?xm", 0, 4)) {
                                state = TAG;
                                xml = true;
                            }
                        }
                        default -> { }
                    }
                }
                case DECLARATION -> {
                    switch (c) {
                        case '>' -> {
                            if (swallowsClose()) {
                                break;
                            }
                            inQuote = 0;
                            state = TEXT;
                            tag.setLength(0);
                        }
                        case '"', '\'' -> {
                            if (prev != '\\' && (inQuote == 0 || c == inQuote)) {
                                inQuote = inQuote != 0 ? 0 : c;
                            }
                        }
                        case '-' -> {
                            if (i >= 2 && prev == '-' && s.charAt(i - 2) == '!') {
                                state = COMMENT;
                            }
                        }
                        case 'E', 'e' -> {
                            if (i >= 6 && s.regionMatches(true, i - 6, "doctyp", 0, 6)) {
                                state = TAG;
                            }
                        }
                        default -> { }
                    }
                }
                default -> {
                    if (c == '>' && i >= 2 && prev == '-' && s.charAt(i - 2) == '-') {
                        inQuote = 0;
                        state = TEXT;
                        tag.setLength(0);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A '&gt;' that closes a nested '&lt;' or stands inside quotes ends nothing. */
    private boolean swallowsClose() {
        if (depth > 0) {
            depth--;
            return true;
        }
        return inQuote != 0;
    }

    /** "&lt;a href=..&gt;" -> "&lt;a&gt;", "&lt;/b&gt;" -> "&lt;b&gt;" (php_tag_find). */
    private static String normalizedTag(CharSequence tag) {
        StringBuilder norm = new StringBuilder();
        boolean started = false;
        for (int t = 0; t < tag.length(); t++) {
            char c = Character.toLowerCase(tag.charAt(t));
            if (c == '<') {
                norm.append(c);
            } else if (c == '>') {
                break;
            } else if (!isSpace(c)) {
                started = true;
                char before = t > 0 ? tag.charAt(t - 1) : 0;
                char after = t + 1 < tag.length() ? tag.charAt(t + 1) : 0;
                if (c != '/' || (before != '<' && after != '>')) {
                    norm.append(c);
                }
            } else if (started) {
                break;
            }
        }
        return norm.append('>').toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
