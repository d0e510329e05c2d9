#!/usr/bin/env bash
# Builds the images of a Coderoom deployment without a container registry, skipping those that are
# current:
#
#   deploy/images/build.sh [IMAGE...]   (default: postgres redis haproxy server runner-agent)
#
#   coderoom/java-runtime:VERSION  a jlink-made Java runtime, curl and the user the next two run as
#   coderoom/server:VERSION        the server and its web client, FROM coderoom/java-runtime
#   coderoom/runner-agent:VERSION  the runner agent, FROM coderoom/java-runtime
#   coderoom/postgres:VERSION, coderoom/redis:VERSION, coderoom/haproxy:VERSION
#                                  Debian's packages, set up by their entrypoints from the environment
#
# VERSION is the Maven project's version without -SNAPSHOT (IMAGE_TAG overrides it). Every image but
# the server and the agent (built FROM the Java base, itself built first) is built FROM BASE_IMAGE (default coderoom/base:bookworm, which deploy/runner-images/build.sh makes
# with debootstrap) and installs its Debian packages from the base's mirror. The server and agent
# images take what the Maven build left (server/target, runner-agent/agent/target, web-client/dist:
# run ./coderoom build first) and a Java runtime that jlink makes from the build's JDK (21 or newer,
# found as ./coderoom finds it), holding only the modules the two need, so no image carries a JDK.
# Each image is labelled io.coderoom.build-hash with a hash of what went into it, so an unchanged
# one is skipped. No secret goes into any image: they all read credentials from the environment.
# Needs a running Docker engine.
set -euo pipefail
# A failure inside $(...) stops the script too.
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BASE_IMAGE=${BASE_IMAGE:-coderoom/base:bookworm}
VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
TAG=${IMAGE_TAG:-${VERSION%-SNAPSHOT}}
# The uid the server and agent run as inside their containers (no account of the base has it).
APP_UID=${CODEROOM_APP_UID:-10001}
# Staged build contexts and the cached Java runtime (git-ignored).
WORK=${CODEROOM_IMAGES_WORK:-$ROOT/.coderoom/images}
# What the server and the agent use of the JDK (jdeps over their jars and libraries), plus the
# modules reached only by reflection or service loading: jdk.crypto.ec (TLS to the OIDC provider on
# older JDKs), jdk.zipfs (resources read from jars), jdk.charsets.
JAVA_MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming
JAVA_MODULES+=,java.net.http,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets
JAVA_MODULES+=,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs
started=$SECONDS

# shellcheck source=deploy/lib/image-build.sh
. "$ROOT/deploy/lib/image-build.sh" # say, die, has_image, image_current, build_labelled
# shellcheck source=/dev/null
. "$ROOT/deploy/dev/toolchain.sh" # find_jdk, java_major

has_image "$BASE_IMAGE" ||
  die "the base image $BASE_IMAGE is missing: deploy/runner-images/build.sh makes it (debootstrap)"

hash_of() { # hash_of DIR BASE [EXTRA...]: the files of DIR, the image it is built FROM, the extra words
  local dir=$1 base=$2
  shift 2
  (
    cd "$dir"
    find . -path ./runtime -prune -o -type f -print | LC_ALL=C sort | xargs -r sha256sum
    echo "$base $(docker image inspect -f '{{.Id}}' "$base") $*"
  ) | sha256sum | cut -c1-16
}

# The image NAME is built FROM: the Java base for the server and the agent, else the Debian base.
base_of() { # base_of NAME
  case $1 in
    server | runner-agent) printf 'coderoom/java-runtime:%s' "$TAG" ;;
    *) printf '%s' "$BASE_IMAGE" ;;
  esac
}

