//! The shape of the text around quotations: paragraphs, sentences, list labels, bullets and
//! headings, computed once per document in one pass over the tokens.
//!
//! A paragraph ends at a line break. A sentence ends after `.`, `!`, `?`, `؟` or `…` (a point
//! between two digits, as in 2.5, does not end one) and at a paragraph end. A list label is an
//! ordinal word (أولا، ثانيا …) or a one- or two-digit number followed by `:`, `-` or `)`,
//! standing at a sentence start or after a bullet (`*`, `•` …): `* أولا:`، `ثانيا -`، `*1:`. A
//! heading is a paragraph that opens with a bullet but not a label and has at most
//! [`HEADING_WORDS`] words, or a paragraph of at most [`TITLE_WORDS`] words that ends without
//! punctuation.

use crate::doc::Doc;
use crate::tokenize::TokenKind;

use super::lexicon::{readings, Class, LEXICON};

/// The most words a bulleted paragraph may have to be taken for a heading.
pub const HEADING_WORDS: usize = 12;

/// The most words an unpunctuated paragraph may have to be taken for a title line.
pub const TITLE_WORDS: usize = 8;

/// One paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Para {
    /// Its first token and one past its last.
    pub first: usize,
    pub end: usize,
    /// Whether it is a heading or title line (see the module documentation).
    pub heading: bool,
    /// Whether it opens with a list label.
    pub label: bool,
    /// Whether it holds a first- or second-person word (نحن، لدينا، عقدنا): someone speaking.
    pub first_person: bool,
}

/// Paragraphs and sentences of a document, by token.
pub struct Layout {
    para: Vec<u32>,
    sent: Vec<u32>,
    sent_first: Vec<u32>,
    pub paras: Vec<Para>,
}

/// The character of a punctuation token, if the token is one.
pub fn punct(doc: &Doc, i: usize) -> Option<char> {
    let t = doc.tokens.get(i)?;
    (t.kind == TokenKind::Punct).then(|| doc.tok(i).chars().next()).flatten()
}

/// Whether `c` ends a sentence.
pub fn is_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…')
}

/// Whether `c` marks a list item: anywhere for the star and dot shapes, only at a paragraph's
/// start for dashes (inside a line a dash is punctuation).
pub fn is_bullet(c: char, para_start: bool) -> bool {
    matches!(c, '*' | '•' | '●' | '▪' | '■' | '◆' | '◦' | '►') || para_start && matches!(c, '-' | '–' | '—')
}

/// Whether token `i` is a word in the first or second person (see `data/quotes/words.tsv`), or
/// ends in the pronoun نا after a consonant (عقدنا، أهدافنا; not بيانا or قانونا).
pub fn is_first_person(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    for r in readings(doc, i).filter(|r| !r.preposition) {
        match LEXICON.class(r.stem) {
            Some(Class::First) => return true,
            Some(Class::Lookalike) => return false,
            _ => {}
        }
    }
    let w = doc.tok(i);
    let Some(stem) = w.strip_suffix("نا") else { return false };
    !w.starts_with("ال") && w.chars().count() >= 4 && !stem.ends_with(['ا', 'و', 'ن'])
}

