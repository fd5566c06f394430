#!/usr/bin/env bash
# The app benchmark: builds the stripped release binary (embedded UI), reports its size, seeds
# two data folders (one provider; a 2,000-message conversation) and runs tests/bench/app.mjs
# under Xvfb and a private D-Bus session. Nothing outlives it, nothing is written outside a
# temp folder (XDG dirs point there, so do the keyring and a11y daemons D-Bus may start).
#   tests/bench/run-app-bench.sh [all|launch|long]
# Env: BENCH_NO_BUILD=1 measures the binary already in target/release (or PORTICO_BENCH_APP,
# for A/B runs); BENCH_MESSAGES (2000); BENCH_LAUNCHES (5); BENCH_LONG_RUNS (3), run until that
# many scrolled with < BENCH_QUIET_STEAL (2) % host steal, BENCH_LONG_MAX (3 x runs) at most;
# BENCH_DRIVER_PORT (4444; the native one is +1);
# The app itself turns WebKit's GL compositor off where there is no GPU (as here, where GL
# would be llvmpipe); PORTICO_COMPOSITING=on measures with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$ROOT/.tools/bin:$PATH" NO_AT_BRIDGE=1
export PORTICO_BENCH_APP=${PORTICO_BENCH_APP:-$ROOT/target/release/portico}

if [ -z "${PORTICO_BENCH_WORK:-}" ]; then
  if [ -z "${BENCH_NO_BUILD:-}" ]; then
    echo "==> building the release app (UI, then cargo --release; minutes when cold)"
    npm --prefix ui run --silent build >/dev/null
    cargo build --release --features custom-protocol --quiet
  fi
  [ -x "$PORTICO_BENCH_APP" ] || { echo "no $PORTICO_BENCH_APP: build it or drop BENCH_NO_BUILD" >&2; exit 1; }
  [ -d tests/node_modules/webdriverio ] || (cd tests && npm install --no-fund --no-audit)
  command -v tauri-driver >/dev/null || cargo install tauri-driver@2 --locked --root "$ROOT/.tools"
  cargo build --release --quiet -p portico-store --example seed_conversation
  size=$(stat -c %s "$PORTICO_BENCH_APP")
  echo "BINARY: target/release/portico $(awk -v b="$size" 'BEGIN { printf "%.2f MB (%.2f MiB)", b / 1e6, b / 1048576 }'), $(file -b "$PORTICO_BENCH_APP" | grep -o 'not stripped\|stripped')"
  PORTICO_BENCH_WORK=$(mktemp -d)
  trap 'rm -rf "$PORTICO_BENCH_WORK"' EXIT
  export PORTICO_BENCH_WORK
  export XDG_CONFIG_HOME=$PORTICO_BENCH_WORK/config XDG_DATA_HOME=$PORTICO_BENCH_WORK/data
  export XDG_CACHE_HOME=$PORTICO_BENCH_WORK/cache XDG_RUNTIME_DIR=$PORTICO_BENCH_WORK/run
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
  exit
fi

work=$PORTICO_BENCH_WORK
seed=$ROOT/target/release/examples/seed_conversation
export PORTICO_BENCH_LOG=$work/tauri-driver.log
export PORTICO_BENCH_IDLE_DIR=$work/idle PORTICO_BENCH_LONG_DIR=$work/long
export PORTICO_BENCH_LONG_SEED=$work/long.json
# The app appends a line per painted frame here (src-tauri/src/frame_log.rs).
export PORTICO_BENCH_FRAME_LOG=$work/frames.log
"$seed" --dir "$PORTICO_BENCH_IDLE_DIR" --messages 0 >/dev/null
"$seed" --dir "$PORTICO_BENCH_LONG_DIR" --messages "${BENCH_MESSAGES:-2000}" >"$PORTICO_BENCH_LONG_SEED"
echo "WebKit compositing: ${PORTICO_COMPOSITING:-as the app decides (off without a GPU render node)}"
node tests/bench/app.mjs "${1:-all}" || { tail -20 "$PORTICO_BENCH_LOG" >&2; exit 1; }
