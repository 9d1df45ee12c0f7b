//! How common a word is in general Arabic use: wordfreq's frequencies (Robyn Speer, version
//! 3.1.1, `large_ar`: Wikipedia, subtitles, news, web text and Twitter; CC BY-SA 4.0), in
//! `data/model/wordfreq_ar.txt` (made by `scripts/lexicon/wordfreq_ar.py`).
//!
//! ANERcorp shows the model some 12 000 distinct words; a news text brings others. How common
//! an unseen word is in general use says something the training corpus cannot: a rare word is
//! more often a name (نيستلروي), a common one more often not (حلمه، توافر), and a name's edge
//! more often meets a common word. The features read a word's frequency band ([`band`]).

use std::sync::LazyLock;

use crate::fxhash::FxHashMap;
#[cfg(test)]
use crate::normalize::normalize_str;

/// The list: lines of `centibels<TAB>words`, the words separated by spaces.
static LIST: &str = include_str!("../../data/model/wordfreq_ar.txt");

/// The frequency band of each listed word, by the hash features give its normalized text.
static BANDS: LazyLock<FxHashMap<u64, u8>> = LazyLock::new(|| {
    let mut m = FxHashMap::with_capacity_and_hasher(1 << 17, Default::default());
    let mut buf = String::new();
    for line in LIST.lines().filter(|l| !l.starts_with('#')) {
        let Some((cb, words)) = line.split_once('\t') else { continue };
        let Ok(cb) = cb.parse::<u32>() else { continue };
        let b = band_of(cb);
        for w in words.split(' ') {
            buf.clear();
            buf.extend(w.chars().map(fold_letter));
            // Two spellings of one normalized word: the commoner's band.
            let e = m.entry(super::features::hash_text(&buf)).or_insert(b);
            *e = (*e).min(b);
        }
    }
    m
});

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
    BANDS.get(&hash).copied().unwrap_or(0)
}

/// The band from which a word is common in general use: more frequent than about one word in
/// 30 000 (دين "debt", خليل; but also some surnames, عباس، مبارك).
pub const COMMON: u8 = 6;

/// Whether a normalized word is common in general use (see [`COMMON`]).
pub fn is_common(word: &str) -> bool {
    (1..COMMON).contains(&band(super::features::hash_text(word)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::features::hash_text;

    #[test]
    fn common_words_are_common_and_names_of_strangers_rare() {
        assert_eq!(band(hash_text("في")), 1);
        assert!(band(hash_text("الحكومه")) <= 4, "{}", band(hash_text("الحكومه")));
        assert_eq!(band(hash_text("نيستلروي")), 0);
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
    fn bands_rise_with_rarity() {
        assert_eq!(band_of(146), 1);
        assert!(band_of(300) < band_of(450));
        assert_eq!(band_of(620), 9);
    }
}
