#!/usr/bin/env bash
# Benchmark: `telhook listen` as the receiving end under load (wrk), beside, in one run, the
# smallest receiver on telhook's own server stack and the receiver the Telnyx docs show (Flask +
# PyNaCl under gunicorn); plus the listener's CPU per request, its peak memory as distinct event
# ids pile up, and whether a burst from `telhook send` gets through without a 2 s timeout.
#
#   bash benches/listen.sh [SECONDS] [CONNS]  # wrk's run length (default 10), keep-alive connections (default 32)
#   LISTEN_RSS_N=1000000     # events in the memory test (default 1000000; 100000 skips the 1M part)
#   LISTEN_RSS_FIRST=100000  # the first memory reading, after this many of them
#   BURST_RUNS=5             # runs of the burst test
#   BASELINE_BIN=PATH        # another telhook build (an older commit): its listen is measured as
#                            # row (6), as (1), and gets its own burst runs, interleaved with these
#
# Needs: cargo, jq, curl, python3 (venv + pip, Flask, PyNaCl and gunicorn are pip-installed under
# target/bench/listen/venv), a wrk on PATH or apt-get + dpkg (Debian's wrk is downloaded and
# unpacked under target/bench/listen/wrk). Nothing is installed globally.
#
# 1. Throughput. wrk, 2 threads, CONNS keep-alive connections, SECONDS a run, POSTs one fixed
#    body with fixed headers; every server is started fresh for each run and stopped after it;
#    best of 3 runs, interleaved (requests/s; p50 and p99 latency of that best run):
#      (1) telhook listen --public-key PUB --no-tolerance --capture FILE, stdout (a line per
#          request) to a file, receiving `telhook example telnyx message.received --seed 1`
#          signed once with `telhook sign`
#      (2) the same without --capture
#      (3) examples/verify_receiver PUB: telhook's server code, the signature check, 200, nothing else
#      (4) benches/listen/flask_app.py (the Telnyx docs' receiver: Flask, PyNaCl) under gunicorn,
#          2 sync workers, --preload (sync workers close the connection after each answer)
#      (5) telhook listen --basic-auth user:pass receiving the Bandwidth message-delivered
#          callback as `telhook send` puts it on the wire (captured once), with its Authorization
#    Every answer must be 200 (wrk's non-2xx count, statuses >= 400, must be 0, and no socket
#    errors or 2 s timeouts), or the script fails.
# 2. CPU: the listener's utime+stime (/proc/PID/stat) around each wrk run of (1), per request
#    (the lowest of the 3 runs; the same for the other rows, gunicorn's workers included).
# 3. Memory: a fresh `telhook listen --no-tolerance --public-key PUB` receives LISTEN_RSS_FIRST
#    signed events with distinct ids from `telhook send --count --concurrency 16`; its peak RSS
#    (VmHWM) is read; then it receives the rest up to LISTEN_RSS_N and VmHWM is read again.
# 4. Burst: BURST_RUNS times, a fresh idle `telhook listen --public-key PUB` gets `telhook send
#    telnyx message.received --count 20000 --concurrency 64`; first attempts (and retries) that
#    timed out (Telnyx's 2 s) are counted from the attempt lines and the summary.
# Targets: (1) >= 0.80 of (3) and >= 5x (4) in requests/s; no 2 s timeout in any burst run; peak
# RSS after LISTEN_RSS_N events within 1.2x of that after LISTEN_RSS_FIRST. Prints a markdown
# table and PASS/FAIL lines, and exits 1 if a target is missed.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
CONNS=${2:-32}
LISTEN_RSS_N=${LISTEN_RSS_N:-1000000}
LISTEN_RSS_FIRST=${LISTEN_RSS_FIRST:-100000}
BURST_RUNS=${BURST_RUNS:-5}
BURST_COUNT=20000
BURST_CONCURRENCY=64
WRK_THREADS=2
WORK=target/bench/listen
mkdir -p "$WORK"
# A listener given no --public-key (case 5) makes the user's default key pair on first use:
# make it here, not in the user's own configuration directory.
export XDG_CONFIG_HOME="$PWD/$WORK/config"
[ "$CONNS" -ge "$WRK_THREADS" ] || { echo "CONNS must be at least $WRK_THREADS" >&2; exit 2; }
if (( LISTEN_RSS_FIRST > LISTEN_RSS_N )); then LISTEN_RSS_FIRST=$LISTEN_RSS_N; fi

cargo build --release -q --bins --example verify_receiver
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
BIN=$TARGET_DIR/release/telhook
VERIFY=$TARGET_DIR/release/examples/verify_receiver
CLK_TCK=$(getconf CLK_TCK)

