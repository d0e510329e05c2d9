# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): backup and restore. A backup is
# one tar archive: `manifest` (what it is), `settings.env` (the settings the data cannot be read
# without) and `database.dump` (pg_dump's custom format: one snapshot of the whole database).

BACKUP_FORMAT=1

# The settings the stored data depends on. Links are never stored, only their ids, and a link made
# before the backup is honoured only with the keys it was signed with; nothing else in the
# database is signed or encrypted (sessions, one-time links and API tokens are stored as hashes,
# room passwords as salted hashes). The PostgreSQL and Redis passwords are left out on purpose: the
# machine a backup is restored on provisions its own.
BACKUP_SETTINGS=(CODEROOM_TOKEN_KEYS)

# What a token key list looks like: kid:base64secret[,kid:base64secret...]. A restored value goes
# into .coderoom/secrets.env, which is sourced as shell, so an archive's is held to this first.
TOKEN_KEYS_FORM='^[A-Za-z0-9_.-]+:[A-Za-z0-9+/]+=*(,[A-Za-z0-9_.-]+:[A-Za-z0-9+/]+=*)*$'

# The command's scratch folder, and an archive being written, both removed however it ends.
BACKUP_WORK=""
BACKUP_PARTIAL=""
remove_backup_work() {
  [[ -z $BACKUP_WORK ]] || rm -rf "$BACKUP_WORK"
  [[ -z $BACKUP_PARTIAL ]] || rm -f "$BACKUP_PARTIAL"
}

# A folder of our own (mode 700) for the parts, deleted when the command ends, with a password
# file for the PostgreSQL clients (the password stays out of their arguments and environment).
backup_workspace() {
  BACKUP_WORK=$(mktemp -d "$STATE/backup.XXXXXX")
  trap remove_backup_work EXIT
  local password=${CODEROOM_DB_PASSWORD//\\/\\\\}
  (umask 077 && printf '*:*:*:*:%s\n' "${password//:/\\:}" >"$BACKUP_WORK/pgpass")
  export PGPASSFILE="$BACKUP_WORK/pgpass"
}

# psql as the server's role, on the server's database, over TCP as the server connects.
db_psql() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$CODEROOM_DB_HOST" -p "$CODEROOM_DB_PORT" \
    -U "$CODEROOM_DB_USER" -d "$CODEROOM_DB_NAME" "$@"
}

absolute_path() { [[ $1 == /* ]] && printf '%s' "$1" || printf '%s/%s' "$PWD" "$1"; }

manifest_value() { sed -n "s/^$1=//p" "$2" | head -1; }

# The newest schema migration a dump holds, read from the dump itself (so it is the snapshot's).
dump_schema_version() {
  pg_restore --data-only --table=flyway_schema_history -f - "$1" | awk -F'\t' '
    /^COPY / {
      sub(/^[^(]*\(/, ""); sub(/\).*$/, "")
      n = split($0, columns, ", ")
      for (i = 1; i <= n; i++) { if (columns[i] == "version") v = i; if (columns[i] == "success") s = i }
      copying = 1; next
    }
    /^\\\.$/ { copying = 0 }
    copying && $s == "t" && $v != "\\N" { print $v }' | sort -V | tail -1
}

# The newest migration this checkout's server applies.
newest_migration() {
  find "$ROOT/server/src/main/resources/db/migration" -name 'V*__*.sql' -printf '%f\n' |
    sed 's/^V\([0-9.]*\)__.*/\1/' | sort -V | tail -1
}

coderoom_version() {
  local version commit
  version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -1)
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)
  printf '%s%s' "$version" "${commit:+ ($commit)}"
}

# The address links and passkeys were made for, as `up` derives it.
effective_public_url() {
  if [[ -n ${CODEROOM_PUBLIC_URL:-} ]]; then
    printf '%s' "$CODEROOM_PUBLIC_URL"
  elif is_loopback "$CODEROOM_HOST"; then
    printf 'http://localhost:%s' "$CODEROOM_PORT"
  else
    server_url
  fi
}

key_ids() { # key_ids TOKEN_KEYS: the key ids alone, which say which keys without showing them
  local entry entries ids=()
  IFS=, read -ra entries <<<"$1"
  for entry in "${entries[@]}"; do ids+=("${entry%%:*}"); done
  local IFS=,
  printf '%s' "${ids[*]}"
}

not_in_the_archive() {
  info "not in the archive, on purpose:"
  info "  Redis: it holds only work in flight (queued and running runs' jobs, their live output"
  info "  and unread results, run-rate counters, the rooms' fan-out), which no restored server"
  info "  could resume; finished runs and their output are in the database, and runs that were"
  info "  still running are ended by the restored server as interrupted."
  info "  The PostgreSQL and Redis passwords and the API key (CODEROOM_API_KEY): each machine has"
  info "  its own, generated into .coderoom/secrets.env."
}

