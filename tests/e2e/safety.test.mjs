// Article text is only ever text: markup, scripts, event handlers, javascript: links and a
// closing </kashif-article> inside an article show literally and run nothing — in the element,
// in the demo's inputs and when marking a host page in place. And the pages work under a strict
// Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, rendered, setup, shots } from './browser.mjs';

const ctx = setup({ csp: true });

// Each payload would set window.pwned if it ever ran.
const PAYLOADS = [
  '<script>window.pwned = "script"</script>',
  '<img src=x onerror="window.pwned = \'img\'">',
  '<a href="javascript:window.pwned = \'link\'">اضغط هنا</a>',
  '</kashif-article><script>window.pwned = "escaped"</script>',
  '<style>* { display: none }</style>',
  '<svg onload="window.pwned = \'svg\'"></svg>',
  '"><iframe src="javascript:parent.pwned = \'iframe\'"></iframe>',
];
const ARTICLE = `قال بوتين فى موسكو يوم 9 مايو 2024: «${PAYLOADS[0]} لن نتراجع» ${PAYLOADS.slice(1).join(' وزار روسيا ')} ثم غادر إلى باريس.`;

/** Everything in the element's shadow tree that is not the widget's own kind of node. */
function foreign(el) {
  const allowed = new Set(['DIV', 'P', 'SECTION', 'H2', 'H3', 'BUTTON', 'SPAN', 'MARK', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'CODE', 'BDI', 'STRONG', 'svg', 'line', 'text', 'g', 'circle', 'rect', 'title']);
  return [...el.shadowRoot.querySelectorAll('*')].map((e) => e.tagName).filter((t) => !allowed.has(t));
}

test('markup inside an article shows literally in the element and nothing runs', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate((text) => {
    document.querySelector('kashif-article').date = '2024-11-15';
    document.querySelector('kashif-article').text = text;
  }, ARTICLE);
  await rendered(page);
  // Visit every mark (each explanation and panel is built too) and every tab.
  const r = await page.evaluate(async (fn) => {
    const el = document.querySelector('kashif-article');
    const root = el.shadowRoot;
    for (const m of root.querySelectorAll('.article mark')) m.click();
    for (const t of root.querySelectorAll('[role=tab]')) t.click();
    root.querySelector('.lesson-toggle').click();
    await new Promise((r) => setTimeout(r, 300));
    for (const m of root.querySelectorAll('.article mark')) m.click();
    await new Promise((r) => setTimeout(r, 300));
    return {
      shown: root.querySelector('.article').textContent,
      lesson: root.querySelectorAll('.article')[1].textContent,
      foreign: new Function(`return (${fn})`)()(el),
      quotes: root.querySelector('.panel-body.quotes').textContent,
      pwned: window.pwned ?? null,
    };
  }, foreign.toString());
  assert.equal(r.shown, ARTICLE, 'the article shows its text literally');
  assert.equal(r.lesson, ARTICLE);
  assert.deepEqual(r.foreign, [], 'no element came from the text');
  assert.match(r.quotes, /<script>window.pwned = "script"<\/script> لن نتراجع/);
  assert.equal(r.pwned, null, 'nothing ran');
  await page.screenshot({ path: `${shots}/injection.png` });
  assert.deepEqual(errors, []);
});

test('a </kashif-article> and markup in a host page\'s element stay inside it as text; scripts and links in its markup do nothing', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(`${ctx.server.url}embed.html`);
  await rendered(page);
  const r = await page.evaluate(async (fn) => {
    // The host escapes the article's text in its HTML, as it must.
    const box = document.createElement('section');
    box.innerHTML = '<kashif-article id="k" date="2024-11-15"><p>قال ماكرون &lt;/kashif-article&gt; فى باريس &lt;img src=x onerror="window.pwned=1"&gt;</p>'
      + '<p>زار <a href="javascript:window.pwned=2">موسكو</a> <script>window.pwned = 3</script><b>أمس</b></p></kashif-article><p id="after">بعده</p>';
    document.querySelector('.related').append(box);
    const el = document.getElementById('k');
    await el.rendered;
    const root = el.shadowRoot;
    for (const m of root.querySelectorAll('.article mark')) m.click();
    // Clicking the text of the host's javascript: link, as the element shows it, runs nothing.
    const moscow = [...root.querySelectorAll('.article mark')].find((m) => m.textContent === 'موسكو');
    moscow?.click();
    return {
      text: el.text,
      after: document.getElementById('after').parentElement === box && document.getElementById('after').previousElementSibling === el,
      foreign: new Function(`return (${fn})`)()(el),
      moscow: !!moscow,
      pwned: window.pwned ?? null,
    };
  }, foreign.toString());
  assert.equal(r.text, 'قال ماكرون </kashif-article> فى باريس <img src=x onerror="window.pwned=1">\n\nزار موسكو أمس');
  assert.ok(r.after, 'the escaped </kashif-article> did not close the element');
  assert.deepEqual(r.foreign, []);
  assert.ok(r.moscow);
  assert.equal(r.pwned, null);
  assert.deepEqual(errors, []);
});

