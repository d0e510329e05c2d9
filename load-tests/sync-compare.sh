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
API_KEY=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)

# shellcheck source=lib/bench-processes.sh
. "$HERE/lib/bench-processes.sh"
# shellcheck source=lib/postgres-cpu.sh
. "$HERE/lib/postgres-cpu.sh"

load() { # load SYNCLOAD_ARGS...: against the server started last
  "${pin_side[@]}" "$JAVA" "${LOAD_JVM[@]}" ${LOAD_JAVA_OPTS:-} -cp "$LOAD_CP" \
    io.coderoom.loadtest.SyncLoad --rooms "$STEPS" --server-pid "${started[-1]}" "$@"
}

bench_coderoom() {
  echo "### Coderoom"
  # Rooms of a finished step unload within a second, before the next step reads idle memory; the
  # steps create thousands of rooms from one address, past the default room-creation limit.
  CODEROOM_PORT=$BENCH_PORT CODEROOM_API_KEY=$API_KEY CODEROOM_LOG_LEVEL=WARN CODEROOM_ROOM_IDLE_SECONDS=1 \
    CODEROOM_ROOMS_PER_MINUTE=0 \
    run_started "${pin_server[@]}" "$JAVA" "${SERVER_JVM[@]}" ${SERVER_JAVA_OPTS:-} \
    -cp "$SERVER_CP" io.coderoom.server.CoderoomServer >"${TMPDIR:-/tmp}/coderoom-bench-server.log" 2>&1
  wait_port "$BENCH_PORT"
  local pg_before=$(postgres_cpu_seconds) started_at=$SECONDS
  load --target coderoom --url "http://127.0.0.1:$BENCH_PORT" --api-key "$API_KEY" \
    --collect-before-memory "$@"
  echo "postgresql    $(($(postgres_cpu_seconds) - pg_before)) CPU seconds over the $((SECONDS - started_at)) s of Coderoom's steps"
  stop_started
}

bench_node() { # bench_node TARGET PORT SCRIPT SYNCLOAD_ARGS...
  local target=$1 port=$2 script=$3
  shift 3
  HOST=127.0.0.1 PORT=$port run_started "${pin_server[@]}" node "$script" >/dev/null 2>&1
  wait_port "$port"
  load --target "$target" --url "ws://127.0.0.1:$port" "$@"
  stop_started
}

bench_y-websocket() {
  echo "### @y/websocket-server 0.1.1 (node $(node --version))"
  bench_node plain $((BENCH_PORT + 1)) "$HERE/peers/node_modules/@y/websocket-server/src/server.js" "$@"
}

bench_hocuspocus() {
  echo "### @hocuspocus/server 3.4.4"
  bench_node hocuspocus $((BENCH_PORT + 2)) "$HERE/peers/hocuspocus.mjs" "$@"
}

for target in $TARGETS; do
  "bench_$target" "$@"
  echo
done
