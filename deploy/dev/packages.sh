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

# HAProxy: the load balancer in front of several server instances.
ensure_haproxy() {
  ensure_command haproxy haproxy
}

# Browser tests (server BrowserIT) drive Debian's Chromium through playwright-core.
ensure_chromium() {
  ensure_command chromium chromium
  info "$(chromium --version 2>/dev/null | head -1)"
}

# The multi-host test (server MultiHostIT) makes its hosts with iproute2's `ip netns` and puts
# HAProxy in front of their server instances.
ensure_multihost_tools() {
  ensure_command ip iproute2
  ensure_haproxy
  info "$(haproxy -v 2>/dev/null | head -1)"
}

# Poppler's pdftoppm and pdftotext: the browser tests print the report to PDF and read it back.
ensure_pdf_tools() {
  ensure_command pdftoppm poppler-utils
  ensure_command pdftotext poppler-utils
  info "$(pdftoppm -v 2>&1 | head -1)"
}

# The Kubernetes manifests' check (deploy/kubernetes/check) renders them with `kubectl kustomize`,
# which needs kubectl 1.27 or newer (kustomize v5: components, labels, patches). Debian's own
# kubernetes-client is older (bookworm: 1.20), so the `kubectl` package comes first where an apt
# source has it (the machines this project's CI runs on carry it), Debian's as the fallback.
ensure_kubectl() {
  if ! kubectl_minor_at_least 27; then
    if apt_has kubectl; then apt_install kubectl || true; else apt_install kubernetes-client || true; fi
  fi
  kubectl_minor_at_least 27 ||
    die "kubectl 1.27 or newer is missing (the Kubernetes check renders deploy/kubernetes with it): install the kubectl package and run again"
  info "kubectl $(kubectl version --client 2>/dev/null | head -2 | tr '\n' ' ')"
}

kubectl_minor_at_least() { # kubectl_minor_at_least MINOR: a kubectl 1.MINOR or newer is installed
  command -v kubectl >/dev/null 2>&1 || return 1
  local minor
  minor=$(kubectl version --client -o json 2>/dev/null | grep -o '"minor": *"[0-9]*' | grep -o '[0-9]*$')
  [[ ${minor:-0} -ge $1 ]]
}
