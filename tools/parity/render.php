<?php
/*
 * Renders Twig test cases with PHP Twig configured like PERSCOM (TwigServiceProvider + AutomationService):
 * autoescape 'html', strict_variables off, SandboxExtension registered but not sandboxed, PERSCOM's increment /
 * decrement filters and widgetUrl() function, UTC default timezone, and warnings turned into exceptions the way
 * Laravel's HandleExceptions does (so "Array to string conversion" fails the render, as it does in PERSCOM).
 *
 * Usage: php tools/parity/render.php cases.json > results.json
 * cases.json: [{"name": "...", "template": "...", "context": {...}, "dates": {"now": "2024-05-06T07:08:09Z"}}]
 *   "dates" entries become Carbon instances (UTC) in the context.
 * Output: [{"name": "...", "output": "..."} | {"name": "...", "error": "..."(message), "kind": "syntax|runtime"}]
 */

require_once '/usr/share/php/Twig/autoload.php';
require_once '/usr/share/php/Carbon/autoload.php';

use Carbon\Carbon;
use Twig\Environment;
use Twig\Error\SyntaxError;
use Twig\Extension\SandboxExtension;
use Twig\Loader\ArrayLoader;
use Twig\Sandbox\SecurityPolicy;
use Twig\TwigFilter;
use Twig\TwigFunction;

date_default_timezone_set('UTC');

require_once __DIR__.'/MathExtension.php';
error_reporting(E_ALL);
set_error_handler(function (int $level, string $message, string $file = '', int $line = 0) {
    if ($level & (E_DEPRECATED | E_USER_DEPRECATED)) {
        return true; // Laravel logs deprecations instead of throwing
    }
    throw new ErrorException($message, 0, $level, $file, $line);
});

$env = new Environment(new ArrayLoader([]), ['autoescape' => 'html', 'cache' => false]);
$env->addExtension(new SandboxExtension(new SecurityPolicy(['apply', 'if', 'for', 'set'])));
$env->addExtension(new \App\Support\Twig\Extensions\MathExtension());
$env->addFunction(new TwigFunction('widgetUrl', fn (): ?string => 'https://widget.example.test'));

$cases = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);
$results = [];
foreach ($cases as $case) {
    $context = $case['context'] ?? [];
    foreach ($case['dates'] ?? [] as $key => $value) {
        $context[$key] = Carbon::parse($value, 'UTC');
    }
    $result = ['name' => $case['name']];
    try {
        $result['output'] = $env->createTemplate($case['template'])->render($context);
    } catch (SyntaxError $e) {
        $result['error'] = $e->getRawMessage();
        $result['kind'] = 'syntax';
    } catch (Throwable $e) {
        $previous = $e->getPrevious();
        $result['error'] = $previous ? $previous->getMessage() : ($e instanceof \Twig\Error\Error ? $e->getRawMessage() : $e->getMessage());
        $result['kind'] = 'runtime';
    }
    $results[] = $result;
}
echo json_encode($results, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
