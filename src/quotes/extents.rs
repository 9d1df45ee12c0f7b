//! Extents: where quoted and reported words begin and end.
//!
//! Colon speech runs from the colon over as many paragraphs as the speaker keeps talking. The
//! paragraph of the colon is always taken (or, when the colon ends its line, the next one);
//! each further paragraph is taken when it opens with a list label, follows a label whose
//! colon ended its line, or holds a first- or second-person word (نحن، لدينا، عقدنا). The run
//! stops at a heading, at a sentence that opens with a narrator's speech cue (a new
//! attribution: وأضاف:، وأشار الأمين العام:، بلينكن قال:) or names the speaker (the narrator
//! speaking of them), at a paragraph it cannot take, or after [`MAX_RUN_PARAS`] paragraphs. List labels
//! (`* أولا:`) and bullets split a run into items: the labels are the writer's, not the
//! speaker's, so each item is its own quotation.
//!
//! Indirect speech runs from its complementizer to the end of the sentence, or to a comma or
//! conjunction that opens the next cue (… في أوكرانيا، مؤكدا أن …), at most [`MAX_REPORTED`]
//! tokens.

use std::ops::Range;

use crate::tokenize::TokenKind;

use super::cues::frame;
use super::layout::{is_bullet, is_final, punct};
use super::Ctx;

/// The most paragraphs one colon speech runs over.
pub const MAX_RUN_PARAS: usize = 12;

/// The most tokens of indirect speech.
pub const MAX_REPORTED: usize = 120;

/// How many words into a sentence a narrator's cue is looked for (وفي تلميحات سياسية، أكد …).
pub const NARRATION_WORDS: usize = 8;

/// How many tokens of a sentence are searched for the speaker's name.
const SPEAKER_NAMED_TOKENS: usize = 40;

/// A colon speech: its quoted items (token ranges) and the token where the narrative resumes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub items: Vec<Range<usize>>,
    pub end: usize,
    pub paras: usize,
}

/// Whether the sentence starting at token `i` opens with a narrator's cue that counts.
pub fn opens_with_cue(ctx: &Ctx, i: usize) -> bool {
    let (doc, layout) = (ctx.doc, &ctx.layout);
    let n = doc.tokens.len();
    let mut j = i;
    while j < n && punct(doc, j).is_some_and(|c| is_bullet(c, true) || c == '.' || c == '…') {
        j += 1;
    }
    let mut words = 0;
    while j < n && words < NARRATION_WORDS && (j == i || !layout.is_sent_start(j)) {
        match punct(doc, j) {
            Some(':') => return false,
            Some(_) => {}
            None => {
                if let Some(c) = ctx.cue_at(j) {
                    return c.counts(&frame(ctx, &c));
                }
                words += 1;
            }
        }
        j += 1;
    }
    false
}

/// Whether the sentence starting at token `i` names the entity `speaker` (in its first
/// [`SPEAKER_NAMED_TOKENS`] tokens): the narrator speaking of them.
fn names_speaker(ctx: &Ctx, i: usize, speaker: Option<usize>) -> bool {
    let Some(e) = speaker else { return false };
    let end = ctx.layout.para(i).end.min(i + SPEAKER_NAMED_TOKENS);
    (i..end)
        .take_while(|&k| k == i || !ctx.layout.is_sent_start(k))
        .any(|k| ctx.who.starting(k).is_some_and(|m| m.speaker.entity == Some(e)))
}

/// The colon speech that starts at token `start` (just after the colon), said by `speaker`.
pub fn run(ctx: &Ctx, start: usize, speaker: Option<usize>) -> Run {
    let (doc, layout) = (ctx.doc, &ctx.layout);
    let n = doc.tokens.len();
    if start >= n {
        return Run { items: Vec::new(), end: start, paras: 0 };
    }
    let (mut items, mut item, mut i) = (Vec::new(), start, start);
    let mut after_label = false; // a label's colon ended the previous line
    let mut paras = 1;
    while i < n {
        if i > start && layout.is_para_start(i) {
            let p = layout.para(i);
            let takes = p.label || after_label || p.first_person;
            if paras == MAX_RUN_PARAS || p.heading || !takes {
                break;
            }
            paras += 1;
            after_label = false;
        }
        if i > start && layout.is_sent_start(i) && (opens_with_cue(ctx, i) || names_speaker(ctx, i, speaker)) {
            break;
        }
        if let Some(next) = layout.label_at(doc, i, i == start) {
            items.push(item..i);
            (item, i) = (next, next);
            after_label = next >= n || layout.is_para_start(next);
            continue;
        }
        if i > item && punct(doc, i).is_some_and(|c| is_bullet(c, false)) {
            items.push(item..i);
            item = i + 1;
        }
        i += 1;
    }
    items.push(item..i);
    items.retain(|r| words_range(ctx, r.clone()).is_some());
    Run { items, end: i, paras }
}

/// One past the last token of the indirect speech opened by the complementizer at `comp`.
pub fn reported_end(ctx: &Ctx, comp: usize) -> usize {
    let (doc, layout) = (ctx.doc, &ctx.layout);
    let limit = (comp + 1 + MAX_REPORTED).min(doc.tokens.len());
    let mut j = comp + 1;
    while j < limit && !layout.is_sent_start(j) {
        if let Some(c) = ctx.cue_at(j) {
            if c.conj || matches!(punct(doc, j - 1), Some('،' | ',')) {
                break;
            }
        }
        j += 1;
    }
    j
}

/// The normalized byte range of the words among tokens `r`: from the first token that is not
/// a bullet, colon, dash, comma or a quotation mark left unpaired, to the last word or number,
/// with the closing marks and the one full stop, question or exclamation mark that end it.
/// `None` when `r` holds no word.
pub fn words_range(ctx: &Ctx, r: Range<usize>) -> Option<Range<usize>> {
    let doc = ctx.doc;
    let t = &doc.tokens;
    let is_word = |i: usize| t[i].kind != TokenKind::Punct;
    let last = r.clone().rev().find(|&i| is_word(i))?;
    let lead = |i: usize| {
        punct(doc, i).is_some_and(|c| {
            is_bullet(c, true)
                || matches!(c, ':' | '،' | ',' | '.' | '؛' | ';')
                || matches!(c, '«' | '"' | '“' | '”') && ctx.marks.opening(i).is_none()
        })
    };
    let first = r.clone().find(|&i| !lead(i))?;
    let mut end = last;
    while end + 1 < r.end && t[end + 1].start == t[end].end && matches!(punct(doc, end + 1), Some('»' | '”' | '“' | '"')) {
        end += 1;
    }
    if end + 1 < r.end && punct(doc, end + 1).is_some_and(is_final) {
        end += 1;
    }
    (first <= last).then(|| t[first].start..t[end].end)
}
