//! The model's features: what it looks at around each token.
//!
//! A feature is a template (what kind of evidence) and a text (the evidence itself), hashed to a
//! 32-bit key: `word=الحكومه`, `suffix3=يه`, `lexicon-1=B-location`. Keys are computed the same
//! way at training time and when tagging, on every platform, so the model file needs no strings.
//!
//! For token *i* of a sequence the features are:
//!
//! - the normalized word *i* and the words at *i−2, i−1, i+1, i+2* (`<s>`/`</s>` past the ends);
//!   numbers are reduced to their digit count, so years and amounts generalize;
//! - the word's stems after proclitics ([`Token::proclitics`]: و ف ب ل ك, لل) and its bare stem
//!   without the article ال, so والرئيس, للرئيس and رئيس share evidence;
//! - prefixes and suffixes of one to four letters of the word, and prefixes of its bare stem
//!   (letter trigrams inside the word, tried too, added nothing measurable);
//! - the word's shape (Arabic, Latin, digits, punctuation) and length;
//! - the lexicon's verdict, from the entity stage's leftmost-longest scan of its name lexicons:
//!   whether a lexicon name covers the token (beginning or inside, and its kind) and the verdicts
//!   of its two neighbours; whether the word alone is a lexicon name, or the first word of one;
//! - what the entity stage's lexicons and rules kept at the token and its two neighbours: the
//!   position in the name, its kind, the finder (lexicon, head, title, first name …) and how
//!   sure it is (a stacked model: it learns when to trust each finder);
//! - trigger words, from the entity stage's rule tables: titles, organization and place heads,
//!   speech verbs, name connectors, first names, nationalities at *i−3 … i+1*; a trigger before
//!   the word is also paired with whether the word has the article and with the word's own
//!   trigger class (a title before a word without the article, a title before a first name);
//! - what the other occurrences of the word in the document say ([`elsewhere`]): whether one is
//!   in a name the lexicons and rules kept, follows a title, a head, a speech verb …
//! - how common the word, its commonest stem after proclitics and its two neighbours are in
//!   general Arabic use ([`super::freq`]: wordfreq's frequencies, in bands of half a decade),
//!   which a training corpus of 12 000 distinct words cannot tell of the words it never showed.
//! - what open name lists say of the word, of its stems after proclitics and of its two
//!   neighbours ([`super::freq::name_flags`]: a given name, a surname, a word of a foreign
//!   person's name, a place, a club's), for the names ANERcorp's 2 700 persons do not show.
//!
//! Lexicon and rule features are read with tables that never saw the sentences trained on (see
//! [`super::train`]: the mined lexicons are jackknifed).
//!
//! The labels of neighbouring tokens are the model's transition weights, not features.

use std::ops::Range;

use crate::doc::Doc;
use crate::entities::cues::CueKind;
use crate::entities::scan::{Candidate, Ctx, Why};
use crate::entities::tables::{class, NameHit};
use crate::entities::trie::Trie;
use super::crf;
use crate::fxhash::FxHashMap;
use crate::span::Kind;
use crate::tokenize::{Reading, Token, TokenKind};

/// What a feature is about. The numbers are part of the model file's meaning: changing one, or
/// what a template computes, needs a retrained model (and [`FEATURES_VERSION`] bumped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Template {
    Bias = 1,
    Word = 2,
    WordMinus2 = 3,
    WordMinus1 = 4,
    WordPlus1 = 5,
    WordPlus2 = 6,
    Stem = 7,
    Bare = 8,
    Prefix = 9,
    Suffix = 10,
    BarePrefix = 11,
    Shape = 14,
    Length = 15,
    Lexicon = 16,
    LexiconMinus1 = 17,
    LexiconPlus1 = 18,
    LexiconWord = 19,
    LexiconStart = 20,
    Trigger = 21,
    TriggerMinus3 = 22,
    TriggerMinus2 = 23,
    TriggerMinus1 = 24,
    TriggerPlus1 = 25,
    First = 26,
    Article = 27,
    TriggerArticle = 28,
    TriggerPair = 29,
    Rule = 30,
    RuleMinus1 = 31,
    RulePlus1 = 32,
    Elsewhere = 33,
    Freq = 34,
    FreqStem = 35,
    FreqMinus1 = 36,
    FreqPlus1 = 37,
    Gaz = 38,
    GazStem = 39,
    GazMinus1 = 40,
    GazPlus1 = 41,
}

/// The version of the feature definitions; the model file records the one it was trained with.
pub const FEATURES_VERSION: u32 = 7;

/// A stable hash of a feature (its template, then its bytes eight at a time, little-endian, as in
/// the Fx hash; then a 64-bit finalizer), folded to 32 bits. Zero is never a key: the model's
/// table uses it for an empty slot.
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn new(t: Template) -> Key {
        Key(t as u64).word(0)
    }

    fn word(self, w: u64) -> Key {
        Key((self.0.rotate_left(5) ^ w).wrapping_mul(Self::K))
    }

    fn byte(self, b: u8) -> Key {
        self.word(b as u64 | 0x100)
    }

    /// A text, by its [`text_hash`]: a word is hashed once, then paired with each template
    /// that reads it.
    fn text(self, hash: u64) -> Key {
        self.word(hash)
    }

    fn finish(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        ((h >> 32) as u32 ^ h as u32).max(1)
    }
}

