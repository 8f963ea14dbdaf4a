<?php

namespace Parity;

use Symfony\Component\ExpressionLanguage\ExpressionLanguage;
use Symfony\Component\ExpressionLanguage\SyntaxError as ExpressionSyntaxError;
use Twig\Environment;
use Twig\Error\Error as TwigError;
use Twig\Error\LoaderError;
use Twig\Error\SyntaxError as TwigSyntaxError;

/** Runs one corpus case and describes PHP's outcome as JSON-ready data. */
final class Results
{
    public static function readJson(string $path, bool $assoc = true): mixed
    {
        return json_decode(file_get_contents($path), $assoc, 512, JSON_THROW_ON_ERROR);
    }

    public static function writeJson(string $path, array $data): void
    {
        $flags = JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION
            | JSON_THROW_ON_ERROR;
        file_put_contents($path, json_encode($data, $flags) . "\n");
    }

    /** Like AutomationService: createTemplate()->render(); LoaderError/SyntaxError mean "keep the raw string". */
    public static function renderTwig(Environment $twig, string $source, array $context): array
    {
        try {
            return ['kind' => 'output', 'output' => $twig->createTemplate($source)->render($context)];
        } catch (TwigSyntaxError|LoaderError $e) {
            return ['kind' => 'syntax_error', 'class' => get_class($e), 'message' => $e->getRawMessage(),
                'line' => $e->getTemplateLine()];
        } catch (\Throwable $e) {
            return self::error($e);
        }
    }

    /** Like ExpressionLanguageService::evaluate(): parse with the context's names, then evaluate. */
    public static function evaluateExpression(ExpressionLanguage $language, string $expression, array $values): array
    {
        try {
            $parsed = $language->parse($expression, array_keys($values));
        } catch (ExpressionSyntaxError $e) {
            return ['kind' => 'syntax_error', 'class' => get_class($e), 'message' => $e->getMessage()];
        }
        try {
            return self::value($language->evaluate($parsed, $values));
        } catch (\Throwable $e) {
            return self::error($e);
        }
    }

    /** What spatie/laravel-webhook-server sends: json_encode($payload) as POST body, Guzzle's query for GET. */
    public static function encodePayload(mixed $payload): array
    {
        $json = json_encode($payload);

        return [
            'json' => $json === false ? null : $json,
            'json_error' => $json === false ? json_last_error_msg() : null,
            'query' => http_build_query($payload, '', '&', PHP_QUERY_RFC3986),
        ];
    }

    private static function value(mixed $value): array
    {
        $json = json_encode($value);

        return array_filter([
            'kind' => 'value',
            'type' => $value instanceof \DateTimeInterface ? 'date' : get_debug_type($value),
            'json' => $json === false ? null : $json,
            'json_error' => $json === false ? json_last_error_msg() : null,
        ], static fn ($v) => $v !== null);
    }

    private static function error(\Throwable $e): array
    {
        $error = ['kind' => 'error', 'class' => get_class($e),
            'message' => self::portable($e instanceof TwigError ? $e->getRawMessage() : $e->getMessage())];
        if ($e->getPrevious() !== null) {
            $error['cause'] = ['class' => get_class($e->getPrevious()),
                'message' => self::portable($e->getPrevious()->getMessage())];
        }

        return $error;
    }

    /** Messages must not depend on where the checkout lives: keep only a file's base name. */
    private static function portable(string $message): string
    {
        return preg_replace('#/(?:[^/\s"]+/)+([^/\s"]+\.php)#', '$1', $message);
    }
}
