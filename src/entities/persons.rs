//! People nobody listed: a first name and the name words after it (محمد البرادعي، جون كيري).
//!
//! A first name (see `data/lexicon/rules/first_names.tsv`) starts a person's name, which runs
//! over the following name words: other first names, connectors with the word they join (عبد
//! الله، أبو مازن، بن علي), a lexicon person, or a word that is neither a function word, a common
//! word, a cue nor the start of another known name; a lexicon person ends the run. A first name
//! that is also a common word (أمل hope، سلام peace، علي which Egyptian spelling shares with
//! على), or that stands after a preposition (لـ دينا in لدينا), needs another name word after it.

use crate::span::Kind;

use super::heads::proper;
use super::scan::{Candidate, Ctx, Tier};
use super::tables::class;

/// The most name words after a first name.
const MAX_AFTER_FIRST: usize = 3;

/// Whether token `j` is a first name (unambiguous or not).
fn first_name(ctx: &Ctx, j: usize) -> bool {
    ctx.class(j) & (class::FIRST | class::FIRST_AMBIGUOUS) != 0
}

/// One past the last name word of a run starting at token `k` (`k` itself when there is none),
/// over at most `max` name words.
pub fn name_run(ctx: &Ctx, k: usize, max: usize) -> usize {
    let mut j = k;
    let mut words = 0;
    while j < ctx.len() && words < max && (j == k || ctx.joined(j - 1)) && ctx.is_word(j) {
        let c = ctx.class(j);
        if c & class::CONNECTOR != 0 {
            if ctx.joined(j) && ctx.is_word(j + 1) && ctx.class(j + 1) & class::FUNCTION == 0 {
                j += 2;
                words += 1;
                continue;
            }
            break;
        }
        // A word after و is another person, not the same name (بوش وبلير).
        if j > k && ctx.tok(j).starts_with('و') && !first_name(ctx, j) {
            break;
        }
        if c & class::FUNCTION != 0 && !(first_name(ctx, j) && j + 1 < ctx.len() && ctx.joined(j) && name_word(ctx, j + 1)) {
            break;
        }
        if (first_name(ctx, j) || proper(ctx, j)) && ctx.bare_name(j).is_none() {
            j += 1;
            words += 1;
            continue;
        }
        // A known person's name is whole: what follows it is not part of it (دونالد ترامب الجمهوري).
        if let Some(m) = ctx.bare_name(j).filter(|m| ctx.t.entries[m.hit.entry as usize].kind == Kind::Person) {
            j = m.end;
        }
        break;
    }
    j
}

/// Whether token `j` can be a word of a person's name by itself.
fn name_word(ctx: &Ctx, j: usize) -> bool {
    first_name(ctx, j) || proper(ctx, j) || ctx.class(j) & class::CONNECTOR != 0
}

/// Proposes the people that first names start.
pub fn from_first_names(ctx: &Ctx, out: &mut Vec<Candidate>) {
    for i in 0..ctx.len() {
        let Some((first, c)) = ctx.stem_classes(i).find(|&(_, c)| c & (class::FIRST | class::FIRST_AMBIGUOUS) != 0) else {
            continue;
        };
        // A name the lexicon knows in full is the lexicon's (دونالد ترامب).
        if ctx.names[i].is_some_and(|m| m.first == first && ctx.t.entries[m.hit.entry as usize].kind == Kind::Person) {
            continue;
        }
        // A first name after a preposition (لدينا، ولديك) is more often another word.
        let after_preposition = first.prefix > 0 && !matches!(&ctx.tok(i)[..first.prefix], "و" | "ف");
        let ambiguous = after_preposition || c & (class::FIRST_AMBIGUOUS | class::FUNCTION | class::COMMON) != 0 || ctx.class(i) & (class::FUNCTION | class::COMMON) != 0;
        let end = if ctx.joined(i) { name_run(ctx, i + 1, MAX_AFTER_FIRST) } else { i + 1 };
        if ambiguous {
            let next_is_name = end > i + 1
                && (ctx.class(i + 1) & (class::FIRST | class::CONNECTOR) != 0
                    || ctx.bare_name(i + 1).is_some_and(|m| ctx.t.entries[m.hit.entry as usize].kind == Kind::Person));
            if !next_is_name {
                continue;
            }
        }
        let stem = &ctx.tok(i)[first.prefix..];
        out.push(Candidate {
            kind: Kind::Person,
            start: i,
            end,
            first,
            tier: Tier::Guess,
            entry: None,
            needs_context: false,
            source: "rule",
            why: if end > i + 1 {
                format!("rule: the first name «{stem}» and the name after it")
            } else {
                format!("rule: the first name «{stem}»")
            },
        });
    }
}
