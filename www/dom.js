// Small DOM helpers shared by the element and the demo. Text goes in only as text nodes.

/** `el('p', {className: 'x'}, 'text', child)`: strings become text nodes, never markup. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'className' || k === 'hidden' || k === 'type' || k === 'id') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return e;
}

/** An SVG element with attributes (geometry as attributes: no style, CSP-safe). */
export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

/**
 * Builds one piece of a layout from `view()` or `lesson()`: follows `ops` from `from` to `to`
 * (0 from to: put text.slice(from, to); 1 i: open mark(i); 2: close) and returns a fragment.
 */
export function build(text, ops, from, to, mark) {
  const frag = document.createDocumentFragment();
  const open = [frag];
  for (let i = from; i < to; ) {
    const op = ops[i];
    if (op === 0) {
      open[open.length - 1].append(text.slice(ops[i + 1], ops[i + 2]));
      i += 3;
    } else if (op === 1) {
      const m = mark(ops[i + 1]);
      open[open.length - 1].append(m);
      open.push(m);
      i += 2;
    } else {
      open.pop();
      i += 1;
    }
  }
  return frag;
}

/**
 * Lets the page paint, handle input and run its own timers before the next piece of work: the
 * rest goes behind whatever the page has queued (scheduler.yield() would jump ahead of the
 * host page's timers).
 */
export function yieldToPage() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Offers `content` as a file download named `name`. */
export function download(root, name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s،]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/g;

/** A mixed English and Arabic string as nodes: each Arabic run in a <bdi lang="ar">, so it gets the Arabic face and keeps its direction. */
export function mixed(text) {
  const out = [];
  let at = 0;
  for (const m of text.matchAll(ARABIC_RUN)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(el('bdi', { lang: 'ar' }, m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A character as a reader can see it: a combining mark on a dotted circle (◌َ), anything else as it is. */
export function visible(ch) {
  return /^\p{M}/u.test(ch) ? `\u25CC${ch}` : ch;
}
