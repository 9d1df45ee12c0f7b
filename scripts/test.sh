#!/usr/bin/env bash
# Sets up and runs every test: the Rust core and CLI natively, the seed's gold score, the wasm
# module under node's test runner, and the pages end to end in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --browser

echo "== cargo test (native core, CLI, properties, data)"
cargo test --all-targets
cargo test --doc

echo "== the example article against its gold annotations"
cargo build --release --quiet
if [ -f ../shared/gold/000_e959e6794c9202b4.gold.json ]; then
  ./target/release/kashif analyze seeds/000_e959e6794c9202b4.txt --date 2024-11-15 --format json > target/seed.json
  python3 ../shared/eval/score.py ../shared/gold/000_e959e6794c9202b4.gold.json target/seed.json --text seeds/000_e959e6794c9202b4.txt | tail -n 12
else
  echo "skipped: ../shared (gold annotations) is not beside this checkout"
fi

echo "== wasm module (node --test)"
./scripts/build-wasm.sh
node --test tests/js/

echo "== pages in headless Chromium (playwright-core)"
node --test --test-concurrency=1 tests/e2e/
