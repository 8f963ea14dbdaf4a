package io.perscom.webhooks.automation.twig;

/** PHP's trim/ltrim/rtrim with a literal character list (no ".." ranges). */
final class PhpTrim {
    static final String DEFAULT_CHARS = " \t\n\r\0\u000B";

    private PhpTrim() {}

    static String rtrim(String s, String chars) {
        int e = s.length();
        while (e > 0 && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(0, e);
    }

    static String ltrim(String s, String chars) {
        int b = 0;
        while (b < s.length() && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        return s.substring(b);
    }

    static String trim(String s, String chars) {
        return ltrim(rtrim(s, chars), chars);
    }

    /** PHP's character list syntax: "a..z" stands for the range of characters. */
    static String expandRanges(String mask) {
        if (!mask.contains("..")) {
            return mask;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            if (i + 3 < mask.length() && mask.charAt(i + 1) == '.' && mask.charAt(i + 2) == '.'
                    && mask.charAt(i + 3) >= c) {
                char end = mask.charAt(i + 3);
                for (char x = c; x <= end; x++) {
                    out.append(x);
                    if (x == Character.MAX_VALUE) {
                        break;
                    }
                }
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
