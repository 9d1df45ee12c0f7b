//! Normalization: a shadow copy of the text for matching, aligned back to the original.
//!
//! Arabic news text spells one word many ways: hamza forms on alef vary, Egyptian press writes a
//! final ي as ى, a text may carry diacritics or tatweel, digits may be Arabic-Indic. Every later
//! stage matches over a *normalized* copy in which those differences are folded away, while every
//! span it reports points into the *original* text, which is never changed.
//!
//! [`Normalized`] holds the shadow copy and, for every byte of it, the byte range of the original
//! it came from. It is built through one primitive (pushing a piece of output for a piece of
//! input), so the alignment cannot drift from the text.
//!
//! # The steps
//!
//! Each fold is a [`Step`] that [`Options`] switches on or off (all on by default):
//!
//! | step | what it does | code points |
//! |---|---|---|
//! | `Alef` | hamza and madda forms of alef become bare alef | أ U+0623, إ U+0625, آ U+0622, ٱ U+0671, ٲ U+0672, ٳ U+0673 → ا U+0627 |
//! | `AlefMaksura` | alef maksura becomes yeh | ى U+0649 → ي U+064A |
//! | `TehMarbuta` | teh marbuta becomes heh | ة U+0629 → ه U+0647 |
//! | `WawHamza` | waw with hamza becomes waw | ؤ U+0624 → و U+0648 |
//! | `YehHamza` | yeh with hamza becomes yeh | ئ U+0626 → ي U+064A |
//! | `Persian` | Persian/Urdu letter shapes become their Arabic letters | ی U+06CC, ۍ U+06CD, ې U+06D0 → ي; ک U+06A9 → ك U+0643; ە U+06D5 → ه |
//! | `Diacritics` | harakat, tanwin, shadda, sukun, Quranic marks and dagger alef are removed | U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED |
//! | `Tatweel` | the kashida is removed | U+0640 |
//! | `Invisible` | zero-width and direction marks are removed | U+200B–U+200F, U+061C, U+FEFF, U+2060, U+202A–U+202E, U+2066–U+2069, U+00AD |
//! | `Digits` | Arabic-Indic and Persian digits become ASCII | ٠–٩ U+0660–U+0669, ۰–۹ U+06F0–U+06F9 → 0–9 |
//! | `Presentation` | presentation forms become the letters they draw | U+FB50–U+FDFF, U+FE70–U+FEFF (e.g. ﻻ U+FEFB → لا) |
//! | `Whitespace` | a run of white space becomes one space, or one line break if it holds one | any `char::is_whitespace` |
//! | `LatinCase` | ASCII letters are lower-cased | A–Z → a–z |
//!
//! A removed character (a diacritic, tatweel, an invisible mark, the rest of a white-space run)
//! belongs to the character before it: the normalized character's original range grows to cover
//! it, so a span that ends on a letter keeps that letter's harakat. One at the very start of the
//! text has no character before it and belongs to none.
//!
//! # A worked example
//!
//! ```
//! use kashif::normalize::Normalized;
//!
//! let original = "فِى ١٣ أيّار";
//! let n = Normalized::new(original);
//! assert_eq!(n.as_str(), "في 13 ايار");
//! // "في" is bytes 0..4 of the normalized text; in the original it covers the kasra too.
//! assert_eq!(n.original_range(0..4), 0..6);
//! assert_eq!(&original[n.original_range(0..4)], "فِى");
//! // The year digits came from Arabic-Indic digits, two bytes each.
//! assert_eq!(&original[n.original_range(5..7)], "١٣");
//! // The shadda in أيّار stays inside the word's range.
//! assert_eq!(&original[n.original_range(8..16)], "أيّار");
//! ```

mod presentation;

use std::ops::Range;

