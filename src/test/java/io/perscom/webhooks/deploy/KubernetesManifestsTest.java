package io.perscom.webhooks.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Checks that the Kubernetes manifests in {@code deploy/k8s} agree with the application: files the kustomizations
 * name exist, ports and health/metrics paths are the ones Quarkus serves (health and metrics on the management port,
 * which no Service exposes), every environment variable is a setting the application reads, and the security
 * settings hold. Plain JUnit: reads files only, starts nothing.
 *
 * <p>
 * Each check collects a list of problems and fails with all of them in the message.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = projectRoot();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path OVERLAYS = K8S.resolve("overlays");
    private static final Path README = ROOT.resolve("deploy/README.md");
    private static final Path APP_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");
    private static final Path MAIN_JAVA = ROOT.resolve("src/main/java");

    private static final String DEPLOYMENT_NAME = "perscom-webhooks";
    private static final String APP_LABEL = "app.kubernetes.io/name";
    private static final String HTTP = "http";
    private static final String MANAGEMENT = "management";
    private static final Map<String, String> PROBES = Map.of(
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready",
            "startupProbe", "/q/health/started");
    private static final String METRICS_PATH = "/q/metrics";
    /** Ranges the internet egress rule must exclude (SSRF: nothing inside the cluster or the VPC). */
    private static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16");
    private static final int MIN_REPLICAS = 2;

    private static Manifests manifests;
    private static AppSettings settings;

    @BeforeAll
    static void load() throws IOException {
        manifests = Manifests.load(K8S);
        settings = AppSettings.load(APP_PROPERTIES, MAIN_JAVA);
    }

    // ------------------------------------------------------------------------------------------------ the checks

    @Test
    void everyManifestParses() {
        List<String> problems = new ArrayList<>(manifests.parseProblems);
        if (manifests.files.isEmpty()) {
            problems.add("no *.yaml under " + K8S);
        }
        for (Path dir : List.of(BASE, OVERLAYS.resolve("staging"), OVERLAYS.resolve("production"))) {
            if (manifests.kustomization(dir).isMissingNode()) {
                problems.add("missing " + rel(dir.resolve("kustomization.yaml")));
            }
        }
        assertNoProblems("YAML under deploy/k8s", problems);
    }

    @Test
    void kustomizationsNameExistingFiles() {
        assertNoProblems("kustomization references", kustomizationProblems());
    }

    @Test
    void portsAgreeWithTheApplication() {
        assertNoProblems("ports", portProblems());
    }

    @Test
    void probesAndMetricsUseQuarkusEndpoints() {
        assertNoProblems("probes and metrics", endpointProblems());
    }

    @Test
    void everyEnvironmentVariableIsASettingTheApplicationReads() {
        List<String> problems = new ArrayList<>();
        Set<String> names = environmentNames(problems);
        if (names.isEmpty()) {
            problems.add("the Deployment sets no environment variables at all");
        }
        problems.addAll(settings.unknown(names));
        assertNoProblems("environment variables", problems);
    }

    @Test
    void envNameCheckRejectsNamesTheApplicationDoesNotRead() {
        // Settings the manifests rely on resolve to the properties the application declares...
        assertEquals(Optional.of("webhooks.secrets.encryption-keys"),
                settings.propertyFor("WEBHOOKS_SECRETS_ENCRYPTION_KEYS"));
        assertEquals(Optional.of("webhooks.tenancy.claim"), settings.propertyFor("WEBHOOKS_TENANCY_CLAIM"));
        assertEquals(Optional.of("webhooks.retention.days"), settings.propertyFor("WEBHOOKS_RETENTION_DAYS"));
        assertEquals(List.of(), settings.unknown(List.of("DB_HOST", "DB_PASSWORD", "QUARKUS_HTTP_PORT")));

        // ...and anything else is reported: a misspelt or invented setting, or a prefix of a placeholder.
        List<String> unknown = settings.unknown(
                List.of("WEBHOOKS_DELIVERY_NOT_A_SETTING", "WEBHOOKS_TENANCY_CLAIM", "DB_HOS", "WEBHOOKS_RETENTION"));
        assertEquals(3, unknown.size(), () -> "expected three unknown names, got " + unknown);
        assertTrue(unknown.get(0).startsWith("WEBHOOKS_DELIVERY_NOT_A_SETTING"), unknown::toString);
        assertTrue(unknown.get(1).startsWith("DB_HOS "), unknown::toString);
        assertTrue(unknown.get(2).startsWith("WEBHOOKS_RETENTION "), unknown::toString);

        // The @ConfigMapping reader follows nested groups, @WithName and @WithParentName, and ignores comments and
        // strings that look like code.
        String source = """
                @ConfigMapping(prefix = "demo.app")
                public interface DemoConfig {
                    /** Not a member: int commented(); */
                    @WithDefault("a;b{c}") // int alsoCommented();
                    Duration readTimeout();
                    @WithName("url") String endpointUrl();
                    Optional<Pool> pool();
                    @WithParentName Extra extra();
                    Map<String, String> labels();
                    default int derived() { return 1; }
                    interface Pool { @WithDefault("4") int maxSize(); }
                    interface Extra { boolean flag(); }
                }
                """;
        assertEquals(Set.of("demo.app.read-timeout", "demo.app.url", "demo.app.pool.max-size", "demo.app.flag",
                "demo.app.labels.*"), ConfigMappingReader.properties(source));
    }

    @Test
    void securitySettingsHold() {
        assertNoProblems("security", securityProblems());
    }

    @Test
    void secretsAreDocumentedAndNeverDeployedFromTheRepository() {
        assertNoProblems("secrets", secretProblems());
    }

    // ------------------------------------------------------------------------------------------------ kustomizations

    private static List<String> kustomizationProblems() {
        List<String> problems = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        for (Path dir : manifests.kustomizationDirs()) {
            JsonNode k = manifests.kustomization(dir);
            String where = rel(dir.resolve("kustomization.yaml"));
            for (JsonNode r : k.path("resources")) {
                String ref = r.asText();
                if (ref.contains("://") || ref.startsWith("github.com/")) {
                    problems.add(where + ": remote resource " + ref + " (keep the deployment self-contained)");
                    continue;
                }
                Path p = dir.resolve(ref).normalize();
                if (Files.isDirectory(p)) {
                    if (!Files.exists(p.resolve("kustomization.yaml"))) {
                        problems.add(where + ": resource " + ref + " is a directory without kustomization.yaml");
                    }
                } else if (Files.isRegularFile(p)) {
                    referenced.add(p);
                } else {
                    problems.add(where + ": resource " + ref + " does not exist");
                }
            }
            for (JsonNode patch : k.path("patches")) {
                if (patch.has("path")) {
                    Path p = dir.resolve(patch.path("path").asText()).normalize();
                    if (Files.isRegularFile(p)) {
                        referenced.add(p);
                    } else {
                        problems.add(where + ": patch " + patch.path("path").asText() + " does not exist");
                    }
                } else if (!patch.has("patch")) {
                    problems.add(where + ": patch entry with neither path nor patch: " + patch);
                }
            }
            for (JsonNode patch : k.path("patchesStrategicMerge")) {
                Path p = dir.resolve(patch.asText()).normalize();
                if (Files.isRegularFile(p)) {
                    referenced.add(p);
                } else {
                    problems.add(where + ": patch " + patch.asText() + " does not exist");
                }
            }
            for (String generators : List.of("configMapGenerator", "secretGenerator")) {
                for (JsonNode g : k.path(generators)) {
                    for (String field : List.of("envs", "files")) {
                        for (JsonNode f : g.path(field)) {
                            String file = f.asText().replaceFirst("^[^=]*=", "");
                            if (!Files.isRegularFile(dir.resolve(file))) {
                                problems.add(where + ": " + generators + " " + g.path("name").asText() + " names "
                                        + file + ", which does not exist");
                            }
                        }
                    }
                }
            }
            if (dir.startsWith(OVERLAYS) && !texts(k.path("resources")).contains("../../base")) {
                problems.add(where + ": an overlay must build on ../../base, has resources " + k.path("resources"));
            }
        }
        // Every manifest is used by some kustomization (a forgotten file is a resource silently not deployed);
        // examples never are.
        for (Path file : manifests.files.keySet()) {
            String name = file.getFileName().toString();
            if (name.equals("kustomization.yaml")) {
                continue;
            }
            boolean example = name.endsWith(".example.yaml");
            if (example && referenced.contains(file)) {
                problems.add(rel(file) + " is an example but a kustomization deploys it");
            } else if (!example && !referenced.contains(file)) {
                problems.add(rel(file) + " is not named by any kustomization");
            }
        }
        // Overlay transformations that match nothing are silently ignored by kustomize.
        String image = imageRepository(container(baseDeployment()).path("image").asText());
        for (Path dir : manifests.kustomizationDirs()) {
            JsonNode k = manifests.kustomization(dir);
            String where = rel(dir.resolve("kustomization.yaml"));
            for (JsonNode i : k.path("images")) {
                if (!i.path("name").asText().equals(image)) {
                    problems.add(where + ": images entry " + i.path("name").asText() + " matches no container image"
                            + " (the Deployment uses " + image + ")");
                }
            }
            for (JsonNode r : k.path("replicas")) {
                if (!r.path("name").asText().equals(DEPLOYMENT_NAME)) {
                    problems.add(where + ": replicas entry " + r.path("name").asText() + " matches no Deployment");
                }
            }
            Set<String> known = new HashSet<>();
            for (Doc d : manifests.resources(dir)) {
                known.add(d.kind() + "/" + d.name());
            }
            for (String generated : manifests.generatedConfigMaps(dir).keySet()) {
                known.add("ConfigMap/" + generated);
            }
            for (Doc patch : manifests.patches(dir)) {
                if (!known.contains(patch.kind() + "/" + patch.name())) {
                    problems.add(where + ": patch " + rel(patch.file()) + " targets " + patch.kind() + "/"
                            + patch.name() + ", which this kustomization does not have");
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ ports

    private static List<String> portProblems() {
        List<String> problems = new ArrayList<>();
        int appPort = applicationPort();
        JsonNode container = container(baseDeployment());
        Map<String, Integer> containerPorts = new LinkedHashMap<>();
        for (JsonNode p : container.path("ports")) {
            containerPorts.put(p.path("name").asText(), p.path("containerPort").asInt());
        }
        if (!Integer.valueOf(appPort).equals(containerPorts.get(HTTP))) {
            problems.add("container port '" + HTTP + "' is " + containerPorts.get(HTTP)
                    + " but application.properties serves on " + appPort);
        }

        Doc service = single(BASE, "Service", problems);
        Set<String> servicePortNames = new HashSet<>();
        if (service != null) {
            for (JsonNode p : service.node().path("spec").path("ports")) {
                servicePortNames.add(p.path("name").asText());
                JsonNode target = p.path("targetPort");
                boolean matches = target.isInt() ? containerPorts.containsValue(target.asInt())
                        : containerPorts.containsKey(target.asText());
                if (!matches) {
                    problems.add("Service port " + p.path("name").asText() + " targets " + target
                            + ", which is no container port (" + containerPorts + ")");
                }
            }
            if (!servicePortNames.contains(HTTP)) {
                problems.add("Service has no port named '" + HTTP + "'");
            }
            problems.addAll(selectorProblems("Service selector", service.node().path("spec").path("selector")));
        }

        int managementPort = managementPort();
        if (!Integer.valueOf(managementPort).equals(containerPorts.get(MANAGEMENT))) {
            problems.add("container port '" + MANAGEMENT + "' is " + containerPorts.get(MANAGEMENT)
                    + " but application.properties serves the management interface on " + managementPort);
        }
        if (service != null) {
            for (JsonNode p : service.node().path("spec").path("ports")) {
                JsonNode target = p.path("targetPort");
                if (target.asText().equals(MANAGEMENT) || target.asText().equals(String.valueOf(managementPort))) {
                    problems.add("Service port " + p.path("name").asText() + " exposes the management port");
                }
            }
        }

        Doc monitor = single(BASE, "PodMonitor", problems);
        if (monitor != null) {
            JsonNode selector = monitor.node().path("spec").path("selector").path("matchLabels");
            JsonNode podLabels = baseDeployment().path("spec").path("template").path("metadata").path("labels");
            if (!isSubset(selector, podLabels)) {
                problems.add("PodMonitor selector " + selector + " does not match the pod labels " + podLabels);
            }
            for (JsonNode e : monitor.node().path("spec").path("podMetricsEndpoints")) {
                if (!e.path("port").asText().equals(MANAGEMENT)) {
                    problems.add("PodMonitor scrapes port '" + e.path("port").asText() + "', metrics are on '"
                            + MANAGEMENT + "'");
                }
            }
        }

        Doc policy = single(BASE, "NetworkPolicy", problems);
        if (policy != null) {
            for (JsonNode rule : policy.node().path("spec").path("ingress")) {
                for (JsonNode p : rule.path("ports")) {
                    JsonNode port = p.path("port");
                    if (!(port.asText().equals(String.valueOf(appPort)) || port.asText().equals(HTTP)
                            || port.asText().equals(String.valueOf(managementPort))
                            || port.asText().equals(MANAGEMENT))) {
                        problems.add("NetworkPolicy admits port " + port + ", the application serves on " + appPort
                                + " and " + managementPort);
                    }
                }
                if (!rule.has("ports")) {
                    problems.add("NetworkPolicy ingress rule without ports admits every port: " + rule);
                }
            }
        }
        return problems;
    }

    /** The default of {@code quarkus.management.port=${MANAGEMENT_PORT:9000}} in application.properties. */
    private static int managementPort() {
        String properties = read(APP_PROPERTIES);
        assertTrue(Pattern.compile("(?m)^\\s*quarkus\\.management\\.enabled\\s*=\\s*true\\s*$").matcher(properties)
                .find(), "application.properties does not enable the management interface");
        Matcher m = Pattern.compile("(?m)^\\s*quarkus\\.management\\.port\\s*=\\s*\\$\\{MANAGEMENT_PORT:(\\d+)}\\s*$")
                .matcher(properties);
        assertTrue(m.find(), "application.properties has no line quarkus.management.port=${MANAGEMENT_PORT:<port>}");
        return Integer.parseInt(m.group(1));
    }

    /** The default of {@code quarkus.http.port=${PORT:8080}} in application.properties. */
    private static int applicationPort() {
        Matcher m = Pattern.compile("(?m)^\\s*quarkus\\.http\\.port\\s*=\\s*\\$\\{PORT:(\\d+)}\\s*$")
                .matcher(read(APP_PROPERTIES));
        assertTrue(m.find(), "application.properties has no line quarkus.http.port=${PORT:<port>}");
        return Integer.parseInt(m.group(1));
    }

    // ------------------------------------------------------------------------------------------------ endpoints

    private static List<String> endpointProblems() {
        List<String> problems = new ArrayList<>();
        JsonNode container = container(baseDeployment());
        int managementPort = managementPort();
        PROBES.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            if (get.isMissingNode()) {
                problems.add(probe + " is missing or not an httpGet probe");
                return;
            }
            if (!get.path("path").asText().equals(path)) {
                problems.add(probe + " checks " + get.path("path").asText() + ", Quarkus serves it at " + path);
            }
            String port = get.path("port").asText();
            if (!port.equals(MANAGEMENT) && !port.equals(String.valueOf(managementPort))) {
                problems.add(probe + " checks port " + port + ", health is served on " + MANAGEMENT);
            }
        });
        Doc monitor = single(BASE, "PodMonitor", problems);
        if (monitor != null) {
            JsonNode endpoints = monitor.node().path("spec").path("podMetricsEndpoints");
            if (endpoints.isEmpty()) {
                problems.add("PodMonitor has no endpoints");
            }
            for (JsonNode e : endpoints) {
                if (!e.path("path").asText().equals(METRICS_PATH)) {
                    problems.add("PodMonitor scrapes " + e.path("path").asText() + ", metrics are at "
                            + METRICS_PATH);
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ environment

    /** Names of every environment variable the Deployment sets: env entries plus the keys of envFrom sources. */
    private static Set<String> environmentNames(List<String> problems) {
        Set<String> names = new TreeSet<>();
        Map<String, Set<String>> configMaps = manifests.allConfigMapKeys();
        Map<String, Set<String>> secrets = manifests.allSecretKeys();
        for (Doc d : manifests.all()) {
            if (!d.kind().equals("Deployment")) {
                continue;
            }
            for (JsonNode c : d.node().path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode e : c.path("env")) {
                    names.add(e.path("name").asText());
                }
                for (JsonNode from : c.path("envFrom")) {
                    String prefix = from.path("prefix").asText("");
                    Map<String, Set<String>> sources = from.has("configMapRef") ? configMaps : secrets;
                    String ref = from.has("configMapRef") ? from.path("configMapRef").path("name").asText()
                            : from.path("secretRef").path("name").asText();
                    Set<String> keys = sources.get(ref);
                    if (keys == null) {
                        problems.add(rel(d.file()) + ": envFrom " + ref + " is defined by no manifest");
                    } else {
                        keys.forEach(key -> names.add(prefix + key));
                    }
                }
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------------ security

    private static List<String> securityProblems() {
        List<String> problems = new ArrayList<>();
        JsonNode deployment = baseDeployment();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        for (JsonNode c : pod.path("containers")) {
            String name = "container " + c.path("name").asText();
            JsonNode sc = c.path("securityContext");
            JsonNode podSc = pod.path("securityContext");
            if (!(sc.path("runAsNonRoot").asBoolean(false)
                    || (podSc.path("runAsNonRoot").asBoolean(false) && !sc.has("runAsNonRoot")))) {
                problems.add(name + ": runAsNonRoot is not true");
            }
            if (sc.path("runAsUser").asInt(podSc.path("runAsUser").asInt(-1)) == 0) {
                problems.add(name + ": runs as user 0");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(name + ": readOnlyRootFilesystem is not true");
            }
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(name + ": allowPrivilegeEscalation is not false");
            }
            if (!texts(sc.path("capabilities").path("drop")).contains("ALL")) {
                problems.add(name + ": capabilities do not drop ALL");
            }
            if (!texts(sc.path("capabilities").path("add")).isEmpty()) {
                problems.add(name + ": adds capabilities " + sc.path("capabilities").path("add"));
            }
            String seccomp = sc.path("seccompProfile").path("type")
                    .asText(podSc.path("seccompProfile").path("type").asText());
            if (!seccomp.equals("RuntimeDefault")) {
                problems.add(name + ": seccompProfile is not RuntimeDefault");
            }
            for (String resource : List.of("cpu", "memory")) {
                if (c.path("resources").path("requests").path(resource).isMissingNode()
                        || c.path("resources").path("limits").path(resource).isMissingNode()) {
                    problems.add(name + ": no " + resource + " request and limit");
                }
            }
            boolean tmp = false;
            for (JsonNode m : c.path("volumeMounts")) {
                if (m.path("mountPath").asText().equals("/tmp")) {
                    for (JsonNode v : pod.path("volumes")) {
                        tmp |= v.path("name").asText().equals(m.path("name").asText()) && v.has("emptyDir");
                    }
                }
            }
            if (!tmp) {
                problems.add(name + ": no emptyDir at /tmp (the root file system is read-only)");
            }
        }

        // Replicas, in the base and after every overlay.
        List<Path> dirs = new ArrayList<>(List.of(BASE));
        manifests.kustomizationDirs().stream().filter(d -> d.startsWith(OVERLAYS)).forEach(dirs::add);
        if (dirs.size() < 3) {
            problems.add("expected the base and two overlays, found " + dirs.stream().map(KubernetesManifestsTest::rel)
                    .toList());
        }
        for (Path dir : dirs) {
            int replicas = manifests.effectiveReplicas(dir);
            if (replicas < MIN_REPLICAS) {
                problems.add(rel(dir) + ": Deployment runs " + replicas + " replicas, at least " + MIN_REPLICAS
                        + " needed");
            }
            JsonNode min = manifests.effective(dir, "HorizontalPodAutoscaler", "/spec/minReplicas");
            JsonNode max = manifests.effective(dir, "HorizontalPodAutoscaler", "/spec/maxReplicas");
            if (min.asInt(0) < MIN_REPLICAS || max.asInt(0) < min.asInt(0)) {
                problems.add(rel(dir) + ": HorizontalPodAutoscaler runs " + min + " to " + max + " replicas");
            }
            JsonNode minAvailable = manifests.effective(dir, "PodDisruptionBudget", "/spec/minAvailable");
            if (minAvailable.isInt() && minAvailable.asInt() >= Math.min(replicas, min.asInt(replicas))) {
                problems.add(rel(dir) + ": PodDisruptionBudget minAvailable " + minAvailable
                        + " leaves no pod to evict with " + replicas + " replicas (node drains would hang)");
            }
        }

        Doc pdb = single(BASE, "PodDisruptionBudget", problems);
        if (pdb != null) {
            problems.addAll(selectorProblems("PodDisruptionBudget selector",
                    pdb.node().path("spec").path("selector").path("matchLabels")));
        }
        Doc hpa = single(BASE, "HorizontalPodAutoscaler", problems);
        if (hpa != null) {
            JsonNode target = hpa.node().path("spec").path("scaleTargetRef");
            if (!target.path("kind").asText().equals("Deployment")
                    || !target.path("name").asText().equals(DEPLOYMENT_NAME)
                    || !target.path("apiVersion").asText().equals("apps/v1")) {
                problems.add("HorizontalPodAutoscaler scales " + target + ", not the Deployment " + DEPLOYMENT_NAME);
            }
        }

        Doc policy = single(BASE, "NetworkPolicy", problems);
        if (policy != null) {
            JsonNode spec = policy.node().path("spec");
            problems.addAll(selectorProblems("NetworkPolicy podSelector", spec.path("podSelector").path("matchLabels")));
            if (!texts(spec.path("policyTypes")).containsAll(List.of("Ingress", "Egress"))) {
                problems.add("NetworkPolicy does not restrict both Ingress and Egress: " + spec.path("policyTypes"));
            }
            boolean internet = false;
            for (JsonNode rule : spec.path("egress")) {
                if (rule.path("to").isEmpty()) {
                    problems.add("NetworkPolicy egress rule without 'to' allows every destination: " + rule);
                }
                for (JsonNode to : rule.path("to")) {
                    JsonNode block = to.path("ipBlock");
                    if (block.isMissingNode()) {
                        continue;
                    }
                    internet = true;
                    List<String> except = texts(block.path("except"));
                    for (String range : PRIVATE_RANGES) {
                        if (!except.contains(range)) {
                            problems.add("NetworkPolicy egress to " + block.path("cidr").asText()
                                    + " does not exclude " + range + " (webhook URLs could reach internal hosts)");
                        }
                    }
                }
            }
            if (!internet) {
                problems.add("NetworkPolicy has no ipBlock egress rule: webhooks could not reach tenants' endpoints");
            }
        }
        return problems;
    }

    /** Problems if the selector does not select the Deployment's pods. */
    private static List<String> selectorProblems(String what, JsonNode matchLabels) {
        JsonNode podLabels = baseDeployment().path("spec").path("template").path("metadata").path("labels");
        if (matchLabels.isEmpty() || !isSubset(matchLabels, podLabels)) {
            return List.of(what + " " + matchLabels + " does not select the Deployment's pods " + podLabels);
        }
        if (!matchLabels.path(APP_LABEL).asText().equals(DEPLOYMENT_NAME)) {
            return List.of(what + " " + matchLabels + " does not use " + APP_LABEL + ": " + DEPLOYMENT_NAME);
        }
        return List.of();
    }

    // ------------------------------------------------------------------------------------------------ secrets

    private static List<String> secretProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> documented = manifests.allSecretKeys();
        String readme = Files.exists(README) ? read(README) : "";
        for (JsonNode c : baseDeployment().path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode e : c.path("env")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (ref.isMissingNode()) {
                    continue;
                }
                String secret = ref.path("name").asText();
                String key = ref.path("key").asText();
                if (!documented.getOrDefault(secret, Set.of()).contains(key)) {
                    problems.add(e.path("name").asText() + " reads Secret " + secret + " key " + key
                            + ", which no *.example.yaml documents");
                }
                for (String word : List.of(secret, e.path("name").asText())) {
                    if (!readme.contains(word)) {
                        problems.add("deploy/README.md does not mention " + word);
                    }
                }
            }
        }
        for (Path dir : manifests.kustomizationDirs()) {
            for (Doc d : manifests.resources(dir)) {
                if (d.kind().equals("Secret")) {
                    problems.add(rel(dir) + " deploys Secret " + d.name() + " from " + rel(d.file())
                            + ": secret values do not belong in the repository");
                }
            }
            if (manifests.kustomization(dir).has("secretGenerator")) {
                problems.add(rel(dir) + " generates Secrets: secret values do not belong in the repository");
            }
        }
        for (String key : manifests.allConfigMapKeys().getOrDefault("perscom-webhooks-config", Set.of())) {
            if (!readme.contains(key)) {
                problems.add("deploy/README.md does not document ConfigMap key " + key);
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertNoProblems(String what, List<String> problems) {
        assertTrue(problems.isEmpty(),
                () -> what + ": " + problems.size() + " problem(s)\n  - " + String.join("\n  - ", problems));
    }

    private static JsonNode baseDeployment() {
        List<String> problems = new ArrayList<>();
        Doc d = single(BASE, "Deployment", problems);
        assertNoProblems("base Deployment", problems);
        assertEquals(DEPLOYMENT_NAME, d.name(), "base Deployment name");
        return d.node();
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText().equals(DEPLOYMENT_NAME)) {
                return c;
            }
        }
        assertFalse(containers.isEmpty(), "the Deployment has no containers");
        return containers.get(0);
    }

    private static Doc single(Path dir, String kind, List<String> problems) {
        List<Doc> found = manifests.resources(dir).stream().filter(d -> d.kind().equals(kind)).toList();
        if (found.size() != 1) {
            problems.add(rel(dir) + ": expected one " + kind + ", found " + found.size());
            return null;
        }
        return found.get(0);
    }

    private static String imageRepository(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        int at = image.indexOf('@');
        int end = at >= 0 ? at : colon > slash ? colon : image.length();
        return image.substring(0, end);
    }

    private static boolean isSubset(JsonNode labels, JsonNode of) {
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            if (!e.getValue().asText().equals(of.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String rel(Path p) {
        return ROOT.relativize(p).toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root (pom.xml beside deploy/) above " + Path.of("")
                    .toAbsolutePath());
        }
        return dir;
    }

    // ------------------------------------------------------------------------------------------------ manifests

    record Doc(Path file, JsonNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    /** Every YAML document under deploy/k8s, by file, and what the kustomizations make of them. */
    static final class Manifests {

        private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

        final Map<Path, List<JsonNode>> files = new TreeMap<>();
        final List<String> parseProblems = new ArrayList<>();

        static Manifests load(Path dir) throws IOException {
            Manifests m = new Manifests();
            if (!Files.isDirectory(dir)) {
                m.parseProblems.add(dir + " does not exist");
                return m;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .toList()) {
                    try {
                        m.files.put(file.normalize(), parse(Files.readString(file)));
                    } catch (IOException | RuntimeException e) {
                        m.parseProblems.add(rel(file) + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                    }
                }
            }
            return m;
        }

        static List<JsonNode> parse(String yaml) throws IOException {
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (it.hasNextValue()) {
                    JsonNode doc = it.nextValue();
                    if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                        docs.add(doc);
                    }
                }
            }
            return docs;
        }

        List<Doc> all() {
            List<Doc> out = new ArrayList<>();
            files.forEach((file, docs) -> docs.forEach(d -> out.add(new Doc(file, d))));
            return out;
        }

        List<Path> kustomizationDirs() {
            return files.keySet().stream().filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).toList();
        }

        JsonNode kustomization(Path dir) {
            List<JsonNode> docs = files.get(dir.resolve("kustomization.yaml").normalize());
            return docs == null || docs.isEmpty() ? MissingNode.getInstance() : docs.get(0);
        }

        /** Resource documents of a kustomization, following directories to their own kustomizations. */
        List<Doc> resources(Path dir) {
            List<Doc> out = new ArrayList<>();
            for (JsonNode r : kustomization(dir).path("resources")) {
                Path p = dir.resolve(r.asText()).normalize();
                if (Files.isDirectory(p)) {
                    out.addAll(resources(p));
                } else {
                    files.getOrDefault(p, List.of()).forEach(d -> out.add(new Doc(p, d)));
                }
            }
            return out;
        }

        /** Strategic-merge patch documents of this kustomization itself (JSON 6902 patches are not read). */
        List<Doc> patches(Path dir) {
            List<Doc> out = new ArrayList<>();
            JsonNode k = kustomization(dir);
            Path file = dir.resolve("kustomization.yaml");
            for (JsonNode patch : k.path("patches")) {
                if (patch.has("path")) {
                    Path p = dir.resolve(patch.path("path").asText()).normalize();
                    files.getOrDefault(p, List.of()).stream().filter(JsonNode::isObject)
                            .forEach(d -> out.add(new Doc(p, d)));
                } else if (patch.has("patch")) {
                    try {
                        parse(patch.path("patch").asText()).stream().filter(JsonNode::isObject)
                                .forEach(d -> out.add(new Doc(file, d)));
                    } catch (IOException e) {
                        parseProblems.add(rel(file) + ": inline patch: " + e.getMessage());
                    }
                }
            }
            for (JsonNode patch : k.path("patchesStrategicMerge")) {
                Path p = dir.resolve(patch.asText()).normalize();
                files.getOrDefault(p, List.of()).forEach(d -> out.add(new Doc(p, d)));
            }
            return out;
        }

        /** ConfigMaps a kustomization generates (including those of the kustomizations it builds on), by name. */
        Map<String, Set<String>> generatedConfigMaps(Path dir) {
            Map<String, Set<String>> out = new TreeMap<>();
            for (JsonNode r : kustomization(dir).path("resources")) {
                Path p = dir.resolve(r.asText()).normalize();
                if (Files.isDirectory(p)) {
                    generatedConfigMaps(p).forEach((k, v) -> out.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
                }
            }
            for (JsonNode g : kustomization(dir).path("configMapGenerator")) {
                Set<String> keys = out.computeIfAbsent(g.path("name").asText(), x -> new TreeSet<>());
                for (JsonNode literal : g.path("literals")) {
                    keys.add(literal.asText().split("=", 2)[0]);
                }
                for (JsonNode env : g.path("envs")) {
                    Path envFile = dir.resolve(env.asText());
                    if (Files.isRegularFile(envFile)) {
                        read(envFile).lines().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                                .forEach(l -> keys.add(l.split("=", 2)[0]));
                    }
                }
                for (JsonNode f : g.path("files")) {
                    String spec = f.asText();
                    keys.add(spec.contains("=") ? spec.split("=", 2)[0] : Path.of(spec).getFileName().toString());
                }
            }
            return out;
        }

        /** Keys of every ConfigMap anywhere: resources, patches and generators. */
        Map<String, Set<String>> allConfigMapKeys() {
            Map<String, Set<String>> out = new TreeMap<>();
            for (Doc d : all()) {
                if (d.kind().equals("ConfigMap")) {
                    Set<String> keys = out.computeIfAbsent(d.name(), x -> new TreeSet<>());
                    d.node().path("data").fieldNames().forEachRemaining(keys::add);
                }
            }
            for (Path dir : kustomizationDirs()) {
                generatedConfigMaps(dir).forEach((k, v) -> out.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
            }
            return out;
        }

        /** Keys of every Secret any file shows (the examples: the real Secrets are not in the repository). */
        Map<String, Set<String>> allSecretKeys() {
            Map<String, Set<String>> out = new TreeMap<>();
            for (Doc d : all()) {
                if (d.kind().equals("Secret")) {
                    Set<String> keys = out.computeIfAbsent(d.name(), x -> new TreeSet<>());
                    d.node().path("data").fieldNames().forEachRemaining(keys::add);
                    d.node().path("stringData").fieldNames().forEachRemaining(keys::add);
                }
            }
            return out;
        }

        /** A field of a kind after a kustomization's resources, the kustomizations it builds on and its patches. */
        JsonNode effective(Path dir, String kind, String pointer) {
            JsonNode value = MissingNode.getInstance();
            for (JsonNode r : kustomization(dir).path("resources")) {
                Path p = dir.resolve(r.asText()).normalize();
                if (Files.isDirectory(p)) {
                    JsonNode v = effective(p, kind, pointer);
                    value = v.isMissingNode() ? value : v;
                } else {
                    for (JsonNode d : files.getOrDefault(p, List.of())) {
                        if (d.path("kind").asText().equals(kind) && !d.at(pointer).isMissingNode()) {
                            value = d.at(pointer);
                        }
                    }
                }
            }
            for (Doc patch : patches(dir)) {
                if (patch.kind().equals(kind) && !patch.node().at(pointer).isMissingNode()) {
                    value = patch.node().at(pointer);
                }
            }
            return value;
        }

        /**
         * The Deployment's replicas after a kustomization: those of its resources and of the kustomizations it builds
         * on (each with their own patches and {@code replicas:} applied), then its patches, then its {@code replicas:}.
         */
        int effectiveReplicas(Path dir) {
            JsonNode value = MissingNode.getInstance();
            for (JsonNode r : kustomization(dir).path("resources")) {
                Path p = dir.resolve(r.asText()).normalize();
                if (Files.isDirectory(p)) {
                    value = new IntNode(effectiveReplicas(p));
                } else {
                    for (JsonNode d : files.getOrDefault(p, List.of())) {
                        if (d.path("kind").asText().equals("Deployment") && d.at("/spec/replicas").isInt()) {
                            value = d.at("/spec/replicas");
                        }
                    }
                }
            }
            for (Doc patch : patches(dir)) {
                if (patch.kind().equals("Deployment") && patch.node().at("/spec/replicas").isInt()) {
                    value = patch.node().at("/spec/replicas");
                }
            }
            for (JsonNode r : kustomization(dir).path("replicas")) {
                if (r.path("name").asText().equals(DEPLOYMENT_NAME)) {
                    value = r.path("count");
                }
            }
            // Kubernetes' default when nothing sets it.
            return value.asInt(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ the application

    /** The settings the application reads: placeholders in application.properties and declared config properties. */
    static final class AppSettings {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?=[:}])");
        private static final Pattern CONFIG_PROPERTY = Pattern
                .compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

        final Set<String> placeholders = new TreeSet<>();
        final Set<String> properties = new TreeSet<>();

        static AppSettings load(Path appProperties, Path mainJava) throws IOException {
            AppSettings s = new AppSettings();
            Matcher m = PLACEHOLDER.matcher(Files.readString(appProperties));
            while (m.find()) {
                s.placeholders.add(m.group(1));
            }
            try (Stream<Path> paths = Files.walk(mainJava)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (file.getFileName().toString().endsWith("Config.java")) {
                        s.properties.addAll(ConfigMappingReader.properties(source));
                    }
                    Matcher c = CONFIG_PROPERTY.matcher(source);
                    while (c.find()) {
                        s.properties.add(c.group(1));
                    }
                }
            }
            return s;
        }

        /** The names among {@code envNames} the application does not read, each with why. */
        List<String> unknown(Collection<String> envNames) {
            List<String> out = new ArrayList<>();
            for (String name : new LinkedHashSet<>(envNames)) {
                if (!name.startsWith("QUARKUS_") && !placeholders.contains(name) && propertyFor(name).isEmpty()) {
                    out.add(name + " is read by neither a ${" + name + "} placeholder in application.properties nor"
                            + " as any declared property (tried " + String.join(", ", candidates(name).stream().limit(8)
                            .toList()) + (candidates(name).size() > 8 ? ", ..." : "") + ")");
                }
            }
            return out;
        }

        /** The declared property an environment variable sets, if any. */
        Optional<String> propertyFor(String envName) {
            for (String candidate : candidates(envName)) {
                for (String property : properties) {
                    if (property.equals(candidate)
                            || property.endsWith(".*") && candidate.startsWith(property.substring(0, property.length()
                                    - 1))) {
                        return Optional.of(property.endsWith(".*") ? candidate : property);
                    }
                }
            }
            return Optional.empty();
        }

        /** Dotted property names whose environment form is {@code envName}: each '_' is a '.' or a '-'. */
        static List<String> candidates(String envName) {
            String[] parts = envName.toLowerCase(Locale.ROOT).split("_", -1);
            if (parts.length > 12) {
                return List.of(String.join(".", parts));
            }
            List<String> out = new ArrayList<>(List.of(parts[0]));
            for (int i = 1; i < parts.length; i++) {
                List<String> next = new ArrayList<>();
                for (String prefix : out) {
                    next.add(prefix + "." + parts[i]);
                    next.add(prefix + "-" + parts[i]);
                }
                out = next;
            }
            return out;
        }
    }

    /** Reads the properties a {@code @ConfigMapping} interface declares from its source. */
    static final class ConfigMappingReader {

        private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(([^)]*)\\)");
        private static final Pattern PREFIX = Pattern.compile("(?:prefix\\s*=\\s*)?\"(\\d+)\"");
        private static final Pattern INTERFACE = Pattern.compile("(?<![@\\w])interface\\s+(\\w+)[^{]*\\{");
        private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*(?:value\\s*=\\s*)?\"(\\d+)\"");
        private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^)]*\\))?");
        private static final Pattern METHOD = Pattern.compile("(?s)^(?:public\\s+|abstract\\s+)*(.+?)\\s*\\b(\\w+)\\s*"
                + "\\(\\s*\\)$");
        private static final Set<String> WRAPPERS = Set.of("Optional", "List", "Set", "Collection", "SortedSet");
        private static final Set<String> MAPS = Set.of("Map", "SortedMap", "NavigableMap");

        static Set<String> properties(String javaSource) {
            List<String> strings = new ArrayList<>();
            String code = stripCommentsAndStrings(javaSource, strings);
            Map<String, String> bodies = new LinkedHashMap<>();
            Map<String, Integer> starts = new LinkedHashMap<>();
            Matcher i = INTERFACE.matcher(code);
            while (i.find()) {
                int open = i.end() - 1;
                bodies.put(i.group(1), code.substring(open + 1, matchingBrace(code, open)));
                starts.put(i.group(1), i.start());
            }
            Set<String> out = new TreeSet<>();
            Matcher m = MAPPING.matcher(code);
            while (m.find()) {
                Matcher p = PREFIX.matcher(m.group(1));
                String prefix = p.find() ? strings.get(Integer.parseInt(p.group(1))) : "";
                int at = m.end();
                starts.entrySet().stream().filter(e -> e.getValue() >= at).findFirst()
                        .ifPresent(root -> collect(root.getKey(), prefix, bodies, strings, out, 0));
            }
            return out;
        }

        private static void collect(String iface, String prefix, Map<String, String> bodies, List<String> strings,
                Set<String> out, int depth) {
            if (depth > 10) {
                return;
            }
            for (String member : topLevelMembers(bodies.get(iface))) {
                Matcher withName = WITH_NAME.matcher(member);
                String explicit = withName.find() ? strings.get(Integer.parseInt(withName.group(1))) : null;
                boolean parentName = member.contains("@WithParentName");
                String declaration = ANNOTATION.matcher(member).replaceAll(" ").strip();
                if (declaration.isEmpty()
                        || Pattern.compile("\\b(interface|class|enum|record|static|default)\\b").matcher(declaration)
                                .find()) {
                    continue;
                }
                Matcher method = METHOD.matcher(declaration);
                if (!method.matches()) {
                    continue;
                }
                String name = prefix.isEmpty() ? "" : prefix + ".";
                name += explicit != null ? explicit : kebab(method.group(2));
                String type = method.group(1).strip();
                String raw = simpleName(type.replaceAll("<.*", ""));
                String inner = type.contains("<") ? type.substring(type.indexOf('<') + 1, type.lastIndexOf('>')) : "";
                String element = WRAPPERS.contains(raw) ? simpleName(inner.replaceAll("<.*", "").strip()) : raw;
                if (MAPS.contains(raw)) {
                    out.add(name + ".*");
                } else if (bodies.containsKey(element)) {
                    collect(element, parentName ? prefix : name, bodies, strings, out, depth + 1);
                } else {
                    out.add(name);
                }
            }
        }

        /** Members of an interface body, each up to its ';' (nested blocks removed and ending a member). */
        private static List<String> topLevelMembers(String body) {
            StringBuilder flat = new StringBuilder();
            int depth = 0;
            for (char c : body.toCharArray()) {
                if (c == '{') {
                    if (depth++ == 0) {
                        flat.append(';');
                    }
                } else if (c == '}') {
                    depth--;
                } else if (depth == 0) {
                    flat.append(c);
                }
            }
            return List.of(flat.toString().split(";"));
        }

        private static int matchingBrace(String code, int open) {
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                if (code.charAt(i) == '{') {
                    depth++;
                } else if (code.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            return code.length();
        }

        /** The source without comments, each string literal replaced by {@code "<index>"} into {@code strings}. */
        static String stripCommentsAndStrings(String src, List<String> strings) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            int n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (src.startsWith("//", i)) {
                    while (i < n && src.charAt(i) != '\n') {
                        i++;
                    }
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                    out.append(' ');
                } else if (src.startsWith("\"\"\"", i)) {
                    int end = src.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end;
                    strings.add(src.substring(Math.min(i + 3, n), end));
                    out.append('"').append(strings.size() - 1).append('"');
                    i = Math.min(end + 3, n);
                } else if (c == '"' || c == '\'') {
                    StringBuilder literal = new StringBuilder();
                    i++;
                    while (i < n && src.charAt(i) != c) {
                        if (src.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        literal.append(src.charAt(i++));
                    }
                    i++;
                    if (c == '"') {
                        strings.add(literal.toString());
                        out.append('"').append(strings.size() - 1).append('"');
                    } else {
                        out.append("' '");
                    }
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private static String simpleName(String type) {
            String t = type.strip();
            return t.substring(t.lastIndexOf('.') + 1);
        }

        /** {@code maxInFlightPerEndpoint} -> {@code max-in-flight-per-endpoint}, as SmallRye Config names them. */
        static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                    .toLowerCase(Locale.ROOT);
        }
    }
}