# wrk: the one on PATH, or Debian's, unpacked locally.
# shellcheck source=benches/wrk.sh
. benches/wrk.sh
use_wrk "$WORK/wrk"

# Flask, PyNaCl, gunicorn: in a venv, or (no venv module) with pip --target.
PY_PKGS=("flask==3.1.*" "pynacl==1.6.*" "gunicorn==27.*")
if [ -x "$WORK/venv/bin/gunicorn" ]; then
  GUNICORN=("$WORK/venv/bin/gunicorn")
elif [ -f "$WORK/pylib/gunicorn/__init__.py" ]; then
  GUNICORN=(env "PYTHONPATH=$WORK/pylib" python3 -m gunicorn)
else
  echo "installing ${PY_PKGS[*]} under $WORK (pip)..." >&2
  if python3 -m venv "$WORK/venv" 2>/dev/null; then
    "$WORK/venv/bin/pip" install -q "${PY_PKGS[@]}"
    GUNICORN=("$WORK/venv/bin/gunicorn")
  else
    rm -rf "$WORK/venv"
    python3 -m pip install -q --target "$WORK/pylib" "${PY_PKGS[@]}"
    GUNICORN=(env "PYTHONPATH=$WORK/pylib" python3 -m gunicorn)
  fi
fi
GUNICORN_NAME="gunicorn $("${GUNICORN[@]}" --version 2>&1 | grep -o '[0-9][0-9.]*' | head -n 1)"

