package io.perscom.webhooks.automation.expression;

/**
 * One token of an expression. {@code cursor} is Symfony's: the 1-based byte offset of the token in the expression
 * (the "around position N" of syntax errors). {@code value} is a String, or a Long/Double for numbers, or null at the
 * end of the expression.
 */
record Token(Type type, Object value, int cursor) {

    /** The token types, named as Symfony's Token constants print them in error messages. */
    enum Type {
        EOF("end of expression"),
        NAME("name"),
        NUMBER("number"),
        STRING("string"),
        OPERATOR("operator"),
        PUNCTUATION("punctuation");

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    boolean test(Type expected) {
        return type == expected;
    }

    boolean test(Type expected, String expectedValue) {
        return type == expected && expectedValue.equals(value);
    }
}