/// One switchable fold of the normalizer. See the [module documentation](self) for the exact
/// code points of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Alef,
    AlefMaksura,
    TehMarbuta,
    WawHamza,
    YehHamza,
    Persian,
    Diacritics,
    Tatweel,
    Invisible,
    Digits,
    Presentation,
    Whitespace,
    LatinCase,
}

impl Step {
    /// Every step, in the order the documentation lists them.
    pub const ALL: [Step; 13] = [
        Step::Alef,
        Step::AlefMaksura,
        Step::TehMarbuta,
        Step::WawHamza,
        Step::YehHamza,
        Step::Persian,
        Step::Diacritics,
        Step::Tatweel,
        Step::Invisible,
        Step::Digits,
        Step::Presentation,
        Step::Whitespace,
        Step::LatinCase,
    ];

    /// The step's name as the JSON output, the page and the CLI spell it.
    pub fn name(self) -> &'static str {
        match self {
            Step::Alef => "alef",
            Step::AlefMaksura => "alef_maksura",
            Step::TehMarbuta => "teh_marbuta",
            Step::WawHamza => "waw_hamza",
            Step::YehHamza => "yeh_hamza",
            Step::Persian => "persian",
            Step::Diacritics => "diacritics",
            Step::Tatweel => "tatweel",
            Step::Invisible => "invisible",
            Step::Digits => "digits",
            Step::Presentation => "presentation",
            Step::Whitespace => "whitespace",
            Step::LatinCase => "latin_case",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Which steps run. `Options::default()` runs all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    bits: u16,
}

impl Default for Options {
    fn default() -> Self {
        Options { bits: Step::ALL.iter().fold(0, |b, s| b | s.bit()) }
    }
}

impl Options {
    /// No step at all: the shadow copy equals the original.
    pub fn none() -> Self {
        Options { bits: 0 }
    }
    pub fn with(mut self, step: Step) -> Self {
        self.bits |= step.bit();
        self
    }
    pub fn without(mut self, step: Step) -> Self {
        self.bits &= !step.bit();
        self
    }
    pub fn has(self, step: Step) -> bool {
        self.bits & step.bit() != 0
    }
}

/// What one character of the original becomes.
#[derive(Debug, PartialEq, Eq)]
enum Fold {
    Keep,
    Remove,
    Char(char),
    Str(&'static str),
    Space { line_break: bool },
}

/// The fold of a single character under `opts`, and the step responsible for it (if any).
fn fold(c: char, opts: Options) -> (Fold, Option<Step>) {
    match step_of(c).filter(|&step| opts.has(step)) {
        Some(step) => fold_by(c, step),
        None => (Fold::Keep, None),
    }
}

/// The fold of a character that `step` (switched on) concerns.
fn fold_by(c: char, step: Step) -> (Fold, Option<Step>) {
    let f = match step {
        Step::Alef => Fold::Char('ا'),
        Step::AlefMaksura | Step::YehHamza => Fold::Char('ي'),
        Step::TehMarbuta => Fold::Char('ه'),
        Step::WawHamza => Fold::Char('و'),
        Step::Persian => Fold::Char(match c {
            '\u{06A9}' => 'ك',
            '\u{06D5}' => 'ه',
            _ => 'ي',
        }),
        Step::Diacritics | Step::Tatweel | Step::Invisible => Fold::Remove,
        Step::Digits => {
            let zero = if c >= '\u{06F0}' { 0x06F0 } else { 0x0660 };
            Fold::Char(char::from(b'0' + (c as u32 - zero) as u8))
        }
        Step::Presentation => match presentation::PRESENTATION.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => Fold::Str(presentation::PRESENTATION[i].1),
            Err(_) => return (Fold::Keep, None),
        },
        Step::LatinCase => Fold::Char(c.to_ascii_lowercase()),
        Step::Whitespace => Fold::Space { line_break: matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}') },
    };
    (f, Some(step))
}

/// The step that concerns `c`, if any. The common cases — ASCII and the Arabic letters that no
/// step folds — are answered first, before the full table.
#[inline(always)]
fn step_of(c: char) -> Option<Step> {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            'A'..='Z' => Some(Step::LatinCase),
            ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => Some(Step::Whitespace),
            _ => None,
        };
    }
    if (0x0621..=0x063A).contains(&u) || (0x0641..=0x064A).contains(&u) {
        return match c {
            'أ' | 'إ' | 'آ' => Some(Step::Alef),
            'ى' => Some(Step::AlefMaksura),
            'ة' => Some(Step::TehMarbuta),
            'ؤ' => Some(Step::WawHamza),
            'ئ' => Some(Step::YehHamza),
            _ => None,
        };
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Step::Alef,
        'ى' => Step::AlefMaksura,
        'ة' => Step::TehMarbuta,
        'ؤ' => Step::WawHamza,
        'ئ' => Step::YehHamza,
        '\u{06CC}' | '\u{06CD}' | '\u{06D0}' | '\u{06A9}' | '\u{06D5}' => Step::Persian,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => {
            Step::Diacritics
        }
        '\u{0640}' => Step::Tatweel,
        '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{2060}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{00AD}' => Step::Invisible,
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Step::Digits,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Step::Presentation,
        'A'..='Z' => Step::LatinCase,
        c if c.is_whitespace() => Step::Whitespace,
        _ => return None,
    })
}

