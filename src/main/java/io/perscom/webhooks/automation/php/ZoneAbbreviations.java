package io.perscom.webhooks.automation.php;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** The timezone abbreviations PHP's parser knows that templates plausibly use, with their fixed offsets. */
final class ZoneAbbreviations {

    private static final Map<String, Integer> OFFSET_MINUTES = Map.ofEntries(
            Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
            Map.entry("wet", 0), Map.entry("west", 60), Map.entry("bst", 60), Map.entry("cet", 60),
            Map.entry("cest", 120), Map.entry("met", 60), Map.entry("mest", 120), Map.entry("eet", 120),
            Map.entry("eest", 180), Map.entry("msk", 180), Map.entry("ist", 120),
            Map.entry("est", -300), Map.entry("edt", -240), Map.entry("cst", -360), Map.entry("cdt", -300),
            Map.entry("mst", -420), Map.entry("mdt", -360), Map.entry("pst", -480), Map.entry("pdt", -420),
            Map.entry("akst", -540), Map.entry("akdt", -480), Map.entry("hst", -600), Map.entry("ast", -240),
            Map.entry("adt", -180), Map.entry("nst", -210), Map.entry("ndt", -150), Map.entry("jst", 540),
            Map.entry("kst", 540), Map.entry("hkt", 480), Map.entry("aest", 600), Map.entry("aedt", 660),
            Map.entry("acst", 570), Map.entry("acdt", 630), Map.entry("awst", 480), Map.entry("nzst", 720),
            Map.entry("nzdt", 780), Map.entry("sast", 120), Map.entry("cat", 120), Map.entry("eat", 180),
            Map.entry("wat", 60));

    /** The abbreviations that name summer time (format letter I prints 1 for them). */
    private static final java.util.Set<String> DAYLIGHT = java.util.Set.of("west", "bst", "cest", "mest", "eest", "edt",
            "cdt", "mdt", "pdt", "akdt", "adt", "ndt", "aedt", "acdt", "nzdt");

    private ZoneAbbreviations() {
    }

    static boolean isDaylight(String abbreviation) {
        return DAYLIGHT.contains(abbreviation.toLowerCase(Locale.ROOT));
    }

    /** The offset of a known abbreviation (case-insensitive), or null. */
    static ZoneOffset offsetOf(String abbreviation) {
        Integer minutes = OFFSET_MINUTES.get(abbreviation.toLowerCase(Locale.ROOT));
        return minutes == null ? null : ZoneOffset.ofTotalSeconds(minutes * 60);
    }
}
