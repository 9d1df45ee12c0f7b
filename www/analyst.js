// Runs the analysis jobs of the page: in a module worker when the page may start one (same
// origin), on the main thread otherwise (a page opened from disk, a script served from another
// origin, a worker that fails to start). Either way a job resolves to {result, ms, where}.
import { ready } from './wasm.js';

let worker; // undefined: not tried yet; null: unavailable
let seq = 0;
const pending = new Map();

async function onPage(job, text, date) {
  const k = await ready;
  const t0 = performance.now();
  const result = job === 'lesson' ? k.lesson(text) : k.view(text, date ? { date } : {});
  return { result, ms: performance.now() - t0, where: 'page' };
}

function start() {
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
    return;
  }
  worker.addEventListener('message', ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.error != null) p.reject(new Error(data.error));
    else p.resolve({ result: data.result, ms: data.ms, where: 'worker' });
  });
  worker.addEventListener('error', (e) => {
    // The worker could not start or crashed: finish what it was given on the page.
    e.preventDefault();
    worker = null;
    for (const p of pending.values()) onPage(p.job, p.text, p.date).then(p.resolve, p.reject);
    pending.clear();
  });
}

/** Runs `job` ('view' or 'lesson') over `text` with publication `date` (YYYY-MM-DD or ''). */
export function run(job, text, date = '') {
  if (worker === undefined) start();
  if (!worker) return onPage(job, text, date);
  return new Promise((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { job, text, date, resolve, reject });
    worker.postMessage({ id, job, text, date });
  });
}
