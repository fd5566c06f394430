#!/usr/bin/env bash
# The real app (a custom-protocol build: `make app`) in WebKitGTK under Xvfb, driven by
# WebdriverIO through tauri-driver, talking to portico-sim over loopback, with the real
# Secret Service (gnome-keyring in a private D-Bus session). Last line: "N passed, N failed".
#   bash tests/e2e/run.sh [name filter]     (PORTICO_E2E_KEEP=1 keeps the profiles for a look)
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export PATH="$ROOT/.tools/bin:$PATH" NO_AT_BRIDGE=1

if [ -z "${PORTICO_E2E_SESSION:-}" ]; then
  export PORTICO_E2E_SESSION=1
  exec "$ROOT/scripts/with-keyring.sh" xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi

fail() { echo "e2e: $*" >&2; echo "0 passed, 1 failed"; exit 1; }
APP="${PORTICO_APP:-$ROOT/target/debug/portico}"
SIM="${PORTICO_SIM:-$ROOT/target/debug/portico-sim}"
[ -x "$APP" ] || fail "no app at $APP: run 'make app' first"
[ -x "$SIM" ] || fail "no simulator at $SIM: run 'cargo build -p portico-sim' first"
command -v tauri-driver >/dev/null || fail "tauri-driver is missing: run 'scripts/deps.sh driver'"
[ -d "$ROOT/tests/node_modules/webdriverio" ] || (cd "$ROOT/tests" && npm install --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  if [ -n "${PORTICO_E2E_KEEP:-}" ]; then echo "e2e: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The simulator, requiring the test key, on a free port it prints.
export PORTICO_E2E_KEY="sk-e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"$SIM" --port 0 --key "$PORTICO_E2E_KEY" --delay-ms 4 >"$work/sim.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/sim.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || fail "the simulator did not start: $(cat "$work/sim.log")"
export PORTICO_E2E_SIM_URL="$url"

# A stand-in for the system opener: on Linux the app's opener runs xdg-open with the URL;
# this one writes it down instead of starting a browser. It comes first on the app's PATH.
mkdir -p "$work/opener-bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"$PORTICO_E2E_OPENED"\n' >"$work/opener-bin/xdg-open"
chmod +x "$work/opener-bin/xdg-open"
export PATH="$work/opener-bin:$PATH" PORTICO_E2E_OPENED="$work/opened-urls.txt"

port=${PORTICO_DRIVER_PORT:-4444}
tauri-driver --port "$port" --native-port $((port + 1)) >"$work/driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

export PORTICO_APP="$APP" PORTICO_E2E_WORK="$work" PORTICO_DRIVER_PORT="$port"
node "$HERE/runner.mjs" "$@"
rc=$?
if [ $rc -ne 0 ]; then
  echo "--- tauri-driver log (tail)"; tail -20 "$work/driver.log"
  for log in $(find "${XDG_DATA_HOME:-/nonexistent}" -path '*dev.portico.app/logs/*' -name '*.log' 2>/dev/null); do
    echo "--- $log (tail)"; tail -40 "$log"
  done
fi
exit $rc
