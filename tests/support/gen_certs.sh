#!/usr/bin/env bash
# Writes a throwaway CA and a server and a client certificate signed by it into DIR, for TLS tests:
#   gen_certs.sh DIR   →  ca.pem ca.key server.pem server.key client.pem client.key
#                         client-spiffe.{pem,key} client-cn.{pem,key}
# The server certificate is valid for 127.0.0.1 and localhost. For caller-identity tests,
# client-spiffe has the URI SAN spiffe://corp.test/ns/payments/sa/api (CN payments-api) and
# client-cn only the subject CN globex-worker.
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
for spec in "client-spiffe|payments-api|URI:spiffe://corp.test/ns/payments/sa/api" \
  "client-cn|globex-worker|"; do
  IFS='|' read -r name cn san <<<"$spec"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$cn" -keyout "$name.key" -out "$name.csr" \
    2>/dev/null
  { if [ -n "$san" ]; then echo "subjectAltName=$san"; fi; echo "extendedKeyUsage=clientAuth"; } \
    >"$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile "$name.ext" -out "$name.pem" 2>/dev/null
done
