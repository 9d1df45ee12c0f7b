//! A trained entity model: a linear-chain CRF over the tokens that finds the names of people,
//! places, organizations and other named things (misc) that no lexicon lists.
//!
//! The model reads the document as the entity stage sees it (its words looked up in the stage's
//! tables, and what the stage's lexicons and rules kept), each line as one sequence: it computes
//! the [`features`] of every token (the word, its stems after proclitics, its letters, the
//! lexicons' verdicts and the rules' names, trigger words nearby, what the word's other
//! occurrences say), scores each label of each token with the model's weights, and decodes the
//! best labelling under the [`crf`] transitions (B-/I- tags: never an ill-formed name). A name's
//! confidence is the least probability, over its tokens, of the label decoding chose (from the
//! forward-backward marginals). Then, one sense per text: a name found surely in one line is
//! found again where another line's labelling left it out ([`ModelSpan::elsewhere`]); and a name
//! found with less than even confidence is left out. Its names join the entity stage's
//! candidates (see [`crate::entities`]).
//!
//! The model is trained by `kashif train` ([`train`]) on ANERcorp (CC BY-SA 4.0, Benajiba et al.
//! 2007; CAMeL Lab split, Obeid et al. 2020), and stored in `data/model/ner.bin` ([`format`]):
//! L1-regularized training leaves most weights at zero, the rest are quantized to one byte. The
//! model file is therefore a derivative of ANERcorp under CC BY-SA 4.0 (`data/model/README.md`).
//!
//! ```
//! use kashif::{doc::Doc, model, Kind};
//!
//! let text = "وقال المتحدث باسم وزارة الخارجية أحمد أبو زيد إن الوزير سيزور بيروت.";
//! let doc = Doc::new(text);
//! let names: Vec<(Kind, &str)> = model::tag(&doc).iter().map(|s| (s.kind, &text[s.original.clone()])).collect();
//! assert!(names.contains(&(Kind::Location, "بيروت")), "{names:?}");
//! ```

pub mod crf;
pub mod features;
pub mod format;
pub mod freq;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use std::ops::Range;
use std::sync::LazyLock;

use crate::doc::Doc;
use crate::entities::scan::{Candidate, Ctx, Tier, Why, BARE};
use crate::entities::tables::{class, TABLES};
use crate::entities;
use crate::fxhash::FxHashMap;
use crate::span::{Kind, Span};
use crate::tokenize::{Reading, TokenKind};
use crf::{Chain, ForwardBackward, Labels, Tag};
use format::{FormatError, Stored};

/// A name the model found.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelSpan {
    pub kind: Kind,
    /// The byte range in the normalized text (without leading proclitics).
    pub norm: Range<usize>,
    /// The byte range in the original text.
    pub original: Range<usize>,
    /// The probability, under the model, of the least certain label of the name (0 to 1).
    pub confidence: f32,
    /// The tokens of the name (indices into [`Doc::tokens`]).
    pub tokens: Range<usize>,
    /// The reading of its first token: the name starts after its proclitics.
    pub first: Reading,
    /// Found, or given its kind, as the same word as a name the model found surely elsewhere in
    /// the text (with that name's confidence), not by the labelling of its own line.
    pub elsewhere: bool,
}

impl ModelSpan {
    /// The confidence in percent.
    pub fn percent(&self) -> u8 {
        (self.confidence * 100.0).round() as u8
    }

    /// The span the model alone would report, with `source` "model".
    pub fn span(&self, doc: &Doc) -> Span {
        doc.span(self.kind, self.norm.clone(), "model", explain(self.percent(), self.elsewhere))
    }

    /// The name as a candidate of the entity stage, named by the lexicon entry whose name it
    /// is, if any.
    pub fn candidate<'d>(&self, ctx: &Ctx<'d, '_>) -> Candidate<'d> {
        let (start, end) = (self.tokens.start, self.tokens.end);
        let entry = ctx.names[start]
            .filter(|m| m.end == end && m.first == self.first && ctx.t.entries[m.hit.entry as usize].kind == self.kind)
            .map(|m| m.hit.entry);
        Candidate {
            kind: self.kind,
            start,
            end,
            first: self.first,
            tier: Tier::Model,
            entry,
            needs_context: false,
            source: "model",
            why: Why::Model(self.percent(), self.elsewhere),
        }
    }
}

