package io.perscom.webhooks.automation.php;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A translated PCRE pattern.
 *
 * @param pattern the java.util.regex pattern
 * @param utf8 whether the {@code u} modifier was given (else subjects are matched as bytes)
 * @param groupNames PCRE name of each capturing group by number (null for unnamed ones, index 0 = whole match)
 */
record RegexTranslation(Pattern pattern, boolean utf8, List<String> groupNames) {
}
