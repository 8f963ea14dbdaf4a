#!/usr/bin/env bash
# Native-image analysis check: runs the GraalVM native-image BUILDER (jars from Maven Central, on a stock JDK 25)
# through points-to analysis (-H:+ReturnAfterAnalysis) on the app's native sources, and fails with the builder's
# own message on any native-image error (unsupported feature, class initialized at build time that must not be,
# unresolved type, missing registration analysis can see). See tools/native-check/README.md.
#
#   tools/native-check/native-check.sh [--skip-package] [--quiet] [NATIVE_SOURCES_DIR | APP.jar] [-- DRIVER_ARGS...]
#
#   (no argument)       package the app with -Dnative -Dquarkus.native.sources-only=true, check target/native-sources
#   --skip-package      reuse target/native-sources if it exists
#   NATIVE_SOURCES_DIR  check another native-sources directory (native-image.args, *-runner.jar, lib/); no packaging
#   APP.jar             check a plain jar (Main-Class and Class-Path from its manifest); no packaging
#   -- DRIVER_ARGS      extra native-image driver arguments, appended to native-image.args (e.g. -cp x.jar,
#                       --initialize-at-run-time=a.B); relative paths are resolved against the sources directory
#   --quiet             do not stream the builder's output (it is always in $NATIVE_CHECK_OUT/builder.log)
#   --print-builder-jars  fetch the GraalVM jars if needed, print their directory and exit
#
# Environment: NATIVE_CHECK_GRAALVM_VERSION (25.0.2), NATIVE_CHECK_VENDOR_VERSION, NATIVE_CHECK_XMX (10g),
#   NATIVE_CHECK_CACHE (${XDG_CACHE_HOME:-$HOME/.cache}/perscom-webhooks/native-check),
#   NATIVE_CHECK_OUT (target/native-check), NATIVE_CHECK_JAVA_HOME (a JDK 25 with jdk.internal.vm.ci).
# Exit status: 0 analysis passed, 1 analysis failed (builder's message printed), 2 usage or setup error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
GRAAL_VERSION="${NATIVE_CHECK_GRAALVM_VERSION:-25.0.2}"
VENDOR_VERSION="${NATIVE_CHECK_VENDOR_VERSION:-GraalVM CE ${GRAAL_VERSION}+10.1}"
CACHE="${NATIVE_CHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/perscom-webhooks/native-check}"
XMX="${NATIVE_CHECK_XMX:-10g}"
OUT="${NATIVE_CHECK_OUT:-$ROOT/target/native-check}"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

log() { echo "native-check: $*" >&2; }
die() { log "ERROR: $*"; exit 2; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; }

skip_package=0 quiet=0 print_jars=0 target="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-package) skip_package=1 ;;
    --quiet) quiet=1 ;;
    --print-builder-jars) print_jars=1 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) usage; die "unknown option $1" ;;
    *) [ -z "$target" ] || die "only one NATIVE_SOURCES_DIR or APP.jar"; target="$1" ;;
  esac
  shift
done

# ---------------------------------------------------------------- JDK 25 with JVMCI
is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] && grep -q '^JAVA_VERSION="25' "$1/release" \
    && grep -q 'jdk.internal.vm.ci' "$1/release"
}
JDK=""
. "$ROOT/.ci/jdk.sh"
while read -r c; do
  if [ -n "$c" ] && is_jdk25 "$c"; then JDK="$(readlink -f "$c")"; break; fi
done < <(echo "${NATIVE_CHECK_JAVA_HOME:-}"; jdk_candidates)
[ -n "$JDK" ] || die "no JDK 25 with jdk.internal.vm.ci found (set NATIVE_CHECK_JAVA_HOME)"
JAVA="$JDK/bin/java"
command -v gcc >/dev/null || die "gcc is needed (apt-get install gcc): the builder queries C struct layouts and needs a small JNI helper"

