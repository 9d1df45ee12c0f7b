// The wasm module under node's test runner: the same www/pkg files the page loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = new URL('../../www/pkg/', import.meta.url);
const { default: init, analyze, lesson, normalize, seeds, version, view } = await import(new URL('kashif.js', pkg));
await init({ module_or_path: readFileSync(fileURLToPath(new URL('kashif_bg.wasm', pkg))) });

const cargoVersion = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8').match(/^version = "(.+)"/m)[1];

test('version() is the crate version', () => {
  assert.equal(version(), cargoVersion);
});

test('seeds() lists the bundled articles with title, date and text', () => {
  const list = seeds();
  assert.ok(list.length >= 1);
  const first = list.find((s) => s.id === '000_e959e6794c9202b4');
  assert.ok(first, 'the example article is bundled');
  assert.equal(first.date, '2024-11-15');
  assert.ok(first.text.startsWith(first.title));
});

test('analyze() returns the contract with UTF-16 offsets that slice back to the text', () => {
  // An emoji (two UTF-16 units), diacritics and tatweel before the spans.
  const text = '😀 قَالَ الرئيـــس فى بِرُوكْسِل يوم 24 فبراير 2022 إن «روسيا ستدفع ثمن هذا العدوان» 👍🏽 وبوتين';
  const out = analyze(text, { date: '2024-11-15' });
  assert.equal(out.encoding, 'utf-16');
  const kinds = new Set(out.spans.map((s) => s.kind));
  for (const k of ['location', 'date', 'quote', 'person']) assert.ok(kinds.has(k), `a ${k} span in ${JSON.stringify(out.spans)}`);
  for (const s of out.spans) {
    assert.equal(text.slice(s.start, s.end), s.text, `span ${JSON.stringify(s)}`);
  }
  const brussels = out.spans.find((s) => s.kind === 'location');
  assert.equal(text.slice(brussels.start, brussels.end), 'بِرُوكْسِل');
  assert.equal(out.spans.find((s) => s.kind === 'date').value, '2022-02-24');
  const putin = out.spans.find((s) => s.kind === 'person');
  assert.equal(out.entities[putin.entity].name, 'فلاديمير بوتين');
});

test('the example article analyses with every kind of mark', () => {
  const seed = seeds()[0];
  const out = analyze(seed.text, { date: seed.date });
  const kinds = new Set(out.spans.map((s) => s.kind));
  for (const k of ['person', 'organization', 'location', 'date', 'quote']) assert.ok(kinds.has(k), k);
  for (const s of out.spans) assert.equal(seed.text.slice(s.start, s.end), s.text);
});

test('options are optional; bad ones are clear errors', () => {
  assert.deepEqual(analyze('', undefined).spans, []);
  assert.deepEqual(analyze('').spans, []);
  assert.deepEqual(analyze('روسيا', null).spans.length, 1);
  assert.deepEqual(analyze('روسيا', {}).spans.length, 1);
  assert.throws(() => analyze('روسيا', { date: '2024-13-01' }), /bad date "2024-13-01"/);
  assert.throws(() => analyze('روسيا', { date: 20241115 }), /options.date must be a string/);
  assert.throws(() => analyze('روسيا', 'tomorrow'), /options must be an object/);
  assert.throws(() => analyze('روسيا', { rulesOnly: 'yes' }), /options.rulesOnly must be true or false/);
});

test('rulesOnly leaves the entity model out: the names only it finds go, the lexicons\' stay', () => {
  // A name no lexicon lists, after no title: the model's alone.
  const text = 'وقال المتحدث أحمد أبو زيد إن الوزير سيزور بيروت.';
  const sources = (opts) => analyze(text, opts).spans.filter((s) => s.kind === 'person' || s.kind === 'location').map((s) => `${s.text}:${s.source}`);
  const whole = sources({ date: '2024-11-15' });
  const rules = sources({ date: '2024-11-15', rulesOnly: true });
  assert.ok(whole.some((s) => s.endsWith(':model')), whole.join(' '));
  assert.ok(!rules.some((s) => s.endsWith(':model')), rules.join(' '));
  assert.ok(rules.includes('بيروت:lexicon'), rules.join(' '));
  assert.deepEqual(sources({ date: '2024-11-15', rulesOnly: false }), whole);
});

