// A 1 MB article: analysed in a worker, drawn one chunk per task, every span marked and the text
// unchanged. The longest main-thread task (PerformanceObserver 'longtask') and the longest gap
// of a 10 ms heartbeat are measured and reported (node --test prints them as diagnostics and
// target/large-article.json keeps them); timings are reported, never asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { newPage, rendered, root, setup, shots } from './browser.mjs';

const ctx = setup();

/** Starts recording long tasks and heartbeat gaps in the page. */
function record(page) {
  return page.evaluate(() => {
    window.__long.length = 0;
    window.__frames.length = 0;
    window.__gaps = [];
    let last = performance.now();
    clearInterval(window.__beat);
    window.__beat = setInterval(() => {
      const now = performance.now();
      window.__gaps.push(now - last);
      last = now;
    }, 10);
    window.__t0 = performance.now();
  });
}

/** Stops recording: {ms, longest, longTasks, maxGap}. */
function stop(page) {
  return page.evaluate(() => {
    clearInterval(window.__beat);
    const long = window.__long.map((e) => e.duration);
    const frame = window.__frames.reduce((a, f) => (f.duration > (a?.duration ?? 0) ? f : a), null);
    return { ms: performance.now() - window.__t0, longest: Math.max(0, ...long), longTasks: long.length, frame, maxGap: Math.max(0, ...window.__gaps) };
  });
}

test('a 1 MB article is analysed in a worker and drawn in chunks; the longest main-thread task is reported', async (t) => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.addInitScript(() => {
    window.__long = [];
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames also count the style, layout and paint a task leads to.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__frames.push({ start: e.startTime, duration: e.duration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, scripts: e.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)}`) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');

  // The bundled articles, repeated to 1 MiB of UTF-8, opened as a file.
  const seeds = await page.evaluate(async () => (await import('./pkg/kashif.js')).seeds().map((s) => s.text));
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < 1 << 20; i++) {
    const p = `${seeds[i % seeds.length]}\n\n`;
    parts.push(p);
    bytes += Buffer.byteLength(p);
  }
  const text = parts.join('');

  // The file is handed to the page first, so that the measurement holds only what the page does
  // when a reader picks it (the test harness's own transfer of 1 MB is not the page's work).
  await page.evaluate((text) => {
    const files = new DataTransfer();
    files.items.add(new File([text], 'large.txt', { type: 'text/plain' }));
    window.__files = files.files;
  }, text);
  await record(page);
  await page.evaluate(() => {
    const input = document.getElementById('file');
    input.files = window.__files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.getElementById('article-title').textContent === 'large.txt');
  const drawn = await rendered(page);
  const shown = await stop(page);

  const check = await page.evaluate(() => {
    const el = document.querySelector('kashif-article');
    const view = el.shadowRoot.querySelector('.article');
    const spans = new Set([...view.querySelectorAll('mark[data-span]')].map((m) => m.dataset.span));
    return {
      sameText: view.textContent === el.text,
      length: el.text.length,
      spans: el.analysis.spans.length,
      marked: spans.size,
      chunks: view.querySelectorAll(':scope > .chunk').length,
      entities: el.analysis.entities.length,
    };
  });
  assert.equal(check.length, text.length);
  assert.ok(check.sameText, 'the article shows the 1 MB text unchanged');
  assert.equal(check.marked, check.spans, 'every span is marked');
  assert.equal(drawn.where, 'worker', 'the analysis ran off the main thread');
  assert.equal(check.chunks, drawn.pieces);
  assert.ok(drawn.pieces > 30, `drawn in ${drawn.pieces} chunks`);

  // Switching a kind off, and opening the normalization panel, on the same 1 MB article.
  await record(page);
  await page.click('kashif-article .legend button[data-kind="location"]');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const toggled = await stop(page);
  await record(page);
  await page.click('kashif-article #tab-normalization');
  await page.waitForSelector('kashif-article .steps');
  const lesson = await stop(page);
  await page.screenshot({ path: `${shots}/large.png` });
  assert.deepEqual(errors, []);

  const report = {
    bytes: Buffer.byteLength(text),
    utf16: text.length,
    spans: check.spans,
    entities: check.entities,
    chunks: drawn.pieces,
    marks: drawn.marks,
    analyseMsInWorker: Math.round(drawn.ms),
    drawMs: Math.round(drawn.drawMs),
    openFileToDrawnMs: Math.round(shown.ms),
    longestTaskMs: Math.round(shown.longest),
    longTasks: shown.longTasks,
    longestAnimationFrame: shown.frame && { ms: Math.round(shown.frame.duration), renderingMs: Math.round(shown.frame.render), scripts: shown.frame.scripts },
    longestHeartbeatGapMs: Math.round(shown.maxGap),
    toggleKind: { longestTaskMs: Math.round(toggled.longest), longestHeartbeatGapMs: Math.round(toggled.maxGap) },
    normalizationPanel: { ms: Math.round(lesson.ms), longestTaskMs: Math.round(lesson.longest), longestHeartbeatGapMs: Math.round(lesson.maxGap) },
  };
  writeFileSync(`${root}target/large-article.json`, `${JSON.stringify(report, null, 2)}\n`);
  t.diagnostic(`1 MB article: ${JSON.stringify(report)}`);
});
