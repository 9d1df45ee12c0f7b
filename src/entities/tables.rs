//! The compiled-in data of the entity stage in one place: the name lexicons and the rule cues,
//! numbered through one vocabulary, each a word automaton.

use std::sync::LazyLock;

use super::cues::{self, Cue, WordList};
use super::lexicon::{self, Entry, LexiconError};
use super::trie::{Trie, Vocab};
use crate::normalize::normalize_str;
use crate::tokenize::{tokenize, TokenKind};

/// A lexicon form's value in the name automaton.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameHit {
    /// Index into [`Tables::entries`].
    pub entry: u32,
    /// The form is also a common word (written `~form` in the lexicon).
    pub needs_context: bool,
}

/// Bits of what a single word is (see [`Tables::class`]).
pub mod class {
    pub const FIRST: u16 = 1;
    pub const FIRST_AMBIGUOUS: u16 = 1 << 1;
    pub const CONNECTOR: u16 = 1 << 2;
    pub const FUNCTION: u16 = 1 << 3;
    pub const COMMON: u16 = 1 << 4;
    /// The word starts a cue phrase: a title, a head, or another cue (a nisba, a modifier …).
    pub const CUE: u16 = CUE_TITLE | CUE_HEAD | CUE_OTHER;
    pub const CUE_TITLE: u16 = 1 << 5;
    pub const CUE_HEAD: u16 = 1 << 9;
    pub const CUE_OTHER: u16 = 1 << 10;
    /// The word starts a lexicon name.
    pub const NAME: u16 = 1 << 6;
    /// A verb of saying (قال، أضاف).
    pub const SPEECH: u16 = 1 << 7;
    /// A word that ends a compound name (الله، الدين).
    pub const SUFFIX: u16 = 1 << 8;
}

/// Names and cues, numbered through one vocabulary.
#[derive(Debug, Default)]
pub struct Tables {
    pub vocab: Vocab,
    pub entries: Vec<Entry>,
    /// Each entry's canonical name normalized, and its grouping key (see [`super::aliases::key`]).
    pub norms: Vec<String>,
    pub keys: Vec<String>,
    pub names: Trie<NameHit>,
    pub cues: Trie<Vec<Cue>>,
    classes: Vec<u16>,
}

impl Tables {
    /// Builds the tables from name files (see [`lexicon`]) and rule files (see [`cues`]).
    pub fn build(name_files: &[(&'static str, &str)], rule_files: &[(&'static str, &str)]) -> Result<Tables, LexiconError> {
        let mut t = Tables::default();
        let mut marks: Vec<(u32, u16)> = Vec::new();
        for (entry, forms, line) in lexicon::parse(name_files)? {
            let id = t.entries.len() as u32;
            for f in &forms {
                let words = t.phrase(&f.text).map_err(|m| LexiconError::new(entry.file, line, format!("{:?}: {m}", f.text)))?;
                marks.push((words[0], class::NAME));
                t.names.insert(&words).get_or_insert(NameHit { entry: id, needs_context: f.needs_context });
            }
            let norm = normalize_str(&entry.canonical);
            t.keys.push(super::aliases::key(&norm));
            t.norms.push(norm);
            t.entries.push(entry);
        }
        let parsed = cues::parse(rule_files)?;
        for (phrase, cue, (file, line)) in parsed.phrases {
            let words = t.phrase(&phrase).map_err(|m| LexiconError::new(file, line, format!("{phrase:?}: {m}")))?;
            marks.push((words[0], cue.kind.family()));
            let slot = t.cues.insert(&words).get_or_insert_with(Vec::new);
            if !slot.contains(&cue) {
                slot.push(cue);
            }
        }
        for (word, list, (file, line)) in parsed.words {
            let words = t.phrase(&word).map_err(|m| LexiconError::new(file, line, format!("{word:?}: {m}")))?;
            let bit = match list {
                WordList::First => class::FIRST,
                WordList::FirstAmbiguous => class::FIRST_AMBIGUOUS,
                WordList::Connector => class::CONNECTOR,
                WordList::Suffix => class::SUFFIX,
                WordList::Function => class::FUNCTION,
                WordList::Common => class::COMMON,
                WordList::Speech => class::SPEECH,
            };
            marks.push((words[0], bit));
        }
        t.classes = vec![0; t.vocab.len()];
        for (w, bit) in marks {
            t.classes[w as usize] |= bit;
        }
        Ok(t)
    }

