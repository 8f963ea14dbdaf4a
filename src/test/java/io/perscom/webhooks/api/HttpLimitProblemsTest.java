package io.perscom.webhooks.api;

import static io.perscom.webhooks.support.RawHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Over-large bodies, request targets and header blocks are refused before REST sees them; the answers are
 * problem+json like every other error. Raw HTTP/1.1 over a loopback socket, so nothing rewrites the request.
 */
@QuarkusTest
class HttpLimitProblemsTest {

    @Test
    void aDeclaredBodyOverTheLimitIsA413Problem() throws IOException {
        Answer answer = send("POST /internal/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + (17L * 1024 * 1024) + "\r\n\r\n{");
        assertProblem(answer, 413);
    }

    @Test
    void aRequestTargetOver4KbIsA414Problem() throws IOException {
        Answer answer = send("GET /api/v1/webhooks?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(answer, 414);
    }

    @Test
    void a64KbHeaderIsA431Problem() throws IOException {
        Answer answer = send("GET /api/v1/webhooks HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(64 * 1024)
                + "\r\n\r\n");
        assertProblem(answer, 431);
    }

    @Test
    void requestsWithinTheLimitsAreAnsweredAsBefore() throws IOException {
        Answer answer = send("GET /api/v1/webhooks?x=" + "a".repeat(3000) + " HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(10 * 1024) + "\r\n\r\n");
        assertProblem(answer, 401);
    }

    private static void assertProblem(Answer answer, int status) {
        assertEquals(status, answer.status());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(status, answer.body().path("status").asInt());
        assertTrue(answer.body().path("type").asText().startsWith("https://perscom.io/problems/"));
        assertTrue(answer.body().hasNonNull("detail"));
    }
}
