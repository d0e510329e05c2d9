#!/bin/bash
# Starts PostgreSQL; on the first start (an empty volume) makes the cluster and the role and
# database Coderoom's servers use, with the password from the environment:
#   CODEROOM_DB_NAME, CODEROOM_DB_USER (default coderoom), CODEROOM_DB_PASSWORD (required).
# Only that role is reachable over the network (scram-sha-256); the superuser has no password and
# connects through the container's own socket only.
set -euo pipefail

: "${CODEROOM_DB_NAME:=coderoom}"
: "${CODEROOM_DB_USER:=coderoom}"
[[ -n ${CODEROOM_DB_PASSWORD:-} ]] ||
  { echo "error: CODEROOM_DB_PASSWORD is not set: the database role needs a password" >&2; exit 1; }

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  echo "coderoom-postgres: making the cluster in $PGDATA"
  initdb --pgdata="$PGDATA" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cat >"$PGDATA/pg_hba.conf" <<HBA
local all postgres peer
host $CODEROOM_DB_NAME $CODEROOM_DB_USER 0.0.0.0/0 scram-sha-256
host $CODEROOM_DB_NAME $CODEROOM_DB_USER ::/0 scram-sha-256
HBA
  # Listening on the socket only while the role is made: nobody connects to a half-made database.
  pg_ctl --pgdata="$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  psql -v ON_ERROR_STOP=1 -q -U postgres -d postgres -v user="$CODEROOM_DB_USER" \
    -v password="$CODEROOM_DB_PASSWORD" -v db="$CODEROOM_DB_NAME" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"user";
SQL
  pg_ctl --pgdata="$PGDATA" -m fast -w stop >/dev/null
  echo "coderoom-postgres: role $CODEROOM_DB_USER and database $CODEROOM_DB_NAME made"
fi
# The password lives in the cluster now; the server process does not need it in its environment.
unset CODEROOM_DB_PASSWORD
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql
