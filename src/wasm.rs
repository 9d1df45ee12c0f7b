//! The WebAssembly shim: a thin wasm-bindgen layer over the plain-Rust core.
//!
//! Offsets at this boundary are UTF-16 code units (what `String.prototype.slice`, DOM `Text` and
//! `Range` count); every result says so in its `encoding` field. Errors become JS `Error`s in one
//! helper, [`js_error`].

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::output::{Encoding, Output};
use crate::{seeds as seed_table, Options};

/// Every error crossing into JavaScript goes through here: a JS `Error` with the message.
fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// Reads `{date: "YYYY-MM-DD"}` (every field optional; `undefined` or `null` for none).
fn options(js: &JsValue) -> Result<Options, JsError> {
    if js.is_undefined() || js.is_null() {
        return Ok(Options::default());
    }
    if !js.is_object() {
        return Err(js_error("options must be an object such as {date: \"2024-11-15\"}"));
    }
    let date = js_sys::Reflect::get(js, &JsValue::from_str("date")).map_err(|_| js_error("cannot read options.date"))?;
    if date.is_undefined() || date.is_null() || date.as_string().is_some_and(|s| s.is_empty()) {
        return Ok(Options::default());
    }
    let date = date.as_string().ok_or_else(|| js_error("options.date must be a string YYYY-MM-DD"))?;
    Options::with_date(&date).map_err(js_error)
}

/// Analyzes `text`; `options` is `{date: "YYYY-MM-DD"}` or omitted. Returns the output contract
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
