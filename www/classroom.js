// What the classroom view says about an analysis, as plain data: kinds and their cues, what each
// source and normalization step means, time values in calendar order, CSV and JSON exports.
// No DOM here: node's test runner imports this module as it is (tests/js/classroom.test.mjs).

/** Span kinds in display order: label, Arabic name and the second, non-colour cue of each. */
export const KINDS = [
  { kind: 'person', label: 'Person', ar: 'شخص', cue: 'solid underline' },
  { kind: 'organization', label: 'Organization', ar: 'منظمة', cue: 'double underline' },
  { kind: 'location', label: 'Place', ar: 'مكان', cue: 'dotted underline' },
  { kind: 'misc', label: 'Other name', ar: 'اسم آخر', cue: 'dashed underline' },
  { kind: 'role', label: 'Role', ar: 'منصب', cue: 'lines above and below' },
  { kind: 'date', label: 'Date', ar: 'تاريخ', cue: 'wavy underline' },
  { kind: 'duration', label: 'Duration', ar: 'مدة', cue: 'wavy overline' },
  { kind: 'relative', label: 'Vague time', ar: 'زمن مبهم', cue: 'wavy lines above and below' },
  { kind: 'quote', label: 'Quotation', ar: 'اقتباس', cue: 'thick bar below' },
  { kind: 'cue', label: 'Speech verb', ar: 'فعل القول', cue: 'overline' },
  { kind: 'reported', label: 'Reported speech', ar: 'كلام منقول', cue: 'thin bar below' },
];

/** The entry of `kind`; a kind the table does not know yet gets a plain one (dotted outline). */
export function kindInfo(kind) {
  return KINDS.find((k) => k.kind === kind) ?? { kind, label: kind, ar: kind, cue: 'dotted outline' };
}

export const ENTITY_KINDS = ['person', 'organization', 'location', 'misc'];
export const TIME_KINDS = ['date', 'duration', 'relative'];
export const SPEECH_KINDS = ['quote', 'reported'];

/** What found a span, in words a student can follow. */
export const SOURCES = {
  lexicon: 'a list of known names (lexicon)',
  rule: 'a hand-written rule about the words around it',
  model: 'a statistical model learned from annotated text',
  grammar: 'the grammar of time expressions (numbers, month names, ordinals)',
  marks: 'quotation marks around the passage',
  cue: 'a speech verb such as قال or أضاف',
};

/** What each normalization step does, with its code points (the same table as src/normalize). */
export const STEPS = {
  alef: { label: 'Alef forms', what: 'hamza and madda on alef become bare alef: أ إ آ ٱ → ا' },
  alef_maksura: { label: 'Alef maksura', what: 'final ى (U+0649) is read as ي (U+064A)' },
  teh_marbuta: { label: 'Teh marbuta', what: 'ة (U+0629) is read as ه (U+0647)' },
  waw_hamza: { label: 'Hamza on waw', what: 'ؤ (U+0624) becomes و' },
  yeh_hamza: { label: 'Hamza on yeh', what: 'ئ (U+0626) becomes ي' },
  persian: { label: 'Persian letters', what: 'ی ۍ ې → ي, ک → ك, ە → ه' },
  diacritics: { label: 'Diacritics', what: 'harakat, tanwin, shadda, sukun and Quranic marks are removed (U+064B–U+065F, U+0670, …)' },
  tatweel: { label: 'Tatweel', what: 'the kashida ـ (U+0640) that stretches a word is removed' },
  invisible: { label: 'Invisible marks', what: 'zero-width and direction marks are removed (U+200B–U+200F, U+061C, …)' },
  digits: { label: 'Digits', what: 'Arabic-Indic ٠–٩ and Persian ۰–۹ digits become 0–9' },
  presentation: { label: 'Presentation forms', what: 'ligatures and positional forms become their letters: ﻻ → لا' },
  whitespace: { label: 'White space', what: 'a run of spaces becomes one space, or one line break' },
  latin_case: { label: 'Latin case', what: 'A–Z become a–z' },
};

