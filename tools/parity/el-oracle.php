<?php
/*
 * Oracle for the Java ExpressionLanguage (io.perscom.webhooks.automation.expression).
 *
 * Evaluates every case of a JSON file with the real Symfony ExpressionLanguage and PERSCOM's functions registered
 * as PERSCOM's ExpressionLanguageService registers them (re-implemented here from their documented behaviour),
 * inside a Laravel-like error handler (warnings and notices throw ErrorException, deprecations are ignored), and
 * prints the cases with their results as JSON.
 *
 *   php tools/parity/el-oracle.php CONTEXTS.json CASES.txt [EL_SOURCE_DIR] > RESULTS.json
 *
 * EL_SOURCE_DIR: a checkout of symfony/expression-language's sources (Lexer.php, Parser.php, Node/...) to use
 * instead of Debian's 5.4 (/usr/share/php/Symfony/Component/ExpressionLanguage). PERSCOM runs 8.0; the recorded
 * results were made with the 7.2 sources, whose evaluation is 8.0's (7.2 -> 8.0 changed no syntax nor node), as
 * Symfony 8 itself needs PHP 8.4 and Debian ships 8.2:
 *   git -C <symfony/symfony clone> archive 5feb7493c37 src/Symfony/Component/ExpressionLanguage | tar -x -C /tmp/el
 *   EL_LABEL="..." php tools/parity/el-oracle.php tools/parity/el-contexts.json tools/parity/el-cases.txt \
 *       /tmp/el/src/Symfony/Component/ExpressionLanguage > src/test/resources/expression/el-oracle-results.json
 *
 * CONTEXTS.json: {name: {variable: JSON value}}; a context's "now" is a date string, given to Carbon::parse in UTC.
 * CASES.txt: one case a line, "CONTEXT<TAB>EXPRESSION"; blank lines and lines starting with "#" are skipped;
 * in EXPRESSION, {NL} stands for a newline and {TAB} for a tab (so the lexer's whitespace handling can be tested).
 *
 * Each result is {"ok": true, "value": TAGGED} or {"ok": false, "class": ..., "message": ...}, TAGGED being
 * null, a bool, an int, a string, {"float": var_export text}, {"array": [[key, TAGGED], ...]} or {"date": ISO 8601}.
 */

declare(strict_types=1);

$contextsFile = $argv[1] ?? null;
$casesFile = $argv[2] ?? null;
$elSource = $argv[3] ?? null;
if ($casesFile === null) {
    fwrite(STDERR, "usage: php el-oracle.php CONTEXTS.json CASES.txt [EL_SOURCE_DIR]\n");
    exit(2);
}

if ($elSource !== null) {
    spl_autoload_register(static function (string $class) use ($elSource): void {
        $prefix = 'Symfony\\Component\\ExpressionLanguage\\';
        if (str_starts_with($class, $prefix)) {
            $file = $elSource.'/'.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
            if (is_file($file)) {
                require $file;
            }
        }
    }, true, true);
    require_once '/usr/share/php/Symfony/Component/Cache/autoload.php';
    require_once '/usr/share/php/Symfony/Contracts/Deprecation/autoload.php';
    require_once '/usr/share/php/Symfony/Contracts/Service/autoload.php';
} else {
    require_once '/usr/share/php/Symfony/Component/ExpressionLanguage/autoload.php';
}
require_once '/usr/share/php/Carbon/autoload.php';

use Carbon\Carbon;
use Symfony\Component\ExpressionLanguage\ExpressionLanguage;

/** Laravel's blank() helper. */
function laravel_blank(mixed $value): bool
{
    if (is_null($value)) {
        return true;
    }
    if (is_string($value)) {
        return trim($value) === '';
    }
    if (is_numeric($value) || is_bool($value)) {
        return false;
    }
    if ($value instanceof Countable) {
        return count($value) === 0;
    }
    if ($value instanceof Stringable) {
        return trim((string) $value) === '';
    }

    return empty($value);
}

