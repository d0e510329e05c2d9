#!/usr/bin/env bash
# The cluster benchmark: Coderoom on one instance, then on two instances behind HAProxy (round
# robin, no stickiness), then @y/websocket-server and Hocuspocus, each under the same stepped load
# (rooms x clients x edits/s, SyncLoad's options), one after the other in one run. It prints, per
# step, delivery latency (p50/p99), the relay hop's cost (two instances minus one), and CPU time
# (user + kernel) per 1,000 delivered updates of the servers (all instances summed) and of HAProxy
# apart, with Coderoom's ratio to each node server; the table is also written as JSON to
# load-tests/target/cluster-compare/summary.json.
#
# Both Coderoom runs go through HAProxy, one instance behind it the first time, so the difference
# between them is the relay hop, not the proxy's. With two instances, a room's first socket takes
# the room and the others land on either instance, so about a third of the sockets reach their
# room through a relay and more than half of the deliveries take a relay hop (both are printed).
# Every server (both instances together, and each node server) is pinned to CPU 0, HAProxy and
# the load generator to CPU 1 (lib/bench-processes.sh, as for sync-compare). Coderoom uses a database of its own
# (`coderoom bench` makes it afresh) and Redis database BENCH_REDIS_DB. Run it through
# `./coderoom bench cluster-compare [SyncLoad options]`, which provides JAVA_HOME, the database and
# Redis settings and the built jars; STEPS (room counts) and TARGETS choose what runs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
: "${STEPS:=50,150}"
: "${TARGETS:=coderoom-1 coderoom-2 y-websocket hocuspocus}"
: "${BENCH_REDIS_DB:=8}"
[[ $BENCH_REDIS_DB != 0 && $BENCH_REDIS_DB != 1 ]] ||
  { echo "BENCH_REDIS_DB must not be 0 or 1 (a running server's and the tests' databases)" >&2; exit 1; }
