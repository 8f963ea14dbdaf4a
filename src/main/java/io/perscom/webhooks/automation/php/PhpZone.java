package io.perscom.webhooks.automation.php;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PHP DateTimeZone: an identifier ("Europe/Berlin", type 3), a UTC offset ("+02:00", type 1) or an abbreviation
 * ("EST", "Z", type 2). The kind decides what the format letters {@code e} and {@code T} print.
 */
record PhpZone(ZoneId zoneId, Kind kind, String name) {

    enum Kind { OFFSET, ABBREVIATION, IDENTIFIER }

    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    static final PhpZone UTC = new PhpZone(ZoneId.of("UTC"), Kind.IDENTIFIER, "UTC");

    /** Zone identifiers by lower case: PHP accepts any case. */
    private static final Map<String, String> IDS_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), id -> id, (a, b) -> a));

    static PhpZone of(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset(offset);
        }
        return new PhpZone(zone, Kind.IDENTIFIER, zone.getId());
    }

    static PhpZone offset(ZoneOffset offset) {
        return new PhpZone(offset, Kind.OFFSET, colonOffset(offset.getTotalSeconds()));
    }

    static PhpZone abbreviation(String abbreviation, ZoneOffset offset) {
        return new PhpZone(offset, Kind.ABBREVIATION, abbreviation);
    }

    /**
     * A zone by the name PHP's DateTimeZone constructor takes: identifier (case-insensitive), offset, or "UTC".
     *
     * @throws PhpError "Unknown or bad timezone (x)"
     */
    static PhpZone named(String name) {
        String trimmed = name.trim();
        ZoneOffset offset = parseOffset(trimmed);
        if (offset != null) {
            return offset(offset);
        }
        if (trimmed.equalsIgnoreCase("UTC")) {
            return UTC;
        }
        ZoneOffset abbreviated = ZoneAbbreviations.offsetOf(trimmed);
        if (abbreviated != null && !trimmed.contains("/")) {
            return abbreviation(trimmed.toUpperCase(Locale.ROOT), abbreviated);
        }
        String id = IDS_BY_LOWER_CASE.get(trimmed.toLowerCase(Locale.ROOT));
        if (id != null) {
            // PHP keeps the spelling it was given ("europe/berlin" prints as such)
            return new PhpZone(ZoneId.of(id), Kind.IDENTIFIER, trimmed);
        }
        throw new PhpError("Unknown or bad timezone (" + name + ")");
    }

    /** "+02:00", "+0200", "+02", "-5" style offsets; null when {@code s} is not one. */
    static ZoneOffset parseOffset(String s) {
        if (s.length() < 2 || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
            return null;
        }
        String digits = s.substring(1).replace(":", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.isEmpty() || digits.length() > 4) {
            return null;
        }
        int hours;
        int minutes = 0;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        int seconds = (hours * 3600 + minutes * 60) * (s.charAt(0) == '-' ? -1 : 1);
        try {
            return ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** Format letter {@code I}: summer time by the zone's rules, or by what an abbreviation names. */
    boolean isDaylightSaving(Instant at) {
        return switch (kind) {
            case ABBREVIATION -> ZoneAbbreviations.isDaylight(name);
            case OFFSET -> false;
            case IDENTIFIER -> zoneId.getRules().isDaylightSavings(at);
        };
    }

    /** Format letter {@code e}. */
    String identifier() {
        return name;
    }

    /** Format letter {@code T} at the given instant. */
    String abbreviation(Instant at) {
        return switch (kind) {
            case ABBREVIATION -> name;
            case OFFSET -> "GMT" + compactOffset(zoneId.getRules().getOffset(at).getTotalSeconds());
            case IDENTIFIER -> tzAbbreviation(at);
        };
    }

    private String tzAbbreviation(Instant at) {
        String shortName = SHORT_NAME.format(at.atZone(zoneId));
        if (shortName.startsWith("GMT") && shortName.length() > 3 || shortName.startsWith("UTC") && shortName.length() > 3) {
            // tzdata has no letters for this zone: PHP prints the offset, "+04" or "+0530"
            int seconds = zoneId.getRules().getOffset(at).getTotalSeconds();
            int abs = Math.abs(seconds);
            String hours = String.format(Locale.ROOT, "%c%02d", seconds < 0 ? '-' : '+', abs / 3600);
            int minutes = abs % 3600 / 60;
            return minutes == 0 ? hours : hours + String.format(Locale.ROOT, "%02d", minutes);
        }
        return shortName;
    }

    static String colonOffset(int totalSeconds) {
        int abs = Math.abs(totalSeconds);
        return String.format(Locale.ROOT, "%c%02d:%02d", totalSeconds < 0 ? '-' : '+', abs / 3600, abs % 3600 / 60);
    }

    static String compactOffset(int totalSeconds) {
        int abs = Math.abs(totalSeconds);
        return String.format(Locale.ROOT, "%c%02d%02d", totalSeconds < 0 ? '-' : '+', abs / 3600, abs % 3600 / 60);
    }
}