PIDS=()
# shellcheck disable=SC2317 # (called by the trap)
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -f "$WORK/capture.jsonl"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Start "$@" in the background, stdout to $OUT; wait for the URL on its first stdout line (or
# $FIXED_URL, for gunicorn, which prints none) and leave it in $SERVER_URL and the pid in
# $SERVER_PID. Not a subshell: the pid must reach PIDS.
start_server() {
  "$@" > "$OUT" 2> "$OUT.err" &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local url=${FIXED_URL:-}
  for _ in $(seq 200); do
    [ -n "$url" ] || url=$(head -n 1 "$OUT" 2>/dev/null | grep -o 'http://[^ ]*' || true)
    [ -n "$url" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$url" ] || { echo "$1 printed no URL: $(tail -n 5 "$OUT.err")" >&2; exit 1; }
  SERVER_URL=$url
}
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  local p keep=()
  for p in "${PIDS[@]}"; do [ "$p" = "$SERVER_PID" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}
# Until the server answers one POST of BODY with HEADERS with 200 (gunicorn takes a moment).
probe() { # BODY_FILE HEADERS_FILE
  local code=
  for _ in $(seq 200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --data-binary "@$1" -H "@$2" "$SERVER_URL" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
  done
  echo "$SERVER_URL answered ${code:-nothing} to the probe, not 200: $(tail -n 5 "$OUT.err")" >&2
  exit 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# utime+stime, in clock ticks, of PIDs and their children (gunicorn's workers).
cpu_ticks() {
  local p t=0 stat fields children
  mapfile -t children < <(pgrep -P "$1" || true)
  for p in "$@" "${children[@]}"; do
    stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"
    t=$(( t + fields[11] + fields[12] ))
  done
  echo "$t"
}

# Keys, bodies and headers: one signed Telnyx body; the Bandwidth callback as send puts it on
# the wire, captured by a listener (its headers without host and content-length, which wrk sets).
[ -f "$WORK/telnyx.key" ] || "$BIN" keygen -q --out-dir "$WORK" >/dev/null
PUB=$WORK/telnyx.pub
KEY=$WORK/telnyx.key
"$BIN" example telnyx message.received --seed 1 > "$WORK/telnyx.json"
{ echo "content-type: application/json"; echo "user-agent: telnyx-webhooks"
  "$BIN" sign --private-key "$KEY" "$WORK/telnyx.json"; } > "$WORK/telnyx.headers"
if ! grep -q '^telnyx-signature-ed25519: ' "$WORK/telnyx.headers" || ! grep -q '^telnyx-timestamp: ' "$WORK/telnyx.headers"; then
  echo "telhook sign printed no signature headers: $(cat "$WORK/telnyx.headers")" >&2; exit 1
fi
rm -f "$WORK/bandwidth.capture.jsonl"
OUT=$WORK/bandwidth.listen.out FIXED_URL='' start_server "$BIN" listen --port 0 --basic-auth user:pass \
  --capture "$WORK/bandwidth.capture.jsonl"
"$BIN" send bandwidth message-delivered --seed 1 --to "$SERVER_URL" --basic-auth user:pass --count 1 -q \
  > /dev/null
stop_server
jq -s -e 'map(select(.status == 200)) | length == 1' "$WORK/bandwidth.capture.jsonl" >/dev/null \
  || { echo "the Bandwidth capture has no single 200 request: $(cat "$WORK/bandwidth.capture.jsonl")" >&2; exit 1; }
jq -s -j 'map(select(.status == 200))[0] | if .body_base64 then (.body | @base64d) else .body end' \
  "$WORK/bandwidth.capture.jsonl" > "$WORK/bandwidth.json"
jq -s -r 'map(select(.status == 200))[0].headers[] | select(.[0] != "host" and .[0] != "content-length")
  | "\(.[0]): \(.[1])"' "$WORK/bandwidth.capture.jsonl" > "$WORK/bandwidth.headers"
grep -qx 'authorization: Basic dXNlcjpwYXNz' "$WORK/bandwidth.headers" \
  || { echo "the captured Bandwidth request has no Authorization: $(cat "$WORK/bandwidth.headers")" >&2; exit 1; }

# POSTs BODY_FILE with the HEADERS_FILE lines; done() prints one JSON line (latencies in µs).
cat > "$WORK/post.lua" <<'EOF'
local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end
wrk.method = "POST"
wrk.body = slurp(os.getenv("BODY_FILE"))
for line in slurp(os.getenv("HEADERS_FILE")):gmatch("[^\r\n]+") do
  local name, value = line:match("^([^:]+):%s*(.-)%s*$")
  if name then wrk.headers[name] = value end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"non2xx":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
EOF

# One throughput run of case $1: a fresh server, wrk, the server stopped. Sets RPS, P50, P99
# (µs) and CPU_US (the server's CPU per request); fails unless every answer was a 200.
run_case() {
  local body=$WORK/telnyx.json headers=$WORK/telnyx.headers out t0 t1 n
  OUT=$WORK/case$1.out
  FIXED_URL=
  case "$1" in
    1) rm -f "$WORK/capture.jsonl"
       start_server "$BIN" listen --port 0 --public-key "$PUB" --no-tolerance --capture "$WORK/capture.jsonl" ;;
    2) start_server "$BIN" listen --port 0 --public-key "$PUB" --no-tolerance ;;
    3) start_server "$VERIFY" "$PUB" ;;
    4) local port; port=$(free_port); FIXED_URL=http://127.0.0.1:$port/
       start_server env "TELNYX_PUBLIC_KEY=$(cat "$PUB")" PYTHONDONTWRITEBYTECODE=1 "${GUNICORN[@]}" --workers 2 --worker-class sync \
         --preload --bind "127.0.0.1:$port" --chdir benches/listen --graceful-timeout 2 flask_app:app ;;
    5) body=$WORK/bandwidth.json headers=$WORK/bandwidth.headers
       start_server "$BIN" listen --port 0 --basic-auth user:pass ;;
    6) rm -f "$WORK/capture.jsonl"
       start_server "$BASELINE_BIN" listen --port 0 --public-key "$PUB" --no-tolerance --capture "$WORK/capture.jsonl" ;;
  esac
  probe "$body" "$headers"
  t0=$(cpu_ticks "$SERVER_PID")
  out=$(BODY_FILE=$body HEADERS_FILE=$headers run_wrk -t "$WRK_THREADS" -c "$CONNS" -d "${SECONDS_PER_RUN}s" \
    -s "$WORK/post.lua" "$SERVER_URL" | tail -n 1) || { echo "wrk failed on case ($1)" >&2; exit 1; }
  t1=$(cpu_ticks "$SERVER_PID")
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "case ($1): the server died: $(tail -n 5 "$OUT.err")" >&2; exit 1; }
  stop_server
  rm -f "$WORK/capture.jsonl"
  if ! jq -e '.requests > 0 and .non2xx == 0 and .connect + .read + .write + .timeout == 0' <<<"$out" >/dev/null; then
    echo "case ($1): not every answer was a 200: $out" >&2
    tail -n 5 "$OUT.err" | sed 's/^/  stderr: /' >&2
    exit 1
  fi
  n=$(jq -r .requests <<<"$out")
  RPS=$(jq -r '.requests / .duration_us * 1e6' <<<"$out")
  P50=$(jq -r .p50_us <<<"$out")
  P99=$(jq -r .p99_us <<<"$out")
  CPU_US=$(awk -v d=$(( t1 - t0 )) -v hz="$CLK_TCK" -v n="$n" 'BEGIN { printf "%.1f", d / hz * 1e6 / n }')
}

gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }
BASELINE_BIN=${BASELINE_BIN:-}
CASES=(1 2 3 4 5)
if [ -n "$BASELINE_BIN" ]; then
  [ -x "$BASELINE_BIN" ] || { echo "BASELINE_BIN=$BASELINE_BIN is not an executable" >&2; exit 2; }
  CASES+=(6)
fi
declare -A best_rps best_p50 best_p99 best_cpu
for c in "${CASES[@]}"; do best_rps[$c]=0; best_cpu[$c]=1e99; done
for round in 1 2 3; do
  for c in "${CASES[@]}"; do
    run_case "$c"
    echo "round $round, case ($c): $(printf '%.0f' "$RPS") req/s, p50 $P50 µs, p99 $P99 µs, $CPU_US µs CPU/req" >&2
    if gt "$RPS" "${best_rps[$c]}"; then best_rps[$c]=$RPS best_p50[$c]=$P50 best_p99[$c]=$P99; fi
    if gt "${best_cpu[$c]}" "$CPU_US"; then best_cpu[$c]=$CPU_US; fi
  done
done

# Peak RSS with distinct event ids: LISTEN_RSS_FIRST, then up to LISTEN_RSS_N.
send_all() { # URL COUNT CONCURRENCY: every event acknowledged, or fail; leaves the output in $WORK/send.out
  local rc=0 summary
  "$BIN" send telnyx message.received --to "$1" --count "$2" --concurrency "$3" --private-key "$KEY" \
    --json -q > "$WORK/send.out" 2> "$WORK/send.err" || rc=$?
  summary=$(tail -n 1 "$WORK/send.out")
  if ! jq -e --argjson n "$2" '.type == "summary" and .events == $n and .acknowledged == $n' <<<"$summary" >/dev/null 2>&1; then
    echo "telhook send --count $2 (exit $rc): not all acknowledged; last line: ${summary:-<none>}" >&2
    tail -n 5 "$WORK/send.err" | sed 's/^/  stderr: /' >&2
    return 1
  fi
}
vm_hwm() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
OUT=$WORK/rss.out FIXED_URL='' start_server "$BIN" listen --port 0 --no-tolerance --public-key "$PUB"
echo "memory: $LISTEN_RSS_FIRST events..." >&2
send_all "$SERVER_URL" "$LISTEN_RSS_FIRST" 16
rss_first=$(vm_hwm "$SERVER_PID")
rss_total=
if (( LISTEN_RSS_N > LISTEN_RSS_FIRST )); then
  echo "memory: $(( LISTEN_RSS_N - LISTEN_RSS_FIRST )) more events..." >&2
  send_all "$SERVER_URL" $(( LISTEN_RSS_N - LISTEN_RSS_FIRST )) 16
  rss_total=$(vm_hwm "$SERVER_PID")
fi
stop_server

