//! Speakers: who says the words a cue introduces.
//!
//! The candidates are the mentions the entity stage found — people, organizations, places, and
//! role descriptors (`Kind::Role`: الأمين العام للحلف، وزير الخارجية الأمريكي) linked to the person
//! who holds the role — and short names in guillemets («مارجريتي فيستاجر»). In order:
//!
//! 1. the subject just before the cue (بلينكن أكد:، «روته» أقر بأن), when the cue carries no
//!    conjunction of its own — a place or body only when it opens the clause (روسيا أكدت);
//! 2. the subject just after it (وقال وزير الخارجية أنتوني بلينكن:، وأضاف «روته»:), a person or
//!    role within a few title words, an organization or place right after the cue;
//! 3. for a cue with no subject (فقال:، وقال أيضا:، وهو لفت) and for a participle or cue noun
//!    (مضيفا، بالقول): the speaker of the sentence's earlier cue («روته» أقر بأن … فقال:), else
//!    the first person or role the sentence names outside a prepositional phrase (وسئل ماكرون
//!    … فقال:، but not وفي لقاء مع بايدن قال:), else the speaker of the previous attribution,
//!    carried over when it ended at most [`CARRY_PARAS`] paragraphs before. An impersonal or
//!    passive cue (وجاء في البيان:، ويذكر أن) takes none of these.
//!
//! A mention governed by a preposition (مع بايدن، لبوتين) is never a subject.
//!
//! A subject the text gives but no mention names (وقال مصدر مطلع:) leaves the speaker
//! unattributed rather than guessed. A role span linked to no entity takes the holder of an
//! earlier linked mention of the same role, or else names the speaker by the role's words. An
//! organization speaking "through" someone (عبر أمينه العام، على لسان وزيرها) gives way to that
//! someone; a role word with a possessive (أمينه العام) or a bare role (الأمين العام) is matched
//! to the latest role span with the same head words.

use crate::doc::Doc;
use crate::fxhash::FxHashMap;
use crate::span::{Entity, Kind, Span, Speaker};
use crate::tokenize::{adjacent, TokenKind};

use super::cues::{comp_at, cue_at, Cue};
use super::layout::punct;
use super::lexicon::{Class, Tense, LEXICON};
use super::marks::{is_clause, Pair};
use super::Ctx;

/// How many paragraphs after the previous attribution a subjectless cue still takes its speaker.
pub const CARRY_PARAS: usize = 2;

/// How many title words may stand between a cue and the person after it (قال الرئيس الأمريكي جو
/// بايدن) when the entity stage gave no role span for them.
pub const MAX_TITLE_WORDS: usize = 4;

/// How far back from a cue its subject is looked for, in tokens.
const MAX_BEFORE: usize = 4;

/// How far back from a participle the sentence's first speaker is looked for, in tokens.
const MAX_SENTENCE_BACK: usize = 80;

/// A mention that can speak, by token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: Kind,
    pub speaker: Speaker,
    /// Governed by a preposition (مع بايدن، لبوتين): not a subject.
    pub governed: bool,
}

