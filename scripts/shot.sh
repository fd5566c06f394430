#!/usr/bin/env bash
# Starts the built app under Xvfb on a fresh data folder, waits, and saves a screenshot.
#   scripts/shot.sh OUT.png [seconds] [binary]
set -euo pipefail
out=$1; wait=${2:-6}; bin=${3:-target/debug/portico}
data=${PORTICO_DATA_DIR:-$(mktemp -d)}
export PORTICO_DATA_DIR=$data NO_AT_BRIDGE=1
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  dbus-run-session -- '$bin' >/tmp/portico-shot.log 2>&1 & pid=\$!
  sleep $wait
  import -window root '$out'
  kill \$pid; wait \$pid 2>/dev/null || true
"
echo "screenshot: $out (data: $data)"
