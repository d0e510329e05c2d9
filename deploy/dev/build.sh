# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): the Maven reactor (web client included), rebuilt when a source changed.

build_is_current() {
  [[ -f $BUILD_STAMP && -f $ROOT/server/target/lib/.copied ]] || return 1
  local changed
  changed=$(cd "$ROOT" && find pom.xml ./*/pom.xml ./*/*/pom.xml ./*/src ./*/*/src \
    web-client/index.html web-client/package.json web-client/package-lock.json web-client/public \
    web-client/vite.config.ts -newer "$BUILD_STAMP" -print -quit 2>/dev/null)
  [[ -z $changed ]]
}

build() {
  if build_is_current; then
    info "build is up to date"
    return 0
  fi
  (cd "$ROOT" && mvn -B -q -DskipTests -DskipITs package) >"$LOGS/build.log" 2>&1 || {
    tail -40 "$LOGS/build.log" >&2
    die "build failed (full log: $LOGS/build.log)"
  }
  sed -n '/bundle sizes/,/ total$/p' "$LOGS/build.log" | sed 's/^/    /'
  mark_build_current
}

# What `mvn package` (or any later phase) just built is current: the next build() skips Maven.
mark_build_current() {
  touch "$ROOT/server/target/lib/.copied" "$BUILD_STAMP"
}

classpath() { # classpath MODULE_DIR
  local jar
  jar=$(ls "$ROOT/$1"/target/coderoom-*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -1)
  printf '%s:%s' "$jar" "$ROOT/$1/target/lib/*"
}