test('markup in the text is text: offsets count it, nothing is interpreted', () => {
  const text = '<script>alert(1)</script> روسيا <img src=x onerror=alert(2)>';
  const out = analyze(text);
  assert.equal(out.spans.length, 1);
  assert.equal(text.slice(out.spans[0].start, out.spans[0].end), 'روسيا');
});

test('lone surrogates keep UTF-16 offsets aligned', () => {
  const text = '\uD800 روسيا \uDC00 وأوكرانيا';
  const out = analyze(text);
  assert.deepEqual(out.spans.map((s) => text.slice(s.start, s.end)), ['روسيا', 'أوكرانيا']);
});

/** Follows a layout's ops (see src/view/layout.rs) over `text`: the text put and each mark's text. */
function follow(text, { ops, pieces }) {
  let put = '';
  const marks = new Map();
  for (let p = 0; p < pieces.length; p += 2) {
    const open = [];
    for (let i = pieces[p]; i < pieces[p + 1]; ) {
      if (ops[i] === 0) {
        const t = text.slice(ops[i + 1], ops[i + 2]);
        put += t;
        for (const m of open) marks.set(m, (marks.get(m) ?? '') + t);
        i += 3;
      } else if (ops[i] === 1) {
        open.push(ops[i + 1]);
        i += 2;
      } else {
        assert.ok(open.pop() !== undefined, 'a close has an open');
        i += 1;
      }
    }
    assert.equal(open.length, 0, `piece ${p / 2} is balanced`);
  }
  return { put, marks };
}

test('view() lays the analysis out over chunks: every chunk rebuilds the text, every span its marks', () => {
  const seed = seeds()[0];
  // Long enough for several 16 KiB chunks, with an emoji before the spans to count UTF-16 units.
  const text = `😀 ${seed.text}\n\n`.repeat(4);
  const v = view(text, { date: seed.date });
  assert.ok(v.ops instanceof Uint32Array && v.pieces instanceof Uint32Array);
  assert.deepEqual(v.analysis, analyze(text, { date: seed.date }));
  assert.ok(v.pieces.length / 2 >= 3, `${v.pieces.length / 2} chunks`);
  const { put, marks } = follow(text, v);
  assert.equal(put, text);
  assert.equal(marks.size, v.analysis.spans.length);
  for (const [i, t] of marks) assert.equal(t, v.analysis.spans[i].text);
  assert.throws(() => view(text, { date: 'soon' }), /bad date "soon"/);
  assert.deepEqual(view('', {}).pieces, new Uint32Array());
});

test('normalize() says what each character became, in UTF-16 offsets of the original', () => {
  const text = '😀 فِى ١٣ أيار';
  const n = normalize(text);
  assert.equal(n.text, '😀 في 13 ايار');
  assert.deepEqual(n.changes.map((c) => [text.slice(c.start, c.end), c.from, c.to, c.step]), [
    ['\u0650', '\u0650', '', 'diacritics'],
    ['ى', 'ى', 'ي', 'alef_maksura'],
    ['١', '١', '1', 'digits'],
    ['٣', '٣', '3', 'digits'],
    ['أ', 'أ', 'ا', 'alef'],
  ]);
});

test('lesson() counts the changes per step and lays the changed words out as marks', () => {
  const text = 'فى الأمم المتحدة يوم ١٣ أيار، قال الرئيـــس.';
  const l = lesson(text);
  assert.deepEqual(l.steps.map((s) => [s.step, s.count]), [['alef', 2], ['alef_maksura', 1], ['teh_marbuta', 1], ['yeh_hamza', 1], ['tatweel', 3], ['digits', 2]]);
  assert.deepEqual(l.steps.find((s) => s.step === 'alef').examples, [{ text: 'الأمم', norm: 'الامم' }, { text: 'أيار', norm: 'ايار' }]);
  const { put, marks } = follow(text, l);
  assert.equal(put, text);
  assert.equal(l.words, marks.size);
  assert.deepEqual([...marks.values()], ['فى', 'الأمم', 'المتحدة', '١٣', 'أيار', 'الرئيـــس']);
});
