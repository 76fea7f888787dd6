#!/usr/bin/env bash
# A signed call to the gateway with curl, the way a portal or counterpart signs it (docs/security.md; the OpenAPI
# document's security schemes): HMAC-SHA256 over
#   METHOD \n PATH \n SORTED_QUERY \n ACCESS_KEY \n DATE \n NONCE \n CONTENT_SHA256 \n
#
#   scripts/signed-curl.sh <accessKey> <path> <body-file> <content-type> [more curl arguments…]
#
# GATEWAY_URL (default http://127.0.0.1:5080) and GATEWAY_SECRET (default: the embedded development secret
# dev-only-secret-<accessKey>). POST only; the path must carry no query (SORTED_QUERY is then empty).
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,10p' "$0"; exit 2; }
access_key=$1 path=$2 file=$3 content_type=$4
shift 4
secret=${GATEWAY_SECRET:-dev-only-secret-$access_key}
date=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')     # RFC 1123; must be within 90 s of the gateway's clock
nonce=$(openssl rand -hex 16)                             # 16–64 of [A-Za-z0-9-], never reused
digest=$(sha256sum "$file" | cut -d' ' -f1)               # lower-case hex SHA-256 of the exact body bytes
signature=$(printf 'POST\n%s\n\n%s\n%s\n%s\n%s\n' "$path" "$access_key" "$date" "$nonce" "$digest" \
    | openssl dgst -sha256 -hmac "$secret" -binary | base64)
exec curl -sS -X POST "${GATEWAY_URL:-http://127.0.0.1:5080}$path" \
    -H "Content-Type: $content_type" \
    -H "X-Gw-Access-Key: $access_key" -H "X-Gw-Algorithm: hmac-sha256" -H "X-Gw-Date: $date" \
    -H "X-Gw-Nonce: $nonce" -H "X-Gw-Content-SHA256: $digest" -H "X-Gw-Signature: $signature" \
    --data-binary "@$file" "$@"
