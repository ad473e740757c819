# shellcheck shell=sh
# perfkit: finds a JDK 21 or newer, for ./mvnw (Maven itself must run on one) and for the ./perfkit
# launcher (the runner is Java 21 bytecode). Sourced, not run: it defines perfkit_select_jdk, which
# keeps JAVA_HOME (or the java on PATH) when it is 21 or newer, else sets and exports JAVA_HOME to
# the newest JDK 21+ found in the standard install places, else prints why and exits 1. Set
# perfkit_tool to the caller's name for its messages (default mvnw). POSIX sh.
perfkit_java_major() {
  [ -r "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" | head -n 1
}
perfkit_select_jdk() {
  perfkit_current="${JAVA_HOME-}"
  if [ -z "$perfkit_current" ] && perfkit_java="$(command -v java 2>/dev/null)"; then
    perfkit_java="$(readlink -f "$perfkit_java" 2>/dev/null || printf %s "$perfkit_java")"
    perfkit_current="$(dirname "$(dirname "$perfkit_java")")"
  fi
  perfkit_major="$(perfkit_java_major "${perfkit_current:-/nonexistent}")"
  if [ -n "$perfkit_major" ] && [ "$perfkit_major" -ge 21 ]; then
    return 0
  fi
  perfkit_best=""
  perfkit_best_major=0
  case $- in *f*) perfkit_noglob=1 ;; *) perfkit_noglob=0 ;; esac
  set +f
  for perfkit_home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
    "${HOME:-/nonexistent}"/.jdks/* "${HOME:-/nonexistent}"/.m2/jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$perfkit_home/bin/javac" ] || continue
    perfkit_major="$(perfkit_java_major "$perfkit_home")"
    if [ -n "$perfkit_major" ] && [ "$perfkit_major" -ge 21 ] && [ "$perfkit_major" -gt "$perfkit_best_major" ]; then
      perfkit_best="$perfkit_home"
      perfkit_best_major="$perfkit_major"
    fi
  done
  [ "$perfkit_noglob" = 0 ] || set -f
  if [ -z "$perfkit_best" ]; then
    echo "${perfkit_tool:-mvnw}: this build needs a JDK 21 or newer; the current one (${perfkit_current:-none}) is older and none was" >&2
    echo "found in /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks or ~/.m2/jdks. Install one or set JAVA_HOME." >&2
    exit 1
  fi
  [ "${MVNW_VERBOSE-}" != true ] || echo "${perfkit_tool:-mvnw}: using the JDK $perfkit_best_major in $perfkit_best" >&2
  JAVA_HOME="$perfkit_best"
  export JAVA_HOME
}
