// The wasm module under node's test runner: the same www/pkg files the page loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = new URL('../../www/pkg/', import.meta.url);
const { default: init, analyze, seeds, version } = await import(new URL('kashif.js', pkg));
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
