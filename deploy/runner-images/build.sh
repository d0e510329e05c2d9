#!/usr/bin/env bash
# Builds the runner images without a container registry, skipping those that are current.
#
#   deploy/runner-images/build.sh [LANGUAGE...]     (default: every language directory here)
#
# Base: BASE_IMAGE (default coderoom/base:bookworm). When that image is missing and it is the
# default, it is made with debootstrap (minbase bookworm from the host's Debian mirror) and
# `docker import`. Set BASE_IMAGE=debian:bookworm-slim where a registry is reachable.
# Each image is tagged coderoom/runner-LANGUAGE:bookworm and labelled with a hash of its build
# directory, base and sandbox uid (CODEROOM_SANDBOX_UID, default 65530), so a changed Dockerfile
# rebuilds it and an unchanged one is skipped.
# Needs root (debootstrap) and a running Docker engine.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE_IMAGE=${BASE_IMAGE:-coderoom/base:bookworm}
TAG=${RUNNER_IMAGE_TAG:-bookworm}
# The uid of the images' user: the runner agents' CODEROOM_SANDBOX_UID (they run containers as it).
SANDBOX_UID=${CODEROOM_SANDBOX_UID:-65530}
MIRROR=${DEBIAN_MIRROR:-}
started=$SECONDS

# shellcheck source=deploy/lib/image-build.sh
. "$HERE/../lib/image-build.sh" # say, die, has_image, image_current, build_labelled

# The host's Debian mirror (deb822 or one-line sources); DEBIAN_MIRROR overrides it.
host_mirror() {
  local uri
  uri=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
    grep -v security | head -1 || true)
  [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' \
    /etc/apt/sources.list 2>/dev/null || true)
  printf '%s' "$uri"
}

ensure_base() {
  if has_image "$BASE_IMAGE"; then
    say "base $BASE_IMAGE present"
    return 0
  fi
  [[ $BASE_IMAGE == coderoom/base:bookworm ]] ||
    die "base image $BASE_IMAGE is missing (pull it, or unset BASE_IMAGE to build one with debootstrap)"
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "apt-get install debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap \
      >/dev/null || die "debootstrap is missing and could not be installed"
  fi
  local dir t=$SECONDS
  dir=$(mktemp -d /var/tmp/coderoom-base.XXXXXX)
  # shellcheck disable=SC2064
  trap "rm -rf '$dir'" EXIT
  MIRROR=${MIRROR:-$(host_mirror)}
  [[ -n $MIRROR ]] ||
    die "no Debian mirror in this host's apt sources: set DEBIAN_MIRROR to one (the URL of a Debian archive)"
  say "debootstrap minbase bookworm from $MIRROR"
  debootstrap --variant=minbase bookworm "$dir" "$MIRROR" >"$dir.log" 2>&1 || {
    tail -20 "$dir.log" >&2
    die "debootstrap failed (log: $dir.log)"
  }
  rm -f "$dir.log"
  # Keep images small: no apt lists, no caches.
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*
  tar -C "$dir" -c . | docker import --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$dir"
  trap - EXIT
  say "imported $BASE_IMAGE in $((SECONDS - t)) s"
}

# Content hash of a language's build directory (node_modules excluded: the lockfile stands for it).
context_hash() {
  (
    cd "$HERE/$1"
    find . -path ./node_modules -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum
    echo "$BASE_IMAGE $(docker image inspect -f '{{.Id}}' "$BASE_IMAGE")"
    echo "uid $SANDBOX_UID"
  ) | sha256sum | cut -c1-16
}

build_language() {
  local lang=$1 image="coderoom/runner-$1:$TAG" hash
  hash=$(context_hash "$lang")
  if image_current "$image" "$hash"; then
    say "$image is current"
    return 0
  fi
  if [[ -f $HERE/$lang/package-lock.json ]]; then
    # npm on the host reaches the registry; inside a build container it does not.
    (cd "$HERE/$lang" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
      die "npm ci failed in $HERE/$lang"
  fi
  build_labelled "$image" "$hash" "$HERE/$lang" "/tmp/coderoom-build-$lang.log" \
    --build-arg "BASE=$BASE_IMAGE" --build-arg "SANDBOX_UID=$SANDBOX_UID"
}

main() {
  local languages=("$@") lang
  if [[ ${#languages[@]} -eq 0 ]]; then
    for lang in "$HERE"/*/Dockerfile; do languages+=("$(basename "$(dirname "$lang")")"); done
  fi
  ensure_base
  for lang in "${languages[@]}"; do
    [[ -f $HERE/$lang/Dockerfile ]] || die "no Dockerfile for $lang in $HERE"
    build_language "$lang"
  done
  # Dangling layers of replaced images.
  docker image prune -f --filter label=io.coderoom.build-hash >/dev/null 2>&1 || true
  say "runner images ready in $((SECONDS - started)) s"
}

main "$@"
