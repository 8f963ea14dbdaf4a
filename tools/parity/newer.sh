#!/bin/sh
# Runs the corpus on newer Twig / ExpressionLanguage source checkouts (closer to PERSCOM's Twig 3.24 / EL 8.0 than
# Debian's) and checks the corpus's twig3_24 / el8 markers against them. Not part of CI (needs the checkouts):
#   tools/parity/newer.sh <twigphp/Twig checkout> <symfony/expression-language checkout>
# Cases using features newer than the checkouts (e.g. EL xor, <<, >> after 7.1) are reported for review.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/src/test/resources/parity"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
PARITY_TWIG_SRC=$(cd "$1" && pwd) PARITY_EL_SRC=$(cd "$2" && pwd) \
    PARITY_TWIG_AUTOLOAD="$root/tools/parity/lib/checkout-autoload.php" \
    PARITY_EL_AUTOLOAD="$root/tools/parity/lib/checkout-autoload.php" \
    php "$root/tools/parity/oracle.php" "$corpus" "$out"
php "$root/tools/parity/lib/compare-markers.php" "$corpus" "$out"
