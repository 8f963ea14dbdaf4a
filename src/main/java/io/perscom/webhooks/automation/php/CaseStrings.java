package io.perscom.webhooks.automation.php;

import java.util.Locale;

/**
 * mbstring case conversion as PHP 8.3+ (PERSCOM runs 8.4) does it: full case mapping per code point, plus the one
 * context rule mbstring applies since 8.3, the Greek final sigma (a capital sigma that ends a word lowers to "ς").
 */
final class CaseStrings {

    private CaseStrings() {
    }

    static String upper(String s, Budget budget) {
        return checked(map(s, true), budget);
    }

    static String lower(String s, Budget budget) {
        return checked(map(s, false), budget);
    }

    static String ucfirst(String s, Budget budget) {
        if (s.isEmpty()) {
            return s;
        }
        int first = Character.charCount(s.codePointAt(0));
        return checked(map(s.substring(0, first), true) + s.substring(first), budget);
    }

    static String capitalize(String s, Budget budget) {
        if (s.isEmpty()) {
            return s;
        }
        int first = Character.charCount(s.codePointAt(0));
        return checked(map(s.substring(0, first), true) + map(s.substring(first), false), budget);
    }

    /** MB_CASE_TITLE: title-case a letter that follows no cased letter (case-ignorable ones skipped), lower the rest. */
    static String title(String s, Budget budget) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (inWord) {
                out.append(lowerInContext(s, i - Character.charCount(cp), cp));
            } else {
                out.append(titleFull(cp));
            }
            if (!isCaseIgnorable(cp)) {
                inWord = isCased(cp);
            }
        }
        return checked(out.toString(), budget);
    }

    private static String map(String s, boolean toUpper) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return toUpper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.append(toUpper ? upperFull(cp) : lowerInContext(s, i, cp));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final String FINAL_SIGMA = "\u03C2";

    /** Unicode's Final_Sigma: after a cased letter and not before one (case-ignorable letters skipped both ways). */
    private static String lowerInContext(String s, int at, int cp) {
        if (cp != CAPITAL_SIGMA) {
            return lowerFull(cp);
        }
        return casedBefore(s, at) && !casedAfter(s, at + 1) ? FINAL_SIGMA : lowerFull(cp);
    }

    private static boolean casedBefore(String s, int at) {
        for (int i = at; i > 0; ) {
            int cp = s.codePointBefore(i);
            i -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                return isCased(cp);
            }
        }
        return false;
    }

    private static boolean casedAfter(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                return isCased(cp);
            }
        }
        return false;
    }

    private static String upperFull(int cp) {
        return new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
    }

    private static String lowerFull(int cp) {
        return new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
    }

    private static String titleFull(int cp) {
        int title = Character.toTitleCase(cp);
        String upper = upperFull(cp);
        if (upper.codePointCount(0, upper.length()) > 1) {
            // e.g. "ß" -> "Ss", "ﬁ" -> "Fi": title case is the upper mapping with the tail lowered
            int head = Character.charCount(upper.codePointAt(0));
            return upper.substring(0, head) + upper.substring(head).toLowerCase(Locale.ROOT);
        }
        return new String(Character.toChars(title));
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** Unicode Case_Ignorable: Mn, Me, Cf, Lm, Sk and Word_Break MidLetter / MidNumLet / Single_Quote. */
    private static boolean isCaseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> {
                return true;
            }
            default -> {
                return switch (cp) {
                    case '\'', '.', ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
                            0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
                    default -> false;
                };
            }
        }
    }

    private static String checked(String result, Budget budget) {
        budget.checkString(result.length());
        return result;
    }
}
