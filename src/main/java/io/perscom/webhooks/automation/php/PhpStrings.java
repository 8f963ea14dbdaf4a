package io.perscom.webhooks.automation.php;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The PHP / mbstring string and number functions Twig 3.5's filters call, with PHP semantics (code points where
 * Twig uses mb_*). Every function that builds a string or array takes the {@link Budget} and checks the size BEFORE
 * building the result.
 */
public final class PhpStrings {

    /** PCRE's \\s without the u modifier: space, \\t, \\n, \\v, \\f, \\r. */
    private static final Pattern SPACE_BETWEEN_TAGS = Pattern.compile(">[ \\t\\n\\r\\f\\u000B]+<");

    private PhpStrings() {
    }

    /** htmlspecialchars($s, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8'): Twig's 'html' escaper. */
    public static String htmlEscape(String s, Budget budget) {
        return HtmlStrings.escape(s, budget);
    }

    /** strip_tags($s, $allowed): $allowed like "&lt;b&gt;&lt;i&gt;" or null. */
    public static String striptags(String s, String allowedTags) {
        return HtmlStrings.stripTags(s, allowedTags);
    }

    /** nl2br($s): "&lt;br /&gt;" before every \r\n, \n\r, \n and \r. */
    public static String nl2br(String s, Budget budget) {
        return HtmlStrings.nl2br(s, budget);
    }

    /** mb_strtoupper. */
    public static String upper(String s, Budget budget) {
        return CaseStrings.upper(s, budget);
    }

    /** mb_strtolower. */
    public static String lower(String s, Budget budget) {
        return CaseStrings.lower(s, budget);
    }

    /** ucfirst with mb semantics: the first character upper-cased, the rest unchanged. */
    public static String ucfirst(String s, Budget budget) {
        return CaseStrings.ucfirst(s, budget);
    }

    /** Twig's capitalize: mb_strtoupper(first char) . mb_strtolower(rest). */
    public static String capitalize(String s, Budget budget) {
        return CaseStrings.capitalize(s, budget);
    }

    /** mb_convert_case($s, MB_CASE_TITLE). */
    public static String title(String s, Budget budget) {
        return CaseStrings.title(s, budget);
    }

    /**
     * Twig's trim filter: trim/ltrim/rtrim with a character mask (PHP ranges like "a..z" allowed; null = PHP's
     * default " \t\n\r\0\x0B").
     *
     * @param side "both", "left" or "right"
     * @throws PhpError 'Trimming side must be "left", "right" or "both".'
     */
    public static String trim(String s, String characterMask, String side) {
        return TrimStrings.trim(s, characterMask, side);
    }

    /** strtr($s, $pairs): longest match first, replaced text never rescanned, empty keys ignored. */
    public static String replace(String s, PhpArray pairs, Budget budget) {
        return Strtr.replace(s, pairs, budget);
    }

    /** number_format($num, $decimals, $decPoint, $thousandsSep) as PHP 8.4 (its rounding). */
    public static String numberFormat(double number, long decimals, String decPoint, String thousandsSep, Budget budget) {
        return NumberFormatting.numberFormat(number, decimals, decPoint, thousandsSep, budget);
    }

    /** PHP's round($value, $precision) (PHP 8.4 algorithm: no pre-rounding). */
    public static double round(double value, long precision) {
        return NumberFormatting.round(value, precision);
    }

    /**
     * Twig's round filter: (float) $value, then round() for "common", or ceil/floor($value * 10 ** $precision) /
     * 10 ** $precision.
     *
     * @throws PhpError 'The round filter only supports the "common", "ceil", and "floor" methods.'
     */
    public static double round(Object value, long precision, String method) {
        return NumberFormatting.twigRound(value, precision, method);
    }

    /** sprintf($format, ...$args) as PHP 8.2 (%s %d %u %f %F %e %E %g %G %x %X %o %b %c %% with argnum$, flags). */
    public static String sprintf(String format, List<Object> args, Budget budget) {
        return PhpSprintf.format(format, args, budget);
    }

    /**
     * Twig's split filter: explode($delimiter, $s, $limit) when the delimiter is non-empty; else the characters
     * (limit null or &lt;= 1) or chunks of $limit characters.
     */
    public static PhpArray split(String s, String delimiter, Long limit, Budget budget) {
        return SplitSlice.split(s, delimiter, limit, budget);
    }

    /** explode($delimiter, $s, $limit) (limit Long.MAX_VALUE = none). @throws PhpError for an empty delimiter */
    public static PhpArray explode(String delimiter, String s, long limit, Budget budget) {
        return SplitSlice.explode(delimiter, s, limit, budget);
    }

    /**
     * Twig's slice filter: array_slice($item, $start, $length, $preserveKeys) for arrays, mb_substr for anything
     * else (converted to string).
     */
    public static Object slice(Object item, long start, Long length, boolean preserveKeys, Budget budget) {
        return SplitSlice.slice(item, start, length, preserveKeys, budget);
    }

    /** mb_substr($s, $start, $length). */
    public static String substr(String s, long start, Long length) {
        return SplitSlice.mbSubstr(s, start, length);
    }

    /** mb_strlen. */
    public static long length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The characters in reverse order (Twig's reverse filter on strings). */
    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** str_repeat($s, $times), checked against the budget first. */
    public static String repeat(String s, long times, Budget budget) {
        if (times < 0) {
            throw new PhpError("str_repeat(): Argument #2 ($times) must be greater than or equal to 0");
        }
        if (s.isEmpty() || times == 0) {
            return "";
        }
        budget.checkString(times);
        budget.checkString(s.length() * times);
        return s.repeat((int) times);
    }

    /**
     * abs($value): int or float ("numeric strings" are converted; PHP_INT_MIN gives a float).
     *
     * @throws PhpError "abs(): Argument #1 ($num) must be of type int|float, string given"
     */
    public static Number abs(Object value) {
        return NumberFormatting.abs(value);
    }

    /** Twig's 'js' escaper: everything but [a-zA-Z0-9,._] as \\xx short forms or \\uHHHH. */
    public static String escapeJs(String s, Budget budget) {
        return Escapers.js(s, budget);
    }

    /** Twig's 'css' escaper: everything but [a-zA-Z0-9] as "\\HEX ". */
    public static String escapeCss(String s, Budget budget) {
        return Escapers.css(s, budget);
    }

    /** Twig's 'html_attr' escaper. */
    public static String escapeHtmlAttr(String s, Budget budget) {
        return Escapers.htmlAttr(s, budget);
    }

    /** rawurlencode (Twig's 'url' escaper and url_encode filter on strings). */
    public static String rawUrlEncode(String s, Budget budget) {
        return Escapers.rawUrlEncode(s, budget);
    }

    /** http_build_query($data, '', '&', PHP_QUERY_RFC3986) (Twig's url_encode filter on arrays). */
    public static String httpBuildQuery(PhpArray data, Budget budget) {
        return Escapers.httpBuildQuery(data, budget);
    }

    /** Twig's spaceless filter: trim(preg_replace('/>\\s+</', '><', $s)). */
    public static String spaceless(String s) {
        return TrimStrings.trim(SPACE_BETWEEN_TAGS.matcher(s).replaceAll("><"), " \t\n\r\0\u000B", true, true);
    }
}
