package io.perscom.webhooks.automation.twig;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parity with PHP Twig 3.5.1: operators, tests, attribute access, literals. */
class TwigExpressionTest {

    @TestFactory
    Stream<DynamicTest> sameAsPhpTwig() {
        return ParityCases.run("expressions");
    }
}
