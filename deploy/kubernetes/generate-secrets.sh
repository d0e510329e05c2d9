#!/usr/bin/env bash
# Writes an overlay's credentials, which its secretGenerator turns into the two Secrets:
#   OVERLAY/secrets/server.env   server-credentials: API key, link-signing keys, PostgreSQL password
#   OVERLAY/secrets/runner.env   runner-credentials: Redis password, metrics token (what the runner
#                                nodes' kubelets may read, since agents use them)
# Both are git-ignored and mode 600. A value already in a file is kept; one set in the environment
# is used instead of a generated one (for example CODEROOM_DB_PASSWORD of a managed database, or
# the CODEROOM_TOKEN_KEYS of an existing installation, so that its links keep working).
#
#   deploy/kubernetes/generate-secrets.sh deploy/kubernetes/overlays/small
set -euo pipefail

overlay=${1:?usage: generate-secrets.sh OVERLAY_DIRECTORY}
[[ -f $overlay/kustomization.yaml ]] || { echo "$overlay has no kustomization.yaml" >&2; exit 1; }

random_secret() { # random_secret LENGTH: letters and digits, safe in a redis:// URL
  local secret=""
  while [[ ${#secret} -lt $1 ]]; do
    secret+=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${secret:0:$1}"
}

generate() { # generate NAME: a fresh value of the secret NAME
  case $1 in
    # kid:base64secret, 32 bytes; the server signs with the first key and verifies with all.
    CODEROOM_TOKEN_KEYS) printf 'k%s:%s' "$(date +%Y%m%d)" "$(head -c 32 /dev/urandom | base64)" ;;
    *) random_secret 32 ;;
  esac
}

fill() { # fill FILE NAME...: appends each NAME the file lacks
  local file=$1 name
  shift
  (umask 077 && touch "$file")
  chmod 600 "$file"
  for name in "$@"; do
    grep -q "^$name=" "$file" && continue
    printf '%s=%s\n' "$name" "${!name:-$(generate "$name")}" >>"$file"
  done
}

mkdir -p "$overlay/secrets"
chmod 700 "$overlay/secrets"
fill "$overlay/secrets/server.env" CODEROOM_API_KEY CODEROOM_TOKEN_KEYS CODEROOM_DB_PASSWORD
fill "$overlay/secrets/runner.env" CODEROOM_REDIS_PASSWORD CODEROOM_METRICS_TOKEN
echo "credentials in $overlay/secrets/ (server.env, runner.env)"
