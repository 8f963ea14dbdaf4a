package io.perscom.webhooks.automation.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PhpDate surface the engines route {@code now.x} and {@code now.format(...)} through (values: Carbon 2). */
class PhpDateApiTest {

    private final PhpDate date = PhpDate.of(Instant.parse("2024-02-29T13:05:09.123456Z"), ZoneId.of("UTC"));

    @Test
    void carbonGetters() {
        assertEquals(2024L, date.attribute("year"));
        assertEquals(2L, date.attribute("month"));
        assertEquals(60L, date.attribute("dayOfYear"));
        assertEquals(4L, date.attribute("dayOfWeek"));
        assertEquals(123456L, date.attribute("micro"));
        assertEquals(1709211909L, date.attribute("timestamp"));
        assertEquals("UTC", date.attribute("tzName"));
        assertTrue(date.hasAttribute("daysInMonth"));
        assertFalse(date.hasAttribute("nope"));
    }

    @Test
    void unknownGetterFailsLikeCarbon() {
        assertEquals("Unknown getter 'nope'", assertThrows(PhpError.class, () -> date.attribute("nope")).getMessage());
    }

    @Test
    void onlyWhitelistedMethodsCanBeCalled() {
        assertEquals("29/02/2024", date.callMethod("format", List.of("d/m/Y")));
        assertEquals("2024-02-29", date.callMethod("toDateString", List.of()));
        assertEquals("2024-02-29T13:05:09+00:00", date.callMethod("toIso8601String", List.of()));
        assertEquals(1709211909L, date.callMethod("getTimestamp", List.of()));
        assertTrue(PhpDate.isAllowedMethod("format"));
        assertFalse(PhpDate.isAllowedMethod("setTimezone"));
        assertEquals("Method setTimezone does not exist.",
                assertThrows(PhpError.class, () -> date.callMethod("setTimezone", List.of("UTC"))).getMessage());
    }

    @Test
    void stringAndJsonFormsAreCarbons() {
        assertEquals("2024-02-29 13:05:09", date.toString());
        assertEquals("\"2024-02-29T13:05:09.123456Z\"", Json.encode(date, 0));
        PhpDate berlin = date.withZone("Europe/Berlin");
        assertEquals("2024-02-29 14:05:09", berlin.toString());
        assertEquals("2024-02-29T13:05:09.123456Z", berlin.toJson());
    }

    @Test
    void relativeParsingUsesTheGivenNow() {
        Instant now = Instant.parse("2024-01-31T15:45:30Z");
        assertEquals("2024-03-02 15:45:30", PhpDate.parse("+1 month", ZoneId.of("UTC"), now).toString());
        assertEquals("2024-02-05 00:00:00", PhpDate.parse("next monday", ZoneId.of("UTC"), now).toString());
        assertEquals("2024-01-31 10:00:00", PhpDate.parse("10:00", ZoneId.of("UTC"), now).toString());
    }

    @Test
    void comparisonFollowsTheInstant() {
        PhpDate later = date.modify("+1 second");
        assertEquals(-1, Php.compare(date, later));
        assertTrue(Php.looseEquals(date, date.withZone("Asia/Kolkata")));
        assertFalse(Php.strictEquals(date, date.withZone("Asia/Kolkata")));
        assertEquals("Carbon\\Carbon", Php.typeName(date));
    }
}
