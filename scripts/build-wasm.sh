#!/usr/bin/env bash
# Builds the wasm module and its JS bindings into www/pkg/ (ES module for the page; node's test
# runner imports the same files). Run scripts/setup.sh first on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --target wasm32-unknown-unknown --profile wasm
rm -rf www/pkg && mkdir -p www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg target/wasm32-unknown-unknown/wasm/kashif.wasm
# wasm-bindgen's web glue is an ES module in a .js file: tell node so, for the node tests.
echo '{"type": "module"}' > www/pkg/package.json
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    www/pkg/kashif_bg.wasm -o www/pkg/kashif_bg.wasm
else
  echo "build-wasm: wasm-opt not installed (npm ci), the module is not size-optimized" >&2
fi
# The self-hosted Arabic face (SIL Open Font License), from npm @fontsource/noto-naskh-arabic.
font=node_modules/@fontsource/noto-naskh-arabic/files
if [ -d "$font" ]; then
  mkdir -p www/fonts
  for w in 400 700; do
    for sub in arabic latin; do
      cp "$font/noto-naskh-arabic-$sub-$w-normal.woff2" www/fonts/
    done
  done
fi
raw=$(wc -c < www/pkg/kashif_bg.wasm)
gz=$(gzip -9 -c www/pkg/kashif_bg.wasm | wc -c)
echo "build-wasm: www/pkg/kashif_bg.wasm $raw bytes, $gz gzipped"
