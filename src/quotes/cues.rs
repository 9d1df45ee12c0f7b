//! Speech cues: the words that introduce someone's words, and the shape of what follows them.
//!
//! A cue is a form of a speech verb of `data/quotes/cues.tsv` (قال، أكدت، يضيف، مشيرا) or a cue
//! noun (بالقول), possibly after the conjunction و or ف (وأضاف، فقال) and, for a noun, the
//! preposition ب. What follows the cue within its clause — at most [`MAX_CLAUSE`] tokens, not
//! past the sentence — decides what it introduces ([`Frame`]):
//!
//! - a colon: the words after it (قال: …، وأضاف «روته»:، أكد أنه: …);
//! - a passage in quotation marks that reads as speech, not a name (قال: «…»، كشفت في بيان «…»);
//! - a complementizer within [`MAX_REPORT_GAP`] tokens: indirect speech (قال إن …، أشار إلى أن …);
//! - nothing before its paragraph ends, the next paragraph opening a list (قال، ومنها\n* أولا: …);
//! - nothing of these: a bare cue, which still names who is speaking.
//!
//! The scan stops at the next finite cue, which starts an attribution of its own.

use crate::doc::Doc;

use super::layout::{is_final, punct};
use super::lexicon::{readings, Class, CueForm, Tense, LEXICON};
use super::marks::{is_clause, Pair};
use super::Ctx;

/// How far after a cue its colon, quotation or complementizer is looked for, in tokens.
pub const MAX_CLAUSE: usize = 30;

/// How far after a cue a complementizer still opens its indirect speech, in tokens
/// (وقال وزير الخارجية الأمريكي أنتوني بلينكن في مؤتمر صحفي إن …).
pub const MAX_REPORT_GAP: usize = 12;

/// A speech cue at a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub tok: usize,
    pub form: CueForm,
    /// A conjunction (و، ف) is attached: the cue opens a clause of its own, so a name just
    /// before it is not its subject.
    pub conj: bool,
}

impl Cue {
    /// Its token, as a range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.tok..self.tok + 1
    }

    /// The verb's lemma as the data writes it.
    pub fn lemma(&self) -> &'static str {
        &LEXICON.verbs[self.form.verb].lemma
    }

    pub fn weak(&self) -> bool {
        LEXICON.verbs[self.form.verb].weak
    }

    /// Whether the cue has no speaking subject to carry a speaker to: an impersonal verb, or
    /// the present of one that reads as the passive when it has no subject (ويذكر أن).
    pub fn impersonal(&self) -> bool {
        let v = &LEXICON.verbs[self.form.verb];
        v.impersonal || v.passive && self.form.tense == Tense::Present
    }

    /// Whether this cue introduces speech with what follows it: a present tense or a weak
    /// verb needs a colon, a quotation or a complementizer.
    pub fn counts(&self, frame: &Frame) -> bool {
        (!self.weak() && self.form.tense != Tense::Present) || matches!(frame, Frame::Colon(_) | Frame::Marked(_) | Frame::Reported(_))
    }
}

/// What a cue introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Words after the colon at this token.
    Colon(usize),
    /// A passage in quotation marks.
    Marked(Pair),
    /// Indirect speech from the complementizer at this token.
    Reported(usize),
    /// A list that opens the next paragraph.
    ListNext,
    /// Nothing but the cue.
    Bare,
}

/// The cue at token `i`, if it is one.
pub fn cue_at(doc: &Doc, i: usize) -> Option<Cue> {
    readings(doc, i).find_map(|r| {
        let form = LEXICON.cue(r.stem)?;
        (!r.preposition || form.tense == Tense::Noun).then_some(Cue { tok: i, form, conj: r.conj })
    })
}

/// Whether token `i` is a complementizer (إن، أنه، بأن …).
pub fn comp_at(doc: &Doc, i: usize) -> bool {
    readings(doc, i).any(|r| !r.conj && LEXICON.class(r.stem) == Some(Class::Comp))
}

/// Whether a clause ends at token `i`: the text, the sentence or a comma ends there.
fn ends_clause(ctx: &Ctx, i: usize) -> bool {
    i >= ctx.doc.tokens.len() || ctx.layout.is_sent_start(i) || punct(ctx.doc, i).is_some_and(|c| is_final(c) || matches!(c, '،' | ','))
}

/// The frame of a cue: what follows it in its clause.
pub fn frame(ctx: &Ctx, cue: &Cue) -> Frame {
    let (doc, layout) = (ctx.doc, &ctx.layout);
    let n = doc.tokens.len();
    let limit = (cue.tok + 1 + MAX_CLAUSE).min(n);
    let mut j = cue.tok + 1;
    while j < limit && !layout.is_sent_start(j) {
        if let Some(c) = punct(doc, j) {
            if c == ':' {
                // قال: «…» — unless the marks hold a name the words go on after (قال: «الدستور» نشرت …).
                return match ctx.marks.opening(j + 1) {
                    Some(p) if !ctx.is_name(p) || ends_clause(ctx, p.end()) => Frame::Marked(p),
                    _ => Frame::Colon(j),
                };
            }
            if let Some(p) = ctx.marks.opening(j) {
                // A clause in marks is what was said; so is a short passage that ends the
                // sentence (قال «نعم».). A name (the speaker's: وأضاف «روته»:، or one
                // mentioned in passing) is read over.
                if !ctx.is_name(p) && (is_clause(doc, p) || ends_clause(ctx, p.end())) {
                    return Frame::Marked(p);
                }
                j = p.end();
                continue;
            }
            j += 1;
            continue;
        }
        if comp_at(doc, j) {
            if punct(doc, j + 1) == Some(':') {
                return Frame::Colon(j + 1);
            }
            if j - cue.tok <= MAX_REPORT_GAP {
                return Frame::Reported(j);
            }
        }
        if ctx.cue_at(j).is_some_and(|c| c.form.tense != Tense::Participle) {
            return Frame::Bare;
        }
        j += LEXICON.class_at(doc, j).map_or(1, |(_, len)| len);
    }
    // The clause ran to its paragraph's end without a full stop, and a list follows.
    let at_para_end = j == n || layout.is_para_start(j);
    if at_para_end && j < n && j > 0 && !punct(doc, j - 1).is_some_and(is_final) && layout.para(j).label {
        return Frame::ListNext;
    }
    Frame::Bare
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(String, &'static str, &'static str, bool)> {
        let doc = Doc::new(text);
        (0..doc.tokens.len())
            .filter_map(|i| cue_at(&doc, i))
            .map(|c| (doc.tok(c.tok).to_string(), c.lemma(), c.form.tense.name(), c.conj))
            .collect()
    }

    #[test]
    fn cue_forms_with_their_conjunctions() {
        let got = cues("وقال فأكدت يضيفون مشيرة بالقول لقال قلت كتاب");
        let want = [
            ("وقال", "قال", "past", true),
            ("فاكدت", "أكد", "past", true),
            ("يضيفون", "أضاف", "present", false),
            ("مشيره", "أشار", "participle", false),
            ("بالقول", "القول", "noun", false),
        ];
        assert_eq!(got, want.map(|(a, b, c, d)| (a.to_string(), b, c, d)));
    }

    #[test]
    fn complementizers() {
        let doc = Doc::new("إن أنه بأن لأن وأن الأن");
        let got: Vec<bool> = (0..doc.tokens.len()).map(|i| comp_at(&doc, i)).collect();
        assert_eq!(got, vec![true, true, true, false, false, false]);
    }
}
