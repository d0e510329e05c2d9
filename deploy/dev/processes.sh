# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): the processes ./coderoom starts
# and stops, each by its pid file.

# What `up` starts, one process per entry: `server:PORT` (a server on that port) or
# `runner-agent`. A second server instance is one more entry, `server:8081`: instances on one
# database and Redis serve every room between them (see server/CLUSTER.md).
process_list() {
  printf '%s\n' "server:$CODEROOM_PORT" runner-agent
}

# A process's name, for its pid file and log: server-8080, runner-agent.
process_name() { printf '%s' "${1/:/-}"; }

process_names() {
  local entry
  while read -r entry; do
    printf '%s\n' "$(process_name "$entry")"
  done < <(process_list)
}

pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_java() { # start_java NAME MODULE_DIR MAIN_CLASS
  local name=$1 module=$2 main=$3 pidfile="$RUN/$1.pid"
  if pid_alive "$pidfile"; then
    info "$name already running (pid $(cat "$pidfile"))"
    return 0
  fi
  # Run from the root (relative paths in the config resolve there); record java's own pid.
  cd "$ROOT"
  nohup "$JAVA_HOME/bin/java" -XX:+UseZGC --enable-native-access=ALL-UNNAMED \
    -cp "$(classpath "$module")" "$main" </dev/null >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$pidfile"
  info "started $name (pid $(cat "$pidfile"), log $LOGS/$name.log)"
}

start_process() { # start_process ENTRY (of process_list)
  case $1 in
    server:*)
      # The server reads its port from the environment; this process gets the entry's.
      CODEROOM_PORT=${1#server:} start_java "$(process_name "$1")" server \
        io.coderoom.server.CoderoomServer
      ;;
    runner-agent)
      start_java runner-agent runner-agent/agent io.coderoom.runner.agent.RunnerAgent ;;
    *) die "unknown process '$1' in the process list (server:PORT or runner-agent)" ;;
  esac
}

server_url() { printf 'http://%s:%s' "$CODEROOM_HOST" "${1:-$CODEROOM_PORT}"; }

wait_for_server() { # wait_for_server PORT
  local i url name="server-$1"
  url="$(server_url "$1")"
  for i in $(seq 1 120); do
    if curl -fsS "$url/healthz" >/dev/null 2>&1; then
      info "$name answers at $url"
      return 0
    fi
    pid_alive "$RUN/$name.pid" || {
      tail -20 "$LOGS/$name.log" >&2
      die "$name exited (full log: $LOGS/$name.log)"
    }
    sleep 0.5
  done
  die "$name did not answer $url/healthz within 60 s (log: $LOGS/$name.log)"
}

start_processes() {
  local entry
  while read -r entry; do
    step "Starting $(process_name "$entry")" start_process "$entry"
  done < <(process_list)
  while read -r entry; do
    [[ $entry != server:* ]] || wait_for_server "${entry#server:}"
  done < <(process_list)
}

stop_pidfile() { # stop_pidfile NAME [SIGNAL]: SIGTERM (or SIGNAL), wait 30 s, then SIGKILL
  local pidfile="$RUN/$1.pid" signal=${2:-TERM} pid i
  [[ -f $pidfile ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    as_root kill "-$signal" "$pid" 2>/dev/null || true
    for i in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$1 (pid $pid) ignored SIG$signal for 30 s; killing it"
      as_root kill -KILL "$pid" 2>/dev/null || true
    fi
    info "stopped $1 (pid $pid)"
  fi
  rm -f "$pidfile"
}

# Every process ./coderoom started, the list's and those of an earlier, longer list: agents first,
# so no run is left without the server it reports to.
stop_processes() {
  local pidfile
  for pidfile in "$RUN"/runner-agent*.pid "$RUN"/server*.pid; do
    [[ -f $pidfile ]] || continue
    pidfile=${pidfile##*/}
    stop_pidfile "${pidfile%.pid}"
  done
}
