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
//! - the lexicon's verdict: whether a lexicon name covers the token (beginning or inside, and its
//!   kind) and the verdicts of its two neighbours; whether the word alone is a lexicon name, or
//!   the first word of one;
//! - trigger words (`data/model/triggers.tsv`): titles, organization and place heads, speech verbs,
//!   given names, nationalities at *i−3 … i+1*; a trigger before the word is also paired with
//!   whether the word has the article and with the word's own trigger class (a title before a
//!   word without the article, a title before a given name).
//!
//! The labels of neighbouring tokens are the model's transition weights, not features.

use std::ops::Range;
use std::sync::LazyLock;

use crate::doc::Doc;
use crate::entities::scan::Ctx;
use crate::entities::tables::{class, NameHit};
use crate::entities::trie::Trie;
use crate::fxhash::FxHashMap;
use crate::normalize::normalize_str;
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
}

/// The version of the feature definitions; the model file records the one it was trained with.
pub const FEATURES_VERSION: u32 = 2;

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

    fn bytes(self, s: &[u8]) -> Key {
        let mut chunks = s.chunks_exact(8);
        let mut k = self;
        for c in &mut chunks {
            k = k.word(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        // The length goes in too, so that "ab" then "c" and "a" then "bc" differ.
        k.word(u64::from_le_bytes(last)).word(s.len() as u64)
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

/// The key of the `word=` feature of a normalized word: the model's own vocabulary test.
pub(crate) fn word_key(word: &str) -> u32 {
    Key::new(Template::Word).bytes(word.as_bytes()).finish()
}

/// The class of a trigger word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Trigger {
    Title = 1,
    Org = 2,
    Place = 3,
    Speech = 4,
    Relation = 5,
    Given = 6,
    Nationality = 7,
}

/// The trigger words, normalized, with their class.
static TRIGGERS: LazyLock<FxHashMap<String, Trigger>> = LazyLock::new(|| {
    parse_triggers(include_str!("../../data/model/triggers.tsv")).unwrap_or_else(|e| panic!("bad data/model/triggers.tsv: {e}"))
});

fn parse_triggers(text: &str) -> Result<FxHashMap<String, Trigger>, String> {
    let mut map = FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (word, class) = line.split_once('\t').ok_or_else(|| format!("line {}: expected word<TAB>class", n + 1))?;
        let class = match class.trim() {
            "title" => Trigger::Title,
            "org" => Trigger::Org,
            "place" => Trigger::Place,
            "speech" => Trigger::Speech,
            "relation" => Trigger::Relation,
            "given" => Trigger::Given,
            "nationality" => Trigger::Nationality,
            other => return Err(format!("line {}: unknown class {other:?}", n + 1)),
        };
        map.insert(normalize_str(word.trim()), class);
    }
    Ok(map)
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
}

/// The features of the tokens `seq` of a document (one line: they never look past it) into
/// `out`, whose buffers are reused. The document comes as the entity stage sees it ([`Ctx`]):
/// its words looked up once in the stage's tables, whose lexicon verdicts are features.
pub fn extract(ctx: &Ctx, seq: Range<usize>, out: &mut Features) {
    let text = ctx.doc.text();
    let toks = &ctx.doc.tokens[seq.clone()];
    // Each word's proclitic readings, found once by the entity stage.
    let readings = |i: usize| ctx.words.all(seq.start + i);
    let verdicts = lexicon_verdicts(ctx, seq.clone());
    let triggers: Vec<Option<Trigger>> = toks.iter().enumerate().map(|(i, t)| trigger(text, t, readings(i))).collect();
    let words: Vec<&str> = toks.iter().map(|t| word(text, t)).collect();
    let bares: Vec<(&str, bool)> =
        toks.iter().enumerate().map(|(i, t)| bare(text, t, readings(i)).unwrap_or((words[i], false))).collect();
    let f = out;
    f.keys.clear();
    f.starts.clear();
    f.starts.push(0);
    {
        // Token i + d, if the sequence has it.
        let at = |i: usize, d: isize| Some(i.checked_add_signed(d)?).filter(|&j| j < toks.len());
        let word_at = |i: usize, d: isize| at(i, d).map_or(if d < 0 { "<s>" } else { "</s>" }, |j| words[j]);
        for i in 0..toks.len() {
            let tok = &toks[i];
            let k = &mut f.keys;
            let w = words[i];
            k.push(Key::new(Template::Bias).finish());
            k.push(word_key(w));
            for (t, d) in [(Template::WordMinus2, -2), (Template::WordMinus1, -1), (Template::WordPlus1, 1), (Template::WordPlus2, 2)] {
                k.push(Key::new(t).bytes(word_at(i, d).as_bytes()).finish());
            }
            if i == 0 {
                k.push(Key::new(Template::First).finish());
            }
            k.push(Key::new(Template::Shape).byte(shape(w, tok.kind)).finish());
            k.push(Key::new(Template::Length).byte(w.chars().count().min(12) as u8).finish());
            if tok.kind == TokenKind::Word {
                prefixes(k, w, Template::Prefix);
                suffixes(k, w);
                for r in &readings(i)[1..] {
                    // The stem's lexical form: a merged article gets its alef back.
                    k.push(Key::new(Template::Stem).byte(r.merged_article as u8).bytes(text[r.range(tok)].as_bytes()).finish());
                }
                let (b, article) = bares[i];
                k.push(Key::new(Template::Bare).bytes(b.as_bytes()).finish());
                // The bare stem is a suffix of the word: its own suffixes are the word's.
                if article {
                    k.push(Key::new(Template::Article).finish());
                    prefixes(k, b, Template::BarePrefix);
                }
            }
            let v = |d: isize| at(i, d).map_or(0xff, |j| verdicts[j].0.code());
            k.push(Key::new(Template::Lexicon).byte(v(0)).finish());
            k.push(Key::new(Template::LexiconMinus1).byte(v(-1)).finish());
            k.push(Key::new(Template::LexiconPlus1).byte(v(1)).finish());
            if let Some(kind) = verdicts[i].1 {
                k.push(Key::new(Template::LexiconWord).byte(kind as u8).finish());
            }
            if verdicts[i].2 {
                k.push(Key::new(Template::LexiconStart).finish());
            }
            for (t, d) in [
                (Template::Trigger, 0),
                (Template::TriggerMinus3, -3),
                (Template::TriggerMinus2, -2),
                (Template::TriggerMinus1, -1),
                (Template::TriggerPlus1, 1),
            ] {
                if let Some(c) = at(i, d).and_then(|j| triggers[j]) {
                    k.push(Key::new(t).byte(c as u8).finish());
                    if d < 0 {
                        // A linear model cannot pair evidence by itself: these pairs it needs.
                        k.push(Key::new(Template::TriggerArticle).byte(t as u8).byte(c as u8).byte(bares[i].1 as u8).finish());
                        k.push(Key::new(Template::TriggerPair).byte(t as u8).byte(c as u8).byte(triggers[i].map_or(0, |x| x as u8)).finish());
                    }
                }
            }
            f.starts.push(k.len());
        }
    }

}

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

/// The trigger class of a token, looked up as it stands, then after each proclitic, then
/// without the article.
fn trigger(text: &str, tok: &Token, readings: &[Reading]) -> Option<Trigger> {
    if tok.kind != TokenKind::Word {
        return None;
    }
    let map = &*TRIGGERS;
    for r in readings {
        let s = r.stem(tok, text);
        if let Some(&c) = map.get(s.as_ref()) {
            return Some(c);
        }
        if has_article(&s) {
            if let Some(&c) = map.get(&s[4..]) {
                return Some(c);
            }
        }
    }
    None
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
    use crate::entities::tables::{Tables, TABLES};

    #[test]
    fn keys_are_stable_and_never_zero() {
        // A model file stores keys: they must not change between builds or platforms.
        assert_eq!(word_key("الحكومه"), word_key("الحكومه"));
        assert_ne!(word_key("الحكومه"), word_key("حكومه"));
        assert_eq!(word_key("الحكومه"), 0x53ac_3c20, "the hash function changed: bump FEATURES_VERSION and retrain");
        assert!((0..1000u32).all(|n| word_key(&n.to_string()) != 0));
    }

    #[test]
    fn trigger_words_parse_and_are_found_after_proclitics() {
        let doc = Doc::new("وقال الرئيس ولوزارة الخارجية");
        let found: Vec<Option<Trigger>> =
            doc.tokens.iter().map(|t| trigger(doc.text(), t, &t.proclitics(doc.text()).collect::<Vec<_>>())).collect();
        assert_eq!(found, vec![Some(Trigger::Speech), Some(Trigger::Title), Some(Trigger::Org), None]);
        assert!(parse_triggers("x\tnoun").is_err());
        assert!(parse_triggers("x").is_err());
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
    fn every_token_has_features() {
        let all = |doc: &Doc| {
            let mut f = Features::default();
            extract(&Ctx::new(doc, &TABLES), 0..doc.tokens.len(), &mut f);
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
        extract(&ctx, 0..3, &mut first);
        let mut second = Features::default();
        extract(&ctx, 3..6, &mut second);
        assert_eq!(first.keys, second.keys);
        assert_ne!(all(&twice).of(2), first.of(2));
    }
}
