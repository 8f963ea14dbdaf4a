package io.perscom.webhooks.delivery.http;

import java.util.regex.Pattern;

/** Hides the password of {@code user:password@} in a URL before it is logged or shown. */
final class UrlRedaction {

    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@");

    private UrlRedaction() {
    }

    static String redact(String url) {
        return USERINFO.matcher(url).replaceFirst("$1:" + DeliverySender.REDACTED + "@");
    }
}
