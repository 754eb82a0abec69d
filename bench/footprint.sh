#!/usr/bin/env bash
# Start-up time and memory of the server jar run exactly as the Dockerfile runs it (its ENV,
# JAVA_TOOL_OPTIONS, jar extraction, AOT training run, ENTRYPOINT and HEALTHCHECK are read from
# the Dockerfile by bench/dockerfile-spec.py), inside a 512 MB / 1 vCPU limit like App Platform's
# smallest instance. Talks to 127.0.0.1 only.
#
#   bench/footprint.sh [--check] [--requests N] [--runs R] [JAR]     (JAR defaults to target/odoo-mcp-bridge.jar)
#
# Default: measures with and without the AOT cache (idle, and after N tools/list requests, 8 at a
# time, from one curl) R times and prints a table. --check: AOT mode only (cache required: -XX:AOTMode=on), a short load,
# and a non-zero exit when /health, the HEALTHCHECK command, a request, the JSON log or the memory
# limit fails; ContainerIT runs this.
#
# The limit: when /sys/fs/cgroup/memory (cgroup v1) is writable, the JVM runs in its own cgroup with
# memory.limit_in_bytes=512M (and a 1-CPU CFS quota when the cpu controller is writable), which the
# JVM detects as a container limit, as in Docker. Otherwise -XX:MaxRAM=512m -XX:ActiveProcessorCount=1
# make the JVM size itself the same way (without enforcement). `ulimit -v` is not used: the JVM
# reserves far more address space than it ever touches (class space, code cache, heap), so a 512 MB
# virtual-memory cap stops it from starting although its resident memory is a fraction of that.
# Env: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PORT (default: a free loopback port).
set -euo pipefail

check=false
requests=2000
runs=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --check) check=true; requests=200; shift ;;
    --requests) requests="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$(realpath "${1:-$root/target/odoo-mcp-bridge.jar}")"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -x "$java_home/bin/java" && "$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/.*java.specification.version = //p')" -ge 25 ]] || { echo "JAVA_HOME must be a JDK 25+: $java_home" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "No jar at $jar; run ./mvnw -B -DskipTests -DskipITs package" >&2; exit 2; }
port="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
! curl -s -o /dev/null "http://127.0.0.1:$port/" || { echo "Port $port is already in use; set PORT to a free one" >&2; exit 2; }
eval "$(python3 "$root/bench/dockerfile-spec.py" "$root/Dockerfile")"

work="$(mktemp -d)"
pid=""
cgroups=()
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  for cg in "${cgroups[@]}"; do rmdir "$cg" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The image's environment, with the port moved to a free loopback one; java = the JDK 25 here.
for kv in "${DOCKER_ENV[@]}"; do export "${kv?}"; done
export PORT="$port" SERVER_ADDRESS=127.0.0.1
java_cmd() { local a=("$@"); a[0]="$java_home/bin/java"; printf '%s\0' "${a[@]}"; }

limit_prefix=()
memcg=/sys/fs/cgroup/memory; cpucg=/sys/fs/cgroup/cpu
if mkdir "$memcg/odoo-mcp-footprint-$$" 2>/dev/null; then
  cgroups+=("$memcg/odoo-mcp-footprint-$$")
  echo 512M > "$memcg/odoo-mcp-footprint-$$/memory.limit_in_bytes"
  procs="$memcg/odoo-mcp-footprint-$$/cgroup.procs"
  if mkdir "$cpucg/odoo-mcp-footprint-$$" 2>/dev/null; then
    cgroups+=("$cpucg/odoo-mcp-footprint-$$")
    echo 100000 > "$cpucg/odoo-mcp-footprint-$$/cpu.cfs_period_us"
    echo 100000 > "$cpucg/odoo-mcp-footprint-$$/cpu.cfs_quota_us"
    procs="$procs $cpucg/odoo-mcp-footprint-$$/cgroup.procs"
  fi
  limit_prefix=(sh -c 'for f in '"$procs"'; do echo $$ > "$f"; done; exec "$@"' limit)
  limit="cgroup v1: memory.limit_in_bytes=512M$([[ ${#cgroups[@]} -gt 1 ]] && echo ', cpu quota 1 CPU')"
else
  export JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -XX:MaxRAM=512m -XX:ActiveProcessorCount=1"
  limit="-XX:MaxRAM=512m -XX:ActiveProcessorCount=1 (no writable cgroup: sized, not enforced)"
fi

