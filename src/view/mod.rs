//! What the page shows, decided in plain Rust: the bridge between an analysis and a DOM.
//!
//! The browser side (`src/wasm.rs` and `www/`) only creates and moves nodes; everything that
//! decides where marks go lives here and is tested natively:
//!
//! - [`walk`]: the text of a host element — its text nodes joined, with a line break where a
//!   block element or a `<br>` separates them — and where each text node lies in that text;
//! - [`layout`]: nested marks over the pieces of a text (text nodes, or the chunks a long
//!   article is drawn in), a mark that crosses the edge of a piece split into one per piece;
//! - [`lesson`]: what the normalizer changed, for the page's lesson in orthography;
//! - [`title`]: the one-line explanation a mark carries as its tooltip.
//!
//! Marking a host element in place goes: walk the element → analyse the joined text → lay the
//! spans out over the text nodes → replace each text node that holds a mark by the nodes its ops
//! build. Offsets stay UTF-8 bytes of the joined text throughout; only what the page reads
//! ([`layout::Encoded`]) counts UTF-16 code units.

pub mod layout;
pub mod lesson;
pub mod walk;

use crate::span::{Entity, Span};

/// The one-line explanation of `span` for a mark's tooltip: its kind, the entity it names, its
/// value or speaker, and what found it and why.
pub fn title(span: &Span, entities: &[Entity]) -> String {
    let mut t = span.kind.name().to_string();
    if let Some(e) = span.entity.and_then(|i| entities.get(i)) {
        t.push_str(&format!(" → {}", e.name));
    }
    if let Some(v) = &span.value {
        t.push_str(&format!(" = {v}"));
    }
    if let Some(s) = &span.speaker {
        t.push_str(&format!(" · speaker: {}", s.name.as_deref().unwrap_or("not attributed")));
    }
    t.push_str(&format!(" ({}: {})", span.source, span.why));
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Kind, Speaker};

    #[test]
    fn titles_say_kind_entity_value_speaker_and_why() {
        let entities = [Entity { id: 0, kind: Kind::Person, name: "مارك روته".into(), mentions: 3 }];
        let mut person = Span::new(Kind::Person, 0, 4, "lexicon", "lexicon people: مارك روته");
        person.entity = Some(0);
        assert_eq!(title(&person, &entities), "person → مارك روته (lexicon: lexicon people: مارك روته)");

        let mut date = Span::new(Kind::Date, 0, 4, "grammar", "day month year");
        date.value = Some("2022-02-24".into());
        assert_eq!(title(&date, &entities), "date = 2022-02-24 (grammar: day month year)");

        let mut quote = Span::new(Kind::Quote, 0, 4, "marks", "a passage in guillemets");
        quote.speaker = Some(Speaker { entity: None, name: None });
        assert_eq!(title(&quote, &entities), "quote · speaker: not attributed (marks: a passage in guillemets)");
    }
}
