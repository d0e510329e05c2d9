# shellcheck shell=bash
# Sourced by the comparison benchmarks (sync-compare.sh, cluster-compare.sh), which set HERE (this
# folder's parent) and ROOT: the built jars, the JVM options and CPU pinning every comparison
# uses, the node peers, and the processes a benchmark starts, each stopped by pid when its target
# ends or the script exits.

JAVA="$JAVA_HOME/bin/java"
jar() { ls "$ROOT/$1"/target/coderoom-*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -1; }
LOAD_CP="$(jar load-tests):$ROOT/load-tests/target/lib/*"
SERVER_CP="$(jar server):$ROOT/server/target/lib/*"

# A Coderoom server's heap starts small and gives memory back, so its RSS reads as what its rooms
# hold; the load generator gets a large heap of its own.
SERVER_JVM=(-XX:+UseSerialGC -Xms64m -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  --enable-native-access=ALL-UNNAMED)
LOAD_JVM=(-Xms1g -Xmx4g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED)

# Every server on CPU 0, so they all get the same single core (the node servers use one anyway);
# the load generator (and HAProxy) on CPU 1, never competing with them.
pin_server=() pin_side=()
if [[ $(nproc) -ge 2 ]] && command -v taskset >/dev/null; then
  pin_server=(taskset -c 0) pin_side=(taskset -c 1)
fi

(cd "$HERE/peers" && [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error)

started=()
stop_started() {
  local pid
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  started=()
}
run_started() { # run_started COMMAND...: in the background, recorded in started
  "$@" &
  started+=("$!")
}
trap stop_started EXIT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # free_port FROM: the first port from FROM on which nothing listens
  local port=$1
  while listening "$port"; do port=$((port + 1)); done
  echo "$port"
}

wait_port() { # wait_port PORT: until the process started last listens there (60 s at most)
  for _ in $(seq 1 600); do
    listening "$1" && return 0
    kill -0 "${started[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  return 1
}
