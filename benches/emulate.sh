#!/usr/bin/env bash
# Benchmark: `telhook emulate` under load, beside `telhook send --count` in the same run.
#
#   bash benches/emulate.sh [M] [C]   # M API calls per run (default 5000), C concurrency (default 8)
#
# Needs: cargo, jq, bc, curl. oha (the API client) is built with `cargo install` under
# target/bench/send/ the first time (as benches/send.sh does; ~5 minutes on 2 cores).
#
# Both deliver to examples/sink.rs (tiny_http, 204). Each run:
#   - emulate: oha POSTs M Telnyx messages (C at once) to `telhook emulate --latency 0ms -q`,
#     then POST /_telhook/settle waits until every webhook (a message.sent and a
#     message.finalized per message, 2M, signed) was acknowledged by the sink. Rate: API calls
#     per second with their webhooks delivered (from the first call to the end of settle). CPU:
#     the emulator process's user+system time (/proc/PID/stat) over the run, per message.
#   - send: `telhook send telnyx message.finalized --count 2M --concurrency C -q`, the same
#     number of signed webhooks. CPU: the process's user+system time, per 2 webhooks.
# Best of 3 for each, interleaved. Target: the emulator's CPU per message (its API call and its
# two webhooks) within 1.5x of send's CPU for two webhooks; the script exits 1 if it misses.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
M=${1:-5000}
C=${2:-8}
TARGET=1.5
OHA_VERSION=1.16.0
WORK=target/bench/emulate
mkdir -p "$WORK"
export XDG_CONFIG_HOME="$PWD/$WORK/config"

cargo build --release -q --bins --example sink
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
BIN=$TARGET_DIR/release/telhook
SINK=$TARGET_DIR/release/examples/sink
OHA=target/bench/send/oha/bin/oha
if [ ! -x "$OHA" ] || [ "$("$OHA" --version)" != "oha $OHA_VERSION" ]; then
  echo "installing oha $OHA_VERSION under target/bench/send/oha (cargo install, a few minutes)..." >&2
  cargo install -q --locked oha --version "$OHA_VERSION" --root target/bench/send/oha --force
fi
[ -f "$WORK/telnyx.key" ] || "$BIN" keygen -q --out-dir "$WORK" >/dev/null
TICK=$(getconf CLK_TCK)

PIDS=()
# shellcheck disable=SC2317 # (called by the trap)
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A background server's first stdout line (its address), within 5 s.
first_line() { # FILE PID
  local line=
  for _ in $(seq 100); do
    line=$(head -n 1 "$1" 2>/dev/null || true)
    [ -n "$line" ] && { echo "$line"; return 0; }
    kill -0 "$2" 2>/dev/null || { echo "it died" >&2; return 1; }
    sleep 0.05
  done
  return 1
}

"$SINK" 4 > "$WORK/sink.out" 2> "$WORK/sink.err" &
PIDS+=($!)
URL=$(first_line "$WORK/sink.out" "${PIDS[-1]}")

cpu_of() { # PID: user+system seconds so far
  awk -v t="$TICK" '{ print ($14 + $15) / t }' "/proc/$1/stat"
}

BODY='{"from": "+13125550100", "to": "+13125550123", "text": "Your code is 123456"}'

