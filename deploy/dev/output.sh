# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): what the steps print.

log() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# step "what it does" command args...: prints the step and how long it took.
step() {
  local name=$1
  shift
  local started=$SECONDS
  log "$name"
  "$@"
  info "done in $((SECONDS - started)) s"
}
