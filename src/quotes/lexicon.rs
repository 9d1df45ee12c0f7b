//! The words the quotation stage reads: speech-cue verbs with their inflected forms
//! (`data/quotes/cues.tsv`) and small closed classes of function words (`data/quotes/words.tsv`).
//! Both are compiled in and parsed once.
//!
//! A verb line gives three forms; the others are generated, on normalized spelling:
//!
//! | from | forms | example (قال، يقول، قائلا) |
//! |---|---|---|
//! | past, 3rd m. sg. | itself, + ت (f.), + وا (pl.), + تا (f. du.), + ا (du., not for a weak verb) | قال، قالت، قالوا، قالتا، قالا |
//! | present, 3rd m. sg. | itself, its ت form (f.), + ون (pl.), + ان (du.), ت form + ان | يقول، تقول، يقولون، يقولان، تقولان |
//! | participle, acc. | itself, its feminine (ة), its plural (ين) | قائلا، قائلة، قائلين |
//!
//! A verb whose past ends in a vowel letter (دعا، نفى) drops it before ت and وا (دعت، دعوا); a
//! present ending in و or ي drops it before ون (يدعون، ينفون). Generated strings that are not
//! words are harmless: nothing is spelled that way.
//!
//! ```
//! use kashif::quotes::lexicon::{LEXICON, Tense};
//!
//! let f = LEXICON.cue("قالت").unwrap();
//! assert_eq!((LEXICON.verbs[f.verb].lemma.as_str(), f.tense), ("قال", Tense::Past));
//! assert_eq!(LEXICON.cue("مشيره").unwrap().tense, Tense::Participle);
//! assert!(LEXICON.cue("قلت").is_none()); // first person: not a narrator's cue
//! ```

use std::sync::LazyLock;

use crate::doc::Doc;
use crate::fxhash::FxHashMap;
use crate::normalize::normalize_str;
use crate::tokenize::{adjacent, TokenKind};

static CUES: &str = include_str!("../../data/quotes/cues.tsv");
static WORDS: &str = include_str!("../../data/quotes/words.tsv");

/// The compiled-in lexicon.
pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(CUES, WORDS).unwrap_or_else(|e| panic!("data/quotes: {e}")));

/// Which form of a cue a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Tense {
    /// A narrator's past tense (قال، أكدت).
    Past,
    /// A present tense (يقول، تضيف); it counts only before words shaped like speech.
    Present,
    /// An active participle used as an adverb of the main verb (مضيفا، مشيرة).
    Participle,
    /// A noun standing for the verb (بالقول).
    Noun,
}

impl Tense {
    const ALL: [Tense; 4] = [Tense::Past, Tense::Present, Tense::Participle, Tense::Noun];

    pub fn name(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Participle => "participle",
            Tense::Noun => "noun",
        }
    }
}

/// One speech verb (or cue noun) of the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// As the data writes it (قال, أكد, القول).
    pub lemma: String,
    /// Also a common noun or non-speech verb: a cue only before words shaped like speech.
    pub weak: bool,
    /// Has no speaking subject (وجاء في البيان): never takes a carried-over speaker.
    pub impersonal: bool,
    /// Its present with no subject reads as the passive (ويذكر أن): no carried-over speaker.
    pub passive: bool,
}

/// A cue form: which verb, which form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueForm {
    pub verb: usize,
    pub tense: Tense,
}

impl CueForm {
    /// Packed into one number for the table (the tables of this crate share one map type, which
    /// keeps the WebAssembly module small).
    fn pack(self) -> u32 {
        (self.verb as u32) << 2 | self.tense as u32
    }

    fn unpack(n: u32) -> CueForm {
        CueForm { verb: (n >> 2) as usize, tense: Tense::ALL[(n & 3) as usize] }
    }
}

/// The class of a function word (`data/quotes/README.md` describes each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    Comp,
    Prep,
    Filler,
    Particle,
    Pronoun,
    First,
    Clause,
    Label,
    Through,
    Source,
    Lookalike,
}

impl Class {
    const ALL: [Class; 11] = [
        Class::Comp,
        Class::Prep,
        Class::Filler,
        Class::Particle,
        Class::Pronoun,
        Class::First,
        Class::Clause,
        Class::Label,
        Class::Through,
        Class::Source,
        Class::Lookalike,
    ];
}

/// A line of the data that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

/// Cue forms and function-word classes, keyed by normalized spelling.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub verbs: Vec<Verb>,
    /// Packed [`CueForm`]s.
    forms: FxHashMap<String, u32>,
    /// [`Class`] numbers.
    words: FxHashMap<String, u32>,
}

