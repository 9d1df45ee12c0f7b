// The demo page: bundled example articles, pasted text or a .txt file, analysed in the page by
// the wasm module and shown with inline marks, a legend and lists of what was found.
import init, { analyze, seeds, version } from './pkg/kashif.js';
import { KINDS, render } from './render.js';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children); // strings become text nodes
  return e;
};

const state = { text: '', title: '', analysis: null };

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ?? '';
}

function run() {
  const date = $('date').value;
  let analysis;
  const t0 = performance.now();
  try {
    analysis = analyze(state.text, date ? { date } : {});
  } catch (e) {
    showError(`Could not analyze: ${e.message}`);
    return;
  }
  const ms = performance.now() - t0;
  showError(null);
  state.analysis = analysis;
  $('article-title').textContent = state.title;
  render($('article'), state.text, analysis);
  fillLists(analysis);
  const count = (k) => analysis.spans.filter((s) => s.kind === k).length;
  $('status').textContent =
    `${analysis.entities.length} entities, ${count('date') + count('duration') + count('relative')} time expressions, ` +
    `${count('quote')} quotations — analysed in ${ms.toFixed(1)} ms.`;
  document.body.dataset.ready = 'true';
}

function fillLists(a) {
  const text = state.text;
  const groups = $('entities');
  groups.replaceChildren();
  for (const { kind, label } of KINDS.filter((k) => ['person', 'organization', 'location', 'misc'].includes(k.kind))) {
    const list = a.entities.filter((e) => e.kind === kind).sort((x, y) => y.mentions - x.mentions);
    if (!list.length) continue;
    groups.append(
      el('h3', {}, `${label} (${list.length})`),
      el('ul', { className: 'plain' }, ...list.map((e) => el('li', {}, el('mark', { className: `kashif-mark k-${kind}` }, e.name), ` ×${e.mentions}`))),
    );
  }
  const times = a.spans.filter((s) => ['date', 'duration', 'relative'].includes(s.kind));
  $('dates').replaceChildren(...times.map((s) => el('li', {}, el('mark', { className: `kashif-mark k-${s.kind}` }, text.slice(s.start, s.end)), ' ', el('code', { dir: 'ltr' }, s.value ?? '?'))));
  const quotes = a.spans.filter((s) => s.kind === 'quote');
  $('quotes').replaceChildren(
    ...quotes.map((s) => {
      const q = text.slice(s.start, s.end);
      return el('li', {}, el('strong', {}, s.speaker?.name ?? 'متحدث غير محدد'), ': «', q.length > 90 ? `${q.slice(0, 90)}…` : q, '»');
    }),
  );
}

function fillLegend() {
  $('legend').replaceChildren(
    ...KINDS.filter((k) => k.kind !== 'cue' && k.kind !== 'reported').map(({ kind, label, ar, cue }) =>
      el('li', {}, el('mark', { className: `kashif-mark k-${kind}`, lang: 'ar' }, ar), ` ${label} — ${cue}`),
    ),
  );
}

function loadSeed(seed) {
  state.text = seed.text;
  state.title = seed.title;
  $('date').value = seed.date;
  run();
}

async function main() {
  await init();
  $('version').textContent = `Kashif ${version()}`;
  fillLegend();
  const list = seeds();
  $('seed').replaceChildren(...list.map((s) => el('option', { value: s.id }, `${s.title} (${s.date})`)));
  $('seed').addEventListener('change', () => loadSeed(list.find((s) => s.id === $('seed').value)));
  $('date').addEventListener('change', run);
  $('analyze').addEventListener('click', () => {
    state.text = $('paste').value;
    state.title = 'Pasted text';
    run();
  });
  $('file').addEventListener('change', async () => {
    const file = $('file').files[0];
    if (!file) return;
    try {
      state.text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      showError(`${file.name} is not UTF-8 text; save it as UTF-8 and open it again.`);
      return;
    }
    state.title = file.name;
    run();
  });
  const wanted = new URLSearchParams(location.search).get('seed');
  loadSeed(list.find((s) => s.id === wanted) ?? list[0]);
}

main().catch((e) => showError(`Kashif could not start: ${e.message}`));
