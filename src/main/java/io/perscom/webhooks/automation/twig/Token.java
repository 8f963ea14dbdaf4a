package io.perscom.webhooks.automation.twig;

/** One lexer token; {@code value} is a String, or a Long/Double for numbers. */
record Token(Type type, Object value, int line) {

    enum Type {
        EOF("end of template"), TEXT("text"), BLOCK_START("begin of statement block"),
        VAR_START("begin of print statement"), BLOCK_END("end of statement block"), VAR_END("end of print statement"),
        NAME("name"), NUMBER("number"), STRING("string"), OPERATOR("operator"), PUNCTUATION("punctuation"),
        INTERPOLATION_START("begin of string interpolation"), INTERPOLATION_END("end of string interpolation"),
        ARROW("arrow function");

        final String english;

        Type(String english) {
            this.english = english;
        }
    }

    boolean test(Type t) {
        return type == t;
    }

    boolean test(Type t, String v) {
        return type == t && v.equals(value);
    }

    String text() {
        return value instanceof String s ? s : String.valueOf(value);
    }
}
