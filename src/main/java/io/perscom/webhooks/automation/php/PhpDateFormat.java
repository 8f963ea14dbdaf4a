package io.perscom.webhooks.automation.php;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** PHP's date() format letters. */
final class PhpDateFormat {

    private PhpDateFormat() {
    }

    static String format(PhpDate date, String format) {
        ZonedDateTime t = date.toZonedDateTime();
        StringBuilder out = new StringBuilder(format.length() * 2);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                if (i + 1 < format.length()) {
                    out.append(format.charAt(++i));
                }
                continue;
            }
            appendLetter(out, c, t, date);
        }
        return out.toString();
    }

    private static void appendLetter(StringBuilder out, char c, ZonedDateTime t, PhpDate date) {
        int offset = t.getOffset().getTotalSeconds();
        switch (c) {
            case 'd' -> pad2(out, t.getDayOfMonth());
            case 'D' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case 'j' -> out.append(t.getDayOfMonth());
            case 'l' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case 'N' -> out.append(t.getDayOfWeek().getValue());
            case 'S' -> out.append(ordinalSuffix(t.getDayOfMonth()));
            case 'w' -> out.append(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
            case 'z' -> out.append(t.getDayOfYear() - 1);
            case 'W' -> pad2(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'F' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case 'm' -> pad2(out, t.getMonthValue());
            case 'M' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case 'n' -> out.append(t.getMonthValue());
            case 't' -> out.append(t.toLocalDate().lengthOfMonth());
            case 'L' -> out.append(t.toLocalDate().isLeapYear() ? '1' : '0');
            case 'o' -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'X', 'x' -> appendExpandedYear(out, t.getYear(), c == 'X');
            case 'Y' -> appendYear(out, t.getYear());
            case 'y' -> pad2(out, Math.floorMod(t.getYear(), 100));
            case 'a' -> out.append(t.getHour() < 12 ? "am" : "pm");
            case 'A' -> out.append(t.getHour() < 12 ? "AM" : "PM");
            case 'B' -> appendSwatch(out, t.toEpochSecond());
            case 'g' -> out.append(hour12(t.getHour()));
            case 'G' -> out.append(t.getHour());
            case 'h' -> pad2(out, hour12(t.getHour()));
            case 'H' -> pad2(out, t.getHour());
            case 'i' -> pad2(out, t.getMinute());
            case 's' -> pad2(out, t.getSecond());
            case 'u' -> out.append(String.format(Locale.ROOT, "%06d", t.get(ChronoField.MICRO_OF_SECOND)));
            case 'v' -> out.append(String.format(Locale.ROOT, "%03d", t.get(ChronoField.MILLI_OF_SECOND)));
            case 'e' -> out.append(date.zone().identifier());
            case 'I' -> out.append(date.zone().isDaylightSaving(t.toInstant()) ? '1' : '0');
            case 'O' -> out.append(PhpZone.compactOffset(offset));
            case 'P' -> out.append(PhpZone.colonOffset(offset));
            case 'p' -> out.append(offset == 0 ? "Z" : PhpZone.colonOffset(offset));
            case 'T' -> out.append(date.zone().abbreviation(t.toInstant()));
            case 'Z' -> out.append(offset);
            case 'c' -> out.append(format(date, "Y-m-d\\TH:i:sP"));
            case 'r' -> out.append(format(date, "D, d M Y H:i:s O"));
            case 'U' -> out.append(t.toEpochSecond());
            default -> out.append(c);
        }
    }

    private static void pad2(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    private static int hour12(int hour) {
        int h = hour % 12;
        return h == 0 ? 12 : h;
    }

    private static String ordinalSuffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static void appendYear(StringBuilder out, int year) {
        if (year < 0) {
            out.append('-');
        }
        out.append(String.format(Locale.ROOT, "%04d", Math.abs(year)));
    }

    private static void appendExpandedYear(StringBuilder out, int year, boolean alwaysSign) {
        if (year < 0) {
            out.append('-');
        } else if (alwaysSign || year >= 10000) {
            out.append('+');
        }
        out.append(String.format(Locale.ROOT, "%04d", Math.abs(year)));
    }

    /** Swatch Internet time: beats of the day in UTC+1. */
    private static void appendSwatch(StringBuilder out, long epochSecond) {
        long beats = (Math.floorMod(epochSecond, 86400) + 3600) * 10;
        beats = (beats / 864) % 1000;
        out.append(String.format(Locale.ROOT, "%03d", beats));
    }
}
