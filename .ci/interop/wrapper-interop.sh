#!/usr/bin/env bash
# Runs wrapper-stdio.mjs (official MCP TypeScript SDK ↔ target/odoo-mcp-wrapper.jar).
# Without MCP_SERVER_URL it starts stub-mcp-server.mjs twice on loopback (one open, one demanding a
# token) so the wrapper is checked on its own; with MCP_SERVER_URL it tests that server instead
# (set BAD_TOKEN_SERVER_URL, WRAPPER_TOOL, WRAPPER_TOOL_ARGS and the ODOO_* variables as needed).
# Needs Node >= 22 (see node22.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${WRAPPER_JAR:-$root/target/odoo-mcp-wrapper.jar}
[ -f "$jar" ] || { echo "wrapper-interop: $jar missing; run ./mvnw package first" >&2; exit 2; }

. "$here/node22.sh"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

stub_url= # set by start_stub (not run in a subshell, so that cleanup knows the pid)
start_stub() { # $1 = output file; STUB_TOKEN from the environment
  node "$here/stub-mcp-server.mjs" >"$1" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do grep -q '^listening' "$1" && break; sleep 0.1; done
  stub_url="http://127.0.0.1:$(awk '/^listening/{print $2}' "$1")"
}

if [ -z "${MCP_SERVER_URL:-}" ]; then
  tmp=$(mktemp -d)
  STUB_TOKEN= start_stub "$tmp/open.out"
  export MCP_SERVER_URL=$stub_url
  STUB_TOKEN=stub-token start_stub "$tmp/token.out"
  export BAD_TOKEN_SERVER_URL=$stub_url
  export WRAPPER_TOOL=echo WRAPPER_TOOL_ARGS='{"text":"hello"}' ODOO_URL=https://odoo.example.test
fi
cd "$root"
WRAPPER_JAR="$jar" node "$here/wrapper-stdio.mjs"
