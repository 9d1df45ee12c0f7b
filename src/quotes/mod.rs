//! Quotations and their speakers: who said what.
//!
//! Arabic news quotes in two shapes. Marked: a passage in quotation marks (« »، “ ”، " ")
//! after a speech cue (قال إن «…»، كشفت في بيان: «…»), or a short phrase of someone's own words
//! inside their indirect speech (مؤكدا أن ذلك يستدعي «ردا حازما»). And colon speech: a speech
//! cue and a colon (قال:، وأضاف «روته»:، فقال:) followed by the words, often over several
//! paragraphs and list items (* أولا: … ثانيا: …), until the narrative resumes; headlines and
//! summaries also quote with a bare name and a colon (بوتين: …). Both shapes give a `quote` span
//! over the words (without the marks) and a `cue` span over the cue word; indirect speech (قال
//! إن …، أشار إلى أن …) gives a `reported` span. Each carries its speaker, or says that no
//! speaker can be attributed (`entity` and `name` null) rather than guess.
//!
//! The stage walks the tokens once, left to right:
//!
//! - [`cues`] recognizes a cue word ([`lexicon`] has the verbs and their forms) and reads what
//!   follows it: a colon, a passage in marks, a complementizer, a list;
//! - [`extents`] finds where the quoted or reported words end;
//! - [`speakers`] finds who says them, from the entity stage's mentions and role spans;
//! - [`marks`] pairs quotation marks and tells a quotation from a name or title in guillemets
//!   («الدستور»، «مارك روته»، «طوفان الأقصى»): a passage with no cue before it is a quotation
//!   only when it reads as a clause, and one that is exactly an entity never is;
//! - [`layout`] gives paragraphs, sentences, list labels and headings.
//!
//! Every look-back is bounded (a few tokens, the current sentence) and every look-ahead either
//! bounded or consumed, so the stage is linear in the text.
//!
//! ```
//! use kashif::{analyze, Kind, Options};
//!
//! let text = "وقال بوتين: نحن مستعدون للحوار.\nلدينا شروط واضحة.\nوأضاف أن الغرب «يماطل».";
//! let a = analyze(text, &Options::default()).unwrap();
//! let quotes: Vec<(&str, Option<&str>)> = a
//!     .of_kind(Kind::Quote)
//!     .map(|s| (&text[s.range()], s.speaker.as_ref().and_then(|p| p.name.as_deref())))
//!     .collect();
//! assert_eq!(quotes, vec![
//!     ("نحن مستعدون للحوار.\nلدينا شروط واضحة.", Some("فلاديمير بوتين")),
//!     ("يماطل", Some("فلاديمير بوتين")),
//! ]);
//! assert_eq!(a.of_kind(Kind::Reported).count(), 1);
//! ```

pub mod cues;
pub mod extents;
pub mod layout;
pub mod lexicon;
pub mod marks;
pub mod speakers;

use std::cell::Cell;
use std::ops::Range;

use crate::doc::Doc;
use crate::span::{Entity, Kind, Span, Speaker};
use crate::tokenize::TokenKind;

use cues::{cue_at, frame, Cue, Frame, MAX_CLAUSE};
use layout::{is_bullet, punct, Layout};
use lexicon::{Class, CueForm, Tense, LEXICON};
use marks::{is_clause, words, Marks, Pair};
use speakers::{after, before, in_sentence, sentence_level, through, Mentions, RoleMemory, Who, CARRY_PARAS};

/// What every part of the stage reads: the document, its layout, its quotation marks and the
/// mentions that can speak.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub entities: &'d [Entity],
    pub layout: Layout,
    pub marks: Marks,
    pub who: Mentions,
    /// By word type ([`Doc::type_of`]), the cue form the word is, once [`Ctx::cue_at`] has
    /// looked it up: the walk asks at every word, and again ahead of cues.
    cues: Vec<Cell<Option<WordCue>>>,
}

