package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.REQUIRED;
import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;

/** The date and date_modify filters and the date() function (twig_date_converter). */
final class DateFilters {
    /** CoreExtension's default date format. */
    static final String DEFAULT_FORMAT = "F j, Y H:i";

    private DateFilters() {}

    static void register(Builtins b) {
        b.filter("date", (rt, v, a) -> {
            Object format = arg(a, 0, null);
            return format(rt, convert(rt, v, arg(a, 1, null)), format == null ? DEFAULT_FORMAT : Values.str(format));
        }, p("format", null), p("timezone", null));
        b.filter("date_modify", (rt, v, a) -> convert(rt, v, false).modify(Values.str(arg(a, 0, null))),
                p("modifier", REQUIRED));
        b.function("date", (rt, v, a) -> convert(rt, arg(a, 0, null), arg(a, 1, null)),
                p("date", null), p("timezone", null));
    }

    /** The longest expansion of one format letter ("r" gives 31 characters). */
    private static final int MAX_LETTER_EXPANSION = 32;

    /** DateTime::format, with the size of what it can produce checked first. */
    static String format(Interpreter rt, PhpDate date, String format) {
        rt.budget().checkString((long) format.length() * MAX_LETTER_EXPANSION);
        return date.format(format);
    }

    /**
     * twig_date_converter: a date keeps its instant, digits are a unix timestamp, other strings are parsed in the
     * default timezone (UTC in PERSCOM); then the result moves to {@code timezone} (null: the default; false: stay).
     */
    static PhpDate convert(Interpreter rt, Object date, Object timezone) {
        Object value = Values.unwrap(date);
        PhpDate result;
        if (value instanceof PhpDate d) {
            result = d;
        } else if (value == null || "now".equals(value)) {
            result = PhpDate.of(rt.clock().instant(), rt.timezone());
        } else {
            if (value instanceof PhpArray) {
                throw new PhpError("Array to string conversion");
            }
            String text = Values.str(value);
            if (isTimestamp(text)) {
                try {
                    result = PhpDate.fromTimestamp(Long.parseLong(text), java.time.ZoneOffset.UTC);
                } catch (NumberFormatException e) {
                    throw new PhpError("DateTime::__construct(): Failed to parse time string (@" + text + ")");
                }
            } else {
                result = PhpDate.parse(text, rt.timezone(), rt.clock().instant());
            }
        }
        if (Boolean.FALSE.equals(timezone)) {
            return result;
        }
        if (timezone == null) {
            return result.withZone(rt.timezone());
        }
        String zone = Values.str(timezone);
        try {
            return result.withZone(zone);
        } catch (PhpError e) {
            throw new PhpError("DateTimeZone::__construct(): Unknown or bad timezone (" + zone + ")", e);
        }
    }

    private static boolean isTimestamp(String s) {
        String digits = s.startsWith("-") ? s.substring(1) : s;
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
