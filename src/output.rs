//! The output contract shared by the CLI's JSON and the wasm `analyze()` result.
//!
//! Inside Rust, spans are UTF-8 byte offsets into the original text. At the boundary they become
//! the encoding the reader counts in — UTF-16 code units for JavaScript (`String.prototype.slice`,
//! DOM `Text`, `Range`) — and the output names the encoding it uses:
//!
//! ```
//! let text = "😀 روسيا";
//! let a = kashif::analyze(text, &kashif::Options::default()).unwrap();
//! let out = kashif::output::Output::new(text, &a, kashif::output::Encoding::Utf16);
//! assert_eq!(out.encoding, "utf-16");
//! // The emoji is two UTF-16 code units, then a space: روسيا starts at 3 and ends at 8.
//! assert_eq!((out.spans[0].start, out.spans[0].end), (3, 8));
//! ```

use serde::Serialize;

use crate::span::{Analysis, Entity, Kind, Speaker};

/// How offsets count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes (Rust's own).
    Utf8,
    /// UTF-16 code units (JavaScript's).
    Utf16,
    /// Unicode scalar values (Python's).
    CodePoints,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::CodePoints => "codepoints",
        }
    }
}

/// Converts sorted UTF-8 byte offsets into another encoding in one sweep over the text.
pub fn convert_offsets(text: &str, offsets: &mut [(usize, usize)], enc: Encoding) {
    // offsets: (byte offset, slot) pairs sorted by byte offset; each gets its converted value.
    if enc == Encoding::Utf8 {
        for o in offsets.iter_mut() {
            o.1 = o.0;
        }
        return;
    }
    let bytes = text.as_bytes();
    let (mut pos, mut units) = (0usize, 0usize);
    for o in offsets.iter_mut() {
        while pos < o.0 {
            let b = bytes[pos];
            if b & 0xC0 != 0x80 {
                units += 1 + usize::from(enc == Encoding::Utf16 && b >= 0xF0);
            }
            pos += 1;
        }
        o.1 = units;
    }
}

/// One span as the contract spells it.
#[derive(Clone, Debug, Serialize)]
pub struct OutSpan<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<&'a Speaker>,
    pub source: &'static str,
    pub why: &'a str,
    pub norm: &'a str,
}

/// The whole analysis as the contract spells it.
#[derive(Clone, Debug, Serialize)]
pub struct Output<'a> {
    pub encoding: &'static str,
    pub spans: Vec<OutSpan<'a>>,
    pub entities: &'a [Entity],
}

impl<'a> Output<'a> {
    pub fn new(text: &'a str, a: &'a Analysis, enc: Encoding) -> Output<'a> {
        let mut offs: Vec<(usize, usize)> = a.spans.iter().flat_map(|s| [(s.start, 0), (s.end, 0)]).collect();
        offs.sort_unstable();
        offs.dedup();
        convert_offsets(text, &mut offs, enc);
        let conv = |b: usize| offs[offs.partition_point(|o| o.0 < b)].1;
        let spans = a
            .spans
            .iter()
            .map(|s| OutSpan {
                kind: s.kind,
                start: conv(s.start),
                end: conv(s.end),
                text: &text[s.range()],
                entity: s.entity,
                value: s.value.as_deref(),
                speaker: s.speaker.as_ref(),
                source: s.source,
                why: &s.why,
                norm: &s.norm,
            })
            .collect();
        Output { encoding: enc.name(), spans, entities: &a.entities }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the output serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_convert_per_encoding() {
        let text = "a😀بc";
        // byte offsets of each char boundary: a=0, 😀=1, ب=5, c=7, end=8
        for (enc, want) in [
            (Encoding::Utf8, [0, 1, 5, 7, 8]),
            (Encoding::Utf16, [0, 1, 3, 4, 5]),
            (Encoding::CodePoints, [0, 1, 2, 3, 4]),
        ] {
            let mut offs: Vec<(usize, usize)> = [0, 1, 5, 7, 8].iter().map(|&b| (b, 0)).collect();
            convert_offsets(text, &mut offs, enc);
            assert_eq!(offs.iter().map(|o| o.1).collect::<Vec<_>>(), want, "{enc:?}");
        }
    }
}
