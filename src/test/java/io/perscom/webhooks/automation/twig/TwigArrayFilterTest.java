package io.perscom.webhooks.automation.twig;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parity with PHP Twig 3.5.1: sequence filters, arrow functions, number filters, functions. */
class TwigArrayFilterTest {

    @TestFactory
    Stream<DynamicTest> sameAsPhpTwig() {
        return ParityCases.run("arrays");
    }
}
