//! The text of a host element: its text nodes joined in document order, with one line break where
//! a block element or a `<br>` separates them, and where each text node lies in that text.
//!
//! The browser side walks the DOM and feeds each text node and each element edge to [`Joined`];
//! it decides how to treat an element with [`tag`]. Everything here counts UTF-8 bytes of the joined
//! text, the offsets the analysis works in.
//!
//! ```
//! use kashif::view::walk::{tag, Joined, Tag};
//!
//! // <p>زار <a href="…">أنتوني</a> بلينكن<br>موسكو</p><p>أمس</p>
//! assert_eq!(tag("a"), Tag::Inline);
//! assert_eq!(tag("BR"), Tag::Break);
//! let mut j = Joined::default();
//! j.push_block(); // <p> opens: nothing to separate yet
//! j.push_text("زار ");
//! j.push_text("أنتوني");
//! j.push_text(" بلينكن");
//! j.push_break(); // <br>
//! j.push_text("موسكو");
//! j.push_block(); // </p>
//! j.push_block(); // <p>: one break between the paragraphs, not two
//! j.push_text("أمس");
//! assert_eq!(j.text, "زار أنتوني بلينكن\nموسكو\nأمس");
//! assert_eq!(&j.text[j.nodes[1].clone()], "أنتوني");
//!
//! // The same markup as a browser shows it, with the source's indentation.
//! let mut j = Joined::collapsing();
//! for piece in ["\n  ", "<p>", "زار\n    ", "أنتوني", " بلينكن", "<br>", "موسكو", "</p>", "\n  ", "<p>", "أمس", "</p>"] {
//!     match piece {
//!         "<p>" | "</p>" => j.push_block(),
//!         "<br>" => j.push_break(),
//!         text => j.push_text(text),
//!     }
//! }
//! assert_eq!(j.text, "زار أنتوني بلينكن\nموسكو\n\nأمس");
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
///
/// Two ways to join: [`Joined::default`] keeps every character of every text node, as marking
/// the nodes in place needs (each node's range is exactly its text); [`Joined::collapsing`]
/// gives the text as a browser shows markup — runs of HTML white space collapsed to one space,
/// none at the edges of a line, paragraphs apart by a blank line, `<br>` a line break — as the
/// `<kashif-article>` element shows an article written as HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Joined {
    pub text: String,
    /// One range per [`push_text`](Joined::push_text) call, in order (empty for an empty node).
    pub nodes: Vec<Range<usize>>,
    collapse: bool,
    /// Line breaks asked for since the last text: 0, 1 (a line) or 2 (a paragraph).
    pending: usize,
    /// White space seen since the last text (collapsing only).
    space: bool,
}

/// HTML's white space (not the no-break space, which a browser keeps).
fn html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}')
}

impl Joined {
    /// A join that collapses white space as a browser does (see [`Joined`]).
    pub fn collapsing() -> Joined {
        Joined { collapse: true, ..Joined::default() }
    }

    /// Appends a text node's text, after the line breaks an element edge asked for, if any.
    pub fn push_text(&mut self, s: &str) {
        let mut start = self.text.len();
        if !self.collapse {
            if self.pending > 0 && !s.is_empty() {
                self.pending = 0;
                if !self.text.is_empty() && !self.text.ends_with('\n') && !s.starts_with('\n') {
                    self.text.push('\n');
                    start += 1;
                }
            }
            self.text.push_str(s);
        } else {
            let mut shown = None;
            for c in s.chars() {
                if html_space(c) {
                    self.space = true;
                    continue;
                }
                if self.pending > 0 && !self.text.is_empty() {
                    let have = self.text.len() - self.text.trim_end_matches('\n').len();
                    for _ in have..self.pending {
                        self.text.push('\n');
                    }
                } else if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.pending = 0;
                self.space = false;
                shown.get_or_insert(self.text.len());
                self.text.push(c);
            }
            // The node's range starts at its first character shown.
            start = shown.unwrap_or(self.text.len());
        }
        self.nodes.push(start..self.text.len());
    }

