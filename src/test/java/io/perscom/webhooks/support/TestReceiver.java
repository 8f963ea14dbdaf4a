package io.perscom.webhooks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP webhook receiver on 127.0.0.1 with scripted answers per path (status, headers, delay), recording
 * every request as it arrived.
 */
public final class TestReceiver implements AutoCloseable {

    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body,
            Instant at) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    public record Reply(int status, Map<String, String> headers, Duration delay, String body) {

        public static Reply status(int status) {
            return new Reply(status, Map.of(), Duration.ZERO, null);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> copy = new HashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, copy, delay, body);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, wait, body);
        }

        public Reply withBody(String text) {
            return new Reply(status, headers, delay, text);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, List<Reply>> scripts = new HashMap<>();

    private final String host;

    private TestReceiver(String host) throws IOException {
        this.host = host;
        server = HttpServer.create(new InetSocketAddress(host, 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestReceiver start() {
        return startOn("127.0.0.1");
    }

    /** A receiver on another loopback address (127.0.0.0/8 only), e.g. one outside the test allow-list. */
    public static TestReceiver startOn(String loopbackAddress) {
        if (!loopbackAddress.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("Test receivers listen on loopback only: " + loopbackAddress);
        }
        try {
            return new TestReceiver(loopbackAddress);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** Answers to the 1st, 2nd, ... request on {@code path}; the last one repeats. Default: 200. */
    public synchronized TestReceiver script(String path, Reply... replies) {
        scripts.put(path, List.of(replies));
        return this;
    }

    public synchronized List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code count} requests reached {@code path}, failing after {@code timeout}. */
    public synchronized List<Received> await(String path, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received(path).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " request(s) on " + path + " within " + timeout
                        + ", got " + received(path).size());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return received(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String path = exchange.getRequestURI().getPath();
        Reply reply;
        synchronized (this) {
            int index = received(path).size();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, body, at));
            List<Reply> script = scripts.getOrDefault(path, List.of(Reply.status(200)));
            reply = script.get(Math.min(index, script.size() - 1));
            notifyAll();
        }
        try {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            String text = reply.body() != null ? reply.body() : "{\"received\":" + reply.status() + "}";
            byte[] answer = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The sender timed out and closed the connection, as it should.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
