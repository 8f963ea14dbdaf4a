package io.perscom.webhooks.support;

import static io.restassured.RestAssured.given;

/** Reads one series from the Prometheus endpoint. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the series whose line starts with {@code series} (name and labels as printed), or 0. */
    public static double value(String series) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
