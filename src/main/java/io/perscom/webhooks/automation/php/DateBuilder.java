package io.perscom.webhooks.automation.php;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The fields a parsed date string sets, resolved into a {@link PhpDate} the way timelib does. */
final class DateBuilder {

    private final ZonedDateTime base;
    private PhpZone zone;
    private Integer year;
    private Integer month;
    private Integer day;
    private Integer hour;
    private Integer minute;
    private Integer second;
    private Integer micro;
    private boolean timeReset;
    private boolean keepTime;
    private Long timestampSeconds;
    private long timestampMicros;
    private long relYears;
    private long relMonths;
    private long relDays;
    private long relHours;
    private long relMinutes;
    private long relSeconds;
    private long relMicros;
    /** timelib's relative weekday (0 = Sunday ... 6 = Saturday), or null. */
    private Integer weekday;
    /**
     * timelib's weekday behaviour: 0 = strictly after the date (or before it, with a negative day offset), 1 = the
     * date itself counts, 2 = that weekday of the date's own (Monday-based) week.
     */
    private int weekdayBehaviour;
    private Boolean firstOrLastDayOf;

    DateBuilder(ZonedDateTime base, PhpZone zone) {
        this.base = base;
        this.zone = zone;
    }

    /** modify(): a bare date keeps the time of the base date instead of resetting it to midnight. */
    void keepTime() {
        keepTime = true;
    }

    boolean hasDate() {
        return year != null || month != null || day != null;
    }

    /** Whether a time was given (and not unset again by today / tomorrow / midnight...). */
    boolean hasTime() {
        return haveTime;
    }

    private boolean haveTime;

    void zone(PhpZone value) {
        if (!keepTime) {
            // modify() ignores a zone in the text (only "@ts" switches the date to UTC)
            zone = value;
        }
    }

    void date(Integer y, Integer m, Integer d) {
        year = y;
        month = m;
        day = d;
    }

    void time(int h, int i, int s, int us) {
        hour = h;
        minute = i;
        second = s;
        micro = us;
        haveTime = true;
    }

    /** today / midnight / tomorrow... (timelib's TIMELIB_UNHAVE_TIME): time 00:00:00, a later time may follow. */
    void resetTime() {
        hour = 0;
        minute = 0;
        second = 0;
        micro = 0;
        haveTime = false;
        timeReset = true;
    }

    /** "first monday of", "last friday of": the n-th (or last, n = -1) weekday of the resolved month. */
    void weekdayOfMonth(DayOfWeek day, int n) {
        weekdayOfMonth = day;
        weekdayOrdinal = n;
        resetTime();
    }

    private DayOfWeek weekdayOfMonth;
    private int weekdayOrdinal;

    void timestamp(long seconds, long micros) {
        timestampSeconds = seconds;
        timestampMicros = micros;
        zone = PhpZone.offset(ZoneOffset.UTC);
    }

    void relative(ChronoUnit unit, long amount) {
        switch (unit) {
            case YEARS -> relYears += amount;
            case MONTHS -> relMonths += amount;
            case WEEKS -> relDays += 7 * amount;
            case DAYS -> relDays += amount;
            case HOURS -> relHours += amount;
            case MINUTES -> relMinutes += amount;
            case SECONDS -> relSeconds += amount;
            case MICROS -> relMicros += amount;
            default -> throw new IllegalArgumentException(unit.toString());
        }
    }

    /** "ago": inverts every relative amount given so far. */
    void invertRelative() {
        relYears = -relYears;
        relMonths = -relMonths;
        relDays = -relDays;
        relHours = -relHours;
        relMinutes = -relMinutes;
        relSeconds = -relSeconds;
        relMicros = -relMicros;
    }

    /** A day name ("monday", "next friday"...): the time is reset to midnight. */
    void weekday(DayOfWeek day, int behaviour) {
        weekday = day.getValue() % 7;
        if (weekdayBehaviour != 2) {
            weekdayBehaviour = behaviour;
        }
        resetTime();
    }

