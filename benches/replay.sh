#!/usr/bin/env bash
# Benchmark: `telhook replay` throughput from a large capture file to a local sink, beside
# `telhook send --count` in the same run, and replay's peak memory as the capture grows.
#
#   bash benches/replay.sh [N] [C]   # N events in the big capture (default 100000), C concurrency (default 4)
#
# Needs: cargo, jq, GNU time (/usr/bin/time).
#
# 1. A real capture: `telhook listen --capture` receives SEED (2000) signed Telnyx events from
#    `telhook send --count`; its lines are repeated to make captures of N and N/10 events
#    (replay re-signs every event, so repeated lines cost what distinct ones do).
# 2. The sink is examples/sink.rs (tiny_http, answers 204), started once for every run.
# 3. Rows, best of 3 runs each, interleaved:
#      - telhook send telnyx message.finalized --count N --concurrency C (signed)
#      - telhook replay CAPTURE(N) --concurrency C --private-key K (re-signed with a fresh timestamp)
#    and the peak resident memory of replay for the N/10 and the N capture.
# Targets (issue 5): replay >= 0.80 of send's events/s; memory flat: the N capture's peak RSS at
# most 1.5x the N/10 capture's. Prints the figures and exits 1 if a target is missed.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
N=${1:-100000}
C=${2:-4}
SEED=2000
SINK_WORKERS=${SINK_WORKERS:-4}
WORK=target/bench/replay
mkdir -p "$WORK"

cargo build --release -q --bins --example sink
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
BIN=$TARGET_DIR/release/telhook
SINK=$TARGET_DIR/release/examples/sink
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
[ -f "$WORK/telnyx.key" ] || "$BIN" keygen -q --out-dir "$WORK" >/dev/null

PIDS=()
# shellcheck disable=SC2317 # (called by the trap)
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Start "$@" in the background with stdout to $OUT; wait for the URL its first line carries and
# leave it in $SERVER_URL (not a subshell: the pid must reach PIDS).
start_server() {
  "$@" > "$OUT" 2> "$OUT.err" &
  PIDS+=($!)
  local url=
  for _ in $(seq 100); do
    url=$(head -n 1 "$OUT" 2>/dev/null | grep -o 'http://[^ ]*' || true)
    [ -n "$url" ] && break
    sleep 0.05
  done
  [ -n "$url" ] || { echo "$1 printed no URL: $(cat "$OUT.err")" >&2; exit 1; }
  SERVER_URL=$url
}

# 1. The capture.
rm -f "$WORK/seed.jsonl"
OUT=$WORK/listen.out
start_server "$BIN" listen --port 0 --public-key "$WORK/telnyx.pub" --capture "$WORK/seed.jsonl" -q
LISTEN_URL=$SERVER_URL
"$BIN" send telnyx message.finalized --count "$SEED" --concurrency 4 --private-key "$WORK/telnyx.key" \
  --to "$LISTEN_URL" -q >/dev/null
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
seed_lines=$(wc -l < "$WORK/seed.jsonl")
[ "$seed_lines" -eq "$SEED" ] || { echo "capture has $seed_lines lines, expected $SEED" >&2; exit 1; }
make_capture() { # N FILE
  local reps=$(( ($1 + SEED - 1) / SEED ))
  for _ in $(seq "$reps"); do cat "$WORK/seed.jsonl"; done | head -n "$1" > "$2"
}
SMALL=$(( N / 10 ))
make_capture "$N" "$WORK/big.jsonl"
make_capture "$SMALL" "$WORK/small.jsonl"

# 2. The sink.
OUT=$WORK/sink.out
start_server "$SINK" "$SINK_WORKERS"
URL=$SERVER_URL

# One run: prints "events/s peak_rss_kib"; fails unless every event was acknowledged.
measure() { # EXPECTED_EVENTS COMMAND...
  local want=$1; shift
  local out summary
  out=$(/usr/bin/time -f 'rss_kib=%M' "$@" --json -q 2> "$WORK/time.err") || true
  summary=$(printf '%s\n' "$out" | grep '"type":"summary"' | tail -n 1)
  local got; got=$(printf '%s' "$summary" | jq -r '.acknowledged // 0')
  if [ "$got" != "$want" ]; then
    echo "$* : $got of $want acknowledged; last line: ${summary:-<none>}; $(tail -n 3 "$WORK/time.err")" >&2
    exit 1
  fi
  local rss; rss=$(grep -o 'rss_kib=[0-9]*' "$WORK/time.err" | cut -d= -f2)
  echo "$(printf '%s' "$summary" | jq -r .throughput_per_s) $rss"
}

best_send=0; best_replay=0; rss_big=0; rss_small=0
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
for _ in 1 2 3; do
  read -r r _ < <(measure "$N" "$BIN" send telnyx message.finalized --count "$N" --concurrency "$C" \
    --private-key "$WORK/telnyx.key" --to "$URL")
  best_send=$(max "$best_send" "$r")
  read -r r m < <(measure "$N" "$BIN" replay "$WORK/big.jsonl" --concurrency "$C" \
    --private-key "$WORK/telnyx.key" --to "$URL")
  best_replay=$(max "$best_replay" "$r"); rss_big=$(max "$rss_big" "$m")
  read -r _ m < <(measure "$SMALL" "$BIN" replay "$WORK/small.jsonl" --concurrency "$C" \
    --private-key "$WORK/telnyx.key" --to "$URL")
  rss_small=$(max "$rss_small" "$m")
done

ratio=$(awk -v a="$best_replay" -v b="$best_send" 'BEGIN { printf "%.2f", a / b }')
growth=$(awk -v a="$rss_big" -v b="$rss_small" 'BEGIN { printf "%.2f", a / b }')
big_mb=$(awk -v s="$(stat -c %s "$WORK/big.jsonl")" 'BEGIN { printf "%.0f", s / 1048576 }')
echo "sink: $URL (tiny_http, 204, $SINK_WORKERS workers); concurrency $C; best of 3; $(nproc) cores"
echo
echo "| run | events | events/s | peak RSS |"
echo "| --- | ---: | ---: | ---: |"
printf '| telhook send telnyx message.finalized (signed) | %d | %.0f | |\n' "$N" "$best_send"
printf '| telhook replay, %d MB capture (re-signed) | %d | %.0f | %d KiB |\n' "$big_mb" "$N" "$best_replay" "$rss_big"
printf '| telhook replay, capture of %d | %d | | %d KiB |\n' "$SMALL" "$SMALL" "$rss_small"
echo
fail=0
if awk -v r="$ratio" 'BEGIN { exit !(r >= 0.80) }'; then
  echo "PASS throughput: replay / send = $ratio (target >= 0.80)"
else
  echo "FAIL throughput: replay / send = $ratio (target >= 0.80)"; fail=1
fi
if awk -v g="$growth" 'BEGIN { exit !(g <= 1.5) }'; then
  echo "PASS memory: peak RSS for $N events / for $SMALL = $growth (target <= 1.5, flat)"
else
  echo "FAIL memory: peak RSS for $N events / for $SMALL = $growth (target <= 1.5, flat)"; fail=1
fi
exit "$fail"
