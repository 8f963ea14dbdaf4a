package io.perscom.webhooks.delivery.http;

import java.net.URI;
import java.util.Locale;

import io.vertx.core.http.HttpMethod;

/**
 * Redirects are followed the way PERSCOM's sender (Guzzle with its defaults) follows them, so a receiver behind a
 * redirect keeps working: any 3xx with a {@code Location} is followed, at most {@value #MAX} times; 301, 302 and 303
 * (and other 3xx below 303) turn the request into a GET without body, 307 and 308 keep method and body; only http and
 * https targets; no {@code Referer}. Headers, and so signatures, are the same on every hop. Every hop's address is
 * checked by the SSRF guard like the first one's (see {@link DeliverySender}).
 */
final class Redirects {

    static final int MAX = 5;

    /** One request of the chain. {@code body} is null for a GET. */
    record Request(HttpMethod method, String url, String body) {
    }

    /** A {@code Location} that cannot be followed (not http/https, not a URL). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Redirects() {
    }

    static boolean isRedirect(int status, String location) {
        return status >= 300 && status < 400 && location != null;
    }

    /** The request that follows {@code status} with {@code location}; throws {@link Refused}. */
    static Request next(Request current, int status, String location) {
        URI target;
        try {
            target = URI.create(current.url()).resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("Location is not a valid URL: " + UrlRedaction.redact(location));
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("Location " + UrlRedaction.redact(target.toString()) + " is not an http or https URL");
        }
        if (target.getHost() == null || target.getHost().isEmpty()) {
            throw new Refused("Location " + UrlRedaction.redact(target.toString()) + " names no host");
        }
        String url = target.toString();
        int fragment = url.indexOf('#');
        url = fragment < 0 ? url : url.substring(0, fragment);
        if (status == 303 || status <= 302) {
            return new Request(HttpMethod.GET, url, null);
        }
        return new Request(current.method(), url, current.body());
    }
}
