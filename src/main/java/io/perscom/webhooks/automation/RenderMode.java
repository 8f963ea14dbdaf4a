package io.perscom.webhooks.automation;

import java.util.Arrays;
import java.util.Locale;

/** How an automation renders the strings of its payload template that contain {@code {{}. */
public enum RenderMode {

    /**
     * PERSCOM's rendering, byte for byte: Twig with HTML autoescaping, every rendered value a string, and a string
     * whose template does not compile kept as it is.
     */
    PERSCOM,

    /** No escaping, and a string that is exactly one {@code {{ expression }}} keeps the value's JSON type. */
    TYPED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a column or API value names; null for an unknown one. */
    public static RenderMode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.column().equals(value)).findFirst().orElse(null);
    }
}