/// A change the normalizer made, for the page's lesson in orthography: the original range, what
/// it held, and the step that changed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub end: usize,
    pub step: Step,
}

/// The normalized shadow copy of a text and its alignment to the original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    original: &'a str,
    text: String,
    /// For every byte of `text`, the byte range of `original` it came from.
    align: Vec<(u32, u32)>,
    /// Where the output of the last original character starts in `text`.
    last_start: usize,
}

impl<'a> Normalized<'a> {
    /// Normalizes `original` with every step on.
    pub fn new(original: &'a str) -> Self {
        Self::with_options(original, Options::default())
    }

    /// Normalizes `original` with the chosen steps.
    ///
    /// # Panics
    ///
    /// Texts of 4 GiB or more do not fit the alignment's 32-bit offsets; the library's entry
    /// points refuse them before they get here.
    pub fn with_options(original: &'a str, opts: Options) -> Self {
        assert!(original.len() < u32::MAX as usize, "text too large to normalize");
        let mut n = Normalized { original, text: String::with_capacity(original.len()), align: Vec::with_capacity(original.len()), last_start: 0 };
        n.run(opts, |_| {});
        n
    }

    /// The changes `opts` makes to `original`, one per changed character (runs of white space
    /// count only where they are more than one plain space).
    pub fn changes(original: &str, opts: Options) -> Vec<Change> {
        let mut n = Normalized { original, text: String::new(), align: Vec::new(), last_start: 0 };
        let mut out = Vec::new();
        n.run(opts, |c| out.push(c));
        out
    }