# The jlink runtime, made once per JDK and module list and kept in $WORK.
java_runtime() {
  local jdk modules="" module key dir available
  jdk=$(find_jdk)
  [[ -n $jdk ]] || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm (./coderoom build installs one)"
  # Modules this JDK has (jdk.crypto.ec, say, may be gone from a later one). jlink links from the
  # JDK's jmods/, or from its own run-time image where a JDK ships without them (JEP 493).
  available=$("$jdk/bin/java" --list-modules | sed 's/@.*//')
  for module in ${JAVA_MODULES//,/ }; do
    if grep -qx "$module" <<<"$available"; then modules+=${modules:+,}$module; fi
  done
  key=$(printf '%s %s %s' "$jdk" "$(sha256sum "$jdk/release" | cut -c1-16)" "$modules" | sha256sum | cut -c1-16)
  dir=$WORK/runtime-$key
  if [[ ! -x $dir/bin/java ]]; then
    local t=$SECONDS
    rm -rf "$dir" "$dir.new"
    mkdir -p "$WORK"
    "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
      --compress=zip-6 --output "$dir.new" >/dev/null || die "jlink failed with $jdk"
    mv "$dir.new" "$dir"
    say "made a Java $(java_major "$jdk") runtime with jlink in $((SECONDS - t)) s ($(du -sh "$dir" | cut -f1))" >&2
  fi
  printf '%s' "$dir"
}

main_jar() { # main_jar MODULE_DIR
  local jar
  for jar in "$ROOT/$1"/target/coderoom-*.jar; do
    [[ -f $jar && $jar != *-sources.jar && $jar != *-tests.jar ]] && printf '%s' "$jar" && return 0
  done
  return 0
}

# Copies the Dockerfile directory, the module's jar and its libraries into a context.
stage_java() { # stage_java IMAGE MODULE_DIR JAR_NAME -> prints the context directory
  local image=$1 module=$2 name=$3 context=$WORK/$1 jar
  jar=$(main_jar "$module")
  [[ -n $jar && -d $ROOT/$module/target/lib ]] ||
    die "$module is not built (no jar or target/lib): run ./coderoom build first"
  rm -rf "$context"
  mkdir -p "$context/app"
  cp -a "$HERE/$image/." "$context/"
  cp "$jar" "$context/app/$name"
  cp -a "$ROOT/$module/target/lib" "$context/app/lib"
  rm -f "$context/app/lib/.copied"
  printf '%s' "$context"
}

stage() { # stage IMAGE -> prints the context directory to build
  local context runtime
  case $1 in
    java-runtime)
      context=$WORK/java-runtime
      runtime=$(java_runtime)
      rm -rf "$context"
      cp -a "$HERE/java-runtime" "$context"
      # Hard links: the runtime, kept in $WORK, is not copied.
      cp -al "$runtime" "$context/runtime"
      ;;
    server)
      context=$(stage_java server server coderoom-server.jar)
      [[ -f $ROOT/web-client/dist/index.html ]] ||
        die "web-client/dist is not built: run ./coderoom build first"
      cp -a "$ROOT/web-client/dist" "$context/web"
      ;;
    runner-agent) context=$(stage_java runner-agent runner-agent/agent coderoom-runner-agent.jar) ;;
    *) context=$HERE/$1 ;;
  esac
  printf '%s' "$context"
}

build_image() {
  local name=$1 image="coderoom/$1:$TAG" base context hash
  [[ -f $HERE/$name/Dockerfile ]] || die "no Dockerfile for $name in $HERE"
  base=$(base_of "$name")
  context=$(stage "$name")
  # The runtime stands in the hash through its release file (its Java version and modules).
  hash=$(hash_of "$context" "$base" "uid $APP_UID" "$(cat "$context/runtime/release" 2>/dev/null || true)")
  if image_current "$image" "$hash"; then
    say "$image is current"
  else
    build_labelled "$image" "$hash" "$context" "$WORK/build-$name.log" --build-arg "BASE=$base" \
      --build-arg "APP_UID=$APP_UID" --label "org.opencontainers.image.version=$TAG"
  fi
  [[ $context != "$WORK"/* ]] || rm -rf "$context"
}

main() {
  local images=("$@") name java_base=false
  [[ ${#images[@]} -gt 0 ]] || images=(postgres redis haproxy server runner-agent)
  mkdir -p "$WORK"
  for name in "${images[@]}"; do
    if [[ $(base_of "$name") != "$BASE_IMAGE" && $java_base == false ]]; then
      build_image java-runtime
      java_base=true
    fi
    build_image "$name"
  done
  say "images ready in $((SECONDS - started)) s"
}

main "$@"
