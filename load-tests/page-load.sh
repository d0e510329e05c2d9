#!/usr/bin/env bash
# How soon a room can be typed in, in Chromium: starts a server of its own (no runner agent: the
# benchmark runs nothing) on its own Redis database, then web-client/scripts/bench-page-load.mjs
# measures cold and warm navigations to the first accepted keystroke and the room page's gzipped
# JavaScript. Run it through `./coderoom bench page-load [--runs N] [--language ID]`.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
: "${BENCH_PORT:=8096}" "${BENCH_REDIS_DB:=6}"
JAVA="$JAVA_HOME/bin/java"
jar() { ls "$ROOT/$1"/target/coderoom-*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -1; }
API_KEY=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
export CODEROOM_REDIS_URL="${CODEROOM_REDIS_URL%/*}/$BENCH_REDIS_DB"
LOGS=${TMPDIR:-/tmp}

server=
stop() { for pid in "$@"; do [[ -z $pid ]] || { kill "$pid" && wait "$pid"; } 2>/dev/null || true; done; }
trap 'stop "$server"' EXIT

CODEROOM_PORT=$BENCH_PORT CODEROOM_API_KEY=$API_KEY CODEROOM_LOG_LEVEL=WARN CODEROOM_ROOMS_PER_MINUTE=0 \
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(jar server):$ROOT/server/target/lib/*" \
  io.coderoom.server.CoderoomServer >"$LOGS/coderoom-bench-server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$BENCH_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

(cd "$ROOT/web-client" && node scripts/bench-page-load.mjs --url "http://127.0.0.1:$BENCH_PORT" --api-key "$API_KEY" "$@")
