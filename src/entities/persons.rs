//! People nobody listed: a first name and the name words after it (محمد البرادعي، جون كيري).
//!
//! A first name (see `data/lexicon/rules/first_names.tsv`) starts a person's name, which runs
//! over the following name words: other first names, connectors with the word they join (عبد
//! الله، أبو مازن، بن علي), a lexicon person, or a word that is neither a function word, a common
//! word, a cue nor the start of another known name; a lexicon person ends the run. A first name
//! that is also a common word (أمل hope، سلام peace، علي which Egyptian spelling shares with
//! على), or that stands after a preposition (لـ دينا in لدينا) or ف, needs another name word
//! after it.
//! A compound with عبد or أبو starts a name too (عبد الفتاح، أبو مازن), and so does an unknown
//! word right after a verb of saying (وقال شوماخر).

use crate::span::Kind;

use super::heads::proper;
use super::scan::{Candidate, Ctx, Tier, Why};
use super::tables::class;

/// The most name words after a first name.
const MAX_AFTER_FIRST: usize = 3;

/// Whether token `j` is a first name (unambiguous or not).
fn first_name(ctx: &Ctx, j: usize) -> bool {
    ctx.class(j) & (class::FIRST | class::FIRST_AMBIGUOUS) != 0
}

/// One past the last name word of a run starting at token `k` (`k` itself when there is none),
/// over at most `max` name words. With `continuing`, the run continues a name already begun
/// (after a first name), so a word after و at `k` is another person's.
pub fn name_run(ctx: &Ctx, k: usize, max: usize, continuing: bool) -> usize {
    let mut j = k;
    let mut words = 0;
    while j < ctx.len() && words < max && (j == k || ctx.joined(j - 1)) && ctx.is_word(j) {
        let c = ctx.class(j);
        let inside = j > k || continuing;
        if c & class::CONNECTOR != 0 {
            // عبد الله، آل ثاني، فان باستن: the word after a connector is part of the name.
            if ctx.joined(j) && ctx.is_word(j + 1) {
                j += 2;
                words += 1;
                continue;
            }
            break;
        }
        // نصر الله، صلاح الدين: a word that ends a compound name.
        if inside && c & class::SUFFIX != 0 {
            j += 1;
            continue;
        }
        // A word after و is another person, not the same name (بوش وبلير).
        if inside && ctx.tok(j).starts_with('و') && !first_name(ctx, j) {
            break;
        }
        // A function word that is also a first name (على / علي) continues a name only before
        // another name word without the article.
        if c & class::FUNCTION != 0 && !(first_name(ctx, j) && ctx.joined(j) && name_word(ctx, j + 1) && !ctx.has_article(j + 1)) {
            break;
        }
        // A word with the article continues a name right after its first name (محمد البرادعي), or
        // when it has the shape of a family name (… الزرقاوي); not otherwise (كافو المحترف، كرم
        // جابر الفائز).
        let after_first = j > 0 && first_name(ctx, j - 1) && if continuing { j == k } else { words == 1 };
        let article_ok = !ctx.has_article(j) || after_first || super::heads::relational(ctx.tok(j));
        if (first_name(ctx, j) || proper(ctx, j) && article_ok) && ctx.bare_name(j).is_none() {
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

/// Whether token `i`, read with `r`, is عبد or أبو starting a compound name (عبد الله، أبو مازن).
fn compound_start(ctx: &Ctx, i: usize, r: crate::tokenize::Reading) -> bool {
    matches!(&ctx.tok(i)[r.prefix..], "عبد" | "ابو") && !r.merged_article && ctx.joined(i) && ctx.is_word(i + 1)
}

/// A person named right after a verb of saying (وقال شوماخر): a word the tables do not know,
/// without the article, and the name words after it.
fn after_speech<'d>(ctx: &Ctx<'d, '_>, i: usize) -> Option<Candidate<'d>> {
    let speech = ctx.stem_classes(i).any(|(r, c)| c & class::SPEECH != 0 && (r.prefix == 0 || matches!(&ctx.tok(i)[..r.prefix], "و" | "ف")));
    let j = i + 1;
    if !speech || !ctx.joined(i) || !proper(ctx, j) || ctx.has_article(j) || ctx.tok(j).starts_with('و') {
        return None;
    }
    // A noun with a pronoun or a plural ending, or an adjective, is not a name (أدائه، مراقبو، طبي).
    const ENDINGS: &[&str] = &["ه", "ها", "هم", "هما", "و", "ات", "ين", "ون"];
    if ENDINGS.iter().any(|e| ctx.tok(j).ends_with(e)) || super::heads::relational(ctx.tok(j)) {
        return None;
    }
    let end = name_run(ctx, j, MAX_AFTER_FIRST, false);
    (end > j).then(|| Candidate {
        kind: Kind::Person,
        start: j,
        end,
        first: super::scan::BARE,
        tier: Tier::Guess,
        entry: None,
        needs_context: false,
        source: "rule",
        why: Why::Verb(ctx.tok(i)),
    })
}

/// Whether token `j` can be a word of a person's name by itself.
fn name_word(ctx: &Ctx, j: usize) -> bool {
    first_name(ctx, j) || proper(ctx, j) || ctx.class(j) & class::CONNECTOR != 0
}

/// Proposes the people that first names start, and those named right after a verb of saying.
pub fn from_first_names<'d>(ctx: &Ctx<'d, '_>, out: &mut Vec<Candidate<'d>>) {
    let starts = class::FIRST | class::FIRST_AMBIGUOUS;
    for i in 0..ctx.len() {
        if ctx.any[i] & (starts | class::CONNECTOR | class::SPEECH) == 0 {
            continue;
        }
        if let Some(c) = after_speech(ctx, i) {
            out.push(c);
        }
        let Some((first, c)) = ctx.stem_classes(i).find(|&(r, c)| c & starts != 0 || c & class::CONNECTOR != 0 && compound_start(ctx, i, r)) else {
            continue;
        };
        // A name the lexicon knows in full is the lexicon's (دونالد ترامب).
        if ctx.names[i].is_some_and(|m| m.first == first && ctx.t.entries[m.hit.entry as usize].kind == Kind::Person) {
            continue;
        }
        // A first name after a preposition (لدينا، ولديك) or ف (فعلا) is more often another word.
        let after_preposition = first.prefix > 0 && &ctx.tok(i)[..first.prefix] != "و";
        let ambiguous = after_preposition || c & (class::FIRST_AMBIGUOUS | class::FUNCTION | class::COMMON) != 0 || ctx.class(i) & (class::FUNCTION | class::COMMON) != 0;
        let end = if c & starts == 0 {
            // عبد الفتاح، أبو مازن: the connector and the word after it, then the rest.
            let end = if ctx.joined(i + 1) { name_run(ctx, i + 2, MAX_AFTER_FIRST - 1, true) } else { i + 2 };
            end.max(i + 2)
        } else if ctx.joined(i) {
            name_run(ctx, i + 1, MAX_AFTER_FIRST, true)
        } else {
            i + 1
        };
        if ambiguous {
            // After علي, which Egyptian spelling shares with على, only a sure first name will do.
            let names = if c & class::FUNCTION != 0 { class::FIRST | class::CONNECTOR } else { class::FIRST | class::FIRST_AMBIGUOUS | class::CONNECTOR };
            let next_is_name = end > i + 1 && ctx.class(i + 1) & names != 0;
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
            why: Why::FirstName(stem, end > i + 1),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::entities::tables::TABLES;

    /// The people proposed, overlaps resolved.
    fn found(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let ctx = Ctx::new(&doc, &TABLES);
        let mut out = Vec::new();
        from_first_names(&ctx, &mut out);
        let kept = crate::entities::resolve(&ctx, out, &vec![false; ctx.len()]);
        kept.iter().map(|c| text[ctx.span(c).range()].to_string()).collect()
    }

    /// `people! { text => ["name", …]; … }`: the people first names and verbs of saying propose.
    macro_rules! people {
        ($($text:expr => [$($name:expr),* $(,)?];)+) => {
            $(
                let want: Vec<String> = vec![$($name.to_string()),*];
                assert_eq!(found($text), want, "in {:?}", $text);
            )+
        };
    }

    #[test]
    fn a_first_name_and_the_name_words_after_it() {
        people! {
            "وقال محمد الشربيني إن" => ["محمد الشربيني"];
            "ووصل جيمس هارينغتون أمس" => ["جيمس هارينغتون"];
            "التقى عبد الكريم الفاسي بالوفد" => ["عبد الكريم الفاسي"];
            "وصل أبو قتادة" => ["أبو قتادة"];
            "حضر رشيد عطا الله" => ["رشيد عطا الله"];
            "وصل هشام بن ثابت" => ["هشام بن ثابت"];
        }
    }

    #[test]
    fn a_name_ends_before_another_person_or_a_phrase() {
        people! {
            "التقى جون سميث وجورج براون" => ["جون سميث", "جورج براون"];
            "فاز أحمد صالح بالميدالية" => ["أحمد صالح"];
            "قال كرم جابر الفائز بالذهبية" => ["كرم جابر"];
        }
    }

    #[test]
    fn a_first_name_that_is_a_common_word_needs_another_name() {
        people! {
            "يحدوه أمل كبير" => [];
            "التقى سعيد محمود" => ["سعيد محمود"];
            "على الرغم من ذلك" => [];
            "التقى علي يوسف" => ["علي يوسف"];
            "لدينا الكثير" => [];
            "هذا فعلا صحيح" => [];
        }
    }

    #[test]
    fn a_word_after_a_verb_of_saying_is_a_name() {
        people! {
            "وأضاف ماكلاغان إن" => ["ماكلاغان"];
            "وقالت مصادر إن" => [];
            "وقال مراقبو الانتخابات" => [];
            "وقال البيان إن" => [];
        }
    }
}
