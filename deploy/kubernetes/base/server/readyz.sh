#!/bin/bash
# The server's readiness probe, run in its container by the kubelet (an exec probe): GET /readyz
# with the metrics token from the container's environment, ready on a 200. An httpGet probe's
# headers are literal values in the pod spec, where the token must not be copied. bash's /dev/tcp
# speaks to the server without curl in the image; the kubelet's timeout ends a probe that hangs.
exec 3<>"/dev/tcp/127.0.0.1/${CODEROOM_PORT:-8080}" || exit 1
printf 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nConnection: close\r\n\r\n' \
  "${CODEROOM_METRICS_TOKEN:-}" >&3
read -r _ status _ <&3
[[ $status == 200 ]]
