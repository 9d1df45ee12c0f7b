//! How common a word is in general Arabic use: wordfreq's frequencies (Robyn Speer, version
//! 3.1.1, `large_ar`: Wikipedia, subtitles, news, web text and Twitter; CC BY-SA 4.0), in
//! `data/model/wordfreq_ar.txt` (made by `scripts/lexicon/wordfreq_ar.py`).
//!
//! ANERcorp shows the model some 12 000 distinct words; a news text brings others. How common
//! an unseen word is in general use says something the training corpus cannot: a rare word is
//! more often a name (نيستلروي), a common one more often not (حلمه، توافر), and a name's edge
//! more often meets a common word. The features read a word's frequency band ([`band`]).
//!
//! So with names: ANERcorp shows some 2 700 persons, and open lists of given names, surnames,
//! foreign names in Arabic spelling, places and sports clubs (`data/model/names_ar.txt`) know
//! tens of thousands more. The features read what they say of a word ([`name_flags`]); the model learns
//! how far to trust them (a list's given name is also a common noun: أمل, hope).

use std::sync::LazyLock;

#[cfg(test)]
use crate::normalize::normalize_str;

/// The list: lines of `centibels<TAB>words`, the words separated by spaces.
static LIST: &str = include_str!("../../data/model/wordfreq_ar.txt");

/// The name lists (`data/model/names_ar.txt`, made by `scripts/lexicon/names_ar.py` from open
/// lists of given names, surnames, foreign names in Arabic spelling, places and clubs): lines of
/// `flags<TAB>words`.
static NAMES_LIST: &str = include_str!("../../data/model/names_ar.txt");

/// The frequency band and the name lists' flags of each listed word, by the hash features give
/// its normalized text: one table, so that a word is looked up once for both.
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words { slots: vec![0; 1 << Words::BITS] };
    let mut buf = String::new();
    let mut each = |list: &str, add: &mut dyn FnMut(&mut Words, u64, u32)| {
        for line in list.lines().filter(|l| !l.starts_with('#')) {
            let Some((n, ws)) = line.split_once('\t') else { continue };
            let Ok(n) = n.parse::<u32>() else { continue };
            for w in ws.split(' ') {
                buf.clear();
                buf.extend(w.chars().map(fold_letter));
                add(&mut words, super::features::text_hash(&buf), n);
            }
        }
    };
    // A second spelling of one normalized word keeps the commoner's band, and both's flags.
    each(LIST, &mut |t, hash, cb| t.update(hash, |old| match old & 0xF {
        0 => old | band_of(cb) as u32,
        b => old & !0xF | b.min(band_of(cb) as u32),
    }));
    each(NAMES_LIST, &mut |t, hash, flags| t.update(hash, |old| old | (flags & 0x1F) << 4));
    words
});

/// Flags of [`name_flags`]: a given name, a surname, a word of a foreign person's name in
/// Arabic spelling, a place, a word of a sports club's name.
pub const GIVEN: u8 = 1;
pub const SURNAME: u8 = 2;
pub const FOREIGN: u8 = 4;
pub const PLACE: u8 = 8;
pub const CLUB: u8 = 16;

/// An open-addressing set of the listed words, each slot four bytes: 23 bits of the word's
/// hash (never all zero: zero is an empty slot), the name lists' flags and its band. Half a
/// megabyte, where a general hash map of 64-bit keys took eight times as much: most words of a text are
/// looked up, and the table is read from the processor's cache rather than from memory. Two
/// words whose hashes share the slot's index and bits would share a slot (one chance in millions
/// per lookup).
struct Words {
    slots: Vec<u32>,
}

impl Words {
    /// 2¹⁷ slots for some 92 000 words: seven in ten taken, a probe mostly reads on within the
    /// cache line it starts in (sixteen slots), and twice the slots measured no faster.
    const BITS: u32 = 17;
    /// The bits of a slot that hold the band (low four) and the flags (the next five).
    const VALUE: u32 = 0x1FF;