# Bursts against a fresh, idle listener.
burst_lines=() burst_timeouts=0 baseline_lines=()
burst() { # RUN LISTENER_BIN: one burst; leaves its table row in BURST_LINE, its timeouts in all_to
  local run=$1 rc=0 summary line first_to other_failed
  OUT=$WORK/burst.out FIXED_URL='' start_server "$2" listen --port 0 --public-key "$PUB"
  "$BIN" send telnyx message.received --to "$SERVER_URL" --count "$BURST_COUNT" --concurrency "$BURST_CONCURRENCY" \
    --private-key "$KEY" --json -q > "$WORK/burst.send.out" 2> "$WORK/burst.send.err" || rc=$?
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "burst $run: the listener died: $(tail -n 5 "$WORK/burst.out.err")" >&2; exit 1; }
  stop_server
  summary=$(tail -n 1 "$WORK/burst.send.out")
  jq -e '.type == "summary"' <<<"$summary" >/dev/null 2>&1 \
    || { echo "burst $run (exit $rc): no summary; last line: ${summary:-<none>}; $(tail -n 3 "$WORK/burst.send.err")" >&2; exit 1; }
  read -r first_to all_to other_failed < <(jq -s -r '[.[] | select(.type == "attempt")] |
    "\(map(select(.attempt == 1 and .verdict == "timeout")) | length) \(map(select(.verdict == "timeout")) | length) \(map(select(.verdict != "timeout")) | length)"' \
    "$WORK/burst.send.out")
  line=$(jq -r --argjson ft "$first_to" --argjson at "$all_to" --argjson of "$other_failed" '
    "| burst '"$run"': \(.events) events, -c '"$BURST_CONCURRENCY"' | \($ft) first attempts timed out (\($at) timeouts in all), \(.attempts - .events) retries, \($of) other failed attempts, \(.acknowledged) acknowledged, \(.failed) failed | \(.throughput_per_s | floor)/s, p50 \(.latency_ms.p50) ms, p99 \(.latency_ms.p99) ms |"' <<<"$summary")
  echo "${line//|/}" >&2
  BURST_LINE=$line
}
for run in $(seq "$BURST_RUNS"); do
  if [ -n "$BASELINE_BIN" ]; then
    burst "$run" "$BASELINE_BIN"
    baseline_lines+=("${BURST_LINE/| burst /| baseline burst }")
  fi
  burst "$run" "$BIN"
  burst_lines+=("$BURST_LINE")
  burst_timeouts=$(( burst_timeouts + all_to ))
done

# The table.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
name() {
  case "$1" in
    1) echo "(1) telhook listen --public-key --no-tolerance --capture, Telnyx $(wc -c < "$WORK/telnyx.json") B, signed" ;;
    2) echo "(2) telhook listen --public-key --no-tolerance, Telnyx, signed" ;;
    3) echo "(3) examples/verify_receiver, Telnyx, signed" ;;
    4) echo "(4) Flask + PyNaCl, $GUNICORN_NAME, 2 sync workers, Telnyx, signed" ;;
    5) echo "(5) telhook listen --basic-auth, Bandwidth $(wc -c < "$WORK/bandwidth.json") B, Basic auth" ;;
    6) echo "(6) as (1), with BASELINE_BIN ($BASELINE_BIN)" ;;
  esac
}
echo
echo "$WRK_NAME, $WRK_THREADS threads, $CONNS connections, ${SECONDS_PER_RUN}s a run, best of 3 interleaved; $(nproc) cores"
echo
echo "| receiver | requests/s | p50 | p99 | ratio to (3) | server CPU µs/request |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for c in "${CASES[@]}"; do
  printf '| %s | %.0f | %.2f ms | %.2f ms | %s | %s |\n' "$(name "$c")" "${best_rps[$c]}" \
    "$(awk -v u="${best_p50[$c]}" 'BEGIN { print u / 1000 }')" "$(awk -v u="${best_p99[$c]}" 'BEGIN { print u / 1000 }')" \
    "$(ratio "${best_rps[$c]}" "${best_rps[3]}")" "${best_cpu[$c]}"
done
echo
echo "| measure | value | ratio, rate |"
echo "| --- | --- | --- |"
echo "| CPU per request, listener (1) | ${best_cpu[1]} µs (utime+stime over the wrk run, lowest of 3) | |"
echo "| peak RSS after $LISTEN_RSS_FIRST distinct event ids | $rss_first KiB | |"
if [ -n "$rss_total" ]; then
  growth=$(ratio "$rss_total" "$rss_first")
  echo "| peak RSS after $LISTEN_RSS_N distinct event ids | $rss_total KiB | ${growth}x |"
fi
if (( ${#burst_lines[@]} > 0 )); then printf '%s\n' "${burst_lines[@]}"; fi
if (( ${#baseline_lines[@]} > 0 )); then printf '%s\n' "${baseline_lines[@]}"; fi
echo "| cores | $(nproc) | |"
echo

fail=0
verdict() { # LABEL OK(0/1) TEXT
  if [ "$2" = 1 ]; then echo "PASS $1: $3"; else echo "FAIL $1: $3"; fail=1; fi
}
r13=$(ratio "${best_rps[1]}" "${best_rps[3]}")
r14=$(ratio "${best_rps[1]}" "${best_rps[4]}")
verdict "listen vs verify_receiver" "$(awk -v r="$r13" 'BEGIN { print (r >= 0.80) }')" "(1) / (3) = $r13 (target >= 0.80)"
verdict "listen vs Flask" "$(awk -v r="$r14" 'BEGIN { print (r >= 5) }')" "(1) / (4) = $r14 (target >= 5)"
if (( BURST_RUNS > 0 )); then
  verdict "burst" "$(( burst_timeouts == 0 ))" \
    "$burst_timeouts 2 s timeouts in $BURST_RUNS runs of $BURST_COUNT events at -c $BURST_CONCURRENCY (target 0)"
else
  echo "SKIP burst: BURST_RUNS=0"
fi
if [ -n "$rss_total" ]; then
  verdict "memory" "$(awk -v g="$growth" 'BEGIN { print (g <= 1.2) }')" \
    "peak RSS after $LISTEN_RSS_N / after $LISTEN_RSS_FIRST = $growth (target <= 1.2)"
else
  echo "SKIP memory: LISTEN_RSS_N=$LISTEN_RSS_N is not above LISTEN_RSS_FIRST=$LISTEN_RSS_FIRST"
fi
exit "$fail"