# Extraction and training run, as the image build does them (/app -> $work/app); like the build,
# without the memory limit (assembling the cache takes a second JVM).
extract=(); while IFS= read -r -d '' w; do extract+=("${w//\/app/$work/app}"); done < <(java_cmd "${EXTRACT_CMD[@]}")
extract=("${extract[@]//target\/odoo-mcp-bridge.jar/$jar}")
"${extract[@]}" > /dev/null
cd "$work/app"
train=(); while IFS= read -r -d '' w; do train+=("$w"); done < <(java_cmd "${TRAIN_CMD[@]}")
t0=$(date +%s%N)
"${train[@]}" > "$work/train.log" 2>&1 || { tail -20 "$work/train.log"; fail "AOT training run failed"; }
train_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[[ -s app.aot ]] || fail "the training run wrote no app.aot"
aot_mb=$(( $(stat -c %s app.aot) / 1048576 ))

body='{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'
load() {  # N tools/list POSTs from one curl, 8 at a time over kept-alive connections; prints "count code" lines
  curl -s -Z --parallel-max 8 -X POST -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d "$body" --create-dirs -o "$work/out/#1" \
    -w '%{http_code}\n' "http://127.0.0.1:$port/mcp?n=[1-$1]" 2>/dev/null | sort | uniq -c | tr -s ' ' | tr '\n' ';'
}
rss_kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

run_mode() {  # mode: aot | noaot
  local mode=$1 cmd=() w
  while IFS= read -r -d '' w; do cmd+=("$w"); done < <(java_cmd "${ENTRY_CMD[@]}")
  if [[ $mode == noaot ]]; then
    local kept=(); for w in "${cmd[@]}"; do [[ $w == -XX:AOTCache=* ]] || kept+=("$w"); done; cmd=("${kept[@]}")
  elif $check; then
    cmd=("${cmd[0]}" -XX:AOTMode=on "${cmd[@]:1}")
  fi
  local start=$(date +%s%N)
  "${limit_prefix[@]}" "${cmd[@]}" > "$work/$mode.log" 2>&1 &
  pid=$!
  local up_ms=""
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/health"; then up_ms=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$mode.log"; fail "$mode: the server exited during start-up"; }
    sleep 0.05
  done
  [[ -n $up_ms ]] || fail "$mode: /health did not answer within 60 s"
  local started; started=$(grep -o 'Started OdooMcpBridgeApplication in [0-9.]* seconds' "$work/$mode.log" | grep -o '[0-9.]* seconds' || echo '?')
  sleep 3
  local idle; idle=$(rss_kb "$pid" VmRSS)
  (cd / && "${HEALTH_CMD[@]}") || fail "$mode: the Dockerfile's HEALTHCHECK command failed"
  local t1=$(date +%s%N)
  local codes; codes=$(load "$requests")
  local load_ms=$(( ($(date +%s%N) - t1) / 1000000 ))
  [[ $codes == " $requests 200;" ]] || fail "$mode: not every tools/list answered 200: $codes"
  local loaded peak; loaded=$(rss_kb "$pid" VmRSS); peak=$(rss_kb "$pid" VmHWM)
  grep -q '"logger":"dev.odoomcp.mcp.access"' "$work/$mode.log" || fail "$mode: no JSON access log line (LOG_FORMAT=$LOG_FORMAT)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  (( peak < 512 * 1024 )) || fail "$mode: peak RSS ${peak} kB is over 512 MB"
  printf '%-6s  %8s ms  %-14s  %6s MB  %6s MB  %6s MB  %5s req/s\n' "$mode" "$up_ms" "$started" \
    $((idle / 1024)) $((loaded / 1024)) $((peak / 1024)) $(( requests * 1000 / (load_ms > 0 ? load_ms : 1) ))
}

echo "jar: $jar"
echo "java: $("$java_home/bin/java" -version 2>&1 | sed -n 2p)"
echo "limit: $limit"
echo "JAVA_TOOL_OPTIONS: $JAVA_TOOL_OPTIONS"
echo "AOT training run: ${train_ms} ms, app.aot ${aot_mb} MB"
echo "load: $requests x tools/list, 8 concurrent"
printf '%-6s  %11s  %-14s  %9s  %9s  %9s  %11s\n' mode "to /health" "Spring says" "RSS idle" "RSS load" "RSS peak" throughput
for _ in $(seq 1 "$runs"); do
  run_mode aot
  $check || run_mode noaot
done
$check && echo "container check: OK (health, HEALTHCHECK command, requests, JSON log, memory)"
exit 0