/// What a word is as a cue, wherever it stands: its form and whether a conjunction is
/// attached ([`Cue`] without its token), or nothing.
type WordCue = Option<(CueForm, bool)>;

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, entity_spans: &[Span], entities: &'d [Entity]) -> Self {
        let layout = Layout::new(doc);
        let marks = Marks::new(doc, &layout);
        let who = Mentions::new(doc, entity_spans, entities);
        Ctx { doc, entities, layout, marks, who, cues: vec![Cell::new(None); doc.type_count()] }
    }

    /// The cue at token `i`, if it is one ([`cue_at`], looked up once per distinct word).
    pub fn cue_at(&self, i: usize) -> Option<Cue> {
        let ty = self.doc.tokens.get(i).and_then(|_| self.doc.type_of(i))?;
        let known = &self.cues[ty as usize];
        let form = known.get().unwrap_or_else(|| {
            let form = cue_at(self.doc, i).map(|c| (c.form, c.conj));
            known.set(Some(form));
            form
        });
        form.map(|(form, conj)| Cue { tok: i, form, conj })
    }

    /// Whether a passage in marks is a name rather than someone's words: exactly an entity
    /// («مارك روته»), a single definite word (a title: «الدستور»), or a short designation with
    /// a number («إف 16»).
    pub fn is_name(&self, p: Pair) -> bool {
        let n = words(self.doc, p);
        let single_definite = n == 1 && self.doc.tok(p.open + 1).starts_with("ال");
        let designation = n <= 3 && p.inside().any(|i| self.doc.tokens[i].kind == TokenKind::Number);
        single_definite || designation || self.who.names(p).is_some()
    }
}

/// Finds quotations, speech cues and indirect speech. `entity_spans` are the entity stage's
/// spans (sorted by start; people, organizations, places and roles, with ids into `entities`).
pub fn find(doc: &Doc, entity_spans: &[Span], entities: &[Entity]) -> Vec<Span> {
    let ctx = Ctx::new(doc, entity_spans, entities);
    Pass { ctx: &ctx, roles: RoleMemory::default(), last: None, out: Vec::new() }.run()
}

/// No one: a quotation whose speaker cannot be attributed says so.
fn nobody() -> Speaker {
    Speaker { entity: None, name: None }
}

/// The latest attribution: its speaker, and the paragraph and sentence where its words ended.
struct Last {
    speaker: Speaker,
    para: usize,
    sent: usize,
}

/// One walk over a document.
struct Pass<'c, 'd, 'a> {
    ctx: &'c Ctx<'d, 'a>,
    roles: RoleMemory,
    last: Option<Last>,
    out: Vec<Span>,
}

