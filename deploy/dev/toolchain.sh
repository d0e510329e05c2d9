# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): a JDK >= 21, Maven, node and npm.

java_major() { # java_major JAVA_HOME -> prints the feature version, or nothing
  local release="$1/release" version
  [[ -x $1/bin/javac && -f $release ]] || return 0
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  printf '%s' "$version"
}

find_jdk() {
  local candidate best="" best_version=0 version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n $candidate && -d $candidate ]] || continue
    version=$(java_major "$candidate")
    [[ -n $version && $version -ge 21 ]] || continue
    # Prefer 21 (the release we target), else the newest.
    if [[ -z $best || $version -eq 21 || ($best_version -ne 21 && $version -gt $best_version) ]]; then
      best=$(cd "$candidate" && pwd -P)
      best_version=$version
    fi
  done
  printf '%s' "$best"
}

ensure_jdk() {
  local jdk
  jdk=$(find_jdk)
  if [[ -z $jdk ]]; then
    local package
    for package in openjdk-21-jdk-headless openjdk-25-jdk-headless; do
      if apt_has "$package" && apt_install "$package"; then break; fi
    done
    jdk=$(find_jdk)
  fi
  [[ -n $jdk ]] || die "no JDK 21 or newer found in JAVA_HOME or /usr/lib/jvm, and none could be installed from apt. Install one (for example Temurin 21) and set JAVA_HOME."
  export JAVA_HOME=$jdk
  export PATH="$JAVA_HOME/bin:$PATH"
  info "JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
  # Maven's own libraries call sun.misc.Unsafe; JDK 23+ warns about it on every build.
  if [[ $(java_major "$JAVA_HOME") -ge 23 ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

ensure_node() {
  ensure_command node nodejs
  ensure_command npm npm
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [[ $major -ge 18 ]] || die "node $major is too old for the web client: install node 18 or newer"
  info "node $(node --version), npm $(npm --version)"
}

ensure_toolchain() {
  ensure_jdk
  ensure_command mvn maven
  info "$(mvn -B --version 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g")"
  ensure_node
}
