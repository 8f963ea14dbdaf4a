package io.perscom.webhooks.automation.twig;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parity with PHP Twig 3.5.1: HTML autoescaping: what Twig escapes and what it treats as safe. */
class TwigEscapingTest {

    @TestFactory
    Stream<DynamicTest> sameAsPhpTwig() {
        return ParityCases.run("escaping");
    }
}
