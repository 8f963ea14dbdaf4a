package io.perscom.webhooks.eventtype;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventTypeResourceTest {

    @Test
    void listsThe33PerscomEventsAndTheTestEvent() {
        admin(freshTenant()).when().get("/api/v1/event-types").then().statusCode(200)
                .body("data", hasSize(34))
                .body("data.name", hasItems("assignmentrecord.created", "awardrecord.updated", "calendar.deleted",
                        "combatrecord.created", "event.updated", "message.deleted", "qualificationrecord.created",
                        "rankrecord.updated", "servicerecord.deleted", "submission.created", "user.deleted",
                        "webhook.test"))
                .body("data.description", everyItem(not(emptyOrNullString())));
    }

    @Test
    void needsAToken() {
        given().when().get("/api/v1/event-types").then().statusCode(401);
    }
}