    /// The numbered words of a phrase, normalized and tokenized as documents are.
    fn phrase(&mut self, text: &str) -> Result<Vec<u32>, &'static str> {
        let norm = normalize_str(text);
        let mut words = Vec::new();
        for tok in tokenize(&norm) {
            if tok.kind == TokenKind::Punct {
                return Err("punctuation inside a phrase");
            }
            words.push(self.vocab.intern(tok.text(&norm)));
        }
        if words.is_empty() {
            return Err("an empty phrase");
        }
        Ok(words)
    }

    /// The [`class`] bits of a word.
    #[inline]
    pub fn class(&self, word: u32) -> u16 {
        self.classes.get(word as usize).copied().unwrap_or(0)
    }

    /// The number of a normalized word, if the tables know it.
    pub fn word(&self, word: &str) -> Option<u32> {
        self.vocab.id(word)
    }
}

/// The compiled-in tables.
pub static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    Tables::build(lexicon::FILES, cues::FILES).unwrap_or_else(|e| panic!("bad compiled-in lexicon: {e}"))
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Kind;

    #[test]
    fn compiled_in_tables_build() {
        let t = &*TABLES;
        assert!(t.names.len() > 5000, "only {} name forms", t.names.len());
        assert!(t.cues.len() > 500, "only {} cue phrases", t.cues.len());
        let in_sudan = t.word("الخرطوم").unwrap();
        assert!(t.class(in_sudan) & class::NAME != 0);
        assert!(t.class(t.word("في").unwrap()) & class::FUNCTION != 0);
        assert!(t.class(t.word("محمد").unwrap()) & class::FIRST != 0);
    }

    #[test]
    fn every_entry_kind_and_file_is_present() {
        let t = &*TABLES;
        for kind in [Kind::Person, Kind::Organization, Kind::Location] {
            assert!(t.entries.iter().any(|e| e.kind == kind), "no {kind:?}");
        }
        for (file, _) in lexicon::FILES {
            assert!(t.entries.iter().any(|e| e.file == *file), "no entry from {file}");
        }
    }

    #[test]
    fn no_plain_name_is_a_function_word() {
        // A name spelled like a function word (كيف how, not Kyiv) would be marked everywhere.
        let t = &*TABLES;
        let mut bad = Vec::new();
        for (entry, forms, line) in lexicon::parse(lexicon::FILES).unwrap() {
            for f in forms.iter().filter(|f| !f.needs_context) {
                let norm = normalize_str(&f.text);
                if t.word(&norm).is_some_and(|w| t.class(w) & class::FUNCTION != 0) {
                    bad.push(format!("{}.tsv line {line}: {}", entry.file, f.text));
                }
            }
        }
        assert!(bad.is_empty(), "names that are function words: {bad:?}");
    }

    #[test]
    fn an_earlier_entry_keeps_a_shared_form() {
        let t = Tables::build(&[("a", "عمان\tlocation\tعمان (الأردن)"), ("b", "سلطنة عمان\tlocation\tعمان\tعمان")], &[]).unwrap();
        let w = t.word("عمان").unwrap();
        let hit = t.names.value(t.names.step(Trie::<NameHit>::ROOT, w).unwrap()).unwrap();
        assert_eq!(t.entries[hit.entry as usize].canonical, "عمان (الأردن)");
    }

    #[test]
    fn punctuation_in_a_form_is_an_error() {
        let e = Tables::build(&[("a", "# c\nأيرو-أتلنتيك\torganization")], &[]).unwrap_err();
        assert_eq!(e.to_string(), "a.tsv line 2: \"أيرو-أتلنتيك\": punctuation inside a phrase");
    }
}