/// A stable hash of a text: its bytes eight at a time, little-endian, then its length (so that
/// "ab" then "c" and "a" then "bc" differ), as in the Fx hash. [`super::freq`] keys its words
/// by it too.
pub(crate) fn text_hash(s: &str) -> u64 {
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut k = Key(0);
    for c in &mut chunks {
        k = k.word(u64::from_le_bytes(c.try_into().unwrap()));
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    k.word(u64::from_le_bytes(last)).word(s.len() as u64).0
}

/// The templates whose evidence is one byte (a verdict's code, a flag, a trigger class): their
/// features are few, and tagging looks their weights up by [`Small::code`] in a table the model
/// builds once ([`Small::key`] for each code), without hashing or probing.
pub struct Small;

impl Small {
    const TEMPLATES: [Template; 21] = [
        Template::Lexicon,
        Template::LexiconMinus1,
        Template::LexiconPlus1,
        Template::LexiconWord,
        Template::Elsewhere,
        Template::Rule,
        Template::RuleMinus1,
        Template::RulePlus1,
        Template::Trigger,
        Template::TriggerMinus3,
        Template::TriggerMinus2,
        Template::TriggerMinus1,
        Template::TriggerPlus1,
        Template::Freq,
        Template::FreqStem,
        Template::FreqMinus1,
        Template::FreqPlus1,
        Template::Gaz,
        Template::GazStem,
        Template::GazMinus1,
        Template::GazPlus1,
    ];

    /// After the codes of the one-byte templates, those of the features of no evidence (the
    /// first token's, a word where a lexicon name may start) and of a few bytes: a trigger
    /// before the word (at one of [`Small::BEFORE`], of a [`Trigger`] class) paired with whether
    /// the word has the article (`TriggerArticle`) and with the word's own trigger class
    /// (`TriggerPair`).
    const FIRST: usize = Small::TEMPLATES.len() * 256;
    const LEXICON_START: usize = Small::FIRST + 1;
    const TRIGGER_ARTICLE: usize = Small::LEXICON_START + 1;
    const TRIGGER_PAIR: usize = Small::TRIGGER_ARTICLE + 3 * 8 * 2;

    /// The templates of the triggers before the word, in the order of their codes.
    const BEFORE: [Template; 3] = [Template::TriggerMinus3, Template::TriggerMinus2, Template::TriggerMinus1];

    /// Then those of the word's own features of one byte or none ([`lexical_coded`]): the bias,
    /// the article, the shape, the length.
    const BIAS: usize = Small::TRIGGER_PAIR + 3 * 8 * 8;
    const ARTICLE: usize = Small::BIAS + 1;
    const SHAPE: usize = Small::ARTICLE + 1;
    const LENGTH: usize = Small::SHAPE + 8;

    /// The number of codes.
    pub const CODES: usize = Small::LENGTH + 16;

    /// The code of a feature of template `t` (one of [`Small::TEMPLATES`]) with byte `b`.
    fn code(t: Template, b: u8) -> u16 {
        let n = Small::TEMPLATES.iter().position(|&x| x == t).expect("a one-byte template");
        (n * 256 + b as usize) as u16
    }

    /// The code of a trigger before the word: `t` one of [`Small::BEFORE`], class `c`.
    fn before(t: Template, c: u8) -> usize {
        Small::BEFORE.iter().position(|&x| x == t).expect("a trigger before the word") * 8 + c as usize
    }

    /// The key of the feature a code stands for.
    pub fn key(code: usize) -> u32 {
        let trigger = |n: usize| (Small::BEFORE[n / 8] as u8, (n % 8) as u8);
        match code {
            c if c < Small::FIRST => Key::new(Small::TEMPLATES[c / 256]).byte((c % 256) as u8).finish(),
            Small::FIRST => Key::new(Template::First).finish(),
            Small::LEXICON_START => Key::new(Template::LexiconStart).finish(),
            c if c < Small::TRIGGER_PAIR => {
                let ((t, c), article) = (trigger((c - Small::TRIGGER_ARTICLE) / 2), (c - Small::TRIGGER_ARTICLE) % 2);
                Key::new(Template::TriggerArticle).byte(t).byte(c).byte(article as u8).finish()
            }
            Small::BIAS => Key::new(Template::Bias).finish(),
            Small::ARTICLE => Key::new(Template::Article).finish(),
            c if c >= Small::LENGTH => Key::new(Template::Length).byte((c - Small::LENGTH) as u8).finish(),
            c if c >= Small::SHAPE => Key::new(Template::Shape).byte((c - Small::SHAPE) as u8).finish(),
            c => {
                let ((t, c), own) = (trigger((c - Small::TRIGGER_PAIR) / 8), (c - Small::TRIGGER_PAIR) % 8);
                Key::new(Template::TriggerPair).byte(t).byte(c).byte(own as u8).finish()
            }
        }
    }
}

/// The key of the `word=` feature of a normalized word: the model's own vocabulary test.
pub(crate) fn word_key(word: &str) -> u32 {
    Key::new(Template::Word).text(text_hash(word)).finish()
}

/// The keys of the features that a word gives its neighbours (`word-2=`, `word-1=`, `word+1=`,
/// `word+2=`: the word read from two after it, one after it, one before, two before), from its
/// hash (see [`lexical_coded`]): the same wherever the word stands, so tagging looks their weights up once per
/// distinct word ([`extract_context`] leaves them out).
pub(crate) fn neighbour_keys(hash: u64) -> [u32; 4] {
    AROUND.map(|t| Key::new(t).text(hash).finish())
}

/// The templates of [`neighbour_keys`], in order.
const AROUND: [Template; 4] = [Template::WordMinus2, Template::WordMinus1, Template::WordPlus1, Template::WordPlus2];

/// The hash of token `i`'s word as the features read it (a number by its digit count).
#[cfg(test)]
fn word_hash(ctx: &Ctx, i: usize) -> u64 {
    text_hash(word(ctx.doc.text(), &ctx.doc.tokens[i]))
}

/// The hashes of the words past the start and the end of a sequence.
pub(crate) fn boundary_hashes() -> (u64, u64) {
    (text_hash("<s>"), text_hash("</s>"))
}

/// The class of a trigger word: a word that announces a name next to it, found in the entity
/// stage's rule tables (`data/lexicon/rules/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Trigger {
    /// A title or role (الرئيس، الشيخ، اللاعب): a person's name follows.
    Title = 1,
    /// The head of an organization's name (وزارة، حزب، صحيفة).
    Org = 2,
    /// The head of a place's name (مدينة، جزيرة).
    Place = 3,
    /// A verb of saying (قال، أعلن): often next to a speaker's name.
    Speech = 4,
    /// A word that joins the parts of a name (ابن، أبو، عبد).
    Relation = 5,
    /// A first name.
    Given = 6,
    /// An adjective of nationality (الفرنسي), often between a title and a name.
    Nationality = 7,
}

