// The demo page in headless Chromium: the example article in the <kashif-article> classroom view,
// its marks, legend, explanations, panels, normalization view, exports and print layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { newPage, rendered, setup, shots, show } from './browser.mjs';

const ctx = setup();

/** A fresh demo page with the example article drawn. */
async function demo(errors) {
  const page = await newPage(ctx.browser, errors);
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const article = 'kashif-article .article:not([hidden])';

test('the demo opens on the example article with marks of every kind that slice back to their text', async () => {
  const errors = [];
  const page = await demo(errors);
  const result = await page.evaluate(async () => {
    const { seeds } = await import('./pkg/kashif.js');
    const seed = seeds()[0];
    const el = document.querySelector('kashif-article');
    const view = el.shadowRoot.querySelector('.article');
    const analysis = el.analysis;
    const marks = [...view.querySelectorAll('mark[data-span]')];
    // Every span's marks, joined in document order, hold exactly the span's text.
    const bySpan = new Map();
    for (const m of marks) bySpan.set(Number(m.dataset.span), (bySpan.get(Number(m.dataset.span)) ?? '') + m.textContent);
    const mismatches = [...bySpan].filter(([i, t]) => t !== seed.text.slice(analysis.spans[i].start, analysis.spans[i].end));
    const css = getComputedStyle(view);
    return {
      articleText: view.textContent,
      seedText: seed.text,
      elementText: el.text,
      kinds: [...new Set(marks.map((m) => m.dataset.kind))],
      spans: analysis.spans.length,
      marked: bySpan.size,
      mismatches: mismatches.length,
      dir: css.direction,
      whiteSpace: css.whiteSpace,
      lang: view.lang,
      font: css.fontFamily,
      fontLoaded: document.fonts.check('16px "Noto Naskh Arabic"', 'كاشف'),
      legend: [...el.shadowRoot.querySelectorAll('.legend button')].map((b) => b.dataset.kind),
      status: el.shadowRoot.querySelector('.status').textContent,
      title: document.getElementById('article-title').textContent,
    };
  });
  assert.equal(result.articleText, result.seedText, 'the article shows the text unchanged');
  assert.equal(result.elementText, result.seedText);
  for (const k of ['person', 'organization', 'location', 'date', 'quote']) {
    assert.ok(result.kinds.includes(k), `a ${k} mark (got ${result.kinds})`);
    assert.ok(result.legend.includes(k), `a legend entry for ${k}`);
  }
  assert.equal(result.marked, result.spans, 'every span is marked');
  assert.equal(result.mismatches, 0, 'marks slice back to their spans');
  assert.equal(result.dir, 'rtl');
  assert.equal(result.whiteSpace, 'pre-wrap');
  assert.equal(result.lang, 'ar');
  assert.match(result.font, /Noto Naskh Arabic/);
  assert.ok(result.fontLoaded, 'the self-hosted Arabic face is loaded');
  assert.match(result.status, /\d+ entities, \d+ time expressions?, \d+ quotations? — analysed in [\d.]+ ms in a background worker/);
  assert.ok(result.title.length > 10);

  // Marks never change the font: a mark's computed font equals the article's.
  const fonts = await page.$$eval(`${article} mark`, (ms) => [...new Set(ms.map((m) => {
    const c = getComputedStyle(m);
    return `${c.fontFamily}|${c.fontSize}|${c.fontWeight}|${c.fontStyle}|${c.letterSpacing}|${c.paddingInlineStart}|${c.marginInlineStart}|${c.borderInlineStartWidth}`;
  }))]);
  const articleFont = await page.$eval(article, (a) => {
    const c = getComputedStyle(a);
    return `${c.fontFamily}|${c.fontSize}|${c.fontWeight}|${c.fontStyle}|${c.letterSpacing}|0px|0px|0px`;
  });
  assert.deepEqual(fonts, [articleFont]);

  // The picture of the demo (docs/screenshot.png is a copy): a place explained.
  await page.click(`${article} mark[data-kind="location"]`);
  await page.screenshot({ path: `${shots}/demo.png`, fullPage: false });
  assert.deepEqual(errors, []);
});

test('a mark that starts mid-word keeps the letters joined', async () => {
  const errors = [];
  const page = await demo(errors);
  // "بالناتو" marked from its alef: the ب must stay joined to it. Broken joining draws an
  // isolated ب, which is wider, so the marked line must be exactly as wide as the plain text.
  const text = 'وبالناتو ولأوكرانيا';
  await show(page, text);
  const r = await page.evaluate((text) => {
    const el = document.querySelector('kashif-article');
    const chunk = el.shadowRoot.querySelector('.article .chunk');
    const marks = [...chunk.querySelectorAll('mark')].map((m) => m.textContent);
    const range = document.createRange();
    range.selectNodeContents(chunk);
    const marked = range.getBoundingClientRect().width;
    const c = getComputedStyle(chunk);
    const plain = document.createElement('span');
    plain.lang = 'ar';
    plain.dir = 'rtl';
    plain.textContent = text;
    Object.assign(plain.style, { position: 'absolute', whiteSpace: 'pre', font: c.font, letterSpacing: c.letterSpacing, wordSpacing: c.wordSpacing });
    document.body.append(plain);
    const width = plain.getBoundingClientRect().width;
    plain.remove();
    return { marks, marked, plain: width };
  }, text);
  assert.deepEqual(r.marks, ['الناتو', 'أوكرانيا'], 'both marks start inside their words');
  assert.ok(Math.abs(r.marked - r.plain) < 0.5, `widths ${JSON.stringify(r)}`);
  assert.deepEqual(errors, []);
});

test('pasted text and opened files are analysed; a non-UTF-8 file is a clear error that loses nothing', async () => {
  const errors = [];
  const page = await demo(errors);
  await page.click('#paste-box summary');
  const pasted = 'قال بوتين فى موسكو يوم 9 مايو 2024: «لن نتراجع عن أهدافنا أبدا»';
  await page.fill('#paste', pasted);
  await page.click('#analyze');
  await rendered(page);
  assert.equal(await page.$eval(article, (a) => a.textContent), pasted);
  assert.equal(await page.textContent('#article-title'), 'Pasted text');
  const kinds = await page.$$eval(`${article} mark`, (ms) => [...new Set(ms.map((m) => m.dataset.kind))].sort());
  assert.deepEqual(kinds, ['cue', 'date', 'location', 'person', 'quote']);

  await page.setInputFiles('#file', { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /latin1.txt is not UTF-8/);
  assert.equal(await page.$eval(article, (a) => a.textContent), pasted, 'the shown article is kept');

  await page.setInputFiles('#file', { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from('زار ماكرون برلين فى 3 مارس 2023.') });
  await page.waitForFunction(() => document.getElementById('article-title').textContent === 'article.txt');
  await rendered(page);
  assert.equal(await page.$$eval(`${article} mark`, (ms) => ms.length), 3);
  assert.equal(await page.isHidden('#error'), true);

  // A bad publication date is a clear error inside the element; the article stays.
  await page.evaluate(() => document.querySelector('kashif-article').setAttribute('date', '2024-02-30'));
  const bad = await rendered(page);
  assert.match(bad.error, /bad date "2024-02-30"/);
  assert.match(await page.textContent('kashif-article .error'), /bad date/);
  assert.equal(await page.$eval(article, (a) => a.textContent), 'زار ماكرون برلين فى 3 مارس 2023.');
  assert.deepEqual(errors, []);
});

test('the legend switches each kind off and on, keeping the text', async () => {
  const errors = [];
  const page = await demo(errors);
  const looks = () => page.$$eval(`${article} mark`, (ms) => {
    const out = {};
    for (const m of ms) {
      const c = getComputedStyle(m);
      out[m.dataset.kind] ??= { background: c.backgroundColor, line: c.textDecorationLine, shadow: c.boxShadow };
    }
    return out;
  });
  const before = await looks();
  const toggle = page.locator('kashif-article .legend button[data-kind="person"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const off = await looks();
  assert.deepEqual(off.person, { background: 'rgba(0, 0, 0, 0)', line: 'none', shadow: 'none' });
  assert.deepEqual(off.location, before.location, 'other kinds keep their marking');
  assert.notDeepEqual(before.person, off.person);
  // Keyboard navigation skips the marks of a kind switched off.
  await page.evaluate(() => document.querySelector('kashif-article').shadowRoot.querySelector('.article mark[tabindex="0"]').focus());
  const seen = new Set();
  for (let i = 0; i < 30; i++) {
    seen.add(await page.evaluate(() => document.querySelector('kashif-article').shadowRoot.activeElement?.dataset.kind));
    await page.keyboard.press('ArrowLeft');
  }
  assert.ok(seen.size > 1 && !seen.has('person') && !seen.has(undefined), `navigated kinds ${[...seen]}`);
  await toggle.click();
  assert.deepEqual(await looks(), before);
  assert.deepEqual(errors, []);
});

test('choosing a mark explains it: kind, entity, value, speaker, what found it, why and the normalized form', async () => {
  const errors = [];
  const page = await demo(errors);
  const text = 'قال الرئيس الفرنسى إيمانويل ماكرون فى باريس يوم 9 مايو 2024: «لن تتخلى فرنسا عن أوكرانيا».';
  await show(page, text, '2024-11-15');
  const explanation = () => page.$eval('kashif-article .explain-body', (e) => {
    const rows = {};
    for (const dt of e.querySelectorAll('dt')) rows[dt.textContent] = dt.nextElementSibling.textContent;
    return { title: e.querySelector('h3')?.textContent, rows, text: e.textContent };
  });
  const spans = await page.evaluate(() => document.querySelector('kashif-article').analysis.spans);
  const entities = await page.evaluate(() => document.querySelector('kashif-article').analysis.entities);

  const person = spans.findIndex((s) => s.kind === 'person');
  await page.click(`${article} mark[data-span="${person}"]`);
  let e = await explanation();
  assert.match(e.title, /Person/);
  assert.match(e.rows.Kind, /^Person \(شخص\) — solid underline$/);
  assert.equal(e.rows.Text, 'إيمانويل ماكرون');
  assert.match(e.rows.Entity, new RegExp(`^${entities[spans[person].entity].name} — \\d+ mentions?`));
  assert.match(e.rows['Found by'], new RegExp(`^${spans[person].source} — `));
  assert.equal(e.rows.Why, spans[person].why);
  assert.equal(e.rows['Matched on'], spans[person].norm);
  assert.match(e.text, /What the normalizer changed to match it:.*إ U\+0625 → ا U\+0627 — Alef forms/s);
  assert.equal(await page.$$eval(`${article} mark.kashif-current`, (ms) => ms.map((m) => m.textContent).join('')), 'إيمانويل ماكرون');

  const date = spans.findIndex((s) => s.kind === 'date');
  await page.click(`${article} mark[data-span="${date}"]`);
  e = await explanation();
  assert.equal(e.rows.Value, '2024-05-09 — 9 May 2024');
  assert.match(e.rows['Found by'], /^grammar — /);

  const quote = spans.findIndex((s) => s.kind === 'quote');
  // An entity inside the quotation: its explanation offers the quotation around it.
  const inner = spans.findIndex((s, i) => i !== quote && s.start >= spans[quote].start && s.end <= spans[quote].end && s.entity != null);
  await page.click(`${article} mark[data-span="${inner}"]`);
  e = await explanation();
  const around = page.locator('kashif-article .explain-body button', { hasText: 'Inside: quotation' });
  await around.click();
  e = await explanation();
  assert.match(e.title, /Quotation/);
  assert.equal(e.rows.Text, 'لن تتخلى فرنسا عن أوكرانيا');
  assert.ok(e.rows.Speaker.startsWith(spans[quote].speaker?.name ?? 'not attributed'), e.rows.Speaker);
  assert.deepEqual(errors, []);
});

test('the entity panel groups entities by kind with counts; choosing one marks all its mentions', async () => {
  const errors = [];
  const page = await demo(errors);
  const a = await page.evaluate(() => document.querySelector('kashif-article').analysis);
  const groups = await page.$$eval('kashif-article .panel-body.entities section', (ss) => ss.map((s) => ({
    heading: s.querySelector('h3').textContent,
    items: [...s.querySelectorAll('button.entity')].map((b) => ({ id: Number(b.dataset.entity), count: Number(b.querySelector('.count').textContent) })),
  })));
  const labels = { person: 'Person', organization: 'Organization', location: 'Place', misc: 'Other name' };
  for (const [kind, label] of Object.entries(labels)) {
    const list = a.entities.filter((e) => e.kind === kind);
    const g = groups.find((g) => g.heading.includes(label));
    if (!list.length) continue;
    assert.ok(g.heading.endsWith(`${label} (${list.length})`), g.heading);
    assert.deepEqual(g.items.map((i) => i.id).sort((x, y) => x - y), list.map((e) => e.id).sort((x, y) => x - y));
    for (const i of g.items) assert.equal(i.count, a.entities[i.id].mentions);
  }
  assert.match(await page.textContent('kashif-article [role=tab]#tab-entities'), new RegExp(`Entities \\(${a.entities.length}\\)`));

  const top = [...a.entities].sort((x, y) => y.mentions - x.mentions)[0];
  const button = page.locator(`kashif-article button.entity[data-entity="${top.id}"]`);
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  const chosen = await page.$$eval(`${article} mark.kashif-chosen`, (ms) => [...new Set(ms.map((m) => Number(m.dataset.span)))]);
  const mentions = a.spans.map((s, i) => ({ s, i })).filter(({ s }) => s.entity === top.id).map(({ i }) => i);
  assert.deepEqual(chosen.sort((x, y) => x - y), mentions);
  assert.equal(await page.$eval(`${article} mark.kashif-chosen`, (m) => getComputedStyle(m).outlineStyle), 'dashed', 'a frame, not only a colour');
  const spellings = await page.$$eval('kashif-article .explain-body .spellings li', (li) => li.map((l) => l.textContent));
  assert.deepEqual(spellings.sort(), [...new Set(mentions.map((i) => a.spans[i].text))].sort());
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.$$eval(`${article} mark.kashif-chosen`, (ms) => ms.length), 0);
  assert.deepEqual(errors, []);
});

test('the dates panel lists time expressions in calendar order, on a timeline', async () => {
  const errors = [];
  const page = await demo(errors);
  const text = 'وقعت الاتفاقية فى 3 مارس 2023، بعد محادثات بدأت فى 24 فبراير 2022، ثم تجددت فى آذار مارس 2021، واستمرت خلال العامين الماضيين.';
  await show(page, text, '2024-11-15');
  await page.click('kashif-article #tab-dates');
  const panel = await page.$eval('kashif-article .panel-body.dates', (p) => ({
    lists: [...p.querySelectorAll('ol')].map((ol) => [...ol.querySelectorAll('li')].map((li) => ({ text: li.querySelector('button').textContent, value: li.querySelector('code')?.textContent }))),
    headings: [...p.querySelectorAll('h3')].map((h) => h.textContent),
    timeline: p.querySelector('svg.timeline')?.getAttribute('aria-label'),
    dots: p.querySelectorAll('svg.timeline .item').length,
  }));
  assert.deepEqual(panel.lists[0].map((d) => d.value), ['2021-03', '2022-02-24', '2023-03-03'], 'calendar order, not text order');
  const a = await page.evaluate(() => document.querySelector('kashif-article').analysis);
  const byValue = (v) => a.spans.find((s) => s.value === v).text;
  assert.deepEqual(panel.lists[0].map((d) => d.text), ['2021-03', '2022-02-24', '2023-03-03'].map(byValue));
  assert.equal(panel.headings[0], 'On the calendar (3)');
  assert.equal(panel.dots, 3);
  assert.match(panel.timeline, /^Timeline of 3 dates from 2021-03-01 to 2023-03-03, with the publication date 2024-11-15$/);
  if (panel.lists[1]) assert.match(panel.headings[1], /Durations and vague times/);
  // Choosing a date goes to its mark and explains it.
  await page.click('kashif-article .panel-body.dates li:nth-child(2) button');
  assert.equal(await page.evaluate(() => document.querySelector('kashif-article').shadowRoot.activeElement?.textContent), panel.lists[0][1].text);
  assert.match(await page.textContent('kashif-article .explain-body'), /2022-02-24 — 24 February 2022/);
  assert.deepEqual(errors, []);
});

test('the quotes panel lists each quotation with its speaker', async () => {
  const errors = [];
  const page = await demo(errors);
  await page.click('kashif-article #tab-quotes');
  const a = await page.evaluate(() => document.querySelector('kashif-article').analysis);
  const quotes = a.spans.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'quote' || s.kind === 'reported');
  assert.ok(quotes.length >= 1);
  const items = await page.$$eval('kashif-article .panel-body.quotes li button', (bs) => bs.map((b) => ({ span: Number(b.dataset.span), speaker: b.querySelector('.speaker').textContent, said: b.querySelector('.said').textContent })));
  assert.deepEqual(items.map((i) => i.span), quotes.map((q) => q.i));
  for (const [n, { s }] of quotes.entries()) {
    assert.equal(items[n].speaker, s.speaker?.name ?? 'Speaker not attributed');
    assert.ok(items[n].said.startsWith(`«${s.text.slice(0, 20)}`));
  }
  await page.click('kashif-article .panel-body.quotes li button');
  assert.equal(await page.evaluate(() => Number(document.querySelector('kashif-article').shadowRoot.activeElement?.dataset.span)), quotes[0].i);
  assert.deepEqual(errors, []);
});

test('the normalization view shows what the normalizer changed, and the article never changes', async () => {
  const errors = [];
  const page = await demo(errors);
  const text = 'فِى الأُمم المتحدة يوم ١٣ أيار، قال مصطفى إن الرئيـــس مسؤول.';
  await show(page, text);
  await page.click('kashif-article #tab-normalization');
  await page.waitForSelector('kashif-article .steps');
  const expected = await page.evaluate(async (text) => (await import('./pkg/kashif.js')).lesson(text), text);
  const steps = await page.$$eval('kashif-article .steps li', (li) => li.map((l) => ({ step: l.dataset.step, count: Number(l.querySelector('.count').textContent), text: l.textContent })));
  assert.deepEqual(steps.map((s) => [s.step, s.count]), expected.steps.map((s) => [s.step, s.count]));
  for (const step of ['alef', 'alef_maksura', 'teh_marbuta', 'waw_hamza', 'diacritics', 'tatweel', 'digits']) assert.ok(steps.some((s) => s.step === step), step);
  assert.match(steps.find((s) => s.step === 'alef_maksura').text, /Alef maksura.*U\+0649.*فِى → في/s);
  assert.match(await page.textContent('kashif-article #tab-normalization'), new RegExp(`Normalization \\(${expected.words}\\)`));

  await page.click('kashif-article .lesson-toggle');
  await page.waitForSelector('kashif-article .article:not([hidden]) mark[data-kind="norm"]');
  const view = await page.$eval(article, (a) => ({ text: a.textContent, words: [...a.querySelectorAll('mark')].map((m) => m.textContent) }));
  assert.equal(view.text, text, 'the lesson view shows the text unchanged');
  assert.deepEqual(view.words, ['فِى', 'الأُمم', 'المتحدة', '١٣', 'أيار', 'مصطفى', 'إن', 'الرئيـــس', 'مسؤول']);
  await page.click(`${article} mark[data-word="0"]`);
  const e = await page.textContent('kashif-article .explain-body');
  assert.match(e, /As writtenفِى/);
  assert.match(e, /As matchedفي/);
  assert.match(e, /◌ِ U\+0650 → removed — Diacritics/);
  assert.match(e, /ى U\+0649 → ي U\+064A — Alef maksura/);
  await page.click('kashif-article .lesson-toggle');
  assert.equal(await page.$eval(article, (a) => a.textContent), text);
  assert.equal(await page.$$eval(`${article} mark[data-span]`, (m) => m.length) > 0, true, 'the marks are back');
  assert.deepEqual(errors, []);
});

test('the analysis exports as JSON and the entity and date tables as CSV', async () => {
  const errors = [];
  const page = await demo(errors);
  const a = await page.evaluate(() => document.querySelector('kashif-article').analysis);
  const save = async (label) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('kashif-article .tools button', { hasText: label }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), body: readFileSync(path, 'utf8') };
  };
  const json = await save('Export JSON');
  assert.equal(json.name, 'kashif-analysis.json');
  const data = JSON.parse(json.body);
  assert.deepEqual(data.spans, a.spans);
  assert.deepEqual(data.entities, a.entities);
  assert.equal(data.encoding, 'utf-16');
  assert.equal(data.date, '2024-11-15');
  for (const s of data.spans) assert.equal(data.text.slice(s.start, s.end), s.text);

  const entities = await save('Entities CSV');
  assert.equal(entities.name, 'kashif-entities.csv');
  const rows = entities.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(rows[0], 'id,kind,name,mentions,spellings');
  assert.equal(rows.length, a.entities.length + 1);
  assert.ok(rows[1].startsWith(`0,${a.entities[0].kind},${a.entities[0].name},${a.entities[0].mentions},`));

  const dates = await save('Dates CSV');
  const drows = dates.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(drows[0], 'kind,text,value,start,end');
  const times = a.spans.filter((s) => ['date', 'duration', 'relative'].includes(s.kind));
  assert.equal(drows.length, times.length + 1);
  assert.equal(drows[1], `${times[0].kind},${times[0].text},${times[0].value},${times[0].start},${times[0].end}`);
  assert.deepEqual(errors, []);
});

