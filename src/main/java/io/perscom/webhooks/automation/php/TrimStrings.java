package io.perscom.webhooks.automation.php;

/** trim / ltrim / rtrim with PHP character masks ("a..z" ranges). */
final class TrimStrings {

    private static final String DEFAULT_MASK = " \t\n\r\0\u000B";

    private TrimStrings() {
    }

    static String trim(String s, String characterMask, String side) {
        String mask = characterMask == null ? DEFAULT_MASK : characterMask;
        boolean left;
        boolean right;
        switch (side == null ? "both" : side) {
            case "both" -> {
                left = true;
                right = true;
            }
            case "left" -> {
                left = true;
                right = false;
            }
            case "right" -> {
                left = false;
                right = true;
            }
            default -> throw new PhpError("Trimming side must be \"left\", \"right\" or \"both\".");
        }
        return trim(s, mask, left, right);
    }

    static String trim(String s, String mask, boolean left, boolean right) {
        CharMask chars = CharMask.of(mask);
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end && chars.contains(s.codePointAt(start))) {
                start += Character.charCount(s.codePointAt(start));
            }
        }
        if (right) {
            while (end > start && chars.contains(s.codePointBefore(end))) {
                end -= Character.charCount(s.codePointBefore(end));
            }
        }
        return s.substring(start, end);
    }

    /** php_charmask: single characters and "x..y" ranges. */
    private record CharMask(int[] singles, int[] rangeStarts, int[] rangeEnds) {

        static CharMask of(String mask) {
            int[] cps = mask.codePoints().toArray();
            java.util.List<Integer> singles = new java.util.ArrayList<>();
            java.util.List<int[]> ranges = new java.util.ArrayList<>();
            for (int i = 0; i < cps.length; i++) {
                if (i + 3 < cps.length && cps[i + 1] == '.' && cps[i + 2] == '.' && cps[i + 3] >= cps[i]) {
                    ranges.add(new int[] {cps[i], cps[i + 3]});
                    i += 3;
                } else {
                    singles.add(cps[i]);
                }
            }
            return new CharMask(singles.stream().mapToInt(Integer::intValue).toArray(),
                    ranges.stream().mapToInt(r -> r[0]).toArray(), ranges.stream().mapToInt(r -> r[1]).toArray());
        }

        boolean contains(int cp) {
            for (int single : singles) {
                if (single == cp) {
                    return true;
                }
            }
            for (int r = 0; r < rangeStarts.length; r++) {
                if (cp >= rangeStarts[r] && cp <= rangeEnds[r]) {
                    return true;
                }
            }
            return false;
        }
    }
}
