package io.perscom.webhooks.automation.twig;

/** A template that Twig would reject at compile time (or that we refuse on purpose). Message formatted like Twig's. */
public class TwigSyntaxError extends Exception {
    private final int line;
    private final String rawMessage;

    public TwigSyntaxError(String rawMessage, int line) {
        super(format(rawMessage, line));
        this.rawMessage = rawMessage;
        this.line = line;
    }

    public int line() {
        return line;
    }

    public String rawMessage() {
        return rawMessage;
    }

    /** Twig's Error::updateRepr for a template without a name: " at line N" goes before a final dot or question mark. */
    private static String format(String raw, int line) {
        String message = raw;
        String tail = "";
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
            tail = ".";
        }
        if (message.endsWith("?")) {
            message = message.substring(0, message.length() - 1);
            tail = "?" + tail;
        }
        if (line > 0) {
            message += " at line " + line;
        }
        return message + tail;
    }
}
