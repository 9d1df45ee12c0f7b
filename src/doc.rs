//! The document every stage reads: the original text, its normalized shadow and its tokens.

use std::ops::Range;

use crate::normalize::Normalized;
use crate::span::{Kind, Span};
use crate::tokenize::{tokenize, Token};

pub struct Doc<'a> {
    pub norm: Normalized<'a>,
    pub tokens: Vec<Token>,
}

impl<'a> Doc<'a> {
    pub fn new(original: &'a str) -> Doc<'a> {
        let norm = Normalized::new(original);
        let tokens = tokenize(norm.as_str());
        Doc { norm, tokens }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        self.norm.as_str()
    }

    pub fn original(&self) -> &'a str {
        self.norm.original()
    }

    /// The normalized text of token `i`.
    pub fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.norm.as_str())
    }

    /// A span over the normalized byte range `r`, carried back to the original.
    pub fn span(&self, kind: Kind, r: Range<usize>, source: &'static str, why: impl Into<String>) -> Span {
        let o = self.norm.original_range(r.clone());
        let mut s = Span::new(kind, o.start, o.end, source, why);
        s.norm = self.norm.as_str()[r].to_string();
        s
    }

    /// The index of the first token starting at or after normalized offset `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }
}
