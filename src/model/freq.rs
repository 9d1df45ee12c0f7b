//! How common a word is in general Arabic use: wordfreq's frequencies (Robyn Speer, version
//! 3.1.1, `large_ar`: Wikipedia, subtitles, news, web text and Twitter; CC BY-SA 4.0), in
//! `data/model/wordfreq_ar.txt` (made by `scripts/lexicon/wordfreq_ar.py`).
//!
//! ANERcorp shows the model some 12 000 distinct words; a news text brings others. How common
//! an unseen word is in general use says something the training corpus cannot: a rare word is
//! more often a name (نيستلروي), a common one more often not (حلمه، توافر), and a name's edge
//! more often meets a common word. The features read a word's frequency band ([`band`]).

use std::sync::LazyLock;

#[cfg(test)]
use crate::normalize::normalize_str;

/// The list: lines of `centibels<TAB>words`, the words separated by spaces.
static LIST: &str = include_str!("../../data/model/wordfreq_ar.txt");

/// The frequency band of each listed word, by the hash features give its normalized text.
static BANDS: LazyLock<Bands> = LazyLock::new(|| {
    let mut bands = Bands { slots: vec![0; 1 << Bands::BITS] };
    let mut buf = String::new();
    for line in LIST.lines().filter(|l| !l.starts_with('#')) {
        let Some((cb, words)) = line.split_once('\t') else { continue };
        let Ok(cb) = cb.parse::<u32>() else { continue };
        let b = band_of(cb);
        for w in words.split(' ') {
            buf.clear();
            buf.extend(w.chars().map(fold_letter));
            bands.insert(super::features::text_hash(&buf), b);
        }
    }
    bands
});

/// An open-addressing set of the listed words, each slot four bytes: 28 bits of the word's
/// hash (never all zero: zero is an empty slot) and its band. Half a megabyte, where a general
/// hash map of 64-bit keys took eight times as much: most words of a text are looked up, and
/// the table is read from the processor's cache rather than from memory. Two words whose
/// hashes share the slot's bits would share a band (one chance in millions per lookup).
struct Bands {
    slots: Vec<u32>,
}

impl Bands {
    /// 2¹⁷ slots for some 71 000 words: probes stay short.
    const BITS: u32 = 17;

    /// The slot a hash starts probing at, and its 28-bit fingerprint (shifted past the band).
    fn place(hash: u64) -> (usize, u32) {
        let mixed = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((mixed >> (64 - Self::BITS)) as usize, ((mixed as u32) & !0xF).max(0x10))
    }

    /// The slot holding a hash's fingerprint, or the empty slot where it would go; and the
    /// fingerprint.
    fn slot(&self, hash: u64) -> (usize, u32) {
        let (mut i, f) = Self::place(hash);
        let mask = self.slots.len() - 1;
        while self.slots[i] != 0 && self.slots[i] & !0xF != f {
            i = (i + 1) & mask;
        }
        (i, f)
    }

    /// Adds a word's band; a second spelling of one normalized word keeps the commoner's.
    fn insert(&mut self, hash: u64, band: u8) {
        let (i, f) = self.slot(hash);
        let old = self.slots[i];
        self.slots[i] = f | if old == 0 { band as u32 } else { (old & 0xF).min(band as u32) };
    }

    fn get(&self, hash: u64) -> u8 {
        (self.slots[self.slot(hash).0] & 0xF) as u8
    }
}

/// A letter of the list as normalization folds it. The list holds plain Arabic letters only
/// (U+0621–U+063A, U+0641–U+064A), which no step but these changes (a test checks it against
/// [`normalize_str`] for every word): several times faster than normalizing each word.
fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        c => c,
    }
}

/// The band of a frequency in centibels: 1 for the commonest words (one in a hundred), then a
/// band every half decade, 9 from one word in 300 000; 0 is for a word not listed.
fn band_of(cb: u32) -> u8 {
    1 + (cb.saturating_sub(200) / 50).min(8) as u8
}

/// The frequency band of a normalized word, by its feature hash (0: not listed, rare).
pub fn band(hash: u64) -> u8 {
    BANDS.get(hash)
}

/// The band from which a word is common in general use: more frequent than about one word in
/// 30 000 (دين "debt", خليل; but also some surnames, عباس، مبارك).
pub const COMMON: u8 = 6;

/// Whether a normalized word is common in general use (see [`COMMON`]).
pub fn is_common(word: &str) -> bool {
    (1..COMMON).contains(&band(super::features::text_hash(word)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::features::text_hash;

    #[test]
    fn common_words_are_common_and_names_of_strangers_rare() {
        assert_eq!(band(text_hash("في")), 1);
        assert!(band(text_hash("الحكومه")) <= 4, "{}", band(text_hash("الحكومه")));
        assert_eq!(band(text_hash("نيستلروي")), 0);
    }

    #[test]
    fn the_list_is_read_as_normalization_reads_text() {
        for line in LIST.lines().filter(|l| !l.starts_with('#')) {
            let (_, words) = line.split_once('\t').expect("centibels<TAB>words");
            for w in words.split(' ') {
                assert!(w.chars().all(|c| ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c)), "{w}");
                assert_eq!(w.chars().map(fold_letter).collect::<String>(), normalize_str(w), "{w}");
            }
        }
    }

    #[test]
    fn every_listed_word_has_its_own_band() {
        // The compact table against a plain map: no two words share a slot's bits.
        let mut want: std::collections::HashMap<String, u8> = std::collections::HashMap::new();
        for line in LIST.lines().filter(|l| !l.starts_with('#')) {
            let (cb, words) = line.split_once('\t').unwrap();
            for w in words.split(' ') {
                let b = want.entry(normalize_str(w)).or_insert(9);
                *b = (*b).min(band_of(cb.parse().unwrap()));
            }
        }
        assert!(want.len() > 60_000, "{}", want.len());
        for (w, b) in &want {
            assert_eq!(band(text_hash(w)), *b, "{w}");
        }
    }

    #[test]
    fn bands_rise_with_rarity() {
        assert_eq!(band_of(146), 1);
        assert!(band_of(300) < band_of(450));
        assert_eq!(band_of(620), 9);
    }
}
