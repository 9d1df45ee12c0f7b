//! The bundled article scored against its hand-made gold annotations in ../shared (skipped, with
//! a message, where ../shared is not beside the checkout). Each stage keeps its own floors in its
//! own test file; this one checks the scorer accepts the output at all.

mod common;

#[test]
fn the_scorer_accepts_the_seed_analysis() {
    let Some(shared) = common::shared_or_skip("the_scorer_accepts_the_seed_analysis") else { return };
    let report = common::score_seed(&shared);
    for key in ["entities", "dates", "quotes"] {
        assert!(report[key]["f1"].is_number(), "{key} in {report}");
    }
}
