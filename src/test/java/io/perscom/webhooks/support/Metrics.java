package io.perscom.webhooks.support;

import static io.perscom.webhooks.support.Management.management;

/** Reads one series from the Prometheus endpoint (on the management interface). */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the series whose line starts with {@code series} (name and labels as printed), or 0. */
    public static double value(String series) {
        String text = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
