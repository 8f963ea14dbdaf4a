package io.perscom.webhooks.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request builders for the admin API with real bearer tokens. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification admin(String tenant) {
        return as(TestTokens.admin(tenant));
    }

    /** A tenant id no other test uses, so tests do not see each other's rows. */
    public static String freshTenant() {
        return "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
