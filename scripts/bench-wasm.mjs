#!/usr/bin/env node
// Reports the wasm module's size (raw and gzipped) and the median milliseconds per analyze()
// call on the example article inside headless Chromium, per view() (the analysis laid out in
// chunks, what <kashif-article> asks its worker for) and per highlight() of the example news
// page's story in place. Build first (scripts/build-wasm.sh).
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
    const { view } = await import('./pkg/kashif.js');
    const time = (f) => {
      const times = [];
      for (let i = 0; i < 10; i++) f(); // warm up
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        f();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)] };
    };
    return {
      analyze: time(() => analyze(seed.text, { date: seed.date })),
      view: time(() => view(seed.text, { date: seed.date })),
      chars: seed.text.length,
      ua: navigator.userAgent,
    };
  }, runs);
  const ua = r.ua.match(/(Headless)?Chrome\/[\d.]+/)[0];
  const line = (what, t) => `${what}: median ${t.median.toFixed(3)} ms, p90 ${t.p90.toFixed(3)} ms over ${runs} runs`;
  console.log(line(`analyze() on the example article (${r.chars} UTF-16 units) in ${ua}`, r.analyze));
  console.log(line('view() on the same article', r.view));

  // The first call builds the compiled-in tables, the entity model and the word frequencies:
  // a fresh page (its own module instance) from the import of the module to the first result.
  const fresh = await browser.newPage();
  await fresh.goto(`${server.url}favicon.svg`);
  const first = await fresh.evaluate(async () => {
    const t0 = performance.now();
    const kashif = await import('/pkg/kashif.js');
    await kashif.default();
    const t1 = performance.now();
    const seed = kashif.seeds()[0];
    kashif.analyze(seed.text, { date: seed.date });
    const t2 = performance.now();
    kashif.analyze(seed.text, { date: seed.date });
    return { load: t1 - t0, first: t2 - t1, second: performance.now() - t2 };
  });
  await fresh.close();
  console.log(`a fresh page: module fetched and compiled in ${first.load.toFixed(1)} ms; first analyze() ${first.first.toFixed(1)} ms (tables, model and word frequencies built), the next ${first.second.toFixed(1)} ms`);

  await page.goto(`${server.url}embed.html`);
  await page.waitForSelector('body[data-kashif="marked"]');
  const h = await page.evaluate(async (runs) => {
    const { highlight } = await import('./pkg/kashif.js');
    const story = document.getElementById('story-body');
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      highlight(story, { date: '2024-11-15' }); // restores the story first, then marks it again
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], chars: story.textContent.length, marks: story.querySelectorAll('mark.kashif-mark').length };
  }, runs);
  console.log(line(`highlight() of the example news story in place (${h.chars} UTF-16 units, ${h.marks} marks)`, h));
} finally {
  await browser.close();
  server.close();
}
