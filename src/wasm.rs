//! The WebAssembly shim: a thin wasm-bindgen layer over the plain-Rust core.
//!
//! Offsets at this boundary are UTF-16 code units (what `String.prototype.slice`, DOM `Text` and
//! `Range` count); every result says so in its `encoding` field. Errors become JS `Error`s in one
//! helper, [`js_error`].
//!
//! Besides `analyze`, the page reads the analysis already laid out in chunks (`view`) and the
//! normalizer's changes (`normalize`, `lesson`); a host page marks an article element of its
//! own in place with `highlight` and restores it with `unhighlight`. Where the marks go is
//! decided by the plain-Rust [`crate::view`]; this file only reads and moves DOM nodes.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Text};

use crate::output::{convert_offsets, Encoding, Output};
use crate::span::{Analysis, Span};
use crate::view::layout::{chunks, layout, Layout, Op};
use crate::view::{lesson as lessons, title, walk};
use crate::{seeds as seed_table, Options};

/// Every error crossing into JavaScript goes through here: a JS `Error` with the message.
fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// Reads `{date: "YYYY-MM-DD", rulesOnly: true}` (every field optional; `undefined` or `null`
/// for none). `rulesOnly` leaves the entity model out: the lexicons and rules alone, to see
/// what the model adds.
fn options(js: &JsValue) -> Result<Options, JsError> {
    if js.is_undefined() || js.is_null() {
        return Ok(Options::default());
    }
    if !js.is_object() {
        return Err(js_error("options must be an object such as {date: \"2024-11-15\"}"));
    }
    let field = |name: &str| js_sys::Reflect::get(js, &JsValue::from_str(name)).map_err(|_| js_error(format!("cannot read options.{name}")));
    let date = field("date")?;
    let mut opts = if date.is_undefined() || date.is_null() || date.as_string().is_some_and(|s| s.is_empty()) {
        Options::default()
    } else {
        let date = date.as_string().ok_or_else(|| js_error("options.date must be a string YYYY-MM-DD"))?;
        Options::with_date(&date).map_err(js_error)?
    };
    let rules_only = field("rulesOnly")?;
    if !(rules_only.is_undefined() || rules_only.is_null()) {
        opts.rules_only = rules_only.as_bool().ok_or_else(|| js_error("options.rulesOnly must be true or false"))?;
    }
    Ok(opts)
}

/// Analyzes `text`; `options` is `{date: "YYYY-MM-DD", rulesOnly: false}` or omitted. Returns the output contract
/// `{encoding: "utf-16", spans: [...], entities: [...]}`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let opts = self::options(&options)?;
    let analysis = crate::analyze(text, &opts).map_err(js_error)?;
    to_js(&Output::new(text, &analysis, Encoding::Utf16))
}

/// The bundled example articles: `[{id, title, date, source, text}]`.
#[wasm_bindgen]
pub fn seeds() -> Result<JsValue, JsError> {
    to_js(seed_table::SEEDS)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// The size in bytes of the chunks `view` lays a text out in: the page draws one chunk per task.
const CHUNK: usize = 16 << 10;

/// A plain object with these fields.
fn object(fields: &[(&str, JsValue)]) -> Result<JsValue, JsError> {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).map_err(|_| js_error("cannot build the result"))?;
    }
    Ok(o.into())
}