export function stepInfo(step) {
  return STEPS[step] ?? { label: step, what: '' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY = 86400000;
const utc = (y, m = 1, d = 1) => Date.UTC(y, m - 1, d);

/**
 * The calendar interval of a time value: `{start, end, grain}` in milliseconds since the epoch,
 * `end` exclusive; `null` for a value that is not a fixed stretch of the calendar (a duration,
 * a vague reference, a date with unknown parts such as XXXX-XX-13).
 */
export function interval(value) {
  if (typeof value !== 'string') return null;
  let m;
  if ((m = value.match(/^(\d{4})-(\d{2})-(\d{2})(T.*)?$/))) {
    const start = utc(+m[1], +m[2], +m[3]);
    return { start, end: start + DAY, grain: 'day' };
  }
  if ((m = value.match(/^(\d{4})-W(\d{2})$/))) {
    // ISO week 1 holds the year's first Thursday; weeks start on Monday.
    const jan4 = utc(+m[1], 1, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const start = monday + (+m[2] - 1) * 7 * DAY;
    return { start, end: start + 7 * DAY, grain: 'week' };
  }
  if ((m = value.match(/^(\d{4})-(\d{2})$/))) return { start: utc(+m[1], +m[2]), end: utc(+m[1], +m[2] + 1), grain: 'month' };
  if ((m = value.match(/^(\d{4})-Q([1-4])$/))) return { start: utc(+m[1], 3 * m[2] - 2), end: utc(+m[1], 3 * m[2] + 1), grain: 'quarter' };
  if ((m = value.match(/^(\d{4})-H([12])$/))) return { start: utc(+m[1], 6 * m[2] - 5), end: utc(+m[1], 6 * m[2] + 1), grain: 'half' };
  if ((m = value.match(/^(\d{4})$/))) return { start: utc(+m[1]), end: utc(+m[1] + 1), grain: 'year' };
  if ((m = value.match(/^(\d{3})X$/))) return { start: utc(+m[1] * 10), end: utc(+m[1] * 10 + 10), grain: 'decade' };
  return null;
}

const REFS = { PAST_REF: 'the past', PRESENT_REF: 'the present', FUTURE_REF: 'the future' };
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MIN: 'minute', S: 'second' };

/** A time value in words: 2022-02-24 → "24 February 2022", P2Y → "2 years". */
export function readValue(value) {
  if (typeof value !== 'string') return '';
  if (REFS[value]) return REFS[value];
  let m;
  if ((m = value.match(/^(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)(T.*)?$/))) {
    // Parts the text leaves open (no publication date to resolve against) are X.
    const [y, mo, d] = [m[1], m[2], m[3]].map((p) => (p.includes('X') ? null : +p));
    const year = y ? ` ${y}` : ', year not given';
    if (d && mo) return `${d} ${MONTHS[mo - 1]}${year}`;
    if (d) return `day ${d} of a month not given${y ? `, ${y}` : ''}`;
    return mo ? `${MONTHS[mo - 1]}${year}, day not given` : 'a day not given';
  }
  if ((m = value.match(/^(\d{4})-(\d{2})$/))) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = value.match(/^(\d{4})-W(\d{2})$/))) return `week ${+m[2]} of ${m[1]}`;
  if ((m = value.match(/^(\d{4})-Q([1-4])$/))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = value.match(/^(\d{4})-H([12])$/))) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = value.match(/^(\d{4})$/))) return `the year ${m[1]}`;
  if ((m = value.match(/^(\d{3})X$/))) return `the ${m[1]}0s`;
  if ((m = value.match(/^PT?(\d+(?:\.\d+)?|X)(Y|M|W|D|H|MIN|S)$/))) {
    const unit = UNITS[m[2]] === 'month' && value.startsWith('PT') ? 'minute' : UNITS[m[2]];
    if (m[1] === 'X') return `some ${unit}s`;
    return `${m[1]} ${unit}${m[1] === '1' ? '' : 's'}`;
  }
  return '';
}

/**
 * The time expressions of an analysis: `placed` (a calendar interval, in calendar order: by
 * start, the longer first, then text order) and `unplaced` (durations, vague references, dates
 * with unknown parts, in text order). Items are `{span, index, start?, end?, grain?}`.
 */
export function calendar(analysis) {
  const placed = [];
  const unplaced = [];
  analysis.spans.forEach((span, index) => {
    if (!TIME_KINDS.includes(span.kind)) return;
    const iv = span.kind === 'date' ? interval(span.value) : null;
    (iv ? placed : unplaced).push({ span, index, ...iv });
  });
  placed.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  return { placed, unplaced };
}

/**
 * Lays placed items out on a timeline `width` units wide: `{from, to, items: [{x, x2, lane}]}`,
 * the publication date (ms, optional) inside the range; lanes keep items from overlapping.
 */
export function timeline(placed, width, published) {
  if (!placed.length) return null;
  let from = Math.min(...placed.map((p) => p.start));
  let to = Math.max(...placed.map((p) => p.end));
  if (published != null) {
    from = Math.min(from, published);
    to = Math.max(to, published + DAY);
  }
  const pad = Math.max((to - from) * 0.04, DAY);
  from -= pad;
  to += pad;
  const x = (t) => ((t - from) / (to - from)) * width;
  const lanes = []; // the right edge of the last item in each lane
  const items = placed.map((p) => {
    const [x1, x2] = [x(p.start), Math.max(x(p.end), x(p.start) + 4)];
    let lane = lanes.findIndex((edge) => edge + 6 <= x1);
    if (lane < 0) lane = lanes.push(0) - 1;
    lanes[lane] = x2;
    return { ...p, x: x1, x2, lane };
  });
  return { from, to, x, lanes: lanes.length, items };
}

