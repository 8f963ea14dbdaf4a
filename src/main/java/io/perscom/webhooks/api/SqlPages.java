package io.perscom.webhooks.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** One page of a SQL list: counts the matching rows, then reads the page, newest first as the query orders it. */
public final class SqlPages {

    private SqlPages() {
    }

    /**
     * @param from the {@code from ... where ...} part, shared by the count and the select
     * @param columns what to select
     * @param orderBy the ordering of the page
     */
    public static <T> Uni<PageResponse<T>> page(Pool pool, String columns, String from, String orderBy,
            Tuple params, PageRequest page, Function<Row, T> view) {
        String count = "select count(*) " + from;
        String select = "select " + columns + " " + from + " order by " + orderBy + " limit " + page.limit()
                + " offset " + page.offset();
        return pool.preparedQuery(count).execute(params)
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(total -> pool.preparedQuery(select).execute(params).map(rows -> {
                    List<T> items = new ArrayList<>(rows.size());
                    rows.forEach(row -> items.add(view.apply(row)));
                    return new PageResponse<>(items, PageMeta.of(page, total));
                }));
    }
}