    /// The slot a hash starts probing at, and its 23-bit fingerprint (shifted past the value).
    fn place(hash: u64) -> (usize, u32) {
        let mixed = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((mixed >> (64 - Self::BITS)) as usize, ((mixed as u32) & !Self::VALUE).max(Self::VALUE + 1))
    }

    /// The slot holding a hash's fingerprint, or the empty slot where it would go; and the
    /// fingerprint.
    fn slot(&self, hash: u64) -> (usize, u32) {
        let (mut i, f) = Self::place(hash);
        let mask = self.slots.len() - 1;
        while self.slots[i] != 0 && self.slots[i] & !Self::VALUE != f {
            i = (i + 1) & mask;
        }
        (i, f)
    }

    /// Sets a word's value (band and flags) from its old one (0 for a new word).
    fn update(&mut self, hash: u64, value: impl Fn(u32) -> u32) {
        let (i, f) = self.slot(hash);
        self.slots[i] = f | value(self.slots[i] & Self::VALUE) & Self::VALUE;
    }

    fn get(&self, hash: u64) -> u32 {
        self.slots[self.slot(hash).0] & Self::VALUE
    }
}

/// How common a normalized word is and what the name lists say of it, by its feature hash: its
/// frequency band ([`band`]) and its flags ([`name_flags`]), in one lookup.
pub fn lookup(hash: u64) -> (u8, u8) {
    let v = WORDS.get(hash);
    ((v & 0xF) as u8, (v >> 4) as u8)
}

/// What the name lists say of a normalized word, by its feature hash: [`GIVEN`], [`SURNAME`],
/// [`FOREIGN`], [`PLACE`], [`CLUB`] ORed (0: in none).
pub fn name_flags(hash: u64) -> u8 {
    lookup(hash).1
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
    lookup(hash).0
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
    fn the_name_lists_are_read_as_normalization_reads_text() {
        let mut words = 0;
        for line in NAMES_LIST.lines().filter(|l| !l.starts_with('#')) {
            let (flags, list) = line.split_once('\t').expect("flags<TAB>words");
            let flags: u8 = flags.parse().expect("flags");
            assert!((1..32).contains(&flags), "{line}");
            for w in list.split(' ') {
                assert!(w.chars().all(|c| ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c)), "{w}");
                assert_eq!(w.chars().map(fold_letter).collect::<String>(), normalize_str(w), "{w}");
                // Two spellings folded together keep both's flags.
                assert_eq!(name_flags(text_hash(&normalize_str(w))) & flags, flags, "{w}");
                words += 1;
            }
        }
        assert!(words > 30_000, "{words}");
    }

    #[test]
    fn names_and_places_are_flagged() {
        use super::{name_flags as f, CLUB, FOREIGN, GIVEN, PLACE, SURNAME};
        let of = |w: &str| f(text_hash(&normalize_str(w)));
        for (w, flag) in [("محمد", GIVEN), ("فاطمة", GIVEN), ("الحسيني", SURNAME), ("ساركوزي", FOREIGN), ("باريس", PLACE), ("دمشق", PLACE), ("يونايتد", CLUB), ("الزمالك", CLUB)] {
            assert_ne!(of(w) & flag, 0, "{w}: {}", of(w));
        }
        for w in ["الحكومة", "في", "قال", "الاقتصاد"] {
            assert_eq!(of(w), 0, "{w}");
        }
        // What says a club is one is no word of its name (نادي is a given name, though).
        for w in ["نادي", "لكرة", "القدم", "الرياضي"] {
            assert_eq!(of(w) & CLUB, 0, "{w}");
        }
    }

    #[test]
    fn bands_rise_with_rarity() {
        assert_eq!(band_of(146), 1);
        assert!(band_of(300) < band_of(450));
        assert_eq!(band_of(620), 9);
    }
}
