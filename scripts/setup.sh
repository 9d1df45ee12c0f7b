#!/usr/bin/env bash
# Installs what building and testing Kashif needs, skipping whatever is already there:
#   the wasm32 Rust target, wasm-bindgen-cli at exactly the version in Cargo.lock, the npm
#   packages from package-lock.json (wasm-opt, playwright-core, the Arabic font) and, with
#   --browser, Debian's chromium and chromium-driver for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}); this takes a few minutes"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install --force --no-default-features wasm-bindgen-cli \
    --version "$want" --bin wasm-bindgen --bin wasm-bindgen-test-runner
fi

stamp=node_modules/.kashif-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

if [ "${1:-}" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ready"
