#!/usr/bin/env bash
# Builds nothing: serves ui/dist with `vite preview`, runs the browser tests with Debian
# chromium (playwright-core), stops the server by PID. Last line: "N passed, N failed".
# SCREENSHOTS=1 also writes tests/artifacts/screens/ (screenshots.mjs) first.
# An argument filters tests by name: bash tests/browser/run.sh "chat ›"
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${PORTICO_PREVIEW_PORT:-4173}"

if [ ! -f "$ROOT/ui/dist/index.html" ]; then
  echo "ui/dist is missing: run 'npm run build' in ui/ first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -d "$ROOT/tests/node_modules/playwright-core" ]; then
  (cd "$ROOT/tests" && npm install --no-audit --no-fund >/dev/null 2>&1)
fi

"$ROOT/ui/node_modules/.bin/vite" preview --config "$ROOT/ui/vite.config.ts" --outDir "$ROOT/ui/dist" \
  --host 127.0.0.1 --port "$PORT" --strictPort >"${TMPDIR:-/tmp}/portico-preview.log" 2>&1 &
PREVIEW_PID=$!
trap 'kill "$PREVIEW_PID" 2>/dev/null; wait "$PREVIEW_PID" 2>/dev/null' EXIT

for _ in $(seq 1 50); do
  if curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then break; fi
  sleep 0.2
done

if [ "${SCREENSHOTS:-0}" = "1" ]; then
  PORTICO_PREVIEW_URL="http://127.0.0.1:$PORT" node "$HERE/screenshots.mjs" >/dev/null || echo "screenshots failed" >&2
fi
PORTICO_PREVIEW_URL="http://127.0.0.1:$PORT" node "$HERE/runner.mjs" "$@"
