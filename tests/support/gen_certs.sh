#!/usr/bin/env bash
# Writes a throwaway CA and a server and a client certificate signed by it into DIR, for TLS tests:
#   gen_certs.sh DIR   →  ca.pem ca.key server.pem server.key client.pem client.key
# The server certificate is valid for 127.0.0.1 and localhost.
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=test-ca" \
  -keyout ca.key -out ca.pem 2>/dev/null
for name in server client; do
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$name" -keyout "$name.key" -out "$name.csr" \
    2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=%s\n' \
    "$([ "$name" = server ] && echo serverAuth || echo clientAuth)" >"$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile "$name.ext" -out "$name.pem" 2>/dev/null
done
