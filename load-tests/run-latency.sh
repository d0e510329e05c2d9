#!/usr/bin/env bash
# Run latency through the whole path (control socket -> server -> Redis -> agent -> Docker ->
# back to the socket), per language: once with an agent that starts a fresh container per run
# (cold), once with its warm pool. Server and agent are started here on Redis database 4, so an
# agent started by `./coderoom up` takes none of the jobs. Run it through
# `./coderoom bench run-latency [RoomRunLatency options]`.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
: "${BENCH_PORT:=8094}"
JAVA="$JAVA_HOME/bin/java"
jar() { ls "$ROOT/$1"/target/coderoom-*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -1; }
API_KEY=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
export CODEROOM_REDIS_URL="${CODEROOM_REDIS_URL%/*}/4"
LOGS=${TMPDIR:-/tmp}

server= agent=
stop() { for pid in "$@"; do [[ -z $pid ]] || { kill "$pid" && wait "$pid"; } 2>/dev/null || true; done; }
trap 'stop "$agent" "$server"' EXIT

CODEROOM_PORT=$BENCH_PORT CODEROOM_API_KEY=$API_KEY CODEROOM_LOG_LEVEL=WARN \
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(jar server):$ROOT/server/target/lib/*" \
  io.coderoom.server.CoderoomServer >"$LOGS/coderoom-bench-server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null && break; sleep 0.1; done

for mode in cold warm; do
  warm=0
  [[ $mode == warm ]] && warm=1
  CODEROOM_RUNNER_WARM=$warm CODEROOM_LOG_LEVEL=WARN CODEROOM_AGENT_METRICS_PORT=0 CODEROOM_AGENT_ID="bench-$mode-$$" \
    "$JAVA" --enable-native-access=ALL-UNNAMED \
    -cp "$(jar runner-agent/agent):$ROOT/runner-agent/agent/target/lib/*" \
    io.coderoom.runner.agent.RunnerAgent >"$LOGS/coderoom-bench-agent-$mode.log" 2>&1 &
  agent=$!
  sleep 8 # the agent joins the queue (and, warm, fills its pool)
  "$JAVA" -cp "$(jar load-tests):$ROOT/load-tests/target/lib/*" io.coderoom.loadtest.RoomRunLatency \
    --url "http://127.0.0.1:$BENCH_PORT" --api-key "$API_KEY" --label "$mode" \
    --problems-dir "$ROOT/server/src/main/resources/problems" "$@"
  stop "$agent"
  agent=
done
