/**
 * The PHP 8.2 runtime the Twig and ExpressionLanguage interpreters share: the value model (null, Boolean, Long,
 * Double, String, {@link io.perscom.webhooks.automation.php.PhpArray}, {@link io.perscom.webhooks.automation.php.PhpDate}),
 * PHP's conversions, comparison and arithmetic ({@link io.perscom.webhooks.automation.php.Php}), json_encode /
 * json_decode ({@link io.perscom.webhooks.automation.php.Json}), PCRE patterns on java.util.regex
 * ({@link io.perscom.webhooks.automation.php.PhpRegex}) and the string and array functions Twig's filters call
 * ({@link io.perscom.webhooks.automation.php.PhpStrings}, {@link io.perscom.webhooks.automation.php.PhpArrays}).
 *
 * <p>Semantics are PHP 8.2's as run by PERSCOM (Laravel): a PHP warning ("Array to string conversion", "A non-numeric
 * value encountered", "strtr(): Ignoring replacement of empty string", preg_match's compile warnings) raises
 * {@link io.perscom.webhooks.automation.php.PhpError}, because Laravel turns warnings into exceptions; deprecations
 * are ignored, because Laravel only logs them. tools/parity/php-runtime-cases.php records what real PHP returns for
 * each function; PhpRuntimeParityTest replays it.
 *
 * <p>Every evaluation carries a {@link io.perscom.webhooks.automation.php.Budget}: functions that build strings or
 * arrays check the size before building them, regular expressions count every character they read, and a bound
 * that is crossed throws {@link io.perscom.webhooks.automation.php.LimitExceeded}.
 *
 * <p>Plain Java (no CDI, no reflection), usable in a native image.
 */
package io.perscom.webhooks.automation.php;
