package io.perscom.webhooks.automation.php;

import java.util.regex.Matcher;

/** preg_replace replacement strings: {@code $n}, {@code ${n}} and {@code \n} (n up to 99) refer to groups. */
final class RegexReplacement {

    private RegexReplacement() {
    }

    static void append(StringBuilder out, String template, Matcher matcher, Budget budget) {
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char c = template.charAt(i);
            if ((c == '$' || c == '\\') && i + 1 < n) {
                int j = i + 1;
                boolean braced = c == '$' && template.charAt(j) == '{';
                if (braced) {
                    j++;
                }
                int digitsStart = j;
                while (j < n && j - digitsStart < 2 && Character.isDigit(template.charAt(j))) {
                    j++;
                }
                if (j > digitsStart && (!braced || (j < n && template.charAt(j) == '}'))) {
                    int group = Integer.parseInt(template.substring(digitsStart, j));
                    if (group <= matcher.groupCount() && matcher.start(group) >= 0) {
                        budget.checkString((long) out.length() + matcher.end(group) - matcher.start(group));
                        out.append(matcher.group(group));
                    }
                    i = braced ? j : j - 1;
                    continue;
                }
                if (c == '\\' && template.charAt(i + 1) == '\\') {
                    out.append('\\');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
    }
}