/// What the lexicon says about one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    None,
    Begin(Kind),
    Inside(Kind),
}

impl Verdict {
    fn code(self) -> u8 {
        match self {
            Verdict::None => 0,
            Verdict::Begin(k) => 1 + 2 * k as u8,
            Verdict::Inside(k) => 2 + 2 * k as u8,
        }
    }
}

/// The features of every token of one sequence, flattened: token *i*'s keys are
/// `keys[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub keys: Vec<u32>,
    pub starts: Vec<usize>,
    /// From [`extract_context`]: the features of a few bytes of evidence, as [`Small`] codes
    /// (token *i*'s are `codes[code_starts[i]..code_starts[i + 1]]`); [`extract`] gives them as
    /// keys with the others.
    pub codes: Vec<u16>,
    pub code_starts: Vec<usize>,
    /// The hash of each token's word (a buffer of [`extract`]'s).
    hashes: Vec<u64>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn of(&self, i: usize) -> &[u32] {
        &self.keys[self.starts[i]..self.starts[i + 1]]
    }

    /// Token `i`'s one-byte features as codes (from [`extract_context`]).
    pub fn codes_of(&self, i: usize) -> &[u16] {
        &self.codes[self.code_starts[i]..self.code_starts[i + 1]]
    }
}

/// What the features read of a whole document, found once before its lines are read: for each
/// token, the lexicon's verdict, what the lexicons and rules kept there, its trigger class, and
/// what the other occurrences of its word say.
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    verdicts: Vec<(Verdict, Option<Kind>, bool)>,
    ruled: Vec<u8>,
    triggers: Vec<Option<Trigger>>,
    elsewhere: Vec<u16>,
}

impl Evidence {
    /// The evidence of a document as the entity stage sees it ([`Ctx`]: its words looked up
    /// once in the stage's tables), given what the stage's lexicons and rules kept (`rules`, in
    /// order, as [`crate::entities::rules_kept`] gives them).
    pub fn new(ctx: &Ctx, rules: &[Candidate]) -> Evidence {
        let n = ctx.len();
        let mut e = Evidence {
            verdicts: lexicon_verdicts(ctx, 0..n),
            ruled: rule_verdicts(rules, 0..n),
            triggers: (0..n).map(|i| trigger(ctx, i)).collect(),
            elsewhere: Vec::new(),
        };
        e.elsewhere = elsewhere(ctx, &e);
        e
    }
}

/// The features of the tokens `seq` of a document (one line: they never look past it, but for
/// what other occurrences of a word say) into `out`, whose buffers are reused.
pub fn extract(ctx: &Ctx, ev: &Evidence, seq: Range<usize>, out: &mut Features) {
    extract_with(ctx, ev, seq, out, true)
}

/// The features of [`extract`] but those of each word alone ([`lexical`]) and those its
/// neighbours' words give it ([`neighbour_keys`]), which are the same wherever a word stands:
/// tagging sums their weights once per distinct word.
pub fn extract_context(ctx: &Ctx, ev: &Evidence, seq: Range<usize>, out: &mut Features) {
    extract_with(ctx, ev, seq, out, false)
}

/// The features of token `i` that its word alone decides: the word, its shape and length, its
/// letters, its stems after proclitics and without the article (and the bias, which every token
/// has).
pub fn lexical(ctx: &Ctx, i: usize, k: &mut Vec<u32>) {
    lexical_with(ctx, i, k, None);
}

/// The features of [`lexical`], those of one byte or none as [`Small`] codes into `codes` (the
/// others' keys into `k`), for tagging; returns the hash of the word as the features read it
/// (a number by its digit count), and what its neighbours read of it (see [`neighbour_codes`]).
pub fn lexical_coded(ctx: &Ctx, i: usize, k: &mut Vec<u32>, codes: &mut Vec<u16>) -> (u64, u16) {
    lexical_with(ctx, i, k, Some(codes))
}

