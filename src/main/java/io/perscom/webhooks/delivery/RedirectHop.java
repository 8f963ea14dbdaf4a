package io.perscom.webhooks.delivery;

/**
 * One request of an attempt that followed redirects: method, URL (password redacted) and the status it got (null when
 * it got no response, e.g. refused by the SSRF guard).
 */
public record RedirectHop(String method, String url, Integer status) {
}
