<?php

namespace Parity;

use Carbon\Carbon;
use ErrorException;
use Symfony\Component\ExpressionLanguage\ExpressionLanguage;
use Twig\Environment;
use Twig\Extension\AbstractExtension;
use Twig\Loader\ArrayLoader;
use Twig\TwigFilter;

/** The PHP side configured the way PERSCOM runs it (Laravel app, UTC, Twig autoescape html, its EL functions). */
final class PerscomRuntime
{
    public static function configurePhp(): void
    {
        date_default_timezone_set('UTC');          // PERSCOM's app.timezone
        ini_set('precision', '14');                // PHP defaults, stated so a local php.ini cannot change them
        ini_set('serialize_precision', '-1');
        error_reporting(E_ALL);
        // Laravel's HandleExceptions: every warning/notice becomes an ErrorException, deprecations are only logged,
        // and errors silenced with @ (not in error_reporting()) are ignored.
        set_error_handler(static function (int $level, string $message, string $file = '', int $line = 0): bool {
            if (in_array($level, [E_DEPRECATED, E_USER_DEPRECATED], true)) {
                return true;
            }
            if (error_reporting() & $level) {
                throw new ErrorException($message, 0, $level, $file, $line);
            }

            return false;
        });
    }

    /** PERSCOM's TwigServiceProvider: autoescape html, not strict; its SandboxExtension is registered but not enabled. */
    public static function twig(): Environment
    {
        $twig = new Environment(new ArrayLoader([]), [
            'autoescape' => 'html',
            'strict_variables' => false,
            'debug' => false,
            'cache' => false,
        ]);
        $twig->addExtension(new MathFilters());

        return $twig;
    }

    /** ExpressionLanguageService's functions, written from their documented behaviour. */
    public static function expressionLanguage(): ExpressionLanguage
    {
        $language = new ExpressionLanguage();
        $noCompile = static fn (): string => throw new \LogicException('the oracle only evaluates');
        $changes = static fn (array $variables) => $variables['changes'] ?? null;
        $functions = [
            'in_array' => static fn ($variables, $needle, $haystack): bool => is_array($haystack) && in_array($needle, $haystack),
            'contains' => static fn ($variables, $haystack, $needle): bool => is_string($haystack) && is_string($needle) && str_contains($haystack, $needle),
            'starts_with' => static fn ($variables, $haystack, $needle): bool => is_string($haystack) && is_string($needle) && str_starts_with($haystack, $needle),
            'ends_with' => static fn ($variables, $haystack, $needle): bool => is_string($haystack) && is_string($needle) && str_ends_with($haystack, $needle),
            'changed' => static fn ($variables, $key): bool => is_array($changes($variables)) && array_key_exists($key, $changes($variables)),
            'old_value' => static fn ($variables, $key) => $changes($variables)[$key]['old'] ?? null,
            'new_value' => static fn ($variables, $key) => $changes($variables)[$key]['new'] ?? null,
            'blank' => static fn ($variables, $value): bool => self::blank($value),
            'filled' => static fn ($variables, $value): bool => !self::blank($value),
        ];
        foreach ($functions as $name => $evaluator) {
            $language->register($name, $noCompile, $evaluator);
        }

        return $language;
    }

    /** Laravel's blank() helper semantics. */
    public static function blank(mixed $value): bool
    {
        return match (true) {
            $value === null => true,
            is_string($value) => trim($value) === '',
            is_numeric($value), is_bool($value) => false,
            $value instanceof \Countable => count($value) === 0,
            $value instanceof \Stringable => trim((string) $value) === '',
            default => empty($value),
        };
    }

    /**
     * AutomationContextData::toExpressionArray() for a record decoded from JSON (json_decode(..., true), like
     * Model::toArray()), with a case's top-level overrides; `now` is a Carbon instant in UTC like Date::now().
     */
    public static function context(array $base, ?array $overrides): array
    {
        $context = array_replace($base, $overrides ?? []);
        if (isset($context['now'])) {
            $context['now'] = Carbon::parse($context['now'])->setTimezone('UTC');
        }

        return $context;
    }

    /**
     * `model.status` -> `model["status"]` outside string literals, except on `now` (a Carbon object) and method
     * calls: the value this service documents for dot access on arrays, which real EL rejects.
     */
    public static function dotToBrackets(string $expression): string
    {
        $out = '';
        $length = strlen($expression);
        $root = null;
        for ($i = 0; $i < $length; $i++) {
            $char = $expression[$i];
            if ($char === '"' || $char === "'") {
                $end = $i + 1;
                while ($end < $length && $expression[$end] !== $char) {
                    $end += $expression[$end] === '\\' ? 2 : 1;
                }
                $out .= substr($expression, $i, $end - $i + 1);
                $i = $end;
                $root = null;
                continue;
            }
            if ($char === '.' && preg_match('/\G\.([A-Za-z_]\w*)(?!\w)(\s*\()?/', $expression, $m, 0, $i)
                && ($i === 0 || $expression[$i - 1] !== '.' && $expression[$i - 1] !== '?')
                && empty($m[2]) && $root !== 'now') {
                $out .= '["' . $m[1] . '"]';
                $i += strlen($m[0]) - 1;
                continue;
            }
            if (preg_match('/\G[A-Za-z_]\w*/', $expression, $m, 0, $i)
                && ($i === 0 || !preg_match('/[\w.\]]/', $expression[$i - 1]))) {
                $root = $m[0];
                $out .= $m[0];
                $i += strlen($m[0]) - 1;
                continue;
            }
            $out .= $char;
        }

        return $out;
    }
}

/** PERSCOM's MathExtension filters, from their semantics: a non-numeric value counts as 0. */
final class MathFilters extends AbstractExtension
{
    public function getFilters(): array
    {
        return [
            new TwigFilter('increment', static fn (mixed $value, int|float $amount = 1): int|float => is_numeric($value) ? $value + $amount : $amount),
            new TwigFilter('decrement', static fn (mixed $value, int|float $amount = 1): int|float => is_numeric($value) ? $value - $amount : -$amount),
        ];
    }
}