/// Returns the word's hash, and what its neighbours read of it: how common it is
/// ([`knowledge`]), and above, the name lists' flags of it.
fn lexical_with(ctx: &Ctx, i: usize, k: &mut Vec<u32>, mut codes: Option<&mut Vec<u16>>) -> (u64, u16) {
    let text = ctx.doc.text();
    let tok = &ctx.doc.tokens[i];
    let w = word(text, tok);
    let hash = text_hash(w);
    // A feature of one byte or none: its key, or its code.
    let mut small = |k: &mut Vec<u32>, key: &dyn Fn() -> u32, code: usize| match codes.as_deref_mut() {
        Some(codes) => codes.push(code as u16),
        None => k.push(key()),
    };
    small(k, &|| Key::new(Template::Bias).finish(), Small::BIAS);
    k.push(Key::new(Template::Word).text(hash).finish());
    let shape = shape(w, tok.kind);
    small(k, &|| Key::new(Template::Shape).byte(shape).finish(), Small::SHAPE + shape as usize);
    let length = w.chars().count().min(12) as u8;
    small(k, &|| Key::new(Template::Length).byte(length).finish(), Small::LENGTH + length as usize);
    let Knowledge { band, stem_band, flags: gaz, stem_flags: gaz_stem } = knowledge(ctx, i, hash);
    small(k, &|| Key::new(Template::Freq).byte(band).finish(), Small::code(Template::Freq, band) as usize);
    if stem_band != 0 {
        small(k, &|| Key::new(Template::FreqStem).byte(stem_band).finish(), Small::code(Template::FreqStem, stem_band) as usize);
    }
    if gaz != 0 {
        small(k, &|| Key::new(Template::Gaz).byte(gaz).finish(), Small::code(Template::Gaz, gaz) as usize);
    }
    if gaz_stem != 0 {
        small(k, &|| Key::new(Template::GazStem).byte(gaz_stem).finish(), Small::code(Template::GazStem, gaz_stem) as usize);
    }
    if tok.kind == TokenKind::Word {
        let readings = ctx.words.all(i);
        prefixes(k, w, Template::Prefix);
        suffixes(k, w);
        for r in &readings[1..] {
            // The stem's lexical form: a merged article gets its alef back.
            k.push(Key::new(Template::Stem).byte(r.merged_article as u8).text(text_hash(&text[r.range(tok)])).finish());
        }
        match bare(text, tok, readings) {
            Some((b, _)) => {
                k.push(Key::new(Template::Bare).text(text_hash(b)).finish());
                // The bare stem is a suffix of the word: its own suffixes are the word's.
                small(k, &|| Key::new(Template::Article).finish(), Small::ARTICLE);
                prefixes(k, b, Template::BarePrefix);
            }
            None => k.push(Key::new(Template::Bare).text(hash).finish()),
        }
    }
    (hash, pack_info(band, gaz))
}

/// The codes of the one-byte features a word gives its neighbours, as [`neighbour_keys`] gives
/// its keys, and which of them reads each (an index of `neighbour_keys`' order), from `info`
/// ([`lexical_coded`]'s: how common the word is, and the name lists' flags of it; [`PAST_END`]
/// past the start or end of a sequence): the token after it reads `freq-1=` and `names-1=`, the token
/// before it `freq+1=` and `names+1=`.
pub(crate) fn neighbour_codes(info: u16) -> [(usize, u16); 4] {
    let (band, gaz) = split_info(info);
    [
        (1, Small::code(Template::FreqMinus1, band)),
        (2, Small::code(Template::FreqPlus1, band)),
        (1, Small::code(Template::GazMinus1, gaz)),
        (2, Small::code(Template::GazPlus1, gaz)),
    ]
}

/// What a word past the start or end of a sequence gives its neighbours to read, as
/// [`lexical_coded`] gives a word's.
pub(crate) const PAST_END: u16 = 0xFFFF;

/// What a word gives its neighbours to read ([`lexical_coded`]'s `info`): its frequency band,
/// and its name flags above; [`split_info`] undoes it.
fn pack_info(band: u8, flags: u8) -> u16 {
    band as u16 | (flags as u16) << 4
}

/// A word's `info` ([`lexical_coded`]'s) as its frequency band and its name flags (0xff both,
/// [`PAST_END`]).
fn split_info(info: u16) -> (u8, u8) {
    if info == PAST_END {
        (0xff, 0xff)
    } else {
        ((info & 0xF) as u8, (info >> 4) as u8)
    }
}

