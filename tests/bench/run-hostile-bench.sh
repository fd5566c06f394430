#!/usr/bin/env bash
# The hostile-reply benchmark (hostile.mjs): builds the app with embedded UI (debug by default;
# BENCH_RELEASE=1 for the optimized one) and runs every hostile reply the simulator knows,
# under Xvfb and a private D-Bus session. Nothing outlives it; nothing is written outside a
# temp folder.
#   tests/bench/run-hostile-bench.sh [name ...]     (default: every `sim:hostile=` reply)
# Env: BENCH_NO_BUILD=1 measures the binaries already built; PORTICO_BENCH_APP picks another
# app binary; BENCH_CAP_S (60) caps each step; BENCH_DRIVER_PORT (4444; the native one is +1).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$ROOT/.tools/bin:$PATH" NO_AT_BRIDGE=1

if [ -z "${PORTICO_BENCH_WORK:-}" ]; then
  profile=debug release=()
  if [ -n "${BENCH_RELEASE:-}" ]; then profile=release release=(--release); fi
  export PORTICO_BENCH_APP=${PORTICO_BENCH_APP:-$ROOT/target/$profile/portico}
  if [ -z "${BENCH_NO_BUILD:-}" ]; then
    echo "==> building the UI and the $profile app (custom-protocol)"
    npm --prefix ui run --silent build >/dev/null
    cargo build "${release[@]}" --features custom-protocol --quiet
    cargo build "${release[@]}" --quiet -p portico-sim
  fi
  [ -x "$PORTICO_BENCH_APP" ] || { echo "no $PORTICO_BENCH_APP: build it or drop BENCH_NO_BUILD" >&2; exit 1; }
  command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: run scripts/deps.sh apt" >&2; exit 1; }
  [ -d tests/node_modules/webdriverio ] || (cd tests && npm install --no-fund --no-audit)
  command -v tauri-driver >/dev/null || { echo "tauri-driver is missing: run scripts/deps.sh driver" >&2; exit 1; }
  # The names come from the simulator itself, so a new hostile reply is measured without edits here.
  if [ $# -gt 0 ]; then
    BENCH_HOSTILE="$*"
  else
    # (--help exits with status 2 by design.)
    BENCH_HOSTILE=$({ "target/$profile/portico-sim" --help 2>&1 || true; } | sed -n 's/^hostile replies ([^)]*): //p')
  fi
  [ -n "$BENCH_HOSTILE" ] || { echo "the simulator lists no hostile replies" >&2; exit 1; }
  export BENCH_HOSTILE BENCH_PROFILE=$profile
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
export PORTICO_BENCH_LOG=$work/tauri-driver.log
echo "app: $PORTICO_BENCH_APP ($BENCH_PROFILE build)"
node tests/bench/hostile.mjs || { tail -20 "$PORTICO_BENCH_LOG" >&2; exit 1; }
