#!/usr/bin/env bash
# Benchmark: `telhook send --count` throughput against a local sink, compared in one run with a
# plain load generator (oha) POSTing a same-sized webhook body to the same sink at the same
# concurrency.
#
#   bash benches/send.sh [N] [C]      # N requests per run (default 20000), C concurrency (default 4)
#   LOADGEN=wrk bash benches/send.sh  # wrk instead of oha (runs for WRK_SECONDS, default 3)
#   SINK_WORKERS=4                    # threads answering in the sink
#
# Needs: cargo, jq, bc; for LOADGEN=wrk a wrk on PATH, or apt-get + dpkg (Debian's wrk is
# downloaded and unpacked under target/bench/send/, nothing installed globally). oha is built
# with `cargo install` under target/bench/send/ (the first time takes ~5 minutes on 2 cores).
#
# The sink is examples/sink.rs: tiny_http on a free 127.0.0.1 port, reads each body, answers
# 204 with no body; started once, shared by every tool, stopped on exit. Rows, best of 3 runs each
# (the runs interleaved, so drift on a busy machine hits every tool alike):
#   - the load generator with the body of `telhook example telnyx message.finalized`
#   - telhook send telnyx message.finalized: a fresh payload per event, Ed25519-signed
#   - the load generator with the body of `telhook example bandwidth message-delivered`
#   - telhook send bandwidth message-delivered: unsigned, no Basic auth
# Every run must get all N requests answered (204 / acknowledged), or the script fails.
# Target: each telhook row reaches >= 50% of the load generator's requests/s with the same body;
# the script prints the ratios and exits 1 if one misses.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
N=${1:-20000}
C=${2:-4}
LOADGEN=${LOADGEN:-oha}
WRK_SECONDS=${WRK_SECONDS:-3}
SINK_WORKERS=${SINK_WORKERS:-4}
TARGET=0.50
OHA_VERSION=1.16.0
WORK=target/bench/send
mkdir -p "$WORK"

cargo build --release -q --bins --example sink
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
BIN=$TARGET_DIR/release/telhook
SINK=$TARGET_DIR/release/examples/sink

# The load generator, pinned, installed locally.
case "$LOADGEN" in
  oha)
    OHA=$WORK/oha/bin/oha
    if [ ! -x "$OHA" ] || [ "$("$OHA" --version)" != "oha $OHA_VERSION" ]; then
      echo "installing oha $OHA_VERSION under $WORK/oha (cargo install, a few minutes)..." >&2
      cargo install -q --locked oha --version "$OHA_VERSION" --root "$WORK/oha" --force
    fi
    LOADGEN_NAME="oha $OHA_VERSION"
    ;;
  wrk)
    # shellcheck source=benches/wrk.sh
    . benches/wrk.sh
    use_wrk "$WORK/wrk"
    # A POST of BODY_FILE; done() prints one JSON line with the counts.
    cat > "$WORK/post.lua" <<'EOF'
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
end
EOF
    WRK_THREADS=$(( C < $(nproc) ? C : $(nproc) ))
    LOADGEN_NAME=$WRK_NAME
    ;;
  *) echo "LOADGEN must be oha or wrk" >&2; exit 2 ;;
esac

# The bodies the load generator sends (telhook makes its own, one per event, of the same shape),
# and a fixed signing key, so no run spends time making one.
"$BIN" example telnyx message.finalized --seed 1 --at 2026-01-01T00:00:00Z > "$WORK/telnyx.json"
"$BIN" example bandwidth message-delivered --seed 1 --at 2026-01-01T00:00:00Z > "$WORK/bandwidth.json"
[ -f "$WORK/telnyx.key" ] || "$BIN" keygen -q --out-dir "$WORK" >/dev/null

