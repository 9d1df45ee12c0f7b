//! Helpers for property tests: a small deterministic random generator and a generator of texts
//! that look like the input Kashif meets (Arabic letters with diacritics and tatweel, digits of
//! three scripts, presentation forms, invisible marks, punctuation, emoji, markup, any Unicode).
//! Public so that the integration tests and benchmarks share it; not part of the stable API.
#![doc(hidden)]

/// xorshift64*: fast, deterministic, good enough for generating test inputs.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "ا", "أ", "إ", "آ", "ٱ", "ى", "ي", "ة", "ه", "ؤ", "ئ", "ء", "و", "ب", "ل", "ال", "لل", "م", "ن", "ت",
    "ك", "ف", "ر", "س", "ع", "ق", "ح", "ج", "د", "ز", "ش", "ص", "ض", "ط", "ظ", "غ", "خ", "ذ", "ث",
    "\u{064E}", "\u{064B}", "\u{0651}", "\u{0652}", "\u{0670}", "\u{0640}", "\u{200F}", "\u{200B}",
    "\u{FEFF}", "\u{061C}", "ﻻ", "ﻷ", "ﺃ", "\u{FDF2}", "\u{FE70}", "٠", "١", "٢", "٣", "۴", "۵", "0", "1",
    "2", "9", " ", " ", " ", " ", "  ", "\n", "\r\n", "\t", "\u{00A0}", "،", "؛", "؟", ".", ":", "«",
    "»", "\"", "“", "”", "-", "/", "*", "😀", "👍🏽", "<b>", "</kashif-article>", "&amp;", "A", "z",
    "é", "中", "\u{10FFFF}", "ی", "ک", "يناير", "فبراير", "2024", "عام", "قال", "بلينكن", "الناتو",
    "روسيا", "تشرين", "الأول", "أكتوبر", "مارس", "السابع", "من", "الماضي", "المقبلة",
];

/// A random text of about `pieces` pieces drawn from an Arabic-news-heavy alphabet.
pub fn arabic_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        if rng.below(20) == 0 {
            // Now and then any scalar value at all.
            let c = loop {
                if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(rng.pick::<&str>(PIECES));
        }
    }
    s
}
