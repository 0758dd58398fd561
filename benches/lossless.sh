#!/usr/bin/env bash
# Load without loss: `telhook send --count` into `telhook listen --capture`, once to the end and
# then with the listener killed (kill -9) at random points; checks that the capture holds every
# request the sender made and every event the sender saw acknowledged.
#
#   bash benches/lossless.sh [N] [C]   # events per run (default 100000), concurrency (default 64)
#   LOSSLESS_KILLS=3     # kill runs after the full run (default 3; 0 skips them)
#   LOSSLESS_SEED=S      # seeds the random kill points (default: a fresh seed, printed)
#   LOSSLESS_KEEP=1      # keep the captures (about 2.5 kB an event) under target/bench/lossless
#
# Needs: cargo, jq, python3 (the checks). Nothing is installed.
#
# Each run: a fresh `telhook listen --port 0 --public-key PUB --capture FILE` (its stdout, a
# line per request, to a file) receives `telhook send telnyx message.received --count N
# --concurrency C --private-key KEY --json` (one key pair, from `telhook keygen --out-dir`). The
# sender's --json output has a line per attempt (an HTTP request) with the event id and its
# verdict, "acknowledged" for a 2xx; the listener writes a request's capture line before it
# answers, so an acknowledged event must be in the capture whatever happens to the listener.
# While the sender runs, the listener's Threads (/proc/PID/status) is sampled every 0.1 s (the
# maximum is reported); its peak RSS is VmHWM read just before it is stopped or killed.
#
# 1. Full run. Checks: the sender's N events have N distinct ids and were all acknowledged;
#    exactly one capture line per request the sender made (its attempt lines; with retries,
#    requests > events); every capture line is valid JSON; N distinct event ids (`event_id`) in
#    the capture, the ids the sender sent; zero acknowledged-but-missing. Throughput: the
#    sender's events/s.
# 2. LOSSLESS_KILLS kill runs: the same, but the listener gets kill -9 at a random point: once
#    its capture has grown to a random size between 10% and 90% of the full run's (so after
#    that share of the events, whatever the machine's speed); a second later the sender is stopped
#    (SIGINT: its attempts after the kill fail, and its retries would take minutes). Reports the
#    events the sender saw acknowledged, the events captured and acknowledged-but-missing, which
#    must be 0; a capture line may be torn only at the very end (the kill cutting a write of a
#    request that was never answered).
# Exits 1 if a check fails.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
N=${1:-100000}
C=${2:-64}
KILLS=${LOSSLESS_KILLS:-3}
SEED=${LOSSLESS_SEED:-$(( $(od -An -N2 -tu2 /dev/urandom) % 32768 ))}
KEEP=${LOSSLESS_KEEP:-}
EVENT=message.received
WORK=target/bench/lossless
mkdir -p "$WORK"
# telhook reads its configuration directory: point it here, not at the user's ~/.config.
export XDG_CONFIG_HOME="$PWD/$WORK/config"
[[ "$N" =~ ^[1-9][0-9]*$ && "$C" =~ ^[1-9][0-9]*$ && "$KILLS" =~ ^[0-9]+$ ]] \
  || { echo "usage: bash benches/lossless.sh [N] [C] (positive whole numbers; LOSSLESS_KILLS >= 0)" >&2; exit 2; }
[[ "$SEED" =~ ^[0-9]+$ ]] || { echo "LOSSLESS_SEED must be a whole number" >&2; exit 2; }

cargo build --release -q --bins
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
BIN=$TARGET_DIR/release/telhook
[ -f "$WORK/telnyx.key" ] || "$BIN" keygen -q --out-dir "$WORK" >/dev/null
PUB=$WORK/telnyx.pub
KEY=$WORK/telnyx.key

