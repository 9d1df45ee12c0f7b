//! Name lexicons: reviewable data in `data/lexicon/`, compiled in, parsed once.
//!
//! Each file holds one entry a line, tab-separated:
//!
//! ```text
//! # surface form <TAB> kind <TAB> canonical name <TAB> aliases (| between)
//! حلف شمال الأطلسي	organization	حلف شمال الأطلسي	الناتو|حلف الناتو|حلف الأطلسي
//! بروكسل	location
//! ```
//!
//! The kind is `person`, `organization`, `location` or `misc`. The canonical name defaults to
//! the surface form; every alias names the same entity. Lines starting with `#` and blank lines
//! are ignored. Matching happens on normalized text, so an entry written أنتوني بلينكن also finds
//! أنتونى بلينكن and انتوني بلينكن.

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};
use crate::normalize::normalize_str;
use crate::span::Kind;

/// The lexicon files, in the order their entries take priority.
pub static FILES: &[(&str, &str)] = &[
    ("people", include_str!("../../data/lexicon/people.tsv")),
    ("organizations", include_str!("../../data/lexicon/organizations.tsv")),
    ("places", include_str!("../../data/lexicon/places.tsv")),
];

/// One named thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub canonical: String,
    /// The lexicon file it comes from.
    pub file: &'static str,
}

/// All entries, indexed by the normalized phrase of each surface form and alias.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    phrases: FxHashMap<String, u32>,
    /// Every proper word-prefix of a phrase ("حلف", "حلف شمال" for "حلف شمال الاطلسي"), so a
    /// scan can stop as soon as no longer phrase can match.
    prefixes: FxHashSet<String>,
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.tsv line {}: {}", self.file, self.line, self.message)
    }
}

pub fn parse_kind(s: &str) -> Option<Kind> {
    Some(match s {
        "person" | "PERS" | "PER" => Kind::Person,
        "organization" | "ORG" => Kind::Organization,
        "location" | "LOC" => Kind::Location,
        "misc" | "MISC" => Kind::Misc,
        _ => return None,
    })
}

impl Lexicon {
    /// Builds a lexicon from `(name, contents)` files.
    pub fn parse(files: &[(&'static str, &str)]) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for &(file, contents) in files {
            for (n, line) in contents.lines().enumerate() {
                let err = |message: &str| LexiconError { file: file.to_string(), line: n + 1, message: message.to_string() };
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut cols = line.split('\t');
                let surface = cols.next().unwrap_or("").trim();
                let kind = cols.next().map(str::trim).ok_or_else(|| err("missing kind column"))?;
                let kind = parse_kind(kind).ok_or_else(|| err(&format!("unknown kind {kind:?}")))?;
                let canonical = cols.next().map(str::trim).filter(|c| !c.is_empty()).unwrap_or(surface);
                let aliases = cols.next().unwrap_or("");
                if cols.next().is_some() {
                    return Err(err("more than four columns"));
                }
                if surface.is_empty() {
                    return Err(err("empty surface form"));
                }
                lex.add(Entry { kind, canonical: canonical.to_string(), file }, std::iter::once(surface).chain(aliases.split('|').map(str::trim).filter(|a| !a.is_empty())));
            }
        }
        Ok(lex)
    }

    /// Adds an entry under each of its forms. A form already taken by an earlier entry keeps it.
    pub fn add<'s>(&mut self, entry: Entry, forms: impl IntoIterator<Item = &'s str>) {
        let id = self.entries.len() as u32;
        self.entries.push(entry);
        for form in forms {
            let key = normalize_str(form);
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                continue;
            }
            for k in 1..words.len() {
                self.prefixes.insert(words[..k].join(" "));
            }
            self.phrases.entry(words.join(" ")).or_insert(id);
        }
    }

    /// The entry a normalized phrase names.
    pub fn get(&self, phrase: &str) -> Option<(u32, &Entry)> {
        self.phrases.get(phrase).map(|&id| (id, &self.entries[id as usize]))
    }

    /// Whether some phrase continues `phrase` with more words.
    pub fn is_prefix(&self, phrase: &str) -> bool {
        self.prefixes.contains(phrase)
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

/// The compiled-in lexicon.
pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(FILES).unwrap_or_else(|e| panic!("bad compiled-in lexicon: {e}")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_in_lexicon_parses() {
        assert!(LEXICON.len() > 100, "only {} phrases", LEXICON.len());
    }

    #[test]
    fn forms_are_normalized_and_share_one_entry() {
        let lex = Lexicon::parse(&[("t", "حلف شمال الأطلسي\torganization\t\tالناتو|حلف الناتو\n# comment\n\nأنتونى بلينكن\tperson")]).unwrap();
        let (a, e) = lex.get("حلف شمال الاطلسي").unwrap();
        assert_eq!(e.canonical, "حلف شمال الأطلسي");
        assert_eq!(lex.get("الناتو").unwrap().0, a);
        assert_eq!(lex.get("حلف الناتو").unwrap().0, a);
        assert!(lex.get("انتوني بلينكن").is_some());
        assert!(lex.is_prefix("حلف") && lex.is_prefix("حلف شمال") && !lex.is_prefix("حلف شمال الاطلسي"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_place() {
        let e = Lexicon::parse(&[("t", "# ok\nروسيا\tcountry")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 2: unknown kind \"country\"");
        let e = Lexicon::parse(&[("t", "روسيا")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 1: missing kind column");
    }
}
