#!/usr/bin/env bash
# The benchmarks named in the issues; each prints its own figures (QUALITY.md, Benchmarks).
#   scripts/bench.sh [all|decode|loopback|history|app|hostile ...]    (default: all)
#   decode    SSE decoder + chunk mapper on a recorded 50,000-chunk stream (gateway)
#   loopback  sim -> HTTP -> core -> sink, chunks/s and added latency per chunk (core)
#   history   full-text search and long conversations on 1M messages (store; ~6 min)
#   app       binary size, launch, memory, a 2,000-message conversation (Xvfb + tauri-driver)
#   hostile   each hostile reply of the simulator in the real app: longest main-thread stall,
#             time to show, and the same on reopening (debug build; BENCH_RELEASE=1 for release)
set -euo pipefail
cd "$(dirname "$0")/.."

bench_decode() {
  if [ -f src-tauri/crates/gateway/benches/stream_decode.rs ]; then
    cargo bench -q -p portico-gateway --bench stream_decode
  else
    echo "no decoder bench in this tree"
  fi
}
bench_loopback() { cargo bench -q -p portico-core --bench chat_loopback; }
bench_history() { cargo run -q --release -p portico-store --example bench_history; }
bench_app() { tests/bench/run-app-bench.sh; }
bench_hostile() { tests/bench/run-hostile-bench.sh; }

parts=()
for part in "${@:-all}"; do
  if [ "$part" = all ]; then parts+=(decode loopback history app hostile); else parts+=("$part"); fi
done
failed=()
for part in "${parts[@]}"; do
  case "$part" in
    decode|loopback|history|app|hostile)
      echo "==> $part"
      "bench_$part" || failed+=("$part")
      echo ;;
    *) echo "unknown benchmark: $part (all|decode|loopback|history|app|hostile)" >&2; exit 2 ;;
  esac
done
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
