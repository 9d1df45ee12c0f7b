#!/usr/bin/env bash
# Sets up, builds the wasm module and serves the demo page with the example article; prints its
# URL. Ctrl-C stops the server. Pass --port N to choose the port, --csp to serve with the strict
# Content-Security-Policy.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build-wasm.sh
exec node scripts/serve.mjs "$@"
