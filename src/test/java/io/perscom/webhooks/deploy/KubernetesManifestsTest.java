package io.perscom.webhooks.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The agreements between the Kubernetes manifests in {@code deploy/k8s} and this application, which no generic tool
 * can know: ports, health and metrics endpoints, environment names, Secrets, the image's user and heap, and the
 * project's own rules (replicas, hardening, the NetworkPolicy's SSRF exclusions). Whether the manifests are valid
 * Kubernetes at all is {@code deploy/k8s/check.sh}'s job (real kustomize and the Kubernetes API schema).
 *
 * <p>
 * Input: the base and each overlay as {@code kubectl kustomize} renders them, with the kubectl that
 * {@code deploy/k8s/check.sh} installs (skipped without it, except in CI), and the application's configuration as
 * compiled ({@link AppSettings}). Each check collects every problem and fails with all of them.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = projectRoot();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final String APP = "perscom-webhooks";
    private static final String IMAGE = "ghcr.io/perscom-io/perscom-webhooks";
    private static final Map<String, String> PROBES = Map.of("livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready", "startupProbe", "/q/health/started");
    private static final String METRICS_PATH = "/q/metrics";
    private static final Map<String, String> SELECTORS = Map.of("Service", "/spec/selector",
            "PodMonitor", "/spec/selector/matchLabels", "PodDisruptionBudget", "/spec/selector/matchLabels",
            "NetworkPolicy", "/spec/podSelector/matchLabels");
    /** Ranges the internet egress rule must exclude: a webhook URL must reach nothing inside the cluster or VPC. */
    private static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What {@code kubectl kustomize} renders, by kustomization: "base" and each overlay's name. */
    private static final Map<String, Rendering> renderings = new LinkedHashMap<>();
    private static AppSettings settings;
    private static SmallRyeConfig prodConfig;
    private static String dockerfile;

    @BeforeAll
    static void load() throws Exception {
        Path kubectl = kubectl();
        List<Path> dirs = new ArrayList<>(List.of(K8S.resolve("base")));
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            overlays.sorted().forEach(dirs::add);
        }
        for (Path dir : dirs) {
            String env = dir.getFileName().toString();
            renderings.put(env, new Rendering(env, parse(kustomize(kubectl, dir))));
        }
        assertTrue(renderings.keySet().containsAll(List.of("base", "staging", "production")), renderings::toString);
        settings = AppSettings.load();
        prodConfig = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new PropertiesConfigSource(AppSettings.applicationProperties(), 100)).build();
        dockerfile = Files.readString(ROOT.resolve("src/main/docker/Dockerfile.jvm"));
    }

    @Test
    void portsAgreeWithTheApplication() {
        int http = prodConfig.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        int management = prodConfig.getOptionalValue("quarkus.management.port", Integer.class).orElse(9000);
        assertTrue(prodConfig.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false),
                "application.properties does not enable the management interface");
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (JsonNode p : r.container().path("ports")) {
                ports.put(p.path("name").asText(), p.path("containerPort").asInt());
            }
            expect.that(Map.of("http", http, "management", management).equals(ports), "container ports " + ports
                    + ", the application serves http " + http + ", management " + management);
            for (JsonNode p : r.one("Service").at("/spec/ports")) {
                expect.that(p.path("targetPort").asText().equals("http"), "Service port " + p.path("name").asText()
                        + " targets " + p.path("targetPort") + ", not 'http' (the management port stays unexposed)");
            }
            for (JsonNode rule : r.one("NetworkPolicy").at("/spec/ingress")) {
                expect.that(!rule.path("ports").isEmpty(), "an ingress rule admits every port: " + rule);
                rule.path("ports").forEach(p -> expect.that(ports.containsValue(p.path("port").asInt()),
                        "the NetworkPolicy admits port " + p.path("port") + ", which the application does not serve"));
            }
        });
        for (int port : List.of(http, management)) {
            problems.expect(Pattern.compile("(?m)^EXPOSE .*\\b" + port + "\\b").matcher(dockerfile).find(),
                    "Dockerfile.jvm does not EXPOSE " + port);
        }
        problems.assertNone("ports");
    }

    @Test
    void probesAndMetricsUseTheManagementInterface() {
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            PROBES.forEach((probe, path) -> {
                JsonNode get = r.container().path(probe).path("httpGet");
                expect.that(get.path("path").asText().equals(path) && get.path("port").asText().equals("management"),
                        probe + " is " + get + ", Quarkus serves it at " + path + " on port 'management'");
            });
            JsonNode endpoints = r.one("PodMonitor").at("/spec/podMetricsEndpoints");
            expect.that(!endpoints.isEmpty(), "the PodMonitor has no endpoints");
            endpoints.forEach(e -> expect.that(
                    e.path("port").asText().equals("management") && e.path("path").asText().equals(METRICS_PATH),
                    "the PodMonitor scrapes " + e + ", metrics are at " + METRICS_PATH + " on 'management'"));
            SELECTORS.forEach((kind, pointer) -> {
                JsonNode selector = r.one(kind).at(pointer);
                JsonNode pods = r.one("Deployment").at("/spec/template/metadata/labels");
                expect.that(selector.path("app.kubernetes.io/name").asText().equals(APP)
                        && selector.properties().stream().allMatch(l -> l.getValue().equals(pods.get(l.getKey()))),
                        "the " + kind + " selector " + selector + " does not select the Deployment's pods " + pods);
            });
        });
        problems.assertNone("probes, metrics and selectors");
    }

    @Test
    void everyEnvironmentVariableIsASettingTheApplicationReads() {
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            Set<String> names = new TreeSet<>();
            r.container().path("env").forEach(e -> names.add(e.path("name").asText()));
            for (JsonNode from : r.container().path("envFrom")) {
                Optional<JsonNode> map = r.all("ConfigMap")
                        .filter(m -> m.at("/metadata/name").equals(from.at("/configMapRef/name"))).findFirst();
                expect.that(map.isPresent(), "envFrom " + from + " names no ConfigMap of the kustomization");
                map.ifPresent(m -> m.path("data").fieldNames()
                        .forEachRemaining(key -> names.add(from.path("prefix").asText() + key)));
            }
            expect.that(!names.isEmpty(), "the Deployment sets no environment variables");
            settings.unknown(names).forEach(unknown -> expect.that(false, unknown));
        });
        problems.assertNone("environment variables");
    }

    @Test
    void environmentCheckRejectsNamesTheApplicationDoesNotRead() {
        assertFalse(settings.mappedProperties.isEmpty(), "no @ConfigMapping found among the compiled classes");
        assertEquals(List.of(), settings.unknown(List.of("DB_HOST", "QUARKUS_HTTP_PORT")));
        // A misspelt or invented name, a prefix of a placeholder and a prefix of a mapped property are all reported.
        List<String> unknown = settings.unknown(List.of("WEBHOOKS_NOT_A_SETTING", "DB_HOS", "WEBHOOKS_DELIVERY"));
        assertEquals(3, unknown.size(), unknown::toString);
    }

    @Test
    void secretsComeFromTheExampleAndAreDocumented() throws IOException {
        Map<String, Set<String>> example = new LinkedHashMap<>();
        for (JsonNode secret : parse(Files.readString(K8S.resolve("secrets.example.yaml")))) {
            Set<String> keys = example.computeIfAbsent(secret.at("/metadata/name").asText(), k -> new TreeSet<>());
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        }
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            r.all("Secret").forEach(s -> expect.that(false, "deploys Secret " + s.at("/metadata/name").asText()
                    + ": secret values do not belong in the repository"));
            for (JsonNode e : r.container().path("env")) {
                JsonNode ref = e.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode()) {
                    String name = ref.path("name").asText();
                    String env = e.path("name").asText();
                    expect.that(example.getOrDefault(name, Set.of()).contains(ref.path("key").asText()), env
                            + " reads Secret " + name + " key " + ref.path("key") + ", not in secrets.example.yaml");
                    expect.that(readme.contains(name) && readme.contains(env), "deploy/README.md does not document "
                            + env + " from Secret " + name);
                }
            }
            r.one("ConfigMap").path("data").fieldNames().forEachRemaining(key -> expect.that(
                    readme.contains("`" + key + "`"), "deploy/README.md does not document ConfigMap key " + key));
        });
        problems.assertNone("secrets and settings");
    }

    @Test
    void podsAreHardenedAndFitTheImage() {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)\\s*$").matcher(dockerfile);
        assertTrue(user.find(), "Dockerfile.jvm has no numeric USER");
        Matcher xmx = Pattern.compile("-Xmx(\\d+)([kmg])").matcher(dockerfile);
        String heapOption = xmx.find() ? xmx.group() : "no -Xmx";
        long heap = heapOption.startsWith("-") ? Long.parseLong(xmx.group(1)) << Map.of("k", 10, "m", 20, "g", 30)
                .get(xmx.group(2)) : 0;
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            JsonNode pod = r.one("Deployment").at("/spec/template/spec");
            JsonNode c = r.container();
            JsonNode sc = c.path("securityContext");
            String runAs = sc.path("runAsUser").asText(pod.at("/securityContext/runAsUser").asText());
            expect.that(runAs.equals(user.group(1)), "runs as user " + runAs + ", the image's is " + user.group(1));
            expect.that(sc.path("runAsNonRoot").asBoolean() && sc.path("readOnlyRootFilesystem").asBoolean()
                    && !sc.path("allowPrivilegeEscalation").asBoolean(true) && !sc.at("/capabilities").has("add")
                    && sc.at("/capabilities/drop").toString().equals("[\"ALL\"]")
                    && sc.at("/seccompProfile/type").asText().equals("RuntimeDefault"),
                    "the container's securityContext is not the hardened one: " + sc);
            // The root file system is read-only; the JVM (hsperfdata) and Vert.x (file cache) write under /tmp.
            expect.that(c.path("volumeMounts").toString().contains("\"mountPath\":\"/tmp\"")
                    && pod.path("volumes").toString().contains("emptyDir"), "no emptyDir mounted at /tmp");
            JsonNode resources = c.path("resources");
            long limit = bytes(resources.at("/limits/memory").asText());
            expect.that(resources.at("/requests").has("cpu") && resources.at("/limits").has("cpu") && limit > 0,
                    "no CPU request and limit, or no memory limit: " + resources);
            expect.that(heap < limit, "Dockerfile.jvm's " + heapOption + " does not fit in the memory limit "
                    + resources.at("/limits/memory").asText());
        });
        problems.assertNone("hardening");
    }

    @Test
    void replicasSurviveDrainsAndOverlaysPinTheImage() {
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            int replicas = r.one("Deployment").at("/spec/replicas").asInt(1);
            JsonNode hpa = r.one("HorizontalPodAutoscaler").path("spec");
            int min = hpa.path("minReplicas").asInt(1);
            expect.that(replicas >= 2 && min >= 2 && hpa.path("maxReplicas").asInt() >= min, replicas
                    + " replicas, autoscaler " + min + " to " + hpa.path("maxReplicas") + " (at least 2 at all times)");
            expect.that(hpa.at("/scaleTargetRef/kind").asText().equals("Deployment")
                    && hpa.at("/scaleTargetRef/name").asText().equals(APP), "the autoscaler scales "
                            + hpa.path("scaleTargetRef"));
            JsonNode minAvailable = r.one("PodDisruptionBudget").at("/spec/minAvailable");
            expect.that(!minAvailable.isInt() || minAvailable.asInt() < Math.min(replicas, min),
                    "PodDisruptionBudget minAvailable " + minAvailable + " leaves no pod to evict (drains would hang)");
            String image = r.container().path("image").asText();
            expect.that(r.env().equals("base") || image.startsWith(IMAGE + ":") && !image.endsWith(":latest"),
                    "image " + image + ", not " + IMAGE + " with a pinned tag (does the overlay's `images:` match?)");
        });
        problems.assertNone("availability");
    }

    @Test
    void networkPolicyKeepsWebhooksOffPrivateRanges() {
        Problems problems = new Problems();
        forEachRendering(problems, (r, expect) -> {
            JsonNode spec = r.one("NetworkPolicy").path("spec");
            expect.that(spec.path("policyTypes").toString().equals("[\"Ingress\",\"Egress\"]"),
                    "the NetworkPolicy does not restrict both Ingress and Egress");
            List<JsonNode> blocks = new ArrayList<>();
            for (JsonNode rule : spec.path("egress")) {
                expect.that(!rule.path("to").isEmpty(), "an egress rule allows every destination: " + rule);
                rule.path("to").forEach(to -> blocks.addAll(to.findValues("ipBlock")));
            }
            expect.that(!blocks.isEmpty(), "no ipBlock egress rule: webhooks could not reach tenants' endpoints");
            blocks.forEach(b -> PRIVATE_RANGES.forEach(range -> expect.that(
                    b.path("except").toString().contains("\"" + range + "\""),
                    "egress to " + b.path("cidr").asText() + " does not exclude " + range)));
        });
        problems.assertNone("network policy");
    }

    @Test
    void everyManifestFileIsNamedByItsKustomization() throws IOException {
        // kustomize ignores a file its kustomization does not name: a resource or patch that is never deployed.
        Problems problems = new Problems();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Path kustomization = file.resolveSibling("kustomization.yaml");
                if (!file.equals(kustomization) && Files.exists(kustomization)) {
                    JsonNode k = parse(Files.readString(kustomization)).get(0);
                    problems.expect((k.path("resources").toString() + k.path("patches"))
                            .contains("\"" + file.getFileName() + "\""), ROOT.relativize(file) + " is named by no"
                                    + " kustomization");
                }
            }
        }
        problems.assertNone("kustomizations");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The documents one kustomization renders. */
    private record Rendering(String env, List<JsonNode> docs) {

        Stream<JsonNode> all(String kind) {
            return docs.stream().filter(d -> d.path("kind").asText().equals(kind));
        }

        JsonNode one(String kind) {
            List<JsonNode> found = all(kind).toList();
            assertEquals(1, found.size(), () -> env + ": expected one " + kind + ", found " + found.size());
            return found.get(0);
        }

        JsonNode container() {
            JsonNode deployment = one("Deployment");
            assertEquals(APP, deployment.at("/metadata/name").asText(), env + ": Deployment name");
            for (JsonNode c : deployment.at("/spec/template/spec/containers")) {
                if (c.path("name").asText().equals(APP)) {
                    return c;
                }
            }
            throw new AssertionError(env + ": the Deployment has no container named " + APP);
        }
    }

    /** Problems collected by a check, each reported once. */
    private static final class Problems {
        private final Set<String> found = new LinkedHashSet<>();

        void expect(boolean holds, String problem) {
            if (!holds) {
                found.add(problem);
            }
        }

        void assertNone(String what) {
            assertTrue(found.isEmpty(), () -> what + ": " + found.size() + " problem(s)\n  - "
                    + String.join("\n  - ", found));
        }
    }

    /** A check's view of the problems while it looks at one rendering: each problem is prefixed with its name. */
    private interface Expect {
        void that(boolean holds, String problem);
    }

    private static void forEachRendering(Problems problems, BiConsumer<Rendering, Expect> check) {
        renderings.values().forEach(r -> check.accept(r, (holds, problem) -> problems.expect(holds,
                r.env() + ": " + problem)));
    }

    /** A memory quantity in bytes (binary and decimal suffixes), or 0 if it is not one. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?").matcher(quantity);
        return !m.matches() ? 0 : Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : Map.of("Ki", 1L << 10,
                "Mi", 1L << 20, "Gi", 1L << 30, "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L).get(m.group(2)));
    }

    private static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode> readValues(yaml)) {
            it.forEachRemaining(d -> {
                if (d != null && d.isObject()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    /** The kubectl {@code deploy/k8s/check.sh} installed (or K8S_CHECK_KUBECTL); CI must have it. */
    private static Path kubectl() {
        String cache = Optional.ofNullable(System.getenv("K8S_CHECK_CACHE")).orElseGet(() -> Optional
                .ofNullable(System.getenv("XDG_CACHE_HOME")).orElse(System.getProperty("user.home") + "/.cache")
                + "/perscom-webhooks/k8s-check");
        Path kubectl = Path.of(Optional.ofNullable(System.getenv("K8S_CHECK_KUBECTL")).orElse(cache + "/kubectl"));
        String missing = kubectl + " is missing: run deploy/k8s/check.sh once (it installs the pinned kubectl)";
        assertTrue(Files.isExecutable(kubectl) || !"true".equals(System.getenv("CI")), missing);
        Assumptions.assumeTrue(Files.isExecutable(kubectl), missing);
        return kubectl;
    }

    private static String kustomize(Path kubectl, Path dir) throws IOException, InterruptedException {
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                    "kubectl kustomize " + ROOT.relativize(dir) + " failed: " + Files.readString(err));
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy/k8s")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root (pom.xml beside deploy/k8s) above " + Path.of("")
                    .toAbsolutePath());
        }
        return dir;
    }
}