fn extract_with(ctx: &Ctx, ev: &Evidence, seq: Range<usize>, out: &mut Features, lexical_too: bool) {
    let text = ctx.doc.text();
    let toks = &ctx.doc.tokens[seq.clone()];
    let (verdicts, ruled, triggers) = (&ev.verdicts[seq.clone()], &ev.ruled[seq.clone()], &ev.triggers[seq.clone()]);
    let others = &ev.elsewhere[seq.clone()];
    out.hashes.clear();
    if lexical_too {
        out.hashes.extend(toks.iter().map(|t| text_hash(word(text, t))));
    }
    let (before, after) = boundary_hashes();
    let f = out;
    f.keys.clear();
    f.starts.clear();
    f.starts.push(0);
    f.codes.clear();
    f.code_starts.clear();
    f.code_starts.push(0);
    // Token i + d, if the sequence has it.
    let at = |i: usize, d: isize| Some(i.checked_add_signed(d)?).filter(|&j| j < toks.len());
    for i in 0..toks.len() {
        let hash_at = |d: isize| at(i, d).map_or(if d < 0 { before } else { after }, |j| f.hashes[j]);
        let (k, codes) = (&mut f.keys, &mut f.codes);
        if lexical_too {
            lexical(ctx, seq.start + i, k);
        }
        // A one-byte feature: a key with the others for training, a code for tagging.
        let mut small = |t: Template, b: u8| {
            if lexical_too {
                k.push(Key::new(t).byte(b).finish())
            } else {
                codes.push(Small::code(t, b))
            }
        };
        let v = |d: isize| at(i, d).map_or(0xff, |j| verdicts[j].0.code());
        small(Template::Lexicon, v(0));
        small(Template::LexiconMinus1, v(-1));
        small(Template::LexiconPlus1, v(1));
        if let Some(kind) = verdicts[i].1 {
            small(Template::LexiconWord, kind as u8);
        }
        // The flags set, lowest first.
        let mut flags = others[i] & ((1 << ELSEWHERE_FLAGS) - 1);
        while flags != 0 {
            small(Template::Elsewhere, flags.trailing_zeros() as u8);
            flags &= flags - 1;
        }
        if lexical_too {
            // How common the neighbours are, and what the name lists say of them: tagging sums
            // these with the neighbours' words ([`neighbour_codes`]).
            let info = |d: isize| split_info(at(i, d).map_or(PAST_END, |j| word_info(ctx, seq.start + j, f.hashes[j])));
            let ((band_before, names_before), (band_after, names_after)) = (info(-1), info(1));
            small(Template::FreqMinus1, band_before);
            small(Template::FreqPlus1, band_after);
            small(Template::GazMinus1, names_before);
            small(Template::GazPlus1, names_after);
        }
        let r = |d: isize| at(i, d).map_or(0xff, |j| ruled[j]);
        small(Template::Rule, r(0));
        small(Template::RuleMinus1, r(-1));
        small(Template::RulePlus1, r(1));
        let trigger_at = |d: isize| at(i, d).and_then(|j| triggers[j]);
        for (t, d) in TRIGGERS_AROUND {
            if let Some(c) = trigger_at(d) {
                small(t, c as u8);
            }
        }
        if lexical_too {
            for (t, d) in AROUND.into_iter().zip([-2, -1, 1, 2]) {
                k.push(Key::new(t).text(hash_at(d)).finish());
            }
        }
        // The other features of a few bytes: keys for training, codes for tagging.
        let mut push = |key: &dyn Fn() -> u32, code: usize| {
            if lexical_too {
                k.push(key())
            } else {
                codes.push(code as u16)
            }
        };
        if i == 0 {
            push(&|| Key::new(Template::First).finish(), Small::FIRST);
        }
        if verdicts[i].2 {
            push(&|| Key::new(Template::LexiconStart).finish(), Small::LEXICON_START);
        }
        let mut article = None;
        for (t, c) in TRIGGERS_AROUND.into_iter().filter(|&(_, d)| d < 0).filter_map(|(t, d)| Some((t, trigger_at(d)?))) {
            // A linear model cannot pair evidence by itself: a trigger before the word with
            // the word's article and with the word's own trigger.
            let article = *article.get_or_insert_with(|| bare(text, &toks[i], ctx.words.all(seq.start + i)).is_some());
            let own = triggers[i].map_or(0, |x| x as u8);
            let before = Small::before(t, c as u8);
            push(&|| Key::new(Template::TriggerArticle).byte(t as u8).byte(c as u8).byte(article as u8).finish(), Small::TRIGGER_ARTICLE + before * 2 + article as usize);
            push(&|| Key::new(Template::TriggerPair).byte(t as u8).byte(c as u8).byte(own).finish(), Small::TRIGGER_PAIR + before * 8 + own as usize);
        }
        f.starts.push(f.keys.len());
        f.code_starts.push(f.codes.len());
    }
}

/// The trigger templates and the token each reads, relative to the token featured.
const TRIGGERS_AROUND: [(Template, isize); 5] = [
    (Template::Trigger, 0),
    (Template::TriggerMinus3, -3),
    (Template::TriggerMinus2, -2),
    (Template::TriggerMinus1, -1),
    (Template::TriggerPlus1, 1),
];

/// The word as features see it: numbers by their digit count (`#4` for a year).
fn word<'t>(text: &'t str, tok: &Token) -> &'t str {
    const DIGITS: [&str; 7] = ["#1", "#2", "#3", "#4", "#5", "#6", "#+"];
    match tok.kind {
        TokenKind::Number => DIGITS[(tok.end - tok.start).clamp(1, 7) - 1],
        _ => tok.text(text),
    }
}

/// The bare stem of a word: without proclitics and the article ال, from the last of its
/// readings (the longest proclitics) that leaves the article and two letters after it; `None`
/// when no reading has the article. A suffix of the word's text.
fn bare<'t>(text: &'t str, tok: &Token, readings: &[Reading]) -> Option<(&'t str, bool)> {
    if tok.kind != TokenKind::Word {
        return None;
    }
    readings.iter().rev().find_map(|r| {
        let s = &text[r.range(tok)];
        // A merged article (لل) has lost its alef: its stem text starts at the lam.
        let after = if r.merged_article { s.strip_prefix('ل')? } else { s.strip_prefix("ال")? };
        after.chars().nth(1).is_some().then_some((after, true))
    })
}

/// Whether `s` starts with the article ال and has at least two letters after it.
pub(crate) fn has_article(s: &str) -> bool {
    s.starts_with("ال") && s[4..].chars().nth(1).is_some()
}

fn shape(w: &str, kind: TokenKind) -> u8 {
    match kind {
        TokenKind::Number => 1,
        TokenKind::Punct => 2,
        TokenKind::Word if w.is_ascii() => 3,
        TokenKind::Word if w.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) => 4,
        TokenKind::Word => 5,
    }
}

/// The prefixes of one to four letters of a word (all of a shorter word).
fn prefixes(keys: &mut Vec<u32>, w: &str, t: Template) {
    let mut p = Key::new(t);
    for c in w.chars().take(4) {
        p = p.word(c as u64);
        keys.push(p.finish());
    }
}

/// The suffixes of one to four letters of a word, read from its end.
fn suffixes(keys: &mut Vec<u32>, w: &str) {
    let mut s = Key::new(Template::Suffix);
    for c in w.chars().rev().take(4) {
        s = s.word(c as u64);
        keys.push(s.finish());
    }
}

