<?php
/*
 * Autoloads Twig and/or ExpressionLanguage from source checkouts instead of Debian's packages, for newer.sh:
 * PARITY_TWIG_SRC=<twigphp/Twig checkout> and PARITY_EL_SRC=<symfony/expression-language checkout>. Their other
 * dependencies (deprecation contracts, cache) come from Debian's packages.
 */
require_once '/usr/share/php/Symfony/Contracts/Deprecation/autoload.php';
require_once '/usr/share/php/Symfony/Component/Cache/autoload.php';

$prefixes = [];
if ($twig = getenv('PARITY_TWIG_SRC')) {
    $prefixes['Twig\\'] = "$twig/src/";
}
if ($el = getenv('PARITY_EL_SRC')) {
    $prefixes['Symfony\\Component\\ExpressionLanguage\\'] = "$el/";
}
spl_autoload_register(static function (string $class) use ($prefixes): void {
    foreach ($prefixes as $prefix => $dir) {
        if (str_starts_with($class, $prefix)) {
            $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
        }
    }
}, true, true);
if ($twig) {
    foreach (glob("$twig/src/Resources/*.php") as $file) {
        require_once $file;
    }
} else {
    require_once '/usr/share/php/Twig/autoload.php';
}
if (!$el) {
    require_once '/usr/share/php/Symfony/Component/ExpressionLanguage/autoload.php';
}
