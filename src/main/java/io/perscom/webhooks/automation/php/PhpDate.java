package io.perscom.webhooks.automation.php;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A date-time as PHP's DateTimeImmutable / Carbon holds it: an instant with microsecond precision plus a timezone
 * (identifier, offset or abbreviation, as PHP distinguishes them). Immutable.
 */
public final class PhpDate implements Comparable<PhpDate> {

    /** The PHP class name the engines report (get_debug_type, error messages). */
    public static final String CLASS_NAME = "Carbon\\Carbon";

    private static final Set<String> METHODS = Set.of("format", "toDateString", "toDateTimeString",
            "toIso8601String", "getTimestamp", "toISOString", "toJSON", "timestamp");

    private final ZonedDateTime dateTime;
    private final PhpZone zone;

    PhpDate(ZonedDateTime dateTime, PhpZone zone) {
        this.dateTime = dateTime.truncatedTo(ChronoUnit.MICROS).withZoneSameInstant(zone.zoneId());
        this.zone = zone;
    }

    /**
     * The instant in {@code zone}. A {@link java.time.ZoneOffset} (including {@code ZoneOffset.UTC}) makes PHP's
     * offset-type zone, whose {@code e} prints "+00:00" like {@code new DateTime('@0')}; pass
     * {@code ZoneId.of("UTC")} for PHP's "UTC" identifier, as Carbon::now() has it.
     */
    public static PhpDate of(Instant instant, ZoneId zone) {
        return new PhpDate(instant.atZone(zone), PhpZone.of(zone));
    }

    public static PhpDate of(ZonedDateTime dateTime) {
        return new PhpDate(dateTime, PhpZone.of(dateTime.getZone()));
    }

    public static PhpDate now(Clock clock) {
        return of(clock.instant(), clock.getZone());
    }

    /** {@code new DateTime('@'.$seconds)} moved to {@code zone}. */
    public static PhpDate fromTimestamp(long epochSeconds, ZoneId zone) {
        return of(Instant.ofEpochSecond(epochSeconds), zone);
    }

    /** A zone by the name PHP's DateTimeZone constructor takes ("Europe/Berlin", "+02:00", "UTC", "EST"). */
    public static ZoneId zoneId(String name) {
        return PhpZone.named(name).zoneId();
    }

    /**
     * {@code new DateTime($text, new DateTimeZone($zone))} relative to the current time.
     *
     * @throws PhpError like PHP's "Failed to parse time string (x) at position 0 (x): ..."
     */
    public static PhpDate parse(String text, ZoneId defaultZone) {
        return parse(text, defaultZone, Instant.now());
    }

    /** As {@link #parse(String, ZoneId)} with a fixed "now" (relative forms are resolved against it). */
    public static PhpDate parse(String text, ZoneId defaultZone, Instant now) {
        return PhpDateParser.parse(text, PhpZone.of(defaultZone), now.atZone(defaultZone));
    }

    /** {@code $date->modify($text)}: relative forms ("+1 day", "next monday", "midnight") applied to this date. */
    public PhpDate modify(String text) {
        return PhpDateParser.modify(this, text);
    }

    /** The same instant in another zone ({@code setTimezone}). */
    public PhpDate withZone(ZoneId zone) {
        return new PhpDate(dateTime, PhpZone.of(zone));
    }

    /** The same instant in the zone PHP's DateTimeZone constructor would make of {@code name}. */
    public PhpDate withZone(String name) {
        return new PhpDate(dateTime, PhpZone.named(name));
    }

    /** PHP date() formatting. */
    public String format(String phpFormat) {
        return PhpDateFormat.format(this, phpFormat);
    }

    public long getTimestamp() {
        return dateTime.toEpochSecond();
    }

    public Instant instant() {
        return dateTime.toInstant();
    }

    public ZoneId zoneId() {
        return zone.zoneId();
    }

    public ZonedDateTime toZonedDateTime() {
        return dateTime;
    }

    PhpZone zone() {
        return zone;
    }

    public String toDateString() {
        return format("Y-m-d");
    }

    public String toDateTimeString() {
        return format("Y-m-d H:i:s");
    }

    public String toIso8601String() {
        return format("Y-m-d\\TH:i:sP");
    }

    /** Carbon's toJSON()/toISOString(): always UTC with microseconds, e.g. "2024-01-02T03:04:05.000000Z". */
    public String toJson() {
        PhpDate utc = new PhpDate(dateTime, PhpZone.UTC);
        int year = utc.dateTime.getYear();
        String yearFormat = year < 0 || year > 9999 ? "X" : "Y";
        return utc.format(yearFormat + "-m-d\\TH:i:s.u\\Z");
    }

    /** Whether {@link #attribute} knows {@code name}. */
    public boolean hasAttribute(String name) {
        return CarbonGetters.has(name);
    }

    /**
     * A Carbon magic property ({@code year}, {@code month}, {@code dayOfWeek}, {@code timestamp}, {@code tzName}...).
     *
     * @throws PhpError "Unknown getter 'x'" as Carbon raises it
     */
    public Object attribute(String name) {
        return CarbonGetters.get(this, name);
    }

    /** Whether {@code name} is one of the methods templates and expressions may call on a date. */
    public static boolean isAllowedMethod(String name) {
        return METHODS.contains(name);
    }

    /**
     * Calls a whitelisted method ({@code format(f)}, {@code toDateString()}, {@code toDateTimeString()},
     * {@code toIso8601String()}, {@code getTimestamp()}...).
     *
     * @throws PhpError for any other method ("Method x does not exist.", like Carbon) or a missing argument
     */
    public Object callMethod(String name, List<Object> args) {
        return switch (name) {
            case "format" -> {
                if (args.isEmpty()) {
                    throw new PhpError("Too few arguments to function Carbon\\Carbon::format(), 0 passed and exactly 1 expected");
                }
                yield format(Php.toStr(args.get(0)));
            }
            case "toDateString" -> toDateString();
            case "toDateTimeString" -> toDateTimeString();
            case "toIso8601String" -> toIso8601String();
            case "toISOString", "toJSON" -> toJson();
            case "getTimestamp", "timestamp" -> getTimestamp();
            default -> throw new PhpError("Method " + name + " does not exist.");
        };
    }

    /** Carbon's __toString: {@code Y-m-d H:i:s}. */
    @Override
    public String toString() {
        return toDateTimeString();
    }

    /** Orders by instant, as PHP compares DateTime objects. */
    @Override
    public int compareTo(PhpDate other) {
        return dateTime.toInstant().compareTo(other.dateTime.toInstant());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhpDate that && dateTime.toInstant().equals(that.dateTime.toInstant())
                && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dateTime.toInstant(), zone);
    }
}
