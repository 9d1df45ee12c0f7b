// The classroom view's plain data (www/classroom.js) under node's test runner: time values and
// their calendar order, the timeline's lanes, CSV quoting and the explanation rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as C from '../../www/classroom.js';

const day = (s) => Date.UTC(...s.split('-').map((n, i) => Number(n) - (i === 1 ? 1 : 0)));

test('time values become calendar intervals with their grain', () => {
  for (const [value, start, end, grain] of [
    ['2022-02-24', '2022-02-24', '2022-02-25', 'day'],
    ['2024-11-15T10:00', '2024-11-15', '2024-11-16', 'day'],
    ['2024-03', '2024-03-01', '2024-04-01', 'month'],
    ['2024-12', '2024-12-01', '2025-01-01', 'month'],
    ['2022', '2022-01-01', '2023-01-01', 'year'],
    ['2024-Q2', '2024-04-01', '2024-07-01', 'quarter'],
    ['2024-H2', '2024-07-01', '2025-01-01', 'half'],
    ['2024-W01', '2024-01-01', '2024-01-08', 'week'], // 1 January 2024 was a Monday
    ['2021-W01', '2021-01-04', '2021-01-11', 'week'], // 2021's first Thursday was 7 January
    ['202X', '2020-01-01', '2030-01-01', 'decade'],
  ]) {
    assert.deepEqual(C.interval(value), { start: day(start), end: day(end), grain }, value);
  }
  for (const value of ['P2Y', 'PAST_REF', 'XXXX-XX-13', 'XXXX-03', '', undefined, 'next week']) assert.equal(C.interval(value), null, String(value));
});

test('time values read in words', () => {
  for (const [value, words] of [
    ['2022-02-24', '24 February 2022'],
    ['XXXX-XX-13', 'day 13 of a month not given'],
    ['XXXX-03-13', '13 March, year not given'],
    ['2024-XX-13', 'day 13 of a month not given, 2024'],
    ['2024-03', 'March 2024'],
    ['2022', 'the year 2022'],
    ['2024-W46', 'week 46 of 2024'],
    ['2024-Q1', 'quarter 1 of 2024'],
    ['202X', 'the 2020s'],
    ['P2Y', '2 years'],
    ['P1M', '1 month'],
    ['PT5M', '5 minutes'],
    ['P3W', '3 weeks'],
    ['PXY', 'some years'],
    ['PAST_REF', 'the past'],
    ['FUTURE_REF', 'the future'],
    ['PRESENT_REF', 'the present'],
    ['something else', ''],
  ]) {
    assert.equal(C.readValue(value), words, value);
  }
});

const span = (kind, start, end, extra = {}) => ({ kind, start, end, text: 'x'.repeat(end - start), source: 'grammar', why: 'w', norm: 'n', ...extra });

test('the calendar orders placed expressions by start, the longer first, and keeps the rest in text order', () => {
  const analysis = {
    entities: [],
    spans: [
      span('date', 0, 2, { value: '2023-03-03' }),
      span('person', 3, 4),
      span('duration', 5, 6, { value: 'P2Y' }),
      span('date', 7, 8, { value: '2022-02' }),
      span('date', 9, 10, { value: '2022-02-24' }),
      span('relative', 11, 12, { value: 'PAST_REF' }),
      span('date', 13, 14, { value: 'XXXX-XX-13' }),
      span('date', 15, 16, { value: '2022' }),
    ],
  };
  const { placed, unplaced } = C.calendar(analysis);
  assert.deepEqual(placed.map((p) => p.span.value), ['2022', '2022-02', '2022-02-24', '2023-03-03']);
  assert.deepEqual(placed.map((p) => p.index), [7, 3, 4, 0]);
  assert.deepEqual(unplaced.map((p) => p.index), [2, 5, 6]);
});

