package io.perscom.webhooks.automation.twig;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parity with PHP Twig 3.5.1: date/date_modify filters and date() with PHP format letters and timezones. */
class TwigDateTest {

    @TestFactory
    Stream<DynamicTest> sameAsPhpTwig() {
        return ParityCases.run("dates");
    }
}
