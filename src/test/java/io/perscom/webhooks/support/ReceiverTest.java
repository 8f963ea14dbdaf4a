package io.perscom.webhooks.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of delivery tests: a fresh loopback receiver and a fresh tenant for every test. */
public abstract class ReceiverTest {

    protected static final Duration WAIT = Duration.ofSeconds(10);

    protected TestReceiver receiver;
    protected String tenant;

    @BeforeEach
    void startReceiver() {
        receiver = TestReceiver.start();
        tenant = Api.freshTenant();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }
}