/// `layout`'s fields for the page: `ops` and `pieces` as `Uint32Array`s (see
/// [`crate::view::layout::Encoded`]).
fn layout_fields(text: &str, l: &Layout) -> [(&'static str, JsValue); 2] {
    let e = l.encode_utf16(text);
    [("ops", js_sys::Uint32Array::from(&e.ops[..]).into()), ("pieces", js_sys::Uint32Array::from(&e.pieces[..]).into())]
}

fn span_ranges(a: &Analysis) -> Vec<std::ops::Range<usize>> {
    a.spans.iter().map(Span::range).collect()
}

/// Analyzes `text` (options as for `analyze`) and lays its spans out over chunks of about 16 KiB
/// for drawing one chunk at a time: `{analysis, ops, pieces}`, where an open op's index is the
/// span's index in `analysis.spans`.
#[wasm_bindgen]
pub fn view(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let opts = self::options(&options)?;
    let analysis = crate::analyze(text, &opts).map_err(js_error)?;
    let l = layout(&span_ranges(&analysis), &chunks(text, CHUNK));
    let [ops, pieces] = layout_fields(text, &l);
    object(&[("analysis", to_js(&Output::new(text, &analysis, Encoding::Utf16))?), ops, pieces])
}

/// What the normalizer changes in `text`: `{text, changes: [{start, end, step, from, to}]}`, where
/// `text` is the normalized text and offsets are UTF-16 code units of the original.
#[wasm_bindgen]
pub fn normalize(text: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Change<'a> {
        start: usize,
        end: usize,
        step: &'static str,
        from: &'a str,
        to: &'a str,
    }
    let changes = lessons::changes(text);
    let mut offs: Vec<(usize, usize)> = changes.iter().flat_map(|c| [(c.range.start, 0), (c.range.end, 0)]).collect();
    convert_offsets(text, &mut offs, Encoding::Utf16);
    let out: Vec<Change> = changes
        .iter()
        .zip(offs.chunks(2))
        .map(|(c, o)| Change { start: o[0].1, end: o[1].1, step: c.step.name(), from: &text[c.range.clone()], to: &c.to })
        .collect();
    object(&[("text", JsValue::from_str(crate::normalize::Normalized::new(text).as_str())), ("changes", to_js(&out)?)])
}

/// The lesson in orthography for `text`: `{steps: [{step, count, examples: [{text, norm}]}], words,
/// ops, pieces}` — the steps that changed something with a few words each, the number of
/// changed words, and those words laid out as marks over the same chunks as `view`.
#[wasm_bindgen]
pub fn lesson(text: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Example<'a> {
        text: &'a str,
        norm: &'a str,
    }
    #[derive(Serialize)]
    struct StepOut<'a> {
        step: &'static str,
        count: usize,
        examples: Vec<Example<'a>>,
    }
    let l = lessons::lesson(text);
    let steps: Vec<StepOut> = l
        .steps
        .iter()
        .map(|s| StepOut {
            step: s.step.name(),
            count: s.count,
            examples: s.examples.iter().map(|(t, n)| Example { text: t, norm: n }).collect(),
        })
        .collect();
    let [ops, pieces] = layout_fields(text, &layout(&l.words, &chunks(text, CHUNK)));
    object(&[("steps", to_js(&steps)?), ("words", JsValue::from(l.words.len() as u32)), ops, pieces])
}

/// Walks `node`'s descendants in document order, feeding text nodes and block edges to `j`.
fn walk(node: &Node, j: &mut walk::Joined, texts: &mut Vec<Text>) {
    let mut child = node.first_child();
    while let Some(n) = child {
        match n.node_type() {
            Node::TEXT_NODE => {
                let t: Text = n.clone().unchecked_into();
                j.push_text(&t.data());
                texts.push(t);
            }
            Node::ELEMENT_NODE => {
                let e: &Element = n.unchecked_ref();
                if !e.has_attribute("hidden") && !e.has_attribute("data-kashif-skip") {
                    match walk::tag(&e.local_name()) {
                        walk::Tag::Skip => {}
                        walk::Tag::Break => j.push_break(),
                        walk::Tag::Block => {
                            j.push_block();
                            walk(&n, j, texts);
                            j.push_block();
                        }
                        walk::Tag::Inline => walk(&n, j, texts),
                    }
                }
            }
            _ => {}
        }
        child = n.next_sibling();
    }
}

/// The text of an article `element` as a reader sees it: its text nodes in document order; the
/// content of `script`, `style`, form controls and media, and of elements marked `hidden` or
/// `data-kashif-skip`, left out. An element holding only text gives exactly that text; one
/// holding markup gives it as a browser shows it: HTML white space collapsed, paragraphs and
/// other blocks apart by a blank line, `<br>` a line break.
#[wasm_bindgen(js_name = textOf)]
pub fn text_of(element: &Element) -> String {
    let mut j = if element.child_element_count() > 0 { walk::Joined::collapsing() } else { walk::Joined::default() };
    walk(element, &mut j, &mut Vec::new());
    j.text
}

