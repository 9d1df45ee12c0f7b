// <kashif-article date="2024-11-15">…article text…</kashif-article>
//
// The classroom view of one article, in the element's own Shadow DOM: the article with its marks,
// a legend that switches each kind on and off, an explanation of the chosen mark, and panels of
// entities (grouped by kind, choosing one marks all its mentions), dates (calendar order and a
// timeline), quotations with their speakers and the normalizer's changes; export as JSON and CSV
// and a print layout. The element reads its own text (block elements and <br> become line
// breaks) and re-analyses when the text or the date attribute changes.
//
// The analysis runs in a worker (analyst.js) and the article is drawn one chunk per task, so a
// long article never freezes the page. Text is inserted only as text nodes.
//
// Properties: text (get: the text analysed; set: replaces the element's content), date,
// analysis (the last result, the output contract), rendered (a promise of the current render's
// details). Event: kashif-rendered {detail: {analysis, ms, where, drawMs, marks, pieces}}.
import { run } from './analyst.js';
import * as C from './classroom.js';
import { build, download, el, mixed, svg, visible, yieldToPage } from './dom.js';
import { adopt } from './styles.js';
import { ready } from './wasm.js';

const TABS = [
  { id: 'entities', label: 'Entities' },
  { id: 'dates', label: 'Dates' },
  { id: 'quotes', label: 'Quotations' },
  { id: 'normalization', label: 'Normalization' },
];

/** Milliseconds of drawing before the element lets the page breathe. */
const SLICE_MS = 8;

const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

export class KashifArticle extends HTMLElement {
  static observedAttributes = ['date'];