PIDS=()
# shellcheck disable=SC2317 # (called by the trap)
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -n "$KEEP" ] || rm -f "$WORK"/*.capture.jsonl
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
forget() { # PID: no longer ours to stop
  local p keep=()
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}

# The listener's Threads and VmHWM (KiB) into THREADS and HWM, without a fork (sampled often).
read_status() { # PID
  local k v _
  while read -r k v _; do
    case $k in Threads:) THREADS=$v ;; VmHWM:) HWM=$v ;; esac
  done < "/proc/$1/status"
}

# Reads the sender's --json output and the capture; prints one JSON object of counts.
cat > "$WORK/check.py" <<'EOF'
import json, sys
from collections import Counter

send_out, capture = sys.argv[1], sys.argv[2]
attempt_lines, summary, sent, acked, verdicts = 0, None, set(), set(), Counter()
with open(send_out, "rb") as f:
    for line in f:
        v = json.loads(line)
        if v.get("type") == "attempt":
            attempt_lines += 1
            verdicts[v["verdict"]] += 1
            sent.add(v["id"])
            if v["verdict"] == "acknowledged":
                acked.add(v["id"])
        elif v.get("type") == "summary":
            summary = v
lines, requests, other_kinds, invalid, last_invalid, statuses, ids = 0, 0, 0, [], None, Counter(), set()
with open(capture, "rb") as f:
    for line in f:
        lines += 1
        try:
            r = json.loads(line)
        except ValueError:
            invalid.append(lines)
            continue
        if r.get("kind") != "request":
            other_kinds += 1
            continue
        requests += 1
        statuses[str(r.get("status"))] += 1
        ids.add(r.get("event_id"))
print(json.dumps({
    "attempt_lines": attempt_lines,
    "summary": summary,
    "verdicts": dict(verdicts),
    "sent_ids": len(sent),
    "acknowledged_ids": len(acked),
    "capture_lines": lines,
    "capture_requests": requests,
    "capture_other_kinds": other_kinds,
    "capture_invalid": len(invalid),
    "capture_invalid_only_last": invalid == [] or invalid == [lines],
    "capture_statuses": dict(statuses),
    "capture_ids": len(ids),
    "sent_not_captured": len(sent - ids),
    "captured_not_sent": len(ids - sent),
    "acknowledged_missing": len(acked - ids),
    "acknowledged_missing_sample": sorted(acked - ids)[:5],
    "captured_not_acknowledged": len(ids - acked),
}))
EOF

# One run: a fresh listener, the sender, the listener's threads sampled; with KILL_AT (bytes)
# the listener is killed once its capture is that large. Leaves the counts in $RESULT, the
# listener's peak RSS and maximum threads in RUN_HWM and RUN_THREADS, the capture's size in
# RUN_BYTES, the capture lines present at the kill and the seconds into the run in
# KILLED_AT_LINES and KILLED_AFTER.
run() { # NAME [KILL_AT]
  local name=$1 kill_at=${2:-} cap=$WORK/$1.capture.jsonl out=$WORK/$1.send.out
  local url='' lpid spid start now rc=0 killed=
  rm -f "$cap"
  "$BIN" listen --port 0 --public-key "$PUB" --capture "$cap" > "$WORK/$name.listen.out" 2> "$WORK/$name.listen.err" &
  lpid=$!
  PIDS+=("$lpid")
  for _ in $(seq 200); do
    url=$(head -n 1 "$WORK/$name.listen.out" 2>/dev/null | grep -o 'http://[^ ]*' || true)
    [ -n "$url" ] && break
    kill -0 "$lpid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$url" ] || { echo "$name: telhook listen printed no URL: $(tail -n 5 "$WORK/$name.listen.err")" >&2; exit 1; }
  THREADS=0 HWM=0 RUN_THREADS=0 KILLED_AT_LINES= KILLED_AFTER=
  start=$EPOCHREALTIME
  "$BIN" send telnyx "$EVENT" --to "$url" --count "$N" --concurrency "$C" --private-key "$KEY" --json \
    > "$out" 2> "$WORK/$name.send.err" &
  spid=$!
  PIDS+=("$spid")
  while kill -0 "$spid" 2>/dev/null; do
    if [ -z "$killed" ]; then
      read_status "$lpid" || { echo "$name: the listener died: $(tail -n 5 "$WORK/$name.listen.err")" >&2; exit 1; }
      if (( THREADS > RUN_THREADS )); then RUN_THREADS=$THREADS; fi
      now=$EPOCHREALTIME
      if [ -n "$kill_at" ] && (( $(stat -c %s "$cap" 2>/dev/null || echo 0) >= kill_at )); then
        RUN_HWM=$HWM
        kill -9 "$lpid"
        wait "$lpid" 2>/dev/null || true
        forget "$lpid"
        killed=$now
        KILLED_AT_LINES=$(wc -l < "$cap")
        KILLED_AFTER=$(awk -v a="$now" -v s="$start" 'BEGIN { printf "%.2f", a - s }')
      fi
    elif awk -v a="$EPOCHREALTIME" -v k="$killed" 'BEGIN { exit !(a - k >= 1) }'; then
      kill -INT "$spid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  wait "$spid" || rc=$?
  forget "$spid"
  if [ -n "$kill_at" ] && [ -z "$killed" ]; then
    echo "$name: the sender ended (exit $rc) before its capture reached $kill_at bytes: $(tail -n 3 "$WORK/$name.send.err")" >&2
    exit 1
  fi
  if [ -z "$killed" ]; then
    read_status "$lpid" || { echo "$name: the listener died: $(tail -n 5 "$WORK/$name.listen.err")" >&2; exit 1; }
    if (( THREADS > RUN_THREADS )); then RUN_THREADS=$THREADS; fi
    RUN_HWM=$HWM
    kill "$lpid" 2>/dev/null || true
    wait "$lpid" 2>/dev/null || true
    forget "$lpid"
  fi
  tail -n 1 "$out" | jq -e '.type == "summary"' >/dev/null 2>&1 \
    || { echo "$name: the sender (exit $rc) printed no summary: $(tail -n 3 "$WORK/$name.send.err")" >&2; exit 1; }
  RESULT=$(python3 "$WORK/check.py" "$out" "$cap")
  RUN_BYTES=$(stat -c %s "$cap")
  SEND_RC=$rc
  [ -n "$KEEP" ] || rm -f "$cap"
}

fail=0
verdict() { # LABEL OK(0/1) TEXT
  if [ "$2" = 1 ]; then echo "PASS $1: $3"; else echo "FAIL $1: $3"; fail=1; fi
}
r() { jq -r "$1" <<<"$RESULT"; }
SAMPLE='if .acknowledged_missing_sample == [] then "" else ", e.g. " + (.acknowledged_missing_sample | join(" ")) end'
holds() { jq -r "if $1 then 1 else 0 end" <<<"$RESULT"; }

echo "telhook send telnyx $EVENT --count $N --concurrency $C --json -> telhook listen --capture; $(nproc) cores" >&2
echo "full run..." >&2
run full
echo
echo "## full run: $N events, concurrency $C"
echo
echo "sender (exit $SEND_RC): $(r '.summary | "\(.events) events, \(.acknowledged) acknowledged, \(.failed) failed, \(.requests) requests, \(.elapsed_s) s, \(.throughput_per_s) events/s, latency p50 \(.latency_ms.p50) ms, p99 \(.latency_ms.p99) ms"')"
echo "attempt lines: $(r .attempt_lines) ($(r '.verdicts | to_entries | map("\(.key) \(.value)") | join(", ")')), distinct ids sent $(r .sent_ids), acknowledged $(r .acknowledged_ids)"
echo "capture: $(r .capture_lines) lines, $(r .capture_invalid) not JSON, $(r .capture_requests) requests ($(r '.capture_statuses | to_entries | map("status \(.key): \(.value)") | join(", ")')), $(r .capture_ids) distinct event ids"
echo "listener: peak RSS (VmHWM) $RUN_HWM KiB, threads (max sampled) $RUN_THREADS"
echo "throughput: $(r '.summary.throughput_per_s | floor') events/s"
echo
verdict "distinct ids sent" "$(holds ".sent_ids == $N and .summary.events == $N")" "$(r .sent_ids) distinct ids in $(r .summary.events) events (want $N)"
verdict "all acknowledged" "$(holds ".acknowledged_ids == $N and .summary.acknowledged == $N")" "$(r .summary.acknowledged) of $N events acknowledged"
verdict "one capture line per request" "$(holds '.capture_lines == .attempt_lines and .attempt_lines == .summary.requests')" \
  "$(r .capture_lines) capture lines, $(r .attempt_lines) requests made ($(r .summary.requests) in the summary)"
verdict "capture lines are JSON" "$(holds '.capture_invalid == 0 and .capture_other_kinds == 0')" \
  "$(r .capture_invalid) of $(r .capture_lines) lines not JSON, $(r .capture_other_kinds) not requests"
verdict "distinct ids captured" "$(holds ".capture_ids == $N and .sent_not_captured == 0 and .captured_not_sent == 0")" \
  "$(r .capture_ids) distinct event ids (want $N; sent but not captured $(r .sent_not_captured), captured but not sent $(r .captured_not_sent))"
verdict "acknowledged-but-missing" "$(holds '.acknowledged_missing == 0')" "$(r .acknowledged_missing) of $(r .acknowledged_ids) acknowledged$(r "$SAMPLE")"
FULL_S=$(r .summary.elapsed_s)
FULL_BYTES=$RUN_BYTES

RANDOM=$SEED
for k in $(seq "$KILLS"); do
  rnd=$RANDOM # here, not in the $(...) below: a subshell reseeds RANDOM
  share=$(awk -v r="$rnd" 'BEGIN { printf "%.1f", 10 + 80 * r / 32767 }')
  kill_at=$(awk -v b="$FULL_BYTES" -v p="$share" 'BEGIN { printf "%d", b * p / 100 }')
  echo "kill run $k: kill -9 once the capture has $kill_at bytes ($share% of the full run's)..." >&2
  run "kill$k" "$kill_at"
  echo
  echo "## kill run $k: kill -9 at $share% of the full run's capture (seed $SEED): after $KILLED_AFTER s, $KILLED_AT_LINES capture lines"
  echo
  echo "sender (exit $SEND_RC, stopped 1 s after the kill): $(r '.summary | "\(.events) events, \(.acknowledged) acknowledged, \(.failed) failed, \(.requests) requests"')"
  echo "acknowledged: $(r .acknowledged_ids) events; captured: $(r .capture_ids) events ($(r .capture_requests) whole lines, and $(r .capture_invalid) torn); acknowledged-but-missing: $(r .acknowledged_missing); captured but not acknowledged: $(r .captured_not_acknowledged)"
  echo "listener: peak RSS (VmHWM) $RUN_HWM KiB, threads (max sampled) $RUN_THREADS"
  echo
  verdict "kill $k sender's lines" "$(holds '.acknowledged_ids == .summary.acknowledged and .attempt_lines == .summary.requests')" \
    "$(r .acknowledged_ids) acknowledged ids in $(r .attempt_lines) attempt lines; the summary: $(r .summary.acknowledged) acknowledged, $(r .summary.requests) requests"
  verdict "kill $k acknowledged-but-missing" "$(holds '.acknowledged_missing == 0')" \
    "$(r .acknowledged_missing) of $(r .acknowledged_ids) acknowledged$(r "$SAMPLE")"
  verdict "kill $k capture lines" "$(holds '.capture_invalid_only_last and .capture_other_kinds == 0')" \
    "$(r .capture_invalid) not JSON (at most the last), $(r .capture_other_kinds) not requests"
done
exit "$fail"
