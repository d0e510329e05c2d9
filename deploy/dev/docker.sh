# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): the Docker engine runner agents start containers through, and the runner images.

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

ensure_docker() {
  if docker_answers; then
    info "Docker engine answers"
    return 0
  fi
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io || {
    warn "no Docker engine: runs of candidates' code will not work until docker.io is installed"
    return 0
  }
  if ! can_install; then
    warn "dockerd needs root to start: start it yourself (sudo dockerd) to run code"
    return 0
  fi
  as_root sh -c "nohup dockerd </dev/null >'$LOGS/dockerd.log' 2>&1 & echo \$! >'$RUN/dockerd.pid'"
  local i
  for i in $(seq 1 60); do docker_answers && break || sleep 0.5; done
  if docker_answers; then
    info "started dockerd (pid $(cat "$RUN/dockerd.pid"))"
  else
    warn "dockerd did not start (see $LOGS/dockerd.log): code runs will not work"
  fi
}

# Runner images: built offline (debootstrap base, no registry) by deploy/runner-images/build.sh,
# which skips the images that are current.
ensure_runner_images() {
  if ! docker_answers; then
    warn "no Docker engine: runner images not built, code runs will not work"
    return 0
  fi
  if ! can_install; then
    warn "building runner images needs root (debootstrap): run deploy/runner-images/build.sh as root"
    return 0
  fi
  as_root "$ROOT/deploy/runner-images/build.sh" 2>&1 | tee "$LOGS/runner-images.log" ||
    die "building the runner images failed (log: $LOGS/runner-images.log)"
}
