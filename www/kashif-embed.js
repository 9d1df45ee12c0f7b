// Kashif for a host page, in one module:
//
//   <script type="module" src="/kashif/kashif-embed.js"></script>
//   <kashif-article date="2024-11-15">…article text…</kashif-article>
//
// defines the element, and
//
//   import { highlight, unhighlight } from '/kashif/kashif-embed.js';
//   const { marks, analysis } = await highlight(document.querySelector('article'), { date: '2024-11-15' });
//   await unhighlight(document.querySelector('article'));
//
// marks an article element of the page in place (its links, markup and listeners untouched) and
// restores it exactly. The marks' style sheet is adopted by the element's document (or shadow
// root) and selects nothing but Kashif's marks.
import './kashif-article.js';
import { adopt } from './styles.js';
import { ready } from './wasm.js';

export { ready };

/** Marks `element` in place; resolves to {text, marks, analysis} (see the wasm `highlight`). */
export async function highlight(element, options = {}) {
  const k = await ready;
  const root = element.getRootNode();
  if ('adoptedStyleSheets' in root) await adopt(root, 'kashif-marks.css');
  return k.highlight(element, options);
}

/** Restores an element `highlight` marked; resolves to whether it was marked. */
export async function unhighlight(element) {
  const k = await ready;
  return k.unhighlight(element);
}
