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
    private DayOfWeek weekday;
    /** 0: this or next occurrence (today counts); 1: strictly after; -1: strictly before. */
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

    boolean hasTime() {
        return hour != null;
    }

    boolean hasZone() {
        return zoneSet;
    }

    private boolean zoneSet;

    void zone(PhpZone value) {
        zone = value;
        zoneSet = true;
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
    }

    /** today / midnight / tomorrow...: time 00:00:00. */
    void resetTime() {
        timeReset = true;
    }

    void timestamp(long seconds, long micros) {
        timestampSeconds = seconds;
        timestampMicros = micros;
        zone(PhpZone.offset(ZoneOffset.UTC));
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

    void weekday(DayOfWeek day, int behaviour) {
        weekday = day;
        weekdayBehaviour = behaviour;
        timeReset = true;
    }

    /** "first day of" (true) / "last day of" (false). */
    void firstOrLastDayOf(boolean first) {
        firstOrLastDayOf = first;
    }

    PhpDate build() {
        LocalDateTime local;
        if (timestampSeconds != null) {
            local = LocalDateTime.ofEpochSecond(timestampSeconds, 0, ZoneOffset.UTC).plus(timestampMicros, ChronoUnit.MICROS);
            local = applyRelative(local);
            return new PhpDate(local.atZone(zone.zoneId()), zone);
        }
        LocalDateTime now = base.withZoneSameInstant(zone.zoneId()).toLocalDateTime();
        LocalDate date = LocalDate.of(year != null ? year : now.getYear(), 1, 1);
        int m = month != null ? month : now.getMonthValue();
        int d = day != null ? day : now.getDayOfMonth();
        LocalTime time;
        if (hour != null) {
            time = LocalTime.of(hour, minute, second).plus(micro, ChronoUnit.MICROS);
        } else if (timeReset || (hasDate() && !keepTime)) {
            time = LocalTime.MIDNIGHT;
        } else {
            time = now.toLocalTime();
        }
        long months = (m - 1) + relMonths + 12 * relYears;
        LocalDate monthStart = date.plusMonths(months);
        LocalDate resolved;
        if (firstOrLastDayOf != null) {
            resolved = firstOrLastDayOf ? monthStart : monthStart.withDayOfMonth(monthStart.lengthOfMonth());
            resolved = resolved.plusDays(relDays);
        } else {
            resolved = monthStart.plusDays(d - 1L + relDays);
        }
        if (weekday != null) {
            resolved = moveToWeekday(resolved);
        }
        local = LocalDateTime.of(resolved, time);
        ZonedDateTime zoned = local.atZone(zone.zoneId());
        zoned = zoned.plus(Duration.ofHours(relHours).plusMinutes(relMinutes).plusSeconds(relSeconds)
                .plus(relMicros, ChronoUnit.MICROS));
        return new PhpDate(zoned, zone);
    }

    private LocalDateTime applyRelative(LocalDateTime local) {
        LocalDate monthStart = local.toLocalDate().withDayOfMonth(1).plusMonths(relMonths + 12 * relYears);
        LocalDate date = monthStart.plusDays(local.getDayOfMonth() - 1L + relDays);
        return LocalDateTime.of(date, local.toLocalTime()).plusHours(relHours).plusMinutes(relMinutes)
                .plusSeconds(relSeconds).plus(relMicros, ChronoUnit.MICROS);
    }

    private LocalDate moveToWeekday(LocalDate from) {
        int diff = weekday.getValue() - from.getDayOfWeek().getValue();
        if (weekdayBehaviour == 0) {
            return from.plusDays(Math.floorMod(diff, 7));
        }
        if (weekdayBehaviour > 0) {
            int forward = Math.floorMod(diff, 7);
            return from.plusDays(forward == 0 ? 7 : forward);
        }
        int backward = Math.floorMod(-diff, 7);
        return from.minusDays(backward == 0 ? 7 : backward);
    }
}
