#!/usr/bin/env bash
# Validates mcpb/manifest.json and packs it with target/odoo-mcp-wrapper.jar into
# target/odoo-mcp-bridge.mcpb (a Claude Desktop extension). Uses the pinned @anthropic-ai/mcpb of
# .ci/interop/package.json. Needs Node >= 22 (see node22.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=$root/target/odoo-mcp-wrapper.jar
[ -f "$jar" ] || { echo "mcpb-pack: $jar missing; run ./mvnw package first" >&2; exit 2; }

. "$here/node22.sh"
mcpb="$here/node_modules/.bin/mcpb"

stage=$root/target/mcpb
rm -rf "$stage" && mkdir -p "$stage/server"
cp "$root/mcpb/manifest.json" "$stage/"
cp "$jar" "$stage/server/"
"$mcpb" validate "$stage/manifest.json"
"$mcpb" pack "$stage" "$root/target/odoo-mcp-bridge.mcpb"
"$mcpb" info "$root/target/odoo-mcp-bridge.mcpb"