/// Why the model found a name, in words: its confidence, and whether it found it as the same
/// word as a name it found surely elsewhere.
pub fn explain(percent: u8, elsewhere: bool) -> String {
    if elsewhere {
        format!("entity model: the same word is a name elsewhere in the text ({percent}% sure there)")
    } else {
        format!("entity model ({percent}% sure)")
    }
}

/// A loaded model: the labels, the transitions and a hash table of emission weights.
#[derive(Debug)]
pub struct Model {
    labels: Labels,
    chain: Chain,
    scale: f32,
    /// Open addressing over the feature keys: each slot holds a key (0 = empty) and its weights,
    /// sixteen bytes, so that a found feature costs one read of memory.
    slots: Vec<Slot>,
    /// A byte for each slot: 0 when empty, else a few bits of its key ([`Model::tag_of`]). Most
    /// features of a text are not in the model; these bytes, small enough to stay in the cache,
    /// turn them away without reading the slots.
    tags: Vec<u8>,
    /// The weights of the one-byte features, by [`features::Small`] code.
    small: Vec<Wide>,
}

/// A feature's key and its weights, one a label (the lanes past the labels are zero).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    weights: Row,
}

/// A feature's weights.
type Row = [i8; 12];

/// Weights summed, label by label.
type Sum = [i32; 12];

/// Adds a row of weights to a sum, label by label (wider lanes from narrower or equal ones).
#[inline(always)]
fn add<A: std::ops::AddAssign + From<X>, X: Copy>(acc: &mut [A; 12], row: &[X; 12]) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a += A::from(x);
    }
}

/// A one-byte feature's weights widened once, when the model loads: a token sums a score of
/// them, and sixteen-bit lanes add without widening each byte again. They cannot overflow: a
/// token has at most some forty one-byte features (the templates of [`features::Small`]), and
/// 40 × 127 < 2¹⁵.
type Wide = [i16; 12];

/// What each distinct word of a document gives the emission scores wherever it stands, found as
/// the words are met: the sum of its own features' weights, and the weights of the features it
/// gives its neighbours ([`features::neighbour_keys`]).
#[derive(Default)]
struct WordSums<'d> {
    /// By word type ([`crate::entities::trie::Words::type_of`]), an index into `words`.
    types: Vec<u32>,
    /// By text, the same for a token without a type (punctuation).
    untyped: FxHashMap<&'d str, u32>,
    words: Vec<Word>,
    /// Buffers for a word's own features.
    keys: Vec<u32>,
    codes: Vec<u16>,
    /// The rows the starts and ends of sequences give their neighbours (as a word's `near`).
    before: [Wide; 4],
    after: [Wide; 4],
}

/// A word's share of the emission scores: see [`WordSums`].
#[derive(Clone, Copy)]
struct Word {
    own: Sum,
    /// The weights of `word-2=` (read by the token two after it), `word-1=` and `freq-1=`,
    /// `word+1=` and `freq+1=`, `word+2=` (read by the token two before it).
    near: [Wide; 4],
}

const NO_WORD: u32 = u32::MAX;

/// A kind and how sure the model is of it.
type Sure = (Kind, f32);

/// The confidence from which a name makes the same word a name elsewhere in the text.
const ECHO_FROM: f32 = 0.8;

/// The confidence below which a name is left out: where the best labelling and the labels'
/// own probabilities disagree on one of its tokens (chosen on held-out ninths of `kashif train
/// --validate`: on three of them, of 0.3 to 0.7, it gained the stage 0.3 points of F1; on all
/// nine, 0.3 to 0.5 are within 0.1 point).
const MIN_CONFIDENCE: f32 = 0.5;

/// The compiled-in model.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_bytes!("../../data/model/ner.bin")).unwrap_or_else(|e| panic!("data/model/ner.bin: {e}"))
});

/// The names the compiled-in model finds in a document, in order (with the compiled-in
/// lexicons' verdicts).
pub fn tag(doc: &Doc) -> Vec<ModelSpan> {
    MODEL.tag_doc(doc)
}

impl Model {
    /// Reads a model file, refusing one trained with other feature definitions.
    pub fn parse(bytes: &[u8]) -> Result<Model, FormatError> {
        let s = Stored::parse(bytes)?;
        if s.features_version != features::FEATURES_VERSION {
            return Err(FormatError(format!(
                "trained with features version {}, this build computes version {}: retrain with `kashif train`",
                s.features_version,
                features::FEATURES_VERSION
            )));
        }
        Ok(Model::from_stored(&s))
    }

