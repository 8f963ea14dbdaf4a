package io.perscom.webhooks.delivery.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How the sender reads an answer and names a failure, and what it logs of a URL. */
class DeliverySenderTest {

    @Test
    void retryAfterIsReadOnlyFor429And503() {
        assertEquals(Duration.ofSeconds(120), DeliverySender.retryAfter(429, "120"));
        assertEquals(Duration.ofSeconds(3), DeliverySender.retryAfter(503, " 3 "));
        assertNull(DeliverySender.retryAfter(500, "120"));
        assertNull(DeliverySender.retryAfter(503, "soon"));
        Duration fromDate = DeliverySender.retryAfter(503, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60)));
        assertTrue(fromDate.toSeconds() > 50 && fromDate.toSeconds() <= 60, fromDate.toString());
    }

    @Test
    void urlPasswordsAreRedacted() {
        assertEquals("https://user:[redacted]@example.com/x", UrlRedaction.redact("https://user:pw@example.com/x"));
        assertEquals("https://example.com/x?a=b", UrlRedaction.redact("https://example.com/x?a=b"));
    }

    @Test
    void errorsAreClassifiedByCause() {
        assertEquals(ErrorKind.DNS, DeliverySender.classify(new RuntimeException(
                new java.net.UnknownHostException("nowhere.invalid"))));
        assertEquals(ErrorKind.TLS, DeliverySender.classify(new javax.net.ssl.SSLHandshakeException("bad cert")));
        assertEquals(ErrorKind.CONNECTION_REFUSED, DeliverySender.classify(
                new java.net.ConnectException("Connection refused")));
        assertEquals(ErrorKind.TIMEOUT, DeliverySender.classify(
                new io.netty.channel.ConnectTimeoutException("connection timed out")));
        assertEquals(ErrorKind.CONNECTION, DeliverySender.classify(new java.io.IOException("reset by peer")));
    }
}
