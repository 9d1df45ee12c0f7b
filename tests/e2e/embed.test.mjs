// The example news page (www/embed.html): Kashif embedded as a host site would — the story marked
// in place and restored exactly, a <kashif-article> further down, and the two style worlds kept
// apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, rendered, setup, shots } from './browser.mjs';

const ctx = setup();

async function embed(errors) {
  const page = await newPage(ctx.browser, errors);
  await page.goto(`${ctx.server.url}embed.html`);
  await page.waitForSelector('body[data-kashif="marked"]');
  await rendered(page);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

test('highlight marks the story in place across links, bold and line breaks; unhighlight restores it node for node', async () => {
  const errors = [];
  const page = await embed(errors);
  const r = await page.evaluate(async () => {
    const { highlight, unhighlight } = await import('./kashif-embed.js');
    const story = document.getElementById('story-body');
    const nodes = (root) => {
      const out = [];
      const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      while (w.nextNode()) out.push(w.currentNode);
      return out;
    };
    const notMarks = (root) => nodes(root).filter((n) => !(n.nodeType === 1 && n.matches('mark.kashif-mark')) && n.nodeType === 1);

    // The page marked the story when it loaded; the authored story is what the server sent.
    const authored = new DOMParser().parseFromString(await (await fetch('embed.html')).text(), 'text/html').getElementById('story-body').innerHTML;
    const marksOnLoad = story.querySelectorAll('mark.kashif-mark').length;
    const wasMarked = await unhighlight(story);
    const restoredOnce = story.innerHTML === authored;
    const before = nodes(story);
    const beforeElements = notMarks(story);
    const text = story.textContent;

    // A listener of the host's on a link inside the story.
    const link = story.querySelector('a.person-link');
    let clicks = 0;
    link.addEventListener('click', (e) => {
      e.preventDefault();
      clicks++;
    });

    const result = await highlight(story, { date: story.dataset.date });
    const marks = [...story.querySelectorAll('mark.kashif-mark')];
    const bySpan = new Map();
    for (const m of marks) {
      // Only a mark's own outermost pieces count: nested marks repeat text.
      bySpan.set(m.dataset.span, [...(bySpan.get(m.dataset.span) ?? []), m]);
    }
    const person = result.analysis.spans.findIndex((s) => s.text === 'إيمانويل ماكرون');
    const personMarks = bySpan.get(String(person)) ?? [];
    const inLink = personMarks.filter((m) => m.closest('a') === link).map((m) => m.textContent);
    const outside = personMarks.filter((m) => !m.closest('a')).map((m) => m.textContent);
    const spansSliceBack = result.analysis.spans.every((s) => result.text.slice(s.start, s.end) === s.text);
    const eachSpanMarked = result.analysis.spans.every((s, i) => (bySpan.get(String(i)) ?? []).map((m) => m.textContent).join('').includes(s.text.replace(/\n/g, '')));
    const sameElements = notMarks(story).every((e, i) => e === beforeElements[i]) && notMarks(story).length === beforeElements.length;
    const marksInsideBreaks = marks.some((m) => m.querySelector('br') || m.textContent.includes('\n'));
    const titles = marks.every((m) => m.title.startsWith(m.dataset.kind));
    personMarks[0].click();

    const textWhileMarked = story.textContent;
    const restored = await unhighlight(story);
    const after = nodes(story);
    return {
      marksOnLoad,
      wasMarked,
      restoredOnce,
      count: result.marks,
      markElements: marks.length,
      joined: result.text,
      spansSliceBack,
      eachSpanMarked,
      inLink,
      outside,
      href: link.getAttribute('href'),
      sameElements,
      marksInsideBreaks,
      titles,
      clicks,
      textKept: textWhileMarked === text,
      restored,
      sameNodes: after.length === before.length && after.every((n, i) => n === before[i]),
      sameHtml: story.innerHTML === authored,
      marksLeft: story.querySelectorAll('mark.kashif-mark').length,
      again: await unhighlight(story),
    };
  });
  assert.ok(r.marksOnLoad > 10, `the page marked its story on load (${r.marksOnLoad})`);
  assert.equal(r.wasMarked, true);
  assert.equal(r.restoredOnce, true, 'unhighlight gives back the authored HTML');
  assert.equal(r.count, r.markElements);
  assert.ok(r.spansSliceBack);
  assert.ok(r.eachSpanMarked, 'every span is marked');
  assert.deepEqual(r.inLink, ['إيمانويل'], 'the person is split at the link: one mark inside it…');
  assert.deepEqual(r.outside, [' ماكرون'], '…and one after it, from the space the span holds');
  assert.equal(r.href, '#story');
  assert.ok(r.sameElements, 'the host elements are the same objects, in the same order');
  assert.equal(r.marksInsideBreaks, false, 'no mark crosses a <br> or a paragraph');
  assert.ok(r.titles, 'each mark explains itself in its title');
  assert.equal(r.clicks, 1, "the host's listener on the link still fires");
  assert.ok(r.textKept, 'the story text is unchanged while marked');
  assert.equal(r.restored, true);
  assert.ok(r.sameNodes, 'unhighlight puts back the very same nodes');
  assert.ok(r.sameHtml, 'and the exact original markup');
  assert.equal(r.marksLeft, 0);
  assert.equal(r.again, false, 'a second unhighlight has nothing to do');
  assert.match(r.joined, /بروكسل يوم الخميس 14 نوفمبر 2024 لبحث/, 'inline elements join without breaks');
  assert.match(r.joined, /أحدا»\.\nوأضاف/, 'a <br> is a line break');

  // The host's button drives the same calls (the page still believes its story is marked).
  await page.click('#kashif-toggle');
  await page.waitForSelector('body[data-kashif="plain"]');
  assert.equal(await page.getAttribute('#kashif-toggle', 'aria-pressed'), 'false');
  assert.equal(await page.$$eval('#story-body mark.kashif-mark', (m) => m.length), 0);
  await page.click('#kashif-toggle');
  await page.waitForSelector('body[data-kashif="marked"]');
  assert.equal(await page.$$eval('#story-body mark.kashif-mark', (m) => m.length), r.count);
  assert.deepEqual(errors, []);
});

test("the host's CSS does not reach the widget, and the widget does not restyle the host", async () => {
  const errors = [];
  const page = await embed(errors);
  const hostLook = (p) => p.evaluate(() => {
    const props = ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'color', 'backgroundColor', 'paddingInlineStart', 'marginBlockEnd', 'letterSpacing', 'textAlign', 'textDecorationLine', 'borderInlineStartWidth'];
    const sel = ['body', 'h1', '.story-body p', '.story-body a', '.story-body b', '.story-body em', '.story-body mark:not(.kashif-mark)', '.pull', '.sidebar li a', '.sidebar h2', '#kashif-toggle', '.promo', '.site-footer p'];
    return Object.fromEntries(sel.map((s) => {
      const c = getComputedStyle(document.querySelector(s));
      return [s, props.map((p) => c[p]).join('|')];
    }));
  });
  const marked = await hostLook(page);

  // The same page without Kashif at all.
  const bare = await newPage(ctx.browser, []);
  await bare.route('**/kashif-embed.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'export const highlight = () => new Promise(() => {}), unhighlight = highlight;' }));
  await bare.goto(`${ctx.server.url}embed.html`);
  await bare.evaluate(() => document.fonts.ready);
  const without = await bare.evaluate(() => document.querySelectorAll('mark.kashif-mark').length);
  const plainLook = await hostLook(bare);
  assert.equal(without, 5, 'only the legend samples of the host page carry the class');
  assert.deepEqual(marked, plainLook, 'every host element looks the same with Kashif as without it');
  await bare.close();

  const r = await page.evaluate(() => {
    const story = document.getElementById('story-body');
    const font = (e) => {
      const c = getComputedStyle(e);
      return [c.fontFamily, c.fontSize, c.fontWeight, c.fontStyle, c.letterSpacing, c.lineHeight].join('|');
    };
    const inPlace = [...story.querySelectorAll('mark.kashif-mark')].map((m) => ({
      same: font(m) === font(m.parentElement),
      padding: getComputedStyle(m).paddingInlineStart,
      radius: getComputedStyle(m).borderTopLeftRadius,
    }));
    const hostMark = getComputedStyle(story.querySelector('mark:not(.kashif-mark)'));
    const el = document.querySelector('kashif-article');
    const shadow = el.shadowRoot;
    const button = getComputedStyle(shadow.querySelector('.tools button'));
    const view = getComputedStyle(shadow.querySelector('.article'));
    const h2 = getComputedStyle(shadow.querySelector('h2'));
    return {
      inPlace,
      hostMark: [hostMark.backgroundColor, hostMark.fontWeight, hostMark.paddingInlineStart !== '0px'],
      button: [button.backgroundColor, button.color, button.borderTopLeftRadius],
      view: [view.letterSpacing, view.wordSpacing, view.textAlign, view.direction],
      h2Border: h2.borderBottomWidth,
    };
  });
  assert.ok(r.inPlace.length > 10);
  assert.ok(r.inPlace.every((m) => m.same), "in-place marks keep the site's font, size, weight and spacing");
  assert.ok(r.inPlace.every((m) => m.padding === '0px' && m.radius === '0px'), "the site's `mark` rule (padding, radius, bold) does not reach Kashif's marks");
  assert.deepEqual(r.hostMark, ['rgb(255, 228, 92)', '700', true], "the site's own <mark> keeps the site's look");
  assert.deepEqual(r.button, ['rgb(243, 243, 243)', 'rgb(27, 27, 27)', '4px'], "the site's button rule does not reach the widget's buttons");
  assert.deepEqual(r.view, ['normal', '0px', 'start', 'rtl'], "the site's spacing and justification do not leak into the widget");
  assert.equal(r.h2Border, '0px', "the site's heading rule does not reach the widget");
  assert.deepEqual(errors, []);
});

test('the <kashif-article> on the news page reads its paragraphs as a reader sees them', async () => {
  const errors = [];
  const page = await embed(errors);
  const r = await page.evaluate(() => {
    const el = document.querySelector('kashif-article');
    return { text: el.text, shown: el.shadowRoot.querySelector('.article').textContent, paragraphs: [...el.querySelectorAll('p')].map((p) => p.textContent) };
  });
  assert.equal(r.text, r.paragraphs.join('\n\n'), 'paragraphs apart by a blank line, the source indentation gone');
  assert.equal(r.shown, r.text);
  await page.screenshot({ path: `${shots}/embed.png`, fullPage: true });
  // Editing the host's markup re-analyses.
  await page.evaluate(() => document.querySelector('kashif-article p').append(' وزار بلينكن موسكو.'));
  await rendered(page);
  assert.match(await page.evaluate(() => document.querySelector('kashif-article').text), /وزار بلينكن موسكو\.\n\n/);
  assert.deepEqual(errors, []);
});
