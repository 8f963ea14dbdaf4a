package io.perscom.webhooks.observability;

import static io.perscom.webhooks.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the API description answer on the management port only, not to anyone on the service port. */
@QuarkusTest
class ManagementInterfaceTest {

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/" })
    void operationalEndpointsAreNotOnTheServicePort(String path) {
        assertNotEquals(RestAssured.port, URI.create(TestHTTPResourceManager.getManagementUri()).getPort());
        given().when().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health/live", "/q/health/ready", "/q/health/started" })
    void probesAnswerOnTheManagementPort(String path) {
        management().when().get(path).then().statusCode(200).body("status", equalTo("UP"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/openapi" })
    void metricsAndTheOpenApiDocumentAnswerOnTheManagementPort(String path) {
        management().when().get(path).then().statusCode(200)
                .body(containsString(path.equals("/q/metrics") ? "webhooks_" : "/api/v1/webhooks"));
    }
}
