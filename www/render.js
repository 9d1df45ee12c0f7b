// Builds the marked-up article from the analysis: one sweep over the spans, text inserted only as
// text nodes, never as markup. Spans may nest (an entity inside a quote); a span that crosses
// another's boundary is split into several marks that share its data-span index.

/** Kinds in display order, with their label and the second, non-colour cue of each. */
export const KINDS = [
  { kind: 'person', label: 'Person', ar: 'شخص', cue: 'solid underline' },
  { kind: 'organization', label: 'Organization', ar: 'منظمة', cue: 'double underline' },
  { kind: 'location', label: 'Place', ar: 'مكان', cue: 'dotted underline' },
  { kind: 'misc', label: 'Other name', ar: 'اسم آخر', cue: 'dashed underline' },
  { kind: 'date', label: 'Date', ar: 'تاريخ', cue: 'wavy underline' },
  { kind: 'duration', label: 'Duration', ar: 'مدة', cue: 'wavy underline' },
  { kind: 'relative', label: 'Vague time', ar: 'زمن نسبي', cue: 'wavy underline' },
  { kind: 'quote', label: 'Quotation', ar: 'اقتباس', cue: 'thick bar below' },
  { kind: 'cue', label: 'Speech cue', ar: 'فعل القول', cue: 'overline' },
  { kind: 'reported', label: 'Reported speech', ar: 'كلام منقول', cue: 'thin bar below' },
];

/** Outer spans first: by start, then longest, then input order. */
function order(spans) {
  return spans
    .map((s, i) => ({ ...s, index: i }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
}

/** A short explanation of a span, for its tooltip. */
export function explain(span, analysis) {
  const parts = [span.kind];
  if (span.entity != null && analysis.entities[span.entity]) parts.push(`→ ${analysis.entities[span.entity].name}`);
  if (span.value) parts.push(`= ${span.value}`);
  if (span.speaker) parts.push(`speaker: ${span.speaker.name ?? 'not attributed'}`);
  if (span.why) parts.push(`(${span.why})`);
  return parts.join(' ');
}

/**
 * Renders `text` with the spans of `analysis` into `target` (its children are replaced).
 * Returns the number of mark elements made.
 */
export function render(target, text, analysis) {
  const spans = order(analysis.spans);
  // Elementary segments between consecutive boundaries, each with the spans covering it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  const open = []; // [{span, el}] outermost first
  let marks = 0;
  let next = 0; // index into spans of the first not yet started
  const active = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const [from, to] = [bounds[b], bounds[b + 1]];
    while (next < spans.length && spans[next].start <= from) active.push(spans[next++]);
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= from) active.splice(i, 1);
    // `active` keeps the outer-first order of `spans`.
    let keep = 0;
    while (keep < open.length && keep < active.length && open[keep].span === active[keep]) keep++;
    open.length = keep;
    for (let i = keep; i < active.length; i++) {
      const s = active[i];
      const el = document.createElement('mark');
      el.className = `kashif-mark k-${s.kind}`;
      el.dataset.kind = s.kind;
      el.dataset.span = String(s.index);
      el.title = explain(analysis.spans[s.index], analysis);
      (open.length ? open[open.length - 1].el : frag).appendChild(el);
      open.push({ span: s, el });
      marks++;
    }
    const node = document.createTextNode(text.slice(from, to));
    (open.length ? open[open.length - 1].el : frag).appendChild(node);
  }
  target.replaceChildren(frag);
  return marks;
}
