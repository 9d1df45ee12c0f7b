// Shared set-up for the end-to-end tests: the static server and headless Debian Chromium driven
// by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const shots = `${root}target/screenshots`;
mkdirSync(shots, { recursive: true });

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts scripts/serve.mjs on a free port; resolves to {url, close}. */
export function serve(extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}scripts/serve.mjs`, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => {
      const m = String(d).match(/http:\/\/[^\s]+/);
      if (m) resolve({ url: m[0], close: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * For a test file: starts the static server (and, with `csp`, a second one serving under the
 * strict Content-Security-Policy) and the browser before its tests, stops them after. Returns
 * an object whose `server`, `cspServer` and `browser` are set once the tests run.
 */
export function setup({ csp = false } = {}) {
  const ctx = {};
  before(async () => {
    ctx.server = await serve();
    if (csp) ctx.cspServer = await serve(['--csp']);
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.close();
    ctx.cspServer?.close();
  });
  return ctx;
}

/** A page that records console errors and page errors into `errors`. */
export async function newPage(browser, errors) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  return page;
}

/**
 * Waits for the render of the <kashif-article> matched by `sel` that is in progress (or the
 * last one) and returns its details, without the analysis: {where, marks, pieces, ms, error}.
 */
export function rendered(page, sel = 'kashif-article') {
  return page.evaluate(async (sel) => {
    await customElements.whenDefined('kashif-article');
    const d = await document.querySelector(sel).rendered;
    return d && { where: d.where, marks: d.marks, pieces: d.pieces, ms: d.ms, drawMs: d.drawMs, error: d.error ?? null };
  }, sel);
}

/** Sets the text (and date) of the <kashif-article> matched by `sel` and waits for its render. */
export async function show(page, text, date = '', sel = 'kashif-article') {
  await page.evaluate(
    ([sel, text, date]) => {
      const el = document.querySelector(sel);
      el.date = date;
      el.text = text;
    },
    [sel, text, date],
  );
  return rendered(page, sel);
}

const axeSource = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');

/** Runs axe-core (injected from npm) over the page, open shadow roots included; returns the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
