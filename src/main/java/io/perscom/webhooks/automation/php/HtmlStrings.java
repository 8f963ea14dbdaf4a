package io.perscom.webhooks.automation.php;

/** htmlspecialchars, strip_tags and nl2br. */
final class HtmlStrings {

    private HtmlStrings() {
    }

    static String escape(String s, Budget budget) {
        int extra = 0;
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '&' -> extra += 4;
                case '"', '\'' -> extra += 5;
                case '<', '>' -> extra += 3;
                default -> { }
            }
        }
        if (extra == 0 && !hasLoneSurrogate(s)) {
            return s;
        }
        budget.checkString((long) s.length() + extra);
        StringBuilder out = new StringBuilder(s.length() + extra);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#039;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD'); // ENT_SUBSTITUTE
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static String nl2br(String s, Budget budget) {
        int breaks = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                breaks++;
                if (i + 1 < s.length() && (s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n') && s.charAt(i + 1) != c) {
                    i++;
                }
            }
        }
        if (breaks == 0) {
            return s;
        }
        budget.checkString(s.length() + 6L * breaks);
        StringBuilder out = new StringBuilder(s.length() + 6 * breaks);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append("<br />").append(c);
                if (i + 1 < s.length() && (s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n') && s.charAt(i + 1) != c) {
                    out.append(s.charAt(++i));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String stripTags(String s, String allowedTags) {
        return new TagStripper(s, allowedTags).strip();
    }
}
