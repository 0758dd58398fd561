# Sourced by the bench scripts that drive wrk: `use_wrk DIR` finds the wrk on the PATH, or
# unpacks Debian's (wrk and its LuaJIT) under DIR, and sets WRK, WRK_LIB and WRK_NAME;
# `run_wrk ARGS...` runs it.
use_wrk() {
  if command -v wrk >/dev/null; then
    WRK=$(command -v wrk); WRK_LIB=
  else
    WRK=$1/usr/bin/wrk; WRK_LIB=$1/usr/lib/x86_64-linux-gnu
    if [ ! -x "$WRK" ]; then
      echo "unpacking Debian's wrk under $1..." >&2
      rm -rf "$1"; mkdir -p "$1/debs"
      (cd "$1/debs" && apt-get download -q wrk libluajit2-5.1-2) \
        || { echo "apt-get download failed (run 'apt-get update' once first?)" >&2; exit 1; }
      for deb in "$1"/debs/*.deb; do dpkg -x "$deb" "$1"; done
    fi
  fi
  WRK_NAME="wrk $(run_wrk -v 2>&1 | awk 'NR == 1 {print $2}' || true)"
}
run_wrk() { LD_LIBRARY_PATH="${WRK_LIB}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$WRK" "$@"; }
