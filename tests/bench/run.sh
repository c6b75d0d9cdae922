#!/usr/bin/env bash
# The gateway benchmark suite: builds the gateway and its baselines with -c opt, starts nginx as a
# fast static upstream, runs every scenario with ghz (gRPC) and wrk (direct HTTP), prints one table
# with each target's PASS/FAIL and writes the results as JSON. See tests/bench/README.md.
#
#   tests/bench/run.sh                  # full run, about 5.5 minutes on 2 cores (+ build)
#   tests/bench/run.sh --smoke          # every scenario tiny (< 60 s); fails only on errors (CI)
#   tests/bench/run.sh --record         # also writes tests/bench/results.md
#   tests/bench/run.sh --out FILE       # results JSON (default tests/bench/results/latest.json)
#   tests/bench/run.sh --bin-dir DIR    # skip the build: pulumi_gateway, echo_server, hold_server,
#                                       # export_client, curl_floor, liballoc_counter.so are
#                                       # taken from DIR
#   tests/bench/run.sh --keep           # keep the work directory (logs, raw tool output)
#   tests/bench/run.sh --only export,held  # only these scenarios: latency, throughput, openloop,
#                                       # allocs, instructions, reuse, held, export (not with
#                                       # --record)
#
# Exit status: 0 when every call succeeded (targets may still FAIL: they are not gates), 1 on
# errors (failed calls, a tool or server that died), 2 on bad usage or missing tools.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() { sed -n '2,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

