package io.perscom.webhooks.automation.twig;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Engine settings.
 *
 * @param autoescape   escape output as HTML (PERSCOM: {@code 'autoescape' => 'html'}); default true
 * @param maxNesting   deepest template structure the parser accepts (nested parentheses, filters, tags); default 200
 * @param cacheSize    compiled templates kept (LRU by source); default 256
 * @param widgetUrl    what PERSCOM's {@code widgetUrl()} returns (its config app.widget_url); may be null
 * @param timezone     Twig's default timezone (PHP's date.timezone; UTC in PERSCOM)
 * @param clock        the time of "now" in {@code date()} and the date filter
 */
public record TwigOptions(boolean autoescape, int maxNesting, int cacheSize, String widgetUrl, ZoneId timezone,
        Clock clock) {

    public static TwigOptions defaults() {
        return new TwigOptions(true, 200, 256, null, ZoneId.of("UTC"), Clock.systemUTC());
    }

    public TwigOptions withWidgetUrl(String url) {
        return new TwigOptions(autoescape, maxNesting, cacheSize, url, timezone, clock);
    }

    public TwigOptions withAutoescape(boolean on) {
        return new TwigOptions(on, maxNesting, cacheSize, widgetUrl, timezone, clock);
    }

    public TwigOptions withMaxNesting(int depth) {
        return new TwigOptions(autoescape, depth, cacheSize, widgetUrl, timezone, clock);
    }

    public TwigOptions withClock(Clock newClock) {
        return new TwigOptions(autoescape, maxNesting, cacheSize, widgetUrl, timezone, newClock);
    }
}