# One emulator run: prints "RATE CPU_PER_MESSAGE_US".
emulate_run() {
  "$BIN" --json emulate --port 0 --provider telnyx --webhook-url "$URL" --private-key "$WORK/telnyx.key" \
    --latency 0ms -q > "$WORK/emulate.out" 2> "$WORK/emulate.err" &
  local pid=$! base before after start end out
  base=http://$(first_line "$WORK/emulate.out" "$pid" | jq -r .addr)
  before=$(cpu_of "$pid")
  start=$(date +%s.%N)
  out=$("$OHA" -n "$M" -c "$C" -m POST -d "$BODY" -H 'content-type: application/json' \
    -H 'Authorization: Bearer KEY' --no-tui --output-format json "$base/v2/messages") \
    || { echo "oha failed" >&2; kill "$pid"; return 1; }
  if ! jq -e --argjson n "$M" '(.statusCodeDistribution["200"] // 0) == $n' <<<"$out" >/dev/null; then
    echo "oha: not all $M calls answered 200: $(jq -c '{statusCodeDistribution, errorDistribution}' <<<"$out")" >&2
    kill "$pid"; return 1
  fi
  curl -sf -X POST "$base/_telhook/settle?timeout=300s" > /dev/null \
    || { echo "the emulator did not settle" >&2; kill "$pid"; return 1; }
  end=$(date +%s.%N)
  after=$(cpu_of "$pid")
  kill -INT "$pid"; wait "$pid" || true
  # Every webhook acknowledged: the summary the emulator printed when it stopped.
  if ! tail -n 1 "$WORK/emulate.out" | jq -e --argjson n "$((2 * M))" \
    '.type == "summary" and .events == $n and .acknowledged == $n' >/dev/null; then
    echo "emulate: not all $((2 * M)) webhooks acknowledged: $(tail -n 1 "$WORK/emulate.out")" >&2
    return 1
  fi
  echo "$(echo "$M / ($end - $start)" | bc -l) $(echo "($after - $before) / $M * 1000000" | bc -l)"
}

# One send run of 2M webhooks: prints "RATE CPU_PER_TWO_WEBHOOKS_US".
send_run() {
  local out times
  out=$( { TIMEFORMAT='%U %S'; time "$BIN" send telnyx message.finalized --to "$URL" --count "$((2 * M))" \
    --concurrency "$C" --private-key "$WORK/telnyx.key" --json -q 2> "$WORK/send.err"; } 2> "$WORK/send.time")
  if ! tail -n 1 <<<"$out" | jq -e --argjson n "$((2 * M))" '.type == "summary" and .acknowledged == $n' >/dev/null; then
    echo "send: not all $((2 * M)) acknowledged: $(tail -n 1 <<<"$out")" >&2
    return 1
  fi
  times=$(tail -n 1 "$WORK/send.time")
  echo "$(tail -n 1 <<<"$out" | jq -r .throughput_per_s) $(echo "(${times% *} + ${times#* }) / $M * 1000000" | bc -l)"
}

max() { echo "if ($1 > $2) $1 else $2" | bc -l; }
min() { echo "if ($1 < $2) $1 else $2" | bc -l; }

emulate_run > /dev/null # warm-up
e_rate=0 e_cpu=999999999 s_rate=0 s_cpu=999999999
for _ in 1 2 3; do
  read -r r c < <(emulate_run); e_rate=$(max "$e_rate" "$r"); e_cpu=$(min "$e_cpu" "$c")
  read -r r c < <(send_run); s_rate=$(max "$s_rate" "$r"); s_cpu=$(min "$s_cpu" "$c")
done
ratio=$(echo "$e_cpu / $s_cpu" | bc -l | xargs printf '%.2f')
echo "sink: $URL (tiny_http, 204); concurrency $C; $M API calls (2 webhooks each) or $((2 * M)) sends per run; best of 3; $(nproc) cores"
echo
echo "| run | rate | CPU per message (API call + 2 webhooks, or 2 webhooks) |"
echo "| --- | ---: | ---: |"
printf '| telhook emulate, oha -c %s | %.0f API calls/s with their webhooks delivered | %.0f µs |\n' "$C" "$e_rate" "$e_cpu"
printf '| telhook send --count %s --concurrency %s | %.0f webhooks/s | %.0f µs |\n' "$((2 * M))" "$C" "$s_rate" "$s_cpu"
echo
if [ "$(echo "$ratio <= $TARGET" | bc -l)" = 1 ]; then
  echo "PASS emulate CPU per message / send CPU per 2 webhooks = $ratio (target <= $TARGET)"
else
  echo "FAIL emulate CPU per message / send CPU per 2 webhooks = $ratio (target <= $TARGET)"
  exit 1
fi
