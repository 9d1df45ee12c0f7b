//! A word automaton: phrases of normalized words, numbered through one vocabulary and matched
//! token by token.
//!
//! Every word of every compiled-in phrase (names, titles, heads, first names, function words) gets
//! a number in one [`Vocab`]. A [`Trie`] is an automaton over those numbers: from a node, one
//! word leads to the next node, and a node where a phrase ends holds that phrase's value. A
//! document is looked up once ([`Words`]): each token gets the numbers of its readings (the word
//! as it stands, and its stems after proclitics), so that every later step compares numbers, not
//! strings.
//!
//! ```
//! use kashif::doc::Doc;
//! use kashif::entities::trie::{Trie, Vocab, Words};
//!
//! let mut vocab = Vocab::default();
//! let mut trie = Trie::default();
//! let phrase: Vec<u32> = ["حلف", "شمال", "الاطلسي"].iter().map(|w| vocab.intern(w)).collect();
//! *trie.insert(&phrase) = Some("nato");
//! let doc = Doc::new("وحلف شمال الأطلسى");
//! let words = Words::new(&doc, &vocab);
//! // The first token, read as و + حلف, starts the phrase.
//! let (reading, first) = words.at(0).iter().copied().find(|&(r, _)| r.prefix > 0).unwrap();
//! let mut node = trie.step(Trie::<&str>::ROOT, first).unwrap();
//! node = trie.step(node, words.word(1).unwrap()).unwrap();
//! node = trie.step(node, words.word(2).unwrap()).unwrap();
//! assert_eq!(trie.value(node), Some(&"nato"));
//! assert_eq!(reading.prefix, "و".len());
//! ```

use crate::doc::Doc;
use std::hash::Hasher;

use crate::fxhash::{FxHashMap, FxHasher};
use crate::tokenize::Reading;

/// The numbered words of all compiled-in phrases: one string holds them all, and an open
/// hash table of (hash, number) finds one, so that a word the table lacks is turned away by a
/// comparison of hashes, without reading any stored word.
#[derive(Debug, Default)]
pub struct Vocab {
    /// Word `n` is `words[spans[n].0 as usize..spans[n].1 as usize]`.
    words: String,
    spans: Vec<(u32, u32)>,
    /// (hash, number + 1), 0 for an empty slot; a power of two long, at most half full.
    slots: Vec<(u64, u32)>,
    /// A byte for each slot: 0 when empty, else a few bits of its hash ([`tag_of`]). Most
    /// words a document looks up are not in the table; these bytes, a sixteenth of the slots'
    /// size and so mostly in the cache, turn them away without reading the slots.
    tags: Vec<u8>,
}

/// The tag byte of a word's hash: never 0, from bits its slot's position does not already say.
#[inline]
fn tag_of(h: u64) -> u8 {
    (h >> 57) as u8 | 0x80
}

fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    let h = h.finish();
    h ^ (h >> 29)
}

impl Vocab {
    /// The number of a normalized word, if some phrase uses it.
    #[inline]
    pub fn id(&self, word: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let h = word_hash(word);
        let (mask, tag) = (self.slots.len() - 1, tag_of(h));
        let mut i = h as usize & mask;
        loop {
            match self.tags[i] {
                0 => return None,
                t if t == tag => {
                    let (sh, n) = self.slots[i];
                    if sh == h && self.word(n - 1) == word {
                        return Some(n - 1);
                    }
                }
                _ => {}
            }
            i = (i + 1) & mask;
        }
    }

    /// Word number `n`.
    fn word(&self, n: u32) -> &str {
        let (a, b) = self.spans[n as usize];
        &self.words[a as usize..b as usize]
    }

