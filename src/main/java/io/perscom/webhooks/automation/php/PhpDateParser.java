package io.perscom.webhooks.automation.php;

import java.time.ZonedDateTime;

/** A subset of PHP's strtotime / DateTime constructor grammar (see {@link PhpDate#parse}). */
final class PhpDateParser {

    private PhpDateParser() {
    }

    static PhpDate parse(String text, PhpZone defaultZone, ZonedDateTime now) {
        DateBuilder builder = new DateBuilder(now, defaultZone);
        new DateTokens(text).parseInto(builder);
        return builder.build();
    }

    static PhpDate modify(PhpDate date, String text) {
        DateBuilder builder = new DateBuilder(date.toZonedDateTime(), date.zone());
        builder.keepTime();
        new DateTokens(text).parseInto(builder);
        return builder.build();
    }
}
