# Sourced by the scripts that build or run Java: finds a JDK of a given version or newer.
#
#   use_jdk 21        JAVA_HOME when it is a JDK 21+, else the newest JDK 21+ found in the usual places;
#                     exports JAVA_HOME and puts its bin/ first on PATH, or says what it found and fails
#   jdk_candidates    the JDK homes it looks at: JAVA_HOME, `java` on PATH, /usr/lib/jvm/*, /usr/java/*,
#                     /opt/java/*, ~/.sdkman/candidates/java/*, ~/.jdks/* (one a line)
#   jdk_major HOME    the feature version of the JDK in HOME (21, 25, ...)

jdk_major() {
  sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" 2>/dev/null
}

jdk_candidates() {
  local java_on_path
  [ -z "${JAVA_HOME:-}" ] || echo "$JAVA_HOME"
  if java_on_path=$(command -v java 2>/dev/null); then
    dirname "$(dirname "$(readlink -f "$java_on_path")")"
  fi
  local home
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$home" ] && [ ! -L "$home" ] && echo "$home"
  done
  return 0
}

use_jdk() {
  local min=$1 home major best="" best_major=0 seen=""
  while read -r home; do
    [ -x "$home/bin/javac" ] || continue
    case "$seen " in *" $home("*) continue ;; esac
    major=$(jdk_major "$home")
    seen="$seen ${home}(${major:-?})"
    [ "${major:-0}" -ge "$min" ] 2>/dev/null || continue
    if [ "$home" = "${JAVA_HOME:-}" ]; then best=$home; break; fi
    [ "$major" -gt "$best_major" ] && best=$home best_major=$major
  done < <(jdk_candidates)
  if [ -z "$best" ]; then
    echo "A JDK $min or newer is needed; found:${seen:- none}. Install one, or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