# The sink, on a free port; its URL is its first stdout line.
SINK_PID=
# shellcheck disable=SC2317 # (called by the trap)
cleanup() { if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
"$SINK" "$SINK_WORKERS" > "$WORK/sink.out" 2> "$WORK/sink.err" &
SINK_PID=$!
URL=
for _ in $(seq 100); do
  URL=$(head -n 1 "$WORK/sink.out" 2>/dev/null || true)
  [ -n "$URL" ] && break
  kill -0 "$SINK_PID" 2>/dev/null || { echo "sink died: $(cat "$WORK/sink.err")" >&2; exit 1; }
  sleep 0.05
done
[ -n "$URL" ] || { echo "sink printed no URL" >&2; exit 1; }

# One run of the load generator with body file $1 (N requests, or WRK_SECONDS for wrk): prints
# its requests/s; fails unless every request was answered with a 2xx.
loadgen_rate() {
  local out
  if [ "$LOADGEN" = oha ]; then
    out=$("$OHA" -n "$N" -c "$C" -m POST -D "$1" -H 'content-type: application/json' \
      --no-tui --output-format json "$URL") || { echo "oha failed" >&2; return 1; }
    if ! jq -e --argjson n "$N" '(.statusCodeDistribution["204"] // 0) == $n' <<<"$out" >/dev/null; then
      echo "oha: not all $N requests answered 204: $(jq -c '{statusCodeDistribution, errorDistribution}' <<<"$out")" >&2
      return 1
    fi
    jq -r '.summary.requestsPerSec' <<<"$out"
  else
    out=$(BODY_FILE="$1" run_wrk -t "$WRK_THREADS" -c "$C" -d "${WRK_SECONDS}s" -s "$WORK/post.lua" "$URL" \
      | tail -n 1) \
      || { echo "wrk failed" >&2; return 1; }
    if ! jq -e '.requests > 0 and .errors == 0 and .non2xx == 0' <<<"$out" >/dev/null; then
      echo "wrk: errors: $out" >&2
      return 1
    fi
    jq -r '.requests / .duration_us * 1e6' <<<"$out"
  fi
}

# One run of `telhook send PROVIDER EVENT --count N`: prints its throughput_per_s, from the
# summary (its last stdout line); fails unless all N events were acknowledged.
telhook_rate() {
  local out rc=0 summary key=()
  [ "$1" = telnyx ] && key=(--private-key "$WORK/telnyx.key")
  out=$("$BIN" send "$1" "$2" --to "$URL" --count "$N" --concurrency "$C" "${key[@]}" --json -q \
    2> "$WORK/send.err") || rc=$?
  summary=$(tail -n 1 <<<"$out")
  if ! jq -e --argjson n "$N" \
    '.type == "summary" and .events == $n and .acknowledged == $n and .failed == 0' \
    <<<"$summary" >/dev/null 2>&1; then
    echo "telhook send $1 $2 (exit $rc): not all $N events acknowledged; last line: ${summary:-<none>}" >&2
    sed 's/^/  stderr: /' "$WORK/send.err" | tail -n 5 >&2
    return 1
  fi
  jq -r '.throughput_per_s' <<<"$summary"
}

max() { echo "if ($1 > $2) $1 else $2" | bc -l; }

loadgen_rate "$WORK/telnyx.json" >/dev/null # warm-up: the sink's threads, the caches

lg_t=0 tel_t=0 lg_b=0 tel_b=0
for _ in 1 2 3; do
  r=$(loadgen_rate "$WORK/telnyx.json"); lg_t=$(max "$lg_t" "$r")
  r=$(telhook_rate telnyx message.finalized); tel_t=$(max "$tel_t" "$r")
  r=$(loadgen_rate "$WORK/bandwidth.json"); lg_b=$(max "$lg_b" "$r")
  r=$(telhook_rate bandwidth message-delivered); tel_b=$(max "$tel_b" "$r")
done

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
r_t=$(ratio "$tel_t" "$lg_t")
r_b=$(ratio "$tel_b" "$lg_b")
if [ "$LOADGEN" = oha ]; then per_run="$N requests"; else per_run="${WRK_SECONDS}s for wrk, $N requests for telhook"; fi
echo "sink: $URL (tiny_http, 204, $SINK_WORKERS workers); concurrency $C; $per_run per run; best of 3; $(nproc) cores"
echo
echo "| tool | body | requests/s | ratio to $LOADGEN_NAME |"
echo "| --- | --- | ---: | ---: |"
printf '| %s | %s | %.0f | %s |\n' "$LOADGEN_NAME -c $C" "telnyx message.finalized, $(wc -c < "$WORK/telnyx.json") B" "$lg_t" 1.00
printf '| %s | %s | %.0f | %s |\n' "telhook send telnyx message.finalized" "a fresh one per event, signed" "$tel_t" "$r_t"
printf '| %s | %s | %.0f | %s |\n' "$LOADGEN_NAME -c $C" "bandwidth message-delivered, $(wc -c < "$WORK/bandwidth.json") B" "$lg_b" 1.00
printf '| %s | %s | %.0f | %s |\n' "telhook send bandwidth message-delivered" "a fresh one per event, unsigned" "$tel_b" "$r_b"
echo

fail=0
verdict() { # LABEL RATIO
  if [ "$(echo "$2 >= $TARGET" | bc -l)" = 1 ]; then
    echo "PASS $1: telhook / $LOADGEN_NAME = $2 (target >= $TARGET)"
  else
    echo "FAIL $1: telhook / $LOADGEN_NAME = $2 (target >= $TARGET)"; fail=1
  fi
}
verdict "telnyx (signed)" "$r_t"
verdict "bandwidth (unsigned)" "$r_b"
exit "$fail"