impl Layout {
    pub fn new(doc: &Doc) -> Layout {
        let n = doc.tokens.len();
        let text = doc.text();
        let mut para = Vec::with_capacity(n);
        let mut sent = Vec::with_capacity(n);
        let mut sent_first = Vec::new();
        let mut paras: Vec<Para> = Vec::new();
        let mut prev_final = false;
        for i in 0..n {
            let new_para = i == 0 || text[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n');
            let c = punct(doc, i);
            let this_final = c.is_some_and(is_final) && !is_decimal_point(doc, i);
            if new_para {
                if let Some(p) = paras.last_mut() {
                    p.end = i;
                }
                paras.push(Para { first: i, end: n, heading: false, label: false, first_person: false });
            }
            if new_para || prev_final && !this_final {
                sent_first.push(i as u32);
            }
            prev_final = this_final;
            para.push((paras.len() - 1) as u32);
            sent.push((sent_first.len() - 1) as u32);
        }
        let mut layout = Layout { para, sent, sent_first, paras };
        // Whether each word type is in the first person, once known (0 unknown, 1 no, 2 yes):
        // paragraphs are read word by word, and most words come again.
        let mut person = vec![0u8; doc.type_count()];
        let mut first_person_at = |i: usize| match doc.type_of(i) {
            None => false,
            Some(ty) => {
                let known = &mut person[ty as usize];
                if *known == 0 {
                    *known = 1 + is_first_person(doc, i) as u8;
                }
                *known == 2
            }
        };
        for p in 0..layout.paras.len() {
            let (first, end) = (layout.paras[p].first, layout.paras[p].end);
            let words = (first..end).filter(|&i| doc.tokens[i].kind != TokenKind::Punct).count();
            let lead = layout.skip_dots(doc, first, end);
            let label = lead < end && layout.label_at(doc, lead, false).is_some();
            let bulleted = lead < end && punct(doc, lead).is_some_and(|c| is_bullet(c, true));
            let unpunctuated = !punct(doc, end - 1).is_some_and(|c| is_final(c) || matches!(c, ':' | '،' | ','));
            let first_person = (first..end).any(&mut first_person_at);
            let heading = !label
                && (bulleted && words <= HEADING_WORDS || !first_person && unpunctuated && words <= TITLE_WORDS);
            layout.paras[p] = Para { first, end, heading, label, first_person };
        }
        layout
    }

    /// The paragraph index of token `i`.
    pub fn para_of(&self, i: usize) -> usize {
        self.para[i] as usize
    }

    /// The paragraph of token `i`.
    pub fn para(&self, i: usize) -> &Para {
        &self.paras[self.para_of(i)]
    }

    /// The sentence index of token `i`.
    pub fn sent_of(&self, i: usize) -> usize {
        self.sent[i] as usize
    }

    /// The first token of the sentence of token `i`.
    pub fn sent_start(&self, i: usize) -> usize {
        self.sent_first[self.sent_of(i)] as usize
    }

    pub fn is_para_start(&self, i: usize) -> bool {
        self.para(i).first == i
    }

    pub fn is_sent_start(&self, i: usize) -> bool {
        self.sent_start(i) == i
    }

    /// The first token at or after `i` (before `end`) that is not a point or a dash (the `..`
    /// and `-` that lead some lines).
    pub fn skip_dots(&self, doc: &Doc, mut i: usize, end: usize) -> usize {
        while i < end && punct(doc, i).is_some_and(|c| matches!(c, '.' | '…' | '-' | '–' | '—')) {
            i += 1;
        }
        i
    }

    /// If a list label starts at token `i`, the token after its punctuation. A label stands at
    /// a sentence start or after a bullet, or `anywhere` the caller knows one may (right after
    /// a speech cue's colon: قال: أولا: …).
    pub fn label_at(&self, doc: &Doc, i: usize, anywhere: bool) -> Option<usize> {
        let n = doc.tokens.len();
        let mut j = i;
        let para_start = self.is_para_start(i);
        if punct(doc, j).is_some_and(|c| is_bullet(c, para_start)) {
            j += 1;
        } else if !anywhere && !self.is_sent_start(i) {
            return None;
        }
        let t = doc.tokens.get(j)?;
        let is_label = match t.kind {
            TokenKind::Word => LEXICON.class(doc.tok(j)) == Some(Class::Label),
            TokenKind::Number => doc.tok(j).len() <= 2,
            TokenKind::Punct => false,
        };
        if !is_label || self.para_of(j) != self.para_of(i) {
            return None;
        }
        let after = punct(doc, j + 1).filter(|c| matches!(c, ':' | '-' | ')'))?;
        // A time (10:30) is not a label.
        if after == ':' && doc.tokens.get(j + 2).is_some_and(|t| t.kind == TokenKind::Number && t.start == doc.tokens[j + 1].end) {
            return None;
        }
        (j + 2 <= n).then_some(j + 2)
    }
}

/// Whether the point at token `i` stands between two digits with no space (2.5).
fn is_decimal_point(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens;
    i > 0
        && i + 1 < t.len()
        && t[i - 1].kind == TokenKind::Number
        && t[i + 1].kind == TokenKind::Number
        && t[i - 1].end == t[i].start
        && t[i].end == t[i + 1].start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(String, bool, bool)> {
        let doc = Doc::new(text);
        let l = Layout::new(&doc);
        l.paras.iter().map(|p| (doc.text()[doc.tokens[p.first].start..doc.tokens[p.end - 1].end].to_string(), p.heading, p.label)).collect()
    }

    #[test]
    fn paragraphs_headings_and_labels() {
        let got = shape("قال الوزير: نعم.\n*ماذا بعد الحرب؟\n* أولا:\nنحن هنا.\nعنوان بلا نقطة\n2- بند ثان.");
        let want = [
            ("قال الوزير: نعم.", false, false),
            ("*ماذا بعد الحرب؟", true, false),
            ("* اولا:", false, true),
            ("نحن هنا.", false, false),
            ("عنوان بلا نقطه", true, false),
            ("2- بند ثان.", false, true),
        ];
        assert_eq!(got, want.map(|(s, h, l)| (s.to_string(), h, l)));
    }

    #[test]
    fn sentences_end_at_final_marks_but_not_decimal_points() {
        let doc = Doc::new("نما 2.5 بالمئة.. وقال: نعم! لا\nثم");
        let l = Layout::new(&doc);
        let starts: Vec<&str> = (0..doc.tokens.len()).filter(|&i| l.is_sent_start(i)).map(|i| doc.tok(i)).collect();
        assert_eq!(starts, vec!["نما", "وقال", "لا", "ثم"]);
    }

    #[test]
    fn labels_need_a_sentence_start_or_a_bullet() {
        let doc = Doc::new("انتهى الأمر. ثانيا: نعم *ثالثا: لا، رابعا: ربما الساعة 10:30");
        let l = Layout::new(&doc);
        let labels: Vec<&str> = (0..doc.tokens.len()).filter(|&i| l.label_at(&doc, i, false).is_some()).map(|i| doc.tok(i)).collect();
        assert_eq!(labels, vec!["ثانيا", "*"]);
    }

    #[test]
    fn first_person_words() {
        let doc = Doc::new("عقدنا وأنا لدينا بيانا قانونا أحيانا الوطنا نحن");
        let got: Vec<bool> = (0..doc.tokens.len()).map(|i| is_first_person(&doc, i)).collect();
        assert_eq!(got, vec![true, true, true, false, false, false, false, true]);
    }
}
