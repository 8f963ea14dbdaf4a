package io.perscom.webhooks.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Well-formed JSON holding a value that could not be carried onwards: a number that parses to an infinity
 * ({@code 1e400}) or a string with half a UTF-16 surrogate pair ({@code "\}{@code ud800"}, which no UTF-8 text can
 * hold). A field error located by Jackson's path like any other mapping error; a mismatched input, because the REST
 * layer's JSON reader passes those on to the exception mappers unwrapped.
 */
final class UnrepresentableInput extends MismatchedInputException {

    static final String NUMBER = "number out of range";
    static final String TEXT = "must be valid Unicode text";

    UnrepresentableInput(JsonParser parser, String message) {
        super(parser, message);
    }

    /** {@code text} with each lone surrogate replaced by U+FFFD, so it can be written (a path naming the field). */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} has a surrogate that is not half of a pair in order. */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
