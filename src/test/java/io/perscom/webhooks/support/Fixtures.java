package io.perscom.webhooks.support;

import static io.perscom.webhooks.support.Api.admin;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Webhooks, events and database counts for delivery tests. */
public final class Fixtures {

    public static final String PERSCOM = TestTokens.withScope("perscom", "publish:event");

    private Fixtures() {
    }

    public static String webhook(String tenant, String url, List<String> events, String method, String secret,
            boolean enabled) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("method", method);
        body.put("enabled", enabled);
        if (secret != null) {
            body.put("secret", secret);
        }
        return admin(tenant).body(body).when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    public static String webhook(String tenant, String url, String secret, String... events) {
        return webhook(tenant, url, List.of(events), "post", secret, true);
    }

    public static ValidatableResponse ingest(Object body) {
        return given().auth().oauth2(PERSCOM).contentType(ContentType.JSON).body(body)
                .when().post("/internal/v1/events").then();
    }

    public static Map<String, Object> event(String tenant, String type, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("tenant_id", tenant);
        body.put("event", type);
        body.put("data", data);
        return body;
    }

    public static long count(String sql, Object... params) {
        try (Connection db = PostgresTestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static void execute(String sql, Object... params) {
        try (Connection db = PostgresTestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
