//! Tokenization over the normalized text, aware of Arabic proclitics.
//!
//! A token is a run of letters (Arabic or Latin), a run of digits, or a single other
//! non-space character (punctuation, a symbol, an emoji). Offsets are byte offsets into the
//! *normalized* text; [`crate::normalize::Normalized::original_range`] carries them back.
//!
//! Arabic writes some function words as prefixes of the next word: the conjunctions و and ف, the
//! prepositions ب ل ك, the article ال, and ل + ال written لل. [`Token::proclitics`] lists the ways
//! a word can be read as such prefixes followed by a stem, so that later stages find أوكرانيا
//! inside لأوكرانيا and الولايات inside للولايات.
//!
//! ```
//! use kashif::tokenize::{tokenize, Reading};
//!
//! let text = "وللولايات";
//! let tokens = tokenize(text);
//! let readings: Vec<Reading> = tokens[0].proclitics(text).collect();
//! // The word as it stands, و + للولايات, and و + ل + (ا)لولايات with the article merged.
//! assert!(readings.contains(&Reading { prefix: 0, merged_article: false }));
//! assert!(readings.contains(&Reading { prefix: 2, merged_article: false }));
//! assert!(readings.contains(&Reading { prefix: 4, merged_article: true }));
//! let merged = readings.iter().find(|r| r.merged_article).unwrap();
//! assert_eq!(merged.stem(&tokens[0], text), "الولايات");
//! ```

use std::borrow::Cow;
use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, Arabic or Latin (and, when normalization keeps them, their marks).
    Word,
    /// ASCII digits (Arabic-Indic digits count too when normalization keeps them).
    Number,
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// A token: a byte range of the normalized text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// One reading of a word as proclitics followed by a stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Bytes of conjunction/preposition letters before the stem (0 for the word as it stands).
    pub prefix: usize,
    /// The stem lost the alef of its article to a preceding ل (لل): its text starts at the
    /// article's lam and its lexical form is ا + that text.
    pub merged_article: bool,
}

impl Reading {
    /// The stem's lexical form: its text, with the alef of a merged article restored.
    pub fn stem<'t>(&self, token: &Token, text: &'t str) -> Cow<'t, str> {
        let s = &text[token.start + self.prefix..token.end];
        if self.merged_article {
            Cow::Owned(format!("ا{s}"))
        } else {
            Cow::Borrowed(s)
        }
    }

    /// The stem's range in the normalized text (for a merged article, from its lam).
    pub fn range(&self, token: &Token) -> Range<usize> {
        token.start + self.prefix..token.end
    }
}

/// Proclitic sequences, in normalized spelling, with whether they end in a merged article. Each
/// letter of Arabic script is two bytes in UTF-8.
const PREFIXES: &[(&str, bool)] = &[
    ("و", false),
    ("ف", false),
    ("ب", false),
    ("ل", false),
    ("ك", false),
    ("وب", false),
    ("ول", false),
    ("وك", false),
    ("فب", false),
    ("فل", false),
    ("فك", false),
    // ل + ال written لل: the stem starts at the article's lam.
    ("ل", true),
    ("ول", true),
    ("فل", true),
];

/// The shortest stem a proclitic reading may leave, in letters.
const MIN_STEM_LETTERS: usize = 2;

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The readings of a word: as it stands first, then with each possible proclitic sequence
    /// stripped (shorter prefixes first). Numbers and punctuation have only the first, and so
    /// has a word that does not start with a proclitic letter (و ف ب ل ك), answered at once.
    pub fn proclitics<'t>(&self, text: &'t str) -> impl Iterator<Item = Reading> + 't {
        let word = self.text(text);
        let prefixes = match word.as_bytes() {
            // و ف ب ل ك: 0xD9 0x88, 0xD9 0x81, 0xD8 0xA8, 0xD9 0x84, 0xD9 0x83.
            [0xD9, 0x88 | 0x81 | 0x84 | 0x83, ..] | [0xD8, 0xA8, ..] if self.kind == TokenKind::Word => PREFIXES,
            _ => &[],
        };
        std::iter::once(Reading { prefix: 0, merged_article: false }).chain(prefixes.iter().filter_map(
            move |&(p, merged)| {
                // Byte by byte: the prefixes are one or two letters, compared without a call.
                let (w, p) = (word.as_bytes(), p.as_bytes());
                let starts = match *p {
                    [a, b] => w.first_chunk::<2>() == Some(&[a, b]),
                    [a, b, c, d] => w.first_chunk::<4>() == Some(&[a, b, c, d]),
                    _ => w.starts_with(p),
                };
                if !starts {
                    return None;
                }
                let rest = &word[p.len()..];
                if merged && !rest.starts_with('ل') {
                    return None;
                }
                (rest.chars().nth(MIN_STEM_LETTERS - 1).is_some()).then_some(Reading { prefix: p.len(), merged_article: merged })
            },
        ))
    }
}

