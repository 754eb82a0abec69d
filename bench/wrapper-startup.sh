#!/usr/bin/env bash
# Start-up benchmark of target/odoo-mcp-wrapper.jar (a benchmark, not a test: it prints numbers).
#  1. `java -jar odoo-mcp-wrapper.jar --version`, N runs (hyperfine when installed, else a bash loop)
#  2. time to the first answer: process start -> `initialize` response on stdout, against a loopback
#     stub MCP endpoint (python3), N runs
# Usage: bench/wrapper-startup.sh [N=20]     JAVA=/path/to/java to pick a JVM, JAVA_OPTS for flags
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/target/odoo-mcp-wrapper.jar
java=${JAVA:-java}
opts=${JAVA_OPTS:-}
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw package first" >&2; exit 2; }
echo "jar: $(du -k "$jar" | cut -f1) KiB; $("$java" -version 2>&1 | head -n1); JAVA_OPTS='${opts}'; runs=$runs"

stats() { # reads ms values (one per line), prints min/median/max
  sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "min %.0f ms, median %.0f ms, max %.0f ms (n=%d)\n", v[1], m, v[NR], NR}'
}
now_ns() { date +%s%N; }

echo "== --version"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" "$java $opts -jar $jar --version"
else
  "$java" $opts -jar "$jar" --version >/dev/null  # warm the OS file cache
  for _ in $(seq "$runs"); do
    t0=$(now_ns); "$java" $opts -jar "$jar" --version >/dev/null; t1=$(now_ns)
    echo $(( (t1 - t0) / 1000000 ))
  done | stats
fi

echo "== first answer to initialize (stub MCP endpoint on loopback)"
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 0; }
stub_out=$(mktemp)
python3 - >"$stub_out" 2>/dev/null <<'PY' &
import http.server, json
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        msg = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        body = json.dumps({"jsonrpc": "2.0", "id": msg.get("id"), "result": {"protocolVersion": "2025-06-18",
            "capabilities": {"tools": {}}, "serverInfo": {"name": "bench-stub", "version": "0"}}}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -f "$stub_out"' EXIT
for _ in $(seq 50); do [ -s "$stub_out" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(head -n1 "$stub_out")"
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"0"}}}'
for _ in $(seq "$runs"); do
  t0=$(now_ns)
  { read -r line; t1=$(now_ns); cat >/dev/null; } < <(printf '%s\n' "$init" | MCP_SERVER_URL=$url MCP_WRAPPER_LOG=off "$java" $opts -jar "$jar")
  case $line in *'"bench-stub"'*) ;; *) echo "unexpected answer: $line" >&2; exit 1;; esac
  echo $(( (t1 - t0) / 1000000 ))
done | stats
