#!/usr/bin/env bash
# Installs what Portico needs to build, run and test, skipping what is already there.
#   scripts/deps.sh            Debian packages + npm packages + tauri-driver
#   scripts/deps.sh apt|npm|driver   one part only
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Tauri 2 on Linux (WebKitGTK 4.1) and the C toolchain
  libwebkit2gtk-4.1-dev build-essential curl wget file pkg-config libssl-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev libdbus-1-dev
  # headless runs, end-to-end tests and screenshots
  xvfb xauth webkit2gtk-driver dbus dbus-x11 imagemagick
  # the real keychain in tests (Secret Service, keyutils)
  gnome-keyring keyutils
  # fonts: Latin and CJK, so Chinese renders in screenshots
  fonts-dejavu-core fonts-noto-cjk
  # browser tests of the UI with mocked IPC
  chromium chromium-driver
  # the hostile-reply benchmark reads when a reply was saved from the app's database
  sqlite3
)

need_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_deps() {
  command -v dpkg-query >/dev/null || { echo "deps: not a Debian system; install the equivalents of: ${APT_PACKAGES[*]}" >&2; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing Debian packages: ${missing[*]}"
    need_sudo apt-get update -q
    need_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

toolchain_check() {
  command -v cargo >/dev/null || { echo "deps: Rust is missing: install it from https://rustup.rs" >&2; exit 1; }
  command -v node >/dev/null || { echo "deps: Node.js 20.19 or newer is missing" >&2; exit 1; }
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || { echo "deps: Node.js $(node --version) is too old: Vite 8 needs 20.19 or newer" >&2; exit 1; }
}

npm_deps() {
  # `npm install`, not `npm ci`: the registry mirror lacks other platforms' @tauri-apps/cli
  # binaries, which npm drops from the lock file, so `npm ci` refuses it (TAURI-LINUX.md).
  if [ ! -d ui/node_modules ] || [ ui/package.json -nt ui/node_modules/.package-lock.json ]; then
    (cd ui && npm install --no-audit --no-fund --loglevel=error)
  fi
  if [ -f tests/package.json ] && { [ ! -d tests/node_modules ] || [ tests/package.json -nt tests/node_modules/.package-lock.json ]; }; then
    (cd tests && npm install --no-audit --no-fund --loglevel=error)
  fi
}

driver_deps() {
  if ! command -v tauri-driver >/dev/null && [ ! -x .tools/bin/tauri-driver ]; then
    echo "deps: installing tauri-driver into .tools/"
    cargo install tauri-driver@^2 --locked --root "$PWD/.tools" --quiet
  fi
}

case "${1:-all}" in
  apt) apt_deps ;;
  npm) toolchain_check; npm_deps ;;
  driver) driver_deps ;;
  all) apt_deps; toolchain_check; npm_deps; driver_deps ;;
  *) echo "usage: scripts/deps.sh [all|apt|npm|driver]" >&2; exit 2 ;;
esac
