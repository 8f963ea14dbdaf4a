#!/bin/sh
# Proves the committed expected-*.json are what PHP produces: re-runs the oracle into a temporary directory and
# compares byte for byte. Exit 1 on any difference. Installs nothing (see README.md for the apt packages).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/src/test/resources/parity"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

php "$root/tools/parity/oracle.php" "$corpus" "$out"

status=0
for name in expected-templates.json expected-conditions.json expected-payloads.json; do
    if ! diff -u "$corpus/$name" "$out/$name"; then
        echo "parity: $name differs from what PHP produces (regenerate: php tools/parity/oracle.php $corpus $corpus)" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "parity: expected files match PHP $(php -r 'echo PHP_VERSION;')"
exit "$status"
