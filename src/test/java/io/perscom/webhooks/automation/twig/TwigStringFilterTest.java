package io.perscom.webhooks.automation.twig;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parity with PHP Twig 3.5.1: string filters, escape strategies, json_encode, PERSCOM's increment/decrement. */
class TwigStringFilterTest {

    @TestFactory
    Stream<DynamicTest> sameAsPhpTwig() {
        return ParityCases.run("strings");
    }
}