    /** "this week", "next week", "last week": that weekday (Monday unless one was named) of the week. */
    void weekOf(long weeks) {
        relDays += 7 * weeks;
        weekdayBehaviour = 2;
        if (weekday == null) {
            weekday = 1;
        }
    }

    /** "first day of" (true) / "last day of" (false). */
    void firstOrLastDayOf(boolean first) {
        firstOrLastDayOf = first;
    }

    PhpDate build() {
        if (timestampSeconds != null) {
            LocalDateTime utc = LocalDateTime.ofEpochSecond(timestampSeconds, 0, ZoneOffset.UTC)
                    .plus(timestampMicros, ChronoUnit.MICROS);
            return resolve(utc.toLocalDate(), utc.toLocalTime());
        }
        LocalDateTime now = base.withZoneSameInstant(zone.zoneId()).toLocalDateTime();
        int y = year != null ? year : now.getYear();
        int m = month != null ? month : now.getMonthValue();
        int d = day != null ? day : now.getDayOfMonth();
        LocalDate date = LocalDate.of(y, 1, 1).plusMonths(m - 1L).plusDays(d - 1L);
        LocalTime time;
        if (hour != null) {
            // 24:00 and :60 seconds are allowed and roll over, as in PHP
            long seconds = hour * 3600L + minute * 60L + second;
            date = date.plusDays(seconds / 86400);
            time = LocalTime.ofSecondOfDay(seconds % 86400).plus(micro, ChronoUnit.MICROS);
        } else if (timeReset || (hasDate() && !keepTime)) {
            time = LocalTime.MIDNIGHT;
        } else {
            time = now.toLocalTime();
        }
        return resolve(date, time);
    }

    /** timelib's do_adjust_relative: the weekday first, then the relative offsets, then first/last day of. */
    private PhpDate resolve(LocalDate date, LocalTime time) {
        if (weekday != null) {
            date = adjustForWeekday(date);
        }
        LocalDate monthStart = date.withDayOfMonth(1).plusMonths(relMonths + 12 * relYears);
        LocalDate resolved;
        if (weekdayOfMonth != null) {
            resolved = nthWeekday(monthStart, weekdayOfMonth, weekdayOrdinal);
        } else if (firstOrLastDayOf != null) {
            resolved = firstOrLastDayOf ? monthStart : monthStart.withDayOfMonth(monthStart.lengthOfMonth());
        } else {
            resolved = monthStart.plusDays(date.getDayOfMonth() - 1L + relDays);
        }
        ZonedDateTime zoned = LocalDateTime.of(resolved, time).atZone(zone.zoneId());
        zoned = zoned.plus(Duration.ofHours(relHours).plusMinutes(relMinutes).plusSeconds(relSeconds)
                .plus(relMicros, ChronoUnit.MICROS));
        return new PhpDate(zoned, zone);
    }

    /** timelib's do_adjust_for_weekday. */
    private LocalDate adjustForWeekday(LocalDate date) {
        int current = date.getDayOfWeek().getValue() % 7;
        int target = weekday;
        if (weekdayBehaviour == 2) {
            if (current == 0 && target != 0) {
                target -= 7;
            }
            if (target == 0 && current != 0) {
                target = 7;
            }
            return date.plusDays(target - current);
        }
        int difference = target - current;
        if ((relDays < 0 && difference < 0) || (relDays >= 0 && difference <= -weekdayBehaviour)) {
            difference += 7;
        }
        return date.plusDays(difference);
    }

    private static LocalDate nthWeekday(LocalDate monthStart, DayOfWeek day, int n) {
        if (n < 0) {
            LocalDate last = monthStart.withDayOfMonth(monthStart.lengthOfMonth());
            return last.minusDays(Math.floorMod(last.getDayOfWeek().getValue() - day.getValue(), 7));
        }
        LocalDate first = monthStart.plusDays(Math.floorMod(day.getValue() - monthStart.getDayOfWeek().getValue(), 7));
        return first.plusWeeks(n - 1L);
    }

}