mode=full
record=0
keep=0
out="$here/results/latest.json"
bin_dir=""
all_scenarios=latency,throughput,openloop,allocs,instructions,reuse,held,export
only=$all_scenarios
while [ $# -gt 0 ]; do
  case $1 in
    --smoke) mode=smoke ;;
    --record) record=1 ;;
    --keep) keep=1 ;;
    --out) out=${2:?--out needs a path}; shift ;;
    --out=*) out=${1#*=} ;;
    --bin-dir) bin_dir=${2:?--bin-dir needs a directory}; shift ;;
    --bin-dir=*) bin_dir=${1#*=} ;;
    --only) only=${2:?--only needs a list of scenarios}; shift ;;
    --only=*) only=${1#*=} ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# selected NAME: whether scenario NAME runs (see --only).
selected() { [[ ",$only," == *",$1,"* ]]; }
for scenario in ${only//,/ }; do
  if [[ ",$all_scenarios," != *",$scenario,"* ]]; then
    echo "run.sh: unknown scenario '$scenario' (known: $all_scenarios)" >&2
    exit 2
  fi
done
if [ "$record" -eq 1 ] && [ "$only" != "$all_scenarios" ]; then
  echo "run.sh: --record needs every scenario (no --only)" >&2
  exit 2
fi

ghz=$root/tools/bin/ghz
# google/api protos (annotations, http, field_behavior, httpbody) from the npm package scripts/setup
# installs, as Bazel and buf use them.
googleapis=$root/tools/node_modules/google-proto-files
tools=(nginx wrk curl openssl python3 "$ghz")
if [ -z "$bin_dir" ]; then tools+=(bazel); fi
if selected instructions; then tools+=(valgrind callgrind_control); fi
for tool in "${tools[@]}"; do
  if ! command -v "$tool" >/dev/null; then
    echo "run.sh: $tool is missing; run scripts/setup" >&2
    exit 2
  fi
done
if [ ! -f "$googleapis/google/api/annotations.proto" ]; then
  echo "run.sh: $googleapis is missing (golang-github-grpc-ecosystem-grpc-gateway-dev); run scripts/setup" >&2
  exit 2
fi

# --- Scenario sizes ------------------------------------------------------------------------------
# Each *_load array is the ghz load option set; *_secs the matching wrk duration.
if [ "$mode" = smoke ]; then
  warm_calls=0
  pingpong_load=(-n 100) pingpong_secs=1
  throughput_load=(-n 300) throughput_secs=1
  cpu_rounds=2 cpu_round_load=(-n 300) cpu_round_secs=1
  latency_rounds=2 latency_round_load=(-n 100) latency_round_secs=1
  open_loop_rate=200 open_loop_load=(-n 200)
  reuse_calls=500
  alloc_calls=200
  instruction_calls=100
  held_calls=300 held_for=0.5s
  export_bytes=2000000 export_calls=1
else
  warm_calls=300
  pingpong_load=(-z 8s) pingpong_secs=8
  throughput_load=(-z 10s) throughput_secs=10
  cpu_rounds=5 cpu_round_load=(-z 5s) cpu_round_secs=5
  latency_rounds=3 latency_round_load=(-z 4s) latency_round_secs=4
  open_loop_rate=1000 open_loop_load=(-z 10s)
  reuse_calls=10000
  alloc_calls=20000
  instruction_calls=2000
  held_calls=5000 held_for=2s
  export_bytes=64000000 export_calls=3
fi
concurrency=64        # T2 and the throughput scenarios
reuse_concurrency=256 # T4
pool_size=64          # --upstream_max_connections of the HTTP/1.1 gateways (the default)
# ListStacks pages by size: the gateway sends ?organization=..., which nginx maps to a fixture.
declare -A organization=([small]=acme-corp [large]=acme-large)
declare -A request=([small]='{"organization":"acme-corp"}' [large]='{"organization":"acme-large"}')
small_request=${request[small]}
small_path="/api/user/stacks?organization=${organization[small]}"

# in_round_order ROUND NAME...: the names in order on odd rounds, reversed on even ones, so a
# drift of the machine's load over a run does not always favour the runs that come first.
in_round_order() {
  local round=$1
  shift
  if ((round % 2)); then
    echo "$@"
  else
    local names=("$@") i
    for ((i = ${#names[@]} - 1; i >= 0; i--)); do echo "${names[i]}"; done
  fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-bench.XXXXXX")
raw=$work/raw
mkdir -p "$raw" "$work/logs" "$work/bin" "$work/www" "$work/nginx/tmp"

# --- Processes -----------------------------------------------------------------------------------
# Every background process we start is recorded here and stopped on exit, by pid.
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$keep" -eq 1 ]; then
    echo "run.sh: work directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

declare -A pid_of addr_of metrics_of

# start_server NAME CMD...: starts CMD in the background and waits (20 s at most) for its
# "listening on HOST:PORT" line on stderr.
start_server() {
  local name=$1
  shift
  # Created here, not by the child's redirection, so the polling below never races it.
  : >"$work/logs/$name.out"
  : >"$work/logs/$name.err"
  "$@" >>"$work/logs/$name.out" 2>>"$work/logs/$name.err" &
  local pid=$!
  pids+=("$pid")
  pid_of[$name]=$pid
  local i addr
  for ((i = 0; i < 200; i++)); do
    addr=$(sed -n 's/^listening on //p' "$work/logs/$name.err" | head -n 1)
    if [ -n "$addr" ]; then
      addr_of[$name]=$addr
      metrics_of[$name]=$(sed -n 's/^metrics listening on //p' "$work/logs/$name.err" | head -n 1)
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $name exited at start-up:" >&2
      cat "$work/logs/$name.err" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "run.sh: $name did not print 'listening on' within 20 s" >&2
  exit 1
}

# stop PID: SIGTERM, wait for it to exit, and forget it (so a reused pid is never signalled).
stop_pid() {
  local p rest=()
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  for p in "${pids[@]}"; do [ "$p" = "$1" ] || rest+=("$p"); done
  pids=("${rest[@]}")
}
stop_server() { stop_pid "${pid_of[$1]}"; }

# start_gateway NAME FLAGS...: a gateway on ephemeral gRPC and metrics ports. Retries and the
# circuit breaker are off, so a failure shows as an error rather than as hidden extra work.
# Set PRELOAD (an array: env VAR=VALUE...) to start the binary through it.
start_gateway() {
  local name=$1
  shift
  start_server "$name" "${PRELOAD[@]}" "$work/bin/pulumi_gateway" --listen=127.0.0.1:0 \
    --metrics_listen=127.0.0.1:0 --log_level=warning --retry_max_attempts=1 \
    --breaker_failure_threshold=0 --shutdown_grace=2s "${gateway_flags[@]}" "$@"
}
PRELOAD=()

# --- Measurements from /proc ---------------------------------------------------------------------
fact() { printf '%s %s\n' "$1" "$2" >>"$work/facts.txt"; }
status_field() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
# utime + stime in clock ticks (fields 14 and 15 of /proc/PID/stat, counted after "(comm)").
cpu_ticks() {
  local stat fields
  stat=$(<"/proc/$1/stat")
  read -r -a fields <<<"${stat##*) }"
  echo $((fields[11] + fields[12]))
}
# Resets VmHWM (peak RSS) to the current RSS, so the next reading is this scenario's peak.
reset_peak_rss() { { echo 5 >"/proc/$1/clear_refs"; } 2>/dev/null || true; }
# metric NAME: the value of one unlabelled Prometheus metric of gateway NAME.
metric() { curl -sf "http://${metrics_of[$1]}/metrics" | awk -v m="$2" '$1 == m { print $2 }'; }
nginx_accepts() { curl -sf "http://127.0.0.1:$h1_port/nginx_status" | awk 'NR == 3 { print $1 }'; }

# Samples a process's thread count every 50 ms into FILE (the peak so far) until stopped; at each
# new peak, FILE.names gets the threads' names (which pool grew).
start_thread_sampler() {
  local pid=$1 file=$2
  echo 0 >"$file"
  (
    peak=0
    while [ -e "/proc/$pid" ]; do
      n=$(awk '$1 == "Threads:" { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      if [ "${n:-0}" -gt "$peak" ]; then
        peak=$n
        echo "$peak" >"$file"
        cat "/proc/$pid"/task/*/comm 2>/dev/null | sort | uniq -c >"$file.names" || true
      fi
      sleep 0.05
    done
  ) &
  sampler_pid=$!
  pids+=("$sampler_pid")
}

# --- Load tools ----------------------------------------------------------------------------------
ghz_common=(
  --insecure --format json
  # At the end of a -z run, wait for the calls in flight instead of cutting their connection
  # (which ghz would count as errors).
  --duration-stop wait
  --proto "$root/proto/pulumi/service/v1/stacks.proto" --import-paths "$root/proto,$googleapis"
  --metadata '{"authorization":"token pul-bench"}'
  --disable-template-functions --disable-template-data
)
# ghz_run LABEL SERVER METHOD DATA GHZ-OPTIONS...: writes raw/ghz-LABEL.json. A ghz failure is
# reported by the summary (missing output), not fatal here, so the other scenarios still run.
ghz_run() {
  local label=$1 server=$2 method=$3 data=$4
  shift 4
  echo "  ghz $label" >&2
  if ! "$ghz" "${ghz_common[@]}" --call "pulumi.service.v1.StacksService.$method" -d "$data" \
    -o "$raw/ghz-$label.json" "$@" "${addr_of[$server]}" 2>"$work/logs/ghz-$label.err"; then
    echo "run.sh: ghz $label failed:" >&2
    cat "$work/logs/ghz-$label.err" >&2
    rm -f "$raw/ghz-$label.json"
  fi
}
# Unmeasured calls first, so connections, caches and allocator arenas are warm.
ghz_warm() {
  local server=$1 method=$2 data=$3 conc=$4
  if [ "$warm_calls" -gt 0 ]; then
    "$ghz" "${ghz_common[@]}" --call "pulumi.service.v1.StacksService.$method" -d "$data" \
      -n "$warm_calls" -c "$conc" -o /dev/null "${addr_of[$server]}" 2>/dev/null || true
  fi
}
# thread_ticks PID: "TID TICKS NAME" per thread (utime + stime, as cpu_ticks).
thread_ticks() {
  local task stat fields
  for task in /proc/"$1"/task/*; do
    stat=$(<"$task/stat") 2>/dev/null || continue
    read -r -a fields <<<"${stat##*) }"
    echo "${task##*/} $((fields[11] + fields[12])) $(<"$task/comm")"
  done
}
# ghz_cpu LABEL SERVER ...: ghz_run, plus the server's CPU ticks spent during the run and the
# busiest thread's share of one core (whether a single thread caps the server).
ghz_cpu() {
  local label=$1 server=$2 before started
  before=$(cpu_ticks "${pid_of[$server]}")
  thread_ticks "${pid_of[$server]}" >"$work/threads-before"
  started=$(date +%s%N)
  ghz_run "$@"
  fact "cpu_ticks.$label" $(($(cpu_ticks "${pid_of[$server]}") - before))
  thread_ticks "${pid_of[$server]}" >"$work/threads-after"
  # Busiest thread: its ticks over the run's wall time in ticks, as a percentage of one core.
  fact "busiest_thread.$label" "$(awk -v wall_ns=$(($(date +%s%N) - started)) \
    -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $2; next }
    { d = $2 - before[$1]; if (d > max) { max = d; name = $3 } }
    END { printf "%.0f %s\n", 100 * max / (wall_ns / 1e9 * hz), name }' \
    "$work/threads-before" "$work/threads-after")"
}
# wrk_run LABEL PATH CONNECTIONS SECONDS: keep-alive HTTP/1.1 straight to nginx, the same
# headers the gateway sends; report.lua prints the latency percentiles as one JSON line.
wrk_run() {
  local label=$1 path=$2 conns=$3 secs=$4 threads
  threads=$((conns < $(nproc) ? conns : $(nproc)))
  echo "  wrk $label" >&2
  wrk -t "$threads" -c "$conns" -d "${secs}s" -s "$here/report.lua" \
    "http://127.0.0.1:$h1_port$path" >"$raw/wrk-$label.txt" 2>"$work/logs/wrk-$label.err" ||
    echo "run.sh: wrk $label failed" >&2
}
# curl_run LABEL PATH CONCURRENCY SECONDS: the libcurl-only client (keep-alive, each body parsed
# with nlohmann/json) straight to nginx; it measures its own CPU. Writes raw/curl-LABEL.json.
curl_run() {
  local label=$1 path=$2 conns=$3 secs=$4
  echo "  curl_floor $label" >&2
  "$work/bin/curl_floor" --url="http://127.0.0.1:$h1_port$path" --concurrency="$conns" \
    --duration="${secs}s" --warm="$warm_calls" >"$raw/curl-$label.json" \
    2>"$work/logs/curl-$label.err" || echo "run.sh: curl_floor $label failed" >&2
}

# --- Build ---------------------------------------------------------------------------------------
build_started=$(date +%s)
if [ -z "$bin_dir" ]; then
  echo "== build (-c opt)" >&2
  # --symlink_prefix=/ leaves the bazel-bin symlink (the fastbuild tree others use) alone.
  (cd "$root" && bazel build -c opt --symlink_prefix=/ //gateway:pulumi_gateway \
    //tests/bench:echo_server //tests/bench:hold_server //tests/bench:export_client \
    //tests/bench:curl_floor //tests/bench:liballoc_counter.so)
  opt_bin=$(cd "$root" && bazel info -c opt --symlink_prefix=/ bazel-bin 2>/dev/null)
  # Copied at once: a later build by someone else must not change the binaries under test.
  cp "$opt_bin/gateway/pulumi_gateway" "$opt_bin/tests/bench/echo_server" \
    "$opt_bin/tests/bench/hold_server" "$opt_bin/tests/bench/export_client" \
    "$opt_bin/tests/bench/curl_floor" "$opt_bin/tests/bench/liballoc_counter.so" "$work/bin/"
else
  cp "$bin_dir/pulumi_gateway" "$bin_dir/echo_server" "$bin_dir/hold_server" \
    "$bin_dir/export_client" "$bin_dir/curl_floor" "$bin_dir/liballoc_counter.so" "$work/bin/"
fi

# Every scenario repeats one request: a gateway that shares identical concurrent reads
# (--coalesce_reads, on by default where the flag exists) would send a fraction of them upstream.
# It is turned off so every call costs one upstream exchange, the case the targets are about.
gateway_flags=()
if [[ "$("$work/bin/pulumi_gateway" --helpfull 2>&1)" == *--coalesce_reads* ]]; then
  gateway_flags+=(--coalesce_reads=false)
fi

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # 5,000 held calls need ~5,100 descriptors each side
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((held_calls + 1024)) ]; then
  echo "run.sh: open-file limit $(ulimit -n) is below $((held_calls + 1024))" >&2
  exit 2
fi

build_seconds=$(($(date +%s) - build_started))
run_started=$(date +%s)

# --- Fixtures and nginx --------------------------------------------------------------------------
echo "== fixtures" >&2
python3 "$here/fixtures.py" "$work/www" --export-bytes "$export_bytes"
# nginx's workers drop to an unprivileged user when started as root: let them read the fixtures.
chmod a+rx "$work" "$work/www"
chmod a+r "$work/www"/*

# A throwaway CA and a certificate for 127.0.0.1, for the TLS + HTTP/2 listener.
bash "$root/tests/support/gen_certs.sh" "$work/certs"

# Two free ports for nginx (everything else binds port 0), probed together so they differ.
read -r h1_port h2_port < <(python3 -c '
import socket
probes = [socket.socket() for _ in range(2)]
for s in probes:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in probes])')

cat >"$work/nginx/nginx.conf" <<EOF
# Generated by tests/bench/run.sh: static fixtures for the benchmarked routes.
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events {
  worker_connections 16384;
  multi_accept on;
}
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  etag off;
  open_file_cache max=16 inactive=10m;
  open_file_cache_valid 10m;
  # Keep-alive connections are never closed by nginx during a run (default: after 1000 requests),
  # so every connection the gateway opens shows in T4.
  keepalive_timeout 300s;
  keepalive_requests 100000000;
  http2_max_concurrent_streams 128;
  root $work/www;
  map \$arg_organization \$stacks_page {
    default /stacks-small.json;
    acme-large /stacks-large.json;
  }
  server {
    listen 127.0.0.1:$h1_port backlog=4096;
    listen 127.0.0.1:$h2_port ssl http2 backlog=4096;
    ssl_certificate $work/certs/server.pem;
    ssl_certificate_key $work/certs/server.key;
    location = /api/user/stacks { try_files \$stacks_page =404; }
    location ~ ^/api/stacks/[^/]+/[^/]+/[^/]+/export\$ { try_files /export.json =404; }
    location = /nginx_status { stub_status; }
    location / { return 404 '{"code":404,"message":"Not Found"}'; }
  }
}
EOF
nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx/" -e "$work/nginx/error.log"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx/" -e "$work/nginx/error.log" \
  >"$work/logs/nginx.out" 2>&1 &
pids+=("$!")
for ((i = 0; i < 100; i++)); do
  curl -sf -o /dev/null "http://127.0.0.1:$h1_port/nginx_status" && break
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$h1_port/api/user/stacks" || {
  echo "run.sh: nginx did not start:" >&2
  cat "$work/nginx/error.log" >&2
  exit 1
}

# --- Run facts -----------------------------------------------------------------------------------
fact mode "$mode"
fact scenarios "$only"
fact clk_tck "$(getconf CLK_TCK)"
fact nproc "$(nproc)"
fact cpu_model "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
fact kernel "$(uname -r)"
fact load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
fact date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
fact nginx_version "$(nginx -v 2>&1 | sed 's/.*nginx\///')"
fact wrk_version "$(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')"
fact git_commit "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
# Uncommitted changes under gateway/ or proto/ are part of what was measured.
fact git_dirty_files "$(git -C "$root" status --porcelain -- gateway proto 2>/dev/null | wc -l)"
fact build_seconds "$build_seconds"
fact pool_size "$pool_size"
fact concurrency "$concurrency"
fact cpu_rounds "$cpu_rounds"
fact latency_rounds "$latency_rounds"
fact instruction_calls "$instruction_calls"
fact reuse_concurrency "$reuse_concurrency"
fact reuse_calls "$reuse_calls"
fact held_calls "$held_calls"
fact held_for "$held_for"
fact open_loop_rate "$open_loop_rate"
fact export_bytes "$(stat -c %s "$work/www/export.json")"
fact small_bytes "$(stat -c %s "$work/www/stacks-small.json")"
fact large_bytes "$(stat -c %s "$work/www/stacks-large.json")"

# --- Servers shared by the latency and throughput scenarios --------------------------------------
shared_servers() { selected latency || selected throughput || selected openloop; }
if shared_servers; then
  echo "== servers" >&2
  start_server echo_small "$work/bin/echo_server" --fixture="$work/www/stacks-small.json"
  start_server echo_large "$work/bin/echo_server" --fixture="$work/www/stacks-large.json"
  # The same echo answering from a second thread: what the gateway's one hop costs gRPC alone.
  start_server echo_thread "$work/bin/echo_server" --fixture="$work/www/stacks-small.json" \
    --answer_from_thread
  start_gateway gw_h1 --upstream="http://127.0.0.1:$h1_port" --upstream_max_connections="$pool_size"
  # HTTP/2 is spoken over TLS (ALPN): Debian 12's libcurl 7.88.1 fails every request after the
  # first on a reused prior-knowledge (h2c) connection (curl issue #10634, fixed in 8.0.0), and
  # the gateway refuses h2c on it.
  start_gateway gw_h2 --upstream="https://127.0.0.1:$h2_port" --upstream_ca_file="$work/certs/ca.pem"

  # T6: a fresh gateway, then after its first call (what an idle pod shows).
  sleep 1
  fact idle_rss_kb_fresh "$(status_field "${pid_of[gw_h1]}" VmRSS)"
  ghz_run idle-first-call gw_h1 ListStacks "$small_request" -n 1 -c 1
  sleep 1
  fact idle_rss_kb "$(status_field "${pid_of[gw_h1]}" VmRSS)"
  fact idle_threads "$(status_field "${pid_of[gw_h1]}" Threads)"
fi

# --- Ping-pong latency: one call in flight -------------------------------------------------------
if selected latency; then
  for size in small large; do
    echo "== ping-pong, $size payload" >&2
    ghz_warm gw_h1 ListStacks "${request[$size]}" 1
    ghz_run "pingpong-$size-gw_h1" gw_h1 ListStacks "${request[$size]}" -c 1 "${pingpong_load[@]}"
    if [ "$size" = small ]; then
      ghz_warm gw_h2 ListStacks "${request[$size]}" 1
      ghz_run "pingpong-$size-gw_h2" gw_h2 ListStacks "${request[$size]}" -c 1 "${pingpong_load[@]}"
    fi
    ghz_warm "echo_$size" ListStacks "${request[$size]}" 1
    ghz_run "pingpong-$size-echo" "echo_$size" ListStacks "${request[$size]}" -c 1 "${pingpong_load[@]}"
    if [ "$size" = small ]; then
      ghz_warm echo_thread ListStacks "${request[$size]}" 1
      ghz_run "pingpong-$size-echo_thread" echo_thread ListStacks "${request[$size]}" -c 1 \
        "${pingpong_load[@]}"
    fi
    wrk_run "pingpong-$size-direct" "/api/user/stacks?organization=${organization[$size]}" 1 "$pingpong_secs"
    curl_run "pingpong-$size-curl" "/api/user/stacks?organization=${organization[$size]}" 1 "$pingpong_secs"
  done
  # T1 and F2 compare p50s measured one after another: more rounds of the four, and the report
  # takes each ratio's median over the rounds (see the CPU rounds below).
  for ((round = 2; round <= latency_rounds; round++)); do
    echo "== ping-pong, small payload, round $round of $latency_rounds" >&2
    for run in $(in_round_order "$round" gw echo direct curl); do
      case $run in
        gw) ghz_run "pingpong-small-gw_h1-r$round" gw_h1 ListStacks "$small_request" -c 1 \
          "${latency_round_load[@]}" ;;
        echo) ghz_run "pingpong-small-echo-r$round" echo_small ListStacks "$small_request" -c 1 \
          "${latency_round_load[@]}" ;;
        direct) wrk_run "pingpong-small-direct-r$round" "$small_path" 1 "$latency_round_secs" ;;
        curl) curl_run "pingpong-small-curl-r$round" "$small_path" 1 "$latency_round_secs" ;;
      esac
    done
  done
fi

# --- Throughput and CPU per call at concurrency 64 (closed loop) ---------------------------------
if selected throughput; then
  for size in small large; do
    echo "== throughput, $size payload, concurrency $concurrency" >&2
    ghz_warm gw_h1 ListStacks "${request[$size]}" "$concurrency"
    reset_peak_rss "${pid_of[gw_h1]}"
    ghz_cpu "throughput-$size-gw_h1" gw_h1 ListStacks "${request[$size]}" -c "$concurrency" \
      "${throughput_load[@]}"
    fact "load_peak_rss_kb.$size" "$(status_field "${pid_of[gw_h1]}" VmHWM)"
    fact "load_threads.$size" "$(status_field "${pid_of[gw_h1]}" Threads)"
    if [ "$size" = small ]; then
      ghz_warm gw_h2 ListStacks "${request[$size]}" "$concurrency"
      ghz_cpu "throughput-$size-gw_h2" gw_h2 ListStacks "${request[$size]}" -c "$concurrency" \
        "${throughput_load[@]}"
    fi
    ghz_warm "echo_$size" ListStacks "${request[$size]}" "$concurrency"
    ghz_cpu "throughput-$size-echo" "echo_$size" ListStacks "${request[$size]}" -c "$concurrency" \
      "${throughput_load[@]}"
    if [ "$size" = small ]; then
      # What finishing every call from a thread gRPC does not own costs gRPC alone, at load.
      ghz_warm echo_thread ListStacks "${request[$size]}" "$concurrency"
      ghz_cpu "throughput-$size-echo_thread" echo_thread ListStacks "${request[$size]}" \
        -c "$concurrency" "${throughput_load[@]}"
    fi
    wrk_run "throughput-$size-direct" "/api/user/stacks?organization=${organization[$size]}" \
      "$concurrency" "$throughput_secs"
    curl_run "throughput-$size-curl" "/api/user/stacks?organization=${organization[$size]}" \
      "$concurrency" "$throughput_secs"
  done
  # F1 and T2 compare CPU times measured one after another on a shared machine: more rounds of
  # the four, alternating, and the report takes each ratio's median over the rounds.
  for ((round = 2; round <= cpu_rounds; round++)); do
    echo "== CPU per call, small payload, round $round of $cpu_rounds" >&2
    for run in $(in_round_order "$round" gw_h1 echo echo_thread curl); do
      case $run in
        gw_h1) ghz_cpu "throughput-small-gw_h1-r$round" gw_h1 ListStacks "$small_request" \
          -c "$concurrency" "${cpu_round_load[@]}" ;;
        echo) ghz_cpu "throughput-small-echo-r$round" echo_small ListStacks "$small_request" \
          -c "$concurrency" "${cpu_round_load[@]}" ;;
        echo_thread) ghz_cpu "throughput-small-echo_thread-r$round" echo_thread ListStacks \
          "$small_request" -c "$concurrency" "${cpu_round_load[@]}" ;;
        curl) curl_run "throughput-small-curl-r$round" "$small_path" "$concurrency" "$cpu_round_secs" ;;
      esac
    done
  done
fi

# --- Open loop: a fixed arrival rate, latency without coordinated omission -----------------------
if selected openloop; then
  echo "== open loop, $open_loop_rate calls/s" >&2
  for server in gw_h1 echo_small; do
    ghz_run "openloop-$server" "$server" ListStacks "$small_request" --async -r "$open_loop_rate" \
      -c "$concurrency" "${open_loop_load[@]}"
  done
fi
if shared_servers; then
  fact post_load_rss_kb "$(status_field "${pid_of[gw_h1]}" VmRSS)"
  stop_server gw_h1
  stop_server gw_h2
  stop_server echo_large
fi

# --- Heap allocations per call: a count, steady whatever the machine's load ----------------------
# A fresh gateway and echo server with liballoc_counter.so preloaded: warm calls first, then the
# allocations made during alloc_calls calls at concurrency 64.

# allocations_so_far NAME: the count server NAME's preloaded counter writes on SIGUSR2 ("?" if
# none comes within 5 s).
allocations_so_far() {
  local file=$work/allocs-$1 i
  rm -f "$file"
  kill -USR2 "${pid_of[$1]}"
  for ((i = 0; i < 50; i++)); do [ -s "$file" ] && break; sleep 0.1; done
  cat "$file" 2>/dev/null || echo '?'
}
if selected allocs; then
  echo "== heap allocations per call, $alloc_calls calls at concurrency $concurrency" >&2
  for server in gw echo; do
    PRELOAD=(env "ALLOC_COUNTER_FILE=$work/allocs-allocs-$server"
      "LD_PRELOAD=$work/bin/liballoc_counter.so")
    if [ "$server" = gw ]; then
      start_gateway allocs-gw --upstream="http://127.0.0.1:$h1_port" \
        --upstream_max_connections="$pool_size"
    else
      start_server allocs-echo "${PRELOAD[@]}" "$work/bin/echo_server" \
        --fixture="$work/www/stacks-small.json"
    fi
    PRELOAD=()
    ghz_warm "allocs-$server" ListStacks "$small_request" "$concurrency"
    before=$(allocations_so_far "allocs-$server")
    ghz_run "allocs-$server" "allocs-$server" ListStacks "$small_request" -c "$concurrency" \
      -n "$alloc_calls"
    fact "allocs.$server" "$before $(allocations_so_far "allocs-$server")"
    stop_server "allocs-$server"
  done
fi

# --- User-space instructions per call: a count the machine's load does not move -----------------
# The gateway and the echo server under callgrind: warm calls, counters zeroed, then
# instruction_calls calls at concurrency 64, the counters dumped. curl_floor runs twice under
# callgrind, with and without instruction_calls more requests; the difference is theirs alone.

# callgrind_total FILE: the instruction count a callgrind dump holds ("?" if none).
callgrind_total() {
  sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$1" 2>/dev/null | tail -n 1 | grep . || echo '?'
}
if selected instructions; then
  echo "== user-space instructions per call, $instruction_calls calls at c=$concurrency" >&2
  for server in gw echo; do
    # GNUTLS_NO_IMPLICIT_INIT set: the gateway does not restart itself (valgrind would refuse).
    PRELOAD=(env GNUTLS_NO_IMPLICIT_INIT=1 valgrind --tool=callgrind
      "--callgrind-out-file=$work/callgrind-$server.%p")
    if [ "$server" = gw ]; then
      start_gateway "instr-$server" --upstream="http://127.0.0.1:$h1_port" \
        --upstream_max_connections="$pool_size"
    else
      start_server "instr-$server" "${PRELOAD[@]}" "$work/bin/echo_server" \
        --fixture="$work/www/stacks-small.json"
    fi
    PRELOAD=()
    instr_pid=${pid_of[instr-$server]}
    ghz_warm "instr-$server" ListStacks "$small_request" "$concurrency"
    callgrind_control -z "$instr_pid" >/dev/null 2>&1
    ghz_run "instr-$server" "instr-$server" ListStacks "$small_request" -c "$concurrency" \
      -n "$instruction_calls" -t 60s
    callgrind_control -d "$instr_pid" >/dev/null 2>&1
    # The dump on request is FILE.1; the one at exit, without a suffix, comes after.
    fact "instructions.$server" "$(callgrind_total "$work/callgrind-$server.$instr_pid.1")"
    stop_server "instr-$server"
  done
  for requests in 0 "$instruction_calls"; do
    echo "  curl_floor under callgrind, $requests requests after the warm ones" >&2
    # --requests=0 would mean "for --duration": one request stands for none (both runs make it).
    GNUTLS_NO_IMPLICIT_INIT=1 valgrind --tool=callgrind \
      "--callgrind-out-file=$work/callgrind-curl-$requests" "$work/bin/curl_floor" \
      --url="http://127.0.0.1:$h1_port$small_path" --concurrency="$concurrency" \
      --requests=$((requests + 1)) --warm="$warm_calls" >/dev/null \
      2>"$work/logs/callgrind-curl-$requests.err" ||
      echo "run.sh: curl_floor under callgrind failed" >&2
  done
  fact instructions.curl "$(callgrind_total "$work/callgrind-curl-0") $(callgrind_total \
    "$work/callgrind-curl-$instruction_calls")"
fi

# --- T4 connection reuse: fresh gateways, every connection they open counts ----------------------
if selected reuse; then
  echo "== connection reuse, $reuse_calls calls at concurrency $reuse_concurrency" >&2
  for proto in h1 h2; do
    if [ "$proto" = h1 ]; then
      start_gateway "reuse_$proto" --upstream="http://127.0.0.1:$h1_port" \
        --upstream_max_connections="$pool_size"
    else
      start_gateway "reuse_$proto" --upstream="https://127.0.0.1:$h2_port" \
        --upstream_ca_file="$work/certs/ca.pem" --upstream_max_connections="$pool_size"
    fi
    accepts_before=$(nginx_accepts)
    ghz_run "reuse-$proto" "reuse_$proto" ListStacks "$small_request" -c "$reuse_concurrency" \
      -n "$reuse_calls"
    # Minus one: the stub_status request itself.
    fact "reuse_nginx_accepts.$proto" $(($(nginx_accepts) - accepts_before - 1))
    fact "reuse_opened.$proto" "$(metric "reuse_$proto" pulumi_upstream_connections_opened_total)"
    stop_server "reuse_$proto"
  done
fi

# h2c (HTTP/2 by prior knowledge) is not measured: Debian 12's libcurl 7.88 breaks reused h2c
# connections (curl #10634, fixed in 8.0.0), so the gateway refuses the flag; HTTP/2 runs over
# TLS above.

# --- T3: thousands of calls held upstream --------------------------------------------------------
if selected held; then
  echo "== $held_calls calls held $held_for upstream" >&2
  start_server hold "$work/bin/hold_server" --hold="$held_for" \
    --body_file="$work/www/stacks-small.json"
  # HTTP/1.1 carries one request per connection, so the pool must hold every call.
  start_gateway gw_hold --upstream="http://${addr_of[hold]}" \
    --upstream_max_connections=$((held_calls + 100)) --max_in_flight=$((held_calls * 2))
  sleep 0.5
  fact held_idle_rss_kb "$(status_field "${pid_of[gw_hold]}" VmRSS)"
  fact held_idle_threads "$(status_field "${pid_of[gw_hold]}" Threads)"
  start_thread_sampler "${pid_of[gw_hold]}" "$work/held-threads"
  reset_peak_rss "${pid_of[gw_hold]}"
  # Many callers, not one: 500 calls per HTTP/2 connection.
  ghz_run held gw_hold ListStacks "$small_request" -c "$held_calls" -n "$held_calls" -t 60s \
    --connections $(((held_calls + 499) / 500))
  fact held_peak_rss_kb "$(status_field "${pid_of[gw_hold]}" VmHWM)"
  stop_pid "$sampler_pid"
  fact held_peak_threads "$(cat "$work/held-threads")"
  cp "$work/held-threads.names" "$raw/held-thread-names.txt" 2>/dev/null || true
  stop_server gw_hold
  stop_server hold
  cp "$work/logs/hold.out" "$raw/hold-stats.json"

  # Baseline: the same calls held by a bare gRPC server (echo_server --hold), i.e. what gRPC's
  # own pools and per-call state cost before the gateway adds anything.
  start_server echo_hold "$work/bin/echo_server" --fixture="$work/www/stacks-small.json" \
    --hold="$held_for"
  sleep 0.5
  fact echo_held_idle_rss_kb "$(status_field "${pid_of[echo_hold]}" VmRSS)"
  fact echo_held_idle_threads "$(status_field "${pid_of[echo_hold]}" Threads)"
  start_thread_sampler "${pid_of[echo_hold]}" "$work/echo-held-threads"
  reset_peak_rss "${pid_of[echo_hold]}"
  ghz_run held-echo echo_hold ListStacks "$small_request" -c "$held_calls" -n "$held_calls" \
    -t 60s --connections $(((held_calls + 499) / 500))
  fact echo_held_peak_rss_kb "$(status_field "${pid_of[echo_hold]}" VmHWM)"
  stop_pid "$sampler_pid"
  fact echo_held_peak_threads "$(cat "$work/echo-held-threads")"
  cp "$work/echo-held-threads.names" "$raw/held-echo-thread-names.txt" 2>/dev/null || true
  stop_server echo_hold
fi

# --- T5: a 64 MB stack export --------------------------------------------------------------------
if selected export; then
  echo "== export of $export_bytes bytes" >&2
  export_path=/api/stacks/acme-corp/payments-api/prod/export
  for ((i = 0; i < export_calls; i++)); do
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' \
      "http://127.0.0.1:$h1_port$export_path" >>"$raw/direct-export.txt"
  done
  start_gateway gw_export --upstream="http://127.0.0.1:$h1_port" --max_response_bytes=$((256 << 20)) \
    --max_buffered_response_bytes=$((512 << 20))
  sleep 0.5
  fact export_idle_rss_kb "$(status_field "${pid_of[gw_export]}" VmRSS)"
  curl -sf "http://${metrics_of[gw_export]}/metrics" >"$raw/export-metrics-before.txt"
  reset_peak_rss "${pid_of[gw_export]}"
  echo "  export_client export" >&2
  "$work/bin/export_client" --target="${addr_of[gw_export]}" --calls="$export_calls" \
    >"$raw/export.json" 2>"$work/logs/export_client.err" || echo "run.sh: export_client failed" >&2
  fact export_peak_rss_kb "$(status_field "${pid_of[gw_export]}" VmHWM)"
  curl -sf "http://${metrics_of[gw_export]}/metrics" >"$raw/export-metrics-after.txt"
  stop_server gw_export
fi

fact load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
fact run_seconds $(($(date +%s) - run_started))

# --- Report --------------------------------------------------------------------------------------
report_args=("$work" --out "$out")
if [ "$record" -eq 1 ]; then report_args+=(--record "$here/results.md"); fi
python3 "$here/report.py" "${report_args[@]}"
