package io.perscom.webhooks.automation.php;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scans a date string token by token (the common forms of PHP's date grammar) into a {@link DateBuilder}. */
final class DateTokens {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String DAY_NAME = "(mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?"
            + "|sat(?:urday)?|sun(?:day)?)";
    private static final String UNIT = "(msec|millisecond|microsecond|usec|µsec|µs|sec|second|min|minute|hour|day"
            + "|fortnight|forthnight|week|month|year)s?";
    private static final String FRACTION = "(?:[.,](\\d{1,9}))?";

    private static final Pattern TIMESTAMP = Pattern.compile("@(-?\\d+)(?:\\.(\\d{1,6}))?");
    private static final Pattern ISO_DATE = Pattern.compile("([+-]?\\d{4})-(\\d{1,2})-(\\d{1,2})(?=[^\\d]|$)");
    private static final Pattern SLASH_YMD = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern AMERICAN = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-.](\\d{1,2})[-.](\\d{4})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern TIME = Pattern.compile(
            "t?(\\d{1,2}):(\\d{2})(?::(\\d{2})" + FRACTION + ")?(?:\\s*([ap])\\.?m\\.?(?![a-z]))?(?!\\d)");
    private static final Pattern HOUR_MERIDIAN = Pattern.compile("(\\d{1,2})\\s*([ap])\\.?m\\.?(?![a-z])");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH + "[ .\\-]*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:[ ,.\\-]*(\\d{4}))?(?![\\d:])");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?[ .\\-]*" + MONTH + "(?:[ ,.\\-]*(\\d{4}))?(?![\\d:])");
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + "[ ,.\\-]*(\\d{4})(?![\\d:])");
    private static final Pattern MONTH_ONLY = Pattern.compile(MONTH + "(?![a-z])");
    private static final Pattern RELATIVE = Pattern.compile("([+-]?)\\s*(\\d+)\\s*" + UNIT + "(?![a-z])");
    private static final Pattern RELATIVE_TEXT = Pattern.compile(
            "(next|last|previous|this)\\s+" + UNIT + "(?![a-z])");
    private static final Pattern RELATIVE_WEEKDAY = Pattern.compile(
            "(next|last|previous|this)\\s+" + DAY_NAME + "(?![a-z])");
    private static final Pattern WEEKDAY = Pattern.compile(DAY_NAME + "(?![a-z])");
    private static final Pattern FIRST_LAST_DAY_OF = Pattern.compile("(first|last) day of(?![a-z])");
    private static final Pattern WEEKDAY_OF = Pattern.compile(
            "(first|second|third|fourth|fifth|last)\\s+" + DAY_NAME + "\\s+of(?![a-z])");
    private static final Pattern WORD = Pattern.compile("(now|today|midnight|noon|tomorrow|yesterday|ago)(?![a-z])");
    private static final Pattern OFFSET = Pattern.compile("(?:gmt|utc)?([+-])(\\d{1,2})(?::?(\\d{2}))?(?![\\d])");
    private static final Pattern ZONE_NAME = Pattern.compile("([a-z]+(?:/[a-z0-9_+\\-]+)+|[a-z]{1,6})(?![a-z/])",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
            Map.entry("sec", ChronoUnit.SECONDS), Map.entry("second", ChronoUnit.SECONDS),
            Map.entry("min", ChronoUnit.MINUTES), Map.entry("minute", ChronoUnit.MINUTES),
            Map.entry("hour", ChronoUnit.HOURS), Map.entry("day", ChronoUnit.DAYS),
            Map.entry("week", ChronoUnit.WEEKS), Map.entry("month", ChronoUnit.MONTHS),
            Map.entry("year", ChronoUnit.YEARS), Map.entry("usec", ChronoUnit.MICROS),
            Map.entry("microsecond", ChronoUnit.MICROS), Map.entry("µsec", ChronoUnit.MICROS),
            Map.entry("µs", ChronoUnit.MICROS));

    private final String original;
    private final String text;
    private int pos;

    DateTokens(String text) {
        this.original = text;
        this.text = text.toLowerCase(Locale.ROOT);
    }

    void parseInto(DateBuilder builder) {
        while (true) {
            skipSeparators();
            if (pos >= text.length()) {
                return;
            }
            if (!parseToken(builder)) {
                throw failure(pos, "The timezone could not be found in the database");
            }
        }
    }

    private boolean parseToken(DateBuilder b) {
        Matcher m;
        if ((m = match(TIMESTAMP)) != null) {
            long micros = m.group(2) == null ? 0 : Long.parseLong((m.group(2) + "00000").substring(0, 6));
            long seconds = Long.parseLong(m.group(1));
            b.timestamp(seconds, m.group(1).startsWith("-") ? -micros : micros);
            return true;
        }
        if ((m = match(ISO_DATE)) != null || (m = match(SLASH_YMD)) != null) {
            return setDate(b, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        if ((m = match(DMY)) != null) {
            return setDate(b, m, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
        }
        if ((m = match(COMPACT_DATE)) != null && !b.hasDate()) {
            return setDate(b, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        if ((m = match(TIME)) != null) {
            return setTime(b, m, m.group(5));
        }
        if ((m = match(AMERICAN)) != null) {
            Integer year = m.group(3) == null ? null : twoDigitYear(m.group(3));
            return setDate(b, m, year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = match(HOUR_MERIDIAN)) != null) {
            int hour = Integer.parseInt(m.group(1));
            if (hour < 1 || hour > 12) {
                return false;
            }
            b.time(meridian(hour, m.group(2)), 0, 0, 0);
            return true;
        }
        if ((m = match(WEEKDAY_OF)) != null) {
            int n = List.of("first", "second", "third", "fourth", "fifth").indexOf(m.group(1)) + 1;
            b.weekdayOfMonth(dayOfWeek(m.group(2)), n == 0 ? -1 : n);
            return true;
        }
        if ((m = match(FIRST_LAST_DAY_OF)) != null) {
            b.firstOrLastDayOf(m.group(1).equals("first"));
            return true;
        }
        if ((m = match(RELATIVE_WEEKDAY)) != null) {
            long amount = relativeTextAmount(m.group(1));
            b.relative(ChronoUnit.DAYS, (amount > 0 ? amount - 1 : amount) * 7);
            b.weekday(dayOfWeek(m.group(2)), m.group(1).equals("this") ? 1 : 0);
            return true;
        }
        if ((m = match(RELATIVE_TEXT)) != null) {
            long amount = relativeTextAmount(m.group(1));
            if (m.group(2).equals("week")) {
                b.weekOf(amount);
                return true;
            }
            return relative(b, amount, m.group(2));
        }
        if ((m = match(RELATIVE)) != null) {
            long amount = Long.parseLong(m.group(2));
            return relative(b, m.group(1).equals("-") ? -amount : amount, m.group(3));
        }
        if ((m = match(MONTH_DAY_YEAR)) != null) {
            Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
            return setDate(b, m, year, monthNumber(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = match(DAY_MONTH_YEAR)) != null) {
            Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
            return setDate(b, m, year, monthNumber(m.group(2)), Integer.parseInt(m.group(1)));
        }
        if ((m = match(MONTH_YEAR)) != null) {
            return setDate(b, m, Integer.parseInt(m.group(2)), monthNumber(m.group(1)), 1);
        }
        if ((m = match(WORD)) != null) {
            word(b, m.group(1));
            return true;
        }
        if ((m = match(WEEKDAY)) != null) {
            b.weekday(dayOfWeek(m.group(1)), 1);
            return true;
        }
        if ((m = match(MONTH_ONLY)) != null) {
            return setDate(b, m, null, monthNumber(m.group(1)), null);
        }
        if ((m = match(OFFSET)) != null && (b.hasTime() || b.hasDate())) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int seconds = (hours * 3600 + minutes * 60) * (m.group(1).equals("-") ? -1 : 1);
            b.zone(PhpZone.offset(ZoneOffset.ofTotalSeconds(seconds)));
            return true;
        }
        return zoneName(b);
    }

    private boolean zoneName(DateBuilder b) {
        Matcher m = ZONE_NAME.matcher(original);
        m.region(pos, original.length());
        if (!m.lookingAt()) {
            return false;
        }
        String name = m.group(1);
        if (name.equals("z") || name.equals("Z")) {
            b.zone(PhpZone.abbreviation("Z", ZoneOffset.UTC));
            pos = m.end();
            return true;
        }
        try {
            PhpZone zone = PhpZone.named(name);
            if (zone.kind() == PhpZone.Kind.IDENTIFIER && name.equalsIgnoreCase("utc")) {
                zone = PhpZone.abbreviation("UTC", ZoneOffset.UTC);
            }
            b.zone(zone);
            pos = m.end();
            return true;
        } catch (PhpError unknown) {
            return false;
        }
    }

    private void word(DateBuilder b, String word) {
        switch (word) {
            case "now" -> { }
            case "today", "midnight" -> b.resetTime();
            case "noon" -> b.time(12, 0, 0, 0);
            case "tomorrow" -> {
                b.resetTime();
                b.relative(ChronoUnit.DAYS, 1);
            }
            case "yesterday" -> {
                b.resetTime();
                b.relative(ChronoUnit.DAYS, -1);
            }
            case "ago" -> b.invertRelative();
            default -> throw new IllegalStateException(word);
        }
    }

    private boolean relative(DateBuilder b, long amount, String unitName) {
        switch (unitName) {
            case "fortnight", "forthnight" -> b.relative(ChronoUnit.DAYS, 14 * amount);
            case "msec", "millisecond" -> b.relative(ChronoUnit.MICROS, 1000 * amount);
            default -> b.relative(UNITS.get(unitName), amount);
        }
        return true;
    }

    private boolean setDate(DateBuilder b, Matcher m, Integer year, Integer month, Integer day) {
        if (b.hasDate() || (month != null && (month < 1 || month > 12)) || (day != null && (day < 0 || day > 31))) {
            throw failure(m.start(), "Unexpected character");
        }
        b.date(year, month, day == null ? 1 : day);
        return true;
    }

    private boolean setTime(DateBuilder b, Matcher m, String meridian) {
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int micro = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000").substring(0, 6));
        if (meridian != null) {
            if (hour < 1 || hour > 12) {
                throw failure(m.start(), "Unexpected character");
            }
            hour = meridian(hour, meridian);
        }
        if (b.hasTime() || hour > 24 || minute > 59 || second > 60) {
            throw failure(m.start(), "Unexpected character");
        }
        b.time(hour, minute, second, micro);
        return true;
    }

    private static long relativeTextAmount(String text) {
        return switch (text) {
            case "next" -> 1;
            case "this" -> 0;
            default -> -1;
        };
    }

    private static int meridian(int hour, String ap) {
        return ap.equals("a") ? hour % 12 : hour % 12 + 12;
    }

    private static int twoDigitYear(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            return year < 70 ? 2000 + year : 1900 + year;
        }
        return year;
    }

    private static int monthNumber(String name) {
        List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec");
        return months.indexOf(name.substring(0, 3)) + 1;
    }

    private static DayOfWeek dayOfWeek(String name) {
        List<String> days = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
        return DayOfWeek.of(days.indexOf(name.substring(0, 3)) + 1);
    }

    private Matcher match(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        m.region(pos, text.length());
        if (m.lookingAt()) {
            pos = m.end();
            return m;
        }
        return null;
    }

    private void skipSeparators() {
        while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }

    private PhpError failure(int at, String reason) {
        char c = at < original.length() ? original.charAt(at) : ' ';
        return new PhpError("Failed to parse time string (" + original + ") at position " + at + " (" + c + "): "
                + reason);
    }
}
