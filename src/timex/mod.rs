//! Time expressions: extents over the normalized tokens and their TIMEX3-style values.
//!
//! A small grammar (`data/timex/grammar.txt`, read by [`grammar`]) names the shapes of Arabic
//! news dates — 24 فبراير 2022; السابع من تشرين الأول أكتوبر عام 2023; 15/3/2024; رمضان 1445 هـ;
//! يوم الخميس الماضي; يوم 13 الجاري; الأسبوع المقبل; نهاية العام; منذ يومين; العامين الماضيين;
//! الساعة الثالثة عصرا — over categories that read the word tables of `data/timex/*.tsv`
//! ([`lexicon`], [`cats`]). Each match fills a [`value::Frame`], which [`value::resolve`] turns
//! into a value at the expression's own granularity against the reference date.
//!
//! ```
//! use kashif::{date::Date, doc::Doc, timex, Kind};
//!
//! let text = "وفي السابع من تشرين الأول أكتوبر عام 2023، وخلال العامين الماضيين";
//! let doc = Doc::new(text);
//! let spans = timex::find(&doc, Some("2024-11-15".parse::<Date>().unwrap()));
//! let got: Vec<(Kind, &str, &str)> =
//!     spans.iter().map(|s| (s.kind, &text[s.range()], s.value.as_deref().unwrap())).collect();
//! assert_eq!(got, [
//!     (Kind::Date, "السابع من تشرين الأول أكتوبر عام 2023", "2023-10-07"),
//!     (Kind::Duration, "العامين الماضيين", "P2Y"),
//! ]);
//! ```

pub mod cats;
pub mod grammar;
pub mod lexicon;
pub mod value;

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::date::Date;
use crate::doc::Doc;
use crate::span::{Kind, Span};
use crate::tokenize::TokenKind;

use cats::{Cursor, Starting};
use grammar::{Grammar, Match, Memo, RuleKind};
use lexicon::{Entry, WordCat, LEXICON};
use value::{resolve, Resolved};

/// The grammar, read once.
pub static GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::parse(include_str!("../../data/timex/grammar.txt")).unwrap_or_else(|e| panic!("{e}")));

/// How far back, in tokens, a future-tense word puts a weekday after it in the future.
const FUTURE_WINDOW: usize = 8;

/// Finds the time expressions of a document. `reference` is the article's publication date,
/// against which relative expressions resolve; without one the unknown parts of a value stay `X`.
pub fn find(doc: &Doc, reference: Option<Date>) -> Vec<Span> {
    let g = &*GRAMMAR;
    let text = doc.text();
    let mut out = Vec::new();
    let memo = Memo::default();
    let starting = Starting::new(doc);
    // By word type: no rule may begin with the word in any reading (most words), once known.
    let mut idle = vec![false; doc.type_count()];
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = &doc.tokens[i];
        let mut best: Option<(Match, usize, Option<Resolved>)> = None;
        let mut consider = |m: Match, prefix: usize| {
            if best.as_ref().is_some_and(|(b, _, _)| m.end <= b.end) {
                return;
            }
            let resolved = match g.rules[m.rule].kind {
                RuleKind::None => None,
                RuleKind::Span(kind) => {
                    let future = || future_clause(doc, i);
                    match resolve_match(&m, kind, reference, future) {
                        Some(r) => Some(r),
                        None => return,
                    }
                }
            };
            best = Some((m, prefix, resolved));
        };
        let ty = doc.type_of(i).map(|ty| ty as usize);
        match t.kind {
            _ if ty.is_some_and(|ty| idle[ty]) => {}
            _ if cats::continues_number(doc, i) => {}
            TokenKind::Number => {
                let c = Cursor::new(doc, i, Cow::Borrowed(doc.tok(i))).remembering(&memo).looking_up(&starting);
                for &id in g.candidates_number() {
                    if let Some(m) = g.match_rule(id, &c) {
                        consider(m, 0);
                    }
                }
            }
            _ => {
                let mut tried = false;
                for r in t.proclitics(text) {
                    let stem = r.stem(t, text);
                    let mut ids = g.candidates_word(&stem).peekable();
                    if ids.peek().is_none() {
                        continue;
                    }
                    tried = true;
                    let c = Cursor::reading(doc, i, &text[t.start..t.start + r.prefix], stem).remembering(&memo).looking_up(&starting);
                    for id in ids {
                        if let Some(m) = g.match_rule(id, &c) {
                            consider(m, r.prefix);
                        }
                    }
                }
                if let (false, Some(ty)) = (tried, ty) {
                    idle[ty] = true;
                }
            }
        }
        let Some((m, prefix, resolved)) = best else {
            i += 1;
            continue;
        };
        if let Some(r) = resolved {
            let rule = &g.rules[m.rule];
            let mut why = format!("{}: {}", rule.name, rule.why);
            if let Some(e) = m.frame.edge {
                why.push_str(&format!(" ({})", e.words()));
            }
            let mut span = doc.span(r.kind, t.start + prefix..doc.tokens[m.end - 1].end, "grammar", why);
            span.value = r.value;
            out.push(span);
        }
        i = m.end;
    }
    out
}

/// Resolves a match; a Hijri month without a year and without a reference date is still a date,
/// with no value.
fn resolve_match(m: &Match, kind: Kind, reference: Option<Date>, future: impl Fn() -> bool) -> Option<Resolved> {
    let f = &m.frame;
    if f.hijri_month && f.year.is_none() && reference.is_none() {
        return Some(Resolved { kind: Kind::Date, value: None });
    }
    // A bare weekday, and a month without a year or direction, take their side of the reference
    // from the clause's tense.
    let bare_weekday = f.weekday.is_some() && f.offset.is_none() && f.unit.is_none() && f.ord.is_none();
    let yearless_month = f.month.is_some() && f.year.is_none() && f.offset.is_none() && !f.hijri_month;
    let needs_tense = bare_weekday || yearless_month;
    resolve(f, kind, reference, needs_tense && future())
}

/// Whether a future-tense word (سوف، من المقرر، سيعقد; `FUTURE` in `data/timex/words.tsv`) stands
/// shortly before token `i` in its sentence.
fn future_clause(doc: &Doc, i: usize) -> bool {
    let text = doc.text();
    for j in (i.saturating_sub(FUTURE_WINDOW)..i).rev() {
        let t = &doc.tokens[j];
        let w = doc.tok(j);
        if t.kind == TokenKind::Punct && matches!(w, "." | "!" | "?" | "؟" | "؛") || text[t.end..doc.tokens[j + 1].start].contains('\n') {
            return false;
        }
        let future = t.proclitics(text).any(|r| {
            LEXICON.starting(&r.stem(t, text)).iter().any(|p| matches!(p.entry, Entry::Word { cat: WordCat::Future, .. }))
        });
        if future {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
