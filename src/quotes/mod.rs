//! Quotations and their speakers.
//!
//! This first version reads quotations in guillemets (« … »): a passage of three words or more
//! inside them is a quotation; a shorter one is taken for a name or title («الدستور»,
//! «مارك روته»). The speaker is the nearest person named before the quotation in the same
//! paragraph, if any; otherwise the quotation says it has no attributed speaker.

use crate::doc::Doc;
use crate::span::{Entity, Kind, Span, Speaker};
use crate::tokenize::TokenKind;

/// How far back a speaker is looked for, in bytes of the original.
const LOOKBACK_BYTES: usize = 4096;

/// The shortest passage in guillemets taken for a quotation, in words.
const MIN_QUOTE_WORDS: usize = 3;

/// Finds quotations; `entity_spans` are the entity mentions already found (for speakers).
pub fn find(doc: &Doc, entity_spans: &[Span], entities: &[Entity]) -> Vec<Span> {
    let text = doc.text();
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new(); // token indices of unmatched «
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        match &text[t.start..t.end] {
            "«" => open.push(i),
            "»" => {
                let Some(o) = open.pop() else { continue };
                if !open.is_empty() {
                    continue; // nested: the outer pair decides
                }
                let words = toks[o + 1..i].iter().filter(|t| t.kind != TokenKind::Punct).count();
                if words < MIN_QUOTE_WORDS || o + 1 == i {
                    continue;
                }
                let r = toks[o + 1].start..toks[i - 1].end;
                let mut span = doc.span(Kind::Quote, r, "marks", "a passage in guillemets");
                span.speaker = Some(speaker_before(doc, span.start, entity_spans, entities));
                out.push(span);
            }
            _ => {}
        }
    }
    out
}

/// The nearest person mentioned before original offset `at` in the same paragraph
/// (`entity_spans` are sorted by start).
fn speaker_before(doc: &Doc, at: usize, entity_spans: &[Span], entities: &[Entity]) -> Speaker {
    // Look back at most a few paragraphs' worth, so a text without line breaks stays linear.
    let mut window = at.saturating_sub(LOOKBACK_BYTES);
    while !doc.original().is_char_boundary(window) {
        window += 1;
    }
    let para_start = doc.original()[window..at].rfind('\n').map_or(window, |p| window + p + 1);
    let before = entity_spans.partition_point(|s| s.start < at);
    entity_spans[..before]
        .iter()
        .rev()
        .take_while(|s| s.start >= para_start)
        .filter(|s| s.kind == Kind::Person && s.end <= at)
        .find_map(|s| s.entity)
        .map(|id| Speaker { entity: Some(id), name: Some(entities[id].name.clone()) })
        .unwrap_or(Speaker { entity: None, name: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let (spans, ents) = entities::group(entities::find(&doc));
        find(&doc, &spans, &ents).into_iter().map(|s| (text[s.range()].to_string(), s.speaker.unwrap().name)).collect()
    }

    #[test]
    fn passages_in_guillemets_are_quotes_with_a_speaker() {
        assert_eq!(
            quotes("قال بوتين: «سنواصل العمل على تحقيق أهدافنا» أمس."),
            vec![("سنواصل العمل على تحقيق أهدافنا".to_string(), Some("فلاديمير بوتين".to_string()))]
        );
    }

    #[test]
    fn names_in_guillemets_are_not_quotes() {
        assert!(quotes("حصلت «الدستور» على نسخة، واجتمع مع «مارك روته» بعد معركة «طوفان الأقصى».").is_empty());
    }

    #[test]
    fn no_person_no_speaker() {
        assert_eq!(quotes("وجاء فى البيان: «هذه المرة الأولى التى نستخدم فيها الميزانية»"), vec![(
            "هذه المرة الأولى التى نستخدم فيها الميزانية".to_string(),
            None
        )]);
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        assert!(quotes("»» «« « نص").is_empty());
    }
}
