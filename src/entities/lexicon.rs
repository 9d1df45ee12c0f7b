//! Name lexicons: reviewable data in `data/lexicon/`, compiled in, parsed once.
//!
//! Each file holds one entry a line, tab-separated (shown here as `⇥`):
//!
//! ```text
//! # surface form ⇥ kind ⇥ canonical name ⇥ aliases (| between)
//! حلف شمال الأطلسي ⇥ organization ⇥ حلف شمال الأطلسي ⇥ الناتو|حلف الناتو|حلف الأطلسي
//! بروكسل ⇥ location
//! ~الدستور ⇥ organization ⇥ الدستور
//! ```
//!
//! The kind is `person`, `organization`, `location` or `misc`. The canonical name defaults to
//! the surface form; every alias names the same entity. A form written with a leading `~` is also
//! a common word (الدستور is a constitution, صور are pictures, فتح is opening): it counts only
//! where the text supports it — in guillemets or quotation marks, after a head word or title, or
//! when the article names the same entity in a form without `~`. Lines starting with `#` and
//! blank lines are ignored. Matching happens on normalized text, so an entry written أنتوني
//! بلينكن also finds أنتونى بلينكن and انتوني بلينكن.

use crate::normalize::normalize_str;
use crate::span::Kind;

/// The lexicon files, in the order their entries take priority: a form listed twice names the
/// entry of the earlier file.
pub static FILES: &[(&str, &str)] = &[
    ("people", include_str!("../../data/lexicon/people.tsv")),
    ("organizations", include_str!("../../data/lexicon/organizations.tsv")),
    ("groups", include_str!("../../data/lexicon/groups.tsv")),
    ("media", include_str!("../../data/lexicon/media.tsv")),
    ("countries", include_str!("../../data/lexicon/countries.tsv")),
    ("arab-regions", include_str!("../../data/lexicon/arab_regions.tsv")),
    ("places", include_str!("../../data/lexicon/places.tsv")),
    ("geography", include_str!("../../data/lexicon/geography.tsv")),
    ("anercorp", include_str!("../../data/lexicon/anercorp.tsv")),
];

/// One named thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub canonical: String,
    /// The lexicon file it comes from.
    pub file: &'static str,
}

impl Entry {
    /// Whether the entry was mined from a corpus (`anercorp.tsv`) rather than compiled by hand.
    pub fn mined(&self) -> bool {
        self.file == "anercorp"
    }
}

/// One way of writing an entry's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub text: String,
    /// Also a common word: counts only with support from the text around it.
    pub needs_context: bool,
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

impl LexiconError {
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError { file: file.to_string(), line, message: message.into() }
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

/// The data lines of a file: `(line number, tab-separated columns)`, skipping comments and blanks.
pub fn data_lines(contents: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    contents.lines().enumerate().filter_map(|(n, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        Some((n + 1, line.split('\t').map(str::trim).collect()))
    })
}

fn form(text: &str) -> Form {
    match text.strip_prefix('~') {
        Some(rest) => Form { text: rest.trim().to_string(), needs_context: true },
        None => Form { text: text.to_string(), needs_context: false },
    }
}

/// Reads name files into entries, each with its forms (surface form first) and its line number.
pub fn parse(files: &[(&'static str, &str)]) -> Result<Vec<(Entry, Vec<Form>, usize)>, LexiconError> {
    let mut out = Vec::new();
    for &(file, contents) in files {
        for (n, cols) in data_lines(contents) {
            let err = |m: String| LexiconError::new(file, n, m);
            if cols.len() > 4 {
                return Err(err("more than four columns".into()));
            }
            let surface = form(cols[0]);
            if surface.text.is_empty() {
                return Err(err("empty surface form".into()));
            }
            let kind = cols.get(1).ok_or_else(|| err("missing kind column".into()))?;
            let kind = parse_kind(kind).ok_or_else(|| err(format!("unknown kind {kind:?}")))?;
            let canonical = cols.get(2).filter(|c| !c.is_empty()).map_or(surface.text.as_str(), |c| c);
            let entry = Entry { kind, canonical: canonical.to_string(), file };
            let aliases = cols.get(3).copied().unwrap_or("").split('|').map(str::trim).filter(|a| !a.is_empty());
            let forms: Vec<Form> = std::iter::once(surface.clone()).chain(aliases.map(form)).collect();
            for f in forms.iter().filter(|f| f.needs_context) {
                if forms.iter().any(|g| !g.needs_context && normalize_str(&g.text) == normalize_str(&f.text)) {
                    return Err(err(format!("{:?} is listed both plain and with ~", f.text)));
                }
            }
            out.push((entry, forms, n));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_their_forms_in_order() {
        let e = parse(&[("t", "حلف شمال الأطلسي\torganization\t\tالناتو|حلف الناتو\n# comment\n\nأنتونى بلينكن\tperson")]).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].0.canonical, "حلف شمال الأطلسي");
        assert_eq!((e[0].2, e[1].2), (1, 4));
        let forms: Vec<&str> = e[0].1.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(forms, ["حلف شمال الأطلسي", "الناتو", "حلف الناتو"]);
        assert_eq!(e[1].0, Entry { kind: Kind::Person, canonical: "أنتونى بلينكن".into(), file: "t" });
    }

    #[test]
    fn a_tilde_marks_a_form_that_needs_context() {
        let e = parse(&[("t", "صحيفة الدستور\torganization\tالدستور\tجريدة الدستور|~الدستور")]).unwrap();
        let f = &e[0].1;
        assert!(!f[0].needs_context && !f[1].needs_context);
        assert_eq!(f[2], Form { text: "الدستور".into(), needs_context: true });
    }

    #[test]
    fn bad_lines_are_reported_with_their_place() {
        let e = parse(&[("t", "# ok\nروسيا\tcountry")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 2: unknown kind \"country\"");
        let e = parse(&[("t", "روسيا")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 1: missing kind column");
        let e = parse(&[("t", "\n~\tlocation")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 2: empty surface form");
        let e = parse(&[("t", "a\tlocation\tb\tc\td")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 1: more than four columns");
        let e = parse(&[("t", "صور\tlocation\t\t~صور")]).unwrap_err();
        assert_eq!(e.to_string(), "t.tsv line 1: \"صور\" is listed both plain and with ~");
    }
}
