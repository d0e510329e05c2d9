# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): installing Debian packages, and the tools the browser tests use.

can_install() { [[ $(id -u) -eq 0 ]] || command -v sudo >/dev/null 2>&1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# apt_install package...: installs Debian/Ubuntu packages, or explains what is missing.
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1 || ! can_install; then
    warn "cannot install $* here (needs apt-get and root or sudo): install it and run again"
    return 1
  fi
  if [[ $APT_UPDATED == false ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=true
  fi
  info "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    >"$LOGS/apt.log" 2>&1 || {
    tail -20 "$LOGS/apt.log" >&2
    warn "apt-get install $* failed (full log: $LOGS/apt.log)"
    return 1
  }
}

apt_has() { apt-cache show "$1" >/dev/null 2>&1; }

ensure_command() { # ensure_command COMMAND PACKAGE...
  local command=$1
  shift
  command -v "$command" >/dev/null 2>&1 || apt_install "$@" || true
  command -v "$command" >/dev/null 2>&1 || die "$command is missing: install it ($*) and run again"
}

# Browser tests (server BrowserIT) drive Debian's Chromium through playwright-core.
ensure_chromium() {
  ensure_command chromium chromium
  info "$(chromium --version 2>/dev/null | head -1)"
}

# Poppler's pdftoppm and pdftotext: the browser tests print the report to PDF and read it back.
ensure_pdf_tools() {
  ensure_command pdftoppm poppler-utils
  ensure_command pdftotext poppler-utils
  info "$(pdftoppm -v 2>&1 | head -1)"
}
