package io.perscom.webhooks.support;

import static io.restassured.RestAssured.given;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.specification.RequestSpecification;

/** Requests to the management interface (health, metrics, OpenAPI): its own port, never the service port. */
public final class Management {

    private Management() {
    }

    public static RequestSpecification management() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }
}
