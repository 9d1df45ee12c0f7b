//! What every finder of the stage reads: the document's tokens looked up once in the tables,
//! the longest lexicon name at each token, cue phrases, and the candidates finders propose.

use crate::doc::Doc;
use crate::span::{Kind, Span};
use crate::tokenize::{adjacent, Reading, TokenKind};

use super::cues::{Cue, CueKind};
use super::tables::{class, NameHit, Tables};
use super::trie::{Trie, Words};

/// The reading of a word as it stands, no proclitic stripped.
pub const BARE: Reading = Reading { prefix: 0, merged_article: false };

/// A lexicon name found at a token.
#[derive(Clone, Copy, Debug)]
pub struct NameMatch {
    /// The reading of its first token (the proclitics it stands after).
    pub first: Reading,
    /// One past its last token.
    pub end: usize,
    pub hit: NameHit,
}

/// A cue phrase found at a token.
#[derive(Clone, Copy, Debug)]
pub struct CueMatch<'t> {
    pub first: Reading,
    pub end: usize,
    pub cue: &'t Cue,
}

/// How sure a finder is of a candidate; on overlap the surer one wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// A rule with weak evidence: a head with an unknown complement, a first name with the
    /// words after it, a title with the words after it.
    Guess,
    /// The entity model ([`crate::model`]), which read the candidates the lexicons and rules
    /// kept: it replaces those of the lexicon mined from its own training corpus and the
    /// guesses; the others override it (see [`Candidate::overrides_model`]).
    Model,
    /// A lexicon entry.
    Lexicon,
    /// A rule with strong evidence: a head whose complement the lexicon knows (جامعة القاهرة),
    /// a name in guillemets after a title.
    Sure,
}

/// Why a candidate was proposed, kept unrendered until the candidate is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why<'t> {
    /// A lexicon entry (the candidate's).
    Lexicon,
    /// A lexicon city read as its football club (the city's entry).
    Club(u32),
    /// `rule: {what} after the head noun «{head}»`.
    Head(&'static str, &'t str),
    /// `rule: {what} after the title «{title}»`.
    Title(&'static str, &'t str),
    /// `rule: a name after the verb «{verb}»`.
    Verb(&'t str),
    /// `rule: the first name «{name}»`, and the name after it when `true`.
    FirstName(&'t str, bool),
    /// The entity model, with its confidence in percent, and whether it found the name as the
    /// same word as a name it found surely elsewhere in the text.
    Model(u8, bool),
}

impl Why<'_> {
    /// The explanation in words, for a candidate with lexicon entry `entry`.
    pub fn render(&self, t: &Tables, entry: Option<u32>) -> String {
        let lexicon = |e: u32| {
            let e = &t.entries[e as usize];
            ["lexicon ", e.file, ": ", &e.canonical].concat()
        };
        match *self {
            Why::Lexicon => entry.map(lexicon).unwrap_or_default(),
            Why::Club(e) => lexicon(e) + ", a club (a city with a masculine adjective)",
            Why::Head(what, head) => ["rule: ", what, " after the head noun «", head, "»"].concat(),
            Why::Title(what, title) => ["rule: ", what, " after the title «", title, "»"].concat(),
            Why::Verb(verb) => ["rule: a name after the verb «", verb, "»"].concat(),
            Why::FirstName(name, more) => {
                ["rule: the first name «", name, if more { "» and the name after it" } else { "»" }].concat()
            }
            Why::Model(percent, elsewhere) => {
                let model = crate::model::explain(percent, elsewhere);
                match entry {
                    Some(e) => [&model, ", ", &lexicon(e)].concat(),
                    None => model,
                }
            }
        }
    }
}

/// A proposed entity mention over whole tokens.
#[derive(Clone, Debug)]
pub struct Candidate<'t> {
    pub kind: Kind,
    /// Token range.
    pub start: usize,
    pub end: usize,
    /// The reading of the first token: the span starts after its proclitics.
    pub first: Reading,
    pub tier: Tier,
    /// The lexicon entry that gives the canonical name.
    pub entry: Option<u32>,
    /// A lexicon form that is also a common word: kept only with support.
    pub needs_context: bool,
    pub source: &'static str,
    pub why: Why<'t>,
}

impl Candidate<'_> {
    /// Whether a candidate the lexicons and rules kept stands against the entity model: a sure
    /// rule's, or a hand-made lexicon's. The model was trained on the corpus the mined lexicon
    /// (`anercorp.tsv`) comes from, with the guesses' and the mined lexicon's candidates as
    /// features: where they are right, it finds them too.
    pub fn overrides_model(&self, t: &Tables) -> bool {
        match self.tier {
            Tier::Sure => true,
            Tier::Lexicon => self.entry.is_some_and(|e| !t.entries[e as usize].mined()),
            Tier::Guess | Tier::Model => false,
        }
    }
}

