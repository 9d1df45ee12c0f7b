//! The page's lesson in Arabic orthography: what the normalizer changed in a text, character by
//! character ([`changes`]) and word by word ([`lesson`]).
//!
//! ```
//! use kashif::normalize::Step;
//! use kashif::view::lesson::{changes, lesson};
//!
//! let text = "فِى ١٣ أيار";
//! let c = changes(text);
//! let shown: Vec<(&str, &str, Step)> = c.iter().map(|c| (&text[c.range.clone()], c.to.as_str(), c.step)).collect();
//! assert_eq!(shown, [
//!     ("\u{0650}", "", Step::Diacritics),
//!     ("ى", "ي", Step::AlefMaksura),
//!     ("١", "1", Step::Digits),
//!     ("٣", "3", Step::Digits),
//!     ("أ", "ا", Step::Alef),
//! ]);
//! let l = lesson(text);
//! let words: Vec<&str> = l.words.iter().map(|w| &text[w.clone()]).collect();
//! assert_eq!(words, ["فِى", "١٣", "أيار"]);
//! assert_eq!(l.steps[0].step, Step::Alef);
//! assert_eq!(l.steps[0].examples, [("أيار".to_string(), "ايار".to_string())]);
//! ```

use std::ops::Range;

use crate::normalize::{normalize_str, Normalized, Options, Step};

/// One character the normalizer changed: its byte range in the original, what it became (empty
/// when it was removed) and the step that changed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub range: Range<usize>,
    pub to: String,
    pub step: Step,
}

/// How often one step changed the text, with a few words it changed (original, normalized).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepCount {
    pub step: Step,
    pub count: usize,
    pub examples: Vec<(String, String)>,
}

/// The whole lesson: every step that changed something, in the order of [`Step::ALL`], and the
/// words that changed (a change outside words, in white space or punctuation, is counted but
/// marks no word).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lesson {
    pub steps: Vec<StepCount>,
    pub words: Vec<Range<usize>>,
}

/// How many different words each step shows as examples.
pub const EXAMPLES: usize = 3;

/// Every change the normalizer (all steps on) makes to `text`.
pub fn changes(text: &str) -> Vec<Change> {
    Normalized::changes(text, Options::default())
        .into_iter()
        .map(|c| {
            let from = &text[c.start..c.end];
            let to = match c.step {
                // A white-space character after another joins the run and is removed.
                Step::Whitespace if text[..c.start].ends_with(char::is_whitespace) => String::new(),
                _ => normalize_str(from),
            };
            Change { range: c.start..c.end, to, step: c.step }
        })
        .collect()
}

/// Whether `c` separates words: white space, and the punctuation of Arabic and Latin text.
fn separates(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c, '،' | '؛' | '؟' | '٪' | '٫' | '٬' | '«' | '»' | '“' | '”' | '‘' | '’' | '…' | '–' | '—')
}

/// The words of `text`: maximal runs of characters that do not separate words.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let start = at + rest.find(|c: char| !separates(c))?;
        let end = text[start..].find(separates).map_or(text.len(), |i| start + i);
        at = end;
        Some(start..end)
    })
}

/// The lesson of `text`: counts and examples per step, and the words that changed.
pub fn lesson(text: &str) -> Lesson {
    let changes = Normalized::changes(text, Options::default());
    let mut counts: Vec<StepCount> =
        Step::ALL.iter().map(|&step| StepCount { step, count: 0, examples: Vec::new() }).collect();
    let slot = |step: Step| Step::ALL.iter().position(|&s| s == step).expect("every step is in ALL");
    let mut out = Lesson::default();
    let mut k = 0;
    for w in words(text) {
        while k < changes.len() && changes[k].start < w.start {
            counts[slot(changes[k].step)].count += 1; // white space between words
            k += 1;
        }
        let first = k;
        while k < changes.len() && changes[k].start < w.end {
            let c = &mut counts[slot(changes[k].step)];
            c.count += 1;
            let word = &text[w.clone()];
            if c.examples.len() < EXAMPLES && !c.examples.iter().any(|(o, _)| o == word) {
                c.examples.push((word.to_string(), normalize_str(word)));
            }
            k += 1;
        }
        if k > first {
            out.words.push(w);
        }
    }
    for c in &changes[k..] {
        counts[slot(c.step)].count += 1;
    }
    out.steps = counts.into_iter().filter(|c| c.count > 0).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `teaches!(name: "text" => [(step, count)], ["changed words"])`.
    macro_rules! teaches {
        ($($name:ident: $text:expr => [$(($step:ident, $n:expr)),*], [$($w:expr),*];)+) => {$(
            #[test]
            fn $name() {
                let text = $text;
                let l = lesson(text);
                let steps: Vec<(Step, usize)> = l.steps.iter().map(|s| (s.step, s.count)).collect();
                let want: &[(Step, usize)] = &[$((Step::$step, $n)),*];
                assert_eq!(steps, want);
                let words: Vec<&str> = l.words.iter().map(|w| &text[w.clone()]).collect();
                let want: &[&str] = &[$($w),*];
                assert_eq!(words, want, "changed words");
            }
        )+};
    }

    teaches! {
        teh_marbuta: "في القاهرة" => [(TehMarbuta, 1)], ["القاهرة"];
        plain_text: "abc def" => [], [];
        alef_and_maksura: "إلى أين" => [(Alef, 2), (AlefMaksura, 1)], ["إلى", "أين"];
        diacritics_and_tatweel: "قَالَ الرئيـــس" => [(YehHamza, 1), (Diacritics, 2), (Tatweel, 3)], ["قَالَ", "الرئيـــس"];
        digits: "عام ٢٠٢٤ و۱۴۰۳" => [(Digits, 8)], ["٢٠٢٤", "و۱۴۰۳"];
        white_space_counts_but_is_no_word: "أ  \tب\n\n" => [(Alef, 1), (Whitespace, 3)], ["أ"];
        hamza_on_waw_and_yeh: "مسؤول رئيس" => [(WawHamza, 1), (YehHamza, 1)], ["مسؤول", "رئيس"];
        presentation_forms: "ﻻ" => [(Presentation, 1)], ["ﻻ"];
        invisible_marks: "روسيا\u{200F}" => [(Invisible, 1)], ["روسيا\u{200F}"];
    }

    #[test]
    fn examples_are_distinct_words_and_few() {
        let l = lesson("فى فى على حتى إلى متى");
        let maksura = l.steps.iter().find(|s| s.step == Step::AlefMaksura).unwrap();
        assert_eq!(maksura.count, 6);
        let shown: Vec<(&str, &str)> = maksura.examples.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(shown, [("فى", "في"), ("على", "علي"), ("حتى", "حتي")]);
    }

    #[test]
    fn changes_say_what_each_character_became() {
        let text = "ﻷن  ٣\u{0640}";
        let c = changes(text);
        let shown: Vec<(&str, &str, Step)> = c.iter().map(|c| (&text[c.range.clone()], c.to.as_str(), c.step)).collect();
        assert_eq!(
            shown,
            [("ﻷ", "لا", Step::Presentation), (" ", "", Step::Whitespace), ("٣", "3", Step::Digits), ("\u{0640}", "", Step::Tatweel)]
        );
    }

    #[test]
    fn words_are_runs_without_white_space_or_punctuation() {
        let text = "  أ ب\u{00A0}ج\n«الأوكرانية»، 2% (قال:)";
        let ws: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(ws, ["أ", "ب", "ج", "الأوكرانية", "2", "قال"]);
        assert_eq!(words("").count(), 0);
    }
}