thread_local! {
    /// For every highlighted element, what `unhighlight` puts back: an array of records
    /// `[original text node, the nodes that replaced it…]`.
    static HIGHLIGHTED: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// One mark of a span for a host page: `<mark class="kashif-mark" data-kind data-span
/// [data-entity] title>`, its explanation as the tooltip (an attribute: text, never markup).
fn host_mark(doc: &Document, index: usize, span: &Span, title: &str) -> Result<Element, JsValue> {
    let m = doc.create_element("mark")?;
    m.set_class_name("kashif-mark");
    m.set_attribute("data-kind", span.kind.name())?;
    m.set_attribute("data-span", &index.to_string())?;
    if let Some(e) = span.entity {
        m.set_attribute("data-entity", &e.to_string())?;
    }
    m.set_attribute("title", title)?;
    Ok(m)
}

/// Marks the article `element` of a host page in place: analyses the text of its text nodes
/// (see `textOf`; options as for `analyze`) and replaces each text node that holds part of a
/// span by the same text with marks, a span crossing an element's edge split into one mark per
/// side. Elements — their attributes, links and event listeners — are left as they are. An
/// element already highlighted is restored first. Returns `{text, marks, analysis}`: the text
/// read, the number of marks made and the analysis (UTF-16 offsets into `text`).
#[wasm_bindgen]
pub fn highlight(element: &Element, options: JsValue) -> Result<JsValue, JsValue> {
    let opts = self::options(&options)?;
    unhighlight(element);
    let mut joined = walk::Joined::default();
    let mut texts = Vec::new();
    walk(element, &mut joined, &mut texts);
    let text = joined.text.as_str();
    let analysis = crate::analyze(text, &opts).map_err(js_error)?;
    let l = layout(&span_ranges(&analysis), &joined.nodes);
    let doc = element.owner_document().ok_or_else(|| js_error("the element is not in a document"))?;
    let titles: Vec<String> = analysis.spans.iter().map(|s| title(s, &analysis.entities)).collect();
    let records = js_sys::Array::new();
    HIGHLIGHTED.with(|h| h.set(element, &records));
    let mut marks = 0usize;
    for (i, original) in texts.iter().enumerate() {
        let Some(parent) = original.parent_node().filter(|_| l.has_marks(i)) else { continue };
        let frag: Node = doc.create_document_fragment().into();
        let mut open: Vec<Node> = Vec::new();
        for op in l.piece(i) {
            let into = open.last().unwrap_or(&frag);
            match op {
                Op::Text(r) => {
                    into.append_child(&doc.create_text_node(&text[r.clone()]))?;
                }
                Op::Open(m) => {
                    let mark = host_mark(&doc, *m, &analysis.spans[*m], &titles[*m])?;
                    into.append_child(&mark)?;
                    open.push(mark.into());
                    marks += 1;
                }
                Op::Close => {
                    open.pop();
                }
            }
        }
        let record = js_sys::Array::of1(original);
        let mut c = frag.first_child();
        while let Some(n) = c {
            c = n.next_sibling();
            record.push(&n);
        }
        parent.insert_before(&frag, Some(original))?;
        parent.remove_child(original)?;
        records.push(&record);
    }
    let out = Output::new(text, &analysis, Encoding::Utf16);
    Ok(object(&[("text", JsValue::from_str(text)), ("marks", JsValue::from(marks as u32)), ("analysis", to_js(&out)?)])?)
}

/// Restores an element `highlight` marked: every original text node goes back where its marks
/// are, the same node objects with the same text, and the marks go. Returns whether the element
/// was highlighted.
#[wasm_bindgen]
pub fn unhighlight(element: &Element) -> bool {
    let records = HIGHLIGHTED.with(|h| {
        let r = h.get(element);
        h.delete(element);
        r
    });
    let Some(records) = records.dyn_ref::<js_sys::Array>() else { return false };
    for record in records.iter() {
        let record: js_sys::Array = record.unchecked_into();
        let original: Node = record.get(0).unchecked_into();
        let first: Node = record.get(1).unchecked_into();
        if let Some(parent) = first.parent_node() {
            // Cannot fail: `first` is a child of `parent` and a text node fits anywhere.
            let _ = parent.insert_before(&original, Some(&first));
        }
        for n in record.iter().skip(1) {
            let n: Node = n.unchecked_into();
            if let Some(parent) = n.parent_node() {
                let _ = parent.remove_child(&n);
            }
        }
    }
    true
}
