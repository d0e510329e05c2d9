# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): Redis: the one ./coderoom starts (a password, a memory limit), or one that takes our password.

# redis_ping [PASSWORD]: Redis's first answer to PING (after AUTH when given a password): PONG,
# NOAUTH..., WRONGPASS..., an AUTH error, or nothing when nobody answers.
redis_ping() {
  local host=$CODEROOM_REDIS_HOST port=$CODEROOM_REDIS_PORT
  if command -v redis-cli >/dev/null 2>&1; then
    if [[ -n ${1:-} ]]; then
      # REDISCLI_AUTH keeps the password out of the process list.
      REDISCLI_AUTH=$1 redis-cli -h "$host" -p "$port" ping 2>&1 | head -1
    else
      redis-cli -h "$host" -p "$port" ping 2>&1 | head -1
    fi
    return 0
  fi
  (
    exec 3<>"/dev/tcp/$host/$port" || exit 0
    if [[ -n ${1:-} ]]; then
      printf 'AUTH %s\r\n' "$1" >&3
      IFS= read -r -t 2 reply <&3 || exit 0
      [[ $reply == +OK* ]] || { printf '%s\n' "${reply#-}"; exit 0; }
    fi
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 reply <&3 || exit 0
    printf '%s\n' "${reply#[+-]}"
  ) 2>/dev/null | tr -d '\r'
}

# open (answers without a password), ours (takes CODEROOM_REDIS_PASSWORD), locked (wants another
# password), or none (nothing answers).
redis_state() {
  local reply
  reply=$(redis_ping)
  if [[ $reply == PONG* ]]; then
    echo open
  elif [[ $reply != *NOAUTH* && $reply != *AUTH* ]]; then
    echo none
  elif [[ $(redis_ping "$CODEROOM_REDIS_PASSWORD") == PONG* ]]; then
    echo ours
  else
    echo locked
  fi
}

redis_answers() { [[ $(redis_state) == ours ]]; }

# Whether the Redis whose pid we recorded is the one on CODEROOM_REDIS_PORT: its process title
# names the address it listens on.
our_redis_on_port() {
  pid_alive "$RUN/redis.pid" || return 1
  local title
  title=$(tr '\0' ' ' <"/proc/$(cat "$RUN/redis.pid")/cmdline" 2>/dev/null) || return 1
  [[ $title =~ :$CODEROOM_REDIS_PORT( |$) ]]
}

# Redis as we start it: a password, and a memory limit with the noeviction policy. Evicting
# would silently drop queued jobs, results or stream entries; full, Redis refuses writes
# instead, and what needed the memory fails with an error that says so. The file is mode 600,
# so the password is not in the process list.
write_redis_config() {
  local conf="$STATE/redis/redis.conf" password=${CODEROOM_REDIS_PASSWORD//\\/\\\\}
  password=${password//\"/\\\"}
  (
    umask 077
    cat >"$conf" <<EOF
bind 127.0.0.1
port $CODEROOM_REDIS_PORT
dir "$STATE/redis"
daemonize yes
pidfile "$RUN/redis.pid"
logfile "$LOGS/redis.log"
appendonly yes
requirepass "$password"
maxmemory $CODEROOM_REDIS_MAXMEMORY
maxmemory-policy noeviction
EOF
  )
  printf '%s' "$conf"
}

start_redis() {
  mkdir -p "$STATE/redis"
  chmod 700 "$STATE/redis"
  redis-server "$(write_redis_config)" >/dev/null
  local i
  for i in $(seq 1 50); do redis_answers && break || sleep 0.1; done
  redis_answers || die "Redis did not start (see $LOGS/redis.log)"
  info "started Redis on 127.0.0.1:$CODEROOM_REDIS_PORT (pid $(cat "$RUN/redis.pid")) with a password and maxmemory $CODEROOM_REDIS_MAXMEMORY (noeviction)"
}

ensure_redis() {
  [[ -n $CODEROOM_REDIS_PASSWORD ]] || die "CODEROOM_REDIS_PASSWORD is empty: unset it to have one generated"
  local state
  state=$(redis_state)
  case $state in
    ours)
      info "Redis answers on $CODEROOM_REDIS_HOST:$CODEROOM_REDIS_PORT (password accepted)"
      return 0
      ;;
    open | locked)
      if is_loopback "$CODEROOM_REDIS_HOST" && our_redis_on_port; then
        # Ours, started before it had this password (or any): restart it with the password.
        info "restarting the Redis ./coderoom started (pid $(cat "$RUN/redis.pid")) with a password"
        stop_pidfile redis
        start_redis
        return 0
      fi
      if [[ $state == open ]]; then
        die "Redis on $CODEROOM_REDIS_HOST:$CODEROOM_REDIS_PORT answers without a password, and ./coderoom did not start it: anyone on this machine could read and change Coderoom's jobs there. Give it a password (requirepass) and put that in CODEROOM_REDIS_PASSWORD, stop it so ./coderoom starts its own, or set CODEROOM_REDIS_PORT to a free port."
      fi
      die "Redis on $CODEROOM_REDIS_HOST:$CODEROOM_REDIS_PORT refuses CODEROOM_REDIS_PASSWORD: set CODEROOM_REDIS_PASSWORD to its password, or CODEROOM_REDIS_PORT to a free port."
      ;;
  esac
  is_loopback "$CODEROOM_REDIS_HOST" ||
    die "Redis at $CODEROOM_REDIS_HOST:$CODEROOM_REDIS_PORT does not answer, and it is not on this machine"
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server || die "Redis is missing: install the redis-server package and run again"
    # The package starts its own service, without a password: stop it so ours takes the port.
    if [[ $(redis_state) == open ]]; then
      as_root systemctl disable --now redis-server >/dev/null 2>&1 ||
        as_root service redis-server stop >/dev/null 2>&1 || true
      info "stopped the redis-server service the package started (it has no password)"
    fi
  fi
  start_redis
}
