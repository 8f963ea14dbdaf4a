package io.perscom.webhooks.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/** Reads strings as Jackson does, and refuses one holding half a surrogate pair ({@link UnrepresentableInput}). */
final class UnicodeStringDeserializer extends StdScalarDeserializer<String> {

    UnicodeStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && UnrepresentableInput.hasLoneSurrogate(value)) {
            throw new UnrepresentableInput(parser, UnrepresentableInput.TEXT);
        }
        return value;
    }
}
