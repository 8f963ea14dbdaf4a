package io.perscom.webhooks.api;

/** Pagination metadata in the shape PERSCOM's own API (Laravel) uses. */
public record PageMeta(int currentPage, int perPage, long total, int lastPage) {

    public static PageMeta of(PageRequest request, long total) {
        int last = (int) Math.max(1, (total + request.limit() - 1) / request.limit());
        return new PageMeta(request.page(), request.limit(), total, last);
    }
}
