# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): the compose deployment of
# deploy/compose/ on this machine's Docker engine: its images, its generated secrets, up, down, and
# the check that drives one interview through its load balancer.

COMPOSE_DIR="$ROOT/deploy/compose"
# What `compose up` runs, with the secrets generated into deploy/compose/.env (git-ignored); the
# check sets its own (and its child process keeps them).
: "${CODEROOM_COMPOSE_PROJECT:=coderoom-compose}"
: "${CODEROOM_COMPOSE_ENV:=$COMPOSE_DIR/.env}"
# The agents' work folders: host folders, bind-mounted at the same path (see docker-compose.yml).
: "${CODEROOM_COMPOSE_RUNS_DIR:=/var/lib/coderoom-compose}"
# The uid the runner agent's image runs as (the one deploy/images/build.sh builds it with).
COMPOSE_AGENT_UID=10001
COMPOSE_AGENTS=(runner-1 runner-2)
: "${CODEROOM_COMPOSE_HTTPS_PORT:=8443}"
: "${CODEROOM_COMPOSE_HTTP_PORT:=8088}"
# The check's own bound: images, start, both interviews and the teardown.
: "${CODEROOM_COMPOSE_CHECK_SECONDS:=1200}"

# docker-compose on the deployment's files. The secrets come from the project's env file alone: the
# ones ./coderoom uses on this machine, if exported, must not leak into the deployment.
compose() {
  local unset=() name
  for name in "${SECRETS[@]}"; do unset+=(-u "$name"); done
  env "${unset[@]}" DOCKER_SOCKET_GID="$(stat -c %g /var/run/docker.sock)" \
    CODEROOM_COMPOSE_RUNS_DIR="$CODEROOM_COMPOSE_RUNS_DIR" \
    CODEROOM_COMPOSE_HTTPS_PORT="$CODEROOM_COMPOSE_HTTPS_PORT" \
    CODEROOM_COMPOSE_HTTP_PORT="$CODEROOM_COMPOSE_HTTP_PORT" \
    docker-compose --project-name "$CODEROOM_COMPOSE_PROJECT" --project-directory "$COMPOSE_DIR" \
    --env-file "$CODEROOM_COMPOSE_ENV" -f "$COMPOSE_DIR/docker-compose.yml" "$@"
}

compose_secret() { sed -n "s/^$1=//p" "$CODEROOM_COMPOSE_ENV"; }

# Everything the deployment runs on: the engine, docker-compose, the runner images the agents start
# (and the base every image is built from), the Maven build and the deployment's images.
compose_images() {
  step "Checking the toolchain (JDK 21+, Maven, node)" ensure_toolchain
  step "Docker engine" ensure_docker
  docker_answers || die "the compose deployment needs a Docker engine"
  step "docker-compose" ensure_command docker-compose docker-compose
  step "Runner images" compose_runner_images
  step "Building Coderoom" build
  step "Deployment images (server, runner agent, PostgreSQL, Redis, HAProxy)" \
    "$ROOT/deploy/images/build.sh"
}

