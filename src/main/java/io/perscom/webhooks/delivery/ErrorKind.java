package io.perscom.webhooks.delivery;

/** Why an attempt got no HTTP response (stored lowercase in attempt logs). */
public enum ErrorKind {
    TIMEOUT,
    CONNECTION_REFUSED,
    DNS,
    TLS,
    CONNECTION,
    CIRCUIT_OPEN,
    ENDPOINT_DISABLED;

    public String code() {
        return name().toLowerCase();
    }
}
