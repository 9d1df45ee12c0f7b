//! The quotation stage on the bundled article against its gold annotations in ../shared
//! (skipped, with a message, where ../shared is not beside the checkout).

mod common;

use kashif::normalize::normalize_str;
use kashif::{analyze, Kind, Options};

/// The floors are the figures the stage reaches: quotations found, and speakers right among
/// them (all 15, with speakers named by a role descriptor resolved through the entity stage's
/// role spans). The speaker floor allows one miss of fifteen, the 0.90 with a margin.
const MIN_QUOTE_F1: f64 = 1.0;
const MIN_SPEAKERS: f64 = 0.93;

#[test]
fn seed_quotations_and_speakers_reach_their_floors() {
    let Some(shared) = common::shared_or_skip("seed_quotations_and_speakers_reach_their_floors") else { return };
    let report = common::score_seed(&shared);
    let f1 = report["quotes"]["f1"].as_f64().unwrap();
    let speakers = report["quotes.speakers"].as_f64().unwrap();
    eprintln!("seed quotes: F1 {f1:.3}, speakers {speakers:.3} ({})", report["quotes"]);
    assert!(f1 >= MIN_QUOTE_F1, "quote F1 {f1:.3} < {MIN_QUOTE_F1}: {report}");
    assert!(speakers >= MIN_SPEAKERS, "speaker accuracy {speakers:.3} < {MIN_SPEAKERS}: {report}");
}

#[test]
fn names_in_guillemets_listed_by_the_gold_are_not_quotations() {
    let Some(shared) = common::shared_or_skip("names_in_guillemets_listed_by_the_gold_are_not_quotations") else { return };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join(format!("gold/{}.gold.json", common::SEED))).unwrap()).unwrap();
    let not_quotes: Vec<String> = gold["not_quotes"].as_array().unwrap().iter().map(|v| normalize_str(v.as_str().unwrap())).collect();
    assert!(!not_quotes.is_empty());
    let seed = kashif::seeds::find(common::SEED).unwrap();
    let a = analyze(seed.text, &Options::with_date(seed.date).unwrap()).unwrap();
    for q in a.of_kind(Kind::Quote) {
        let words = normalize_str(&seed.text[q.range()]);
        assert!(!not_quotes.contains(&words), "{words:?} is a name in guillemets, reported as a quotation");
    }
}
