#!/usr/bin/env bash
# What finished runs leave behind in Redis: starts a server and a warm runner agent on their own
# Redis database, finishes ROOMS x RUNS_PER_ROOM runs through the REST API (RunFootprint), then
# counts the keys, the stream entries and the bytes (MEMORY USAGE) left in that database. Run it
# through `./coderoom bench run-footprint [RunFootprint options]`.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
: "${BENCH_PORT:=8095}" "${BENCH_REDIS_DB:=9}"
JAVA="$JAVA_HOME/bin/java"
jar() { ls "$ROOT/$1"/target/coderoom-*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -1; }
API_KEY=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
export CODEROOM_REDIS_URL="${CODEROOM_REDIS_URL%/*}/$BENCH_REDIS_DB"
LOGS=${TMPDIR:-/tmp}
# redis-cli takes the password from the environment, never from its arguments.
[[ -z ${CODEROOM_REDIS_PASSWORD:-} ]] || export REDISCLI_AUTH=$CODEROOM_REDIS_PASSWORD
redis() {
  redis-cli -h "${CODEROOM_REDIS_HOST:-127.0.0.1}" -p "${CODEROOM_REDIS_PORT:-6379}" \
    -n "$BENCH_REDIS_DB" "$@"
}

server= agent=
stop() { for pid in "$@"; do [[ -z $pid ]] || { kill "$pid" && wait "$pid"; } 2>/dev/null || true; done; }
trap 'stop "$agent" "$server"' EXIT

redis flushdb >/dev/null
CODEROOM_PORT=$BENCH_PORT CODEROOM_API_KEY=$API_KEY CODEROOM_LOG_LEVEL=WARN CODEROOM_ROOMS_PER_MINUTE=0 \
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(jar server):$ROOT/server/target/lib/*" \
  io.coderoom.server.CoderoomServer >"$LOGS/coderoom-bench-server.log" 2>&1 &
server=$!
CODEROOM_RUNNER_WARM=1 CODEROOM_LOG_LEVEL=WARN CODEROOM_AGENT_METRICS_PORT=0 CODEROOM_AGENT_ID="bench-footprint-$$" \
  "$JAVA" --enable-native-access=ALL-UNNAMED \
  -cp "$(jar runner-agent/agent):$ROOT/runner-agent/agent/target/lib/*" \
  io.coderoom.runner.agent.RunnerAgent >"$LOGS/coderoom-bench-agent-footprint.log" 2>&1 &
agent=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$BENCH_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
sleep 5 # the agent joins the queue and fills its pool

"$JAVA" -cp "$(jar load-tests):$ROOT/load-tests/target/lib/*" io.coderoom.loadtest.RunFootprint \
  --url "http://127.0.0.1:$BENCH_PORT" --api-key "$API_KEY" "$@"
sleep 2 # results read, streams trimmed

keys=0 bytes=0 outputs=0
while read -r key; do
  [[ -n $key ]] || continue
  keys=$((keys + 1))
  [[ $key == run:*:out ]] && outputs=$((outputs + 1))
  bytes=$((bytes + $(redis memory usage "$key" samples 0)))
done < <(redis --scan)
printf 'Redis database %s after the runs: %d keys (%d run output streams), %d bytes (MEMORY USAGE)\n' \
  "$BENCH_REDIS_DB" "$keys" "$outputs" "$bytes"
for stream in runs:jobs runs:results; do
  printf '  %-13s %6s entries\n' "$stream" "$(redis xlen "$stream")"
done
