package io.perscom.webhooks.automation.php;

import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/** PCRE2's wording for the pattern errors java.util.regex reports differently ("... at offset n"). */
final class JavaRegexErrors {

    private JavaRegexErrors() {
    }

    static String describe(PatternSyntaxException e, int patternLength) {
        String description = e.getDescription();
        int index = Math.max(0, e.getIndex());
        if (description.startsWith("Unclosed group")) {
            return "missing closing parenthesis at offset " + patternLength;
        }
        if (description.startsWith("Unmatched closing ')'")) {
            return "unmatched closing parenthesis at offset " + (index + 1);
        }
        if (description.startsWith("Dangling meta character")) {
            return "quantifier does not follow a repeatable item at offset " + index;
        }
        if (description.startsWith("Unclosed character class")) {
            return "missing terminating ] for character class at offset " + patternLength;
        }
        if (description.startsWith("Illegal repetition range") || description.startsWith("Illegal repetition")) {
            return "numbers out of order in {} quantifier at offset " + index;
        }
        if (description.startsWith("Look-behind group does not have an obvious maximum length")) {
            return "lookbehind assertion is not fixed length at offset " + index;
        }
        if (description.startsWith("Illegal/unsupported escape sequence")) {
            return "unrecognized character follows \\ at offset " + (index + 1);
        }
        if (description.startsWith("Unknown character property") || description.startsWith("Unknown Unicode property")) {
            return "unknown property name after \\P or \\p at offset " + index;
        }
        return description.toLowerCase(Locale.ROOT) + " at offset " + index;
    }
}
