#!/usr/bin/env bash
# Test of the native-image analysis check itself (not of the product): the check must FAIL, with the builder's own
# message, on two deliberately broken copies of the app's native sources.
#
#   tools/native-check/negative/run.sh [NATIVE_SOURCES_DIR]     (default: target/native-sources, packaged if missing)
#
#   A. hostile jar: a copy of the native sources plus lib/nativecheck-hostile.jar (built from ./hostile), whose
#      native-image.properties initializes nativecheck.negative.ThreadStarter at build time (its static initializer
#      starts a Thread) and registers a Feature that makes that Thread reachable. Expected: the builder rejects the
#      started Thread in the image heap.
#   B. broken class path: a copy of the native sources (runner jar copied for real, so that its manifest Class-Path
#      resolves inside the copy) without lib/**/*mutiny*.jar. Expected: classes not found.
#
# Exits 0 only if both checks fail as expected; prints the builder's message for each.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
CHECK="$ROOT/tools/native-check/native-check.sh"
GRAAL_VERSION="${NATIVE_CHECK_GRAALVM_VERSION:-25.0.2}"
SOURCES="${1:-$ROOT/target/native-sources}"

log() { echo "negative: $*" >&2; }

JDK=""
. "$ROOT/.ci/jdk.sh"
while read -r c; do
  if [ -n "$c" ] && [ -x "$c/bin/javac" ] && [ "$(jdk_major "$c")" = 25 ]; then JDK="$c"; break; fi
done < <(echo "${NATIVE_CHECK_JAVA_HOME:-}"; jdk_candidates)
[ -n "$JDK" ] || { log "no JDK 25 found"; exit 2; }

if [ ! -f "$SOURCES/native-image.args" ]; then
  [ "$SOURCES" = "$ROOT/target/native-sources" ] || { log "$SOURCES has no native-image.args"; exit 2; }
  log "packaging native sources"
  (cd "$ROOT" && JAVA_HOME="$JDK" ./mvnw -B -q package -DskipTests -Dnative -Dquarkus.native.sources-only=true) >&2
fi
SOURCES="$(cd "$SOURCES" && pwd)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/native-check-negative.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# A copy of the native sources: small files and the runner jar copied, lib/ jars hard-linked (or copied).
copy_sources() {
  local dst="$1"
  mkdir -p "$dst/lib"
  cp "$SOURCES"/native-image.args "$SOURCES"/*-runner.jar "$dst/"
  [ -f "$SOURCES/graalvm.version" ] && cp "$SOURCES/graalvm.version" "$dst/"
  (cd "$SOURCES/lib" && find . -type f -name '*.jar') | while read -r j; do
    mkdir -p "$dst/lib/$(dirname "$j")"
    ln "$SOURCES/lib/$j" "$dst/lib/$j" 2>/dev/null || cp "$SOURCES/lib/$j" "$dst/lib/$j"
  done
}

# Runs the check on a copy; passes if the check fails (status 1) and its output matches every given pattern.
expect_failure() {
  local name="$1" dir="$2"
  shift 2
  local patterns=() extra=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; extra=("$@"); }
  log "case $name: running the check (expecting failure)"
  local status=0
  NATIVE_CHECK_OUT="$WORK/out-$name" "$CHECK" --quiet "$dir" ${extra[@]+-- "${extra[@]}"} > "$WORK/$name.txt" 2>&1 || status=$?
  echo "================ case $name: check exit status $status; its report:"
  sed -n '/^native analysis:/,$p' "$WORK/$name.txt"
  if [ "$status" != 1 ]; then
    echo "case $name: NOT OK: expected the check to fail with status 1, got $status"
    tail -n 30 "$WORK/$name.txt"
    return 1
  fi
  for p in "${patterns[@]}"; do
    if ! grep -Eq -- "$p" "$WORK/$name.txt"; then
      echo "case $name: NOT OK: the check failed, but its output lacks /$p/: it failed for another reason (the"
      echo "  builder's first error is above). If that error is about the app's own classes, the app itself currently"
      echo "  fails analysis and hides the hostile input: fix the app first (tools/native-check/native-check.sh shows it)."
      return 1
    fi
  done
  echo "case $name: OK (failed as expected)"
}

# ---------------------------------------------------------------- build the hostile jar
JARS="$("$CHECK" --print-builder-jars)"
mkdir -p "$WORK/hostile-classes"
"$JDK/bin/javac" --release 21 -nowarn -cp "$JARS/nativeimage-$GRAAL_VERSION.jar:$JARS/word-$GRAAL_VERSION.jar" \
  -d "$WORK/hostile-classes" "$HERE"/hostile/src/nativecheck/negative/*.java
cp -r "$HERE/hostile/META-INF" "$WORK/hostile-classes/"
"$JDK/bin/jar" --create --file "$WORK/nativecheck-hostile.jar" -C "$WORK/hostile-classes" .

result=0

# ---------------------------------------------------------------- A: started Thread from a build-time initialized class
copy_sources "$WORK/hostile"
cp "$WORK/nativecheck-hostile.jar" "$WORK/hostile/lib/"
expect_failure hostile "$WORK/hostile" \
  'Detected a started Thread in the image heap' 'nativecheck\.negative\.ThreadStarter' \
  -- -cp lib/nativecheck-hostile.jar || result=1

# ---------------------------------------------------------------- B: mutiny missing from the class path
copy_sources "$WORK/nomutiny"
removed="$(find "$WORK/nomutiny/lib" -name '*mutiny*.jar' -print -delete | wc -l)"
log "case nomutiny: removed $removed *mutiny*.jar from lib/"
[ "$removed" -gt 0 ] || { echo "case nomutiny: NOT OK: no mutiny jar to remove"; result=1; }
expect_failure nomutiny "$WORK/nomutiny" \
  'ClassNotFoundException|NoClassDefFoundError|could not be (found|resolved)' 'io[./]smallrye[./]mutiny' || result=1

if [ "$result" = 0 ]; then
  echo "negative tests: OK (the check failed on both broken inputs with the builder's message)"
else
  echo "negative tests: FAILED"
fi
exit "$result"
