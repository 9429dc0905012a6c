#!/usr/bin/env bash
# A development CA and the certificates of a TLS cluster (docs/deploy.md, "Mutual TLS"), with openssl:
#   OUT/ca.pem, OUT/ca.key        the private CA (keep ca.key off the cluster)
#   OUT/silo.pem, OUT/silo.key    silo certificate (server and client authentication: silos dial each other)
#   OUT/client.pem, OUT/client.key  client certificate for `ala --tls-cert` (client authentication)
# Peers are checked by their chain to ca.pem, not by name, so one silo certificate serves every pod.
# Development only: keys are unencrypted, the CA lives DAYS days (default 365). Rotation: docs/deploy.md.
# usage: deploy/certs/make-dev-ca.sh OUT [DAYS]
set -euo pipefail
out="${1:?usage: make-dev-ca.sh OUT [DAYS]}"
days="${2:-365}"
mkdir -p "$out"
umask 077
ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)

if [ ! -f "$out/ca.key" ]; then
  openssl req -x509 "${ec[@]}" -keyout "$out/ca.key" -out "$out/ca.pem" -days "$days" -subj "/CN=ala development CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi

issue() { # issue NAME EXTENDED_KEY_USAGE
  local name="$1" usage="$2" ext
  ext="$(mktemp)"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=%s\nsubjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\n' \
    "$usage" "$name" >"$ext"
  openssl req "${ec[@]}" -keyout "$out/$name.key" -out "$out/$name.csr" -subj "/CN=$name" 2>/dev/null
  openssl x509 -req -in "$out/$name.csr" -CA "$out/ca.pem" -CAkey "$out/ca.key" -CAcreateserial -days "$days" \
    -extfile "$ext" -out "$out/$name.pem" 2>/dev/null
  rm -f "$ext" "$out/$name.csr"
  openssl verify -CAfile "$out/ca.pem" "$out/$name.pem" >/dev/null
}

issue silo serverAuth,clientAuth
issue client clientAuth
chmod 0644 "$out"/*.pem
echo "make-dev-ca: wrote $out/{ca,silo,client}.pem and their keys (valid $days days)"
