# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): the configuration, the generated secrets, and the URLs derived from them.

load_config() {
  local file=${CODEROOM_CONFIG:-$ROOT/coderoom.env}
  if [[ -f $file ]]; then
    set -a
    # shellcheck disable=SC1090
    . "$file"
    set +a
  fi
  : "${CODEROOM_HOST:=127.0.0.1}"
  : "${CODEROOM_PORT:=8080}"
  : "${CODEROOM_DB_HOST:=127.0.0.1}"
  : "${CODEROOM_DB_PORT:=5432}"
  : "${CODEROOM_DB_NAME:=coderoom}"
  : "${CODEROOM_DB_USER:=coderoom}"
  : "${CODEROOM_REDIS_HOST:=127.0.0.1}"
  : "${CODEROOM_REDIS_PORT:=6379}"
  : "${CODEROOM_REDIS_MAXMEMORY:=256mb}"
  : "${CODEROOM_WEB_DIR:=$ROOT/web-client/dist}"
  : "${CODEROOM_RUNNER_SLOTS:=2}"
  export CODEROOM_HOST CODEROOM_PORT CODEROOM_DB_USER CODEROOM_WEB_DIR CODEROOM_RUNNER_SLOTS
  load_secrets
  use_database "$CODEROOM_DB_NAME"
  use_redis_db 0
}

# Secrets generated once into .coderoom/secrets.env (mode 600) unless configured: the API key
# (creates rooms), the keys room links are signed with (so links survive restarts), the
# PostgreSQL and Redis passwords, and the token /metrics and /readyz ask for. A secret added in a
# later version is appended to an existing file.
SECRETS=(CODEROOM_API_KEY CODEROOM_TOKEN_KEYS CODEROOM_DB_PASSWORD CODEROOM_REDIS_PASSWORD
  CODEROOM_METRICS_TOKEN)

random_secret() { # random_secret LENGTH: letters and digits, safe in URLs and config files
  local secret=""
  while [[ ${#secret} -lt $1 ]]; do
    secret+=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${secret:0:$1}"
}

# Appends to FILE (made mode 600) each secret of SECRETS it lacks, generated, except NAMES.
write_missing_secrets() { # write_missing_secrets FILE [NAMES...]
  local file=$1 name
  shift
  (umask 077 && touch "$file")
  chmod 600 "$file"
  for name in "${SECRETS[@]}"; do
    [[ " $* " == *" $name "* ]] && continue
    grep -q "^$name=" "$file" && continue
    case $name in
      CODEROOM_TOKEN_KEYS)
        printf '%s=k%s:%s\n' "$name" "$(date +%Y%m%d)" "$(head -c 32 /dev/urandom | base64)" ;;
      *) printf '%s=%s\n' "$name" "$(random_secret 32)" ;;
    esac >>"$file"
  done
}

load_secrets() {
  local file="$STATE/secrets.env" name
  mkdir -p "$STATE"
  chmod 700 "$STATE"
  local -A configured=()
  for name in "${SECRETS[@]}"; do
    [[ -n ${!name:-} ]] && configured[$name]=${!name}
  done
  write_missing_secrets "$file" "${!configured[@]}"
  set -a
  # shellcheck disable=SC1090
  . "$file"
  set +a
  # Configured values win over generated ones.
  for name in "${!configured[@]}"; do
    printf -v "$name" '%s' "${configured[$name]}"
  done
  export "${SECRETS[@]}"
}

# The server reads URLs; the script derives them from the parts it provisions.
use_database() {
  export CODEROOM_DB_URL="jdbc:postgresql://$CODEROOM_DB_HOST:$CODEROOM_DB_PORT/$1"
}

# Lettuce (server and agents) takes the password in the URL: redis://:PASSWORD@HOST:PORT/DB.
use_redis_db() {
  local auth=""
  [[ -z $CODEROOM_REDIS_PASSWORD ]] || auth=":$(url_encode "$CODEROOM_REDIS_PASSWORD")@"
  export CODEROOM_REDIS_URL="redis://$auth$CODEROOM_REDIS_HOST:$CODEROOM_REDIS_PORT/$1"
}

url_encode() {
  local LC_ALL=C text=$1 out="" c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c" && out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# GET /readyz (curl options first, e.g. -f) with the metrics token when there is one; curl reads
# the header from stdin, so the token never shows in the process list.
readyz() {
  if [[ -n ${CODEROOM_METRICS_TOKEN:-} ]]; then
    printf 'Authorization: Bearer %s\n' "$CODEROOM_METRICS_TOKEN" |
      curl -sS "$@" -H @- "$(server_url)/readyz"
  else
    curl -sS "$@" "$(server_url)/readyz"
  fi
}

is_loopback() { [[ $1 == 127.* || $1 == localhost || $1 == ::1 ]]; }
