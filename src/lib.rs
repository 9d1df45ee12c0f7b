//! Kashif (كاشف): an Arabic news-article analyzer.
//!
//! It normalizes Arabic text and marks the people, organizations and places an article names,
//! its dates and other time expressions (with calendar values), and its quotations with their
//! speakers. The same core runs natively (library and CLI) and in the browser (WebAssembly).
//!
//! ```
//! use kashif::{analyze, Options, Kind};
//!
//! let text = "وقال وزير الخارجية أنتونى بلينكن فى بروكسل يوم 13 نوفمبر 2024: «سنواصل دعم أوكرانيا بكل قوة».";
//! let a = analyze(text, &Options::default()).unwrap();
//! let found: Vec<(Kind, &str)> = a.spans.iter().map(|s| (s.kind, &text[s.start..s.end])).collect();
//! assert!(found.contains(&(Kind::Person, "أنتونى بلينكن")));
//! assert!(found.contains(&(Kind::Location, "بروكسل")));
//! assert!(found.contains(&(Kind::Date, "13 نوفمبر 2024")));
//! assert!(found.contains(&(Kind::Quote, "سنواصل دعم أوكرانيا بكل قوة")));
//! ```
//!
//! The pipeline: [`normalize`] (a shadow copy aligned to the original) → [`tokenize`]
//! (clitic-aware) → [`entities`] → [`timex`] → [`quotes`] → an [`Analysis`] of spans over the
//! original text, which [`output`] turns into the JSON contract.

/// `println!` for the command line that ends the program quietly when its reader has gone
/// (`kashif bench | head`): a closed pipe is no error worth a panic.
#[doc(hidden)]
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("kashif: cannot write output: {e}");
            std::process::exit(1);
        }
    }};
}

pub mod date;
pub mod doc;
pub mod entities;
pub mod model;
mod fxhash;
pub mod normalize;
pub mod output;
pub mod quotes;
pub mod seeds;
pub mod span;
pub mod testing;
pub mod timex;
pub mod tokenize;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod wasm;

use std::fmt;

pub use date::Date;
pub use span::{Analysis, Entity, Kind, Span, Speaker};

/// The largest text analysed at once, in bytes (32 MiB). Larger corpora go through line by line
/// (`kashif analyze --format jsonl`).
pub const MAX_TEXT_BYTES: usize = 32 << 20;

/// What an analysis is asked to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The publication date, against which relative time expressions resolve. Without one, the
    /// unknown parts of a value stay `X` (`XXXX-XX-13`).
    pub date: Option<Date>,
    /// Entities from the lexicons and rules alone, without the entity model: what the model
    /// adds, measured (`kashif analyze --rules-only`). Off by default.
    pub rules_only: bool,
}

impl Options {
    /// Options with a publication date given as `YYYY-MM-DD`.
    pub fn with_date(date: &str) -> Result<Options, Error> {
        Ok(Options { date: Some(date.parse().map_err(Error::BadDate)?), ..Options::default() })
    }
}

/// Why an input could not be analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The bytes are not UTF-8; `valid_up_to` bytes are.
    NotUtf8 { valid_up_to: usize },
    /// The text exceeds [`MAX_TEXT_BYTES`].
    TooLarge { bytes: usize },
    /// A publication date that is not a real `YYYY-MM-DD` day.
    BadDate(date::DateError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotUtf8 { valid_up_to } => {
                write!(f, "not UTF-8 text (the first invalid byte is at offset {valid_up_to})")
            }
            Error::TooLarge { bytes } => {
                write!(f, "text of {bytes} bytes is larger than the {} MiB limit; split it", MAX_TEXT_BYTES >> 20)
            }
            Error::BadDate(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

/// Analyzes one text.
pub fn analyze(text: &str, opts: &Options) -> Result<Analysis, Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TooLarge { bytes: text.len() });
    }
    let doc = doc::Doc::new(text);
    let model = (!opts.rules_only).then(|| &*model::MODEL);
    let (mut spans, entities) = entities::group(entities::find_with(&doc, &entities::tables::TABLES, model));
    let quotes = quotes::find(&doc, &spans, &entities);
    let times = timex::find(&doc, opts.date);
    // Room for all at once: the entity spans are moved once, not at each extension.
    spans.reserve_exact(times.len() + quotes.len());
    spans.extend(times);
    spans.extend(quotes);
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
    Ok(Analysis { spans, entities })
}

/// Analyzes bytes that should be UTF-8 text.
pub fn analyze_bytes(bytes: &[u8], opts: &Options) -> Result<Analysis, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 { valid_up_to: e.valid_up_to() })?;
    analyze(text, opts)
}

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
