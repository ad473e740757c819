#!/usr/bin/env bash
# perf-http benchmark: perf-http's ad-hoc command against wrk and hey, all loading one fast local
# nginx (worker_processes 1, access log off, a 12-byte body) over 50 keep-alive connections.
#
#   perf-http/bench/run-bench.sh [seconds-per-run] [warm-up-seconds]     (defaults: 40 and 15)
#
# For each run the script reads, at the start, after the warm-up and at the end:
#   - the requests nginx has served (stub_status, on a second port that the load never touches);
#   - the generator's CPU time, user + sys, from /proc/<pid>/stat (every thread of the process).
# It prints requests/s as counted by the server and the generator's CPU microseconds per request,
# over the whole run and over its steady part (after the warm-up). Runs:
#   closed model, 50 connections, as fast as possible: wrk, hey, perf-http (-c 50)
#   open model at 2,000 requests/s:                     hey (-c 50 -q 40: 50 workers at 40/s each),
#                                                       perf-http (-r 2000, at most 50 in flight, so
#                                                       at most 50 connections)
# wrk has no rate option (wrk2 has; Debian does not package it). hey's -q paces each worker on its
# own ticker and waits for each response, so it is not a true open model; perf-http's open model
# starts each request on schedule and measures latency from its intended start.
#
# Debian's nginx, wrk and hey are installed with apt-get if missing (needs root). Load goes to
# 127.0.0.1 only. Every run is bounded by its duration; nginx is stopped on exit.
# Set PERF_HTTP_JAR to use another build of the command's jar; JAVA to pick the java binary;
# JAVA_OPTS for JVM flags; PERF_HTTP_JFR=1 to record a JFR profile of each perf-http run.
set -euo pipefail

RUN_SECONDS="${1:-40}"
WARMUP_SECONDS="${2:-15}"
if [ "$WARMUP_SECONDS" -ge "$RUN_SECONDS" ]; then
  echo "the warm-up ($WARMUP_SECONDS s) must be shorter than a run ($RUN_SECONDS s)" >&2
  exit 2
fi
CONNECTIONS=50
RATE=2000
PORT=18080
STATUS_PORT=18081
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d)"
TARGET="http://127.0.0.1:$PORT/"
CLK_TCK="$(getconf CLK_TCK)"
NGINX_PID=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- tools
need_install=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_install+=(nginx)
command -v wrk >/dev/null 2>&1 || need_install+=(wrk)
command -v hey >/dev/null 2>&1 || need_install+=(hey)
if [ "${#need_install[@]}" -gt 0 ]; then
  log "installing ${need_install[*]} from Debian's packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

JAR="${PERF_HTTP_JAR:-$(ls "$ROOT"/perf-http/target/perf-http-*-cli.jar 2>/dev/null | head -n 1 || true)}"
if [ -z "$JAR" ] || [ ! -f "$JAR" ]; then
  log "building the perf-http command jar"
  (cd "$ROOT" && ./mvnw -q -B -pl perf-http -am package -DskipTests)
  JAR="$(ls "$ROOT"/perf-http/target/perf-http-*-cli.jar | head -n 1)"
fi
if [ -z "${JAVA:-}" ]; then
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$candidate" ] || continue
    major="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      if [ -z "${JAVA:-}" ] || [ "${major%%.*}" -gt "${best_major:-0}" ]; then JAVA="$candidate"; best_major="${major%%.*}"; fi
    fi
  done
fi
[ -n "${JAVA:-}" ] || { echo "no java 21 or newer found; set JAVA" >&2; exit 2; }

# ---------------------------------------------------------------- nginx
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_timeout 75s;
  keepalive_requests 100000000;
  default_type text/plain;
  server {
    listen 127.0.0.1:$PORT;
    location / { return 200 "hello world!"; }
  }
  server {
    listen 127.0.0.1:$STATUS_PORT;
    location / { stub_status; }
  }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$STATUS_PORT/" && break
  sleep 0.1
done
body="$(curl -s "$TARGET")"
[ "$body" = "hello world!" ] || { echo "nginx does not answer as expected: '$body'" >&2; exit 1; }

