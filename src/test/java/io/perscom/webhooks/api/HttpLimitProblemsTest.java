package io.perscom.webhooks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Over-large bodies, request targets and header blocks are refused before REST sees them; the answers are
 * problem+json like every other error. Raw HTTP/1.1 over a loopback socket, so nothing rewrites the request.
 */
@QuarkusTest
class HttpLimitProblemsTest {

    private record Answer(int status, String contentType, JsonNode body) {
    }

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

    /** Sends one request and reads the answer until the server closes or the declared body is read. */
    private static Answer send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = "";
            int length = 0;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            return new Answer(status, contentType, body.length == 0 ? new ObjectMapper().createObjectNode()
                    : new ObjectMapper().readTree(body));
        }
    }
}
