<?php
/*
 * Compares a run of the oracle on newer Twig / EL checkouts with the committed (Debian) results and the corpus's
 * twig3_24 / el8 markers: every case that changes must carry a marker, and every marker must match the newer run.
 * Error classes and wording are not compared (the Java test compares them loosely too).
 * Usage: php compare-markers.php <corpus-dir> <newer-output-dir>
 */
[$corpus, $newer] = [$argv[1], $argv[2]];
$read = static fn (string $path): array => json_decode(file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
// Twig syntax-error wording is compared loosely (as in PhpParityTest), EL's exactly.
$shape = static fn (array $r, bool $exactSyntax): array => match ($r['kind']) {
    'output' => ['output', $r['output']],
    'value' => ['value', $r['type'], $r['json']],
    'syntax_error' => $exactSyntax && isset($r['message']) ? ['syntax_error', $r['message']] : ['syntax_error'],
    default => [$r['kind']],
};
$problems = 0;
foreach (['templates' => 'twig3_24', 'conditions' => 'el8'] as $name => $marker) {
    $cases = $read("$corpus/$name.json");
    $debian = array_column($read("$corpus/expected-$name.json")['cases'], null, 'id');
    $run = $read("$newer/expected-$name.json");
    $newerById = array_column($run['cases'], null, 'id');
    $version = $name === 'templates' ? 'Twig ' . $run['twig'] : 'EL checkout';
    foreach ($cases as $case) {
        $id = $case['id'];
        if (($case['el8_from'] ?? null) === 'docs' || (isset($case['deviation']) && str_contains($case['expression'], '?.'))) {
            continue; // newer than the checkout, or not expressible with brackets: taken from the docs
        }
        $pick = static fn (array $entry): array => isset($entry['documented'])
            && $entry['documented']['kind'] !== 'syntax_error' ? $entry['documented'] : $entry['result'];
        $now = $pick($newerById[$id]);
        $old = $pick($debian[$id]);
        $exact = $name === 'conditions';
        $nowShape = $shape($now, $exact);
        if (isset($case[$marker])) {
            $want = $shape($case[$marker], $exact);
            if ($want[0] === 'syntax_error' && count($want) === 1) {
                $nowShape = ['syntax_error'];
            }
            if ($nowShape !== $want) {
                echo "$id: $marker says " . json_encode($case[$marker]) . ", $version gives " . json_encode($now) . "\n";
                $problems++;
            }
        } elseif ($shape($old, $exact) !== $nowShape) {
            echo "$id: changes in $version without a $marker marker: " . json_encode($now) . "\n";
            $problems++;
        }
    }
}
echo $problems === 0 ? "markers agree with the newer versions\n" : "$problems case(s) to review\n";
exit($problems === 0 ? 0 : 1);
