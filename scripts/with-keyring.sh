#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (the real
# Secret Service) and a fresh kernel session keyring, as on a desktop. Nothing outlives it.
#   scripts/with-keyring.sh <command...>
set -euo pipefail
if [ -z "${PORTICO_IN_KEYRING_SESSION:-}" ]; then
  export PORTICO_IN_KEYRING_SESSION=1
  exec dbus-run-session -- keyctl session - "$0" "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" && chmod 700 "$XDG_RUNTIME_DIR"
# The password must be non-empty, or the login collection is unusable.
eval "$(printf '%s' "${KEYRING_PASS:-portico-test}" | gnome-keyring-daemon --unlock --components=secrets)"
"$@"