/// What general knowledge says of a word ([`knowledge`]).
struct Knowledge {
    /// How common the word is ([`super::freq::band`]; 0: rare, not listed).
    band: u8,
    /// The band of its commonest stem after proclitics (0 without one).
    stem_band: u8,
    /// The name lists' flags of the word ([`super::freq::name_flags`]).
    flags: u8,
    /// Those of its stems after proclitics, ORed.
    stem_flags: u8,
}

/// How common token `i`'s word (`hash`: its [`text_hash`]) is in general use and what the name
/// lists say of it; and of its stems after proclitics: each looked up once.
fn knowledge(ctx: &Ctx, i: usize, hash: u64) -> Knowledge {
    let (text, tok) = (ctx.doc.text(), &ctx.doc.tokens[i]);
    let mut k = Knowledge { band: 0, stem_band: 0, flags: 0, stem_flags: 0 };
    if tok.kind != TokenKind::Word {
        return k;
    }
    (k.band, k.flags) = super::freq::lookup(hash);
    for r in &ctx.words.all(i)[1..] {
        let (band, flags) = super::freq::lookup(text_hash(&text[r.range(tok)]));
        if band != 0 && (k.stem_band == 0 || band < k.stem_band) {
            k.stem_band = band;
        }
        k.stem_flags |= flags;
    }
    k
}

/// What token `i`'s word (`hash`: its [`text_hash`]) gives its neighbours to read: its
/// frequency band, and the name lists' flags of it above (0 for a token not a word).
fn word_info(ctx: &Ctx, i: usize, hash: u64) -> u16 {
    if ctx.doc.tokens[i].kind != TokenKind::Word {
        return 0;
    }
    let (band, flags) = super::freq::lookup(hash);
    pack_info(band, flags)
}

/// The trigger class of token `i`, from the entity stage's rule tables: of the word as it stands,
/// else of its first reading after proclitics that the tables know.
fn trigger(ctx: &Ctx, i: usize) -> Option<Trigger> {
    use class::*;
    if ctx.any[i] & (CUE | SPEECH | CONNECTOR | FIRST | FIRST_AMBIGUOUS) == 0 {
        return None;
    }
    ctx.stem_classes(i).find_map(|(_, c)| {
        Some(if c & CUE_TITLE != 0 {
            Trigger::Title
        } else if c & CUE_HEAD != 0 {
            if ctx.cue(i, &[CueKind::PlaceHead, CueKind::Area]).is_some() {
                Trigger::Place
            } else {
                Trigger::Org
            }
        } else if c & SPEECH != 0 {
            Trigger::Speech
        } else if c & CONNECTOR != 0 {
            Trigger::Relation
        } else if c & (FIRST | FIRST_AMBIGUOUS) != 0 {
            Trigger::Given
        } else if c & CUE_OTHER != 0 && ctx.cue(i, &[CueKind::Nisba]).is_some() {
            Trigger::Nationality
        } else {
            return None;
        })
    })
}

/// For each token of `seq`: the lexicon's verdict from the entity stage's leftmost-longest scan
/// of its names ([`Ctx::names`]: each word tried in each proclitic reading), and, for a word
/// where a name may start, the kind of the word alone as a lexicon name (in any reading) and
/// whether it starts some lexicon name.
fn lexicon_verdicts(ctx: &Ctx, seq: Range<usize>) -> Vec<(Verdict, Option<Kind>, bool)> {
    let mut out = vec![(Verdict::None, None, false); seq.len()];
    let t = ctx.t;
    for (i, v) in seq.clone().zip(out.iter_mut()) {
        if ctx.any[i] & class::NAME == 0 {
            continue;
        }
        v.2 = true;
        v.1 = ctx.words.at(i).iter().find_map(|&(_, w)| {
            let hit = t.names.value(t.names.step(Trie::<NameHit>::ROOT, w)?)?;
            Some(t.entries[hit.entry as usize].kind)
        });
    }
    let mut i = seq.start;
    while i < seq.end {
        match ctx.names[i] {
            Some(m) => {
                let kind = t.entries[m.hit.entry as usize].kind;
                out[i - seq.start].0 = Verdict::Begin(kind);
                for v in &mut out[i + 1 - seq.start..m.end.min(seq.end) - seq.start] {
                    v.0 = Verdict::Inside(kind);
                }
                i = m.end;
            }
            None => i += 1,
        }
    }
    out
}

/// For each token of `seq`, what the entity stage's lexicons and rules kept there (`rules`, in
/// order, not overlapping): 0 for nothing, else the position in the name (first or later
/// token), its kind, the finder (lexicon, a club, a head, a title, a verb of saying, a first
/// name) and how sure it is, in one byte.
fn rule_verdicts(rules: &[Candidate], seq: Range<usize>) -> Vec<u8> {
    let mut out = vec![0u8; seq.len()];
    let from = rules.partition_point(|c| c.end <= seq.start);
    for c in rules[from..].iter().take_while(|c| c.start < seq.end) {
        let finder = match c.why {
            Why::Lexicon => 0,
            Why::Club(_) => 1,
            Why::Head(..) => 2,
            Why::Title(..) => 3,
            Why::Verb(_) => 4,
            Why::FirstName(..) => 5,
            Why::Model(..) => 6,
        };
        let kind = crf::KINDS.iter().position(|&k| k == c.kind).unwrap_or(0) as u8;
        let code = |inside: u8| 1 + inside + 2 * (kind + 4 * (finder + 7 * c.tier as u8));
        for j in c.start.max(seq.start)..c.end.min(seq.end) {
            out[j - seq.start] = code((j > c.start) as u8);
        }
    }
    out
}

/// The number of [`elsewhere`] flags.
const ELSEWHERE_FLAGS: usize = 14;

