package io.perscom.webhooks.packaged;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What an operator must give the production jar (prod profile) to start: the token verification key and issuer,
 * the secret-encryption key, and an SSRF allow-list for the loopback receiver; the management interface gets a free
 * loopback port. Everything else is the prod default.
 */
public class ProductionSettings implements QuarkusTestResourceLifecycleManager {

    private static volatile int managementPort;

    /** The free port the packaged application serves health, metrics and OpenAPI on. */
    static int managementPort() {
        return managementPort;
    }

    @Override
    public Map<String, String> start() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            managementPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the management interface", e);
        }
        return Map.of(
                "quarkus.management.port", String.valueOf(managementPort),
                "quarkus.management.host", "127.0.0.1",
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", testPublicKey(),
                "quarkus.oidc.token.issuer", io.perscom.webhooks.support.TestTokens.ISSUER,
                "webhooks.secrets.encryption-keys", "it-1:TsxMMHcdXVhoJGkCgU3KPoPhokzSmhFmmVF05oOFfWQ=",
                "webhooks.ssrf.allow-list", "127.0.0.1/32");
    }

    @Override
    public void stop() {
    }

    /** The base64 DER public key of the test key pair (test-keys/publicKey.pem). */
    private static String testPublicKey() {
        try (var in = ProductionSettings.class.getClassLoader().getResourceAsStream("test-keys/publicKey.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("test-keys/publicKey.pem is missing from the test resources", e);
        }
    }
}
