//! Nested marks over the pieces of a text.
//!
//! A text is drawn in pieces: the text nodes of a host element marked in place, or the chunks a
//! long article is drawn in, one at a time. Marks — the spans of an analysis, or the words of the
//! normalization lesson — are ranges over the whole text. [`layout`] turns them into a balanced
//! sequence of [`Op`]s for every piece (open a mark, put text, close a mark) that the browser
//! side follows to build the piece's nodes. It is one sweep over the sorted boundaries, as
//! displaCy's renderer is, with two additions: a mark that crosses the edge of a piece, or the
//! edge of another mark it is not nested in, is split into several marks that carry the same
//! index; and text outside every piece (the line breaks that stand for block boundaries) is
//! never put.
//!
//! ```
//! use kashif::view::layout::{layout, Op};
//!
//! // <p>زار <a>أنتوني</a> بلينكن</p>: three text nodes, one person across the link's edges.
//! let text = "زار أنتوني بلينكن";
//! let pieces = [0..7, 7..19, 19..32];
//! let person = 7..32;
//! assert_eq!(&text[person.clone()], "أنتوني بلينكن");
//! let l = layout(&[person], &pieces);
//! assert_eq!(l.piece(0), [Op::Text(0..7)]);
//! // The person is split in two marks, one inside the link and one after it.
//! assert_eq!(l.piece(1), [Op::Open(0), Op::Text(7..19), Op::Close]);
//! assert_eq!(l.piece(2), [Op::Open(0), Op::Text(19..32), Op::Close]);
//! ```

use std::cmp::Reverse;
use std::ops::Range;

use crate::output::{convert_offsets, Encoding};

/// One step of building a piece.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Put this range of the text (never empty).
    Text(Range<usize>),
    /// Open a mark for the mark of this index; what follows goes inside it.
    Open(usize),
    /// Close the innermost open mark.
    Close,
}

/// The ops of every piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub ops: Vec<Op>,
    /// For every piece, the range of `ops` that builds it.
    pub pieces: Vec<Range<usize>>,
}

/// The layout as the page reads it: flat numbers, text offsets in UTF-16 code units.
///
/// `ops` holds `0, from, to` for [`Op::Text`], `1, index` for [`Op::Open`] and `2` for
/// [`Op::Close`]; `pieces` holds `start, end` (indexes into `ops`) for every piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    pub ops: Vec<u32>,
    pub pieces: Vec<u32>,
}

impl Layout {
    /// The ops that build piece `i`.
    pub fn piece(&self, i: usize) -> &[Op] {
        &self.ops[self.pieces[i].clone()]
    }

    /// Whether piece `i` holds any mark (a piece without one can be left as it is).
    pub fn has_marks(&self, i: usize) -> bool {
        self.piece(i).iter().any(|op| matches!(op, Op::Open(_)))
    }

    /// The layout with its text offsets (UTF-8 bytes of `text`) in UTF-16 code units.
    pub fn encode_utf16(&self, text: &str) -> Encoded {
        // Text ops come in text order, so their offsets are sorted as convert_offsets wants.
        let mut offs: Vec<(usize, usize)> = Vec::new();
        for op in &self.ops {
            if let Op::Text(r) = op {
                offs.extend([(r.start, 0), (r.end, 0)]);
            }
        }
        convert_offsets(text, &mut offs, Encoding::Utf16);
        let mut units = offs.iter().map(|o| o.1 as u32);
        let mut out = Encoded::default();
        let mut at = vec![0u32; self.ops.len() + 1];
        for (i, op) in self.ops.iter().enumerate() {
            at[i] = out.ops.len() as u32;
            match op {
                Op::Text(_) => out.ops.extend([0, units.next().unwrap_or(0), units.next().unwrap_or(0)]),
                Op::Open(m) => out.ops.extend([1, *m as u32]),
                Op::Close => out.ops.push(2),
            }
        }
        at[self.ops.len()] = out.ops.len() as u32;
        out.pieces = self.pieces.iter().flat_map(|p| [at[p.start], at[p.end]]).collect();
        out
    }
}