/// What the other occurrences of each token's word in the document say, as flags: bits 0–3, one
/// of them is in a name the lexicons and rules kept, of each kind (in [`crf::KINDS`] order);
/// 4–7, one is in a lexicon name of each kind; 8–11 and 13, one follows a title, an
/// organization's head, a place's head, a verb of saying, a first name; 12, there is another.
/// A word is a name in one place and the same name where nothing around it says so. Words
/// meet by their stems without proclitics and the article (one word may have several).
fn elsewhere(ctx: &Ctx, ev: &Evidence) -> Vec<u16> {
    let n = ctx.len();
    let kind_bit = |k: Kind| crf::KINDS.iter().position(|&x| x == k).unwrap_or(0);
    let mut own = vec![0u16; n];
    for i in (0..n).filter(|&i| ctx.doc.tokens[i].kind == TokenKind::Word) {
        let mut flags = 1u16 << 12;
        if ev.ruled[i] != 0 {
            flags |= 1 << ((ev.ruled[i] - 1) / 2 % 4);
        }
        if let Verdict::Begin(k) | Verdict::Inside(k) = ev.verdicts[i].0 {
            flags |= 1 << (4 + kind_bit(k));
        }
        flags |= match i.checked_sub(1).and_then(|j| ev.triggers[j]) {
            Some(Trigger::Title) => 1 << 8,
            Some(Trigger::Org) => 1 << 9,
            Some(Trigger::Place) => 1 << 10,
            Some(Trigger::Speech) => 1 << 11,
            Some(Trigger::Given) => 1 << 13,
            _ => 0,
        };
        own[i] = flags;
    }
    // Each stem's flags: those of any occurrence, and those of two or more.
    let mut stems: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(n / 2, Default::default());
    let mut seen: Vec<(u16, u16)> = Vec::with_capacity(n / 2);
    // Each word's stems, by number: `ids[starts[i]..starts[i + 1]]`.
    let (mut ids, mut starts) = (Vec::with_capacity(n * 2), Vec::with_capacity(n + 1));
    let mut keys = Vec::new();
    // By word type, where its stems' numbers were first written in `ids`: a word met again has
    // the same stems, copied rather than found and hashed again.
    let mut met: Vec<(u32, u32)> = Vec::new();
    for (i, &flags) in own.iter().enumerate() {
        let from = ids.len() as u32;
        starts.push(from);
        if flags == 0 {
            continue;
        }
        let ty = ctx.words.type_of(i).map(|t| t as usize);
        match ty.and_then(|t| met.get(t)).filter(|m| m.0 != u32::MAX) {
            Some(&(a, b)) => ids.extend_from_within(a as usize..b as usize),
            None => {
                cores(ctx, i, &mut keys);
                for key in &keys {
                    let next = seen.len() as u32;
                    let id = *stems.entry(key).or_insert(next);
                    if id == next {
                        seen.push((0, 0));
                    }
                    ids.push(id);
                }
                if let Some(t) = ty {
                    if met.len() <= t {
                        met.resize(t + 1, (u32::MAX, 0));
                    }
                    met[t] = (from, ids.len() as u32);
                }
            }
        }
        for &id in &ids[from as usize..] {
            let (any, twice) = &mut seen[id as usize];
            *twice |= *any & flags;
            *any |= flags;
        }
    }
    starts.push(ids.len() as u32);
    (0..n)
        .map(|i| {
            ids[starts[i] as usize..starts[i + 1] as usize].iter().fold(0, |out, &id| {
                let (any, twice) = seen[id as usize];
                out | twice & own[i] | any & !own[i]
            })
        })
        .collect()
}

/// The stems by which word `i` meets other occurrences of itself (see [`elsewhere`]) into
/// `out`: each reading's, without the article, of three letters or more, once each.
fn cores<'d>(ctx: &Ctx<'d, '_>, i: usize, out: &mut Vec<&'d str>) {
    let text: &'d str = ctx.doc.text();
    let tok = &ctx.doc.tokens[i];
    out.clear();
    for r in ctx.words.all(i) {
        let s = &text[r.range(tok)];
        let core = if r.merged_article { s.strip_prefix('ل') } else { s.strip_prefix("ال") };
        let core = core.filter(|c| c.chars().nth(1).is_some()).unwrap_or(s);
        if core.chars().nth(2).is_some() && !out.contains(&core) {
            out.push(core);
        }
    }
}

