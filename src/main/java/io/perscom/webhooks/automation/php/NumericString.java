package io.perscom.webhooks.automation.php;

/**
 * PHP 8 numeric strings: optional leading and trailing whitespace, optional sign, decimal digits with an optional
 * fraction and exponent. No hex, no octal, no binary.
 *
 * @param value the number (Long when integral and in range, else Double)
 * @param whole whether the whole string is numeric (else only a leading prefix is: a "leading-numeric" string)
 * @param text the numeric prefix itself
 */
record NumericString(Number value, boolean whole, String text) {

    /** (float) of the numeric prefix: unlike {@link #value()} keeps the sign of "-0". */
    double doubleValue() {
        return Double.parseDouble(text);
    }

    private static final String WHITESPACE = " \t\n\r\u000B\f";

    /** The number at the start of {@code s}, or null when it does not start with one. */
    static NumericString parse(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        boolean integral = true;
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
                fracDigits++;
            }
            if (intDigits > 0 || fracDigits > 0) {
                i = j;
                integral = false;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
                integral = false;
            }
        }
        int end = i;
        while (i < n && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String number = s.substring(start, end);
        Number value = null;
        if (integral) {
            try {
                value = Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
            } catch (NumberFormatException overflow) {
                value = null;
            }
        }
        if (value == null) {
            value = Double.parseDouble(number);
        }
        return new NumericString(value, i == n, number);
    }

    /** is_numeric() for strings. */
    static boolean isNumeric(String s) {
        NumericString parsed = parse(s);
        return parsed != null && parsed.whole();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
