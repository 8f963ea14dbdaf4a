package io.perscom.webhooks.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Input JSON is read strictly: wrong types are field errors rather than silently coerced values
 * ({@code "enabled": "yes"}, {@code "name": 12}), unknown fields are refused (typos do not pass unnoticed), and
 * no value may be one JSON or UTF-8 cannot carry back out ({@code 1e400}, half a surrogate pair: see
 * WireSafeNodeDeserializer and UnicodeStringDeserializer).
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule wireSafe = new SimpleModule("wire-safe-values");
        refuseUnrepresentable(wireSafe, JsonNode.class);
        refuseUnrepresentable(wireSafe, ObjectNode.class);
        refuseUnrepresentable(wireSafe, ArrayNode.class);
        wireSafe.addDeserializer(String.class, new UnicodeStringDeserializer());
        mapper.registerModule(wireSafe);
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> void refuseUnrepresentable(SimpleModule module, Class<T> type) {
        module.addDeserializer(type,
                (JsonDeserializer<T>) (JsonDeserializer<?>) new WireSafeNodeDeserializer(
                        JsonNodeDeserializer.getDeserializer(type)));
    }
}