/// The sequences of a document: runs of tokens with no line break between them.
pub fn sequences(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..doc.tokens.len() {
        if text[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n') {
            out.push(start..i);
            start = i;
        }
    }
    if start < doc.tokens.len() {
        out.push(start..doc.tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::rules_kept;
    use crate::entities::tables::{Tables, TABLES};

    #[test]
    fn keys_are_stable_and_never_zero() {
        // A model file stores keys: they must not change between builds or platforms.
        assert_eq!(word_key("الحكومه"), word_key("الحكومه"));
        assert_ne!(word_key("الحكومه"), word_key("حكومه"));
        assert_eq!(word_key("الحكومه"), 0xb1d9_d027, "the hash function changed: bump FEATURES_VERSION and retrain");
        assert!((0..1000u32).all(|n| word_key(&n.to_string()) != 0));
    }

    #[test]
    fn trigger_words_come_from_the_rule_tables_and_are_found_after_proclitics() {
        let doc = Doc::new("وقال الرئيس ولوزارة الخارجية في مدينة حلب الفرنسية أبو محمد");
        let ctx = Ctx::new(&doc, &TABLES);
        let found: Vec<Option<Trigger>> = (0..doc.tokens.len()).map(|i| trigger(&ctx, i)).collect();
        use Trigger::*;
        assert_eq!(found, vec![Some(Speech), Some(Title), Some(Org), None, None, Some(Place), None, Some(Nationality), Some(Relation), Some(Given)]);
    }

    #[test]
    fn other_occurrences_of_a_word_lend_it_their_evidence() {
        // زيدان after a title in one line, alone (and after و) in the others.
        let doc = Doc::new("قال الرئيس زيدان\nوصل زيدان\nوغادر وزيدان");
        let ctx = Ctx::new(&doc, &TABLES);
        let ev = Evidence::new(&ctx, &rules_kept(&ctx));
        let title = 1 << 8;
        let (first, second, third) = (ev.elsewhere[2], ev.elsewhere[4], ev.elsewhere[6]);
        // The first occurrence's title is seen from the others, not from itself.
        assert_eq!((first & title, second & title, third & title), (0, title, title));
        let another = 1 << 12;
        assert!([first, second, third].iter().all(|f| f & another != 0));
        assert_eq!(ev.elsewhere[3] & another, 0, "وصل occurs once as it stands");
    }

    #[test]
    fn lexicon_verdicts_mark_whole_names() {
        let t = Tables::build(&[("t", "حلف شمال الأطلسي\torganization\nروسيا\tlocation\nشمال\tlocation")], &[]).unwrap();
        let doc = Doc::new("قال حلف شمال الأطلسي وروسيا حلف\nشمال");
        let ctx = Ctx::new(&doc, &t);
        let v = lexicon_verdicts(&ctx, 0..doc.tokens.len());
        use Kind::*;
        use Verdict::*;
        let verdicts: Vec<Verdict> = v.iter().map(|x| x.0).collect();
        assert_eq!(verdicts, vec![None, Begin(Organization), Inside(Organization), Inside(Organization), Begin(Location), None, Begin(Location)]);
        // The word alone as a name, and whether a name starts with it.
        let words: Vec<(Option<Kind>, bool)> = v.iter().map(|x| (x.1, x.2)).collect();
        assert_eq!(words, vec![(Option::None, false), (Option::None, true), (Some(Location), true), (Option::None, false), (Some(Location), true), (Option::None, true), (Some(Location), true)]);
        // A sequence's verdicts are its own.
        assert_eq!(lexicon_verdicts(&ctx, 6..7).iter().map(|x| x.0).collect::<Vec<_>>(), vec![Begin(Location)]);
    }

    #[test]
    fn sequences_break_at_lines() {
        let doc = Doc::new("أ ب\nج، د\n\nه");
        assert_eq!(sequences(&doc), vec![0..2, 2..5, 5..6]);
        assert!(sequences(&Doc::new(" ")).is_empty());
    }

    #[test]
    fn tagging_reads_the_features_training_reads() {
        // extract_context's keys and codes, with each word's own and its neighbours' features,
        // are extract's keys.
        let doc = Doc::new("وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن وزارة الخارجية ستعلن،\nأمس 12 مارس.");
        let ctx = Ctx::new(&doc, &TABLES);
        let ev = Evidence::new(&ctx, &rules_kept(&ctx));
        for seq in sequences(&doc) {
            let (mut all, mut context) = (Features::default(), Features::default());
            extract(&ctx, &ev, seq.clone(), &mut all);
            extract_context(&ctx, &ev, seq.clone(), &mut context);
            let (before, after) = boundary_hashes();
            for (t, i) in seq.clone().enumerate() {
                let (mut keys, mut codes) = (Vec::new(), Vec::new());
                let (hash, band) = lexical_coded(&ctx, i, &mut keys, &mut codes);
                assert_eq!((hash, band), (word_hash(&ctx, i), word_info(&ctx, i, word_hash(&ctx, i))));
                keys.extend(codes.iter().map(|&c| Small::key(c as usize)));
                keys.extend_from_slice(context.of(t));
                keys.extend(context.codes_of(t).iter().map(|&c| Small::key(c as usize)));
                for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                    let j = (i as isize + d) as usize;
                    let (hash, info) = if seq.contains(&j) { (word_hash(&ctx, j), word_info(&ctx, j, word_hash(&ctx, j))) } else if d < 0 { (before, PAST_END) } else { (after, PAST_END) };
                    keys.push(neighbour_keys(hash)[k]);
                    keys.extend(neighbour_codes(info).iter().filter(|&&(n, _)| n == k).map(|&(_, c)| Small::key(c as usize)));
                }
                let mut want = all.of(t).to_vec();
                want.sort_unstable();
                keys.sort_unstable();
                assert_eq!(keys, want, "token {i}");
            }
        }
    }

    #[test]
    fn every_token_has_features() {
        let all = |doc: &Doc| {
            let mut f = Features::default();
            let ctx = Ctx::new(doc, &TABLES);
            extract(&ctx, &Evidence::new(&ctx, &rules_kept(&ctx)), 0..doc.tokens.len(), &mut f);
            f
        };
        let doc = Doc::new("التقى الرئيس بوتين فى موسكو يوم 12 مارس 2024، وقال: «نعم».");
        let f = all(&doc);
        assert_eq!(f.len(), doc.tokens.len());
        assert!((0..f.len()).all(|i| f.of(i).len() >= 8));
        // The same words in the same context have the same features; a context ends with its
        // sequence.
        let twice = Doc::new("التقى الرئيس بوتين التقى الرئيس بوتين");
        let ctx = Ctx::new(&twice, &TABLES);
        let mut first = Features::default();
        let ev = Evidence::new(&ctx, &rules_kept(&ctx));
        extract(&ctx, &ev, 0..3, &mut first);
        let mut second = Features::default();
        extract(&ctx, &ev, 3..6, &mut second);
        assert_eq!(first.keys, second.keys);
        assert_ne!(all(&twice).of(2), first.of(2));
    }
}