# The runner images the agents start, built when one is missing. Present ones are taken as they
# are: ./coderoom up rebuilds changed ones (its builder also clears replaced layers, which this
# command, sharing the engine with whatever else runs on it, leaves alone).
compose_runner_images() {
  local dockerfile language missing=()
  for dockerfile in "$ROOT"/deploy/runner-images/*/Dockerfile; do
    language=$(basename "$(dirname "$dockerfile")")
    docker image inspect "coderoom/runner-$language:bookworm" >/dev/null 2>&1 || missing+=("$language")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    info "every runner image is present"
  else
    as_root "$ROOT/deploy/runner-images/build.sh" "${missing[@]}"
  fi
}

# The agents' work folders, the agent's own and private (its WorkFolder check refuses others).
compose_runs_dirs() {
  local agent
  as_root install -d -m 0755 "$CODEROOM_COMPOSE_RUNS_DIR"
  for agent in "${COMPOSE_AGENTS[@]}"; do
    as_root install -d -o "$COMPOSE_AGENT_UID" -g "$COMPOSE_AGENT_UID" -m 0700 \
      "$CODEROOM_COMPOSE_RUNS_DIR/$agent"
  done
}

compose_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until every container of the project reports healthy.
compose_wait_healthy() { # compose_wait_healthy SECONDS
  local deadline=$((SECONDS + $1)) id states waiting
  while :; do
    waiting=""
    for id in $(compose ps -q); do
      states=$(docker inspect -f '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id")
      [[ $states == *" healthy" ]] || waiting+=" ${states#/}"
    done
    [[ -n $waiting ]] || return 0
    if ((SECONDS >= deadline)); then
      compose ps >&2
      compose logs --tail 30 >&2
      die "not healthy within $1 s:$waiting"
    fi
    sleep 2
  done
}

compose_start() {
  local port
  for port in "$CODEROOM_COMPOSE_HTTPS_PORT" "$CODEROOM_COMPOSE_HTTP_PORT"; do
    if ! compose_port_free "$port" && [[ -z $(compose ps -q haproxy 2>/dev/null) ]]; then
      die "port $port is taken: set CODEROOM_COMPOSE_HTTPS_PORT / CODEROOM_COMPOSE_HTTP_PORT to free ones"
    fi
  done
  write_missing_secrets "$CODEROOM_COMPOSE_ENV"
  compose_runs_dirs
  compose up -d --remove-orphans
  info "waiting for every service to be healthy"
  compose_wait_healthy 240
}

# The runs' containers the agents started are not the project's: removed by the label naming the
# deployment's Redis (RunnerAgent.scopeOf), so no other deployment's containers are touched.
compose_remove_run_containers() {
  local url scope ids
  url="redis://:$(compose_secret CODEROOM_REDIS_PASSWORD)@redis:6379/0"
  scope=$(printf '%s' "$url" | sha256sum | cut -c1-12)
  mapfile -t ids < <(docker ps -aq --filter "label=io.coderoom.runner.scope=$scope")
  [[ ${#ids[@]} -eq 0 ]] || docker rm -f "${ids[@]}" >/dev/null
}

compose_stop() { # compose_stop [-v]: -v also deletes the volumes (the database, Redis, the certificate)
  [[ -f $CODEROOM_COMPOSE_ENV ]] || return 0
  compose down --remove-orphans "$@"
  compose_remove_run_containers
}

cmd_compose_up() {
  compose_images
  step "Starting the deployment (project $CODEROOM_COMPOSE_PROJECT)" compose_start
  compose ps
  printf '\nCoderoom runs behind HAProxy at https://localhost:%s (self-signed certificate, made on\nfirst start; http://localhost:%s redirects there). The API key is CODEROOM_API_KEY in %s.\n' \
    "$CODEROOM_COMPOSE_HTTPS_PORT" "$CODEROOM_COMPOSE_HTTP_PORT" "$CODEROOM_COMPOSE_ENV"
  printf './coderoom compose down stops it (its data stays in volumes).\n'
}

cmd_compose_down() { # cmd_compose_down [-v]: -v deletes its data too
  [[ ${1:-} == "" || ${1:-} == -v ]] || die "usage: ./coderoom compose down [-v]"
  log "Stopping the compose deployment (project $CODEROOM_COMPOSE_PROJECT)"
  compose_stop "$@"
  [[ ${1:-} != -v ]] || info "its volumes (database, Redis, certificate) are deleted"
}

# The names of the servers HAProxy sends GET /healthz to, over TLS, N requests in a row.
lb_servers() { # lb_servers CERT N
  local i
  for ((i = 0; i < $2; i++)); do
    curl -sS --cacert "$1" -o /dev/null -D - "https://localhost:$CODEROOM_COMPOSE_HTTPS_PORT/healthz" |
      tr -d '\r' | sed -n 's/^x-coderoom-server: //Ip'
  done | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }'
}

# Waits until HAProxy's round robin gives exactly these servers (its health checks took a stopped
# one out, or a started one in).
wait_lb_servers() { # wait_lb_servers CERT EXPECTED
  local i seen names
  for i in $(seq 1 45); do
    seen=$(lb_servers "$1" 4)
    names=${seen// x[0-9]/}
    [[ $names == "$2" ]] && break
    sleep 1
  done
  info "HAProxy sends to: $seen"
  [[ $names == "$2" ]] || { warn "HAProxy does not send to exactly $2"; return 1; }
}

interview() { # interview CERT [PLACEMENT]
  (cd "$ROOT/web-client" && CODEROOM_BASE_URL="https://localhost:$CODEROOM_COMPOSE_HTTPS_PORT" \
    CODEROOM_API_KEY=$(compose_secret CODEROOM_API_KEY) NODE_EXTRA_CA_CERTS="$1" \
    CHECK_PLACEMENT=${2:-} CHECK_RESULTS="$CODEROOM_COMPOSE_RESULTS" timeout 180 node e2e/compose/interview.mjs)
}

# One expectation of the check, appended to its results (CODEROOM_COMPOSE_RESULTS), from which
# cmd_compose_check writes the JUnit report the test summary counts. The interview script appends
# its own expectations to the same file.
check_result() { # check_result ok|fail NAME [MESSAGE]
  printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$CODEROOM_COMPOSE_RESULTS"
}

# check_that NAME COMMAND...: runs COMMAND, records whether it succeeded, and fails as it did.
# COMMAND runs without errexit (it is tested), so it must check what it does itself.
check_that() {
  local name=$1 status=0
  shift
  "$@" || status=$?
  if [[ $status -eq 0 ]]; then
    check_result ok "$name"
  else
    check_result fail "$name" "exit status $status (see the check's output)"
  fi
  return "$status"
}

plain_http_redirects() {
  local plain
  plain=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$CODEROOM_COMPOSE_HTTP_PORT/healthz")
  info "plain HTTP answers $plain"
  [[ $plain == "308 https://localhost:$CODEROOM_COMPOSE_HTTPS_PORT/healthz" ]]
}

# The check's steps, bounded by cmd_compose_check's timeout. A project and secrets of its own, so
# it never touches a deployment `compose up` made; everything it made goes with `down -v`.
compose_check_steps() {
  local cert="$STATE/compose-check-cert.pem" status=0
  # These two end the check when they fail (its report says so); the rest record their outcome.
  compose_images
  check_result ok "the images build"
  step "Starting the deployment (project $CODEROOM_COMPOSE_PROJECT)" compose_start
  check_result ok "every service of the deployment is healthy"

  log "TLS and the load balancer"
  compose exec -T haproxy cat /certs/coderoom.pem | sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' >"$cert"
  openssl x509 -in "$cert" -noout -subject -ext subjectAltName 2>/dev/null | tr '\n' ' ' | sed 's/^/    certificate: /'
  echo
  check_that "plain HTTP redirects to TLS" plain_http_redirects || status=1
  check_that "HAProxy sends to both servers" wait_lb_servers "$cert" "server-1, server-2"

  log "Interview through the load balancer: the candidate on one server, the interviewer and the observer on the other"
  interview "$cert" server-1,server-2,server-1 || status=1

  # Last, as it leaves the deployment with one server: the balancer took both in when their
  # health checks passed, and must take a stopped one out.
  log "HAProxy's health checks: server-2 stopped"
  compose stop server-2
  check_that "HAProxy takes a stopped server out" wait_lb_servers "$cert" "server-1" || status=1
  rm -f "$cert"
  return "$status"
}

# The JUnit report of the check's results, as Surefire writes one, so deploy/dev/test-report.sh
# counts the check with the suite's other tests.
write_check_report() { # write_check_report SECONDS STATUS
  local dir="$ROOT/deploy/compose/target/check-reports" failures=0 tests=0
  mkdir -p "$dir"
  [[ -f $CODEROOM_COMPOSE_RESULTS ]] || : >"$CODEROOM_COMPOSE_RESULTS"
  # A check that failed without saying where (the deployment never became healthy, the bound ran
  # out) still fails in the report.
  if [[ $2 -ne 0 ]] && ! grep -q '^fail' "$CODEROOM_COMPOSE_RESULTS"; then
    check_result fail "the check runs to its end" "exit status $2 (see the check's output)"
  fi
  tests=$(wc -l <"$CODEROOM_COMPOSE_RESULTS")
  failures=$(grep -c '^fail' "$CODEROOM_COMPOSE_RESULTS" || true)
  {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n'
    printf '<testsuite name="compose check" tests="%d" failures="%d" errors="0" skipped="0" time="%d">\n' \
      "$tests" "$failures" "$1"
    awk -F'\t' '
      function xml(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s); return s }
      { printf "  <testcase classname=\"compose check\" name=\"%s\">", xml($2)
        if ($1 == "fail") printf "<failure message=\"%s\"/>", xml($3)
        print "</testcase>" }' "$CODEROOM_COMPOSE_RESULTS"
    printf '</testsuite>\n'
  } >"$dir/TEST-compose-check.xml"
}

cmd_compose_check() {
  local started=$SECONDS status=0
  CODEROOM_COMPOSE_PROJECT=coderoom-compose-check
  CODEROOM_COMPOSE_ENV="$STATE/compose-check.env"
  CODEROOM_COMPOSE_RUNS_DIR="$CODEROOM_COMPOSE_RUNS_DIR/check"
  CODEROOM_COMPOSE_RESULTS="$STATE/compose-check.results"
  export CODEROOM_COMPOSE_PROJECT CODEROOM_COMPOSE_ENV CODEROOM_COMPOSE_RUNS_DIR CODEROOM_COMPOSE_RESULTS
  rm -f "$CODEROOM_COMPOSE_ENV" "$CODEROOM_COMPOSE_RESULTS"
  write_missing_secrets "$CODEROOM_COMPOSE_ENV"
  # Leftovers of an interrupted check.
  compose_stop -v >/dev/null 2>&1 || true
  timeout -k 30 "$CODEROOM_COMPOSE_CHECK_SECONDS" "$ROOT/coderoom" compose check-steps || status=$?
  [[ $status -ne 124 ]] || warn "the check did not end within $CODEROOM_COMPOSE_CHECK_SECONDS s"
  log "Removing the check's deployment"
  compose_stop -v >/dev/null 2>&1 || warn "docker-compose down failed: remove project $CODEROOM_COMPOSE_PROJECT by hand"
  rm -f "$CODEROOM_COMPOSE_ENV"
  as_root rm -rf "$CODEROOM_COMPOSE_RUNS_DIR"
  as_root rmdir --ignore-fail-on-non-empty "$(dirname "$CODEROOM_COMPOSE_RUNS_DIR")"
  info "compose check took $((SECONDS - started)) s"
  write_check_report "$((SECONDS - started))" "$status"
  rm -f "$CODEROOM_COMPOSE_RESULTS"
  [[ $status -eq 0 ]] && printf 'compose check passed\n' || printf 'compose check FAILED\n'
  return "$status"
}

cmd_compose() {
  mkdir -p "$RUN" "$LOGS"
  chmod 700 "$STATE"
  case "${1:-}" in
    up) cmd_compose_up ;;
    down) cmd_compose_down "${@:2}" ;;
    check) cmd_compose_check ;;
    # The check's body, which `check` runs under its timeout.
    check-steps) compose_check_steps ;;
    *) die "usage: ./coderoom compose up | down [-v] | check" ;;
  esac
}
