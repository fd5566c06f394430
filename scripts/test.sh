#!/usr/bin/env bash
# Runs every test layer (QUALITY.md), each to the end even when an earlier one fails, then
# prints one summary line per layer and the total count of tests.
#   scripts/test.sh [layer ...]    layers: lint rust ui browser e2e (default: all)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PATH" NO_AT_BRIDGE=1
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
layers=("$@")
[ ${#layers[@]} -gt 0 ] || layers=(lint rust ui browser e2e)
results=()

# Counts "N passed" / "N failed" across the runners' own summary lines in a log.
count() { # count <log> <word>
  grep -aoE "([0-9]+) $2" "$1" | awk '{s+=$1} END {print s+0}'
}

run_layer() { # run_layer <name> <command...>
  local name=$1; shift
  echo "==> $name"
  local start=$SECONDS
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  local took=$((SECONDS - start))
  results+=("$name|$rc|$took")
}

layer_lint() {
  cargo fmt --all --check &&
  cargo clippy --workspace --all-targets --quiet -- -D warnings &&
  (cd ui && npm run --silent lint)
}

layer_rust() {
  # The real Secret Service and keyutils for the keychain tests (TAURI-LINUX.md section 7).
  # Benches and examples are compiled by the lint layer (clippy --all-targets), not run here.
  scripts/with-keyring.sh cargo test --workspace --no-fail-fast --lib --bins --tests 2>&1 |
    grep -avE '^\s*(Compiling|Running|Doc-tests|Downloaded|Downloading)|^test .* \.\.\. ok$'
  return "${PIPESTATUS[0]}"
}

layer_ui() {
  (cd ui && npx --no-install vitest run --reporter=dot && npm run --silent build)
}

layer_browser() {
  [ -f ui/dist/index.html ] || (cd ui && npm run --silent build) || return 1
  bash tests/browser/run.sh
}

layer_e2e() {
  # The app with its UI embedded (custom-protocol), and the simulator it talks to.
  (cd ui && npm run --silent build) &&
  cargo build --quiet --features custom-protocol &&
  cargo build --quiet -p portico-sim &&
  bash tests/e2e/run.sh
}

for layer in "${layers[@]}"; do
  case "$layer" in
    lint|rust|ui|browser|e2e) run_layer "$layer" "layer_$layer" ;;
    *) echo "unknown layer: $layer" >&2; exit 2 ;;
  esac
done

echo
echo "Summary"
failed_layers=0; total_pass=0; total_fail=0
for r in "${results[@]}"; do
  IFS='|' read -r name rc took <<<"$r"
  p=$(count "$logs/$name.log" passed); f=$(count "$logs/$name.log" failed)
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
  if [ "$rc" -eq 0 ]; then status=ok; else status=FAILED; failed_layers=$((failed_layers + 1)); fi
  printf '  %-8s %-7s %5s passed %4s failed  (%ss)\n' "$name" "$status" "$p" "$f" "$took"
done
if [ "$failed_layers" -gt 0 ] && [ "$total_fail" -eq 0 ]; then total_fail=$failed_layers; fi
echo "tests: $total_pass passed, $total_fail failed"
[ "$failed_layers" -eq 0 ]
