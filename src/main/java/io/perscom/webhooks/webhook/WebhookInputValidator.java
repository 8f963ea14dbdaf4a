package io.perscom.webhooks.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.egress.NumericHosts;
import io.perscom.webhooks.eventtype.EventCatalog;

/**
 * Checks a {@link WebhookInput} and returns it normalized (method lowercased, events de-duplicated, blanks made
 * null). Every invalid field is reported at once as a 422 problem.
 */
final class WebhookInputValidator {

    static final int MAX_URL = 2048;
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_SECRET = 255;
    private static final String PHP_TRIMMED = " \t\n\r\0\u000B";

    private WebhookInputValidator() {
    }

    /** For create and replace: {@code url} is required, absent fields take their defaults. */
    static WebhookInput complete(WebhookInput input) {
        Validation validation = new Validation();
        if (input == null || input.url() == null) {
            validation.reject("url", "is required");
        }
        WebhookInput valid = check(input == null ? empty() : input, validation);
        return new WebhookInput(
                valid.name() != null ? valid.name() : URI.create(valid.url()).getHost(),
                valid.description(),
                valid.url(),
                valid.method() != null ? valid.method() : "post",
                valid.secret(),
                valid.events() != null ? valid.events() : List.of(),
                valid.enabled() != null ? valid.enabled() : Boolean.TRUE);
    }

    /** For PATCH: only the fields present are checked. */
    static WebhookInput partial(WebhookInput input) {
        if (input == null) {
            throw io.perscom.webhooks.api.ApiException.invalid("body", "must be a JSON object");
        }
        return check(input, new Validation());
    }

    private static WebhookInput check(WebhookInput in, Validation validation) {
        String name = blankToNull(in.name());
        if (in.name() != null && name == null) {
            validation.reject("name", "must not be blank");
        }
        validation.maxLength("name", name, MAX_NAME);
        String description = in.description() == null ? null : in.description().trim();
        validation.maxLength("description", description, MAX_DESCRIPTION);
        String url = in.url() == null ? null : in.url().trim();
        checkUrl(url, validation);
        String method = in.method() == null ? null : in.method().trim().toLowerCase(Locale.ROOT);
        if (method != null && !method.equals("get") && !method.equals("post")) {
            validation.reject("method", "must be GET or POST");
        }
        checkSecret(in.secret(), validation);
        List<String> events = checkEvents(in.events(), validation);
        validation.throwIfInvalid();
        return new WebhookInput(name, description, url, method, in.secret(), events, in.enabled());
    }

    private static void checkUrl(String url, Validation validation) {
        if (url == null) {
            return;
        }
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= 0x20)) {
            validation.maxLength("url", url, MAX_URL);
            if (!validation.hasErrors()) {
                validation.reject("url", "must not contain spaces or control characters");
            }
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                validation.reject("url", "must be an absolute http or https URL");
            } else if (uri.getRawUserInfo() != null || hasUserInfo(uri.getRawAuthority())) {
                validation.reject("url", "credentials in the URL are not allowed; use the secret or custom headers");
            } else if (NumericHosts.isAmbiguous(hostOf(uri.getRawAuthority()))) {
                validation.reject("url", NumericHosts.AMBIGUOUS);
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                validation.reject("url", "must name a host");
            } else if (uri.getFragment() != null) {
                validation.reject("url", "must not contain a fragment");
            }
        } catch (URISyntaxException e) {
            validation.reject("url", "is not a valid URL");
        }
    }

    private static boolean hasUserInfo(String authority) {
        return authority != null && authority.indexOf('@') >= 0;
    }

    /** The host part of an authority, also where {@link URI} finds no server-based host ({@code 127.1}). */
    private static String hostOf(String authority) {
        if (authority == null) {
            return null;
        }
        if (authority.startsWith("[")) {
            return authority;
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /**
     * Every secret PERSCOM accepts is valid, so no receiver has to change: 1 to 255 characters, not blank (Laravel's
     * {@code required} trims spaces, tabs, line breaks, NUL and vertical tab), any other text. Weak ones get warnings
     * ({@link SecretStrength}), not an error.
     */
    static void checkSecret(String secret, Validation validation) {
        if (secret == null) {
            return;
        }
        if (secret.chars().allMatch(c -> PHP_TRIMMED.indexOf(c) >= 0)) {
            validation.reject("secret", "must not be empty or blank");
        } else if (secret.codePointCount(0, secret.length()) > MAX_SECRET) {
            validation.reject("secret", "must be at most " + MAX_SECRET + " characters");
        } else if (!StandardCharsets.UTF_8.newEncoder().canEncode(secret)) {
            validation.reject("secret", "must be valid Unicode text");
        }
    }

    private static List<String> checkEvents(List<String> events, Validation validation) {
        if (events == null) {
            return null;
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            if (!EventCatalog.exists(event)) {
                validation.reject("events[" + i + "]", "is not a known event type (see GET /api/v1/event-types)");
            } else {
                unique.add(event);
            }
        }
        return new ArrayList<>(unique);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static WebhookInput empty() {
        return new WebhookInput(null, null, null, null, null, null, null);
    }
}
