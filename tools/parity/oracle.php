<?php
/*
 * PHP parity oracle (issue 12): renders the Twig corpus with real Twig, evaluates the condition corpus with real
 * Symfony ExpressionLanguage and encodes the payload corpus with PHP's own json_encode / http_build_query, the way
 * PERSCOM does, and writes what PHP produced to expected-*.json.
 *
 * Usage: php tools/parity/oracle.php <corpus-dir> <output-dir>
 * Needs Debian's php-cli php-twig php-symfony-expression-language php-nesbot-carbon php-mbstring php-intl
 * (see README.md). Nothing here is copied from PERSCOM: the PERSCOM-specific parts (MathExtension filters,
 * ExpressionLanguageService functions, Laravel's error handler and blank()) are re-written from their semantics.
 */

// PARITY_TWIG_AUTOLOAD: run the corpus against another Twig checkout (e.g. a newer release) to see what changes.
require getenv('PARITY_TWIG_AUTOLOAD') ?: '/usr/share/php/Twig/autoload.php';
// PARITY_EL_AUTOLOAD: the same for another ExpressionLanguage checkout.
require getenv('PARITY_EL_AUTOLOAD') ?: '/usr/share/php/Symfony/Component/ExpressionLanguage/autoload.php';
require '/usr/share/php/Carbon/autoload.php';
require __DIR__ . '/lib/PerscomRuntime.php';
require __DIR__ . '/lib/Results.php';

use Parity\PerscomRuntime;
use Parity\Results;

if ($argc !== 3) {
    fwrite(STDERR, "usage: php oracle.php <corpus-dir> <output-dir>\n");
    exit(2);
}
[$corpusDir, $outputDir] = [$argv[1], $argv[2]];

PerscomRuntime::configurePhp();

$baseContext = Results::readJson("$corpusDir/context.json");
$twig = PerscomRuntime::twig();
$expressions = PerscomRuntime::expressionLanguage();

$header = [
    'generator' => 'tools/parity/oracle.php',
    'php' => PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION,
    'twig' => \Twig\Environment::VERSION,
    'expression_language' => '5.4',
];

$templates = [];
foreach (Results::readJson("$corpusDir/templates.json") as $case) {
    $context = PerscomRuntime::context($baseContext, $case['context'] ?? null);
    $entry = ['id' => $case['id'], 'result' => Results::renderTwig($twig, $case['template'], $context)];
    if (!str_contains($case['template'], '{{')) {
        // PERSCOM's AutomationService returns such a value as it is, without rendering it.
        $entry['perscom_keeps_raw'] = true;
    }
    $templates[] = $entry;
}
Results::writeJson("$outputDir/expected-templates.json", $header + ['cases' => $templates]);

$conditions = [];
foreach (Results::readJson("$corpusDir/conditions.json") as $case) {
    $values = PerscomRuntime::context($baseContext, $case['context'] ?? null);
    $entry = ['id' => $case['id'], 'result' => Results::evaluateExpression($expressions, $case['expression'], $values)];
    if (str_contains($case['deviation'] ?? '', 'dot-on-array')) {
        $rewritten = PerscomRuntime::dotToBrackets($case['expression']);
        $entry['documented_as'] = $rewritten;
        $entry['documented'] = Results::evaluateExpression($expressions, $rewritten, $values);
    }
    $conditions[] = $entry;
}
Results::writeJson("$outputDir/expected-conditions.json", $header + ['cases' => $conditions]);

$payloads = [];
foreach (Results::readJson("$corpusDir/payloads.json", false) as $case) {
    $payloads[] = ['id' => $case->id] + Results::encodePayload($case->payload);
}
Results::writeJson("$outputDir/expected-payloads.json", $header + ['cases' => $payloads]);
