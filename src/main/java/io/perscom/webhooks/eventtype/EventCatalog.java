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

    /** A PERSCOM resource: how events describe it and the PHP class of its model ({@code model_type}). */
    private record Resource(String noun, String modelClass) {
    }

    private static final Map<String, Resource> RESOURCES = resources();
    private static final Map<String, EventType> BY_NAME = build();

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static boolean exists(String name) {
        return name != null && BY_NAME.containsKey(name);
    }

    /**
     * The PHP class name PERSCOM gives as {@code model_type} for an event type's model (e.g. {@code App\Models\User}
     * for {@code user.updated}); null for event types without a model.
     */
    public static String modelClass(String eventType) {
        int dot = eventType == null ? -1 : eventType.indexOf('.');
        Resource resource = dot < 0 ? null : RESOURCES.get(eventType.substring(0, dot));
        return resource == null ? null : "App\\Models\\" + resource.modelClass();
    }

    private static Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        resources.put("assignmentrecord", new Resource("an assignment record", "AssignmentRecord"));
        resources.put("awardrecord", new Resource("an award record", "AwardRecord"));
        resources.put("calendar", new Resource("a calendar", "Calendar"));
        resources.put("combatrecord", new Resource("a combat record", "CombatRecord"));
        resources.put("event", new Resource("a calendar event", "Event"));
        resources.put("message", new Resource("a message", "Message"));
        resources.put("qualificationrecord", new Resource("a qualification record", "QualificationRecord"));
        resources.put("rankrecord", new Resource("a rank record", "RankRecord"));
        resources.put("servicerecord", new Resource("a service record", "ServiceRecord"));
        resources.put("submission", new Resource("a form submission", "Submission"));
        resources.put("user", new Resource("a user", "User"));
        return resources;
    }

    private static Map<String, EventType> build() {
        List<EventType> types = new ArrayList<>();
        RESOURCES.forEach((resource, described) -> {
            String noun = described.noun();
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