    pub fn from_stored(s: &Stored) -> Model {
        assert!(s.labels.len() <= Row::default().len(), "more labels than a slot holds");
        // At most three slots in eight taken: most features of a text are not in the model, and
        // a missing one is found missing after a probe or two of the tags, in the same cache line.
        // (At one slot in two, as a model of 32 700 features filled its 65 536 slots, the
        // probing took a tenth of the model's time more.)
        let cap = (s.rows.len() * 8 / 3).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); cap];
        let mut tags = vec![0u8; cap];
        for (key, w) in &s.rows {
            let mut i = *key as usize & (cap - 1);
            while slots[i].key != 0 {
                i = (i + 1) & (cap - 1);
            }
            slots[i].key = *key;
            slots[i].weights[..w.len()].copy_from_slice(w);
            tags[i] = Model::tag_of(*key);
        }
        let mut m = Model { chain: Chain::new(&s.labels, &s.start, &s.trans, &s.end), scale: s.scale, slots, tags, small: Vec::new(), labels: s.labels.clone() };
        m.small = (0..features::Small::CODES).map(|c| m.row(features::Small::key(c)).copied().unwrap_or_default().map(i16::from)).collect();
        m
    }

    /// The tag byte of a key: never 0, from bits the slot's position does not already say.
    #[inline]
    fn tag_of(key: u32) -> u8 {
        (key >> 25) as u8 | 0x80
    }

    /// The weights of a feature, if the model has any.
    fn row(&self, key: u32) -> Option<&Row> {
        let mask = self.slots.len() - 1;
        let tag = Model::tag_of(key);
        let mut i = key as usize & mask;
        loop {
            match self.tags[i] {
                0 => return None,
                t if t == tag && self.slots[i].key == key => return Some(&self.slots[i].weights),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The sum of the weights of some features, label by label, in steps of `scale`.
    fn sum(&self, keys: &[u32]) -> Sum {
        let mut acc = [0i32; 12];
        for &key in keys {
            if let Some(w) = self.row(key) {
                add(&mut acc, w);
            }
        }
        acc
    }

    /// The emission scores `emit[t * L + y]` of the tokens `seq`, given the features of their
    /// contexts (`f`, from [`features::extract_context`]): to each, the weights of its word's
    /// own features ([`features::lexical`]) and of those its neighbours' words give it, looked
    /// up once per distinct word of the document (`words`).
    fn emissions<'d>(&self, ctx: &Ctx<'d, '_>, seq: Range<usize>, f: &features::Features, words: &mut WordSums<'d>, emit: &mut Vec<f32>) {
        let l = self.labels.len();
        emit.clear();
        emit.resize(f.len() * l, 0.0);
        let at: Vec<u32> = seq.clone().map(|i| self.word_of(ctx, i, words)).collect();
        for t in 0..at.len() {
            let mut context = self.sum(f.of(t));
            let mut coded = [0i16; 12];
            for &c in f.codes_of(t) {
                add(&mut coded, &self.small[c as usize]);
            }
            add(&mut context, &coded);
            // The word two before reads as `word-2=`, …, the word two after as `word+2=`.
            for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let near = match t.checked_add_signed(d).filter(|&j| j < at.len()) {
                    Some(j) => &words.words[at[j] as usize].near[k],
                    None if d < 0 => &words.before[k],
                    None => &words.after[k],
                };
                add(&mut context, near);
            }
            let own = &words.words[at[t] as usize].own;
            for (y, e) in emit[t * l..(t + 1) * l].iter_mut().enumerate() {
                *e = (own[y] + context[y]) as f32 * self.scale;
            }
        }
    }

    /// The weights a word (by its hash and how common it is, see [`features::neighbour_keys`]
    /// and [`features::neighbour_codes`]) gives the tokens two before it to two after it.
    fn near(&self, hash: u64, info: u16) -> [Wide; 4] {
        let mut near = features::neighbour_keys(hash).map(|k| self.row(k).copied().unwrap_or_default().map(i16::from));
        for (n, c) in features::neighbour_codes(info) {
            add(&mut near[n], &self.small[c as usize]);
        }
        near
    }

    /// Token `i`'s word in `words`, its share of the scores found when first met.
    fn word_of<'d>(&self, ctx: &Ctx<'d, '_>, i: usize, words: &mut WordSums<'d>) -> u32 {
        let slot = match ctx.words.type_of(i) {
            Some(ty) => {
                let ty = ty as usize;
                if words.types.len() <= ty {
                    words.types.resize(ty + 1, NO_WORD);
                }
                &mut words.types[ty]
            }
            None => words.untyped.entry(ctx.doc.tok(i)).or_insert(NO_WORD),
        };
        if *slot == NO_WORD {
            *slot = words.words.len() as u32;
            words.keys.clear();
            words.codes.clear();
            let (hash, band) = features::lexical_coded(ctx, i, &mut words.keys, &mut words.codes);
            let mut own = self.sum(&words.keys);
            for &c in &words.codes {
                add(&mut own, &self.small[c as usize]);
            }
            let near = self.near(hash, band);
            words.words.push(Word { own, near });
        }
        *slot
    }

    /// The names the model finds in a document, with the compiled-in tables' lexicons and
    /// rules.
    pub fn tag_doc(&self, doc: &Doc) -> Vec<ModelSpan> {
        let ctx = Ctx::new(doc, &TABLES);
        self.tag(&ctx, &entities::rules_kept(&ctx))
    }

    /// The candidates the model adds to the entity stage's (see [`entities::find_with`]).
    pub fn candidates<'d>(&self, ctx: &Ctx<'d, '_>, rules: &[Candidate]) -> Vec<Candidate<'d>> {
        self.tag(ctx, rules).iter().map(|s| s.candidate(ctx)).collect()
    }

    /// The names the model finds in a document as the entity stage sees it, given what the
    /// stage's lexicons and rules keep there (`rules`, in order, as [`entities::rules_kept`] gives
    /// them), in order.
    pub fn tag(&self, ctx: &Ctx, rules: &[Candidate]) -> Vec<ModelSpan> {
        let doc = ctx.doc;
        // One line at a time, in buffers reused from line to line: the working set stays in
        // the cache however long the document.
        let (mut f, mut emit) = (features::Features::default(), Vec::new());
        let mut out = Vec::new();
        let mut fb = ForwardBackward::default();
        let evidence = features::Evidence::new(ctx, rules);
        // One entry a distinct word, made room for at once (an entry is 96 bytes: growing by
        // doubling copied them over and over).
        let types = ctx.doc.type_count();
        let mut words = WordSums { types: vec![NO_WORD; types], words: Vec::with_capacity(types), ..WordSums::default() };
        let (before, after) = features::boundary_hashes();
        (words.before, words.after) = (self.near(before, features::PAST_END), self.near(after, features::PAST_END));
        for seq in features::sequences(doc) {
            features::extract_context(ctx, &evidence, seq.clone(), &mut f);
            self.emissions(ctx, seq.clone(), &f, &mut words, &mut emit);
            // The forward pass with decoding, though it is wasted on a line without a name:
            // done together, they take little more time than decoding alone.
            let y = self.chain.viterbi_forward(&emit, seq.len(), &mut fb);
            let names = self.labels.decode(&y);
            if names.is_empty() {
                continue;
            }
            self.chain.backward(seq.len(), &mut fb);
            for (a, b, kind) in names {
                let confidence = (a..=b).map(|t| fb.marginal(t, y[t])).fold(1f32, f32::min).clamp(0.0, 1.0);
                let (first, last) = (seq.start + a, seq.start + b);
                let reading = self.name_start(ctx, first);
                let norm = reading.range(&doc.tokens[first]).start..doc.tokens[last].end;
                let original = doc.norm.original_range(norm.clone());
                out.push(ModelSpan { kind, original, norm, confidence, tokens: first..last + 1, first: reading, elsewhere: false });
            }
        }
        let echoes = self.echo(ctx, &mut out);
        if !echoes.is_empty() {
            out.extend(echoes);
            out.sort_by_key(|n| n.tokens.start);
        }
        out.retain(|s| s.confidence >= MIN_CONFIDENCE);
        out
    }

    /// One sense per text: a name the model found surely is that name too where the labelling
    /// of its own line left it out, after proclitics too (وألونسو): a name of several words
    /// (يديعوت أحرونوت), and a word new to the model found alone (ألونسو) or as the last word
    /// of a person's name (فرناندو ألونسو → ألونسو). A word the model met in training is left
    /// to its weights (الله ends عبد الله but is no name alone); a name found with two kinds is
    /// left alone. A word known as it stands (a function word, a common word, a first name) is
    /// not read as proclitics and a name of one word, as the lexicons read it. Two passes over the names and
    /// the tokens: linear. Returns the names found again (an unsure name's kind is changed in
    /// place).
    fn echo(&self, ctx: &Ctx, names: &mut [ModelSpan]) -> Vec<ModelSpan> {
        let doc = ctx.doc;
        let text = doc.text();
        let mut added = Vec::new();
        // Each name's text, with its kind and confidence (None after a conflict) and its tokens.
        let mut phrases: FxHashMap<&str, (Option<Sure>, usize)> = FxHashMap::default();
        // The first word of each name, with the token counts of the names it starts.
        let mut firsts: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for n in names.iter().filter(|n| n.confidence >= ECHO_FROM) {
            let last = doc.tok(n.tokens.end - 1);
            let keys = match (n.tokens.len(), n.kind) {
                (1, _) => [Some(&text[n.norm.clone()]), None],
                (_, Kind::Person) => [Some(&text[n.norm.clone()]), Some(last)],
                _ => [Some(&text[n.norm.clone()]), None],
            };
            for key in keys.into_iter().flatten() {
                let ntok = if key == last && n.tokens.len() > 1 { 1 } else { n.tokens.len() };
                if ntok == 1 && (key.chars().count() < 3 || self.row(features::word_key(key)).is_some()) {
                    continue;
                }
                let e = phrases.entry(key).or_insert((Some((n.kind, n.confidence)), ntok));
                e.0 = e.0.filter(|(k, _)| *k == n.kind).map(|(k, c)| (k, c.max(n.confidence)));
                let first = if ntok == 1 { key } else { &text[n.norm.start..doc.tokens[n.tokens.start].end] };
                let counts = firsts.entry(first).or_default();
                if !counts.contains(&ntok) {
                    counts.push(ntok);
                }
            }
        }
        if phrases.is_empty() {
            return added;
        }
        // An unsure name of another kind takes the kind its text has where the model is sure.
        for n in names.iter_mut().filter(|n| n.confidence < ECHO_FROM) {
            if let Some((Some((kind, c)), _)) = phrases.get(&text[n.norm.clone()]) {
                if *kind != n.kind {
                    n.kind = *kind;
                    n.confidence = *c;
                    n.elsewhere = true;
                }
            }
        }
        // The byte lengths of the first words (up to 63): most readings of most words are of
        // no such length, and are passed over without hashing them.
        let lengths = firsts.keys().fold(0u64, |m, k| m | 1 << k.len().min(63));
        let mut covered = vec![false; doc.tokens.len()];
        for n in names.iter() {
            covered[n.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        let mut i = 0;
        while i < doc.tokens.len() {
            let tok = &doc.tokens[i];
            // لدينا is a function word, not ل + the name دينا (a name of several words says
            // more: لمجلس الأمن).
            let known = ctx.class(i) & (class::FIRST | class::FIRST_AMBIGUOUS | class::FUNCTION | class::COMMON) != 0;
            let found = if covered[i] || tok.kind != TokenKind::Word {
                None
            } else {
                // The word's readings, as the entity stage found them (`Token::proclitics`).
                ctx.words.all(i).iter().find_map(|&r| {
                    let (start, stem) = (r.range(tok).start, &text[r.range(tok)]);
                    if lengths >> stem.len().min(63) & 1 == 0 {
                        return None;
                    }
                    firsts.get(stem)?.iter().find_map(|&ntok| {
                        let last = i + ntok - 1;
                        if known && r.prefix > 0 && ntok == 1 || last >= doc.tokens.len() || covered[i..=last].iter().any(|&c| c) {
                            return None;
                        }
                        let norm = start..doc.tokens[last].end;
                        let (kind, confidence) = phrases.get(&text[norm.clone()])?.0?;
                        Some((norm, ntok, kind, confidence, r))
                    })
                })
            };
            match found {
                Some((norm, ntok, kind, confidence, first)) => {
                    let original = doc.norm.original_range(norm.clone());
                    added.push(ModelSpan { kind, original, norm, confidence, tokens: i..i + ntok, first, elsewhere: true });
                    i += ntok;
                }
                None => i += 1,
            }
        }
        added
    }

    /// Whether the model learned the word as the start of a name of some kind.
    pub fn knows_name(&self, word: &str) -> bool {
        self.row(features::word_key(word)).is_some_and(|w| (0..self.labels.len()).any(|y| self.labels.tags[y].0 == Tag::B && w[y] > 0))
    }

    /// Where a name starting at token `i` begins: after the proclitics (و ف ب ل ك, لل) attached
    /// to it, when a reading without them is a name the model knows or a lexicon name starts
    /// with, or starts with the article; at the word's start when the word as it stands is such
    /// a name, or no reading says otherwise. (ANERcorp marks whole words, so training cannot
    /// teach this.)
    fn name_start(&self, ctx: &Ctx, i: usize) -> Reading {
        let (text, tok) = (ctx.doc.text(), &ctx.doc.tokens[i]);
        if tok.kind != TokenKind::Word {
            return BARE;
        }
        let in_lexicon = |r: &Reading| ctx.words.at(i).iter().any(|(q, w)| q == r && ctx.t.class(*w) & class::NAME != 0);
        let known = |r: &Reading| in_lexicon(r) || self.knows_name(&r.stem(tok, text));
        let all = ctx.words.all(i);
        if let Some(r) = all[1..].iter().find(|r| known(r)) {
            return *r;
        }
        if known(&all[0]) {
            return BARE;
        }
        all[1..].iter().copied().find(|r| features::has_article(&r.stem(tok, text))).unwrap_or(BARE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_in_model_loads() {
        assert!(MODEL.slots.iter().filter(|s| s.key != 0).count() > 1000);
    }

    /// The names `echo` adds to `names` (hand-made: token ranges, kinds, confidences).
    fn echoes(text: &str, names: &[(Range<usize>, Kind, f32)]) -> Vec<(String, Kind)> {
        let doc = Doc::new(text);
        let mut spans: Vec<ModelSpan> = names
            .iter()
            .map(|(t, kind, confidence)| {
                let norm = doc.tokens[t.start].start..doc.tokens[t.end - 1].end;
                let original = doc.norm.original_range(norm.clone());
                ModelSpan { kind: *kind, norm, original, confidence: *confidence, tokens: t.clone(), first: BARE, elsewhere: false }
            })
            .collect();
        let ctx = Ctx::new(&doc, &TABLES);
        let added = MODEL.echo(&ctx, &mut spans);
        spans.iter().chain(&added).filter(|s| s.elsewhere).map(|s| (text[s.original.clone()].to_string(), s.kind)).collect()
    }

    #[test]
    fn names_found_surely_are_found_again() {
        use Kind::*;
        let text = "قالت يديعوت أحرونوت إن زفيكوفيتش سافر\nونقلت يديعوت أحرونوت عن وزفيكوفيتش";
        // A name of two words, again after و; a new word alone, again after و.
        let found = echoes(text, &[(1..3, Organization, 0.9), (4..5, Person, 0.95)]);
        assert_eq!(found, vec![("يديعوت أحرونوت".to_string(), Organization), ("زفيكوفيتش".to_string(), Person)]);
        // Not from a name found without confidence, nor from one found with two kinds.
        assert!(echoes(text, &[(1..3, Organization, 0.5), (4..5, Person, 0.5)]).is_empty());
        let twice = "زفيكوفيتش سافر زفيكوفيتش\nزفيكوفيتش";
        assert!(echoes(twice, &[(0..1, Person, 0.9), (2..3, Location, 0.9)]).is_empty());
        // A word the model knows is left to it, even as the surname of a person.
        assert!(echoes("عبد الله سافر\nالله", &[(0..2, Person, 0.99)]).is_empty());
        // A word known as it stands is not a proclitic and a name: بينما is no بـ + ينما.
        assert!(echoes("سافر ينما أمس\nبينما", &[(1..2, Person, 0.95)]).is_empty());
        assert_eq!(echoes("سافر ينما أمس\nوينما", &[(1..2, Person, 0.95)]), vec![("ينما".to_string(), Person)]);
        // An unsure name of another kind takes the sure kind.
        let found = echoes("نقلت سانا عن\nوقالت سانا", &[(1..2, Organization, 0.9), (4..5, Location, 0.6)]);
        assert_eq!(found, vec![("سانا".to_string(), Organization)]);
    }

    #[test]
    fn a_model_of_other_features_is_refused() {
        let labels = Labels::default();
        let l = labels.len();
        let s = Stored {
            features_version: features::FEATURES_VERSION + 1,
            labels,
            scale: 1.0,
            start: vec![0.0; l],
            trans: vec![0.0; l * l],
            end: vec![0.0; l],
            rows: vec![],
        };
        assert!(Model::parse(&s.to_bytes()).unwrap_err().0.contains("retrain"));
    }
}
