#!/usr/bin/env bash
# Screenshots to look at after UI work:
# - tests/artifacts/screens/: the main screens in English and Chinese, light and dark
#   (the built UI in Chromium with the mock backend's data);
# - tests/artifacts/e2e/: the real app in WebKitGTK, from the end-to-end flows.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run --silent build)
SCREENSHOTS=1 bash tests/browser/run.sh "layout ›" >/dev/null || true
bash tests/e2e/run.sh
echo "screenshots: tests/artifacts/screens/ and tests/artifacts/e2e/"
