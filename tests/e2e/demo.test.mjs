// The demo page in headless Chromium: the example article with its marks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, serve, shots } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the demo opens on the example article with marks of every kind that slice back to their text', async () => {
  const errors = [];
  const page = await newPage(browser, errors);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');

  const result = await page.evaluate(async () => {
    const { analyze, seeds } = await import('./pkg/kashif.js');
    const seed = seeds()[0];
    const article = document.getElementById('article');
    const analysis = analyze(seed.text, { date: seed.date });
    const marks = [...article.querySelectorAll('mark[data-span]')];
    // Every span's marks, joined in document order, hold exactly the span's text.
    const bySpan = new Map();
    for (const m of marks) {
      const i = Number(m.dataset.span);
      // Only the mark's own text and its nested marks' text belong to it.
      bySpan.set(i, (bySpan.get(i) ?? '') + m.textContent);
    }
    const mismatches = [...bySpan].filter(([i, t]) => {
      const s = analysis.spans[i];
      return t !== seed.text.slice(s.start, s.end);
    });
    return {
      articleText: article.textContent,
      seedText: seed.text,
      kinds: [...new Set(marks.map((m) => m.dataset.kind))],
      spans: analysis.spans.length,
      marked: bySpan.size,
      mismatches: mismatches.length,
      dir: getComputedStyle(article).direction,
      whiteSpace: getComputedStyle(article).whiteSpace,
      lang: article.lang,
      font: getComputedStyle(article).fontFamily,
      fontLoaded: document.fonts.check('16px "Noto Naskh Arabic"', 'كاشف'),
      legend: document.querySelectorAll('#legend li').length,
      status: document.getElementById('status').textContent,
    };
  });
  assert.equal(result.articleText, result.seedText, 'the article shows the text unchanged');
  for (const k of ['person', 'organization', 'location', 'date', 'quote']) {
    assert.ok(result.kinds.includes(k), `a ${k} mark (got ${result.kinds})`);
  }
  assert.equal(result.marked, result.spans, 'every span is marked');
  assert.equal(result.mismatches, 0, 'marks slice back to their spans');
  assert.equal(result.dir, 'rtl');
  assert.equal(result.whiteSpace, 'pre-wrap');
  assert.equal(result.lang, 'ar');
  assert.match(result.font, /Noto Naskh Arabic/);
  assert.ok(result.fontLoaded, 'the self-hosted Arabic face is loaded');
  assert.ok(result.legend >= 6, 'a legend');
  assert.match(result.status, /analysed in/);

  // Marks never change the font: a mark's computed font equals the article's.
  const fonts = await page.$$eval('#article mark', (ms) => [...new Set(ms.map((m) => {
    const c = getComputedStyle(m);
    return `${c.fontFamily}|${c.fontSize}|${c.fontWeight}|${c.fontStyle}|${c.letterSpacing}|${c.paddingInlineStart}|${c.marginInlineStart}|${c.borderInlineStartWidth}`;
  }))]);
  const articleFont = await page.$eval('#article', (a) => {
    const c = getComputedStyle(a);
    return `${c.fontFamily}|${c.fontSize}|${c.fontWeight}|${c.fontStyle}|${c.letterSpacing}|0px|0px|0px`;
  });
  assert.deepEqual(fonts, [articleFont]);

  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/demo.png`, fullPage: false });
  assert.deepEqual(errors, []);
});

test('a mark that starts mid-word keeps the letters joined', async () => {
  const errors = [];
  const page = await newPage(browser, errors);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  // Render "بالناتو" (the mark starts after ب, which joins to the alef) with and without marks
  // and compare the drawn width: broken joining draws an isolated ب, which is wider.
  const widths = await page.evaluate(async () => {
    const { render } = await import('./render.js');
    const measure = (marked) => {
      const box = document.createElement('span');
      box.lang = 'ar';
      box.dir = 'rtl';
      box.className = 'kashif-article';
      box.style.cssText = 'position:absolute;white-space:pre;padding:0;border:0';
      document.body.append(box);
      const text = 'وبالناتو ولأوكرانيا';
      render(box, text, marked ? { spans: [{ kind: 'organization', start: 2, end: 8 }, { kind: 'location', start: 11, end: 19 }], entities: [] } : { spans: [], entities: [] });
      const w = box.getBoundingClientRect().width;
      box.remove();
      return w;
    };
    return { plain: measure(false), marked: measure(true) };
  });
  assert.ok(Math.abs(widths.plain - widths.marked) < 0.5, `widths ${JSON.stringify(widths)}`);
  assert.deepEqual(errors, []);
});

test('pasted text and opened files are analysed; a non-UTF-8 file is a clear error that loses nothing', async () => {
  const errors = [];
  const page = await newPage(browser, errors);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#paste-box summary');
  const pasted = '<img src=x onerror="window.pwned=1"> قال بوتين فى موسكو يوم 9 مايو 2024: «لن نتراجع عن أهدافنا أبدا»';
  await page.fill('#paste', pasted);
  await page.click('#analyze');
  assert.equal(await page.$eval('#article', (a) => a.textContent), pasted);
  assert.equal(await page.$$eval('#article img', (i) => i.length), 0, 'markup stays text');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const kinds = await page.$$eval('#article mark', (ms) => [...new Set(ms.map((m) => m.dataset.kind))].sort());
  assert.deepEqual(kinds, ['date', 'location', 'person', 'quote']);

  await page.setInputFiles('#file', { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /latin1.txt is not UTF-8/);
  assert.equal(await page.$eval('#article', (a) => a.textContent), pasted, 'the shown article is kept');

  await page.setInputFiles('#file', { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from('زار ماكرون برلين فى 3 مارس 2023.') });
  await page.waitForFunction(() => document.getElementById('article-title').textContent === 'article.txt');
  assert.equal(await page.$$eval('#article mark', (ms) => ms.length), 3);
  assert.equal(await page.isHidden('#error'), true);
  assert.deepEqual(errors, []);
});
