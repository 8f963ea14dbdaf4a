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
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.perscom.webhooks.payload.NonFiniteNumberException;

/**
 * Reads free-form JSON ({@link JsonNode} fields and bodies) and refuses a number that parses to NaN or an infinity,
 * such as {@code 1e400}: it could never be written back as JSON. The refusal names the number's path.
 */
final class FiniteNumberDeserializer extends DelegatingDeserializer {

    private static final Pattern STEP = Pattern.compile("\\.?([^.\\[]+)|\\[(\\d+)]");

    /**
     * A field error, {@code number out of range}, located by Jackson's path like any other mapping error. (A
     * mismatched input, because the REST layer's JSON reader passes those on to the exception mappers unwrapped.)
     */
    static final class OutOfRange extends MismatchedInputException {
        OutOfRange(JsonParser parser) {
            super(parser, "number out of range");
        }
    }

    FiniteNumberDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new FiniteNumberDeserializer(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Object value = super.deserialize(parser, context);
        String path = value instanceof JsonNode node ? NonFiniteNumberException.firstIn(node) : null;
        if (path != null) {
            OutOfRange error = new OutOfRange(parser);
            prependPath(error, path);
            throw error;
        }
        return value;
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
