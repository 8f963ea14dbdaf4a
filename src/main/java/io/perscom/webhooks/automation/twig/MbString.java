package io.perscom.webhooks.automation.twig;

import java.util.Locale;

/** The mbstring functions Twig uses (UTF-8, counted in code points). */
final class MbString {
    private MbString() {}

    static long strlen(String s) {
        return s.codePointCount(0, s.length());
    }

    /** mb_substr($s, $start, $length): negative start counts from the end, negative length stops before the end. */
    static String substr(String s, long start, Long length) {
        int n = s.codePointCount(0, s.length());
        long from = start < 0 ? Math.max(0, n + start) : Math.min(start, n);
        long to;
        if (length == null) {
            to = n;
        } else if (length < 0) {
            to = Math.max(from, n + length);
        } else {
            to = Math.min(n, from + length);
        }
        if (from >= to) {
            return "";
        }
        int b = s.offsetByCodePoints(0, (int) from);
        int e = s.offsetByCodePoints(b, (int) (to - from));
        return s.substring(b, e);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * mb_convert_case(MB_CASE_TITLE) of PHP 8: a cased letter is title-cased when the previous character that is not
     * case-ignorable is not cased, and lower-cased otherwise.
     */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean afterCased = false;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isCased(cp)) {
                if (afterCased) {
                    out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
                } else {
                    out.appendCodePoint(Character.toTitleCase(cp));
                }
                afterCased = true;
            } else {
                out.appendCodePoint(cp);
                if (!isCaseIgnorable(cp)) {
                    afterCased = false;
                }
            }
        }
        return out.toString();
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean isCaseIgnorable(int cp) {
        switch (cp) {
            case '\'', '.', ':', '^', '`', 0x00B7, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E, 0x00AD -> {
                return true;
            }
            default -> {
                int type = Character.getType(cp);
                return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.FORMAT || type == Character.MODIFIER_LETTER
                        || type == Character.MODIFIER_SYMBOL;
            }
        }
    }
}
