package io.perscom.webhooks.automation.php;

/** A CharSequence that charges one budget step per character read: the regex engine cannot outrun the budget. */
final class StepCountingCharSequence implements CharSequence {

    private final CharSequence text;
    private final Budget budget;

    StepCountingCharSequence(CharSequence text, Budget budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        budget.tick(1, "regex");
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        budget.tick(end - start, "regex");
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