test("the demo's paste box and file input take markup as text", async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#paste-box summary');
  await page.fill('#paste', ARTICLE);
  await page.click('#analyze');
  await rendered(page);
  assert.equal(await page.$eval('kashif-article .article', (a) => a.textContent), ARTICLE);
  await page.setInputFiles('#file', { name: '<img src=x onerror=alert(1)>.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
  await page.waitForFunction(() => document.getElementById('article-title').textContent.startsWith('<img'));
  await rendered(page);
  assert.equal(await page.$eval('#article-title', (h) => h.children.length), 0, 'the file name is text too');
  assert.equal(await page.$eval('kashif-article .article', (a) => a.textContent), ARTICLE);
  assert.equal(await page.evaluate(() => window.pwned ?? null), null);
  assert.deepEqual(errors, []);
});

test('marking a host article in place keeps markup-looking text as text and adds no element but marks', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(`${ctx.server.url}embed.html`);
  await page.waitForSelector('body[data-kashif="marked"]');
  const r = await page.evaluate(async (payloads) => {
    const { highlight, unhighlight } = await import('./kashif-embed.js');
    const story = document.getElementById('story-body');
    await unhighlight(story);
    const p = document.createElement('p');
    p.textContent = `وقال بوتين فى موسكو ${payloads.join(' ثم روسيا ')}`;
    story.append(p);
    const tags = () => [...story.querySelectorAll('*')].filter((e) => !e.matches('mark.kashif-mark')).map((e) => e.tagName);
    const before = tags();
    const html = story.innerHTML;
    const { marks } = await highlight(story, { date: '2024-11-15' });
    const titles = [...story.querySelectorAll('mark.kashif-mark')].map((m) => m.getAttribute('title'));
    const result = { marks, same: JSON.stringify(tags()) === JSON.stringify(before), text: p.textContent, titled: titles.every((t) => typeof t === 'string') };
    await unhighlight(story);
    return { ...result, restored: story.innerHTML === html, pwned: window.pwned ?? null };
  }, PAYLOADS);
  assert.ok(r.marks > 0);
  assert.ok(r.same, 'no element appeared but marks');
  assert.ok(r.text.includes('<script>window.pwned = "script"</script>'));
  assert.ok(r.restored);
  assert.equal(r.pwned, null);
  assert.deepEqual(errors, []);
});

test('the demo and the news page work under a strict Content-Security-Policy', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  const response = await page.goto(ctx.cspServer.url);
  assert.equal(response.headers()['content-security-policy'], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  await page.waitForSelector('body[data-ready="true"]');
  const demo = await rendered(page);
  assert.equal(demo.where, 'worker', 'the worker starts under the policy');
  assert.ok(demo.marks > 50);
  const styled = await page.evaluate(() => {
    const root = document.querySelector('kashif-article').shadowRoot;
    const mark = root.querySelector('.article mark[data-kind="person"]');
    return { mark: getComputedStyle(mark).backgroundColor, button: getComputedStyle(root.querySelector('button')).borderTopLeftRadius };
  });
  assert.deepEqual(styled, { mark: 'rgb(205, 230, 255)', button: '4px' }, 'the adopted style sheets apply');
  // Explanations, the lesson (worker again) and the timeline's geometry all work.
  await page.click('kashif-article .article mark[data-kind="date"]');
  assert.match(await page.textContent('kashif-article .explain-body'), /Value/);
  await page.click('kashif-article #tab-dates');
  assert.ok((await page.$$('kashif-article svg.timeline .item')).length > 0);
  await page.click('kashif-article #tab-normalization');
  await page.waitForSelector('kashif-article .steps');
  // The policy is really in force: an inline script and an inline style are refused.
  const inline = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
    const d = document.createElement('div');
    d.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(d);
    const color = getComputedStyle(d).color;
    d.remove();
    return { ran: window.inlineRan ?? false, color };
  });
  assert.equal(inline.ran, false);
  assert.notEqual(inline.color, 'rgb(1, 2, 3)');
  const refused = errors.filter((e) => /Content Security Policy/.test(e));
  assert.equal(refused.length, 2, `only the two probes were refused: ${refused.join('\n')}`);

  const embedErrors = [];
  const embed = await newPage(ctx.browser, embedErrors);
  await embed.goto(`${ctx.cspServer.url}embed.html`);
  await embed.waitForSelector('body[data-kashif="marked"]');
  const el = await rendered(embed);
  assert.equal(el.where, 'worker');
  // Every in-place mark is visibly styled by the same-origin stylesheet: a background, or (for
  // speech cues) a line, never nothing.
  const marks = await embed.$$eval('#story-body mark.kashif-mark', (ms) => ms.map((m) => {
    const c = getComputedStyle(m);
    return c.backgroundColor !== 'rgba(0, 0, 0, 0)' || c.textDecorationLine !== 'none' || c.boxShadow !== 'none';
  }));
  assert.ok(marks.length > 10 && marks.every(Boolean), 'in-place marks are styled');
  assert.deepEqual(embedErrors, []);
});
