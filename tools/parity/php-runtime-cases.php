<?php
/*
 * Generates src/test/resources/php-runtime/cases.jsonl: inputs and the outputs real PHP gives for them, read by
 * io.perscom.webhooks.automation.php.PhpRuntimeParityTest. Run from the repository root:
 *   php tools/parity/php-runtime-cases.php > src/test/resources/php-runtime/cases.jsonl
 * Needs php-cli 8.2 with mbstring, and Carbon (/usr/share/php/Carbon/autoload.php).
 *
 * Warnings become exceptions, as in PERSCOM (Laravel's HandleExceptions turns them into ErrorException);
 * deprecations are ignored, as Laravel only logs them.
 *
 * Typed values (both inputs and outputs): ["n"], ["b", true], ["i", "123"], ["f", "0.1"|"INF"|"-INF"|"NAN"],
 * ["s", "text"], ["a", [[key, value], ...]] with typed keys and values.
 */
require_once '/usr/share/php/Carbon/autoload.php';

use Carbon\Carbon;

set_error_handler(function (int $level, string $message) {
    if ($level === E_DEPRECATED || $level === E_USER_DEPRECATED) {
        return true;
    }
    throw new ErrorException($message, 0, $level);
});
date_default_timezone_set('UTC');

function t($v)
{
    if ($v === null) return ['n'];
    if (is_bool($v)) return ['b', $v];
    if (is_int($v)) return ['i', (string) $v];
    if (is_float($v)) {
        if (is_nan($v)) return ['f', 'NAN'];
        if (is_infinite($v)) return ['f', $v > 0 ? 'INF' : '-INF'];
        return ['f', var_export($v, true)];
    }
    if (is_string($v)) return ['s', $v];
    if (is_array($v)) {
        $pairs = [];
        foreach ($v as $k => $x) $pairs[] = [t($k), t($x)];
        return ['a', $pairs];
    }
    throw new LogicException('untyped ' . get_debug_type($v));
}

function emit(string $kind, array $in, callable $fn)
{
    try {
        $out = ['ok' => t($fn())];
    } catch (Throwable $e) {
        $out = ['error' => $e->getMessage()];
    }
    echo json_encode(['kind' => $kind, 'in' => $in] + $out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION | JSON_INVALID_UTF8_SUBSTITUTE | JSON_THROW_ON_ERROR), "\n";
}

$scalars = [null, true, false, 0, 1, -1, 42, PHP_INT_MAX, PHP_INT_MIN, 0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 100.0,
    1e15, 1e20, 1.5e-7, 1/3, 0.1 + 0.2, INF, -INF, NAN, '', '0', '1', '01', '1.0', '10', '1e1', '1e3', ' 1', '1 ',
    'abc', 'ABC', 'a', 'b', '-0', '0.0', '1abc', ' ', 'null', '9223372036854775808', '.5', '5.', 'INF', '0x1A',
    "\n1", '1e', '-1e-2', 'é', 'Z', 'ä', [], [1], [1, 2], ['a' => 1], ['1'], [0 => 'a', 1 => 'b'], [1 => 'b', 0 => 'a'],
    [[1]], ['x' => null]];

// (string) conversion
foreach ($scalars as $v) {
    emit('tostr', [t($v)], fn() => (string) $v);
    emit('tobool', [t($v)], fn() => (bool) $v);
    if (!is_array($v)) {
        emit('toint', [t($v)], fn() => (int) $v);
        emit('tofloat', [t($v)], fn() => (float) $v);
        emit('isnumeric', [t($v)], fn() => is_numeric($v));
    }
}
foreach ([2.5, 1e14, 1e13, 123456789012345.0, 1234567890123456789.0, 0.00001, 0.0001, -1e-10, 1.23456789012345678,
             3.0e-5, 255.0, 1e100, 2**53, 2**64, 0.30000000000000004, 1e22, 1e21, 123e-20, 7.0E-10, 99999999999999.9,
             999999999999999.0, 0.1 + 0.7, 4.35 * 100] as $f) {
    emit('tostr', [t($f)], fn() => (string) $f);
    emit('json', [t($f), ['i', '0']], fn() => json_encode($f));
}

// == === <=> across types
foreach ($scalars as $a) {
    foreach ($scalars as $b) {
        emit('compare', [t($a), t($b)], fn() => [$a == $b, $a === $b, $a <=> $b, $a < $b, $a > $b]);
    }
}

// arithmetic
$operands = [null, true, false, 0, 1, -7, 3, 7, 2, PHP_INT_MAX, PHP_INT_MIN, 1.5, -2.5, 0.0, 0.1, '5', '1.5',
    ' 2', '5 apples', 'abc', '', '1e3', [], [1, 2], ['a' => 1, 0 => 9], 10, -3, 1e308, 2.0, 63, 64, -1];
$ops = [
    '+' => fn($a, $b) => $a + $b,
    '-' => fn($a, $b) => $a - $b,
    '*' => fn($a, $b) => $a * $b,
    '/' => fn($a, $b) => $a / $b,
    '%' => fn($a, $b) => $a % $b,
    '**' => fn($a, $b) => $a ** $b,
];
foreach ($ops as $op => $fn) {
    foreach ($operands as $a) {
        foreach ($operands as $b) {
            emit('arith', [['s', $op], t($a), t($b)], fn() => $fn($a, $b));
        }
    }
}
foreach ($operands as $a) {
    emit('neg', [t($a)], fn() => -$a);
}