test('the timeline spreads items over its width and stacks overlapping ones in lanes', () => {
  const placed = [C.interval('2022'), C.interval('2022-06-01'), C.interval('2024-01-01')].map((iv, index) => ({ ...iv, index }));
  const t = C.timeline(placed, 100, day('2024-11-15'));
  assert.ok(t.items.every((i) => i.x >= 0 && i.x2 <= 100 && i.x2 > i.x));
  assert.deepEqual(t.items.map((i) => i.lane), [0, 1, 0], 'a day inside a year goes below it');
  assert.ok(t.x(day('2024-11-15')) < 100 && t.x(day('2024-11-15')) > t.items[2].x, 'the publication date is inside');
  assert.equal(C.timeline([], 100), null);
  assert.deepEqual(C.yearTicks(day('2021-06-01'), day('2024-02-01')).map((t) => t.year), [2022, 2023, 2024]);
  assert.deepEqual(C.yearTicks(day('1990-06-01'), day('2024-02-01')).map((t) => t.year), [1995, 2000, 2005, 2010, 2015, 2020]);
});

test('CSV quotes what needs quoting, starts with a byte-order mark, and never lets a cell run as a formula', () => {
  const out = C.csv(['a', 'b'], [
    ['plain', 'with, comma'],
    ['say "hi"', 'two\nlines'],
    ['=HYPERLINK("x")', '+1'],
    ['-2', '@sum'],
    [' padded ', null],
    ['أنتوني بلينكن', 3],
  ]);
  assert.equal(
    out,
    '\uFEFFa,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n"\'=HYPERLINK(""x"")",\'+1\r\n\'-2,\'@sum\r\n" padded ",\r\nأنتوني بلينكن,3\r\n',
  );
});

test('the entity and date tables', () => {
  const analysis = {
    entities: [{ id: 0, kind: 'person', name: 'أنتوني بلينكن', mentions: 2 }],
    spans: [
      span('person', 0, 5, { text: 'بلينكن', entity: 0 }),
      span('date', 6, 8, { text: '24 فبراير 2022', value: '2022-02-24' }),
      span('person', 9, 12, { text: 'أنتونى بلينكين', entity: 0 }),
      span('relative', 13, 14, { text: 'الماضي', value: 'PAST_REF' }),
    ],
  };
  assert.equal(C.entitiesCsv(analysis), '\uFEFFid,kind,name,mentions,spellings\r\n0,person,أنتوني بلينكن,2,بلينكن | أنتونى بلينكين\r\n');
  assert.equal(C.datesCsv(analysis), '\uFEFFkind,text,value,start,end\r\ndate,24 فبراير 2022,2022-02-24,6,8\r\nrelative,الماضي,PAST_REF,13,14\r\n');
  const json = JSON.parse(C.analysisJson({ analysis: { encoding: 'utf-16', ...analysis }, text: 't', date: '', version: '0.1.0' }));
  assert.deepEqual(Object.keys(json), ['kashif', 'date', 'text', 'encoding', 'entities', 'spans']);
  assert.equal(json.date, null);
});

test('a span is explained row by row, and knows the spans around it', () => {
  const analysis = {
    entities: [{ id: 0, kind: 'person', name: 'مارك روته', mentions: 1 }],
    spans: [
      span('quote', 0, 20, { source: 'marks', why: 'a passage in guillemets', speaker: { entity: 0, name: 'مارك روته' }, text: 'نص', norm: 'نص' }),
      span('person', 5, 9, { source: 'lexicon', why: 'lexicon people', entity: 0, text: 'روته', norm: 'روته' }),
      span('date', 10, 12, { value: '2024-03', text: 'مارس 2024', norm: 'مارس 2024' }),
    ],
  };
  const rows = (i) => Object.fromEntries(C.explainRows(analysis, i).map((r) => [r.label, r.note ? `${r.value} — ${r.note}` : r.value]));
  assert.deepEqual(rows(1), {
    Kind: 'Person (شخص) — solid underline',
    Text: 'روته',
    Entity: 'مارك روته — 1 mention',
    'Found by': 'lexicon — a list of known names (lexicon)',
    Why: 'lexicon people',
    'Matched on': 'روته',
  });
  assert.equal(rows(2).Value, '2024-03 — March 2024');
  assert.equal(rows(0).Speaker, 'مارك روته');
  assert.deepEqual(C.enclosing(analysis, 1), [0]);
  assert.deepEqual(C.enclosing(analysis, 0), []);
  assert.equal(C.kindInfo('money').label, 'money', 'a kind not known yet still has an entry');
  assert.equal(C.summary(analysis), '1 entity, 1 time expression, 1 quotation');
  assert.equal(C.clip('أ'.repeat(300)).length, 241);
});
