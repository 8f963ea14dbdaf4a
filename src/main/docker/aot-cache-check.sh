#!/usr/bin/env bash
# Checks that the AOT cache the build recorded (target/quarkus-app/app.aot) is usable by the JVM the way the image
# starts it: Dockerfile.jvm's JAVA_OPTS, from the app directory, under the Deployment's 512 MiB limit (MaxRAM), with
# -XX:AOTMode=on so that any reason to refuse the cache (class path changed, a heap too small for its archived
# objects, another JDK build) is an error instead of a silent slow start. Run after `./mvnw verify` on JDK 25.
#
#   src/main/docker/aot-cache-check.sh [quarkus-app dir]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
APP=${1:-$ROOT/target/quarkus-app}
# The cache is only valid for the JDK build that recorded it: JAVA_HOME (as .ci/run sets it), else a JDK 25.
. "$ROOT/.ci/jdk.sh"
use_jdk 25
JAVA=$JAVA_HOME/bin/java

[ -f "$APP/app.aot" ] || { echo "aot-cache-check: no $APP/app.aot (./mvnw verify on JDK 25 records it)" >&2; exit 1; }
opts=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/src/main/docker/Dockerfile.jvm")
[ -n "$opts" ] || { echo "aot-cache-check: no ENV JAVA_OPTS=\"...\" in Dockerfile.jvm" >&2; exit 1; }

# shellcheck disable=SC2086 # the options are a list
if out=$(cd "$APP" && "$JAVA" $opts -XX:MaxRAM=512m -XX:AOTMode=on -cp quarkus-run.jar -version 2>&1); then
  echo "aot-cache-check: OK, $(du -h "$APP/app.aot" | cut -f1) cache usable with: $opts -XX:MaxRAM=512m"
else
  echo "$out" >&2
  echo "aot-cache-check: the JVM refuses the AOT cache with the image's options (above)" >&2
  exit 1
fi