// json_encode
$jsonValues = [null, true, false, 0, -5, PHP_INT_MAX, 0.1, 1.0, -0.0, 1e25, 1e15, 1e16, 1e17, 0.1 + 0.2, 1.5e-7,
    100.0, 3.0e-5, INF, NAN, '', 'a/b', 'ä€😀', "ctrl\x01\x1f\x7f\t\n\r\x08\x0c", '<a href="x">&\'', "\u{2028}\u{2029}",
    'quote"back\\slash', [], [1, 2, 3], [1 => 1, 2 => 2], [0 => 'a', 2 => 'b'], ['a' => 1, 'b' => [true, null]],
    ['x' => [], 'y' => ['z' => 1.0]], [[[]]], ['1' => 'one', '01' => 'zero-one'], ['' => 'empty'], '12', '1.0', '-3e2'];
foreach ($jsonValues as $v) {
    foreach ([0, JSON_PRETTY_PRINT, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT,
                 JSON_FORCE_OBJECT, JSON_NUMERIC_CHECK, JSON_PRESERVE_ZERO_FRACTION, JSON_UNESCAPED_UNICODE,
                 JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_LINE_TERMINATORS, JSON_PARTIAL_OUTPUT_ON_ERROR] as $flags) {
        emit('json', [t($v), ['i', (string) $flags]], function () use ($v, $flags) {
            $r = json_encode($v, $flags);
            return $r === false ? 'FALSE:' . json_last_error_msg() : $r;
        });
    }
}
emit('json', [t([[[1]]]), ['i', '0'], ['i', '2']], function () {
    $r = json_encode([[[1]]], 0, 2);
    return $r === false ? 'FALSE:' . json_last_error_msg() : $r;
});
emit('json-decode', [['s', '{"a":1,"b":[1,2.0,"x",null,true],"1":{"c":1e2},"big":123456789012345678901234567890,"neg":-0,"f":1.5e-7}']],
    fn() => json_decode('{"a":1,"b":[1,2.0,"x",null,true],"1":{"c":1e2},"big":123456789012345678901234567890,"neg":-0,"f":1.5e-7}', true));

// date() format letters
$letters = str_split('dDjlNSwzWFmMntLoYyaABgGhHisuveIOPpTZcrUXx');
$dates = [
    ['2024-02-29 13:05:09.123456', 'UTC'], ['2024-01-01 00:00:00', 'Europe/Berlin'], ['2021-01-03 23:59:59', 'America/New_York'],
    ['2020-12-31 12:00:00', 'Asia/Kolkata'], ['2026-03-29 02:30:00', 'Europe/Berlin'], ['2026-07-04 09:07:08.5', 'America/New_York'],
    ['2015-12-28 00:00:00', 'UTC'], ['2027-01-01 00:00:00', 'UTC'], ['2010-01-03 18:00:00', 'Asia/Kolkata'], ['1999-11-11 11:11:11', 'UTC'],
    ['2023-11-05 01:30:00', 'America/New_York'], ['2024-12-30 07:00:00', 'Europe/Berlin'], ['1969-12-31 23:59:59', 'UTC'],
    ['2024-06-21 12:00:00', 'Asia/Dubai'], ['2024-06-22 12:00:00', 'Australia/Lord_Howe'], ['2000-02-29 00:00:00', 'America/Sao_Paulo'],
];
foreach ($dates as [$text, $zone]) {
    $d = new DateTimeImmutable($text, new DateTimeZone($zone));
    $in = [['s', $text], ['s', $zone]];
    foreach ($letters as $letter) {
        emit('date-format', array_merge($in, [['s', $letter]]), fn() => $d->format($letter));
    }
    emit('date-format', array_merge($in, [['s', 'l jS \o\f F Y h:i:s A \\\\ \Y']]), fn() => $d->format('l jS \o\f F Y h:i:s A \\\\ \Y'));
    $c = Carbon::parse($text, $zone);
    emit('carbon', $in, fn() => [(string) $c, $c->toDateString(), $c->toDateTimeString(), $c->toIso8601String(),
        json_encode($c), $c->getTimestamp(), $c->year, $c->month, $c->day, $c->hour, $c->minute, $c->second, $c->micro,
        $c->dayOfWeek, $c->dayOfWeekIso, $c->dayOfYear, $c->daysInMonth, $c->weekOfYear, $c->timestamp, $c->tzName,
        $c->offset, $c->offsetHours, $c->quarter, $c->englishDayOfWeek, $c->shortEnglishMonth, $c->dst, $c->utc,
        $c->milli, $c->weekOfMonth, $c->daysInYear, $c->noZeroHour, $c->century, $c->yearIso, $c->week, $c->weekYear,
        $c->isoWeek, $c->isoWeekYear]);
}

// date parsing: absolute forms with DateTime, relative ones with Carbon's test clock
$absolute = ['2024-01-15', '2024-01-15 10:30', '2024-01-15 10:30:45', '2024-01-15T10:30:45Z', '2024-01-15T10:30:45+02:00',
    '2024-01-15T10:30:45.123456+05:30', '2024-01-15T10:30:45.5-0800', '2024-01-15 10:30:45 Europe/Berlin', '@86400', '@1700000000',
    '2024/01/15', '01/15/2024', '15-01-2024', '15.01.2024', 'January 15, 2024', '15 January 2024', 'Jan 15 2024 3pm',
    '2024-01-15 10:30 EST', '2024-01-15 10:30:45 UTC', '20240115', '2024-01-15T10:30:45.000000Z', '2024-02-30',
    '2024-13-01', 'not a date', '2024-01-15 25:00', '2024-01-15 3:04 PM', '2024-01-15 12am', 'Mon, 15 Jan 2024 10:30:45 +0000'];