test('the print stylesheet shows the article and every panel, without the controls', async () => {
  const errors = [];
  const page = await demo(errors);
  await page.emulateMedia({ media: 'print' });
  const r = await page.evaluate(() => {
    const root = document.querySelector('kashif-article').shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(sel)].map((e) => getComputedStyle(e).display !== 'none');
    const view = root.querySelector('.article');
    return {
      panels: shown('[role=tabpanel]'),
      tools: shown('.tools'),
      tabs: shown('.tabs'),
      controls: getComputedStyle(document.getElementById('controls')).display,
      overflow: getComputedStyle(view).overflowY,
      maxHeight: getComputedStyle(view).maxBlockSize,
      markBackground: getComputedStyle(view.querySelector('mark[data-kind="person"]')).backgroundColor,
      printColors: getComputedStyle(view.querySelector('mark')).printColorAdjust,
    };
  });
  assert.deepEqual(r.panels, [true, true, true, true]);
  assert.deepEqual(r.tools, [false]);
  assert.deepEqual(r.tabs, [false]);
  assert.equal(r.controls, 'none');
  assert.equal(r.overflow, 'visible');
  assert.equal(r.maxHeight, 'none');
  assert.equal(r.markBackground, 'rgb(205, 230, 255)');
  assert.equal(r.printColors, 'exact');
  await page.screenshot({ path: `${shots}/demo-print.png`, fullPage: true });
  assert.deepEqual(errors, []);
});
