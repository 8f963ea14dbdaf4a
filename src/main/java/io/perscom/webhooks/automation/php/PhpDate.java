package io.perscom.webhooks.automation.php;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A date-time as PHP's DateTimeImmutable / Carbon holds it: an instant with microsecond precision plus a timezone
 * (identifier, offset or abbreviation, as PHP distinguishes them). Immutable.
 */
public final class PhpDate implements Comparable<PhpDate> {

    /** The PHP class name the engines report (get_debug_type, error messages). */
    public static final String CLASS_NAME = "Carbon\\Carbon";

    /** Carbon's argument-less string conversions and the PHP format each one is. */
    private static final Map<String, String> FORMAT_METHODS = Map.ofEntries(
            Map.entry("toDateString", "Y-m-d"), Map.entry("toDateTimeString", "Y-m-d H:i:s"),
            Map.entry("toIso8601String", "Y-m-d\\TH:i:sP"), Map.entry("toAtomString", "Y-m-d\\TH:i:sP"),
            Map.entry("toW3cString", "Y-m-d\\TH:i:sP"), Map.entry("toRfc3339String", "Y-m-d\\TH:i:sP"),
            Map.entry("toFormattedDateString", "M j, Y"), Map.entry("toTimeString", "H:i:s"),
            Map.entry("toDateTimeLocalString", "Y-m-d\\TH:i:s"), Map.entry("toDayDateTimeString", "D, M j, Y g:i A"),
            Map.entry("toCookieString", "l, d-M-Y H:i:s T"), Map.entry("toRfc2822String", "D, d M Y H:i:s O"),
            Map.entry("toRssString", "D, d M Y H:i:s O"));

    private static final Set<String> OTHER_METHODS = Set.of("format", "getTimestamp", "toISOString", "toJSON",
            "timestamp", "isWeekend", "isWeekday", "isLeapYear");

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
        return FORMAT_METHODS.containsKey(name) || OTHER_METHODS.contains(name);
    }

    /**
     * Calls a whitelisted method: {@code format(f)}, {@code getTimestamp()}, Carbon's string conversions
     * ({@code toDateString()}, {@code toDateTimeString()}, {@code toIso8601String()}, {@code toFormattedDateString()},
     * {@code toDayDateTimeString()}, {@code toTimeString()}, {@code toAtomString()}... {@code toJSON()}) and the
     * tests {@code isWeekend()}, {@code isWeekday()}, {@code isLeapYear()}.
     *
     * @throws PhpError for any other method ("Method x does not exist.", like Carbon) or a missing argument
     */
    public Object callMethod(String name, List<Object> args) {
        String phpFormat = FORMAT_METHODS.get(name);
        if (phpFormat != null) {
            return format(phpFormat);
        }
        return switch (name) {
            case "format" -> {
                if (args.isEmpty()) {
                    throw new PhpError("Too few arguments to function Carbon\\Carbon::format(), 0 passed and exactly 1 expected");
                }
                yield format(Php.toStr(args.get(0)));
            }
            case "toISOString", "toJSON" -> toJson();
            case "isWeekend" -> dateTime.getDayOfWeek().getValue() >= 6;
            case "isWeekday" -> dateTime.getDayOfWeek().getValue() < 6;
            case "isLeapYear" -> dateTime.toLocalDate().isLeapYear();
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