/// Whether `c` belongs inside a word.
#[inline]
pub fn is_letter(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphabetic();
    }
    if (0x0600..0x0700).contains(&u) {
        return ARABIC_LETTERS[(u as usize - 0x0600) / 64] >> (u % 64) & 1 != 0;
    }
    ('\u{0750}'..='\u{077F}').contains(&c) || c.is_alphabetic()
}

/// The code points of the Arabic block (U+0600–U+06FF) that belong inside a word, one bit
/// each: a word's letters are looked up, not tested against each range in turn.
const ARABIC_LETTERS: [u64; 4] = {
    const RANGES: [(u32, u32); 11] = [
        (0x0621, 0x063A),
        (0x0641, 0x064A),
        (0x066E, 0x066F),
        (0x0671, 0x06D3),
        (0x06D5, 0x06D5),
        (0x06FA, 0x06FF),
        // Marks and tatweel, when normalization keeps them, stay inside their word.
        (0x0610, 0x061A),
        (0x0640, 0x0640),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06ED),
    ];
    let mut bits = [0u64; 4];
    let mut r = 0;
    while r < RANGES.len() {
        let mut u = RANGES[r].0;
        while u <= RANGES[r].1 {
            let n = (u - 0x0600) as usize;
            bits[n / 64] |= 1 << (n % 64);
            u += 1;
        }
        r += 1;
    }
    bits
};

/// Whether `c` is a digit of a number token.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Splits normalized text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let kind = if is_letter(c) {
            TokenKind::Word
        } else if is_digit(c) {
            TokenKind::Number
        } else if c.is_whitespace() {
            continue;
        } else {
            tokens.push(Token { start: i, end: i + c.len_utf8(), kind: TokenKind::Punct });
            continue;
        };
        let same = |d: char| if kind == TokenKind::Word { is_letter(d) } else { is_digit(d) };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !same(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        tokens.push(Token { start: i, end, kind });
    }
    tokens
}

/// Whether only plain spaces (no line break, no punctuation) separate two tokens, so that they
/// may belong to one name or expression.
pub fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.bytes().all(|c| c == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_str;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s).iter().map(|t| (t.text(s), t.kind)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            toks("فى 24 فبراير 2022، قال: «نعم»"),
            vec![
                ("فى", Word),
                ("24", Number),
                ("فبراير", Word),
                ("2022", Number),
                ("،", Punct),
                ("قال", Word),
                (":", Punct),
                ("«", Punct),
                ("نعم", Word),
                ("»", Punct)
            ]
        );
        assert_eq!(toks("1445هـ"), vec![("1445", Number), ("هـ", Word)]);
        assert_eq!(toks("NATO-2024"), vec![("NATO", Word), ("-", Punct), ("2024", Number)]);
        assert_eq!(toks("😀ب"), vec![("😀", Punct), ("ب", Word)]);
        assert!(toks(" \n\t ").is_empty());
    }

    /// `reading!(word => [stems…])`: the lexical stems of every reading of a normalized word.
    macro_rules! readings {
        ($($word:expr => [$($stem:expr),*];)+) => {
            $(
                let w = normalize_str($word);
                let t = tokenize(&w);
                let got: Vec<String> = t[0].proclitics(&w).map(|r| r.stem(&t[0], &w).into_owned()).collect();
                let want: Vec<String> = vec![$(normalize_str($stem)),*];
                assert_eq!(got, want, "readings of {}", $word);
            )+
        };
    }

    #[test]
    fn proclitic_readings() {
        readings! {
            "وروسيا" => ["وروسيا", "روسيا"];
            "لأوكرانيا" => ["لأوكرانيا", "أوكرانيا"];
            "بالناتو" => ["بالناتو", "الناتو"];
            "للولايات" => ["للولايات", "لولايات", "الولايات"];
            "وللولايات" => ["وللولايات", "للولايات", "لولايات", "الولايات"];
            "وبالناتو" => ["وبالناتو", "بالناتو", "الناتو"];
            "كييف" => ["كييف", "ييف"];
            "بر" => ["بر"];
            "2024" => ["2024"];
        }
    }

    #[test]
    fn merged_article_stem_starts_at_its_lam() {
        let w = "للولايات";
        let t = tokenize(w);
        let r = t[0].proclitics(w).find(|r| r.merged_article).unwrap();
        assert_eq!(&w[r.range(&t[0])], "لولايات");
    }

    #[test]
    fn letters_are_the_listed_ranges_of_the_arabic_block_and_other_alphabetic_characters() {
        let listed = |c: char| {
            matches!(c,
                '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
                | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}'
                | '\u{0610}'..='\u{061A}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
            ) || !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic()
        };
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), listed(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn adjacency_is_plain_spaces() {
        let s = "مارك روته\nروته، مارك";
        let t = tokenize(s);
        assert!(adjacent(s, &t[0], &t[1]));
        assert!(!adjacent(s, &t[1], &t[2]));
        assert!(!adjacent(s, &t[2], &t[3]));
    }
}
