# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): PostgreSQL: a local cluster started when none answers, and the role and database.

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$CODEROOM_DB_HOST" -p "$CODEROOM_DB_PORT" -t 2
  else
    (exec 3<>"/dev/tcp/$CODEROOM_DB_HOST/$CODEROOM_DB_PORT") 2>/dev/null
  fi
}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# The local cluster on our port, else the first one: "VERSION NAME DATA_DIRECTORY".
local_cluster() {
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$CODEROOM_DB_PORT" \
    '$3 == port { print $1, $2, $6; found = 1; exit }
     NR == 1 { first = $1 " " $2 " " $6 }
     END { if (!found && first) print first }'
}

ensure_postgres() {
  if pg_answers; then
    info "PostgreSQL answers on $CODEROOM_DB_HOST:$CODEROOM_DB_PORT"
  else
    is_loopback "$CODEROOM_DB_HOST" ||
      die "PostgreSQL at $CODEROOM_DB_HOST:$CODEROOM_DB_PORT does not answer, and it is not on this machine"
    command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql ||
      die "PostgreSQL is missing: install the postgresql package and run again"
    local cluster
    cluster=$(local_cluster)
    if [[ -z $cluster ]]; then
      local version
      version=$(ls /usr/lib/postgresql | sort -n | tail -1)
      as_root pg_createcluster "$version" main --port "$CODEROOM_DB_PORT" >/dev/null
      cluster=$(local_cluster)
    fi
    # shellcheck disable=SC2086
    set -- $cluster
    info "starting PostgreSQL cluster $1/$2"
    as_root pg_ctlcluster "$1" "$2" start
    local i
    for i in $(seq 1 30); do pg_answers && break || sleep 1; done
    pg_answers || die "PostgreSQL cluster $1/$2 did not start (see /var/log/postgresql/)"
    # Remember the postmaster's pid so down stops exactly what we started.
    as_root head -1 "$3/postmaster.pid" >"$RUN/postgres.pid"
  fi
}

# provision_database NAME [fresh]: the role and the database, created when missing
# (recreated empty with "fresh"). Only possible on a local cluster we administer.
provision_database() {
  local name=$1 fresh=${2:-}
  if ! is_loopback "$CODEROOM_DB_HOST" || ! id postgres >/dev/null 2>&1 || ! can_install; then
    info "not provisioning $name (remote or not administrable): it must exist for user $CODEROOM_DB_USER with password CODEROOM_DB_PASSWORD (generated into $STATE/secrets.env unless set)"
    return 0
  fi
  local user=$CODEROOM_DB_USER password=${CODEROOM_DB_PASSWORD//\'/\'\'}
  local psql=(as_postgres psql -q -v ON_ERROR_STOP=1 -p "$CODEROOM_DB_PORT" -d postgres)
  local verb=ALTER
  [[ -n $("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'") ]] || verb=CREATE
  # On stdin, not in psql's arguments, which every local user can list.
  printf "%s ROLE \"%s\" LOGIN PASSWORD '%s';\n" "$verb" "$user" "$password" | "${psql[@]}"
  if [[ $fresh == fresh ]]; then
    "${psql[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
  fi
  if [[ -z $("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
    "${psql[@]}" -c "CREATE DATABASE \"$name\" OWNER \"$user\""
  fi
  info "database $name ready for user $user"
}
