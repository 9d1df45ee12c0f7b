// The wasm module, started once per page and shared by the element, the in-place highlighter and
// the demo: `await ready` resolves to the module's exports (analyze, view, lesson, normalize,
// textOf, highlight, unhighlight, seeds, version).
import init, * as kashif from './pkg/kashif.js';

export const ready = init().then(() => kashif);
