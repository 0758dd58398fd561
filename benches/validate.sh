#!/usr/bin/env bash
# Benchmark: `telhook validate` against check-jsonschema (PyPI) and ajv-cli (npm) on the same
# corpus of realistic payload files with the same schema, in one run.
#
#   bash benches/validate.sh [FILES]        # FILES defaults to 2000
#
# Needs: cargo, python3 (venv + pip), node + npm. Installs the two other validators under
# target/bench/ (nothing global). Prints files/s per tool (best of 3 runs) and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
EVENT=message.finalized
WORK=target/bench/validate
CORPUS=$WORK/corpus
mkdir -p "$WORK"

cargo build --release -q
BIN=target/release/telhook

# The corpus: every variant of the event, many seeds, one file each (what a captures folder holds).
if [ "$(ls "$CORPUS" 2>/dev/null | wc -l)" -ne "$N" ]; then
  rm -rf "$CORPUS"; mkdir -p "$CORPUS"
  variants=(delivered sending_failed delivery_failed delivery_unconfirmed expired)
  for ((i = 0; i < N; i++)); do
    v=${variants[$((i % ${#variants[@]}))]}
    "$BIN" example telnyx "$EVENT" --variant "$v" --seed "$i" --at 2026-01-01T00:00:00Z > "$CORPUS/$(printf '%05d' "$i").json"
  done
fi
"$BIN" schema telnyx "$EVENT" > "$WORK/schema.json"
BYTES=$(cat "$CORPUS"/*.json | wc -c)

# The other validators, pinned, installed locally.
if [ ! -x "$WORK/venv/bin/check-jsonschema" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "check-jsonschema==0.33.*"
fi
if [ ! -x "$WORK/node/node_modules/.bin/ajv" ]; then
  mkdir -p "$WORK/node"
  (cd "$WORK/node" && npm init -y >/dev/null && npm install -s --no-audit --no-fund ajv-cli@5 ajv-formats@3 >/dev/null)
fi

files=("$CORPUS"/*.json)

# A second corpus where every file has one error (a misspelt status), so the error path (line,
# column, path, value, expectation) is exercised, not just the fast valid path.
BAD=$WORK/corpus-invalid
if [ "$(ls "$BAD" 2>/dev/null | wc -l)" -ne "$N" ]; then
  rm -rf "$BAD"; mkdir -p "$BAD"
  for f in "${files[@]}"; do
    sed -E '0,/"status": "[a-z_]+"/s//"status": "deliverd"/' "$f" > "$BAD/$(basename "$f")"
  done
fi
bad_files=("$BAD"/*.json)
best() { # best wall time of 3 runs, in seconds; EXPECT=0 (all valid) or 1 (errors reported)
  local b=999999 t0 t1 t rc
  for _ in 1 2 3; do
    t0=$(date +%s.%N)
    rc=0; "$@" >/dev/null 2>&1 || rc=$?
    if { [ "${EXPECT:-0}" = 0 ] && [ $rc -ne 0 ]; } || { [ "${EXPECT:-0}" = 1 ] && [ $rc -eq 0 ]; }; then
      echo "unexpected exit $rc: $*" >&2; exit 1
    fi
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    b=$(echo "if ($t < $b) $t else $b" | bc -l)
  done
  echo "$b"
}

t_tel=$(best "$BIN" validate --event "telnyx/$EVENT" "${files[@]}")
t_tel_auto=$(best "$BIN" validate "$CORPUS")
t_cj=$(best "$WORK/venv/bin/check-jsonschema" --schemafile "$WORK/schema.json" "${files[@]}")
t_ajv=$(best "$WORK/node/node_modules/.bin/ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$WORK/schema.json" -d "$CORPUS/*.json")

export EXPECT=1
b_tel=$(best "$BIN" validate --event "telnyx/$EVENT" "${bad_files[@]}")
b_cj=$(best "$WORK/venv/bin/check-jsonschema" --schemafile "$WORK/schema.json" "${bad_files[@]}")
b_ajv=$(best "$WORK/node/node_modules/.bin/ajv" validate --spec=draft2020 --strict=false --all-errors -c ajv-formats -s "$WORK/schema.json" -d "$BAD/*.json")
export EXPECT=0

rate() { echo "$N / $1" | bc -l | xargs printf '%.0f'; }
r_tel=$(rate "$t_tel"); r_auto=$(rate "$t_tel_auto"); r_cj=$(rate "$t_cj"); r_ajv=$(rate "$t_ajv")
echo "corpus: $N files of telnyx $EVENT ($BYTES bytes), one schema, $(nproc) cores"
printf '%-44s %10s %12s\n' tool seconds files/s
printf '%-44s %10.3f %12s\n' "telhook validate --event (line/col on)" "$t_tel" "$r_tel"
printf '%-44s %10.3f %12s\n' "telhook validate DIR (recognise each event)" "$t_tel_auto" "$r_auto"
printf '%-44s %10.3f %12s\n' "check-jsonschema $("$WORK/venv/bin/check-jsonschema" --version | awk '{print $NF}')" "$t_cj" "$r_cj"
printf '%-44s %10.3f %12s\n' "ajv-cli 5 + ajv-formats" "$t_ajv" "$r_ajv"
echo "every file invalid (one misspelt status each):"
printf '%-44s %10.3f %12s\n' "telhook validate --event" "$b_tel" "$(rate "$b_tel")"
printf '%-44s %10.3f %12s\n' "check-jsonschema" "$b_cj" "$(rate "$b_cj")"
printf '%-44s %10.3f %12s\n' "ajv-cli" "$b_ajv" "$(rate "$b_ajv")"
echo "telhook / check-jsonschema: $(echo "$r_tel / $r_cj" | bc -l | xargs printf '%.1f')x (target >= 20x)"
echo "telhook / ajv-cli:          $(echo "$r_tel / $r_ajv" | bc -l | xargs printf '%.1f')x (target >= 8x)"
