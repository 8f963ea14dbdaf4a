package io.perscom.webhooks.automation.engine;

/**
 * A text that gives up reading past a deadline: regular expressions from admins ({@code matches}) run against it, so
 * a catastrophically backtracking pattern ends with an error instead of holding a thread.
 */
final class Deadline implements CharSequence {

    private final CharSequence text;
    private final long deadlineNanos;

    Deadline(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((index & 0xFF) == 0 && System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("evaluation took too long");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new Deadline(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
