package io.perscom.webhooks.eventtype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events PERSCOM emits: created/updated/deleted for each of its resources, plus {@code webhook.test}, the event
 * an admin sends by hand to check an endpoint.
 */
public final class EventCatalog {

    public static final String TEST_EVENT = "webhook.test";

    private static final Map<String, String> RESOURCES = resources();
    private static final Map<String, EventType> BY_NAME = build();

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static boolean exists(String name) {
        return name != null && BY_NAME.containsKey(name);
    }

    private static Map<String, String> resources() {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("assignmentrecord", "an assignment record");
        resources.put("awardrecord", "an award record");
        resources.put("calendar", "a calendar");
        resources.put("combatrecord", "a combat record");
        resources.put("event", "a calendar event");
        resources.put("message", "a message");
        resources.put("qualificationrecord", "a qualification record");
        resources.put("rankrecord", "a rank record");
        resources.put("servicerecord", "a service record");
        resources.put("submission", "a form submission");
        resources.put("user", "a user");
        return resources;
    }

    private static Map<String, EventType> build() {
        List<EventType> types = new ArrayList<>();
        RESOURCES.forEach((resource, noun) -> {
            types.add(new EventType(resource + ".created", "Sent when " + noun + " is created."));
            types.add(new EventType(resource + ".updated", "Sent when " + noun + " is updated."));
            types.add(new EventType(resource + ".deleted", "Sent when " + noun + " is deleted."));
        });
        types.add(new EventType(TEST_EVENT, "Sent by hand from the admin API to check that an endpoint receives "
                + "and verifies webhooks; carries the JSON the admin entered (default {\"status\":\"ok\"})."));
        Map<String, EventType> byName = new LinkedHashMap<>();
        types.forEach(type -> byName.put(type.name(), type));
        return Collections.unmodifiableMap(byName);
    }
}