    /// The edge of a block element: what comes next starts a new line (a new paragraph when
    /// collapsing). Edges never pile up, and none shows at either end of the text or beside a
    /// line break the text already has, so the joined text of an element holding a single text
    /// node is exactly that node's text.
    pub fn push_block(&mut self) {
        self.pending = self.pending.max(if self.collapse { 2 } else { 1 });
    }

    /// A `<br>`: when collapsing, a line break right here (two make an empty line); otherwise
    /// the same as a block edge.
    pub fn push_break(&mut self) {
        if !self.collapse {
            self.push_block();
        } else if !self.text.is_empty() {
            self.text.push('\n');
            self.space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A piece of a walk: a text node, a block edge or a `<br>`.
    enum P {
        T(&'static str),
        Block,
        Br,
    }
    use P::*;

    fn join(mut j: Joined, pieces: &[P]) -> Joined {
        for p in pieces {
            match p {
                T(s) => j.push_text(s),
                Block => j.push_block(),
                Br => j.push_break(),
            }
        }
        j
    }

    /// `joins!(name: [pieces] => "text", [node texts])`, joined keeping every character.
    macro_rules! joins {
        ($($name:ident: [$($piece:expr),*] => $text:expr, [$($node:expr),*];)+) => {$(
            #[test]
            fn $name() {
                let j = join(Joined::default(), &[$($piece),*]);
                assert_eq!(j.text, $text);
                let nodes: Vec<&str> = j.nodes.iter().map(|r| &j.text[r.clone()]).collect();
                let want: &[&str] = &[$($node),*];
                assert_eq!(nodes, want);
            }
        )+};
    }

    joins! {
        one_node_is_its_own_text: [T("😀 قَالَ\n\n")] => "😀 قَالَ\n\n", ["😀 قَالَ\n\n"];
        inline_nodes_run_on: [T("زار "), T("أنتوني"), T(" بلينكن")] => "زار أنتوني بلينكن", ["زار ", "أنتوني", " بلينكن"];
        blocks_get_one_break: [Block, T("أ"), Block, Block, T("ب"), Block] => "أ\nب", ["أ", "ب"];
        a_br_is_a_break: [T("أ"), Br, T("ب")] => "أ\nب", ["أ", "ب"];
        a_leading_break_adds_nothing: [Block, Br, T("أ")] => "أ", ["أ"];
        a_text_ending_in_a_line_break_needs_none: [T("أ\n"), Block, T("ب")] => "أ\nب", ["أ\n", "ب"];
        nor_one_starting_with_it: [T("أ"), Block, T("\nب")] => "أ\nب", ["أ", "\nب"];
        no_break_at_the_end: [T("أ"), Block, T("")] => "أ", ["أ", ""];
        empty_nodes_keep_their_place: [T("أ"), T(""), T("ب")] => "أب", ["أ", "", "ب"];
        source_white_space_is_kept: [T("\n  "), Block, T(" أ "), Block, T("\n  ")] => "\n  \n أ \n  ", ["\n  ", " أ ", "\n  "];
    }

    /// `collapses!(name: [pieces] => "text")`, joined as a browser shows markup.
    macro_rules! collapses {
        ($($name:ident: [$($piece:expr),*] => $text:expr;)+) => {$(
            #[test]
            fn $name() {
                assert_eq!(join(Joined::collapsing(), &[$($piece),*]).text, $text);
            }
        )+};
    }

    collapses! {
        collapsed_runs: [T("  زار \n\t أنتوني  ")] => "زار أنتوني";
        collapsed_across_nodes: [T("زار "), T(" أنتوني"), T("بلينكن ")] => "زار أنتونيبلينكن";
        collapsed_paragraphs: [T("\n  "), Block, T(" أ "), Block, T("\n  "), Block, T("ب"), Block] => "أ\n\nب";
        collapsed_br_is_one_line: [T("أ "), Br, T(" ب")] => "أ\nب";
        collapsed_two_brs_an_empty_line: [T("أ"), Br, Br, T("ب")] => "أ\n\nب";
        collapsed_br_then_block: [T("أ"), Br, Block, T("ب")] => "أ\n\nب";
        collapsed_no_break_space_stays: [T("أ\u{00A0} ب")] => "أ\u{00A0} ب";
        collapsed_leading_br_is_nothing: [Br, T("أ")] => "أ";
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
