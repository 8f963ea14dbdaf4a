package io.perscom.webhooks.delivery;

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
    ENDPOINT_DISABLED;

    public String code() {
        return name().toLowerCase();
    }
}