# ---------------------------------------------------------------- GraalVM builder jars from Maven Central (cached)
GDIR="$CACHE/graalvm-$GRAAL_VERSION"
JARS="$GDIR/jars"
if [ ! -f "$JARS/.complete" ]; then
  log "fetching org.graalvm.nativeimage:svm:$GRAAL_VERSION and its dependencies from Maven Central into $JARS"
  rm -rf "$JARS" "$GDIR/fetch"
  mkdir -p "$GDIR/fetch"
  cat > "$GDIR/fetch/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.native-check</groupId>
  <artifactId>graalvm-builder-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.graalvm.nativeimage</groupId>
      <artifactId>svm</artifactId>
      <version>$GRAAL_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
  (cd "$GDIR/fetch" && JAVA_HOME="$JDK" "$ROOT/mvnw" -B -q --no-transfer-progress -f pom.xml \
      "$DEPENDENCY_PLUGIN:copy-dependencies" -DoutputDirectory="$JARS" -DincludeScope=runtime) >&2 \
    || die "could not resolve the GraalVM builder jars with Maven"
  for a in svm compiler pointsto nativeimage word collections native-image-base objectfile; do
    [ -f "$JARS/$a-$GRAAL_VERSION.jar" ] || die "missing $a-$GRAAL_VERSION.jar in $JARS"
  done
  touch "$JARS/.complete"
fi
if [ "$print_jars" = 1 ]; then echo "$JARS"; exit 0; fi
COMPILER_JAR="$JARS/compiler-$GRAAL_VERSION.jar"
MODULE_JARS=()
for j in "$JARS"/*.jar; do [ "$j" = "$COMPILER_JAR" ] || MODULE_JARS+=("$j"); done
ALL_JARS="$(IFS=:; echo "${MODULE_JARS[*]}"):$COMPILER_JAR"
MODULE_PATH="$(IFS=:; echo "${MODULE_JARS[*]}")"

# A stamp ties each cached artefact to the inputs it was made from; it is rebuilt when they change.
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

# ---------------------------------------------------------------- JDK-home copy the builder can run in (cached)
# The builder loads $java.home/lib/svm/builder/lib/libreporterchelper.so, which only GraalVM JDKs have: run it from a
# copy of the JDK home made of symlinks (java.home follows bin/java and lib/server/libjvm.so, so those two are real
# files) with that library compiled from reporterchelper.c.
HOME_STAMP="$(printf '%s\n' "$JDK" | cat - "$JDK/release" "$HERE/reporterchelper.c" | sha256sum | cut -c1-16)"
JDK_COPY="$GDIR/jdk-$HOME_STAMP"
if [ ! -f "$JDK_COPY/.complete" ]; then
  log "preparing JDK-home copy $JDK_COPY"
  rm -rf "$JDK_COPY"
  mkdir -p "$JDK_COPY/bin" "$JDK_COPY/lib/server" "$JDK_COPY/lib/svm/builder/lib"
  for e in "$JDK"/*; do case "${e##*/}" in bin|lib) ;; *) ln -s "$e" "$JDK_COPY/" ;; esac; done
  for e in "$JDK"/bin/*; do [ "${e##*/}" = java ] || ln -s "$e" "$JDK_COPY/bin/"; done
  cp "$JDK/bin/java" "$JDK_COPY/bin/java"
  for e in "$JDK"/lib/*; do [ "${e##*/}" = server ] || ln -s "$e" "$JDK_COPY/lib/"; done
  for e in "$JDK"/lib/server/*; do [ "${e##*/}" = libjvm.so ] || ln -s "$e" "$JDK_COPY/lib/server/"; done
  ln "$JDK/lib/server/libjvm.so" "$JDK_COPY/lib/server/libjvm.so" 2>/dev/null || cp "$JDK/lib/server/libjvm.so" "$JDK_COPY/lib/server/"
  gcc -shared -fPIC -O2 -I"$JDK/include" -I"$JDK/include/linux" \
    -o "$JDK_COPY/lib/svm/builder/lib/libreporterchelper.so" "$HERE/reporterchelper.c" || die "gcc failed on reporterchelper.c"
  home="$("$JDK_COPY/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
  [ "$home" = "$JDK_COPY" ] || die "java.home of the JDK copy resolves to '$home', not $JDK_COPY"
  touch "$JDK_COPY/.complete"
fi