foreach ($absolute as $text) {
    foreach (['UTC', 'America/New_York'] as $zone) {
        emit('date-parse', [['s', $text], ['s', $zone]], fn() => (new DateTimeImmutable($text, new DateTimeZone($zone)))->format('Y-m-d H:i:s.u e T P'));
    }
}
$now = '2024-01-31 15:45:30.250000';
Carbon::setTestNow(Carbon::parse($now, 'UTC'));
$relative = ['now', 'today', 'tomorrow', 'yesterday', 'midnight', 'noon', '+1 day', '-2 weeks', '+1 month', '+3 hours',
    '1 day ago', '2 months ago', 'next monday', 'last friday', 'monday', 'wednesday', 'first day of next month',
    'last day of this month', 'next month', 'last year', '+1 week 2 days', 'tomorrow 10:00', 'today 14:30', '10:00',
    '+90 minutes', 'saturday this week', 'first day of january 2025', '+1 year', '3 days'];
foreach ($relative as $text) {
    foreach (['UTC', 'Europe/Berlin'] as $zone) {
        emit('date-relative', [['s', $text], ['s', $zone], ['s', $now]], fn() => Carbon::parse($text, $zone)->format('Y-m-d H:i:s.u e'));
    }
    emit('date-modify', [['s', $text], ['s', $now]], fn() => (new DateTimeImmutable($now, new DateTimeZone('UTC')))->modify($text)->format('Y-m-d H:i:s.u e'));
}
foreach (['2024-01-15', '10:00', '2024-01-15 10:00', '15 Jan', 'Jan 2024', '@86400', '+1 day 10:00', 'Europe/Berlin',
             '2024-01-15 Europe/Berlin', '2024-01-15 10:00 +02:00', 'last day of february', 'first monday of next month',
             'monday next week', 'sunday this week', 'sunday last week'] as $text) {
    emit('date-modify', [['s', $text], ['s', $now]], fn() => (new DateTimeImmutable($now, new DateTimeZone('UTC')))->modify($text)->format('Y-m-d H:i:s.u e'));
}
Carbon::setTestNow();

// number_format, round
foreach ([0, 1234.5678, -1234.5678, 0.5, 1.005, 2.675, -0.001, 1e15, 123456789.987654321, 1234567.891, 0.129, 999.995, 1e6, -0.5] as $n) {
    foreach ([[0, '.', ','], [2, '.', ','], [3, ',', '.'], [2, '', ''], [1, ' dp ', ' ts '], [-2, '.', ',']] as [$dec, $dp, $ts]) {
        emit('number-format', [t((float) $n), t($dec), t($dp), t($ts)], fn() => number_format((float) $n, $dec, $dp, $ts));
    }
}
foreach ([2.5, -2.5, 3.5, 1.955, 1.005, 5.045, 5.055, 0.285, 1.45, -1.45, 3.14159, 1234.5678, 0.49999999999999994,
             123456789012345.678, 5.0e-5, 1e20, 0.1 + 0.7, 2.675, 1.0000000000000002, -0.0001, 99.995, 1e-20, 7.0, 1.95583,
             5.5, 4.4999999999999, 1.33333333333333333, 0.3, -1234.5678, 1e15 + 0.3, 0.000123456] as $v) {
    foreach ([0, 1, 2, 3, -1, -2, 15] as $p) {
        emit('round', [t($v), t($p)], fn() => round($v, $p));
    }
}
require_once '/usr/share/php/Twig/autoload.php';
$twig = new \Twig\Environment(new \Twig\Loader\ArrayLoader([]));
foreach ([[2.5, 0, 'common'], [1.234, 2, 'ceil'], [1.234, 2, 'floor'], [-1.234, 1, 'ceil'], [-1.234, 1, 'floor'],
             [1234.5, -2, 'ceil'], [1234.5, -2, 'floor'], ['3.7', 0, 'floor'], [1.955, 2, 'common'], [2.5, 0, 'up']] as [$v, $p, $m]) {
    emit('twig-round', [t($v), t($p), t($m)], fn() => twig_round($v, $p, $m));
}

