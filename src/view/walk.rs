//! The text of a host element: its text nodes joined in document order, with one line break where
//! a block element or a `<br>` separates them, and where each text node lies in that text.
//!
//! The browser side walks the DOM and feeds each text node and each break to [`Joined`]; it
//! decides how to treat an element with [`tag`]. Everything here counts UTF-8 bytes of the joined
//! text, the offsets the analysis works in.
//!
//! ```
//! use kashif::view::walk::{tag, Joined, Tag};
//!
//! // <p>زار <a href="…">أنتوني</a> بلينكن<br>موسكو</p><p>أمس</p>
//! assert_eq!(tag("a"), Tag::Inline);
//! assert_eq!(tag("BR"), Tag::Break);
//! let mut j = Joined::default();
//! j.push_break(); // <p> opens: nothing to separate yet
//! j.push_text("زار ");
//! j.push_text("أنتوني");
//! j.push_text(" بلينكن");
//! j.push_break(); // <br>
//! j.push_text("موسكو");
//! j.push_break(); // </p>
//! j.push_break(); // <p>: one break between the paragraphs, not two
//! j.push_text("أمس");
//! assert_eq!(j.text, "زار أنتوني بلينكن\nموسكو\nأمس");
//! assert_eq!(&j.text[j.nodes[1].clone()], "أنتوني");
//! ```

use std::ops::Range;

/// How the walk treats an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Its text runs on with its neighbours' (`a`, `b`, `em`, `span`, …).
    Inline,
    /// It stands on lines of its own: a break before and after its text (`p`, `div`, `li`, …).
    Block,
    /// It is a line break and holds no text (`br`, `hr`).
    Break,
    /// Its content is not article text (`script`, `style`, form controls, media, …).
    Skip,
}

/// How the walk treats an element with this tag name (any case). Unknown and custom elements
/// are inline: their text is read where it stands.
pub fn tag(name: &str) -> Tag {
    const BLOCK: &[&str] = &[
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul",
    ];
    // <wbr> is an invisible break opportunity inside a word, so it stays inline.
    const BREAK: &[&str] = &["br", "hr"];
    const SKIP: &[&str] = &[
        "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "img", "input", "link", "map",
        "math", "meta", "meter", "noscript", "object", "option", "picture", "progress", "script", "select",
        "style", "svg", "template", "textarea", "title", "video",
    ];
    let is = |list: &[&str]| list.iter().any(|t| t.eq_ignore_ascii_case(name));
    if is(SKIP) {
        Tag::Skip
    } else if is(BREAK) {
        Tag::Break
    } else if is(BLOCK) {
        Tag::Block
    } else {
        Tag::Inline
    }
}

/// The joined text and, for every text node pushed, the byte range it occupies in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Joined {
    pub text: String,
    /// One range per [`push_text`](Joined::push_text) call, in order (empty for an empty node).
    pub nodes: Vec<Range<usize>>,
    /// A break was pushed since the last text.
    pending: bool,
}

impl Joined {
    /// Appends a text node's text, after the line break a block edge asked for, if any.
    pub fn push_text(&mut self, s: &str) {
        if self.pending && !s.is_empty() {
            self.pending = false;
            if !self.text.is_empty() && !self.text.ends_with('\n') && !s.starts_with('\n') {
                self.text.push('\n');
            }
        }
        let start = self.text.len();
        self.text.push_str(s);
        self.nodes.push(start..self.text.len());
    }

    /// Separates the text that comes next from the text before by a line break. Breaks never
    /// pile up, and none is added at either end or beside a line break the text already has, so
    /// the joined text of an element holding a single text node is exactly that node's text.
    pub fn push_break(&mut self) {
        self.pending = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `joins!(name: [pieces] => "text", [node texts])`: `None` pushes a break.
    macro_rules! joins {
        ($($name:ident: [$($piece:expr),*] => $text:expr, [$($node:expr),*];)+) => {$(
            #[test]
            fn $name() {
                let mut j = Joined::default();
                for p in [$($piece),*] {
                    match p {
                        Some(s) => j.push_text(s),
                        None => j.push_break(),
                    }
                }
                assert_eq!(j.text, $text);
                let nodes: Vec<&str> = j.nodes.iter().map(|r| &j.text[r.clone()]).collect();
                let want: &[&str] = &[$($node),*];
                assert_eq!(nodes, want);
            }
        )+};
    }

    joins! {
        one_node_is_its_own_text: [Some("😀 قَالَ\n\n")] => "😀 قَالَ\n\n", ["😀 قَالَ\n\n"];
        inline_nodes_run_on: [Some("زار "), Some("أنتوني"), Some(" بلينكن")] => "زار أنتوني بلينكن", ["زار ", "أنتوني", " بلينكن"];
        blocks_get_one_break: [None, Some("أ"), None, None, Some("ب"), None] => "أ\nب", ["أ", "ب"];
        a_leading_break_adds_nothing: [None, None, Some("أ")] => "أ", ["أ"];
        a_text_ending_in_a_line_break_needs_none: [Some("أ\n"), None, Some("ب")] => "أ\nب", ["أ\n", "ب"];
        nor_one_starting_with_it: [Some("أ"), None, Some("\nب")] => "أ\nب", ["أ", "\nب"];
        no_break_at_the_end: [Some("أ"), None, Some("")] => "أ", ["أ", ""];
        empty_nodes_keep_their_place: [Some("أ"), Some(""), Some("ب")] => "أب", ["أ", "", "ب"];
    }

    #[test]
    fn tags_by_name_in_any_case() {
        for (name, want) in [
            ("p", Tag::Block),
            ("DIV", Tag::Block),
            ("li", Tag::Block),
            ("h2", Tag::Block),
            ("blockquote", Tag::Block),
            ("a", Tag::Inline),
            ("B", Tag::Inline),
            ("em", Tag::Inline),
            ("span", Tag::Inline),
            ("mark", Tag::Inline),
            ("kashif-article", Tag::Inline),
            ("wbr", Tag::Inline),
            ("br", Tag::Break),
            ("HR", Tag::Break),
            ("script", Tag::Skip),
            ("STYLE", Tag::Skip),
            ("textarea", Tag::Skip),
            ("button", Tag::Skip),
            ("svg", Tag::Skip),
            ("template", Tag::Skip),
        ] {
            assert_eq!(tag(name), want, "{name}");
        }
    }
}