impl Pass<'_, '_, '_> {
    fn run(mut self) -> Vec<Span> {
        let n = self.ctx.doc.tokens.len();
        let mut i = 0;
        while i < n {
            i = if let Some(p) = self.ctx.marks.opening(i) {
                self.passage(p)
            } else if let Some(cue) = self.ctx.cue_at(i) {
                self.attribution(cue)
            } else {
                self.headline(i).unwrap_or(i + 1)
            };
        }
        self.out
    }

    /// A cue and what it introduces; returns where the walk goes on.
    fn attribution(&mut self, cue: Cue) -> usize {
        let ctx = self.ctx;
        let f = frame(ctx, &cue);
        if !cue.counts(&f) {
            return cue.tok + 1;
        }
        let clause_end = match f {
            Frame::Colon(c) => c,
            Frame::Marked(p) => p.open,
            Frame::Reported(k) => k,
            Frame::ListNext | Frame::Bare => self.clause_end(cue.tok),
        };
        let (speaker, how) = self.speaker(&cue, clause_end);
        let lemma = cue.lemma();
        let label = format!("the cue {lemma}");
        let cue_why = format!("speech cue {lemma} ({}); speaker: {how}", cue.form.tense.name());
        match f {
            Frame::Colon(c) => self.colon_speech(cue.range(), &label, c + 1, speaker, how, Some(cue_why)),
            Frame::ListNext => {
                let next = ctx.layout.para(cue.tok).end;
                self.colon_speech(cue.range(), &label, next, speaker, how, Some(cue_why))
            }
            Frame::Marked(p) => {
                let why = format!("a passage in quotation marks after the cue {lemma}; speaker: {how}");
                if self.quote(p.inside(), &speaker, "marks", why) {
                    self.cue_span(cue.range(), &speaker, cue_why);
                }
                self.attributed(speaker, p.end() - 1);
                p.end()
            }
            Frame::Reported(k) => self.reported(&cue, k, speaker, how, cue_why),
            Frame::Bare => {
                self.attributed(speaker, cue.tok);
                cue.tok + 1
            }
        }
    }

    /// Colon speech from token `start`, introduced by the tokens `intro` (named `label` in the
    /// explanation); `cue_why` explains the cue's span, unless it has one already.
    fn colon_speech(&mut self, intro: Range<usize>, label: &str, start: usize, speaker: Speaker, how: &str, cue_why: Option<String>) -> usize {
        let run = extents::run(self.ctx, start, speaker.entity);
        let over = if run.paras > 1 { format!(", over {} paragraphs", run.paras) } else { String::new() };
        let list = if run.items.len() > 1 { ", one item of a list" } else { "" };
        let why = format!("the words after {label} and a colon{over}{list}; speaker: {how}");
        let mut any = false;
        for item in &run.items {
            any |= self.quote(item.clone(), &speaker, "cue", why.clone());
        }
        if let Some(cue_why) = cue_why.filter(|_| any) {
            self.cue_span(intro.clone(), &speaker, cue_why);
        }
        let last = if any { run.end.max(start + 1).min(self.ctx.doc.tokens.len()) - 1 } else { intro.end - 1 };
        self.attributed(speaker, last);
        run.end.max(intro.end)
    }

    /// A sentence that opens with a name and a colon, as headlines and summaries quote
    /// (بوتين: لن نتراجع), when the mention at token `i` is one.
    fn headline(&mut self, i: usize) -> Option<usize> {
        let ctx = self.ctx;
        let m = ctx.who.starting(i).filter(|m| m.kind != Kind::Location)?;
        let colon = m.last + 1;
        let opens = (ctx.layout.sent_start(i)..i).all(|k| punct(ctx.doc, k).is_some_and(|c| is_bullet(c, true) || c == '.'));
        if punct(ctx.doc, colon) != Some(':') || !opens {
            return None;
        }
        let (speaker, how) = (m.speaker.clone(), "the name before the colon");
        let why = format!("a name and a colon opening a sentence; speaker: {how}");
        Some(self.colon_speech(i..colon + 1, "a name", colon + 1, speaker, how, Some(why)))
    }

    /// Indirect speech from the complementizer at `comp`, and the quoted phrases inside it.
    fn reported(&mut self, cue: &Cue, comp: usize, speaker: Speaker, how: &str, cue_why: String) -> usize {
        let ctx = self.ctx;
        let end = extents::reported_end(ctx, comp);
        let lemma = cue.lemma();
        // قال إن «…». — the whole clause is in marks: a quotation, not indirect speech.
        if let Some(p) = ctx.marks.opening(comp + 1).filter(|p| (p.end()..end).all(|i| punct(ctx.doc, i).is_some())) {
            let why = format!("a passage in quotation marks after the cue {lemma}; speaker: {how}");
            if self.quote(p.inside(), &speaker, "marks", why) {
                self.cue_span(cue.range(), &speaker, cue_why);
            }
            self.attributed(speaker, p.end() - 1);
            return p.end().max(end);
        }
        let Some(r) = extents::words_range(ctx, comp..end) else { return cue.tok + 1 };
        let mut span = ctx.doc.span(Kind::Reported, r, "cue", format!("indirect speech after the cue {lemma}; speaker: {how}"));
        span.speaker = Some(speaker.clone());
        self.out.push(span);
        self.cue_span(cue.range(), &speaker, cue_why);
        // أوضح أن الأولويات ثلاث:\n* أولا: … — the indirect speech announces colon speech.
        if punct(ctx.doc, end - 1) == Some(':') {
            return self.colon_speech(cue.range(), &format!("the cue {lemma}"), end, speaker, how, None);
        }
        let mut i = comp + 1;
        while i < end {
            match ctx.marks.opening(i) {
                Some(p) => {
                    if p.end() <= end && !ctx.is_name(p) {
                        let why = "a phrase in quotation marks inside indirect speech: the speaker's own words";
                        self.quote(p.inside(), &speaker, "marks", format!("{why}; speaker: {how}"));
                    }
                    i = p.end();
                }
                None => i += 1,
            }
        }
        self.attributed(speaker, end - 1);
        end
    }

    /// A passage in marks met outside any cue's words.
    fn passage(&mut self, p: Pair) -> usize {
        let ctx = self.ctx;
        let doc = ctx.doc;
        if ctx.who.names(p).is_some() {
            return p.end();
        }
        // Attributed after it: «…»، قال بلينكن — «…»، بحسب الوزير.
        let mut j = p.end();
        let mut separated = false;
        while j < doc.tokens.len() && j < p.end() + 2 && matches!(punct(doc, j), Some('،' | ',' | '-' | '–' | '—')) {
            separated = true;
            j += 1;
        }
        if separated || is_clause(doc, p) {
            if let Some(cue) = ctx.cue_at(j).filter(|c| matches!(c.form.tense, Tense::Past | Tense::Present)) {
                self.roles.advance(ctx, j);
                let end = self.clause_end(j);
                let (speaker, how) = match after(ctx, &self.roles, &cue, end) {
                    Who::Named(s, how) => (s, how),
                    Who::Unnamed => (nobody(), "a subject no mention names: not attributed"),
                    Who::Absent => self.carried(&cue),
                };
                let lemma = cue.lemma();
                let why = format!("a passage in quotation marks followed by the cue {lemma}; speaker: {how}");
                if self.quote(p.inside(), &speaker, "marks", why) {
                    self.cue_span(cue.range(), &speaker, format!("speech cue {lemma} after a quotation; speaker: {how}"));
                }
                self.attributed(speaker, j);
                return j + 1;
            }
            if let Some((Class::Source, len)) = LEXICON.class_at(doc, j) {
                if let Some((speaker, _)) = speakers::speaker_at(ctx, j + len) {
                    let how = "named after «according to»";
                    let why = format!("a passage in quotation marks attributed after it; speaker: {how}");
                    if self.quote(p.inside(), &speaker, "marks", why) {
                        self.cue_span(j..j + len, &speaker, format!("attribution after a quotation; speaker: {how}"));
                    }
                    self.attributed(speaker, j + len);
                    return j + len;
                }
            }
        }
        if !is_clause(doc, p) {
            return p.end(); // a name or a title
        }
        // A clause in marks with no cue: the words of the speaker just attributed, if the
        // passage opens a sentence of the same paragraph or of the next one; otherwise no
        // one's we can tell.
        let para = ctx.layout.para_of(p.open);
        let opens = ctx.layout.is_sent_start(p.open);
        let follows = self.last.as_ref().filter(|l| opens && (l.para == para || l.para + 1 == para));
        let (speaker, how) = match follows {
            Some(l) => (l.speaker.clone(), "carried over from the attribution just before"),
            None => (nobody(), "no speech cue: not attributed"),
        };
        let why = format!("a passage in quotation marks that reads as a clause; speaker: {how}");
        self.quote(p.inside(), &speaker, "marks", why);
        p.end()
    }

    /// The speaker of a cue whose clause ends at token `end`, and how it was found.
    fn speaker(&mut self, cue: &Cue, end: usize) -> (Speaker, &'static str) {
        let ctx = self.ctx;
        self.roles.advance(ctx, cue.tok);
        if sentence_level(cue) {
            return self.subjectless(cue);
        }
        let mut who = before(ctx, cue);
        if !matches!(who, Who::Named(..)) {
            let a = after(ctx, &self.roles, cue, end);
            if matches!(a, Who::Named(..)) || who == Who::Absent {
                who = a;
            }
        }
        let institutional = match &who {
            Who::Named(s, _) => s.entity.and_then(|e| ctx.entities.get(e)).is_some_and(|e| e.kind != Kind::Person),
            _ => true,
        };
        if institutional {
            if let Some(s) = through(ctx, &self.roles, cue.tok + 1, end) {
                return (s, "the one the subject speaks through");
            }
        }
        match who {
            Who::Named(s, how) => (s, how),
            Who::Unnamed => (nobody(), "a subject no mention names: not attributed"),
            Who::Absent => self.subjectless(cue),
        }
    }

    /// The speaker of a cue with no subject of its own: that of the sentence's earlier cue
    /// («روته» أقر بأن … فقال:), else the first person the sentence names (وسئل ماكرون عن …
    /// فقال:), else the previous attribution's.
    fn subjectless(&self, cue: &Cue) -> (Speaker, &'static str) {
        let ctx = self.ctx;
        let sent = ctx.layout.sent_of(cue.tok);
        if let Some(l) = self.last.as_ref().filter(|l| l.sent == sent) {
            return (l.speaker.clone(), "the subject of the sentence's earlier cue");
        }
        if cue.impersonal() {
            return (nobody(), "an impersonal or passive cue: not attributed");
        }
        if let Some(s) = in_sentence(ctx, cue.tok) {
            return (s, "the first person the sentence names");
        }
        self.carried(cue)
    }

    /// The speaker carried over from the previous attribution to a cue with no subject.
    fn carried(&self, cue: &Cue) -> (Speaker, &'static str) {
        if cue.impersonal() {
            return (nobody(), "an impersonal or passive cue: not attributed");
        }
        let para = self.ctx.layout.para_of(cue.tok);
        match self.last.as_ref().filter(|l| l.para + CARRY_PARAS >= para) {
            Some(l) => (l.speaker.clone(), "carried over from the previous attribution"),
            None => (nobody(), "no subject and no recent attribution: not attributed"),
        }
    }

    /// One past the last token a cue's clause may reach.
    fn clause_end(&self, tok: usize) -> usize {
        let n = self.ctx.doc.tokens.len();
        let limit = (tok + 1 + MAX_CLAUSE).min(n);
        (tok + 1..limit).find(|&j| self.ctx.layout.is_sent_start(j)).unwrap_or(limit)
    }

    /// Records an attribution whose words ended at token `last`.
    fn attributed(&mut self, speaker: Speaker, last: usize) {
        let l = &self.ctx.layout;
        self.last = Some(Last { speaker, para: l.para_of(last), sent: l.sent_of(last) });
    }

    /// A quotation over the words among tokens `r`; false when there are none.
    fn quote(&mut self, r: Range<usize>, speaker: &Speaker, source: &'static str, why: String) -> bool {
        let Some(b) = extents::words_range(self.ctx, r) else { return false };
        let mut span = self.ctx.doc.span(Kind::Quote, b, source, why);
        span.speaker = Some(speaker.clone());
        self.out.push(span);
        true
    }

    /// A cue span over the tokens `r`.
    fn cue_span(&mut self, r: Range<usize>, speaker: &Speaker, why: String) {
        let t = &self.ctx.doc.tokens;
        let mut span = self.ctx.doc.span(Kind::Cue, t[r.start].start..t[r.end - 1].end, "cue", why);
        span.speaker = Some(speaker.clone());
        self.out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities;
    use cues::comp_at;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let (spans, ents) = entities::analyze(&doc);
        find(&doc, &spans, &ents)
            .into_iter()
            .filter(|s| s.kind == Kind::Quote)
            .map(|s| (text[s.range()].to_string(), s.speaker.unwrap().name))
            .collect()
    }

    #[test]
    fn unbalanced_marks_and_lone_cues_do_not_panic() {
        for text in ["»» «« « نص", "قال", "قال:", "قال إن", "«", ":", "وأضاف «روته»:", "* أولا:", "قال، ومنها\n* أولا:"] {
            let _ = quotes(text);
        }
    }

    #[test]
    fn comp_and_filler_words_are_read_in_context() {
        let doc = Doc::new("وقال أيضا إن");
        assert!(comp_at(&doc, 2));
        assert_eq!(LEXICON.class_at(&doc, 1), Some((Class::Filler, 1)));
    }
}
