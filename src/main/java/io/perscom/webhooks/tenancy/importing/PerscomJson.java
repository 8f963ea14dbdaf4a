package io.perscom.webhooks.tenancy.importing;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.api.ApiException;

/** PERSCOM's JSON columns arrive as JSON, or as the JSON text a database export gives: both read the same. */
@ApplicationScoped
public class PerscomJson {

    private final ObjectMapper mapper;

    public PerscomJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The column's JSON value (text is parsed); null stays null. 422 on {@code field} when the text is not JSON. */
    JsonNode value(String field, JsonNode column) {
        if (column == null || !column.isTextual()) {
            return column;
        }
        try {
            return mapper.readTree(column.asText());
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(field, "is text that is not valid JSON");
        }
    }
}