    /// The number of a normalized word, numbering it if it is new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(n) = self.id(word) {
            return n;
        }
        let n = self.spans.len() as u32;
        let start = self.words.len() as u32;
        self.words.push_str(word);
        self.spans.push((start, self.words.len() as u32));
        if self.spans.len() * 2 > self.slots.len() {
            let len = (self.slots.len() * 2).max(64);
            self.slots = vec![(0, 0); len];
            self.tags = vec![0; len];
            for m in 0..self.spans.len() as u32 {
                self.place(word_hash(self.word(m)), m);
            }
        } else {
            self.place(word_hash(word), n);
        }
        n
    }

    /// Puts word number `n`, of hash `h`, in the first free slot from its own.
    fn place(&mut self, h: u64, n: u32) {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        while self.tags[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (h, n + 1);
        self.tags[i] = tag_of(h);
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// An automaton over word numbers; each node may end a phrase with a value.
#[derive(Debug)]
pub struct Trie<T> {
    edges: FxHashMap<(u32, u32), u32>,
    values: Vec<Option<T>>,
}

impl<T> Default for Trie<T> {
    fn default() -> Self {
        Trie { edges: FxHashMap::default(), values: vec![None] }
    }
}

impl<T> Trie<T> {
    /// The start node.
    pub const ROOT: u32 = 0;

    /// The value slot of a phrase, creating its nodes.
    pub fn insert(&mut self, words: &[u32]) -> &mut Option<T> {
        let mut node = Self::ROOT;
        for &w in words {
            let next = self.values.len() as u32;
            node = *self.edges.entry((node, w)).or_insert(next);
            if node == next {
                self.values.push(None);
            }
        }
        &mut self.values[node as usize]
    }

    /// The node one word leads to.
    #[inline]
    pub fn step(&self, node: u32, word: u32) -> Option<u32> {
        self.edges.get(&(node, word)).copied()
    }

    /// The value of the phrase ending at a node.
    #[inline]
    pub fn value(&self, node: u32) -> Option<&T> {
        self.values[node as usize].as_ref()
    }

    /// The number of phrases.
    pub fn len(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The vocabulary numbers of a document's tokens, per proclitic reading.
#[derive(Debug)]
pub struct Words {
    /// `readings[start[i]..start[i + 1]]` are token `i`'s known readings.
    start: Vec<u32>,
    readings: Vec<(Reading, u32)>,
    /// `all[all_start[i]..all_start[i + 1]]` are all token `i`'s readings.
    all_start: Vec<u32>,
    all: Vec<Reading>,
    /// Each token's word among the document's distinct words, numbered in order of first
    /// appearance (`u32::MAX` for punctuation).
    types: Vec<u32>,
}

/// Where the readings of a word met before lie: its known ones, then all.
type Met = [(u32, u32); 2];

/// No word met yet.
const NOT_MET: Met = [(u32::MAX, 0); 2];

impl Words {
    /// Looks every reading of every word and number token up in `vocab`, keeping those it knows.
    pub fn new(doc: &Doc, vocab: &Vocab) -> Words {
        let text = doc.text();
        let mut start = Vec::with_capacity(doc.tokens.len() + 1);
        let mut readings = Vec::with_capacity(doc.tokens.len());
        let mut all_start = Vec::with_capacity(doc.tokens.len() + 1);
        let mut all = Vec::with_capacity(doc.tokens.len());
        // A word met before (by its type in the document) has the readings it had then:
        // copied, not looked up again.
        let mut met = vec![NOT_MET; doc.type_count()];
        for (i, t) in doc.tokens.iter().enumerate() {
            let (from, all_from) = (readings.len() as u32, all.len() as u32);
            start.push(from);
            all_start.push(all_from);
            let Some(ty) = doc.type_of(i) else { continue };
            let m = &mut met[ty as usize];
            if *m != NOT_MET {
                let [(a, b), (c, d)] = *m;
                readings.extend_from_within(a as usize..b as usize);
                all.extend_from_within(c as usize..d as usize);
                continue;
            }
            for r in t.proclitics(text) {
                all.push(r);
                if let Some(id) = vocab.id(&r.stem(t, text)) {
                    readings.push((r, id));
                }
            }
            *m = [(from, readings.len() as u32), (all_from, all.len() as u32)];
        }
        start.push(readings.len() as u32);
        all_start.push(all.len() as u32);
        let types = (0..doc.tokens.len()).map(|i| doc.type_of(i).unwrap_or(u32::MAX)).collect();
        Words { start, readings, all_start, all, types }
    }

    /// Token `i`'s word among the document's distinct words (the same number for every
    /// occurrence of one word, numbered from 0 in order of first appearance), or `None` for
    /// punctuation.
    #[inline]
    pub fn type_of(&self, i: usize) -> Option<u32> {
        Some(self.types[i]).filter(|&t| t != u32::MAX)
    }

    /// Token `i`'s known readings: the word as it stands first, then shorter prefixes first.
    #[inline]
    pub fn at(&self, i: usize) -> &[(Reading, u32)] {
        &self.readings[self.start[i] as usize..self.start[i + 1] as usize]
    }

    /// All token `i`'s readings, known or not, in the same order.
    #[inline]
    pub fn all(&self, i: usize) -> &[Reading] {
        &self.all[self.all_start[i] as usize..self.all_start[i + 1] as usize]
    }

    /// The number of token `i` as it stands (no proclitic stripped).
    #[inline]
    pub fn word(&self, i: usize) -> Option<u32> {
        self.at(i).first().filter(|(r, _)| r.prefix == 0).map(|&(_, w)| w)
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_inserted_twice_keeps_one_slot() {
        let mut v = Vocab::default();
        let mut t: Trie<u8> = Trie::default();
        let a = [v.intern("a"), v.intern("b")];
        *t.insert(&a) = Some(1);
        assert_eq!(t.insert(&a).replace(2), Some(1));
        assert_eq!(t.len(), 1);
        let n = t.step(Trie::<u8>::ROOT, a[0]).unwrap();
        assert_eq!(t.value(n), None);
        assert_eq!(t.value(t.step(n, a[1]).unwrap()), Some(&2));
        assert_eq!(v.intern("a"), a[0]);
    }

    #[test]
    fn the_vocabulary_numbers_each_word_once_through_its_growth() {
        let mut v = Vocab::default();
        let words: Vec<String> = (0..1000).map(|i| format!("كلمة{i}")).collect();
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w)).collect();
        assert_eq!(ids, (0..1000).collect::<Vec<u32>>());
        assert!(words.iter().zip(&ids).all(|(w, &n)| v.id(w) == Some(n) && v.intern(w) == n));
        assert_eq!((v.id("كلمة"), v.id(""), v.len()), (None, None, 1000));
    }

    #[test]
    fn words_know_every_reading_that_the_vocabulary_knows() {
        let mut v = Vocab::default();
        let dawla = v.intern("الولايات");
        let wa = v.intern("وللولايات");
        let doc = Doc::new("وللولايات، 2024 غيرها");
        let w = Words::new(&doc, &v);
        assert_eq!(w.len(), 4);
        let ids: Vec<u32> = w.at(0).iter().map(|&(_, id)| id).collect();
        assert_eq!(ids, vec![wa, dawla]);
        assert!(w.at(0)[1].0.merged_article);
        assert_eq!(w.word(0), Some(wa));
        assert!(w.at(1).is_empty() && w.at(2).is_empty() && w.at(3).is_empty());
        assert_eq!(w.word(3), None);
        // One number for every occurrence of a word; none for punctuation.
        let doc = Doc::new("في البيت، في الدار");
        let w = Words::new(&doc, &v);
        let types: Vec<Option<u32>> = (0..w.len()).map(|i| w.type_of(i)).collect();
        assert_eq!(types, vec![Some(0), Some(1), None, Some(0), Some(2)]);
    }
}
