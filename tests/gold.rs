//! The bundled article scored against its hand-made gold annotations in ../shared (skipped, with
//! a message, where ../shared is not beside the checkout).

use std::path::Path;
use std::process::Command;

const GOLD: &str = "../shared/gold/000_e959e6794c9202b4.gold.json";

#[test]
fn the_scorer_accepts_the_seed_analysis() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = root.join(GOLD);
    if !gold.exists() {
        eprintln!("skipped: {} is absent (../shared is not beside this checkout)", gold.display());
        return;
    }
    let seed = kashif::seeds::find("000_e959e6794c9202b4").unwrap();
    let a = kashif::analyze(seed.text, &kashif::Options::with_date(seed.date).unwrap()).unwrap();
    let json = kashif::output::Output::new(seed.text, &a, kashif::output::Encoding::Utf16).to_json();
    let pred = std::env::temp_dir().join(format!("kashif-gold-{}.json", std::process::id()));
    std::fs::write(&pred, json).unwrap();
    let out = Command::new("python3")
        .arg(root.join("../shared/eval/score.py"))
        .arg(&gold)
        .arg(&pred)
        .arg("--json")
        .arg("--text")
        .arg(root.join("seeds/000_e959e6794c9202b4.txt"))
        .output()
        .expect("python3 runs the scorer");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["entities", "dates", "quotes"] {
        assert!(report[key]["f1"].is_number(), "{key} in {report}");
    }
    eprintln!("gold: entities F1 {}, dates F1 {}, quotes F1 {}", report["entities"]["f1"], report["dates"]["f1"], report["quotes"]["f1"]);
}