/// Lays `marks` out over `pieces` (sorted, not overlapping). Marks may nest, overlap or be empty
/// (an empty mark is drawn nowhere); a mark's index in `marks` is the one its [`Op::Open`]
/// carries. Outer marks open first: by start, then the longest, then the first given.
pub fn layout(marks: &[Range<usize>], pieces: &[Range<usize>]) -> Layout {
    let mut order: Vec<usize> = (0..marks.len()).filter(|&i| !marks[i].is_empty()).collect();
    order.sort_unstable_by_key(|&i| (marks[i].start, Reverse(marks[i].end), i));
    let mut cuts: Vec<usize> = order.iter().flat_map(|&i| [marks[i].start, marks[i].end]).collect();
    cuts.extend(pieces.iter().flat_map(|p| [p.start, p.end]));
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Layout { ops: Vec::new(), pieces: Vec::with_capacity(pieces.len()) };
    let (mut next, mut cut) = (0usize, 0usize);
    let mut active: Vec<usize> = Vec::new(); // marks covering the segment, outer first
    let mut open: Vec<usize> = Vec::new(); // marks open in the piece being built
    for p in pieces {
        let first = out.ops.len();
        while cut < cuts.len() && cuts[cut] < p.start {
            cut += 1;
        }
        // Segments [a, b) between consecutive cuts inside the piece.
        while cut + 1 < cuts.len() && cuts[cut + 1] <= p.end {
            let (a, b) = (cuts[cut], cuts[cut + 1]);
            cut += 1;
            while next < order.len() && marks[order[next]].start <= a {
                active.push(order[next]);
                next += 1;
            }
            active.retain(|&m| marks[m].end > a);
            let keep = open.iter().zip(&active).take_while(|(o, a)| o == a).count();
            for _ in keep..open.len() {
                out.ops.push(Op::Close);
            }
            open.truncate(keep);
            if open.len() == active.len() && out.ops.len() > first {
                if let Some(Op::Text(r)) = out.ops.last_mut() {
                    r.end = b; // nothing opened or closed: the text runs on
                    continue;
                }
            }
            for &m in &active[keep..] {
                out.ops.push(Op::Open(m));
                open.push(m);
            }
            out.ops.push(Op::Text(a..b));
        }
        for _ in open.drain(..) {
            out.ops.push(Op::Close);
        }
        out.pieces.push(first..out.ops.len());
    }
    out
}

