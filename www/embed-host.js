// The news site's own script: it imports Kashif, marks the story in place when the page loads,
// and lets the reader switch the marks off and on. (The <kashif-article> further down needs
// nothing more than the import.)
import { highlight, unhighlight } from './kashif-embed.js';

const story = document.getElementById('story-body');
const toggle = document.getElementById('kashif-toggle');
const summary = document.getElementById('kashif-summary');

function state(marked, text) {
  toggle.setAttribute('aria-pressed', String(marked));
  toggle.textContent = marked ? 'أخفِ علامات كاشف' : 'أظهر علامات كاشف';
  summary.textContent = text;
  document.body.dataset.kashif = marked ? 'marked' : 'plain';
}

async function mark() {
  const { marks, analysis } = await highlight(story, { date: story.dataset.date });
  state(true, `علامات كاشف: ${marks} · الكيانات: ${analysis.entities.length}`);
}

async function clear() {
  await unhighlight(story);
  state(false, '');
}

toggle.addEventListener('click', () => (toggle.getAttribute('aria-pressed') === 'true' ? clear() : mark()));
mark().catch((e) => state(false, `تعذر تشغيل كاشف: ${e.message}`));
