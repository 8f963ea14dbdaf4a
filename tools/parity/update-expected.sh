#!/bin/sh
# Regenerates src/test/resources/twig/*-expected.json from the cases with PHP Twig (Debian's php-twig 3.5.1).
set -e
cd "$(dirname "$0")/../.."
for cases in src/test/resources/twig/*-cases.json; do
    php tools/parity/render.php "$cases" > "${cases%-cases.json}-expected.json"
done
