//! Quotation marks: which marks pair up, and whether what they hold reads as someone's words or
//! as a name or title.
//!
//! Guillemets (« ») nest: a stack pairs each » with the latest open «, so a quotation may hold
//! another («قال لي: «لن نتراجع» ثم غادر»); only the outermost pair counts, the inner one is
//! part of its words. A « may stay open over at most [`MAX_MARK_PARAS`] line breaks; and when a
//! paragraph opens with « while the previous paragraph's « is still open, the previous passage
//! runs to its paragraph's end (the convention of repeating the opening mark on every paragraph
//! of a long quotation). Curly (“ ”) and straight (") double quotes pair within a paragraph, the
//! second mark closing the first whichever way it faces (right-to-left text often swaps them).

use std::collections::VecDeque;

use crate::doc::Doc;
use crate::fxhash::FxHashMap;
use crate::tokenize::TokenKind;

use super::layout::{is_first_person, punct, Layout};
use super::lexicon::{readings, Class, LEXICON};

/// The most line breaks a passage in guillemets may span.
pub const MAX_MARK_PARAS: usize = 4;

/// The fewest words that make a passage in marks a clause without a word only a clause has
/// (names and titles run shorter: «اللجنة الأولى للجمعية العامة للأمم المتحدة»).
pub const CLAUSE_WORDS: usize = 8;

/// The fewest words that make a passage speech with no cue when it also holds a clause word.
pub const SHORT_CLAUSE_WORDS: usize = 3;

/// A pair of quotation marks: the passage is the tokens strictly between `open` and `close`.
/// `close` is the closing mark's token, or, for a passage run to its paragraph's end
/// (`closed` false), the first token after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub open: usize,
    pub close: usize,
    pub closed: bool,
}

impl Pair {
    /// The passage's tokens.
    pub fn inside(&self) -> std::ops::Range<usize> {
        self.open + 1..self.close
    }

    /// One past the pair's last token.
    pub fn end(&self) -> usize {
        self.close + usize::from(self.closed)
    }
}

/// The outermost pairs of a document, in order (they do not overlap: their opening and their
/// closing marks rise together).
pub struct Marks {
    pub pairs: Vec<Pair>,
}

impl Marks {
    pub fn new(doc: &Doc, layout: &Layout) -> Marks {
        let mut pairs = Vec::new();
        let mut guillemets: VecDeque<(usize, usize)> = VecDeque::new(); // (token, paragraph)
        let mut curly: Option<(usize, usize)> = None;
        let mut straight: Option<(usize, usize)> = None;
        for i in 0..doc.tokens.len() {
            let Some(c) = punct(doc, i) else { continue };
            let p = layout.para_of(i);
            while guillemets.front().is_some_and(|&(_, q)| p - q > MAX_MARK_PARAS) {
                guillemets.pop_front();
            }
            match c {
                '«' => {
                    if let Some(&(o, q)) = guillemets.back() {
                        if layout.is_para_start(i) && q + 1 == p {
                            guillemets.pop_back();
                            pairs.push(Pair { open: o, close: i, closed: false });
                        }
                    }
                    guillemets.push_back((i, p));
                }
                '»' => {
                    if let Some((o, _)) = guillemets.pop_back() {
                        pairs.push(Pair { open: o, close: i, closed: true });
                    }
                }
                '“' | '”' => toggle(&mut curly, &mut pairs, i, p),
                '"' => toggle(&mut straight, &mut pairs, i, p),
                _ => {}
            }
        }
        // The outermost pairs, in order: a sweep over the opening marks (each opens one pair).
        let opening: FxHashMap<u32, u32> = pairs.iter().enumerate().map(|(k, p)| (p.open as u32, k as u32)).collect();
        let mut outer: Vec<Pair> = Vec::new();
        for i in 0..doc.tokens.len() {
            let Some(&k) = opening.get(&(i as u32)) else { continue };
            let p = pairs[k as usize];
            if outer.last().is_none_or(|o| p.open >= o.end()) && p.close > p.open + 1 {
                outer.push(p);
            }
        }
        Marks { pairs: outer }
    }

    /// The pair whose opening mark is token `i` (a binary search of the few pairs: the walk
    /// asks at every token).
    pub fn opening(&self, i: usize) -> Option<Pair> {
        self.pairs.binary_search_by_key(&i, |p| p.open).ok().map(|k| self.pairs[k])
    }

