// The demo page: bundled example articles, pasted text or a .txt file, shown in the
// <kashif-article> classroom view (analysed in the page by the wasm module).
import './kashif-article.js';
import { ready } from './wasm.js';

const $ = (id) => document.getElementById(id);
const article = $('article');

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ?? '';
}

function show(title, text) {
  showError(null);
  $('article-title').textContent = title;
  article.text = text;
}

article.addEventListener('kashif-rendered', () => {
  document.body.dataset.ready = 'true';
});

async function main() {
  const { seeds, version } = await ready;
  $('version').textContent = `Kashif ${version()}`;
  const list = seeds();
  $('seed').replaceChildren(...list.map((s) => Object.assign(document.createElement('option'), { value: s.id, textContent: `${s.title} (${s.date})` })));
  const loadSeed = (seed) => {
    $('date').value = seed.date;
    article.date = seed.date;
    show(seed.title, seed.text);
  };
  $('seed').addEventListener('change', () => loadSeed(list.find((s) => s.id === $('seed').value)));
  $('date').addEventListener('change', () => {
    article.date = $('date').value;
  });
  $('analyze').addEventListener('click', () => show('Pasted text', $('paste').value));
  $('file').addEventListener('change', async () => {
    const file = $('file').files[0];
    if (!file) return;
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      showError(`${file.name} is not UTF-8 text; save it as UTF-8 and open it again.`);
      return;
    }
    show(file.name, text);
  });
  const wanted = new URLSearchParams(location.search).get('seed');
  const seed = list.find((s) => s.id === wanted) ?? list[0];
  $('seed').value = seed.id;
  loadSeed(seed);
}

main().catch((e) => showError(`Kashif could not start: ${e.message}`));
