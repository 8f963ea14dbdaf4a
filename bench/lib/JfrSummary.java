import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the service for the benchmark report, as JSON on stdout:
 * CPU samples by top frame (self), by component (inclusive: a sample counts for a component when any frame of its
 * stack belongs to it), by thread, the service's own methods (inclusive), GC pauses, and allocation by class.
 *
 * <pre>java bench/lib/JfrSummary.java recording.jfr</pre>
 */
public class JfrSummary {

    /** Components, matched against "class.method" of every frame; order is only the order of the report. */
    static final Map<String, Predicate<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        c("ingest: IngestResource/IngestService (incl. SQL calls it makes)", f -> f.startsWith("io.perscom.webhooks.ingest."));
        c("payload rendering (WebhookPayload, PhpJson)", f -> f.startsWith("io.perscom.webhooks.payload."));
        c("secret decryption (SecretCipher, AES-GCM)", f -> f.startsWith("io.perscom.webhooks.secrets.SecretCipher"));
        c("signing (WebhookSigner, HMAC-SHA256)", f -> f.startsWith("io.perscom.webhooks.signing."));
        c("DeliverySender (build request, send, read response)", f -> f.startsWith("io.perscom.webhooks.delivery.http.DeliverySender"));
        c("circuit breaker (EndpointCircuits, SmallRye FT)", f -> f.startsWith("io.perscom.webhooks.delivery.dispatch.EndpointCircuits")
                || f.startsWith("io.smallrye.faulttolerance."));
        c("AttemptRecorder (build batches, write)", f -> f.startsWith("io.perscom.webhooks.delivery.record.AttemptRecorder"));
        c("DueDeliveryPoller (claim)", f -> f.startsWith("io.perscom.webhooks.delivery.dispatch.DueDeliveryPoller"));
        c("DeliveryDispatcher", f -> f.startsWith("io.perscom.webhooks.delivery.dispatch.DeliveryDispatcher"));
        c("DeliveryRows.job (row -> job)", f -> f.startsWith("io.perscom.webhooks.delivery.queue.DeliveryRows"));
        c("metrics (Micrometer)", f -> f.startsWith("io.micrometer.") || f.startsWith("io.perscom.webhooks.observability.DeliveryMetrics")
                || f.startsWith("io.perscom.webhooks.delivery.record.AttemptMetrics"));
        c("logging (JBoss LogManager, JSON)", f -> f.startsWith("org.jboss.logmanager.") || f.startsWith("io.quarkus.logging.json"));
        c("Jackson (JSON read/write)", f -> f.startsWith("com.fasterxml.jackson."));
        c("PostgreSQL client (vertx-pg-client)", f -> f.startsWith("io.vertx.pgclient.") || f.startsWith("io.vertx.sqlclient."));
        c("HTTP client (Vert.x/Netty client)", f -> f.startsWith("io.vertx.core.http.impl.Http1xClient")
                || f.startsWith("io.vertx.core.http.impl.HttpClient") || f.startsWith("io.netty.handler.codec.http.HttpClientCodec"));
        c("HTTP server + RESTEasy Reactive", f -> f.startsWith("org.jboss.resteasy.reactive.") || f.startsWith("io.quarkus.resteasy.reactive.")
                || f.startsWith("io.vertx.core.http.impl.Http1xServer") || f.startsWith("io.quarkus.vertx.http."));
        c("OIDC / JWT verification", f -> f.startsWith("io.quarkus.oidc.") || f.startsWith("org.jose4j.") || f.startsWith("io.smallrye.jwt."));
        c("Netty I/O (channel read/write, epoll)", f -> f.startsWith("io.netty.channel.") || f.startsWith("io.netty.buffer."));
        c("Mutiny operators", f -> f.startsWith("io.smallrye.mutiny."));
        c("JDK crypto (javax.crypto, sun.security)", f -> f.startsWith("javax.crypto.") || f.startsWith("com.sun.crypto.")
                || f.startsWith("sun.security."));
        c("UUID / time formatting", f -> f.startsWith("java.util.UUID") || f.startsWith("java.time.format."));
    }

    static void c(String name, Predicate<String> match) {
        COMPONENTS.put(name, match);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long samples = 0;
        long nativeSamples = 0;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> components = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(k -> components.put(k, 0L));
        Map<String, Double> allocation = new HashMap<>();
        double allocationTotal = 0;
        long gcCount = 0;
        double gcPauseMs = 0;
        double gcMaxPauseMs = 0;
        long heapUsedMax = 0;
        long heapCommittedMax = 0;
        String gcName = null;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedStackTrace stack = event.getStackTrace();
                        String thread = threadGroup(event.getThread("sampledThread") == null ? "?"
                                : event.getThread("sampledThread").getJavaName());
                        threads.merge(thread, 1L, Long::sum);
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        List<RecordedFrame> frames = stack.getFrames();
                        self.merge(name(frames.get(0)), 1L, Long::sum);
                        java.util.Set<String> seen = new java.util.HashSet<>();
                        java.util.Set<String> seenComponents = new java.util.HashSet<>();
                        for (RecordedFrame frame : frames) {
                            String n = name(frame);
                            if (seen.add(n)) {
                                inclusive.merge(n, 1L, Long::sum);
                                if (n.startsWith("io.perscom.")) {
                                    ours.merge(n, 1L, Long::sum);
                                }
                            }
                            for (var entry : COMPONENTS.entrySet()) {
                                if (!seenComponents.contains(entry.getKey()) && entry.getValue().test(n)) {
                                    seenComponents.add(entry.getKey());
                                }
                            }
                        }
                        seenComponents.forEach(k -> components.merge(k, 1L, Long::sum));
                    }
                    case "jdk.NativeMethodSample" -> nativeSamples++;
                    case "jdk.ObjectAllocationSample" -> {
                        double weight = event.getLong("weight");
                        String cls = event.getClass("objectClass") == null ? "?" : event.getClass("objectClass").getName();
                        allocation.merge(cls, weight, Double::sum);
                        allocationTotal += weight;
                    }
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        double pause = event.getDuration("sumOfPauses").toNanos() / 1e6;
                        gcPauseMs += pause;
                        gcMaxPauseMs = Math.max(gcMaxPauseMs, pause);
                        gcName = event.getString("name");
                    }
                    case "jdk.GCHeapSummary" -> {
                        heapUsedMax = Math.max(heapUsedMax, event.getLong("heapUsed"));
                        if (event.hasField("heapSpace.committedSize")) {
                            heapCommittedMax = Math.max(heapCommittedMax, event.getLong("heapSpace.committedSize"));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder("{");
        out.append("\"execution_samples\":").append(samples);
        out.append(",\"native_method_samples\":").append(nativeSamples);
        out.append(",\"top_self\":").append(top(self, samples, 25));
        out.append(",\"top_inclusive\":").append(top(inclusive, samples, 40));
        out.append(",\"service_methods_inclusive\":").append(top(ours, samples, 30));
        out.append(",\"components_inclusive\":").append(top(components, samples, 100));
        out.append(",\"threads\":").append(top(threads, samples, 20));
        Map<String, Long> alloc = new HashMap<>();
        allocation.forEach((k, v) -> alloc.put(k, Math.round(v)));
        out.append(",\"allocation_by_class\":").append(top(alloc, Math.max(1, Math.round(allocationTotal)), 15));
        out.append(",\"allocation_sampled_bytes\":").append(Math.round(allocationTotal));
        out.append(",\"gc\":{\"name\":").append(gcName == null ? "null" : q(gcName))
                .append(",\"count\":").append(gcCount)
                .append(",\"pause_total_ms\":").append(String.format("%.1f", gcPauseMs))
                .append(",\"pause_max_ms\":").append(String.format("%.1f", gcMaxPauseMs))
                .append(",\"heap_used_max_bytes\":").append(heapUsedMax)
                .append(",\"heap_committed_max_bytes\":").append(heapCommittedMax).append("}");
        out.append("}");
        System.out.println(out);
    }

    static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        return name.replaceAll("-\\d+$", "-N").replaceAll("\\d+", "N");
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String top(Map<String, Long> counts, long total, int n) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() == 0);
        entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(n, entries.size()); i++) {
            if (i > 0) {
                sb.append(',');
            }
            var e = entries.get(i);
            sb.append("{\"name\":").append(q(e.getKey())).append(",\"count\":").append(e.getValue())
                    .append(",\"pct\":").append(String.format("%.1f", 100.0 * e.getValue() / Math.max(1, total)))
                    .append('}');
        }
        return sb.append(']').toString();
    }

    static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
