//! The entity model alone, scored by `../shared/eval/conll.py` exactly as `scripts/eval_ner.py`
//! scores the whole analyzer: on the held-out last tenth of ANERcorp's train.txt (never trained
//! on) and on AQMAR (Wikipedia, out of domain). The corpora are built by `scripts/eval_ner.py`
//! itself, so the split is the same one. The figures are printed:
//!
//! ```sh
//! cargo test --release --test model_eval -- --nocapture
//! ```
//!
//! The floors below are regressions guards a little under the measured figures, not targets.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use kashif::doc::Doc;
use kashif::output::{Encoding, Output};
use kashif::{model, Analysis};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds a corpus with `scripts/eval_ner.py` (the same split as the analyzer's evaluation).
fn corpus(name: &str) -> PathBuf {
    let out = Command::new("python3")
        .current_dir(root())
        .args(["-c", &format!("import sys; sys.path.insert(0, 'scripts'); import eval_ner; print(eval_ner.build({name:?}))")])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "eval_ner.py build failed: {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

/// The model's names in the corpus's running text, scored by conll.py (its JSON report).
fn score(shared: &Path, name: &str) -> serde_json::Value {
    let conll = shared.join("eval/conll.py");
    let corpus = corpus(name);
    let out = Command::new("python3").arg(&conll).arg("text").arg(&corpus).output().expect("python3 runs conll.py");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let doc = Doc::new(&text);
    let spans = model::tag(&doc).iter().map(|s| s.span(&doc)).collect();
    let json = Output::new(&text, &Analysis { spans, entities: vec![] }, Encoding::Utf16).to_json();
    let pred = corpus.with_extension("model.json");
    std::fs::write(&pred, json).unwrap();
    let out = Command::new("python3").arg(&conll).arg("score").arg(&corpus).arg(&pred).arg("--json").output().unwrap();
    assert!(out.status.success(), "conll.py score failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = |k: &str| report[k]["f1"].as_f64().unwrap();
    println!(
        "model alone on {name}: 3-type F1 {:.3}, 4-type F1 {:.3} (PERS {:.3}, LOC {:.3}, ORG {:.3}, MISC {:.3})",
        f1("3types"),
        f1("4types"),
        f1("PERS"),
        f1("LOC"),
        f1("ORG"),
        f1("MISC")
    );
    report
}

#[test]
fn model_on_anercorp_dev() {
    let Some(shared) = common::shared_or_skip("model_on_anercorp_dev") else { return };
    let r = score(&shared, "anercorp-dev");
    assert!(r["3types"]["f1"].as_f64().unwrap() >= 0.74, "{r}");
    assert!(r["4types"]["f1"].as_f64().unwrap() >= 0.72, "{r}");
}

#[test]
fn model_on_aqmar() {
    let Some(shared) = common::shared_or_skip("model_on_aqmar") else { return };
    let r = score(&shared, "aqmar");
    assert!(r["3types"]["f1"].as_f64().unwrap() >= 0.54, "{r}");
}

/// Prints how fast the model tags news text natively (a measurement, not a test of speed: the
/// best of five runs, other tests may run beside it).
#[test]
fn model_throughput() {
    let seed = kashif::seeds::SEEDS[0].text;
    let text = seed.repeat((1 << 20) / seed.len() + 1);
    let doc = Doc::new(&text);
    let mut best = f64::MAX;
    let mut names = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        names = model::tag(&doc).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("model on {} bytes: {names} names in {:.1} ms, {:.1} MB/s for the model alone", text.len(), best * 1e3, text.len() as f64 / best / 1e6);
}