/// Cuts `text` into pieces of about `target` bytes for drawing one at a time: each piece ends
/// just after a line break, or after a space when no line break comes within another `target`
/// bytes, so words (and the joining of their letters) stay whole. An empty text has no pieces.
pub fn chunks(text: &str, target: usize) -> Vec<Range<usize>> {
    let target = target.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > target {
        let mut from = start + target;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text.as_bytes()[from..text.len().min(from + target)];
        let after = |b: u8| window.iter().position(|&c| c == b).map(|i| from + i + 1);
        let cut = after(b'\n').or_else(|| after(b' ')).unwrap_or(from);
        if cut >= text.len() {
            break;
        }
        out.push(start..cut);
        start = cut;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // a list of one mark is meant
mod tests {
    use super::*;
    use crate::testing::{arabic_text, Rng};

    /// Draws a layout as text: `[i` opens mark i, `]` closes, `|` separates pieces.
    fn draw(text: &str, l: &Layout) -> String {
        let mut s = String::new();
        for i in 0..l.pieces.len() {
            if i > 0 {
                s.push('|');
            }
            for op in l.piece(i) {
                match op {
                    Op::Text(r) => s.push_str(&text[r.clone()]),
                    Op::Open(m) => s.push_str(&format!("[{m}")),
                    Op::Close => s.push(']'),
                }
            }
        }
        s
    }

    /// `lays!(name: "text", marks, pieces => "drawing")` over an ASCII text (offsets are chars).
    macro_rules! lays {
        ($($name:ident: $text:expr, [$($m:expr),*], [$($p:expr),*] => $want:expr;)+) => {$(
            #[test]
            fn $name() {
                let l = layout(&[$($m),*], &[$($p),*]);
                assert_eq!(draw($text, &l), $want);
            }
        )+};
    }

    lays! {
        no_marks_one_text: "abcdef", [], [0..6] => "abcdef";
        a_mark_inside_a_piece: "abcdef", [1..3], [0..6] => "a[0bc]def";
        marks_side_by_side: "abcdef", [0..2, 2..4], [0..6] => "[0ab][1cd]ef";
        nested_marks: "abcdef", [0..6, 1..3], [0..6] => "[0a[1bc]def]";
        nested_given_inner_first: "abcdef", [1..3, 0..6], [0..6] => "[1a[0bc]def]";
        same_range_first_given_outside: "abcdef", [1..3, 1..3], [0..6] => "a[0[1bc]]def";
        crossing_marks_split: "abcdef", [0..4, 2..6], [0..6] => "[0ab[1cd]][1ef]";
        a_mark_split_across_pieces: "abcdef", [1..5], [0..3, 3..6] => "a[0bc]|[0de]f";
        a_nest_split_across_pieces: "abcdef", [0..6, 2..4], [0..3, 3..6] => "[0ab[1c]]|[0[1d]ef]";
        gaps_between_pieces_are_not_put: "ab\ncd", [0..5], [0..2, 3..5] => "[0ab]|[0cd]";
        a_mark_only_in_a_gap_is_nowhere: "ab\ncd", [2..3], [0..2, 3..5] => "ab|cd";
        empty_marks_are_nowhere: "abc", [1..1], [0..3] => "abc";
        empty_pieces_have_no_ops: "abc", [0..3], [0..0, 0..3, 3..3] => "|[0abc]|";
        marks_beyond_the_pieces: "abcdef", [4..6], [0..3] => "abc";
    }

    #[test]
    fn text_runs_on_through_cuts_that_change_nothing() {
        // Mark 1 lies in the gap, so its cuts inside piece 0 and 1 are not seen as edges.
        let l = layout(&[0..6, 2..3], &[0..2, 3..6]);
        assert_eq!(l.ops, [Op::Open(0), Op::Text(0..2), Op::Close, Op::Open(0), Op::Text(3..6), Op::Close]);
        assert!(l.has_marks(0) && l.has_marks(1));
        let plain = layout(&[4..5], &[0..3, 3..6]);
        assert!(!plain.has_marks(0) && plain.has_marks(1));
    }

    #[test]
    fn utf16_encoding_counts_code_units() {
        // 😀 is 4 bytes and 2 UTF-16 units; ب is 2 bytes and 1 unit.
        let text = "😀 بب";
        let l = layout(&[5..9], &[0..5, 5..9]);
        let e = l.encode_utf16(text);
        assert_eq!(e.ops, [0, 0, 3, 1, 0, 0, 3, 5, 2]);
        assert_eq!(e.pieces, [0, 3, 3, 9]);
    }

    #[test]
    fn any_marks_over_any_pieces_rebuild_the_text_and_every_mark() {
        let mut rng = Rng::new(7);
        for round in 0..500 {
            let text = arabic_text(&mut rng, 1 + round % 60);
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let at = |rng: &mut Rng| bounds[rng.below(bounds.len())];
            let marks: Vec<Range<usize>> = (0..rng.below(8))
                .map(|_| {
                    let (a, b) = (at(&mut rng), at(&mut rng));
                    a.min(b)..a.max(b)
                })
                .collect();
            let mut cuts: Vec<usize> = (0..rng.below(6)).map(|_| at(&mut rng)).collect();
            cuts.extend([0, text.len()]);
            cuts.sort_unstable();
            cuts.dedup();
            let pieces: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
            let l = layout(&marks, &pieces);
            // The text ops put every piece whole, in order; every mark's text is the text under
            // its opens; opens and closes balance inside each piece.
            let mut put = String::new();
            let mut under: Vec<String> = vec![String::new(); marks.len()];
            for (i, piece) in pieces.iter().enumerate() {
                let mut open: Vec<usize> = Vec::new();
                for op in l.piece(i) {
                    match op {
                        Op::Text(r) => {
                            assert!(!r.is_empty() && piece.start <= r.start && r.end <= piece.end);
                            put.push_str(&text[r.clone()]);
                            for &m in &open {
                                under[m].push_str(&text[r.clone()]);
                            }
                        }
                        Op::Open(m) => open.push(*m),
                        Op::Close => assert!(open.pop().is_some()),
                    }
                }
                assert!(open.is_empty(), "piece {i} is balanced");
            }
            assert_eq!(put, text);
            for (m, r) in marks.iter().enumerate() {
                assert_eq!(under[m], text[r.clone()], "mark {m} {r:?} in {text:?}");
            }
        }
    }

    #[test]
    fn chunks_end_after_line_breaks_then_spaces() {
        let text = "aaaa\nbb\ncc dd ee";
        // A piece is at least `target` bytes: the line break at 7 comes too early for the second.
        assert_eq!(chunks(text, 3), [0..5, 5..11, 11..14, 14..16]);
        assert_eq!(chunks(text, 100), [0..16]);
        assert_eq!(chunks("", 4), Vec::<Range<usize>>::new());
        // No white space: cut at a char boundary.
        let word = "بببببب";
        assert_eq!(chunks(word, 3), [0..4, 4..8, 8..12]);
    }

    #[test]
    fn chunks_cover_any_text_on_char_boundaries() {
        let mut rng = Rng::new(11);
        for round in 0..300 {
            let text = arabic_text(&mut rng, 1 + round % 200);
            let target = 1 + rng.below(40);
            let cs = chunks(&text, target);
            let mut at = 0;
            for c in &cs {
                assert_eq!(c.start, at);
                assert!(c.end > c.start && text.is_char_boundary(c.end));
                at = c.end;
            }
            assert_eq!(at, text.len());
        }
    }
}