/// The mentions of a document that can speak, indexed by first and last token.
pub struct Mentions {
    list: Vec<Mention>,
    /// By token, the mention in `list` that starts (ends) there, or [`NONE`]: the walk asks at
    /// every token, answered by an index rather than a hash.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

/// No mention starts or ends at a token.
const NONE: u32 = u32::MAX;

/// What the words around a cue say about its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A speaker, and how it was found.
    Named(Speaker, &'static str),
    /// The text gives a subject that no mention names.
    Unnamed,
    /// The text gives no subject.
    Absent,
}

/// The speaker a mention of an entity stands for.
fn entity_speaker(id: usize, entities: &[Entity]) -> Option<Speaker> {
    entities.get(id).map(|e| Speaker { entity: Some(id), name: Some(e.name.clone()) })
}

/// A speaker known by words alone.
pub fn by_words(words: &str) -> Speaker {
    Speaker { entity: None, name: Some(words.to_string()) }
}

impl Mentions {
    /// Indexes the entity spans that can speak: people, organizations, places and roles. The
    /// spans come sorted by start (one out of order is placed by a binary search).
    pub fn new(doc: &Doc, spans: &[Span], entities: &[Entity]) -> Mentions {
        let toks = &doc.tokens;
        // The original range of each token, read as the spans are walked.
        let orig = |k: usize| doc.norm.original_range(toks[k].range());
        let mut list: Vec<Mention> = Vec::new();
        let (mut k, mut prev) = (0, 0);
        for s in spans.iter().filter(|s| matches!(s.kind, Kind::Person | Kind::Organization | Kind::Location | Kind::Role)) {
            if s.start < prev {
                k = toks.partition_point(|t| doc.norm.original_range(t.range()).end <= s.start);
            }
            prev = s.start;
            while k < toks.len() && orig(k).end <= s.start {
                k += 1;
            }
            let first = k;
            let mut end = first;
            while end < toks.len() && orig(end).start < s.end {
                end += 1;
            }
            if first >= end {
                continue;
            }
            let words = || by_words(doc.original().get(s.range()).unwrap_or_default());
            let speaker = s.entity.and_then(|id| entity_speaker(id, entities)).unwrap_or_else(words);
            let clitic = orig(first).start < s.start
                && doc.text()[toks[first].start..doc.norm.normalized_offset(s.start).max(toks[first].start)].contains(['ب', 'ل', 'ك']);
            let governed = clitic || governed_at(doc, first);
            list.push(Mention { first, last: end - 1, kind: s.kind, speaker, governed });
        }
        // A role the entity stage left unlinked takes the holder of an earlier, linked mention
        // of the very same role (all its words).
        let mut holders: FxHashMap<String, u32> = FxHashMap::default();
        for m in 0..list.len() {
            if list[m].kind != Kind::Role {
                continue;
            }
            let Some(key) = role_key(doc, list[m].first, list[m].last - list[m].first + 1) else { continue };
            if list[m].speaker.entity.is_some() {
                holders.insert(key, m as u32);
            } else if let Some(&h) = holders.get(&key) {
                list[m].speaker = list[h as usize].speaker.clone();
            }
        }
        let mut starts = vec![NONE; toks.len()];
        let mut ends = vec![NONE; toks.len()];
        for (k, m) in list.iter().enumerate() {
            // The longest mention starting or ending at a token: a role over the organization
            // inside it.
            let s = &mut starts[m.first];
            if *s == NONE || list[*s as usize].last < m.last {
                *s = k as u32;
            }
            let e = &mut ends[m.last];
            if *e == NONE || list[*e as usize].first > m.first {
                *e = k as u32;
            }
        }
        Mentions { list, starts, ends }
    }

    /// The longest mention starting at token `i`.
    pub fn starting(&self, i: usize) -> Option<&Mention> {
        self.starts.get(i).filter(|&&k| k != NONE).map(|&k| &self.list[k as usize])
    }

    /// The longest mention ending at token `i`.
    pub fn ending(&self, i: usize) -> Option<&Mention> {
        self.ends.get(i).filter(|&&k| k != NONE).map(|&k| &self.list[k as usize])
    }