// sprintf
$formats = [
    ['%s', ['abc']], ['%5s|%-5s|%05s|%-05s', ['ab', 'ab', 'ab', 'ab']], ["%'*8s|%'x-8s", ['ab', 'ab']], ['%.3s|%5.2s', ['abcdef', 'abc']],
    ['%d|%d|%d|%d', [42, -42, '12abc', 3.99]], ['%05d|%-05d|%+d|%+05d|% d', [-5, -5, 5, 3, 7]], ['%u|%u', [3, -1]],
    ['%x|%X|%o|%b|%c', [255, 255, 8, 5, 65]], ['%05x|%-05x|%08b', [255, 255, 5]], ['%f|%.2f|%.0f|%.1f|%.1f', [3.14159, 1.005, 2.5, 0.25, 0.35]],
    ['%F|%10.3f|%-10.3f|%010.3f|%+.1f', [1.5, 3.14159, 3.14159, -3.14159, 2.0]], ['%e|%.2e|%E|%.0e', [12.3456, 0.000123, 1e100, 12345.0]],
    ['%g|%G|%g|%g|%.3g', [0.0001234, 1e20, 100000.0, 1000000.0, 3.14159]], ['%%|%5%|100%%', []], ['%2$s %1$s %2$s', ['a', 'b']],
    ['%s %s', ['a']], ['%y', ['a']], ['abc%', ['a']], ['%s|%s|%s|%s', [true, false, null, 1.0]], ['%d', [[1]]],
    ['%.2f|%f', [INF, NAN]], ['%5.1f|%-8.3f|%010.4f', [3.14159, 3.14159, -3.14159]], ['%s', ['é']], ['%5s|%-4s|', ['é', 'ä']],
    ['%.1s|', ['é']], ['%\'05d|%1$s', [12]], ['%0-5d|', [12]], ['%1$s %s', ['a', 'b']], ['%d items', ['1e3']], ['%.15f', [0.1]],
    ['%.20f', [1 / 3]], ['%e', [0.0]], ['%.3e', [-1.0005]], ['%d', [PHP_INT_MIN]], ['%s', [1e100]], ['%s', [0.1 + 0.2]],
];
foreach ($formats as [$format, $args]) {
    emit('sprintf', [t($format), t($args)], fn() => sprintf($format, ...$args));
}

// strings (Twig's filters)
$texts = ['', 'hello world', 'HELLO wORLD', "it's o'neil-smith mcdonald", 'élan vital über', 'ǆemal ß straße', 'ΣΊΣΥΦΟΣ όλος',
    '123abc 1st', '  padded  ', "tab\tand\nnewline\r\nand\rcr\n\r", 'i̇stanbul İSTANBUL', 'ﬁne ﬂow', 'a_b-c.d:e',
    '<p>Hello <b>World</b> <!-- c --> <?php echo 1; ?> <br/>x < y > z</p>', 'don’t stop', 'ǅungla', '😀 emoji ünïcödé'];