/// A document as the finders see it.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub t: &'d Tables,
    pub words: Words,
    /// The class bits of each token, over all its readings: most tokens are nothing the
    /// finders look for, and are passed over at once.
    pub any: Vec<u16>,
    /// The longest lexicon name starting at each token.
    pub names: Vec<Option<NameMatch>>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, t: &'d Tables) -> Ctx<'d, 'a> {
        let words = Words::new(doc, &t.vocab);
        let any = (0..doc.tokens.len()).map(|i| words.at(i).iter().fold(0, |c, &(_, w)| c | t.class(w))).collect();
        let mut ctx = Ctx { doc, t, words, any, names: Vec::new() };
        ctx.names = (0..doc.tokens.len()).map(|i| if ctx.any[i] & class::NAME != 0 { ctx.longest_name(i) } else { None }).collect();
        ctx
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The normalized text of token `i`.
    pub fn tok(&self, i: usize) -> &'d str {
        self.doc.tok(i)
    }

    /// Whether tokens `i` and `i + 1` are separated by plain spaces only.
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.len() && adjacent(self.doc.text(), &self.doc.tokens[i], &self.doc.tokens[i + 1])
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.len() && self.doc.tokens[i].kind == TokenKind::Word
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        i < self.len() && self.doc.tokens[i].kind == TokenKind::Punct && p.contains(&self.tok(i))
    }

    /// The class bits of token `i` as it stands (0 for an unknown word).
    pub fn class(&self, i: usize) -> u16 {
        self.words.word(i).map_or(0, |w| self.t.class(w))
    }

    /// The class bits of token `i` read after its proclitics, for each known reading.
    pub fn stem_classes(&self, i: usize) -> impl Iterator<Item = (Reading, u16)> + '_ {
        self.words.at(i).iter().map(|&(r, w)| (r, self.t.class(w)))
    }

    /// Whether token `i` as it stands starts with the article ال.
    pub fn has_article(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).starts_with("ال") && self.tok(i).chars().count() > 3
    }

    /// The lexicon name at token `i` read as it stands (no proclitic before it).
    pub fn bare_name(&self, i: usize) -> Option<NameMatch> {
        self.names.get(i).copied().flatten().filter(|m| m.first.prefix == 0)
    }

    fn longest_name(&self, i: usize) -> Option<NameMatch> {
        let mut best: Option<NameMatch> = None;
        // A word known as it stands (كلاوس a first name, لدينا a function word) is not read as
        // proclitics and a name of one word (ك + لاوس); a name of several words says more
        // (لمجلس الأمن، للاتحاد الأوروبي: لمجلس is a common word too).
        let known_word = self.class(i) & (class::FIRST | class::FIRST_AMBIGUOUS | class::FUNCTION | class::COMMON) != 0;
        for &(first, w) in self.words.at(i) {
            if self.t.class(w) & class::NAME == 0 {
                continue;
            }
            let one_word_too = !(known_word && first.prefix > 0);
            walk(&self.t.names, self, i, w, |end, hit| {
                if (one_word_too || end > i + 1) && best.is_none_or(|b| end > b.end) {
                    best = Some(NameMatch { first, end, hit: *hit });
                }
            });
        }
        best
    }

    /// The longest cue phrase at token `i` with a cue of one of `kinds`, from any reading of its
    /// first word (the word as it stands first).
    pub fn cue(&self, i: usize, kinds: &[CueKind]) -> Option<CueMatch<'d>> {
        // Most tokens are nothing the tables know: passed over before the kinds are read.
        let any = self.any.get(i).copied().unwrap_or(0);
        if any == 0 {
            return None;
        }
        let family = kinds.iter().fold(0, |f, k| f | k.family());
        if any & family == 0 {
            return None;
        }
        let mut best: Option<CueMatch<'d>> = None;
        let t: &'d Tables = self.t;
        for &(first, w) in self.words.at(i) {
            if t.class(w) & family == 0 {
                continue;
            }
            walk(&t.cues, self, i, w, |end, cues| {
                if let Some(cue) = cues.iter().find(|c| kinds.contains(&c.kind)) {
                    if best.is_none_or(|b| end > b.end) {
                        best = Some(CueMatch { first, end, cue });
                    }
                }
            });
        }
        best
    }

    /// A cue of one of `kinds` at token `i`, read as it stands.
    pub fn bare_cue(&self, i: usize, kinds: &[CueKind]) -> Option<CueMatch<'d>> {
        self.cue(i, kinds).filter(|m| m.first.prefix == 0)
    }

    /// The span of a candidate.
    pub fn span(&self, c: &Candidate) -> Span {
        self.span_of(c.kind, c.first, c.start, c.end, c.source, c.why.render(self.t, c.entry))
    }

    /// A span over tokens `start..end`, the first read after its proclitics.
    pub fn span_of(&self, kind: Kind, first: Reading, start: usize, end: usize, source: &'static str, why: String) -> Span {
        let toks = &self.doc.tokens;
        self.doc.span(kind, first.range(&toks[start]).start..toks[end - 1].end, source, why)
    }

    /// Whether tokens `start..end` stand alone between quotation marks or guillemets.
    pub fn quoted(&self, start: usize, end: usize) -> bool {
        start > 0 && (self.is_punct(start - 1, &["«"]) && self.is_punct(end, &["»"]) || self.is_punct(start - 1, &["\"", "“"]) && self.is_punct(end, &["\"", "”"]))
    }
}

/// Walks `trie` from word `w` at token `i` over the following joined tokens (as they stand),
/// calling `found(end, value)` for every phrase that ends.
fn walk<'t, T>(trie: &'t Trie<T>, ctx: &Ctx, i: usize, w: u32, mut found: impl FnMut(usize, &'t T)) {
    let Some(mut node) = trie.step(Trie::<T>::ROOT, w) else { return };
    let mut j = i;
    loop {
        if let Some(v) = trie.value(node) {
            found(j + 1, v);
        }
        if !ctx.joined(j) {
            return;
        }
        let Some(next) = ctx.words.word(j + 1).and_then(|w| trie.step(node, w)) else { return };
        node = next;
        j += 1;
    }
}
