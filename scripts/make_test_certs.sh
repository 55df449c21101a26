#!/usr/bin/env bash
# Writes the throw-away PKI of the TLS tests into tests/tls/: a CA, a server
# certificate for 127.0.0.1 and localhost, and a client certificate for
# mutual TLS. Valid for 100 years; the keys protect nothing but the tests.
set -euo pipefail
cd "$(dirname "$0")/../tests/tls"
days=36500
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

key ca.key
openssl req -x509 -new -key ca.key -sha256 -days $days -subj "/CN=clientgen test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out ca.pem

issue() { # name subject extensions
  key "$1.key"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days $days \
    -extfile <(printf '%s\n' "$3") -out "$1.pem" 2>/dev/null
  rm "$1.csr"
}
issue server "/CN=localhost" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost"
issue client "/CN=clientgen test client" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"
# The client identity as reqwest reads it: certificate, then key, in one PEM.
openssl pkcs8 -topk8 -nocrypt -in client.key -out client.pk8
cat client.pem client.pk8 > client-identity.pem
rm -f client.pk8 ca.srl ca.key