# ---------------------------------------------------------------- C headers and module exports (cached)
# The builder queries the layout of a few C structs from project headers GraalVM ships in its JDK; they are
# generated from the @CStruct/@CField/@CConstant annotations of the svm jar. A GraalVM JDK also carries qualified
# exports of JDK-internal packages to the builder modules; a stock JDK needs them as --add-exports, computed from
# the packages the builder classes reference.
CLIB="$GDIR/clibraries"
clib_stamp="$(stamp_of "$HERE/GenHeaders.java" "$JARS/svm-$GRAAL_VERSION.jar")"
if [ "$(cat "$CLIB/.stamp" 2>/dev/null)" != "$clib_stamp" ]; then
  rm -rf "$CLIB"
  "$JAVA" "$HERE/GenHeaders.java" "$JARS/svm-$GRAAL_VERSION.jar" "$CLIB" >/dev/null || die "header generation failed"
  echo "$clib_stamp" > "$CLIB/.stamp"
fi
EXPORTS_FILE="$GDIR/builder-exports.txt"
exports_stamp="$(stamp_of "$HERE/BuilderExports.java" "$JARS"/*.jar "$JDK/release")"
if [ "$(cat "$EXPORTS_FILE.stamp" 2>/dev/null)" != "$exports_stamp" ]; then
  "$JAVA" "$HERE/BuilderExports.java" "$JARS"/*.jar > "$EXPORTS_FILE.tmp" || die "computing the builder's --add-exports failed"
  mv "$EXPORTS_FILE.tmp" "$EXPORTS_FILE"
  echo "$exports_stamp" > "$EXPORTS_FILE.stamp"
fi
mapfile -t EXPORTS < "$EXPORTS_FILE"

# ---------------------------------------------------------------- what to check
translate_input=()
if [ -z "$target" ]; then
  SOURCES="$ROOT/target/native-sources"
  if [ "$skip_package" = 0 ] || [ ! -f "$SOURCES/native-image.args" ]; then
    log "packaging native sources: ./mvnw -B -q package -DskipTests -Dnative -Dquarkus.native.sources-only=true"
    (cd "$ROOT" && JAVA_HOME="$JDK" ./mvnw -B -q package -DskipTests -Dnative -Dquarkus.native.sources-only=true) >&2 \
      || die "packaging failed"
  fi
  target="$SOURCES"
fi
if [ -d "$target" ]; then
  BASE="$(cd "$target" && pwd)"
  [ -f "$BASE/native-image.args" ] || die "$BASE has no native-image.args"
  translate_input=(--args-file "$BASE/native-image.args")
  [ -f "$BASE/graalvm.version" ] && log "native sources made for GraalVM $(cat "$BASE/graalvm.version"); checking with builder $GRAAL_VERSION"
elif [ -f "$target" ] && [[ "$target" == *.jar ]]; then
  BASE="$(cd "$(dirname "$target")" && pwd)"
  translate_input=(--jar "$BASE/$(basename "$target")" --base "$BASE")
else
  die "$target is neither a native-sources directory nor a jar"
fi

rm -rf "$OUT"
mkdir -p "$OUT/image"
"$JAVA" "$HERE/TranslateArgs.java" --builder-jars "$ALL_JARS" --out "$OUT" "${translate_input[@]}" -- "${extra[@]}" \
  || die "could not translate the native-image arguments (see above)"
mapfile -t JVM_ARGS < "$OUT/jvm.args"
mapfile -t BUILDER_ARGS < "$OUT/builder.args"

# ---------------------------------------------------------------- run the builder through analysis
CMD=("$JDK_COPY/bin/java"
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler
  "-Xmx$XMX" -Xss10m -XX:+UseParallelGC
  --upgrade-module-path "$COMPILER_JAR" --module-path "$MODULE_PATH" --add-modules=ALL-DEFAULT
  --enable-native-access=org.graalvm.nativeimage.builder
  "${EXPORTS[@]}"
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader
  -Djdk.internal.lambda.disableEagerInitialization=true
  -Dorg.graalvm.nativeimage.imagecode=buildtime
  "-Dorg.graalvm.version=$GRAAL_VERSION" "-Dorg.graalvm.vendorversion=$VENDOR_VERSION"
  -Dorg.graalvm.vendor=GraalVM -Dorg.graalvm.vendorurl=https://www.graalvm.org/ -Dcom.oracle.graalvm.isaot=true
  "${JVM_ARGS[@]}"
  --module org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner
  "${BUILDER_ARGS[@]}"
  "-H:Path=$OUT/image" "-H:ImageBuildID=$(cat /proc/sys/kernel/random/uuid)" "-H:CLibraryPath=$CLIB"
  -H:+UnlockExperimentalVMOptions "-H:BuildOutputJSONFile=$OUT/build-output-stats.json" -H:-UnlockExperimentalVMOptions
  -H:+ReturnAfterAnalysis)
printf '%q ' "${CMD[@]}" > "$OUT/command.sh"; echo >> "$OUT/command.sh"

log "running the native-image builder $GRAAL_VERSION through analysis (-Xmx$XMX); log: $OUT/builder.log"
TIMER=()
if [ -x /usr/bin/time ]; then TIMER=(/usr/bin/time -v -o "$OUT/time.txt"); fi
start=$(date +%s.%N)
set +e
if [ "$quiet" = 1 ]; then
  (cd "$BASE" && "${TIMER[@]}" "${CMD[@]}") > "$OUT/builder.log" 2>&1
  status=$?
else
  (cd "$BASE" && "${TIMER[@]}" "${CMD[@]}") 2>&1 | tee "$OUT/builder.log"
  status=${PIPESTATUS[0]}
fi
set -e
end=$(date +%s.%N)

# ---------------------------------------------------------------- summary
secs="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')"
rss_mb=""
if [ -f "$OUT/time.txt" ]; then
  rss_kb="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$OUT/time.txt")"
  [ -n "$rss_kb" ] && rss_mb="$((rss_kb / 1024))"
fi
if [ -z "$rss_mb" ]; then # no /usr/bin/time: the builder's own "Peak RSS: 3.24GB"
  rss_mb="$(sed -n 's/.*Peak RSS: \([0-9.]*\)GB.*/\1/p' "$OUT/builder.log" | tail -1 | awk '{ printf "%.0f", $1 * 1024 }')"