/// The data lines of a file: (line number, tab-separated fields), comments and blanks skipped.
fn rows(contents: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    contents.lines().enumerate().filter_map(|(n, line)| {
        let line = line.trim_end_matches('\r');
        (!line.trim().is_empty() && !line.starts_with('#')).then(|| (n + 1, line.split('\t').map(str::trim).collect()))
    })
}

/// The generated forms of one verb line, in normalized spelling (`participle` empty for none).
fn inflect(past: &str, present: &str, participle: &str, weak: bool) -> Vec<(String, Tense)> {
    let mut out = Vec::new();
    let bare = past.strip_suffix(['ا', 'ي']).unwrap_or(past);
    for f in [past.to_string(), format!("{bare}ت"), format!("{bare}وا"), format!("{bare}تا")] {
        out.push((f, Tense::Past));
    }
    if !weak {
        out.push((format!("{past}ا"), Tense::Past));
    }
    if let Some(stem) = present.strip_prefix('ي') {
        let plural = present.strip_suffix(['و', 'ي']).unwrap_or(present);
        for f in [present.to_string(), format!("ت{stem}"), format!("{plural}ون"), format!("{present}ان"), format!("ت{stem}ان")] {
            out.push((f, Tense::Present));
        }
    }
    if !participle.is_empty() {
        let bare = participle.strip_suffix('ا').unwrap_or(participle);
        for f in [participle.to_string(), format!("{bare}ه"), format!("{bare}ين")] {
            out.push((f, Tense::Participle));
        }
    }
    out
}

impl Lexicon {
    /// Reads the two data files.
    pub fn parse(cues: &str, words: &str) -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        for (line, f) in rows(cues) {
            let err = |message: String| DataError { file: "cues.tsv", line, message };
            let [past, present, participle] = [0, 1, 2].map(|i| normalize_str(f.get(i).copied().unwrap_or("")));
            if past.is_empty() || !present.starts_with('ي') || participle.is_empty() {
                return Err(err("expected: past <TAB> present (starting with ي) <TAB> participle or - [<TAB> flags]".into()));
            }
            let participle = if participle == "-" { String::new() } else { participle };
            let mut verb = Verb { lemma: f[0].to_string(), weak: false, impersonal: false, passive: false };
            for flag in f.get(3).iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
                match flag {
                    "weak" => verb.weak = true,
                    "impersonal" => verb.impersonal = true,
                    "passive" => verb.passive = true,
                    other => return Err(err(format!("unknown flag “{other}”"))),
                }
            }
            let weak = verb.weak;
            lex.verbs.push(verb);
            let id = lex.verbs.len() - 1;
            for (form, tense) in inflect(&past, &present, &participle, weak) {
                // The first verb to claim a form keeps it (ورد "it came" and رد "replied" share يرد).
                lex.forms.entry(form).or_insert(CueForm { verb: id, tense }.pack());
            }
        }
        for (line, f) in rows(words) {
            let err = |message: String| DataError { file: "words.tsv", line, message };
            let class = match f.get(1).copied() {
                Some("comp") => Class::Comp,
                Some("prep") => Class::Prep,
                Some("filler") => Class::Filler,
                Some("particle") => Class::Particle,
                Some("pronoun") => Class::Pronoun,
                Some("first") => Class::First,
                Some("clause") => Class::Clause,
                Some("label") => Class::Label,
                Some("through") => Class::Through,
                Some("source") => Class::Source,
                Some("lookalike") => Class::Lookalike,
                Some("noun") => {
                    lex.verbs.push(Verb { lemma: f[0].to_string(), weak: false, impersonal: false, passive: false });
                    let form = CueForm { verb: lex.verbs.len() - 1, tense: Tense::Noun };
                    lex.forms.insert(normalize_str(f[0]), form.pack());
                    continue;
                }
                other => return Err(err(format!("unknown class “{}”", other.unwrap_or_default()))),
            };
            let key = normalize_str(f[0]);
            if key.is_empty() || key.split(' ').count() > 2 {
                return Err(err("expected a word or a two-word phrase".into()));
            }
            if lex.words.insert(key, class as u32).is_some_and(|old| old != class as u32) {
                return Err(err(format!("“{}” is listed in two classes", f[0])));
            }
        }
        Ok(lex)
    }

    /// The cue form a normalized word is, if any.
    pub fn cue(&self, word: &str) -> Option<CueForm> {
        self.forms.get(word).map(|&n| CueForm::unpack(n))
    }

    /// The class of a normalized word or two-word phrase, if any.
    pub fn class(&self, word: &str) -> Option<Class> {
        self.words.get(word).map(|&n| Class::ALL[n as usize])
    }

    /// The class of the function word or two-word phrase at token `i` of a document, and how
    /// many tokens it takes. A single word may carry the conjunction و or ف (وفي، فهو).
    pub fn class_at(&self, doc: &Doc, i: usize) -> Option<(Class, usize)> {
        let toks = &doc.tokens;
        let t = toks.get(i).filter(|t| t.kind == TokenKind::Word)?;
        if let Some(u) = toks.get(i + 1).filter(|u| u.kind == TokenKind::Word && adjacent(doc.text(), t, u)) {
            if let Some(c) = self.class(&doc.text()[t.start..u.end]) {
                return Some((c, 2));
            }
        }
        readings(doc, i).filter(|r| !r.preposition).find_map(|r| self.class(r.stem)).map(|c| (c, 1))
    }
}

