// Analyses off the main thread: a module worker with its own copy of the wasm module. A request
// is {id, job: 'view' | 'lesson', text, date}; the answer is {id, result, ms} or {id, error}. The
// layout's typed arrays are transferred, not copied.
import init, { lesson, view } from './pkg/kashif.js';

const ready = init();

self.addEventListener('message', async ({ data: { id, job, text, date } }) => {
  try {
    await ready;
    const t0 = performance.now();
    const result = job === 'lesson' ? lesson(text) : view(text, date ? { date } : {});
    const ms = performance.now() - t0;
    self.postMessage({ id, result, ms }, [result.ops.buffer, result.pieces.buffer]);
  } catch (e) {
    self.postMessage({ id, error: e?.message ?? String(e) });
  }
});
