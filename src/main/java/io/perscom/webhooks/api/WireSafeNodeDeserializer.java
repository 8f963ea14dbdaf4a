package io.perscom.webhooks.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

import io.perscom.webhooks.payload.JsonPaths;
import io.perscom.webhooks.payload.NonFiniteNumberException;

/**
 * Reads free-form JSON ({@link JsonNode} fields and bodies) and refuses what could never be written back out: a
 * number that parses to NaN or an infinity, such as {@code 1e400}, and a string or field name with half a surrogate
 * pair ({@link UnrepresentableInput}). The refusal names the value's path.
 */
final class WireSafeNodeDeserializer extends DelegatingDeserializer {

    private static final Pattern STEP = Pattern.compile("\\.?([^.\\[]+)|\\[(\\d+)]");

    WireSafeNodeDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new WireSafeNodeDeserializer(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Object value = super.deserialize(parser, context);
        if (value instanceof JsonNode node) {
            refuse(parser, NonFiniteNumberException.firstIn(node), UnrepresentableInput.NUMBER);
            refuse(parser, JsonPaths.first(node, text -> text.isTextual()
                    && UnrepresentableInput.hasLoneSurrogate(text.textValue()), UnrepresentableInput::hasLoneSurrogate),
                    UnrepresentableInput.TEXT);
        }
        return value;
    }

    private static void refuse(JsonParser parser, String path, String message) throws UnrepresentableInput {
        if (path != null) {
            UnrepresentableInput error = new UnrepresentableInput(parser, message);
            prependPath(error, UnrepresentableInput.printable(path));
            throw error;
        }
    }

    private static void prependPath(JsonMappingException error, String path) {
        java.util.List<JsonMappingException.Reference> steps = new java.util.ArrayList<>();
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            steps.add(step.group(1) != null ? new JsonMappingException.Reference(null, step.group(1))
                    : new JsonMappingException.Reference(null, Integer.parseInt(step.group(2))));
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            error.prependPath(steps.get(i));
        }
    }
}