    /// The pair whose closing mark is token `i`.
    pub fn closing(&self, i: usize) -> Option<Pair> {
        self.pairs.binary_search_by_key(&i, |p| p.close).ok().map(|k| self.pairs[k]).filter(|p| p.closed)
    }
}

/// A symmetric mark: the second in a paragraph closes the first.
fn toggle(open: &mut Option<(usize, usize)>, pairs: &mut Vec<Pair>, i: usize, p: usize) {
    match open.take() {
        Some((o, q)) if q == p => pairs.push(Pair { open: o, close: i, closed: true }),
        _ => *open = Some((i, p)),
    }
}

/// How many words a passage holds.
pub fn words(doc: &Doc, pair: Pair) -> usize {
    pair.inside().filter(|&i| doc.tokens[i].kind != TokenKind::Punct).count()
}

/// Whether a passage reads as a clause, not a name or a title: [`CLAUSE_WORDS`] words or more,
/// or [`SHORT_CLAUSE_WORDS`] or more with a word that only a clause has (see [`is_clause_word`]).
pub fn is_clause(doc: &Doc, pair: Pair) -> bool {
    let n = words(doc, pair);
    n >= CLAUSE_WORDS || n >= SHORT_CLAUSE_WORDS && pair.inside().any(|i| is_clause_word(doc, i))
}

/// Whether token `i` is a word that names and titles do not have: a function word of a clause
/// (لن، هذا، إن، هو), a first- or second-person word (نحن، أهدافنا), or a present tense (a word
/// of four letters or more starting with ي, without the article: يجب، يدرس، يتعين).
pub fn is_clause_word(doc: &Doc, i: usize) -> bool {
    if is_first_person(doc, i) {
        return true;
    }
    readings(doc, i).filter(|r| !r.preposition).any(|r| match LEXICON.class(r.stem) {
        Some(c) => matches!(c, Class::Clause | Class::Comp | Class::Pronoun),
        None => r.stem.starts_with('ي') && r.stem.chars().count() >= 4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let layout = Layout::new(&doc);
        let m = Marks::new(&doc, &layout);
        m.pairs
            .iter()
            .map(|p| {
                let r = p.inside();
                doc.text()[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
            })
            .collect()
    }

    #[test]
    fn guillemets_nest_and_only_the_outer_pair_counts() {
        assert_eq!(passages("قال: «قلت له «لا» ثم خرج» و«نعم»"), vec!["قلت له «لا» ثم خرج", "نعم"]);
    }

    #[test]
    fn unbalanced_marks_pair_what_they_can() {
        assert_eq!(passages("»» «« « نص"), Vec::<String>::new());
        assert_eq!(passages("«أ «ب» ج"), vec!["ب"]);
    }

    #[test]
    fn curly_and_straight_quotes_pair_within_a_paragraph() {
        assert_eq!(passages("قال “نعم” و”لا“ و\"ربما\" ثم \"غدا\nبعد\""), vec!["نعم", "لا", "ربما"]);
    }

    #[test]
    fn a_reopened_paragraph_closes_the_previous_passage_at_its_end() {
        assert_eq!(passages("«الفقرة الأولى\n«الفقرة الثانية»"), vec!["الفقره الاولي", "الفقره الثانيه"]);
    }

    #[test]
    fn guillemets_span_a_few_paragraphs_at_most() {
        assert_eq!(passages("«أ\nب\nج»"), vec!["ا\nب\nج"]);
        assert_eq!(passages("«أ\nب\nج\nد\nه\nو»"), Vec::<String>::new());
    }

    #[test]
    fn clauses_and_names() {
        let doc = Doc::new("«مارك روته» «لن نقبل بهذا» «سنواصل العمل على تحقيق أهدافنا» «طوفان الأقصى» «ردا حازما» «يدرس الوزير كل الخيارات» «اللجنة الأولى للجمعية العامة للأمم المتحدة» «ثورة يناير في مصر»");
        let layout = Layout::new(&doc);
        let m = Marks::new(&doc, &layout);
        let got: Vec<bool> = m.pairs.iter().map(|&p| is_clause(&doc, p)).collect();
        assert_eq!(got, vec![false, true, true, false, false, true, false, false]);
    }
}