served() { curl -s "http://127.0.0.1:$STATUS_PORT/" | awk 'NR==3 {print $3}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo ""; }
now_ns() { date +%s%N; }

# ---------------------------------------------------------------- one run
# run NAME COMMAND...: starts the generator, samples at 0, warm-up and end, prints one result line.
RESULTS="$WORK/results.tsv"
printf 'run\treq/s (whole)\tCPU us/req (whole)\treq/s (steady)\tCPU us/req (steady)\trequests\n' > "$RESULTS"
run() {
  local name="$1"; shift
  log "run: $name: $*"
  local r0 t0 c0 r1 t1 c1 r2 t2 c2 pid
  r0="$(served)"; t0="$(now_ns)"
  "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" &
  pid=$!
  c0="$(cpu_ticks "$pid")"; c0="${c0:-0}"
  sleep "$WARMUP_SECONDS"
  r1="$(served)"; t1="$(now_ns)"; c1="$(cpu_ticks "$pid")"
  # sample the CPU as late as possible while the process is still alive
  local last_c="$c1" last_r="$r1" last_t="$t1"
  while kill -0 "$pid" 2>/dev/null; do
    local c; c="$(cpu_ticks "$pid")"
    if [ -n "$c" ]; then last_c="$c"; last_r="$(served)"; last_t="$(now_ns)"; fi
    sleep 0.2
  done
  wait "$pid" || true
  r2="$last_r"; t2="$last_t"; c2="$last_c"
  awk -v n="$name" -v r0="$r0" -v r1="$r1" -v r2="$r2" -v t0="$t0" -v t1="$t1" -v t2="$t2" \
      -v c0="$c0" -v c1="$c1" -v c2="$c2" -v hz="$CLK_TCK" 'BEGIN {
    whole_req = r2 - r0; steady_req = r2 - r1;
    whole_s = (t2 - t0) / 1e9; steady_s = (t2 - t1) / 1e9;
    whole_cpu = (c2 - c0) / hz * 1e6; steady_cpu = (c2 - c1) / hz * 1e6;
    printf "%s\t%.0f\t%.1f\t%.0f\t%.1f\t%d\n", n, whole_req / whole_s, whole_cpu / whole_req,
      steady_req / steady_s, steady_cpu / steady_req, whole_req
  }' >> "$RESULTS"
  tail -n 1 "$RESULTS" >&2
}

JFR_OPTS=()
if [ "${PERF_HTTP_JFR:-0}" = 1 ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$WORK/perf-http-%p.jfr,settings=profile")
fi
# shellcheck disable=SC2206
JVM=("$JAVA" ${JAVA_OPTS:-} "${JFR_OPTS[@]}" -jar "$JAR")

log "machine: $(nproc) cores, $(uname -sr); java: $("$JAVA" -version 2>&1 | head -n 1)"
log "nginx: $("$NGINX" -v 2>&1); wrk: $(wrk -v 2>&1 | head -n 1); hey: $(dpkg-query -W -f '${Version}' hey 2>/dev/null || echo '?')"
log "work dir: $WORK"

# closed model, as fast as possible over 50 connections
run wrk-closed wrk -t 2 -c "$CONNECTIONS" -d "${RUN_SECONDS}s" "$TARGET"
run hey-closed hey -z "${RUN_SECONDS}s" -c "$CONNECTIONS" "$TARGET"
run perf-http-closed "${JVM[@]}" -c "$CONNECTIONS" -z "${RUN_SECONDS}s" -q --json "$WORK/perf-http-closed.json" "$TARGET"
# open model at 2,000 requests/s
run hey-rate-2000 hey -z "${RUN_SECONDS}s" -c "$CONNECTIONS" -q $((RATE / CONNECTIONS)) "$TARGET"
run perf-http-open-2000 "${JVM[@]}" -r "$RATE" -z "${RUN_SECONDS}s" --max-concurrency "$CONNECTIONS" -q \
  --json "$WORK/perf-http-open.json" "$TARGET"

echo
echo "Figures (runs of ${RUN_SECONDS} s; steady = after the first ${WARMUP_SECONDS} s), requests counted by nginx:"
column -t -s $'\t' "$RESULTS"
echo
for f in perf-http-closed perf-http-open-2000; do
  echo "== $f: summary"
  grep -E '^(perf-http|name|GET|total|status codes|failures|  )' "$WORK/$f.out" | head -n 20 || true
done
echo
echo "== wrk output"; cat "$WORK/wrk-closed.out"
echo "== hey (closed) summary"; sed -n '1,12p' "$WORK/hey-closed.out"
echo "== hey (-q) summary"; sed -n '1,12p' "$WORK/hey-rate-2000.out"
echo
echo "raw outputs, JSON results and any JFR recordings: $WORK"
