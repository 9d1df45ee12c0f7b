#!/usr/bin/env node
// Reports the wasm module's size (raw and gzipped) and the median milliseconds per analyze()
// call on the example article inside headless Chromium. Build first (scripts/build-wasm.sh).
//
//   node scripts/bench-wasm.mjs [--runs N]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, serve, root } from '../tests/e2e/browser.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 200;
const wasm = readFileSync(`${root}www/pkg/kashif_bg.wasm`);
const glue = readFileSync(`${root}www/pkg/kashif.js`);
console.log(`wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzipped (JS glue ${glue.length} raw, ${gzipSync(glue, { level: 9 }).length} gzipped)`);

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const r = await page.evaluate(async (runs) => {
    const { analyze, seeds } = await import('./pkg/kashif.js');
    const seed = seeds()[0];
    const times = [];
    for (let i = 0; i < 10; i++) analyze(seed.text, { date: seed.date }); // warm up
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      analyze(seed.text, { date: seed.date });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], chars: seed.text.length, ua: navigator.userAgent };
  }, runs);
  console.log(`analyze() on the example article (${r.chars} UTF-16 units) in ${r.ua.match(/(Headless)?Chrome\/[\d.]+/)[0]}: median ${r.median.toFixed(3)} ms, p90 ${r.p90.toFixed(3)} ms over ${runs} runs`);
} finally {
  await browser.close();
  server.close();
}
