#!/bin/bash
# Starts Redis with the settings ./coderoom gives its own (deploy/dev/redis.sh): a password, an
# append-only file in the /data volume, a memory limit and noeviction, so that a full Redis refuses
# writes rather than silently drops queued run jobs. The password goes into a file only this user
# reads, not onto the command line where the host's process list would show it.
#   CODEROOM_REDIS_PASSWORD (required), CODEROOM_REDIS_MAXMEMORY (default 256mb)
set -euo pipefail

[[ -n ${CODEROOM_REDIS_PASSWORD:-} ]] ||
  { echo "error: CODEROOM_REDIS_PASSWORD is not set: Redis must not answer without a password" >&2; exit 1; }
[[ $CODEROOM_REDIS_PASSWORD != *[[:space:]\"]* ]] ||
  { echo "error: CODEROOM_REDIS_PASSWORD may not hold spaces or quotes" >&2; exit 1; }

conf=/run/coderoom-redis/redis.conf
umask 077
cat >"$conf" <<CONF
bind * -::*
port 6379
protected-mode no
dir /data
appendonly yes
requirepass "$CODEROOM_REDIS_PASSWORD"
maxmemory ${CODEROOM_REDIS_MAXMEMORY:-256mb}
maxmemory-policy noeviction
CONF
unset CODEROOM_REDIS_PASSWORD
exec redis-server "$conf"
