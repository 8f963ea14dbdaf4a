package io.perscom.webhooks.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256 access tokens, signed with the test key pair whose public half quarkus-oidc trusts in the test profile.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.perscom.test";
    public static final String TENANT_A = "tenant-a";
    public static final String TENANT_B = "tenant-b";

    private TestTokens() {
    }

    public static String admin(String tenant) {
        return claims(tenant, "openid manage:webhook").sign();
    }

    public static String withScope(String tenant, String scope) {
        return claims(tenant, scope).sign();
    }

    public static String withoutTenant(String scope) {
        return Jwt.issuer(ISSUER).subject("no-tenant").claim("scope", scope).expiresIn(Duration.ofMinutes(5)).sign();
    }

    public static String expired(String tenant) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return claims(tenant, "manage:webhook").issuedAt(past - 300).expiresAt(past).sign();
    }

    public static String wrongIssuer(String tenant) {
        return claims(tenant, "manage:webhook").issuer("https://someone-else.test").sign();
    }

    /** Well-formed and unexpired, but signed by a key the service does not trust. */
    public static String signedByStranger(String tenant) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey stranger = generator.generateKeyPair().getPrivate();
            return claims(tenant, "manage:webhook").sign(stranger);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String tenant, String scope) {
        return Jwt.issuer(ISSUER).subject("admin@" + tenant).claim("tenant_id", tenant).claim("scope", scope)
                .expiresIn(Duration.ofMinutes(5));
    }
}
