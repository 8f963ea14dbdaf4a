package io.perscom.webhooks.automation.php;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** strtr($s, array $pairs): at each position the longest key wins; replaced text is not scanned again. */
final class Strtr {

    private Strtr() {
    }

    static String replace(String s, PhpArray pairs, Budget budget) {
        Map<Character, List<String[]>> byFirstChar = new HashMap<>();
        for (Map.Entry<Object, Object> entry : pairs.entries()) {
            String key = Php.toStr(entry.getKey());
            if (key.isEmpty()) {
                // a warning in PHP 8.2, which PERSCOM (Laravel) turns into an exception
                throw new PhpError("strtr(): Ignoring replacement of empty string");
            }
            String value = Php.toStr(entry.getValue());
            byFirstChar.computeIfAbsent(key.charAt(0), k -> new ArrayList<>()).add(new String[] {key, value});
        }
        if (byFirstChar.isEmpty()) {
            return s;
        }
        for (List<String[]> candidates : byFirstChar.values()) {
            candidates.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
        }
        budget.tick(1 + s.length() / 1024);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            List<String[]> candidates = byFirstChar.get(s.charAt(i));
            String[] hit = null;
            if (candidates != null) {
                for (String[] candidate : candidates) {
                    if (s.startsWith(candidate[0], i)) {
                        hit = candidate;
                        break;
                    }
                }
            }
            if (hit == null) {
                out.append(s.charAt(i++));
            } else {
                budget.checkString((long) out.length() + hit[1].length() + (s.length() - i - hit[0].length()));
                out.append(hit[1]);
                i += hit[0].length();
            }
        }
        return out.toString();
    }
}
