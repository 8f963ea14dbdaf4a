package io.perscom.webhooks.delivery.http;

import io.perscom.webhooks.persistence.StoredNames;

/** Why an attempt got no HTTP response (stored lowercase in attempt logs). */
public enum ErrorKind {
    TIMEOUT,
    CONNECTION_REFUSED,
    DNS,
    TLS,
    CONNECTION,
    CIRCUIT_OPEN,
    /** Refused by the SSRF guard: the host resolves to an internal address. Not retried. */
    BLOCKED,
    ENDPOINT_DISABLED,
    /**
     * A redirect that may not be followed: its target is refused by the SSRF guard, or is not an http(s) URL. Not
     * retried, like {@link #BLOCKED}.
     */
    REDIRECT_REFUSED,
    /** More than 5 redirects in one attempt (Guzzle's limit). Retried like any failure. */
    TOO_MANY_REDIRECTS,
    /**
     * Something in this service failed while sending or recording the attempt (a bug or data it cannot handle):
     * retried on the normal schedule, so the delivery ends failed (and can be redelivered) rather than loop.
     */
    INTERNAL;

    public String code() {
        return StoredNames.of(this);
    }
}