    /// The mention a passage in marks consists of («مارك روته»), if it is exactly one.
    pub fn names(&self, p: Pair) -> Option<&Mention> {
        let r = p.inside();
        self.starting(r.start).filter(|m| r.end > 0 && m.last == r.end - 1)
    }
}

/// The head words of a role (its first one or two words, as it has), as a key that a bare or
/// possessive mention of the same role also gives: the article ال, a possessive pronoun and a
/// final ة (written ه once normalized) removed, and a ت that the pronoun left bare with them
/// (الأمين العام → أمين عام; أمينه العام → أمين عام; وزيرة الخارجية → وزير خارجي; وزيرة
/// خارجيتها → وزير خارجي).
pub fn role_key(doc: &Doc, first: usize, words: usize) -> Option<String> {
    let mut key = String::new();
    for i in first..first + words {
        if doc.tokens.get(i)?.kind != TokenKind::Word {
            return None;
        }
        let w = doc.tok(i);
        let w = w.strip_prefix("ال").filter(|s| s.chars().count() >= 2).unwrap_or(w);
        let w = match ["هما", "هم", "ها", "ه"].iter().find_map(|p| w.strip_suffix(p).filter(|s| s.chars().count() >= 2)) {
            Some(b) => b.strip_suffix('ت').filter(|s| s.chars().count() >= 2).unwrap_or(b),
            None => w,
        };
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    Some(key)
}

/// The roles seen so far, by head words, for later bare or possessive mentions of them.
#[derive(Default)]
pub struct RoleMemory {
    /// The latest role mention (its index) under each key.
    by_key: FxHashMap<String, u32>,
    /// How many mentions (in order) have been looked at.
    seen: usize,
}

impl RoleMemory {
    /// Takes in every role that ends before token `upto` (calls come with `upto` rising, so
    /// each mention is looked at once).
    pub fn advance(&mut self, ctx: &Ctx, upto: usize) {
        let list = &ctx.who.list;
        while let Some(m) = list.get(self.seen).filter(|m| m.last < upto) {
            let index = self.seen as u32;
            self.seen += 1;
            if m.kind != Kind::Role {
                continue;
            }
            if let Some(k) = role_key(ctx.doc, m.first, (m.last - m.first + 1).min(2)) {
                // An unlinked mention does not hide a linked one under the same key.
                let keep = self.by_key.get(&k).is_some_and(|&h| list[h as usize].speaker.entity.is_some()) && m.speaker.entity.is_none();
                if !keep {
                    self.by_key.insert(k, index);
                }
            }
        }
    }

    /// The speaker of an earlier role whose head words are those at token `i`: two words when
    /// a second word follows in the same phrase, else one.
    pub fn recall(&self, ctx: &Ctx, i: usize) -> Option<Speaker> {
        let doc = ctx.doc;
        let two = i + 1 < doc.tokens.len() && adjacent(doc.text(), &doc.tokens[i], &doc.tokens[i + 1]) && !closed_word(doc, i + 1);
        let &h = self.by_key.get(&role_key(doc, i, if two { 2 } else { 1 })?)?;
        Some(ctx.who.list[h as usize].speaker.clone())
    }
}

/// The one named at token `i`, unless a preposition governs it, read through an apposition: a
/// role followed by the name of its holder (الأمين العام للحلف «مارك روته») is that person.
pub fn speaker_at(ctx: &Ctx, i: usize) -> Option<(Speaker, usize)> {
    if governed_at(ctx.doc, i) {
        return None;
    }
    if let Some(p) = ctx.marks.opening(i) {
        return pair_speaker(ctx, p).map(|s| (s, p.end() - 1));
    }
    let m = ctx.who.starting(i).filter(|m| !m.governed)?;
    if m.kind == Kind::Role {
        let next = m.last + 1;
        let person = ctx.marks.opening(next).and_then(|p| ctx.who.names(p)).or_else(|| ctx.who.starting(next));
        if let Some(p) = person.filter(|p| p.kind == Kind::Person) {
            return Some((p.speaker.clone(), p.last));
        }
    }
    Some((m.speaker.clone(), m.last))
}

/// The speaker a short passage in marks names: its mention, or its words when it is a short
/// phrase rather than a clause («مارجريتي فيستاجر» كشفت).
pub fn pair_speaker(ctx: &Ctx, p: Pair) -> Option<Speaker> {
    if let Some(m) = ctx.who.names(p) {
        return Some(m.speaker.clone());
    }
    if is_clause(ctx.doc, p) {
        return None;
    }
    let r = p.inside();
    let (a, b) = (ctx.doc.tokens[r.start].start, ctx.doc.tokens[r.end - 1].end);
    Some(by_words(&ctx.doc.original()[ctx.doc.norm.original_range(a..b)]))
}

/// Whether the word at token `i` stands right after a preposition (مع، في، لـ).
fn governed_at(doc: &Doc, i: usize) -> bool {
    i > 0 && (matches!(LEXICON.class_at(doc, i - 1), Some((Class::Prep, 1))) || matches!(doc.tok(i - 1), "ب" | "ل" | "ك"))
}

/// Whether token `i` is a word that cannot begin a subject (a preposition, a complementizer,
/// a particle, a pronoun, a cue).
fn closed_word(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind != TokenKind::Word
        || comp_at(doc, i)
        || cue_at(doc, i).is_some()
        || matches!(LEXICON.class_at(doc, i), Some((Class::Prep | Class::Particle | Class::Pronoun | Class::Comp, _)))
}

/// The subject after a cue, within its clause (before token `end`).
pub fn after(ctx: &Ctx, roles: &RoleMemory, cue: &Cue, end: usize) -> Who {
    let doc = ctx.doc;
    let mut j = cue.tok + 1;
    while j < end {
        match LEXICON.class_at(doc, j) {
            Some((Class::Filler, len)) => j += len,
            _ => break,
        }
    }
    if j >= end || ctx.layout.is_sent_start(j) {
        return Who::Absent;
    }
    if let Some((s, _)) = speaker_at(ctx, j) {
        return Who::Named(s, "the subject after the cue");
    }
    if closed_word(doc, j) {
        return Who::Absent;
    }
    // Title words before a name (قال الرئيس الأمريكي جو بايدن).
    for k in j + 1..(j + 1 + MAX_TITLE_WORDS).min(end) {
        if let Some(m) = ctx.who.starting(k).filter(|m| matches!(m.kind, Kind::Person | Kind::Role)) {
            let s = speaker_at(ctx, k).map_or_else(|| m.speaker.clone(), |(s, _)| s);
            return Who::Named(s, "the person after the cue and a title");
        }
        if closed_word(doc, k) {
            break;
        }
    }
    match roles.recall(ctx, j) {
        Some(s) => Who::Named(s, "a role named earlier, after the cue"),
        None => Who::Unnamed,
    }
}

/// The subject just before a cue that carries no conjunction (بلينكن أكد:، «روته» أقر).
pub fn before(ctx: &Ctx, cue: &Cue) -> Who {
    let doc = ctx.doc;
    let start = ctx.layout.sent_start(cue.tok);
    if cue.conj || cue.tok == start {
        return Who::Absent;
    }
    let mut j = cue.tok - 1;
    let floor = start.max(cue.tok.saturating_sub(MAX_BEFORE));
    while j > floor && (matches!(punct(doc, j), Some('،' | ',')) || matches!(LEXICON.class_at(doc, j), Some((Class::Filler, 1)))) {
        j -= 1;
    }
    if let Some(p) = ctx.marks.closing(j) {
        return match pair_speaker(ctx, p).filter(|_| !governed_at(doc, p.open)) {
            Some(s) => Who::Named(s, "the name before the cue"),
            None => Who::Absent,
        };
    }
    if let Some(m) = ctx.who.ending(j) {
        // A place or body is the subject only when it opens its clause (روسيا أكدت), not when
        // it completes a phrase (في منطقة الخليج أجاب).
        let opens = m.kind == Kind::Person || m.first == start || closed_word(doc, m.first - 1);
        return match !m.governed && opens {
            true => Who::Named(m.speaker.clone(), "the subject before the cue"),
            false => Who::Absent,
        };
    }
    // A word before the cue is its unnamed subject, unless the sentence opens with a
    // preposition (وفي معاينة أمنية قال) or the word closes no noun phrase.
    let opens_with_prep = matches!(LEXICON.class_at(doc, start), Some((Class::Prep, _)));
    if doc.tokens[j].kind == TokenKind::Word && !closed_word(doc, j) && !opens_with_prep {
        return Who::Unnamed;
    }
    Who::Absent
}

/// An agent the subject speaks through, within the clause `from..end` (عبر أمينه العام).
pub fn through(ctx: &Ctx, roles: &RoleMemory, from: usize, end: usize) -> Option<Speaker> {
    let mut j = from;
    while j < end {
        match LEXICON.class_at(ctx.doc, j) {
            Some((Class::Through, len)) => {
                let k = j + len;
                if k < end {
                    if let Some((s, _)) = speaker_at(ctx, k) {
                        return Some(s);
                    }
                    if let Some(s) = roles.recall(ctx, k) {
                        return Some(s);
                    }
                }
                j = k;
            }
            _ => j += 1,
        }
    }
    None
}

/// The first person or role a sentence names before token `cue`, not governed by a
/// preposition (وخلال زيارة ماكرون إلى برلين قال:، but not وفي لقاء مع بايدن قال:).
pub fn in_sentence(ctx: &Ctx, cue: usize) -> Option<Speaker> {
    let start = ctx.layout.sent_start(cue).max(cue.saturating_sub(MAX_SENTENCE_BACK));
    let doc = ctx.doc;
    (start..cue).find_map(|i| match ctx.marks.opening(i) {
        Some(p) => ctx.who.names(p).filter(|m| m.kind == Kind::Person && !governed_at(doc, i)).map(|m| m.speaker.clone()),
        None => ctx
            .who
            .starting(i)
            .filter(|m| matches!(m.kind, Kind::Person | Kind::Role) && !m.governed)
            .and_then(|_| speaker_at(ctx, i))
            .map(|(s, _)| s),
    })
}

/// Whether a cue takes its subject from its sentence rather than from around it.
pub fn sentence_level(cue: &Cue) -> bool {
    matches!(cue.form.tense, Tense::Participle | Tense::Noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_see_through_the_article_and_a_possessive() {
        for (a, b, words) in [("الأمين العام للحلف", "أمينه العام", 2), ("وزيرة الخارجية", "وزيرة خارجيتها", 2), ("الرئيس", "رئيسها", 1)] {
            let (da, db) = (Doc::new(a), Doc::new(b));
            let ka = role_key(&da, 0, words);
            assert!(ka.is_some());
            assert_eq!(ka, role_key(&db, 0, words), "{a} / {b}");
        }
        assert_eq!(role_key(&Doc::new("وزير الخارجية"), 0, 2).as_deref(), Some("وزير خارجي"));
    }
}
