// Kashif's style sheets as constructable sheets, fetched once from beside this module and
// adopted by shadow roots and documents. No <style> element and no style attribute: the pages
// work under a Content-Security-Policy of style-src 'self'.
const cache = new Map();

/** The sheet `name` (a CSS file beside this module), loaded once. */
export function sheet(name) {
  if (!cache.has(name)) {
    cache.set(
      name,
      fetch(new URL(name, import.meta.url))
        .then((r) => {
          if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
          return r.text();
        })
        .then((css) => {
          const s = new CSSStyleSheet();
          s.replaceSync(css);
          return s;
        }),
    );
  }
  return cache.get(name);
}

/** Adds the sheets `names` to `root` (a document or a shadow root) unless it has them. */
export async function adopt(root, ...names) {
  const sheets = await Promise.all(names.map(sheet));
  const missing = sheets.filter((s) => !root.adoptedStyleSheets.includes(s));
  if (missing.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}
