//! The document every stage reads: the original text, its normalized shadow and its tokens.

use std::ops::Range;

use crate::fxhash::FxHashMap;
use crate::normalize::Normalized;
use crate::span::{Kind, Span};
use crate::tokenize::{tokenize, Token, TokenKind};

pub struct Doc<'a> {
    pub norm: Normalized<'a>,
    pub tokens: Vec<Token>,
    /// Each token's word among the document's distinct words ([`Doc::type_of`]), `NO_TYPE` for
    /// punctuation.
    types: Vec<u32>,
    type_count: usize,
}

/// The type of a token that has none (punctuation).
const NO_TYPE: u32 = u32::MAX;

impl<'a> Doc<'a> {
    pub fn new(original: &'a str) -> Doc<'a> {
        let norm = Normalized::new(original);
        let tokens = tokenize(norm.as_str());
        // Each distinct word (or number) is hashed here once; the stages then keep what they
        // find about a word by its type, in a vector, and find it again without hashing.
        let text = norm.as_str();
        let mut ids: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(tokens.len() / 2, Default::default());
        let types = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Punct => NO_TYPE,
                _ => {
                    let next = ids.len() as u32;
                    *ids.entry(t.text(text)).or_insert(next)
                }
            })
            .collect();
        let type_count = ids.len();
        Doc { norm, tokens, types, type_count }
    }

    /// Token `i`'s word among the document's distinct words: the same number for every
    /// occurrence of one word (or number), numbered from 0 in order of first appearance, or
    /// `None` for punctuation.
    #[inline]
    pub fn type_of(&self, i: usize) -> Option<u32> {
        Some(self.types[i]).filter(|&t| t != NO_TYPE)
    }

    /// The number of distinct words ([`Doc::type_of`] is below it).
    pub fn type_count(&self) -> usize {
        self.type_count
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