export CODEROOM_REDIS_URL="${CODEROOM_REDIS_URL%/*}/$BENCH_REDIS_DB"
# Kept short: a few minutes for the four servers. Each is primed, so the steps meet warm code: 40 s,
# as with 20 s the first step of two instances still paid for their compilers and their heaps
# settling (109 ms per 1,000 deliveries at 50 rooms, where the same step repeated took 58). The
# comparison wants every server at every step, so a step that is not sustained does not end the
# stepping; it is marked in the table.
LOAD_DEFAULTS=(--prime 40 --prime-rooms 50 --warmup 8 --duration 15 --all-steps)
INSTANCE_HEADER=X-Coderoom-Instance
OUT="$HERE/target/cluster-compare"
WORK="$OUT/logs"  # the servers' and HAProxy's logs and its configuration, kept for a look after the run
mkdir -p "$OUT" "$WORK"
rm -f "$OUT"/*.json

# shellcheck source=lib/bench-processes.sh
. "$HERE/lib/bench-processes.sh"
# shellcheck source=lib/postgres-cpu.sh
. "$HERE/lib/postgres-cpu.sh"

load() { # load SUMMARY_NAME SYNCLOAD_ARGS...
  local name=$1
  shift
  "${pin_side[@]}" "$JAVA" "${LOAD_JVM[@]}" ${LOAD_JAVA_OPTS:-} -cp "$LOAD_CP" \
    io.coderoom.loadtest.SyncLoad --rooms "$STEPS" --summary "$OUT/$name.json" "$@"
}

start_instance() { # start_instance PORT FRONT_PORT: one Coderoom instance behind HAProxy on FRONT_PORT
  # Rooms of a finished step unload within a second; the steps create hundreds of rooms from one
  # address, past the default room-creation limit. The public URL is HAProxy's, as in any
  # deployment behind a load balancer: the instances accept sockets from its origin.
  CODEROOM_PORT=$1 CODEROOM_CLUSTER_ADDRESS=127.0.0.1:$1 CODEROOM_PUBLIC_URL=http://127.0.0.1:$2 \
    CODEROOM_LOG_LEVEL=WARN CODEROOM_ROOM_IDLE_SECONDS=1 CODEROOM_ROOMS_PER_MINUTE=0 \
    run_started "${pin_server[@]}" "$JAVA" "${SERVER_JVM[@]}" ${SERVER_JAVA_OPTS:-} \
    -cp "$SERVER_CP" io.coderoom.server.CoderoomServer \
    >"$WORK/server-$1.log" 2>&1
}

# HAProxy in front of the given ports: round robin per connection, no stickiness, and a response
# header naming the instance, from which the load generator knows which sockets are relayed.
start_haproxy() { # start_haproxy FRONT_PORT BACKEND_PORT...
  local front=$1 port i=0
  shift
  {
    printf 'global\n  maxconn 8000\n  nbthread 1\n'
    printf 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 60s\n'
    printf '  timeout server 60s\n  timeout tunnel 1h\n'
    printf 'frontend bench\n  bind 127.0.0.1:%s\n  default_backend coderoom\n' "$front"
    printf 'backend coderoom\n  balance roundrobin\n'
    printf '  http-response set-header %s %%s\n' "$INSTANCE_HEADER"
    for port in "$@"; do
      i=$((i + 1))
      printf '  server instance-%s 127.0.0.1:%s\n' "$i" "$port"
    done
  } >"$WORK/haproxy.cfg"
  run_started "${pin_side[@]}" haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1
}

bench_coderoom() { # bench_coderoom INSTANCES SYNCLOAD_ARGS...
  local count=$1 ports=() pids=() port proxy front
  shift
  port=8095
  for _ in $(seq 1 "$count"); do
    port=$(free_port $((port + 1)))
    ports+=("$port")
  done
  front=$(free_port $((port + 1)))
  for port in "${ports[@]}"; do
    start_instance "$port" "$front"
    pids+=("${started[-1]}")
    wait_port "$port" || { tail -20 "$WORK/server-$port.log" >&2; return 1; }
  done
  start_haproxy "$front" "${ports[@]}"
  proxy=${started[-1]}
  wait_port "$front" || { cat "$WORK/haproxy.log" >&2; return 1; }
  echo "### Coderoom, $count instance(s) on ports ${ports[*]} behind HAProxy $(haproxy -v | head -1 | awk '{print $3}') on $front"
  local pg_before started_at=$SECONDS
  pg_before=$(postgres_cpu_seconds)
  load "coderoom-$count" --target coderoom --url "http://127.0.0.1:$front" \
    --api-key "$CODEROOM_API_KEY" --server-pid "$(IFS=,; echo "${pids[*]}")" --proxy-pid "$proxy" \
    --instance-header "$INSTANCE_HEADER" --collect-before-memory "${LOAD_DEFAULTS[@]}" "$@"
  echo "postgresql    $(($(postgres_cpu_seconds) - pg_before)) CPU seconds over the $((SECONDS - started_at)) s of these steps (shared PostgreSQL)"
  stop_started
}

bench_coderoom-1() { bench_coderoom 1 "$@"; }
bench_coderoom-2() { bench_coderoom 2 "$@"; }

bench_node() { # bench_node NAME TARGET SCRIPT SYNCLOAD_ARGS...
  local name=$1 target=$2 script=$3 port
  shift 3
  port=$(free_port 8096)
  HOST=127.0.0.1 PORT=$port run_started "${pin_server[@]}" node "$script" >/dev/null 2>&1
  wait_port "$port"
  load "$name" --target "$target" --url "ws://127.0.0.1:$port" --server-pid "${started[-1]}" \
    "${LOAD_DEFAULTS[@]}" "$@"
  stop_started
}

bench_y-websocket() {
  echo "### @y/websocket-server 0.1.1 (node $(node --version))"
  bench_node y-websocket plain "$HERE/peers/node_modules/@y/websocket-server/src/server.js" "$@"
}

bench_hocuspocus() {
  echo "### @hocuspocus/server 3.4.4 (node $(node --version))"
  bench_node hocuspocus hocuspocus "$HERE/peers/hocuspocus.mjs" "$@"
}

for target in $TARGETS; do
  "bench_$target" "$@"
  echo
done

echo "### Side by side (CPU time is user + kernel, read from /proc/PID/stat over each measured step)"
reports=()
for target in $TARGETS; do reports+=("$target=$OUT/$target.json"); done
"$JAVA" -cp "$LOAD_CP" io.coderoom.loadtest.ClusterCompareReport --out "$OUT/summary.json" \
  --note "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (other work on the machine shows there); servers pinned to CPU 0, HAProxy and the load generator to CPU 1" \
  "${reports[@]}"
