#!/usr/bin/env bash
# Checks the hash chain of decision records of a running creditflow service, from the first
# record to the last, and names the first broken link.
#   scripts/verify-audit-chain.sh [base-url] [seq:hash ...]   (user and password: AUDIT_USER / AUDIT_PASSWORD)
# Each seq:hash is an anchor: a link kept outside the database (an earlier answer's lastRecord);
# it must still be in the chain, which catches a chain rewritten from scratch.
# Exit status: 0 intact, 1 broken, 2 the check could not be made.
set -uo pipefail
url="${1:-http://localhost:8080}"
shift || true
query=""
for anchor in "$@"; do query="$query${query:+&}anchor=$anchor"; done
answer=$(curl -sS --fail-with-body -u "${AUDIT_USER:-auditor}:${AUDIT_PASSWORD:-auditor}" \
  -H 'Accept: application/json' "$url/api/audit/verify${query:+?$query}") || { echo "$answer" >&2; exit 2; }
echo "$answer"
case "$answer" in
  *'"valid":true'*) exit 0 ;;
  *'"valid":false'*) exit 1 ;;
  *) exit 2 ;;
esac
