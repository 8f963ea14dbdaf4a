package io.perscom.webhooks.automation.twig;

/** Twig\Markup: a string already safe for output (the result of a {@code set} capture block). */
record Markup(String content) {
    @Override
    public String toString() {
        return content;
    }
}
