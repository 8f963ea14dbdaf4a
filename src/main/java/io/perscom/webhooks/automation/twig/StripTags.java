package io.perscom.webhooks.automation.twig;

import java.util.Locale;

/** PHP's strip_tags (the state machine of php_strip_tags_ex, PHP 8). */
final class StripTags {
    private StripTags() {}

    private static final int TEXT = 0;
    private static final int TAG = 1;
    private static final int PHP = 2;
    private static final int BANG = 3;
    private static final int COMMENT = 4;

    static String strip(String s, String allowed) {
        String allow = allowed == null || allowed.isEmpty() ? null : allowed.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder tag = new StringBuilder();
        int state = TEXT;
        int depth = 0;
        int br = 0;
        char inQ = 0;
        char lc = 0;
        boolean isXml = false;
        int n = s.length();
        for (int p = 0; p < n; p++) {
            char c = s.charAt(p);
            char prev = p > 0 ? s.charAt(p - 1) : 0;
            char next = p + 1 < n ? s.charAt(p + 1) : 0;
            switch (state) {
                case TEXT -> {
                    if (c == 0) {
                        continue;
                    }
                    if (c == '<') {
                        if (inQ != 0) {
                            continue;
                        }
                        if (isSpace(next) && allow == null) {
                            out.append(c);
                            continue;
                        }
                        lc = '<';
                        state = TAG;
                        if (allow != null) {
                            tag.setLength(0);
                            tag.append('<');
                        }
                    } else if (c == '>') {
                        if (depth > 0) {
                            depth--;
                        } else if (inQ == 0) {
                            out.append(c);
                        }
                    } else {
                        out.append(c);
                    }
                }
                case TAG -> {
                    switch (c) {
                        case 0 -> { }
                        case '<' -> {
                            if (inQ == 0) {
                                if (isSpace(next) && allow == null) {
                                    appendTag(tag, allow, c);
                                } else {
                                    depth++;
                                }
                            }
                        }
                        case '>' -> {
                            if (depth > 0) {
                                depth--;
                            } else if (inQ == 0) {
                                lc = '>';
                                if (isXml && prev == '-') {
                                    break;
                                }
                                inQ = 0;
                                isXml = false;
                                state = TEXT;
                                if (allow != null) {
                                    tag.append('>');
                                    if (allow.contains(normalize(tag))) {
                                        out.append(tag);
                                    }
                                    tag.setLength(0);
                                }
                            }
                        }
                        case '"', '\'' -> {
                            if (p != 0 && (inQ == 0 || c == inQ)) {
                                inQ = inQ != 0 ? 0 : c;
                            }
                            appendTag(tag, allow, c);
                        }
                        case '!' -> {
                            if (prev == '<') {
                                state = BANG;
                                lc = c;
                            } else {
                                appendTag(tag, allow, c);
                            }
                        }
                        case '?' -> {
                            if (prev == '<') {
                                br = 0;
                                state = PHP;
                            } else {
                                appendTag(tag, allow, c);
                            }
                        }
                        default -> appendTag(tag, allow, c);
                    }
                }
                case PHP -> {
                    switch (c) {
                        case '(' -> {
                            if (lc != '"' && lc != '\'') {
                                lc = '(';
                                br++;
                            }
                        }
                        case ')' -> {
                            if (lc != '"' && lc != '\'') {
                                lc = ')';
                                br--;
                            }
                        }
                        case '>' -> {
                            if (depth > 0) {
                                depth--;
                            } else if (inQ == 0 && br == 0 && lc != '"' && prev == '?') {
                                inQ = 0;
                                state = TEXT;
                                tag.setLength(0);
                            }
                        }
                        case '"', '\'' -> {
                            if (p >= 1 && prev != '\\') {
                                if (lc == c) {
                                    lc = 0;
                                } else if (lc != '\\') {
                                    lc = c;
                                }
                            }
                            if (p != 0 && (inQ == 0 || c == inQ)) {
                                inQ = inQ != 0 ? 0 : c;
                            }
                        }
                        case 'l', 'L' -> {
                            if (p >= 4 && (prev == 'm' || prev == 'M') && (s.charAt(p - 2) == 'x'
                                    || s.charAt(p - 2) == 'X') && s.charAt(p - 3) == '?' && s.charAt(p - 4) == '<') {
                                state = TAG;
                                isXml = true;
                            }
                        }
                        default -> { }
                    }
                }
                case BANG -> {
                    switch (c) {
                        case '>' -> {
                            if (depth > 0) {
                                depth--;
                            } else if (inQ == 0) {
                                inQ = 0;
                                state = TEXT;
                                tag.setLength(0);
                            }
                        }
                        case '"', '\'' -> {
                            if (p != 0 && prev != '\\' && (inQ == 0 || c == inQ)) {
                                inQ = inQ != 0 ? 0 : c;
                            }
                        }
                        case '-' -> {
                            if (p >= 2 && prev == '-' && s.charAt(p - 2) == '!') {
                                state = COMMENT;
                            }
                        }
                        case 'E', 'e' -> {
                            if (p > 6 && s.substring(p - 6, p).equalsIgnoreCase("doctyp")) {
                                state = TAG;
                            }
                        }
                        default -> { }
                    }
                }
                default -> {
                    if (c == '>' && inQ == 0 && p >= 2 && prev == '-' && s.charAt(p - 2) == '-') {
                        inQ = 0;
                        state = TEXT;
                        tag.setLength(0);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static void appendTag(StringBuilder tag, String allow, char c) {
        if (allow != null) {
            tag.append(c);
        }
    }

    /** php_tag_find's normal form: "<a href=x>" and "</a>" become "<a>". */
    private static String normalize(CharSequence tag) {
        StringBuilder n = new StringBuilder("<");
        boolean started = false;
        for (int t = 1; t < tag.length(); t++) {
            char c = Character.toLowerCase(tag.charAt(t));
            if (c == '<') {
                n.append(c);
            } else if (c == '>') {
                break;
            } else if (!isSpace(c)) {
                started = true;
                char before = tag.charAt(t - 1);
                char after = t + 1 < tag.length() ? tag.charAt(t + 1) : 0;
                if (c != '/' || (before != '<' && after != '>')) {
                    n.append(c);
                }
            } else if (started) {
                break;
            }
        }
        return n.append('>').toString();
    }
}