/// One reading of a word for this stage: as it stands, or after a conjunction (و، ف) and/or
/// the preposition ب.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading<'t> {
    pub stem: &'t str,
    pub conj: bool,
    pub preposition: bool,
}

/// The readings of the word at token `i` (none for a number or punctuation), each leaving a
/// stem of two letters or more. The cue, complementizer and function-word lookups need only
/// these few proclitics, read off the word's first letters.
pub fn readings<'t>(doc: &'t Doc, i: usize) -> impl Iterator<Item = Reading<'t>> {
    let word = doc.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map_or("", |t| t.text(doc.text()));
    let strip = |w: &'t str, c: char| w.strip_prefix(c).filter(|s| s.chars().nth(1).is_some());
    let conj = strip(word, 'و').or_else(|| strip(word, 'ف'));
    let prep = |w: &'t str| strip(w, 'ب');
    [
        Some(Reading { stem: word, conj: false, preposition: false }).filter(|_| !word.is_empty()),
        conj.map(|stem| Reading { stem, conj: true, preposition: false }),
        prep(word).map(|stem| Reading { stem, conj: false, preposition: true }),
        conj.and_then(prep).map(|stem| Reading { stem, conj: true, preposition: true }),
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_parses_and_every_verb_has_its_forms() {
        let lex = &*LEXICON;
        assert!(lex.verbs.len() > 40);
        for (word, lemma, tense) in [
            ("قال", "قال", Tense::Past),
            ("قالوا", "قال", Tense::Past),
            ("تقول", "قال", Tense::Present),
            ("قائلة", "قال", Tense::Participle),
            ("اكدت", "أكد", Tense::Past),
            ("يؤكدون", "أكد", Tense::Present),
            ("مؤكدين", "أكد", Tense::Participle),
            ("دعت", "دعا", Tense::Past),
            ("دعوا", "دعا", Tense::Past),
            ("يدعون", "دعا", Tense::Present),
            ("نفت", "نفى", Tense::Past),
            ("القول", "القول", Tense::Noun),
        ] {
            let f = lex.cue(&normalize_str(word)).unwrap_or_else(|| panic!("{word} is not a cue"));
            assert_eq!((lex.verbs[f.verb].lemma.as_str(), f.tense), (lemma, tense), "{word}");
        }
        assert!(lex.verbs.iter().any(|v| v.lemma == "جاء" && v.weak && v.impersonal));
        assert!(lex.verbs.iter().any(|v| v.lemma == "ذكر" && v.weak && v.passive));
    }

    #[test]
    fn packed_numbers_read_back() {
        for (i, c) in Class::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, t) in Tense::ALL.iter().enumerate() {
            let f = CueForm { verb: 41, tense: *t };
            assert_eq!((*t as usize, CueForm::unpack(f.pack())), (i, f));
        }
    }

    #[test]
    fn no_function_word_is_also_a_cue() {
        for (word, _) in LEXICON.words.iter() {
            assert!(LEXICON.cue(word).is_none(), "{word} is both a function word and a cue");
        }
    }

    #[test]
    fn function_words_are_matched_in_normalized_spelling() {
        assert_eq!(LEXICON.class("الي"), Some(Class::Prep));
        assert_eq!(LEXICON.class("انه"), Some(Class::Comp));
        assert_eq!(LEXICON.class("من جهته"), Some(Class::Filler));
        assert_eq!(LEXICON.class("اولا"), Some(Class::Label));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let e = Lexicon::parse("# c\nقال\tيقول\n", "").unwrap_err();
        assert_eq!((e.file, e.line), ("cues.tsv", 2));
        let e = Lexicon::parse("قال\tيقول\tقائلا\tloud\n", "").unwrap_err();
        assert!(e.message.contains("loud"), "{e}");
        let e = Lexicon::parse("", "في\tprep\nفي\tfiller\n").unwrap_err();
        assert_eq!((e.file, e.line), ("words.tsv", 2));
        let e = Lexicon::parse("", "في\tplace\n").unwrap_err();
        assert!(e.to_string().contains("unknown class"), "{e}");
    }
}
