#!/usr/bin/env bash
# The sync benchmark: Coderoom, @y/websocket-server and Hocuspocus under the same stepped load,
# one after the other in one run. Each server is pinned to CPU 0 and the load generator to CPU 1,
# so the servers get the same single core (the node servers use one anyway) and the generator
# never competes with them. STEPS (room counts) and TARGETS choose what runs. Run it through
# `./coderoom bench sync-compare [SyncLoad options]`, which provides JAVA_HOME, the database and
# Redis settings and the built jars.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
: "${STEPS:=250,500,1000,1500,2000,3000}"
: "${BENCH_PORT:=8091}"
: "${TARGETS:=coderoom y-websocket hocuspocus}"
JAVA="$JAVA_HOME/bin/java"
jar() { ls "$ROOT/$1"/target/coderoom-*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -1; }
LOAD_CP="$(jar load-tests):$ROOT/load-tests/target/lib/*"
SERVER_CP="$(jar server):$ROOT/server/target/lib/*"
API_KEY=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
cores=$(nproc)
pin_server=() pin_load=()
if [[ $cores -ge 2 ]] && command -v taskset >/dev/null; then
  pin_server=(taskset -c 0) pin_load=(taskset -c 1)
fi

(cd "$HERE/peers" && [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error)

server_pid=
stop_server() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
trap stop_server EXIT

wait_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  return 1
}

# shellcheck source=lib/postgres-cpu.sh
. "$HERE/lib/postgres-cpu.sh"

load() {
  "${pin_load[@]}" "$JAVA" -Xms1g -Xmx4g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED ${LOAD_JAVA_OPTS:-} \
    -cp "$LOAD_CP" \
    io.coderoom.loadtest.SyncLoad --rooms "$STEPS" --server-pid "$server_pid" "$@"
}

bench_coderoom() {
  echo "### Coderoom"
  # Rooms of a finished step unload within a second, before the next step reads idle memory; the
  # steps create thousands of rooms from one address, past the default room-creation limit.
  CODEROOM_PORT=$BENCH_PORT CODEROOM_API_KEY=$API_KEY CODEROOM_LOG_LEVEL=WARN CODEROOM_ROOM_IDLE_SECONDS=1 \
    CODEROOM_ROOMS_PER_MINUTE=0 \
    "${pin_server[@]}" "$JAVA" -XX:+UseSerialGC -Xms64m -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
    --enable-native-access=ALL-UNNAMED ${SERVER_JAVA_OPTS:-} -cp "$SERVER_CP" io.coderoom.server.CoderoomServer \
    >"${TMPDIR:-/tmp}/coderoom-bench-server.log" 2>&1 &
  server_pid=$!
  wait_port "$BENCH_PORT"
  local pg_before=$(postgres_cpu_seconds) started=$SECONDS
  load --target coderoom --url "http://127.0.0.1:$BENCH_PORT" --api-key "$API_KEY" \
    --collect-before-memory "$@"
  echo "postgresql    $(($(postgres_cpu_seconds) - pg_before)) CPU seconds over the $((SECONDS - started)) s of Coderoom's steps"
  stop_server
}

bench_y-websocket() {
  echo "### @y/websocket-server 0.1.1 (node $(node --version))"
  HOST=127.0.0.1 PORT=$((BENCH_PORT + 1)) "${pin_server[@]}" \
    node "$HERE/peers/node_modules/@y/websocket-server/src/server.js" >/dev/null 2>&1 &
  server_pid=$!
  wait_port $((BENCH_PORT + 1))
  load --target plain --url "ws://127.0.0.1:$((BENCH_PORT + 1))" "$@"
  stop_server
}

bench_hocuspocus() {
  echo "### @hocuspocus/server 3.4.4"
  PORT=$((BENCH_PORT + 2)) "${pin_server[@]}" node "$HERE/peers/hocuspocus.mjs" >/dev/null 2>&1 &
  server_pid=$!
  wait_port $((BENCH_PORT + 2))
  load --target hocuspocus --url "ws://127.0.0.1:$((BENCH_PORT + 2))" "$@"
  stop_server
}

for target in $TARGETS; do
  "bench_$target" "$@"
  echo
done
