package io.perscom.webhooks.api;

import java.util.List;

/** One page of a list endpoint. */
public record PageResponse<T>(List<T> data, PageMeta meta) {
}
