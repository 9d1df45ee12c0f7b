//! Shared by the integration tests: the seed article scored against its gold annotations in
//! ../shared (absent in a user's clone: the caller skips with a message).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub const SEED: &str = "000_e959e6794c9202b4";

/// `../shared`, if it is beside the checkout.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.join("gold").is_dir().then_some(p)
}

/// Prints why a test is skipped and returns `None` when ../shared is absent.
pub fn shared_or_skip(test: &str) -> Option<PathBuf> {
    let s = shared();
    if s.is_none() {
        eprintln!("skipped {test}: ../shared (gold annotations and data) is not beside this checkout");
    }
    s
}

/// The scorer's JSON report for the bundled seed analysed with its own date.
pub fn score_seed(shared: &Path) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = kashif::seeds::find(SEED).unwrap();
    let a = kashif::analyze(seed.text, &kashif::Options::with_date(seed.date).unwrap()).unwrap();
    let json = kashif::output::Output::new(seed.text, &a, kashif::output::Encoding::Utf16).to_json();
    let pred = std::env::temp_dir().join(format!("kashif-gold-{}-{:?}.json", std::process::id(), std::thread::current().id()));
    std::fs::write(&pred, json).unwrap();
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(shared.join(format!("gold/{SEED}.gold.json")))
        .arg(&pred)
        .arg("--json")
        .arg("--text")
        .arg(root.join(format!("seeds/{SEED}.txt")))
        .output()
        .expect("python3 runs the scorer");
    let _ = std::fs::remove_file(&pred);
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}