    fn run(&mut self, opts: Options, mut on_change: impl FnMut(Change)) {
        let original = self.original;
        for (i, c) in original.char_indices() {
            let j = i + c.len_utf8();
            // Most characters are kept as they are: answered before any fold is looked at. So is
            // a plain space after anything but white space: the fold of white space keeps it.
            let Some(step) = step_of(c).filter(|&step| opts.has(step)) else {
                self.keep(i, j);
                continue;
            };
            if c == ' ' && !matches!(self.last_byte(i), Some(b' ' | b'\n')) {
                self.keep(i, j);
                continue;
            }
            let (f, step) = fold_by(c, step);
            if !matches!(f, Fold::Keep) {
                self.flush(i);
            }
            let changed = match f {
                Fold::Keep => {
                    self.keep(i, j);
                    false
                }
                Fold::Char(d) => {
                    self.push(d, i..j);
                    d != c
                }
                Fold::Remove => {
                    self.absorb(j);
                    true
                }
                Fold::Str(s) => {
                    let start = self.text.len();
                    for d in s.chars() {
                        // A decomposed form goes through the other folds too (ﻷ → لأ → لا).
                        match fold(d, opts).0 {
                            Fold::Remove => {}
                            Fold::Char(e) => self.push_raw(e, i..j),
                            _ => self.push_raw(d, i..j),
                        }
                    }
                    if self.text.len() > start {
                        self.last_start = start;
                    } else {
                        self.absorb(j);
                    }
                    true
                }
                Fold::Space { line_break } => {
                    if matches!(self.text.as_bytes().last(), Some(b' ' | b'\n')) {
                        // The rest of a white-space run joins its first character; a run that
                        // holds a line break becomes one.
                        if line_break && self.text.ends_with(' ') {
                            self.text.pop();
                            self.text.push('\n');
                        }
                        self.absorb(j);
                        true
                    } else {
                        let d = if line_break { '\n' } else { ' ' };
                        self.push(d, i..j);
                        d != c
                    }
                }
            };
            if let (true, Some(step)) = (changed, step) {
                on_change(Change { start: i, end: j, step });
            }
        }
        self.flush(original.len());
    }

    /// The one primitive that grows the shadow copy: `c` stands for `orig` in the original.
    fn push(&mut self, c: char, orig: Range<usize>) {
        self.last_start = self.text.len();
        self.push_raw(c, orig);
    }

    fn push_raw(&mut self, c: char, orig: Range<usize>) {
        self.text.push(c);
        let r = (orig.start as u32, orig.end as u32);
        self.align.extend(std::iter::repeat_n(r, c.len_utf8()));
    }

    /// Keeps the original character at `i..j` as it is: each of its bytes aligned to it, the
    /// bytes themselves copied with the rest of their run by [`Normalized::flush`].
    #[inline]
    fn keep(&mut self, i: usize, j: usize) {
        self.last_start = self.align.len();
        self.align.extend(std::iter::repeat_n((i as u32, j as u32), j - i));
    }

    /// The last byte of the output so far, before original byte `i`: of the kept characters
    /// that wait to be copied (which end there), if any, else of the text.
    #[inline]
    fn last_byte(&self, i: usize) -> Option<u8> {
        if self.align.len() > self.text.len() {
            Some(self.original.as_bytes()[i - 1])
        } else {
            self.text.as_bytes().last().copied()
        }
    }

    /// Copies the run of kept characters that ends at original byte `end` into the text, which
    /// then holds as many bytes as the alignment.
    #[inline]
    fn flush(&mut self, end: usize) {
        let pending = self.align.len() - self.text.len();
        if pending > 0 {
            self.text.push_str(&self.original[end - pending..end]);
        }
    }

    /// A removed character ending at `end` joins the output of the character before it.
    fn absorb(&mut self, end: usize) {
        for r in &mut self.align[self.last_start..] {
            r.1 = end as u32;
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The original byte range that normalized byte `i` came from.
    pub fn source_of(&self, i: usize) -> Range<usize> {
        let (s, e) = self.align[i];
        s as usize..e as usize
    }

    /// The original byte range a normalized byte range came from. An empty range maps to an
    /// empty range at the original position of its start.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= self.text.len() {
            return self.original.len()..self.original.len();
        }
        if r.is_empty() {
            let s = self.align[r.start].0 as usize;
            return s..s;
        }
        self.align[r.start].0 as usize..self.align[r.end - 1].1 as usize
    }

    /// The normalized byte offset whose character came from original offset `orig` or the first
    /// one after it (used to carry an original position, such as a paragraph start, over).
    pub fn normalized_offset(&self, orig: usize) -> usize {
        self.align.partition_point(|&(s, _)| (s as usize) < orig)
    }
}

/// Normalizes a short string (a lexicon entry, a query) without keeping the alignment.
pub fn normalize_str(s: &str) -> String {
    Normalized::new(s).text
}

#[cfg(test)]
mod tests;
