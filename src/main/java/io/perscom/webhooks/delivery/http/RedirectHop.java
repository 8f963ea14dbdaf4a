package io.perscom.webhooks.delivery.http;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One request of an attempt that followed redirects: method, URL (password redacted) and the status it got (null when
 * it got no response, e.g. refused by the SSRF guard). Written to the attempt log as JSON by Jackson, hence registered
 * for reflection (native image).
 */
@RegisterForReflection
public record RedirectHop(String method, String url, Integer status) {
}
