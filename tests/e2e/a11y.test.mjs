// Accessibility: axe-core (npm, injected) finds no violation on the demo or the news page, in
// every state of the classroom view; and everything works from the keyboard alone, with a
// visible focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, newPage, rendered, setup } from './browser.mjs';

const ctx = setup();

test('axe-core finds no violation on the demo page, in every state of the classroom view', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const states = {};
  states.opened = await axe(page);
  await page.click('kashif-article .article mark[data-kind="person"]');
  states['a mark explained'] = await axe(page);
  await page.click('kashif-article button.entity');
  states['an entity chosen'] = await axe(page);
  await page.click('kashif-article .legend button[data-kind="location"]');
  states['a kind switched off'] = await axe(page);
  for (const tab of ['dates', 'quotes', 'normalization']) {
    await page.click(`kashif-article #tab-${tab}`);
    if (tab === 'normalization') await page.waitForSelector('kashif-article .steps');
    states[`the ${tab} panel`] = await axe(page);
  }
  await page.click('kashif-article .lesson-toggle');
  await page.waitForSelector('kashif-article .article:not([hidden]) mark[data-kind="norm"]');
  await page.click('kashif-article .article:not([hidden]) mark[data-kind="norm"]');
  states['the normalization view'] = await axe(page);
  await page.click('#paste-box summary');
  states['the paste box open'] = await axe(page);
  for (const [state, violations] of Object.entries(states)) assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
  assert.deepEqual(errors, []);
});

test('axe-core finds no violation on the news page, marked and plain', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(`${ctx.server.url}embed.html`);
  await page.waitForSelector('body[data-kashif="marked"]');
  await rendered(page);
  let v = await axe(page);
  assert.deepEqual(v, [], `marked:\n${v.join('\n')}`);
  await page.click('#kashif-toggle');
  await page.waitForSelector('body[data-kashif="plain"]');
  v = await axe(page);
  assert.deepEqual(v, [], `plain:\n${v.join('\n')}`);
  assert.deepEqual(errors, []);
});

/** The focused element, through shadow roots: {where, tag, text, kind, outline}. */
function focused(page) {
  return page.evaluate(() => {
    let e = document.activeElement;
    let where = 'page';
    while (e?.shadowRoot?.activeElement) {
      e = e.shadowRoot.activeElement;
      where = 'widget';
    }
    const c = getComputedStyle(e);
    return {
      where,
      tag: e.tagName.toLowerCase(),
      role: e.getAttribute('role'),
      cls: e.className,
      text: e.textContent.trim().slice(0, 60),
      kind: e.dataset.kind ?? null,
      span: e.dataset.span ?? null,
      outline: `${c.outlineStyle} ${c.outlineWidth}`,
    };
  });
}

test('the classroom view is usable from the keyboard alone, with a visible focus', async () => {
  const errors = [];
  const page = await newPage(ctx.browser, errors);
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => document.activeElement?.blur());
  const tabTo = async (pred, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      // (A date input's calendar button, inside the input, draws Chromium's own ring.)
      if (f.tag !== 'input') assert.notEqual(f.outline.split(' ')[0], 'none', `a visible focus on ${JSON.stringify(f)}`);
      if (pred(f)) return f;
    }
    throw new Error('not reached by Tab');
  };

  // The legend: a switch, pressed with Space.
  const toggle = await tabTo((f) => f.cls === 'toggle');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute(`kashif-article .legend button[data-kind="${toggle.kind}"]`, 'aria-pressed'), 'false');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute(`kashif-article .legend button[data-kind="${toggle.kind}"]`, 'aria-pressed'), 'true');

  // Export: a button that downloads.
  await tabTo((f) => f.text === 'Export JSON');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'kashif-analysis.json');

  // The article, then its marks: arrows move from mark to mark, each explained as it is reached.
  await tabTo((f) => f.role === 'region');
  const first = await tabTo((f) => f.tag === 'mark');
  assert.match(await page.textContent('kashif-article .explain-body'), new RegExp(`Text${first.text.slice(0, 10)}`));
  const spans = [first.span];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowLeft');
    const f = await focused(page);
    assert.equal(f.tag, 'mark');
    spans.push(f.span);
  }
  assert.equal(new Set(spans).size, 5, `five different marks: ${spans}`);
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).span, spans[3], 'ArrowRight goes back');
  await page.keyboard.press('End');
  const last = await focused(page);
  const ends = await page.evaluate(() => {
    const marks = document.querySelector('kashif-article').shadowRoot.querySelectorAll('.article mark');
    return [marks[0].dataset.span, marks[marks.length - 1].dataset.span];
  });
  assert.equal(last.span, ends[1]);
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).span, ends[0]);

  // The tabs: arrows switch panels; Tab goes into the panel and Enter chooses an entity.
  const tab = await tabTo((f) => f.role === 'tab');
  assert.match(tab.text, /^Entities/);
  await page.keyboard.press('ArrowRight');
  assert.match((await focused(page)).text, /^Dates/);
  assert.equal(await page.isVisible('kashif-article #panel-dates'), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.isVisible('kashif-article #panel-entities'), true);
  const entity = await tabTo((f) => f.cls === 'entity');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`kashif-article button.entity[data-entity]:focus`, 'aria-pressed'), 'true');
  assert.ok((await page.$$('kashif-article .article mark.kashif-chosen')).length > 0, `the mentions of ${entity.text} are marked`);

  // Escape on a mark clears the chosen entity.
  await page.evaluate(() => document.querySelector('kashif-article').shadowRoot.querySelector('.article mark[tabindex="0"]').focus());
  await page.keyboard.press('Escape');
  assert.equal((await page.$$('kashif-article .article mark.kashif-chosen')).length, 0);
  assert.deepEqual(errors, []);
});
