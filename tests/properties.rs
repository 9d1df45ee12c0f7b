//! Properties that hold for any input: no panic, every span on char boundaries and slicing back
//! to its text, spans sorted, entity ids valid, UTF-16 offsets consistent.

use kashif::output::{Encoding, Output};
use kashif::testing::{arabic_text, Rng};
use kashif::{analyze, Kind, Options};

fn check(text: &str, opts: &Options) {
    let a = analyze(text, opts).unwrap_or_else(|e| panic!("{e} on {text:?}"));
    let mut prev = (0usize, usize::MAX);
    for s in &a.spans {
        assert!(s.start < s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} in {text:?}");
        assert!((s.start, usize::MAX - s.end) >= (prev.0, usize::MAX - prev.1), "unsorted spans in {text:?}");
        prev = (s.start, s.end);
        if let Some(e) = s.entity {
            // A role descriptor refers to the person who holds the role.
            let kind = if s.kind == Kind::Role { Kind::Person } else { s.kind };
            assert!(e < a.entities.len() && a.entities[e].kind == kind, "{s:?} in {text:?}");
        }
        if let Some(v) = &s.value {
            assert!(!v.is_empty());
        }
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    let out = Output::new(text, &a, Encoding::Utf16);
    for s in &out.spans {
        assert_eq!(String::from_utf16_lossy(&units[s.start..s.end]), s.text, "in {text:?}");
    }
    let cps: Vec<char> = text.chars().collect();
    for s in &Output::new(text, &a, Encoding::CodePoints).spans {
        assert_eq!(cps[s.start..s.end].iter().collect::<String>(), s.text);
    }
}

#[test]
fn any_input_is_analysed_soundly() {
    let mut rng = Rng::new(2024);
    let dated = Options::with_date("2024-11-15").unwrap();
    let undated = Options::default();
    for round in 0..4000 {
        let text = arabic_text(&mut rng, 1 + round % 80);
        check(&text, if round % 2 == 0 { &dated } else { &undated });
    }
}

#[test]
fn edited_seeds_are_analysed_soundly() {
    // The seed article with random cuts, insertions of marks and emoji: realistic, adversarial.
    let mut rng = Rng::new(99);
    let seed = kashif::seeds::SEEDS[0].text;
    let chars: Vec<char> = seed.chars().collect();
    for _ in 0..150 {
        let a = rng.below(chars.len());
        let b = (a + rng.below(600)).min(chars.len());
        let mut s: String = chars[a..b].iter().collect();
        for _ in 0..rng.below(8) {
            let at = s.char_indices().map(|(i, _)| i).nth(rng.below(s.chars().count().max(1))).unwrap_or(0);
            s.insert_str(at, rng.pick::<&str>(&["\u{064E}", "\u{0640}", "😀", "\u{200F}", "«", "»", ":", "\n"]));
        }
        check(&s, &Options::default());
    }
}

#[test]
fn too_large_text_is_refused_with_a_clear_error() {
    let big = "ا".repeat(kashif::MAX_TEXT_BYTES / 2 + 1);
    let e = analyze(&big, &Options::default()).unwrap_err();
    assert!(e.to_string().contains("larger than the 32 MiB limit"), "{e}");
}
