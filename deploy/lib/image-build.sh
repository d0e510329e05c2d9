# shellcheck shell=bash
# Sourced by the two image builders (deploy/runner-images/build.sh, deploy/images/build.sh): their
# messages, the Docker engine check, and building an image labelled with a hash of what went into
# it, so that an unchanged image is skipped. Each builder computes its own hash (its files, its
# base image's id and its build arguments).

say() { printf '    %s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

docker info >/dev/null 2>&1 || die "the Docker engine does not answer: start dockerd first"

# BuildKit needs the buildx plugin on a recent docker CLI; the classic builder works without it.
BUILDKIT=0
if docker buildx version >/dev/null 2>&1; then BUILDKIT=1; fi

has_image() { docker image inspect "$1" >/dev/null 2>&1; }

image_current() { # image_current IMAGE HASH: IMAGE exists and was built from what HASH stands for
  [[ $(docker image inspect -f '{{index .Config.Labels "io.coderoom.build-hash"}}' "$1" \
    2>/dev/null || true) == "$2" ]]
}

# Builds IMAGE from CONTEXT, labelled with HASH; the build's output goes to LOG, and its last lines
# to the terminal if it fails. The image it replaces, now untagged, is removed by id (only ours,
# never a prune of others'), unless a container still uses it.
build_labelled() { # build_labelled IMAGE HASH CONTEXT LOG [DOCKER_BUILD_OPTION...]
  local image=$1 hash=$2 context=$3 log=$4 previous t=$SECONDS
  shift 4
  previous=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  DOCKER_BUILDKIT=$BUILDKIT docker build -q --label "io.coderoom.build-hash=$hash" "$@" \
    -t "$image" "$context" >"$log" 2>&1 || {
    tail -30 "$log" >&2
    die "building $image failed (log: $log)"
  }
  [[ -z $previous ]] || docker image rm "$previous" >/dev/null 2>&1 || true
  say "built $image in $((SECONDS - t)) s ($(docker image inspect -f '{{.Size}}' "$image" |
    awk '{ printf "%d MB", $1 / 1000000 }'))"
}