cmd_backup() {
  [[ $# -le 1 && ${1:-} != -* ]] || die "usage: ./coderoom backup [FILE]"
  local target
  target=$(absolute_path "${1:-$STATE/backups/coderoom-$(date -u +%Y%m%dT%H%M%SZ).tar}")
  prepare
  [[ ! -e $target ]] || die "$target exists: name another file (a backup never overwrites one)"
  [[ -n ${1:-} ]] || mkdir -p "$STATE/backups"
  [[ -d ${target%/*} ]] || die "${target%/*} is not a folder"
  ensure_command pg_dump postgresql-client
  pg_answers || die "PostgreSQL does not answer at $CODEROOM_DB_HOST:$CODEROOM_DB_PORT: start it with ./coderoom up"
  [[ $CODEROOM_TOKEN_KEYS =~ $TOKEN_KEYS_FORM ]] ||
    die "CODEROOM_TOKEN_KEYS is not of the form kid:base64secret[,kid:base64secret...]"
  backup_workspace
  local work=$BACKUP_WORK name

  log "Dumping database $CODEROOM_DB_NAME"
  # One snapshot for the whole dump; owners and grants are left out, so it restores under any role.
  pg_dump -h "$CODEROOM_DB_HOST" -p "$CODEROOM_DB_PORT" -U "$CODEROOM_DB_USER" \
    -d "$CODEROOM_DB_NAME" --format=custom --no-owner --no-privileges -f "$work/database.dump" ||
    die "pg_dump of $CODEROOM_DB_NAME failed (see above); no backup was written"
  local schema
  schema=$(dump_schema_version "$work/database.dump") || schema=""
  [[ -n $schema ]] || die "$CODEROOM_DB_NAME has no Coderoom schema (no applied migration): nothing to back up"

  (umask 077 && for name in "${BACKUP_SETTINGS[@]}"; do printf '%s=%s\n' "$name" "${!name}"; done \
    >"$work/settings.env")
  cat >"$work/manifest" <<EOF
format=$BACKUP_FORMAT
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
coderoom_version=$(coderoom_version)
schema_version=$schema
database=$CODEROOM_DB_NAME
public_url=$(effective_public_url)
settings=${BACKUP_SETTINGS[*]}
settings_sha256=$(sha256sum "$work/settings.env" | cut -d' ' -f1)
database_sha256=$(sha256sum "$work/database.dump" | cut -d' ' -f1)
EOF

  # Written beside the target and renamed, so an interrupted backup never leaves a partial archive
  # under the name; mode 600 from the first byte, since it holds the keys.
  BACKUP_PARTIAL="$target.partial.$$"
  (umask 077 && tar -cf "$BACKUP_PARTIAL" -C "$work" manifest settings.env database.dump) ||
    die "could not write $target"
  chmod 600 "$BACKUP_PARTIAL"
  mv "$BACKUP_PARTIAL" "$target"
  BACKUP_PARTIAL=""
  info "wrote $target ($(du -h "$target" | cut -f1), mode 600): database $CODEROOM_DB_NAME at schema V$schema, and the link-signing keys ($(key_ids "$CODEROOM_TOKEN_KEYS"))"
  info "it holds the keys that sign room links: keep it as safe as the server, and off this machine"
  not_in_the_archive
  info "restore it with: ./coderoom restore $target"
}

# restore_settings FILE: installs each setting of the archive (its form checked already) into
# .coderoom/secrets.env, where it replaces the generated value (a value configured in coderoom.env
# or the environment still wins over that file, so that case is told).
restore_settings() {
  local file="$STATE/secrets.env" name value generated
  for name in "${BACKUP_SETTINGS[@]}"; do
    value=$(manifest_value "$name" "$1")
    generated=$(manifest_value "$name" "$file")
    (umask 077 && { grep -v "^$name=" "$file" || true; printf '%s=%s\n' "$name" "$value"; } \
      >"$file.new")
    mv "$file.new" "$file"
    info "installed $name ($(key_ids "$value")) into $file"
    if [[ ${!name} != "$generated" && ${!name} != "$value" ]]; then
      warn "$name is also set in coderoom.env or the environment, and that value wins over $file: set it to the archive's (now in $file), or links made before the backup will be refused"
    fi
  done
}

# What a database holds that a restore would replace ("2 rooms and 1 account"), or nothing.
held_data() {
  local table exists count noun held=""
  for table in rooms users; do
    exists=$(db_psql -tAc "SELECT to_regclass('public.$table') IS NOT NULL") || return 1
    [[ $exists == t ]] || continue
    count=$(db_psql -tAc "SELECT count(*) FROM public.$table") || return 1
    noun=${table/users/accounts}
    ((count == 1)) && noun=${noun%s}
    ((count == 0)) || held+="${held:+ and }$count $noun"
  done
  printf '%s' "$held"
}

cmd_restore() {
  local archive="" force=false arg
  for arg in "$@"; do
    case $arg in
      --force) force=true ;;
      -*) die "usage: ./coderoom restore ARCHIVE [--force]" ;;
      *) [[ -z $archive ]] || die "usage: ./coderoom restore ARCHIVE [--force]"; archive=$(absolute_path "$arg") ;;
    esac
  done
  [[ -n $archive ]] || die "usage: ./coderoom restore ARCHIVE [--force]"
  prepare
  local pidfile
  for pidfile in "$RUN"/server*.pid; do
    ! pid_alive "$pidfile" ||
      die "a server ./coderoom started is running (pid $(cat "$pidfile")): stop it with ./coderoom down, then restore"
  done
  [[ -f $archive && -r $archive ]] || die "$archive is not a readable file"

  log "Checking $archive"
  ensure_command pg_restore postgresql-client
  backup_workspace
  local work=$BACKUP_WORK
  tar -xf "$archive" -C "$work" --no-same-owner --no-same-permissions \
    manifest settings.env database.dump 2>"$work/tar.err" ||
    die "$archive is not a whole Coderoom backup ($(head -1 "$work/tar.err")); nothing was changed"
  [[ $(manifest_value format "$work/manifest") == "$BACKUP_FORMAT" ]] ||
    die "$archive is not a Coderoom backup of format $BACKUP_FORMAT; nothing was changed"
  local part
  for part in settings.env database.dump; do
    [[ $(sha256sum "$work/$part" | cut -d' ' -f1) == "$(manifest_value "${part%.*}_sha256" "$work/manifest")" ]] ||
      die "$archive is damaged: its $part does not match the manifest's checksum; nothing was changed"
  done
  local name
  for name in "${BACKUP_SETTINGS[@]}"; do
    [[ $(manifest_value "$name" "$work/settings.env") =~ $TOKEN_KEYS_FORM ]] ||
      die "$archive's $name is not of the form kid:base64secret[,kid:base64secret...]; nothing was changed"
  done
  pg_restore --list "$work/database.dump" >/dev/null 2>&1 ||
    die "$archive is damaged: pg_restore cannot read its database dump; nothing was changed"
  local schema newest
  schema=$(manifest_value schema_version "$work/manifest")
  newest=$(newest_migration) || die "this checkout has no server/src/main/resources/db/migration"
  [[ $(printf '%s\n%s\n' "$schema" "$newest" | sort -V | tail -1) == "$newest" ]] ||
    die "the archive's schema (V$schema) is newer than this Coderoom's (V$newest): update Coderoom, then restore; nothing was changed"
  info "a backup of database $(manifest_value database "$work/manifest") made $(manifest_value created "$work/manifest") by Coderoom $(manifest_value coderoom_version "$work/manifest"), schema V$schema"

  step "PostgreSQL" ensure_postgres
  step "Database $CODEROOM_DB_NAME" provision_database "$CODEROOM_DB_NAME"
  local held
  held=$(held_data) || die "cannot read database $CODEROOM_DB_NAME as $CODEROOM_DB_USER (see above); nothing was changed"
  if [[ -n $held && $force != true ]]; then
    die "database $CODEROOM_DB_NAME holds $held, which a restore would replace: back it up first (./coderoom backup), then run ./coderoom restore $archive --force; the database was left as it was"
  fi

  log "Restoring database $CODEROOM_DB_NAME${held:+ (replacing $held)}"
  # One transaction: the old schema goes and the dump's comes in, or, if anything fails (a dump
  # that ends early included: COMMIT is sent only after pg_restore succeeded), nothing changes.
  {
    printf 'SET client_min_messages = warning;\nBEGIN;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n'
    pg_restore --no-owner --no-privileges -f - "$work/database.dump" && printf 'COMMIT;\n'
  } | db_psql -f - >/dev/null ||
    die "restoring into $CODEROOM_DB_NAME failed (see above); it was rolled back, the database is as it was"
  info "database $CODEROOM_DB_NAME now holds $(db_psql -tAc 'SELECT count(*) FROM rooms') rooms and $(db_psql -tAc 'SELECT count(*) FROM users') accounts (schema V$schema; a newer Coderoom migrates it when it starts)"

  restore_settings "$work/settings.env"
  local was now
  was=$(manifest_value public_url "$work/manifest")
  now=$(effective_public_url)
  if [[ $was != "$now" ]]; then
    warn "the backup was made for $was and this machine serves $now: links carry the old address, and passkeys work only on the site they were made for; set CODEROOM_PUBLIC_URL=$was and serve that address, or members sign in again with ./coderoom admin sign-in-link"
  fi
  not_in_the_archive
  info "start Coderoom with ./coderoom up; links made before the backup work again"
}