function perscom_expression_language(): ExpressionLanguage
{
    $el = new ExpressionLanguage();
    $noCompile = static fn (): string => '';
    $el->register('in_array', $noCompile,
        fn ($arguments, $needle, $haystack): bool => is_array($haystack) && in_array($needle, $haystack, false));
    $el->register('contains', $noCompile,
        fn ($arguments, $haystack, $needle): bool => is_string($haystack) && is_string($needle) && str_contains($haystack, $needle));
    $el->register('starts_with', $noCompile,
        fn ($arguments, $haystack, $needle): bool => is_string($haystack) && is_string($needle) && str_starts_with($haystack, $needle));
    $el->register('ends_with', $noCompile,
        fn ($arguments, $haystack, $needle): bool => is_string($haystack) && is_string($needle) && str_ends_with($haystack, $needle));
    $el->register('changed', $noCompile, function (array $arguments, $key): bool {
        $changes = $arguments['changes'] ?? null;

        return is_array($changes) && array_key_exists($key, $changes);
    });
    $el->register('old_value', $noCompile, function (array $arguments, $key) {
        $changes = $arguments['changes'] ?? null;

        return $changes[$key]['old'] ?? null;
    });
    $el->register('new_value', $noCompile, function (array $arguments, $key) {
        $changes = $arguments['changes'] ?? null;

        return $changes[$key]['new'] ?? null;
    });
    $el->register('blank', $noCompile, fn ($arguments, $value): bool => laravel_blank($value));
    $el->register('filled', $noCompile, fn ($arguments, $value): bool => !laravel_blank($value));

    return $el;
}

function tag(mixed $value): mixed
{
    if (is_float($value)) {
        return ['float' => var_export($value, true)];
    }
    if (is_array($value)) {
        $pairs = [];
        foreach ($value as $k => $v) {
            $pairs[] = [$k, tag($v)];
        }

        return ['array' => $pairs];
    }
    if ($value instanceof DateTimeInterface) {
        return ['date' => $value->format('Y-m-d\TH:i:s.uP')];
    }
    if (is_object($value)) {
        return ['object' => get_class($value)];
    }
    if (is_string($value) && !mb_check_encoding($value, 'UTF-8')) {
        return ['bytes' => bin2hex($value)];
    }

    return $value;
}

/** Messages without the file paths and closure names that differ between installations. */
function normalize_message(string $message): string
{
    $message = preg_replace('/, called in \S+ on line \d+/', '', $message);
    $message = preg_replace('/ in \S+ on line \d+/', '', $message);
    $message = preg_replace('/function [^ ]*\{closure[^}]*\}\(\)/', 'function {closure}()', $message);

    return $message;
}

function context_values(array $context): array
{
    if (isset($context['now']) && is_string($context['now'])) {
        $context['now'] = Carbon::parse($context['now'], 'UTC');
    }

    return $context;
}

set_error_handler(static function (int $level, string $message, string $file = '', int $line = 0): bool {
    if (in_array($level, [E_DEPRECATED, E_USER_DEPRECATED], true)) {
        return true;
    }
    if (error_reporting() & $level) {
        throw new ErrorException($message, 0, $level, $file, $line);
    }

    return true;
});
ini_set('pcre.jit', '0');

$contexts = json_decode(file_get_contents($contextsFile), true, 512, JSON_THROW_ON_ERROR);
$cases = [];
foreach (file($casesFile, FILE_IGNORE_NEW_LINES) as $line) {
    if (trim($line) === '' || str_starts_with($line, '#')) {
        continue;
    }
    [$context, $expression] = explode("\t", $line, 2);
    $cases[] = ['context' => $context, 'expression' => strtr($expression, ['{NL}' => "\n", '{TAB}' => "\t"])];
}
$results = [];
foreach ($cases as $case) {
    $el = perscom_expression_language(); // fresh: Symfony keeps short-circuit state in cached nodes
    $values = context_values($contexts[$case['context']]);
    try {
        $value = $el->evaluate($case['expression'], $values);
        $results[] = $case + ['ok' => true, 'value' => tag($value)];
    } catch (Throwable $e) {
        $class = $e instanceof ErrorException ? 'ErrorException' : get_class($e);
        $results[] = $case + ['ok' => false, 'class' => $class, 'message' => normalize_message($e->getMessage())];
    }
}

echo json_encode([
    'engine' => $elSource !== null ? (getenv('EL_LABEL') ?: 'symfony/expression-language sources in '.$elSource) : 'symfony/expression-language 5.4 (Debian)',
    'php' => PHP_VERSION,
    'contexts' => $contexts,
    'results' => $results,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR), "\n";