/** Years worth a tick between `from` and `to` (ms): every year, or every 2, 5, 10… when many. */
export function yearTicks(from, to) {
  const [y0, y1] = [new Date(from).getUTCFullYear() + 1, new Date(to).getUTCFullYear()];
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => (y1 - y0) / s <= 8) ?? 100;
  const ticks = [];
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) ticks.push({ year: y, at: utc(y) });
  return ticks;
}

/** The date `YYYY-MM-DD` in ms, or null. */
export function dayOf(date) {
  const iv = interval(date);
  return iv?.grain === 'day' ? iv.start : null;
}

/**
 * CSV text (RFC 4180, CRLF, with a byte-order mark so spreadsheets read the Arabic as UTF-8).
 * A cell that a spreadsheet would take for a formula (= + - @ at its start) gets a leading
 * apostrophe: article text must never run as a formula.
 */
export function csv(header, rows) {
  const cell = (v) => {
    let s = v == null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The entity table: id, kind, canonical name, mentions, and the spellings the text uses. */
export function entitiesCsv(analysis) {
  const spellings = new Map();
  for (const s of analysis.spans) {
    if (s.entity == null || !ENTITY_KINDS.includes(s.kind)) continue;
    if (!spellings.has(s.entity)) spellings.set(s.entity, new Set());
    spellings.get(s.entity).add(s.text);
  }
  return csv(
    ['id', 'kind', 'name', 'mentions', 'spellings'],
    analysis.entities.map((e) => [e.id, e.kind, e.name, e.mentions, [...(spellings.get(e.id) ?? [])].join(' | ')]),
  );
}

/** The date table: every time expression in text order with its value and offsets. */
export function datesCsv(analysis) {
  const rows = analysis.spans.filter((s) => TIME_KINDS.includes(s.kind)).map((s) => [s.kind, s.text, s.value ?? '', s.start, s.end]);
  return csv(['kind', 'text', 'value', 'start', 'end'], rows);
}

/** The whole analysis as JSON: the output contract with the text, its date and the version. */
export function analysisJson({ analysis, text, date, version }) {
  return `${JSON.stringify({ kashif: version, date: date || null, text, ...analysis }, null, 2)}\n`;
}

/**
 * The rows explaining span `index`: `[{label, value, lang?, note?, entity?}]` — kind, text,
 * canonical entity (with its number of mentions as a note), value, speaker, what found it and
 * why, the normalized form. `lang: 'ar'` marks a value that is Arabic text; `entity` an entity
 * the row can choose.
 */
export function explainRows(analysis, index) {
  const span = analysis.spans[index];
  const info = kindInfo(span.kind);
  const rows = [{ label: 'Kind', value: `${info.label} (${info.ar}) — ${info.cue}` }];
  rows.push({ label: 'Text', value: clip(span.text), lang: 'ar' });
  const entity = span.entity != null ? analysis.entities[span.entity] : null;
  if (entity) rows.push({ label: 'Entity', value: entity.name, lang: 'ar', note: plural(entity.mentions, 'mention'), entity: entity.id });
  if (span.value) {
    const words = readValue(span.value);
    rows.push({ label: 'Value', value: words ? `${span.value} — ${words}` : span.value });
  }
  if (span.speaker) rows.push({ label: 'Speaker', value: span.speaker.name ?? 'not attributed', lang: span.speaker.name ? 'ar' : undefined, entity: span.speaker.entity ?? undefined });
  if (span.source) rows.push({ label: 'Found by', value: `${span.source} — ${SOURCES[span.source] ?? 'another method'}` });
  if (span.why) rows.push({ label: 'Why', value: span.why });
  if (span.norm != null) rows.push({ label: 'Matched on', value: clip(span.norm), lang: 'ar' });
  return rows;
}

/** Long passages (quotations) are shown in part. */
export function clip(text, max = 240) {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The spans (indexes) that contain span `index`, outermost first. */
export function enclosing(analysis, index) {
  const s = analysis.spans[index];
  return analysis.spans
    .map((o, i) => ({ o, i }))
    .filter(({ o, i }) => i !== index && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start)
    .sort((a, b) => a.o.start - b.o.start || b.o.end - a.o.end)
    .map(({ i }) => i);
}

/** A count with its noun: 1 quotation, 3 quotations. */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The one-line summary of an analysis. */
export function summary(analysis) {
  const count = (kinds) => analysis.spans.filter((s) => kinds.includes(s.kind)).length;
  return `${plural(analysis.entities.length, 'entity', 'entities')}, ${plural(count(TIME_KINDS), 'time expression')}, ${plural(count(['quote']), 'quotation')}`;
}
