package io.perscom.webhooks.delivery.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vertx.core.http.HttpMethod;

/** Guzzle's RedirectMiddleware with its defaults (strict off): what PERSCOM's sender does with a 3xx. */
class RedirectsTest {

    private static final Redirects.Request POST = new Redirects.Request(HttpMethod.POST,
            "https://hooks.example.com/a/b?q=1", "{\"event\":\"x\"}");

    @ParameterizedTest
    @ValueSource(ints = { 300, 301, 302, 303 })
    void upTo303APostBecomesAGetWithoutBody(int status) {
        Redirects.Request next = Redirects.next(POST, status, "/c");
        assertEquals(HttpMethod.GET, next.method());
        assertNull(next.body());
        assertEquals("https://hooks.example.com/c", next.url());
    }

    @ParameterizedTest
    @ValueSource(ints = { 304, 305, 307, 308 })
    void otherRedirectsKeepMethodAndBody(int status) {
        Redirects.Request next = Redirects.next(POST, status, "c#top");
        assertEquals(HttpMethod.POST, next.method());
        assertEquals(POST.body(), next.body());
        assertEquals("https://hooks.example.com/a/c", next.url(), "relative, without the fragment");
    }

    @Test
    void onlyAny3xxWithALocationIsARedirect() {
        assertTrue(Redirects.isRedirect(399, "/x"));
        assertFalse(Redirects.isRedirect(302, null));
        assertFalse(Redirects.isRedirect(200, "/x"));
        assertFalse(Redirects.isRedirect(400, "/x"));
        assertEquals("http://other.example.com/p",
                Redirects.next(POST, 308, "http://other.example.com/p").url(), "https to http is allowed");
        assertEquals("https://cdn.example.com/x", Redirects.next(POST, 307, "//cdn.example.com/x").url());
    }

    @Test
    void locationsThatAreNotHttpUrlsAreRefused() {
        assertThrows(Redirects.Refused.class, () -> Redirects.next(POST, 302, "ftp://files.example.com/x"));
        assertThrows(Redirects.Refused.class, () -> Redirects.next(POST, 302, "javascript:alert(1)"));
        assertThrows(Redirects.Refused.class, () -> Redirects.next(POST, 302, "http://exa mple.com/"));
        assertThrows(Redirects.Refused.class, () -> Redirects.next(POST, 302, "file:///etc/passwd"));
    }
}
