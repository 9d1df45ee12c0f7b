//! Time expressions: extents over the normalized text and their calendar values.
//!
//! This first grammar reads the `day month year` shape of news dates (24 فبراير 2022, 13 آذار
//! مارس 2024 with the paired Levantine and Egyptian names of one month) and `month year`
//! (آذار مارس 2024), giving ISO 8601 values at the expression's own granularity. Month names
//! are data (`data/timex/months.tsv`) and match only as whole words.

use std::sync::LazyLock;

use crate::date::{days_in_month, Date};
use crate::doc::Doc;
use crate::fxhash::FxHashMap;
use crate::normalize::normalize_str;
use crate::span::{Kind, Span};
use crate::tokenize::{adjacent, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// The month-name table, keyed by normalized name (one or two words).
pub struct Months {
    names: FxHashMap<String, (u8, Calendar)>,
}

pub static MONTHS: LazyLock<Months> = LazyLock::new(|| {
    let mut names = FxHashMap::default();
    for (n, line) in include_str!("../../data/timex/months.tsv").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let month = cols.get(1).and_then(|m| m.parse::<u8>().ok());
        let cal = match cols.get(2).copied() {
            Some("gregorian") => Some(Calendar::Gregorian),
            Some("hijri") => Some(Calendar::Hijri),
            _ => None,
        };
        let (Some(month), Some(cal)) = (month, cal) else {
            panic!("data/timex/months.tsv line {}: {line:?}", n + 1)
        };
        names.insert(normalize_str(cols[0]), (month, cal));
    }
    Months { names }
});

impl Months {
    /// The month named by tokens `i..` (a two-word name first), and the last token it uses.
    fn at(&self, doc: &Doc, i: usize) -> Option<(u8, Calendar, usize)> {
        let toks = &doc.tokens;
        if toks.get(i)?.kind != TokenKind::Word {
            return None;
        }
        if i + 1 < toks.len() && adjacent(doc.text(), &toks[i], &toks[i + 1]) {
            let two = format!("{} {}", doc.tok(i), doc.tok(i + 1));
            if let Some(&(m, c)) = self.names.get(&two) {
                return Some((m, c, i + 1));
            }
        }
        self.names.get(doc.tok(i)).map(|&(m, c)| (m, c, i))
    }

    /// A month name, optionally followed by a second name of the same month (تشرين الأول
    /// أكتوبر), possibly in parentheses.
    fn paired_at(&self, doc: &Doc, i: usize) -> Option<(u8, Calendar, usize)> {
        let (m, c, j) = self.at(doc, i)?;
        let next = j + 1;
        if next < doc.tokens.len() && adjacent(doc.text(), &doc.tokens[j], &doc.tokens[next]) {
            if let Some((m2, c2, j2)) = self.at(doc, next) {
                if m2 == m && c2 == c {
                    return Some((m, c, j2));
                }
            }
        }
        if doc.tokens.get(next).is_some_and(|t| doc.tok(next) == "(" && t.start >= doc.tokens[j].end) {
            if let Some((m2, c2, j2)) = self.at(doc, next + 1) {
                if m2 == m && c2 == c && doc.tokens.get(j2 + 1).is_some() && doc.tok(j2 + 1) == ")" {
                    return Some((m, c, j2 + 1));
                }
            }
        }
        Some((m, c, j))
    }
}

fn number(doc: &Doc, i: usize) -> Option<u32> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Number || t.end - t.start > 4 {
        return None;
    }
    doc.tok(i).parse().ok()
}

/// Finds time expressions. `reference` is the article's publication date, against which
/// relative expressions resolve (none in this first grammar).
pub fn find(doc: &Doc, _reference: Option<Date>) -> Vec<Span> {
    let mut out = Vec::new();
    let toks = &doc.tokens;
    let text = doc.text();
    let mut i = 0;
    while i < toks.len() {
        // [day] month [year]
        let day = number(doc, i)
            .filter(|d| (1..=31).contains(d) && i + 1 < toks.len() && adjacent(text, &toks[i], &toks[i + 1]));
        let month_at = if day.is_some() { i + 1 } else { i };
        let Some((month, cal, j)) = MONTHS.paired_at(doc, month_at) else {
            i += 1;
            continue;
        };
        let year = (j + 1 < toks.len() && adjacent(text, &toks[j], &toks[j + 1]))
            .then(|| number(doc, j + 1))
            .flatten()
            .filter(|&y| (1000..=2999).contains(&y) && toks[j + 1].end - toks[j + 1].start == 4);
        let last = if year.is_some() { j + 1 } else { j };
        let value = match (cal, day, year) {
            (Calendar::Gregorian, Some(d), Some(y)) if d as u8 <= days_in_month(y as i32, month) => {
                Some(format!("{y:04}-{month:02}-{d:02}"))
            }
            (Calendar::Gregorian, Some(d), None) => Some(format!("XXXX-{month:02}-{d:02}")),
            (Calendar::Gregorian, None, Some(y)) => Some(format!("{y:04}-{month:02}")),
            // A month name alone is too often another word (آب is also "father").
            _ => None,
        };
        match value {
            Some(v) => {
                let mut span = doc.span(Kind::Date, toks[i].start..toks[last].end, "grammar", "day month year");
                span.value = Some(v);
                out.push(span);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        find(&doc, None).into_iter().map(|s| (text[s.range()].to_string(), s.value.unwrap())).collect()
    }

    macro_rules! dates {
        ($($text:expr => [$(($ext:expr, $val:expr)),*];)+) => {
            $(
                let want: Vec<(String, String)> = vec![$(($ext.to_string(), $val.to_string())),*];
                assert_eq!(dates($text), want, "in {:?}", $text);
            )+
        };
    }

    #[test]
    fn day_month_year() {
        dates! {
            "بدأت فى 24 فبراير 2022، كان" => [("24 فبراير 2022", "2022-02-24")];
            "فى ٢٠ يناير ٢٠٢٥" => [("٢٠ يناير ٢٠٢٥", "2025-01-20")];
            "يوم 7 تشرين الأول أكتوبر 2023" => [("7 تشرين الأول أكتوبر 2023", "2023-10-07")];
            "في 7 أكتوبر (تشرين الأول) 2023" => [("7 أكتوبر (تشرين الأول) 2023", "2023-10-07")];
            "في 3 جوان 2021" => [("3 جوان 2021", "2021-06-03")];
        }
    }

    #[test]
    fn month_year_keeps_its_granularity() {
        dates! {
            "فى آذار مارس 2024" => [("آذار مارس 2024", "2024-03")];
            "في يونيو 2019" => [("يونيو 2019", "2019-06")];
        }
    }

    #[test]
    fn month_names_are_whole_words() {
        dates! {
            "فى يوم السابع من الشهر" => [];
            "الآباء 2024" => [];
            "آب" => [];
        }
    }

    #[test]
    fn day_without_year_stays_partly_unresolved() {
        dates! {
            "في 13 مارس" => [("13 مارس", "XXXX-03-13")];
        }
    }
}