foreach ($texts as $s) {
    emit('upper', [t($s)], fn() => mb_strtoupper($s));
    emit('lower', [t($s)], fn() => mb_strtolower($s));
    emit('title', [t($s)], fn() => mb_convert_case($s, MB_CASE_TITLE));
    emit('capitalize', [t($s)], fn() => twig_capitalize_string_filter($GLOBALS['twig'], $s));
    emit('html', [t($s)], fn() => htmlspecialchars($s, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8'));
    emit('nl2br', [t($s)], fn() => nl2br($s));
    emit('striptags', [t($s), ['n']], fn() => strip_tags($s));
    emit('length', [t($s)], fn() => mb_strlen($s));
    emit('reverse', [t($s)], fn() => twig_reverse_filter($GLOBALS['twig'], $s));
}
$html = ['<p>Hello <b>World</b></p>', '<a href="x>y">link</a> text', 'a < b and c > d', '<scr<script>ipt>alert(1)</script>',
    '<!DOCTYPE html><html><body>ok</body></html>', '<p onclick="a(\'>\')">x</p>', "<br\n/>line", '<?xml version="1.0"?><r>1</r>',
    '<<b>>bold<</b>>', '<!-- <b>hidden</b> -->shown', "x<\ty>z", '<b>bold</b><i>it</i><u>u</u>', '<B>Up</B><br/><BR />', '5 <3 you',
    "1 <\n2", '<p>unterminated'];
foreach ($html as $s) {
    foreach ([null, '<b>', '<b><br>', '<i><b>'] as $allowed) {
        emit('striptags', [t($s), t($allowed)], fn() => strip_tags($s, $allowed));
    }
}
foreach ([['  abc  ', null, 'both'], ['  abc  ', null, 'left'], ['  abc  ', null, 'right'], ['xxabcxx', 'x', 'both'],
             ["\0\t\n abc \x0B", null, 'both'], ['abcdefcba', 'a..c', 'both'], ['--abc--', '-', 'middle'], ['ééaéé', 'é', 'both'],
             ['123abc321', '0..9', 'left']] as [$s, $mask, $side]) {
    emit('trim', [t($s), t($mask), t($side)], fn() => twig_trim_filter($s, $mask, $side));
}
foreach ([['Hello world', ['world' => 'there', 'Hello' => 'Bye']], ['abc', ['a' => 'b', 'b' => 'c', 'c' => 'a']],
             ['aaa', ['a' => 'x', 'aa' => 'y']], ['%name% is %age%', ['%name%' => 'Bob', '%age%' => 42, '%' => '!']],
             ['abc', ['' => 'x', 'b' => '']], ['héllo', ['é' => 'e', 'l' => 'L']], ['1.5', [1 => 'one', '.' => ',']]] as [$s, $pairs]) {
    emit('replace', [t($s), t($pairs)], fn() => twig_replace_filter($s, $pairs));
}
foreach ([['a,b,c', ',', null], ['a,b,c', ',', 2], ['a,b,c', ',', -1], ['a,b,c', ',', 0], ['', ',', null], ['', ',', -1],
             ['abc', '', null], ['abcdef', '', 2], ['abcdef', '', 4], ['abcdef', '', 10], ['ab', '', 1], ['', '', null],
             ['héllo wörld', '', 3], ['a--b--c', '--', null], ['abc', 'x', null], [',a,,b,', ',', null], ['a,b,c,d', ',', -5]] as [$s, $d, $limit]) {
    emit('split', [t($s), t($d), t($limit)], fn() => twig_split_filter($GLOBALS['twig'], $s, $d, $limit));
}
$arrays = [[1, 2, 3, 4, 5], ['a' => 1, 'b' => 2, 5 => 3, 'c' => 4, 9 => 5], []];
foreach ($arrays as $arr) {
    foreach ([[0, null], [1, 2], [-2, null], [1, -1], [10, null], [-10, 2], [2, 0], [0, -10], [3, 100]] as [$start, $len]) {
        foreach ([false, true] as $keep) {
            emit('slice', [t($arr), t($start), t($len), t($keep)], fn() => twig_slice($GLOBALS['twig'], $arr, $start, $len, $keep));
        }
    }
}
foreach (['hello world', 'héllo wörld 😀', '', 12345] as $s) {
    foreach ([[0, null], [1, 3], [-3, null], [-3, 2], [2, -2], [20, null], [-20, 3], [0, 0], [3, -10]] as [$start, $len]) {
        emit('slice', [t($s), t($start), t($len), t(false)], fn() => twig_slice($GLOBALS['twig'], $s, $start, $len, false));
    }
}
foreach ([-5, 5, -2.5, 0, -0.0, PHP_INT_MIN, '-3', '-3.5', 'abc', null, true, [1]] as $v) {
    emit('abs', [t($v)], fn() => abs($v));
}

// preg_match: translation, flags, errors
$regexes = [
    ['/^a.+$/i', 'ABC'], ['/^a.+$/', 'ABC'], ['#b(c)#', 'abcd'], ['{^x}', 'xyz'], ['(a(b))', 'zab'], ['[a]', 'cat'], ['<\d+>', 'a12'],
    ['/^abc$/m', "x\nabc\ny"], ['/^abc$/', "abc\n"], ['/^abc$/D', "abc\n"], ['/a.c/', "a\nc"], ['/a.c/s', "a\nc"],
    ['/a b c # comment
      d/x', 'abcd'], ['/[a b]+/x', 'a b'], ['/\w+/u', 'élan'], ['/\w+/', 'élan'], ['/^.$/u', 'é'], ['/^.$/', 'é'], ['/^..$/', 'é'],
    ['/É/iu', 'é'], ['/É/i', 'é'], ['/(?P<year>\d{4})-(?<month>\d\d)-(?\'day\'\d\d)/', 'on 2024-01-15 ok'],
    ['/(?<first_name>\w+) (?<last_name>\w+)/', 'John Smith'], ['/(a)(b)?(c)?/', 'a'], ['/(a)(b)?(c)/', 'ac'], ['/(a)|(b)/', 'b'],
    ['/(\w)\1/', 'hello'], ['/(?<c>\w)\k<c>/', 'hello'], ['/(?P<c>\w)(?P=c)/', 'hello'], ['/(\w)\g{1}/', 'hello'], ['/(\w)\g{-1}/', 'hello'],
    ['/[[:alpha:]]+/', 'abc123'], ['/[[:^digit:]]+/', '12ab34'], ['/[[:punct:][:space:]]+/', 'a, b'], ['/[]a]+/', 'a]a'], ['/[^]a]/', 'a]b'],
    ['/[a-z&&[^b]]+/', 'a&&b'], ['/[\[\]]+/', '[x]'], ['/[[]/', 'a[b'], ['/\bfoo\b/', 'a foo b'], ['/a{2,}/', 'caaat'], ['/a{,2}/', 'a{,2}'],
    ['/a{x}/', 'a{x}'], ['/x*/', 'abc'], ['/a+?/', 'aaa'], ['/a+/U', 'aaa'], ['/a+?/U', 'aaa'], ['/\d+(?=px)/', '12px'], ['/(?<!\$)\d+/', '$5 7'],
    ['/(?i)abc/', 'ABC'], ['/a(?i:b)c/', 'aBc'], ['/a(?i:b)c/', 'aBC'], ['/\Aabc\z/', 'abc'], ['/abc\Z/', "abc\n"], ['/\p{Lu}+/u', 'abcDEF'],
    ['/\p{Han}+/u', 'abc漢字'], ['/\x{263A}/u', '☺'], ['/\x41/', 'A'], ['/\101/', 'A'], ['/\0101/', "\x08" . '1'], ['/\Qa.b\E+/', 'a.bb'],
    ['/^\s+$/', "\t\n "], ['/\h+/', "a \t b"], ['/\R/', "a\r\nb"], ['/colou?r/', 'The color'], ['/(?#comment)x/', 'x'],
    ['/a/', ''], ['//', 'abc'], ['/a\/b/', 'a/b'], ['#a/b#', 'a/b'], ['/\//', '/'], ['/^$/', ''], ['/a|/', 'b'],
    ['/a/A', 'ba'], ['/a/A', 'ab'], ['/.+/n', 'x'], ['/(a)(?<n>b)/n', 'ab'], ['/\d+/S', '42'], ['/abc/X', 'abc'],
    ['abc', 'abc'], ['', 'abc'], ['/abc', 'abc'], ['(abc', 'abc'], ['/abc/k', 'abc'], ['/(abc/', 'abc'], ['/abc)/', 'abc'],
    ['/[abc/', 'abc'], ['/a**/', 'abc'], ['/abc/e', 'abc'], ['/\\', 'abc'], ['/(?<n>a)(?<n>b)/', 'ab'], ['/\k<zz>/', 'a'],
    ["/a/i\n", 'A'], [' /a/', 'a'], ['/(?:ab)+/', 'ababx'], ['/(a+)+b/', 'aaaaaaaaaaaaaaaaaaaaaaac'], ['/^(.*a){20}$/', str_repeat('a', 30) . 'b'],
];
foreach ($regexes as [$re, $subject]) {
    emit('preg-match', [t($re), t($subject)], function () use ($re, $subject) {
        $r = preg_match($re, $subject, $m);
        if ($r === false) {
            return ['FALSE', preg_last_error_msg()];
        }
        return [$r, $m];
    });
}
foreach ([['/a/', 'b', 'banana', -1], ['/(a)(n)/', '$2$1', 'banana', -1], ['/(a)(n)/', '${2}x\1', 'banana', 1], ['/x*/', '-', 'abc', -1],
             ['/\s+/', ' ', "a \t\n b", -1], ['/é/u', 'e', 'éé', -1], ['/(?<w>\w+)/', '[$1]', 'hi there', -1], ['/a/', '$0$0\\\\', 'a', -1]] as [$re, $rep, $subject, $limit]) {
    emit('preg-replace', [t($re), t($rep), t($subject), t($limit)], fn() => preg_replace($re, $rep, $subject, $limit));
}
foreach ([['/,/', 'a,b,,c', -1], ['/,/', 'a,b,,c', 2], ['//', 'abc', -1], ['/(?<!^)(?!$)/u', 'héllo', -1], ['/\s*/', 'a b', -1],
             ['/x/', '', -1], ['/,/', ',a,', -1]] as [$re, $subject, $limit]) {
    emit('preg-split', [t($re), t($subject), t($limit)], fn() => preg_split($re, $subject, $limit));
}

// escapers (Twig's strategies)
foreach (array_merge($texts, ['a"b\'c&d<e>f', "line\u{2028}sep \u{7f}\u{1}\u{9f}", 'path/to?x=1&y=é#frag', 'tab	end', '~-_.!*()', '1,2.3-4_5']) as $s) {
    foreach (['html', 'js', 'css', 'html_attr', 'url'] as $strategy) {
        emit('escape', [t($s), t($strategy)], fn() => twig_escape_filter($GLOBALS['twig'], $s, $strategy));
    }
    emit('spaceless', [t($s)], fn() => twig_spaceless($s));
}
emit('spaceless', [t("  <div>\n  <b> x </b>\t</div>  ")], fn() => twig_spaceless("  <div>\n  <b> x </b>\t</div>  "));
foreach ([['a' => 1, 'b' => [1, 2, 'x' => 'y z'], 'c' => null, 'd' => true, 'e' => false, 'f' => 1.5, 'g' => 'é/&', 5 => 'five', 'h' => []],
             [1, 2, 3], ['q' => 'a b+c', 'n' => ['deep' => ['er' => 1]]]] as $data) {
    emit('http-build-query', [t($data)], fn() => http_build_query($data, '', '&', PHP_QUERY_RFC3986));
}

// array functions
foreach ([[1, 5, 1], [5, 1, 1], [0, 10, 3], [1, 2, 0.5], ['a', 'e', 1], ['e', 'a', 2], ['a', 'e', 0], [1, 5, 0], [1, 5, -2],
             ['1', '5', 1], ['1.5', '4', 1], [0, 1, 0.25], [1, 1, 1], ['A', 'z', 10], ['aa', 'cc', 1], ['', 'c', 1], [null, 3, 1],
             [true, 3, 1], [1, 5, '2'], [1, 5, '1.5'], [5, 1, 10], [0.1, 0.5, 0.1], [1, 5, 10], ['a', 'c', '1.5'], ['5', 'a', 1],
             [10, 0, -3], [-3, 3, 2], [0, 99999, 1], ['é', 'z', 1], [1.0, 3, 1], [3, 1.5, 0.5]] as [$a, $b, $s]) {
    emit('range', [t($a), t($b), t($s)], function () use ($a, $b, $s) {
        $r = range($a, $b, $s);
        return count($r) > 20 ? ['count', count($r), $r[0], end($r)] : $r;
    });
}
$lists = [[3, 1, 2], ['b' => 2, 'a' => 1, 'c' => 3], [10, '9', 'abc', 2.5, true, null, '10'], ['x', 'X', 'é', 'e', 'E', ''],
    [1, '1', 1.0, true], [], [[2, 1], [1, 2], [1]], ['10', '9', '1e1', '010'], [5 => 'a', 3 => 'b', 'k' => 'c']];
foreach ($lists as $list) {
    emit('asort', [t($list)], function () use ($list) { asort($list); return $list; });
    emit('reverse-array', [t($list), t(false)], fn() => array_reverse($list, false));
    emit('reverse-array', [t($list), t(true)], fn() => array_reverse($list, true));
    emit('implode', [t(', '), t($list)], fn() => implode(', ', $list));
    emit('max', [t([$list])], fn() => max($list));
    emit('min', [t([$list])], fn() => min($list));
    emit('keys', [t($list)], fn() => array_keys($list));
    foreach ([1, 2, 4] as $size) {
        emit('chunk', [t($list), t($size), t(true)], fn() => array_chunk($list, $size, true));
        emit('chunk', [t($list), t($size), t(false)], fn() => array_chunk($list, $size, false));
    }
    foreach ($lists as $other) {
        emit('merge', [t($list), t($other)], fn() => array_merge($list, $other));
    }
    foreach ([1, '1', 'abc', null, 0, 2.5, true, ''] as $needle) {
        emit('in-array', [t($needle), t($list), t(false)], fn() => in_array($needle, $list, false));
        emit('in-array', [t($needle), t($list), t(true)], fn() => in_array($needle, $list, true));
    }
}
foreach ([[1, 2, 3], ['a', 'b'], [1, '1'], ['1', 1], [null, false], [0, 'a'], ['a', 0], [[1, 2], [1, 3]], [1, [0]], ['10', '9'],
             ['abc', 5], [2.5, 2], [-1, null]] as $args) {
    emit('max', [t($args)], fn() => max(...$args));
    emit('min', [t($args)], fn() => min(...$args));
}
emit('max', [t([5])], fn() => max(5));
emit('max', [t([[]])], fn() => max([]));
emit('uasort-desc', [t([3, 1, 2, 5, 4])], function () { $a = [3, 1, 2, 5, 4]; uasort($a, fn($x, $y) => $y <=> $x); return $a; });

// more date parsing forms: strtotime() with a fixed base timestamp has the DateTime constructor's semantics
// (a date without a time means midnight), which Carbon's test clock (it uses modify()) does not
$base = (new DateTimeImmutable($now, new DateTimeZone('UTC')))->getTimestamp();
foreach (array_merge($relative, ['2024-01-32', '2024-02-30 10:00', '2024-1-5', '2024-01-15 10:30:45.1', '2024-01-15T10:30', '1/2/2024',
             '2024-01-15 10am', 'Sat, 13 Jan 2024 10:00:00 GMT', '2024-01-15 10:30:45 +01:00', '2024-01-15 10:30:45+0100',
             '2024-01-15T10:30:45-05', 'noon tomorrow', 'tomorrow noon', '2024-01-15 midnight', 'xyz', '2024-01-15 10:30:45 Foo/Bar',
             '10/35/2024', '2024-06-15 America/Chicago', '@1700000000', '@-86400', '  2024-01-15  ', '2024-01-15 10:30:60',
             'February 29 2023', 'Jan 2024', '15 Jan', 'Sept 5, 2024', '2024-01-15 12:00 pm', '2024-01-15 00:00 am',
             '2024-01-15 13:00 pm', 'last day of february', 'first monday of next month', '+1 month -1 day', 'yesterday noon',
             'midnight +1 hour', 'next week', 'this friday', '12/25', '2024-01-15 10:30:45 EST', 'now + 2 hours']) as $text) {
    foreach (['UTC', 'Asia/Kolkata', 'America/New_York'] as $zone) {
        emit('strtotime', [['s', $text], ['s', $zone], ['i', (string) $base]], function () use ($text, $zone, $base) {
            date_default_timezone_set($zone);
            try {
                return strtotime($text, $base);
            } finally {
                date_default_timezone_set('UTC');
            }
        });
    }
}
foreach (['2024-01-32', 'xyz', '2024-01-15 10:30:45 Foo/Bar', '10/35/2024', '2024-01-15 00:00 am', '2024-01-15 13:00 pm',
             '2024-01-15 10:30 10:40', '2024-01-15 2024-01-16', '31.02.2024', '2024-01-15 +'] as $text) {
    emit('date-parse', [['s', $text], ['s', 'UTC']], fn() => (new DateTimeImmutable($text, new DateTimeZone('UTC')))->format('Y-m-d H:i:s.u e T P'));
}

// array keys as PHP normalises them, and where $a[] appends
foreach ([['1', '01', '-0', '-5', '1.5', ' 1', '9223372036854775808', '-9223372036854775808', '0x1', 'a'],
             [true, false, null, 1.7, -1.7, 0.0, '', 5, '5'], [-5, 'x'], [3, 1], [PHP_INT_MAX - 1], ['9223372036854775807']] as $keys) {
    emit('array-keys', [t($keys)], function () use ($keys) {
        $a = [];
        foreach ($keys as $i => $k) {
            $a[$k] = $i;
        }
        $a[] = 'appended';
        return [$a, array_is_list($a)];
    });
}

// array_column
$rows = [['id' => 3, 'name' => 'a', 'k' => 'x'], ['id' => 5, 'name' => 'b'], ['name' => 'c', 'k' => 'y'], 'scalar', ['id' => '7', 'k' => 1.5], ['id' => 9, 'name' => null, 'k' => null]];
foreach ([['name', null], ['name', 'id'], ['id', 'k'], [null, 'id'], ['missing', null]] as [$col, $idx]) {
    emit('column', [t($rows), t($col), t($idx)], fn() => array_column($rows, $col, $idx));
}

// timezone names as DateTimeZone takes them
foreach (['UTC', 'utc', 'Europe/Berlin', 'europe/berlin', 'America/New_York', '+05:30', '-0800', 'EST', 'cest', 'Asia/Kolkata', 'Mars/Base', 'GMT'] as $zone) {
    emit('zone', [t($zone)], fn() => (new DateTimeImmutable('2024-07-01 12:00:00', new DateTimeZone('UTC')))->setTimezone(new DateTimeZone($zone))->format('Y-m-d H:i:s e T P I'));
}

// deterministic fuzz of float formatting and rounding
mt_srand(20261128);
for ($i = 0; $i < 400; $i++) {
    $mantissa = mt_rand(0, 999999999) / mt_rand(1, 999999);
    $v = $mantissa * (10 ** mt_rand(-12, 16)) * (mt_rand(0, 1) ? 1 : -1);
    if ($i % 4 === 0) {
        $v = round($v, mt_rand(0, 6)) + (mt_rand(0, 1) ? 0.005 : 0.0000000001);
    }
    $p = mt_rand(-3, 8);
    emit('tostr', [t($v)], fn() => (string) $v);
    emit('json', [t($v), ['i', '0']], fn() => json_encode($v));
    emit('round', [t($v), t($p)], fn() => round($v, $p));
    emit('number-format', [t($v), t(max(0, $p)), t('.'), t(',')], fn() => number_format($v, max(0, $p), '.', ','));
    emit('sprintf', [t('%.' . max(0, $p) . 'f|%e|%g|%.3e'), t([$v, $v, $v, $v])], fn() => sprintf('%.' . max(0, $p) . 'f|%e|%g|%.3e', $v, $v, $v, $v));
}

// Carbon dates against other values
$carbon = Carbon::parse('2024-01-01 10:00:00', 'UTC');
foreach (['2024-01-01 10:00:00', '2024-01-01', '2025', '', null, true, false, 1, 0, 1.5, [], 'abc'] as $x) {
    emit('date-compare', [t($x)], fn() => [$carbon == $x, $carbon <=> $x, $x <=> $carbon]);
}
foreach (['2024-01-01 11:00:00' => 'Europe/Berlin', '2024-01-01 10:00:01' => 'UTC', '2024-01-01 09:59:59' => 'UTC'] as $text => $zone) {
    $other = Carbon::parse($text, $zone);
    emit('date-compare-date', [t($text), t($zone)], fn() => [$carbon == $other, $carbon <=> $other, $carbon < $other]);
}

// regular expressions as templates and conditions plausibly write them
foreach ([
    ['/^[\w.+-]+@[\w-]+\.[\w.-]+$/', 'first.last+tag@example.co.uk'], ['/@example\.com$/i', 'Bob@EXAMPLE.com'],
    ['/^\+?[0-9 ()-]{7,}$/', '+1 (555) 123-4567'], ['/^\d{4}-\d{2}-\d{2}$/', '2024-01-15'], ['/^(?:Sgt|Cpl|Pvt)\.?\s/', 'Sgt. Smith'],
    ['/\bcaptain\b/i', 'The Captain is here'], ['/^\p{Lu}\p{Ll}+$/u', 'Émile'], ['/^\p{Lu}\p{Ll}+$/', 'Émile'], ['/straße/iu', 'STRASSE'],
    ['/ß/iu', 'ẞ'], ['/k/iu', 'K'], ['/^.{3}$/u', '日本語'], ['/^.{3}$/', '日本語'], ['/(?<=\d)(?=(\d{3})+$)/', '1234567'],
    ['/^(?>a+)b/', 'aaab'], ['/a++b/', 'aaab'], ['/(a)?b\1/', 'b'], ['/^\s*$/', "  \n"], ['/[^\x00-\x7F]/', 'abcé'], ['/[\x{4e00}-\x{9fff}]/u', 'x漢'],
    ['/^[[:upper:]][[:lower:]]+$/', 'Hello'], ['/^[[:upper:]][[:lower:]]+$/u', 'Élan'], ['/\d+/u', '١٢٣'], ['/\d+/', '١٢٣'],
    ['/^(\w+)\s(\w+)$/', 'hello world'], ['~^/api/v\d+/~', '/api/v2/users'], ['%^[a-z]+$%', 'abc'], ['!^x!', 'xyz'],
    ['/(?i:ab)c/', 'ABc'], ['/a.c/su', "a\u{2028}c"], ['/^a$/m', "b\r\na\r\nc"], ['/^a\r?$/m', "b\r\na\r\nc"], ['/\Ga/', 'ba'],
    ['/(?<year>\d{4})|(?<word>[a-z]+)/', 'abc'], ['/(x)?(?<n>y)/', 'y'], ['/[\d-]+/', '12-34'], ['/[a\-z]+/', 'a-z'], ['/[\w\s]+/u', 'é à'],
    ['/\//', 'a/b'], ['{\d+}', 'a12'], ['[\d+]', 'a12'], ['(\d+)', 'a12'], ['/\$\d+(\.\d\d)?/', 'costs $12.50'], ['/a{2}/', 'aa'], ['/a{2,3}?/', 'aaa'],
] as [$re, $subject]) {
    emit('preg-match', [t($re), t($subject)], function () use ($re, $subject) {
        $r = preg_match($re, $subject, $m);
        if ($r === false) {
            return ['FALSE', preg_last_error_msg()];
        }
        return [$r, $m];
    });
}
foreach ([['/STRAẞE/iu', 'straße'], ['/[ß]/iu', 'ẞ'], ['/ß/i', 'ẞ'], ['/ß/u', 'ẞ']] as [$re, $subject]) {
    emit('preg-match', [t($re), t($subject)], function () use ($re, $subject) {
        $r = preg_match($re, $subject, $m);
        return $r === false ? ['FALSE', preg_last_error_msg()] : [$r, $m];
    });
}
