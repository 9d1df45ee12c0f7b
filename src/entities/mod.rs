//! Entities: people, organizations, places (and other names) found in the text and grouped into
//! real-world entities.
//!
//! This stage matches the compiled-in [`lexicon`] over the normalized tokens. A name may stand
//! after proclitics (و ف ب ل ك, لل): each word is tried in each of its proclitic readings and the
//! longest phrase wins, with fewer stripped letters preferred on a tie. The span is the name
//! without the attached conjunction or preposition.

pub mod lexicon;

use crate::doc::Doc;
use crate::fxhash::FxHashMap;
use crate::span::{Entity, Kind, Span};
use crate::tokenize::{adjacent, TokenKind};
use lexicon::{Lexicon, LEXICON};

/// An entity mention before grouping: its span and the canonical name it resolves to.
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    pub canonical: String,
}

/// The stage's entry point: the entity spans of the document (sorted by start, each with its
/// entity id) and the entities they mention.
pub fn analyze(doc: &Doc) -> (Vec<Span>, Vec<Entity>) {
    group(find(doc))
}

/// Finds the lexicon's names in the document.
pub fn find(doc: &Doc) -> Vec<Mention> {
    find_with(doc, &LEXICON)
}

/// Finds the names of `lex` in the document.
pub fn find_with(doc: &Doc, lex: &Lexicon) -> Vec<Mention> {
    let text = doc.text();
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    while i < toks.len() {
        if toks[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        // (last token, reading, entry id)
        let mut best: Option<(usize, crate::tokenize::Reading, u32)> = None;
        for reading in toks[i].proclitics(text) {
            key.clear();
            key.push_str(&reading.stem(&toks[i], text));
            let mut j = i;
            loop {
                if let Some((id, _)) = lex.get(&key) {
                    if best.is_none_or(|(bj, _, _)| j > bj) {
                        best = Some((j, reading, id));
                    }
                }
                if j + 1 >= toks.len() || !lex.is_prefix(&key) || !adjacent(text, &toks[j], &toks[j + 1]) {
                    break;
                }
                j += 1;
                key.push(' ');
                key.push_str(toks[j].text(text));
            }
        }
        match best {
            Some((j, reading, id)) => {
                let entry = &lex.entries[id as usize];
                let r = reading.range(&toks[i]).start..toks[j].end;
                let span = doc.span(entry.kind, r, "lexicon", format!("lexicon {}: {}", entry.file, entry.canonical));
                out.push(Mention { span, canonical: entry.canonical.clone() });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Groups mentions into entities by kind and canonical name, numbering entities in order of
/// first mention, and returns the spans with their entity ids set.
pub fn group(mentions: Vec<Mention>) -> (Vec<Span>, Vec<Entity>) {
    let mut ids: FxHashMap<(Kind, String), usize> = FxHashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut spans = Vec::with_capacity(mentions.len());
    for Mention { mut span, canonical } in mentions {
        let next = entities.len();
        let id = *ids.entry((span.kind, canonical.clone())).or_insert(next);
        if id == next {
            entities.push(Entity { id, kind: span.kind, name: canonical, mentions: 0 });
        }
        entities[id].mentions += 1;
        span.entity = Some(id);
        spans.push(span);
    }
    (spans, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Kind, String)> {
        let doc = Doc::new(text);
        find(&doc).into_iter().map(|m| (text[m.span.range()].to_string(), m.span.kind, m.canonical)).collect()
    }

    macro_rules! finds {
        ($($text:expr => [$(($name:expr, $kind:ident, $canon:expr)),*];)+) => {
            $(
                let want: Vec<(String, Kind, String)> = vec![$(($name.to_string(), Kind::$kind, $canon.to_string())),*];
                assert_eq!(names($text), want, "in {:?}", $text);
            )+
        };
    }

    #[test]
    fn names_after_proclitics_without_the_proclitics() {
        finds! {
            "وروسيا" => [("روسيا", Location, "روسيا")];
            "لأوكرانيا" => [("أوكرانيا", Location, "أوكرانيا")];
            "بالناتو" => [("الناتو", Organization, "حلف شمال الأطلسي")];
            "للولايات المتحدة" => [("لولايات المتحدة", Location, "الولايات المتحدة")];
            "وللولايات المتحدة الأمريكية" => [("لولايات المتحدة الأمريكية", Location, "الولايات المتحدة")];
            "بروكسل" => [("بروكسل", Location, "بروكسل")];
        }
    }

    #[test]
    fn longest_phrase_wins() {
        finds! {
            "حلف شمال الأطلسى" => [("حلف شمال الأطلسى", Organization, "حلف شمال الأطلسي")];
            "كوريا الشمالية وكوريا" => [("كوريا الشمالية", Location, "كوريا الشمالية"), ("كوريا", Location, "كوريا")];
        }
    }

    #[test]
    fn names_stop_at_word_and_line_boundaries() {
        finds! {
            "روسياني" => [];
            "كوريا\nالشمالية" => [("كوريا", Location, "كوريا")];
            "كوريا، الشمالية" => [("كوريا", Location, "كوريا")];
        }
    }

    #[test]
    fn egyptian_spelling_finds_the_same_names() {
        finds! {
            "أنتونى بلينكين فى إسرائيل" => [("أنتونى بلينكين", Person, "أنتوني بلينكن"), ("إسرائيل", Location, "إسرائيل")];
            "انتوني بلينكن في اسراييل" => [("انتوني بلينكن", Person, "أنتوني بلينكن"), ("اسراييل", Location, "إسرائيل")];
        }
    }

    #[test]
    fn spans_keep_diacritics_and_tatweel_of_the_original() {
        finds! {
            "بِرُوكْسِلْ" => [("بِرُوكْسِلْ", Location, "بروكسل")];
            "والنـــاتو" => [("النـــاتو", Organization, "حلف شمال الأطلسي")];
        }
    }

    #[test]
    fn grouping_gives_one_id_per_canonical_name() {
        let doc = Doc::new("الناتو وحلف الناتو وروسيا");
        let (spans, entities) = group(find(&doc));
        assert_eq!(spans.iter().map(|s| s.entity.unwrap()).collect::<Vec<_>>(), vec![0, 0, 1]);
        assert_eq!(entities[0].mentions, 2);
        assert_eq!(entities[1].name, "روسيا");
    }
}
