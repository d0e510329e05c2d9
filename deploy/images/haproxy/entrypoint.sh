#!/bin/bash
# Starts HAProxy after making sure /certs/coderoom.pem exists: on the first start it is a
# self-signed certificate (RSA 2048, 825 days) for localhost, 127.0.0.1 and the names in
# CODEROOM_COMPOSE_TLS_NAMES (comma-separated DNS names or IP addresses), with its key, in the volume, so
# later starts keep it. Put a real certificate and key there (one PEM file) to replace it.
set -euo pipefail

pem=/certs/coderoom.pem
if [[ ! -s $pem ]]; then
  names=localhost,127.0.0.1${CODEROOM_COMPOSE_TLS_NAMES:+,$CODEROOM_COMPOSE_TLS_NAMES}
  san=""
  IFS=, read -ra list <<<"$names"
  for name in "${list[@]}"; do
    [[ -n $name ]] || continue
    if [[ $name =~ ^[0-9.]+$ || $name == *:* ]]; then san+="IP:$name,"; else san+="DNS:$name,"; fi
  done
  work=$(mktemp -d)
  umask 077
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 -subj "/CN=${list[0]}" \
    -addext "subjectAltName=${san%,}" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
  cat "$work/cert.pem" "$work/key.pem" >"$pem.new"
  mv "$pem.new" "$pem"
  rm -rf "$work"
  echo "coderoom-haproxy: made a self-signed certificate for ${names} in $pem"
fi
exec haproxy -W -db -f /etc/haproxy/haproxy.cfg
