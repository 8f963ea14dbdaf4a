package io.perscom.webhooks.automation.php;

import java.time.ZonedDateTime;
import java.time.temporal.WeekFields;
import java.util.Map;
import java.util.function.Function;

/** Carbon 2's magic read properties ({@code $date->year}...) over a {@link PhpDate}. */
final class CarbonGetters {

    /** Properties Carbon reads through rawFormat(letter), cast to int when numeric. */
    private static final Map<String, String> FORMATTED = Map.ofEntries(
            Map.entry("year", "Y"), Map.entry("yearIso", "o"), Map.entry("month", "n"), Map.entry("day", "j"),
            Map.entry("hour", "G"), Map.entry("minute", "i"), Map.entry("second", "s"), Map.entry("micro", "u"),
            Map.entry("microsecond", "u"), Map.entry("dayOfWeek", "w"), Map.entry("dayOfWeekIso", "N"),
            Map.entry("weekOfYear", "W"), Map.entry("daysInMonth", "t"), Map.entry("timestamp", "U"),
            Map.entry("latinMeridiem", "a"), Map.entry("latinUpperMeridiem", "A"),
            Map.entry("englishDayOfWeek", "l"), Map.entry("shortEnglishDayOfWeek", "D"),
            Map.entry("englishMonth", "F"), Map.entry("shortEnglishMonth", "M"),
            Map.entry("timezoneAbbreviatedName", "T"), Map.entry("tzAbbrName", "T"),
            Map.entry("dayName", "l"), Map.entry("shortDayName", "D"), Map.entry("monthName", "F"),
            Map.entry("shortMonthName", "M"), Map.entry("meridiem", "a"), Map.entry("upperMeridiem", "A"),
            Map.entry("isoWeek", "W"), Map.entry("isoWeekYear", "o"));

    private static final Map<String, Function<PhpDate, Object>> COMPUTED = Map.ofEntries(
            Map.entry("milli", CarbonGetters::milli), Map.entry("millisecond", CarbonGetters::milli),
            Map.entry("milliseconds", CarbonGetters::milli),
            Map.entry("dayOfYear", d -> 1 + Long.parseLong(d.format("z"))),
            Map.entry("daysInYear", d -> d.format("L").equals("1") ? 366L : 365L),
            Map.entry("weekOfMonth", d -> (long) Math.ceil(d.toZonedDateTime().getDayOfMonth() / 7.0)),
            Map.entry("quarter", d -> (long) Math.ceil(d.toZonedDateTime().getMonthValue() / 3.0)),
            Map.entry("decade", d -> (long) Math.ceil(d.toZonedDateTime().getYear() / 10.0)),
            Map.entry("century", d -> signedCeil(d.toZonedDateTime().getYear(), 100)),
            Map.entry("millennium", d -> signedCeil(d.toZonedDateTime().getYear(), 1000)),
            Map.entry("noZeroHour", d -> {
                long hour = d.toZonedDateTime().getHour();
                return hour == 0 ? 24L : hour;
            }),
            Map.entry("offset", d -> (long) offsetSeconds(d)),
            Map.entry("offsetMinutes", d -> Php.div((long) offsetSeconds(d), 60L)),
            Map.entry("offsetHours", d -> Php.div(Php.div((long) offsetSeconds(d), 60L), 60L)),
            Map.entry("dst", d -> d.format("I").equals("1")),
            Map.entry("utc", d -> offsetSeconds(d) == 0),
            Map.entry("tzName", d -> d.zone().identifier()),
            // locale weeks as Carbon's "en" has them: weeks start on Sunday, week 1 holds January 1st
            Map.entry("week", d -> (long) d.toZonedDateTime().get(WeekFields.SUNDAY_START.weekOfWeekBasedYear())),
            Map.entry("weekYear", d -> (long) d.toZonedDateTime().get(WeekFields.SUNDAY_START.weekBasedYear())),
            Map.entry("timezoneName", d -> d.zone().identifier()));

    private CarbonGetters() {
    }

    static boolean has(String name) {
        return FORMATTED.containsKey(name) || COMPUTED.containsKey(name);
    }

    static Object get(PhpDate date, String name) {
        String letter = FORMATTED.get(name);
        if (letter != null) {
            String value = date.format(letter);
            Number number = Php.parseNumeric(value);
            return number == null ? value : (Object) Php.toLong(number);
        }
        Function<PhpDate, Object> getter = COMPUTED.get(name);
        if (getter == null) {
            throw new PhpError("Unknown getter '" + name + "'");
        }
        return getter.apply(date);
    }

    private static long milli(PhpDate date) {
        return date.toZonedDateTime().getNano() / 1_000_000;
    }

    private static int offsetSeconds(PhpDate date) {
        ZonedDateTime t = date.toZonedDateTime();
        return t.getOffset().getTotalSeconds();
    }

    private static long signedCeil(int year, int unit) {
        int factor = year < 0 ? -1 : 1;
        return factor * (long) Math.ceil(Math.abs(year) / (double) unit);
    }
}