fi
reach="$(grep -E '^ *[0-9,]+ types, +[0-9,]+ fields, and +[0-9,]+ methods found reachable' "$OUT/builder.log" | tail -1 || true)"
types="$(echo "$reach" | awk '{ print $1 }')"
methods="$(echo "$reach" | sed -E 's/.* and +([0-9,]+) methods.*/\1/')"

if [ "$status" = 0 ] && [ -n "$reach" ] && ! grep -qE '^(Fatal error|Error):' "$OUT/builder.log"; then
  echo "native analysis: OK, $types types, $methods methods reachable, $secs s, peak RSS ${rss_mb:-?} MB"
  exit 0
fi

echo "native analysis: FAILED (builder exit status $status) after $secs s, peak RSS ${rss_mb:-?} MB${reach:+, reached $types types and $methods methods}"
echo "---------------------------------------------------------------- builder's error"
# The builder's own message: the blocks that start with "Error:"/"Fatal error:" (up to the next separator or
# "Internal exception:") and the "Caused by:" chain, without stack frames and repeated lines; all in builder.log.
msg="$(awk '
  /^(Fatal error|Error)[: ]|^The build process encountered|^Exception in thread|^Error occurred during initialization/ { on = 1 }
  /^Internal exception:/ || /^(-{20,}|={20,})$/ { on = 0 }
  /^[ \t]+at / || /^[ \t]+\.\.\. [0-9]+ more/ { next }
  !on && !/^Caused by: / { next }
  /^[ \t]*$/ { if (!blank++) print; next }
  seen[$0]++ { next }
  { print; blank = 0; if (++n >= 60) exit }
' "$OUT/builder.log")"
if [ -n "$msg" ]; then echo "$msg"; else tail -n 40 "$OUT/builder.log"; fi
echo "----------------------------------------------------------------"
echo "full output: $OUT/builder.log; builder command: $OUT/command.sh"
exit 1