  #root;
  #p = {}; // the parts of the shadow tree
  #styled;
  #observer = new MutationObserver(() => this.#schedule());
  #gen = 0; // the render in progress; an older one stops at its next step
  #pending = null; // the deferred result of the render to come
  #queued = false;
  #last = Promise.resolve(null);
  #text = '';
  #view = null; // {analysis, ops, pieces} of the text shown
  #lesson = null; // {steps, words, ops, pieces} of the text shown, once asked for
  #hidden = new Set();
  #chosen = null; // the chosen entity's id

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#styled = adopt(this.#root, 'kashif-marks.css', 'kashif-article.css');
    this.#skeleton();
  }

  /** The text last analysed. Setting it replaces the element's content with that text. */
  get text() {
    return this.#text;
  }
  set text(value) {
    this.textContent = String(value ?? '');
  }
  get date() {
    return this.getAttribute('date') ?? '';
  }
  set date(value) {
    if (value) this.setAttribute('date', value);
    else this.removeAttribute('date');
  }
  /** The last analysis (the output contract, UTF-16 offsets into `text`), or null. */
  get analysis() {
    return this.#view?.analysis ?? null;
  }
  /** Resolves with the details of the render in progress (or the last one) when it is drawn. */
  get rendered() {
    return this.#pending?.promise ?? this.#last;
  }

  connectedCallback() {
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }
  disconnectedCallback() {
    this.#observer.disconnect();
  }
  attributeChangedCallback() {
    this.#schedule();
  }

  #schedule() {
    this.#pending ??= deferred();
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  #skeleton() {
    const p = this.#p;
    p.status = el('p', { className: 'status', role: 'status' });
    p.error = el('p', { className: 'error', role: 'alert', hidden: true });
    p.legend = el('div', { className: 'legend', role: 'group', 'aria-label': 'Kinds of marks: press one to show or hide it' });
    const tool = (label, action) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', action);
      return b;
    };
    p.tools = el(
      'div',
      { className: 'tools', role: 'group', 'aria-label': 'Export and print' },
      tool('Export JSON', () => this.#export('json')),
      tool('Entities CSV', () => this.#export('entities')),
      tool('Dates CSV', () => this.#export('dates')),
      tool('Print', () => window.print()),
    );
    p.hint = el('p', { className: 'hint', id: 'hint' }, 'Keyboard: Tab into the article and on to its marks; arrow keys move from mark to mark; the chosen mark is explained beside the article.');
    const article = (label) => el('div', { className: 'article', role: 'region', 'aria-label': label, lang: 'ar', dir: 'rtl', tabindex: '0', 'aria-describedby': 'hint' });
    p.article = article('Article with marks');
    p.lessonView = article('Article with the normalizer’s changes marked');
    p.lessonView.hidden = true;
    for (const a of [p.article, p.lessonView]) {
      a.addEventListener('focusin', (e) => this.#onFocus(e));
      a.addEventListener('keydown', (e) => this.#onKey(e));
    }
    p.explain = el('div', { className: 'explain-body' });
    this.#explainNothing();
    p.tablist = el('div', { className: 'tabs', role: 'tablist', 'aria-label': 'What was found' });
    p.tabs = {};
    p.panels = {};
    p.bodies = {};
    for (const [i, t] of TABS.entries()) {
      const tab = el('button', { type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'aria-selected': String(i === 0), tabindex: i === 0 ? '0' : '-1' }, t.label, el('span', { className: 'n' }));
      tab.addEventListener('click', () => this.#selectTab(t.id));
      tab.addEventListener('keydown', (e) => this.#onTabKey(e, i));
      p.tabs[t.id] = tab;
      p.bodies[t.id] = el('div', { className: `panel-body ${t.id}` });
      p.panels[t.id] = el('section', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, tabindex: '0', hidden: i !== 0 }, el('h2', { className: 'print-only' }, t.label), p.bodies[t.id]);
      p.tablist.append(tab);
    }
    p.lessonToggle = el('button', { type: 'button', className: 'lesson-toggle', 'aria-pressed': 'false' }, 'Show the changes in the article');
    p.lessonToggle.addEventListener('click', () => this.#toggleLesson());
    p.root = el(
      'div',
      { className: 'kashif', lang: 'en', dir: 'ltr' },
      p.status,
      p.error,
      el('div', { className: 'bar' }, p.legend, p.tools),
      el(
        'div',
        { className: 'main' },
        el('div', { className: 'text-pane' }, p.hint, p.article, p.lessonView),
        el(
          'div',
          { className: 'side' },
          el('section', { className: 'explain', 'aria-labelledby': 'explain-title' }, el('h2', { id: 'explain-title' }, 'Explanation'), p.explain),
          el('div', { className: 'tabbed' }, p.tablist, ...Object.values(p.panels)),
        ),
      ),
    );
    this.#root.append(p.root);
  }

  async #render() {
    const gen = ++this.#gen;
    const k = await ready;
    if (gen !== this.#gen) return;
    const text = k.textOf(this);
    const date = this.date;
    this.#status('Analysing…');
    let job;
    try {
      job = await run('view', text, date);
    } catch (e) {
      if (gen === this.#gen) this.#finish({ error: e.message }, `Could not analyse the article: ${e.message}`);
      return;
    }
    // Receiving a large result took a task of its own: draw in the next ones.
    await yieldToPage();
    if (gen !== this.#gen) return;
    this.#showError(null);
    this.#text = text;
    this.#view = job.result;
    this.#lesson = null;
    this.#chosen = null;
    const t0 = performance.now();
    this.#fillLegend();
    this.#explainNothing();
    const marks = await this.#draw(this.#p.article, this.#view, (i) => this.#spanMark(i), gen);
    if (marks == null || !(await this.#fillPanels(gen))) return;
    if (this.#p.lessonToggle.getAttribute('aria-pressed') === 'true' || this.#selectedTab() === 'normalization') {
      if (!(await this.#loadLesson(gen))) return;
    }
    await this.#styled;
    if (gen !== this.#gen) return;
    const analysis = this.#view.analysis;
    const detail = { analysis, ms: job.ms, where: job.where, drawMs: performance.now() - t0, marks, pieces: this.#view.pieces.length / 2 };
    const where = job.where === 'worker' ? 'in a background worker' : 'on the page';
    this.#finish(detail, `${C.summary(analysis)} — analysed in ${job.ms.toFixed(1)} ms ${where}.`);
  }

  #finish(detail, status) {
    if (detail.error) this.#showError(status);
    else this.#status(status);
    this.#p.root.dataset.state = detail.error ? 'error' : 'ready';
    this.#last = Promise.resolve(detail);
    const pending = this.#pending;
    this.#pending = null;
    pending?.resolve(detail);
    this.dispatchEvent(new CustomEvent(detail.error ? 'kashif-error' : 'kashif-rendered', { detail }));
  }

  #status(text) {
    this.#p.status.textContent = text;
  }
  #showError(message) {
    this.#p.error.hidden = !message;
    this.#p.error.textContent = message ?? '';
  }

  /** Draws a layout into `container`, one chunk per slice of time. Returns the marks made, or null if a newer render took over. */
  async #draw(container, layout, mark, gen) {
    container.replaceChildren();
    const { ops, pieces } = layout;
    // A long article: the browser lays out and paints only the chunks near the screen.
    container.classList.toggle('long', pieces.length > 4);
    let made = 0;
    const counted = (i) => {
      made++;
      return mark(i);
    };
    let t = performance.now();
    for (let p = 0; p < pieces.length; p += 2) {
      container.append(el('div', { className: 'chunk' }, build(this.#text, ops, pieces[p], pieces[p + 1], counted)));
      if (performance.now() - t > SLICE_MS) {
        await yieldToPage();
        if (gen !== this.#gen) return null;
        t = performance.now();
      }
    }
    const first = container.querySelector(this.#navigable());
    if (first) first.tabIndex = 0;
    return made;
  }

  #spanMark(i) {
    const s = this.#view.analysis.spans[i];
    const m = document.createElement('mark');
    m.className = 'kashif-mark';
    m.dataset.kind = s.kind;
    m.dataset.span = String(i);
    if (s.entity != null) m.dataset.entity = String(s.entity);
    m.tabIndex = -1;
    return m;
  }

  #wordMark(i) {
    const m = document.createElement('mark');
    m.className = 'kashif-mark';
    m.dataset.kind = 'norm';
    m.dataset.word = String(i);
    m.tabIndex = -1;
    return m;
  }

  // ---- the legend

  #fillLegend() {
    const counts = new Map();
    for (const s of this.#view.analysis.spans) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
    const known = C.KINDS.map((k) => k.kind);
    const kinds = [...known.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !known.includes(k))];
    this.#p.legend.replaceChildren(
      ...kinds.map((kind) => {
        const info = C.kindInfo(kind);
        const b = el(
          'button',
          { type: 'button', className: 'toggle', 'aria-pressed': String(!this.#hidden.has(kind)), 'data-kind': kind },
          el('span', { className: 'check', 'aria-hidden': 'true' }),
          el('mark', { className: 'kashif-mark', 'data-kind': kind, lang: 'ar' }, info.ar),
          ` ${info.label} `,
          el('span', { className: 'count' }, String(counts.get(kind))),
          el('span', { className: 'cue' }, info.cue),
        );
        b.addEventListener('click', () => this.#toggleKind(kind, b));
        b.disabled = !this.#p.lessonView.hidden;
        return b;
      }),
    );
    this.#p.article.dataset.hide = [...this.#hidden].join(' ');
  }

  #toggleKind(kind, button) {
    if (this.#hidden.has(kind)) this.#hidden.delete(kind);
    else this.#hidden.add(kind);
    button.setAttribute('aria-pressed', String(!this.#hidden.has(kind)));
    this.#p.article.dataset.hide = [...this.#hidden].join(' ');
    // The article's tab stop must stay on a mark that is shown.
    const stop = this.#p.article.querySelector('mark[tabindex="0"]');
    if (!stop || this.#hidden.has(stop.dataset.kind)) {
      if (stop) stop.tabIndex = -1;
      const first = this.#p.article.querySelector(this.#navigable());
      if (first) first.tabIndex = 0;
    }
  }

  // ---- the panels

  /** Fills the panels, one per task. Returns false if a newer render took over. */
  async #fillPanels(gen) {
    const a = this.#view.analysis;
    for (const fill of [() => this.#fillEntities(a), () => this.#fillDates(a), () => this.#fillQuotes(a)]) {
      fill();
      await yieldToPage();
      if (gen !== this.#gen) return false;
    }
    this.#setCount('normalization', null);
    this.#p.bodies.normalization.replaceChildren(
      el('p', {}, 'Kashif matches names and dates on a normalized copy of the text, so that the different spellings of one word meet. The text you read is never changed.'),
      this.#p.lessonToggle,
      el('p', { className: 'muted lesson-table' }, 'Counting the changes…'),
    );
    return true;
  }

  #setCount(tab, n) {
    this.#p.tabs[tab].querySelector('.n').textContent = n == null ? '' : ` (${n})`;
  }

  #fillEntities(a) {
    const panel = this.#p.bodies.entities;
    const kinds = [...new Set([...C.ENTITY_KINDS, ...a.entities.map((e) => e.kind)])];
    const groups = kinds
      .map((kind) => ({ kind, list: a.entities.filter((e) => e.kind === kind).sort((x, y) => y.mentions - x.mentions || x.id - y.id) }))
      .filter((g) => g.list.length);
    this.#setCount('entities', a.entities.length);
    if (!groups.length) {
      panel.replaceChildren(el('p', { className: 'muted' }, 'No people, organizations or places found.'));
      return;
    }
    panel.replaceChildren(
      ...groups.map(({ kind, list }) => {
        const info = C.kindInfo(kind);
        const heading = el('h3', { id: `entities-${kind}` }, el('mark', { className: 'kashif-mark', 'data-kind': kind, lang: 'ar' }, info.ar), ` ${info.label} (${list.length})`);
        const items = list.map((e) => {
          const b = el('button', { type: 'button', className: 'entity', 'aria-pressed': 'false', 'data-entity': e.id }, el('span', { lang: 'ar', dir: 'rtl' }, e.name), ' ', el('span', { className: 'count', title: 'mentions' }, String(e.mentions)));
          b.addEventListener('click', () => this.#choose(e.id));
          return el('li', {}, b);
        });
        return el('section', { 'aria-labelledby': `entities-${kind}` }, heading, el('ul', { className: 'plain entities' }, items));
      }),
    );
  }

  #fillDates(a) {
    const panel = this.#p.bodies.dates;
    const { placed, unplaced } = C.calendar(a);
    this.#setCount('dates', placed.length + unplaced.length);
    const item = ({ span, index }) => {
      const words = C.readValue(span.value);
      const b = el('button', { type: 'button', className: 'goto', 'data-span': index }, el('span', { lang: 'ar', dir: 'rtl' }, span.text));
      b.addEventListener('click', () => this.#goTo(index));
      return el('li', {}, b, ' ', span.value ? el('code', {}, span.value) : null, words ? el('span', { className: 'muted' }, ` ${words}`) : null);
    };
    const parts = [];
    if (placed.length) {
      parts.push(this.#timeline(placed), el('h3', {}, `On the calendar (${placed.length})`), el('ol', { className: 'plain dates' }, placed.map(item)));
    }
    if (unplaced.length) parts.push(el('h3', {}, `Durations and vague times (${unplaced.length})`), el('ol', { className: 'plain dates' }, unplaced.map(item)));
    if (!parts.length) parts.push(el('p', { className: 'muted' }, 'No dates or other time expressions found.'));
    panel.replaceChildren(...parts);
  }

  #timeline(placed) {
    const W = 360;
    const published = C.dayOf(this.date);
    const t = C.timeline(placed, W, published);
    const fmt = (ms) => new Date(ms).toISOString().slice(0, 10);
    const laneY = (lane) => 24 + lane * 12;
    const H = laneY(t.lanes) + 22;
    const label = `Timeline of ${C.plural(placed.length, 'date')} from ${fmt(placed[0].start)} to ${fmt(Math.max(...placed.map((p) => p.end)) - 1)}${published != null ? `, with the publication date ${this.date}` : ''}`;
    const base = H - 16;
    const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': label });
    g.append(svg('line', { x1: 0, x2: W, y1: base, y2: base, class: 'axis' }));
    for (const { year, at } of C.yearTicks(t.from, t.to)) {
      const x = t.x(at);
      g.append(svg('line', { x1: x, x2: x, y1: base - 4, y2: base + 4, class: 'tick' }), svg('text', { x, y: H - 2, class: 'year', 'text-anchor': 'middle' }, String(year)));
    }
    if (published != null) {
      const x = t.x(published);
      g.append(svg('line', { x1: x, x2: x, y1: 2, y2: base, class: 'published' }), svg('text', { x: x - 3, y: 11, class: 'year', 'text-anchor': 'end' }, 'published'));
    }
    for (const it of t.items) {
      const y = laneY(it.lane);
      const shape = it.grain === 'day' ? svg('circle', { cx: it.x, cy: y, r: 4.5 }) : svg('rect', { x: it.x, y: y - 4, width: it.x2 - it.x, height: 8, rx: 2 });
      const item = svg('g', { class: `item ${it.grain}`, 'data-span': it.index }, svg('title', {}, `${it.span.text} — ${it.span.value}`), shape);
      item.addEventListener('click', () => this.#goTo(it.index));
      g.append(item);
    }
    return g;
  }

  #fillQuotes(a) {
    const panel = this.#p.bodies.quotes;
    const quotes = a.spans.map((span, index) => ({ span, index })).filter(({ span }) => C.SPEECH_KINDS.includes(span.kind));
    this.#setCount('quotes', quotes.length);
    if (!quotes.length) {
      panel.replaceChildren(el('p', { className: 'muted' }, 'No quotations found.'));
      return;
    }
    panel.replaceChildren(
      el(
        'ol',
        { className: 'plain quotes' },
        quotes.map(({ span, index }) => {
          const who = span.speaker?.name;
          const b = el(
            'button',
            { type: 'button', className: 'goto', 'data-span': index },
            el('span', { className: 'speaker', lang: who ? 'ar' : null }, who ?? 'Speaker not attributed'),
            span.kind === 'reported' ? ' (reported speech)' : '',
            ': ',
            el('span', { className: 'said', lang: 'ar', dir: 'rtl' }, `«${C.clip(span.text, 140)}»`),
          );
          b.addEventListener('click', () => this.#goTo(index));
          return el('li', {}, b);
        }),
      ),
    );
  }

  async #loadLesson(gen) {
    if (this.#lesson) return true;
    let job;
    try {
      job = await run('lesson', this.#text);
    } catch (e) {
      this.#showError(`Could not compute the normalization lesson: ${e.message}`);
      return false;
    }
    if (gen !== this.#gen) return false;
    this.#lesson = job.result;
    this.#fillLessonTable();
    if (this.#p.lessonToggle.getAttribute('aria-pressed') === 'true') {
      if ((await this.#draw(this.#p.lessonView, this.#lesson, (i) => this.#wordMark(i), gen)) == null) return false;
    }
    return true;
  }

  #fillLessonTable() {
    const l = this.#lesson;
    this.#setCount('normalization', l.words);
    const table = l.steps.length
      ? el(
          'div',
          { className: 'lesson-table' },
          el('h3', { id: 'lesson-title' }, `What the normalizer changed: ${C.plural(l.words, 'word')}`),
          el(
            'ul',
            { className: 'plain steps', 'aria-labelledby': 'lesson-title' },
            l.steps.map((s) => {
              const info = C.stepInfo(s.step);
              return el(
                'li',
                { 'data-step': s.step },
                el('strong', {}, info.label),
                ' ',
                el('span', { className: 'count', title: 'changes' }, String(s.count)),
                el('span', { className: 'what' }, mixed(info.what)),
                s.examples.length ? el('span', { className: 'examples' }, s.examples.map((x, i) => [i ? ' · ' : '', el('bdi', { lang: 'ar' }, x.text), ' → ', el('bdi', { lang: 'ar' }, x.norm)])) : null,
              );
            }),
          ),
        )
      : el('p', { className: 'muted lesson-table' }, 'The normalizer changed nothing: the text is written as it is matched.');
    this.#p.bodies.normalization.querySelector('.lesson-table').replaceWith(table);
  }

  async #toggleLesson() {
    const on = this.#p.lessonToggle.getAttribute('aria-pressed') !== 'true';
    this.#p.lessonToggle.setAttribute('aria-pressed', String(on));
    this.#p.lessonToggle.textContent = on ? 'Show the marks again' : 'Show the changes in the article';
    this.#p.lessonView.hidden = !on;
    this.#p.article.hidden = on;
    // The legend does not apply to the lesson view.
    for (const b of this.#p.legend.querySelectorAll('button')) b.disabled = on;
    if (on) {
      const gen = this.#gen;
      if (!this.#lesson) await this.#loadLesson(gen);
      else if (!this.#p.lessonView.firstChild) await this.#draw(this.#p.lessonView, this.#lesson, (i) => this.#wordMark(i), gen);
    }
  }

  // ---- tabs

  #selectedTab() {
    return TABS.find((t) => this.#p.tabs[t.id].getAttribute('aria-selected') === 'true').id;
  }

  #selectTab(id, focus = false) {
    for (const t of TABS) {
      const on = t.id === id;
      this.#p.tabs[t.id].setAttribute('aria-selected', String(on));
      this.#p.tabs[t.id].tabIndex = on ? 0 : -1;
      this.#p.panels[t.id].hidden = !on;
    }
    if (focus) this.#p.tabs[id].focus();
    if (id === 'normalization' && this.#view && !this.#lesson) this.#loadLesson(this.#gen);
  }

  #onTabKey(e, i) {
    const n = TABS.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    this.#selectTab(TABS[to].id, true);
  }

  // ---- marks: keyboard, focus, explanation

  /** The selector of the marks keyboard navigation visits: those of the kinds shown. */
  #navigable() {
    return `mark.kashif-mark[tabindex]${[...this.#hidden].map((k) => `:not([data-kind="${CSS.escape(k)}"])`).join('')}`;
  }

  #visibleMarks(container) {
    return [...container.querySelectorAll(this.#navigable())];
  }

  #onKey(e) {
    const mark = e.target.closest?.('mark.kashif-mark[tabindex]');
    if (!mark) return;
    // The article runs right to left: the next mark is to the left, or below.
    const step = { ArrowLeft: 1, ArrowDown: 1, ArrowRight: -1, ArrowUp: -1 }[e.key];
    const marks = step || e.key === 'Home' || e.key === 'End' ? this.#visibleMarks(e.currentTarget) : null;
    let to;
    if (step) to = marks[Math.min(Math.max(marks.indexOf(mark) + step, 0), marks.length - 1)];
    else if (e.key === 'Home') to = marks[0];
    else if (e.key === 'End') to = marks[marks.length - 1];
    else if (e.key === 'Escape' && this.#chosen != null) {
      this.#choose(this.#chosen);
      e.preventDefault();
      return;
    }
    if (to) {
      e.preventDefault();
      to.focus();
      to.scrollIntoView({ block: 'nearest' });
    }
  }

  #onFocus(e) {
    const mark = e.target;
    if (!(mark instanceof HTMLElement) || !mark.matches('mark.kashif-mark[tabindex]')) return;
    for (const m of e.currentTarget.querySelectorAll('mark.kashif-mark[tabindex="0"]')) if (m !== mark) m.tabIndex = -1;
    mark.tabIndex = 0;
    if (mark.dataset.word != null) this.#explainWord(mark);
    else this.#explain(Number(mark.dataset.span));
  }

  /** Moves to the (first) mark of span `index` and explains it. */
  #goTo(index) {
    if (!this.#p.lessonView.hidden) this.#toggleLesson();
    const m = this.#p.article.querySelector(`mark[data-span="${index}"]`);
    if (!m) return;
    if (this.#hidden.has(m.dataset.kind)) this.#toggleKind(m.dataset.kind, this.#p.legend.querySelector(`[data-kind="${m.dataset.kind}"]`));
    m.focus({ preventScroll: true });
    m.scrollIntoView({ block: 'nearest' });
  }

  #markCurrent(index) {
    for (const m of this.#p.article.querySelectorAll('mark.kashif-current')) m.classList.remove('kashif-current');
    if (index != null) for (const m of this.#p.article.querySelectorAll(`mark[data-span="${index}"]`)) m.classList.add('kashif-current');
  }

  #explainNothing() {
    this.#p.explain.replaceChildren(el('p', { className: 'muted' }, 'Choose a mark in the article, or an item in the panels below, to see what it is and why it was marked.'));
  }

  #rows(rows) {
    return el(
      'dl',
      {},
      rows.map((r) => {
        let value = r.lang ? el('bdi', { lang: r.lang }, r.value) : mixed(r.value);
        if (r.note) value = [value, ` — ${r.note}`];
        if (r.entity != null) {
          const chosen = this.#chosen === r.entity;
          const b = el('button', { type: 'button', className: 'small' }, chosen ? 'Unmark its mentions' : 'Mark all its mentions');
          b.addEventListener('click', () => this.#choose(r.entity));
          value = [value, ' ', b];
        }
        return [el('dt', {}, r.label), el('dd', {}, value)];
      }),
    );
  }

  async #explain(index) {
    const a = this.#view.analysis;
    const span = a.spans[index];
    if (!span) return;
    this.#markCurrent(index);
    const info = C.kindInfo(span.kind);
    const k = await ready;
    const { changes } = k.normalize(span.text);
    const changed = groupChanges(changes.filter((c) => c.step !== 'whitespace'));
    const inside = C.enclosing(a, index).map((j) => {
      const o = a.spans[j];
      const b = el('button', { type: 'button', className: 'small' }, mixed(`Inside: ${C.kindInfo(o.kind).label.toLowerCase()}${o.speaker?.name ? ` by ${o.speaker.name}` : ''}`));
      b.addEventListener('click', () => this.#goTo(j));
      return b;
    });
    this.#p.explain.replaceChildren(
      ...[
        el('h3', {}, el('mark', { className: 'kashif-mark', 'data-kind': span.kind, lang: 'ar' }, info.ar), ` ${info.label}`),
        this.#rows(C.explainRows(a, index)),
        el('p', { className: 'changes' }, changed.length ? 'What the normalizer changed to match it:' : 'The normalizer changed nothing here: it was matched as written.'),
        changed.length ? el('ul', { className: 'plain changes' }, changed.map((c) => el('li', {}, change(c), c.n > 1 ? ` ×${c.n}` : ''))) : null,
        inside.length ? el('p', {}, inside) : null,
      ].filter(Boolean),
    );
  }

  async #explainWord(mark) {
    this.#markCurrent(null);
    const k = await ready;
    const word = mark.textContent;
    const n = k.normalize(word);
    this.#p.explain.replaceChildren(
      el('h3', {}, 'A word the normalizer changed'),
      this.#rows([
        { label: 'As written', value: word, lang: 'ar' },
        { label: 'As matched', value: n.text, lang: 'ar' },
      ]),
      el('ul', { className: 'plain changes' }, n.changes.map((c) => el('li', {}, change(c)))),
    );
  }

  /** Chooses entity `id` (marks all its mentions) or, if it is chosen, clears the choice. */
  #choose(id) {
    const article = this.#p.article;
    for (const m of article.querySelectorAll('mark.kashif-chosen')) m.classList.remove('kashif-chosen');
    for (const b of this.#p.panels.entities.querySelectorAll('button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
    if (this.#chosen === id) {
      this.#chosen = null;
      this.#explainNothing();
      return;
    }
    this.#chosen = id;
    const marks = [...article.querySelectorAll(`mark[data-entity="${id}"]`)];
    for (const m of marks) m.classList.add('kashif-chosen');
    this.#p.panels.entities.querySelector(`button[data-entity="${id}"]`)?.setAttribute('aria-pressed', 'true');
    marks[0]?.scrollIntoView({ block: 'nearest' });
    const a = this.#view.analysis;
    const e = a.entities[id];
    const mentions = a.spans.map((s, i) => ({ s, i })).filter(({ s }) => s.entity === id);
    const spellings = [...new Set(mentions.map(({ s }) => s.text))];
    const first = el('button', { type: 'button', className: 'small' }, 'Go to the first mention');
    first.addEventListener('click', () => this.#goTo(mentions[0].i));
    const clear = el('button', { type: 'button', className: 'small' }, 'Unmark its mentions');
    clear.addEventListener('click', () => this.#choose(id));
    this.#p.explain.replaceChildren(
      el('h3', {}, el('mark', { className: 'kashif-mark', 'data-kind': e.kind, lang: 'ar' }, C.kindInfo(e.kind).ar), ` ${C.kindInfo(e.kind).label}: `, el('span', { lang: 'ar', dir: 'rtl' }, e.name)),
      el('p', {}, `${C.plural(mentions.length, 'mention')} marked in the article with a dashed frame. Written as:`),
      el('ul', { className: 'plain spellings' }, spellings.map((s) => el('li', { lang: 'ar', dir: 'rtl' }, s))),
      el('p', {}, mentions.length ? first : null, ' ', clear),
    );
  }

  // ---- export

  async #export(what) {
    if (!this.#view) return;
    const a = this.#view.analysis;
    if (what === 'json') {
      const k = await ready;
      download(this.#root, 'kashif-analysis.json', 'application/json', C.analysisJson({ analysis: a, text: this.#text, date: this.date, version: k.version() }));
    } else if (what === 'entities') {
      download(this.#root, 'kashif-entities.csv', 'text/csv;charset=utf-8', C.entitiesCsv(a));
    } else {
      download(this.#root, 'kashif-dates.csv', 'text/csv;charset=utf-8', C.datesCsv(a));
    }
  }
}

/** Changes with the same characters and step, once each with their number `n`. */
function groupChanges(changes) {
  const groups = new Map();
  for (const c of changes) {
    const key = `${c.from}\u0000${c.to}\u0000${c.step}`;
    if (groups.has(key)) groups.get(key).n++;
    else groups.set(key, { ...c, n: 1 });
  }
  return [...groups.values()];
}

/** One change as nodes: `ى U+0649 → ي U+064A — Alef maksura`, a removed mark on a dotted circle. */
function change(c) {
  const chars = (s) => [el('bdi', { lang: 'ar', className: 'char' }, [...s].map(visible).join('')), ` ${[...s].map(codePoint).join(' ')}`];
  return [chars(c.from), ' → ', c.to ? chars(c.to) : 'removed', ` — ${C.stepInfo(c.step).label}`];
}

if (!customElements.get('kashif-article')) customElements.define('kashif-article', KashifArticle);
