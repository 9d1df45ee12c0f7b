//! The entity model: training learns a corpus, the model file round-trips, decoding is always
//! well formed, any input is tagged without panicking, and the entity stage takes the model's
//! names where no sure rule or hand-made lexicon stands.

use kashif::doc::Doc;
use kashif::model::format::Stored;
use kashif::entities::{self, tables::{Tables, TABLES}};
use kashif::model::train::{evaluate, featurize, model_alone, read_conll, train, Example, Options};
use kashif::model::{self, Model};
use kashif::testing::{arabic_text, Rng};
use kashif::Kind;

/// Made-up names, so that what the model learns comes from the contexts and the letters.
const FIRST: &[&str] = &["سامر", "رنا", "جواد", "ليلى", "نبيل", "هالة", "كريم", "منى", "طارق", "سلمى", "باسل", "دينا"];
const LAST: &[&str] = &["الحداد", "النجار", "الخطيب", "العطار", "الصباغ", "الحلاق", "الفاخوري", "الدباغ", "الصواف", "الحمصي"];
const TOWNS: &[&str] = &["زهرانة", "قصرين", "بيت ليد", "عين حلوة", "تل رفعت", "كفرنبل", "الرامة", "عرابة"];
const BODIES: &[&str] = &["التعليم", "الصحة", "الزراعة", "النقل", "المالية", "الثقافة"];

/// A sentence of the synthetic corpus with its tags, in CoNLL lines.
fn sentence(rng: &mut Rng, out: &mut String) {
    let person = [*rng.pick(FIRST), *rng.pick(LAST)];
    let town = rng.pick(TOWNS).split(' ').collect::<Vec<_>>();
    let body = *rng.pick(BODIES);
    let mut line = |w: &str, tag: &str| out.push_str(&format!("{w} {tag}\n"));
    let tag_all = |words: &[&str], kind: &str, line: &mut dyn FnMut(&str, &str)| {
        for (i, w) in words.iter().enumerate() {
            line(w, &format!("{}-{kind}", if i == 0 { "B" } else { "I" }));
        }
    };
    match rng.below(3) {
        0 => {
            line("قال", "O");
            line("الوزير", "O");
            tag_all(&person, "PERS", &mut line);
            line("في", "O");
            tag_all(&town, "LOC", &mut line);
            line("إن", "O");
            line("وزارة", "B-ORG");
            line(body, "I-ORG");
            line("ستعمل", "O");
        }
        1 => {
            line("زار", "O");
            line("الدكتور", "O");
            tag_all(&person, "PERS", &mut line);
            line("مدينة", "O");
            tag_all(&town, "LOC", &mut line);
            line("أمس", "O");
        }
        _ => {
            line("وأعلنت", "O");
            line("وزارة", "B-ORG");
            line(body, "I-ORG");
            line("أن", "O");
            line("السيد", "O");
            tag_all(&person, "PERS", &mut line);
            line("سيصل", "O");
            line("إلى", "O");
            tag_all(&town, "LOC", &mut line);
        }
    }
    line(".", "O");
    out.push('\n');
}

fn corpus(seed: u64, n: usize) -> Vec<Example> {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    for _ in 0..n {
        sentence(&mut rng, &mut text);
    }
    read_conll(&text).iter().map(Example::new).collect()
}

fn quick() -> Options {
    Options { epochs: 8, ..Options::default() }
}

fn trained() -> Stored {
    train(&featurize(&corpus(1, 150), &TABLES), &quick(), &mut |_| {})
}

#[test]
fn training_learns_a_small_corpus() {
    let model = Model::from_stored(&trained());
    // Sentences it never saw, made the same way.
    let score = evaluate(&model_alone(&model, &TABLES), &corpus(99, 60));
    assert!(score.four.f1() > 0.95, "{score}");
    // And a sentence written by hand, with names in the contexts it learned.
    let text = "زار الدكتور كريم الصواف مدينة قصرين أمس.";
    let found: Vec<(Kind, String)> =
        model.tag_doc(&Doc::new(text)).iter().map(|s| (s.kind, text[s.original.clone()].to_string())).collect();
    assert_eq!(found, vec![(Kind::Person, "كريم الصواف".to_string()), (Kind::Location, "قصرين".to_string())]);
}

#[test]
fn a_name_found_surely_is_found_again_where_its_line_says_nothing() {
    let model = Model::from_stored(&trained());
    // A surname the model never met, in a context it learned, then alone after و in a line that
    // says nothing of it.
    let text = "زار الدكتور كريم الزعتري مدينة قصرين أمس.\nشكرا والزعتري هنا.";
    let doc = Doc::new(text);
    let found: Vec<(Kind, &str, bool)> = model.tag_doc(&doc).iter().map(|s| (s.kind, &text[s.original.clone()], s.elsewhere)).collect();
    assert_eq!(
        found,
        vec![(Kind::Person, "كريم الزعتري", false), (Kind::Location, "قصرين", false), (Kind::Person, "الزعتري", true)]
    );
    // Without the first line, nothing is found in the second.
    assert!(model.tag_doc(&Doc::new("شكرا والزعتري هنا.")).is_empty());
}

#[test]
fn training_is_reproducible() {
    assert_eq!(trained().to_bytes(), trained().to_bytes());
}

#[test]
fn the_model_file_round_trips() {
    let stored = trained();
    let bytes = stored.to_bytes();
    assert_eq!(Stored::parse(&bytes).unwrap(), stored);
    let (a, b) = (Model::from_stored(&stored), Model::parse(&bytes).unwrap());
    let doc = Doc::new("وأعلنت وزارة الصحة أن السيد سامر الحداد سيصل إلى عرابة.");
    assert_eq!(a.tag_doc(&doc), b.tag_doc(&doc));
    assert!(!a.tag_doc(&doc).is_empty());
}

#[test]
fn names_start_after_proclitics() {
    // ANERcorp marks whole words (ولبنان), the span is the name: the model knows لبنان.
    let text = "وصل الرئيس إلى بيروت ولبنان وبغداد.";
    let doc = Doc::new(text);
    let found: Vec<&str> = model::tag(&doc).iter().map(|s| &text[s.original.clone()]).collect();
    assert!(found.contains(&"لبنان"), "{found:?}");
    assert!(found.contains(&"بغداد"), "{found:?}");
}

/// Everything a tagging must satisfy, whatever the text.
fn check(text: &str) {
    let doc = Doc::new(text);
    let spans = model::tag(&doc);
    let mut prev_end = 0;
    for s in &spans {
        assert!(s.original.start < s.original.end && s.original.end <= text.len(), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.original.start) && text.is_char_boundary(s.original.end));
        assert!(s.kind.is_entity());
        assert!((0.0..=1.0).contains(&s.confidence), "{s:?}");
        assert!(s.tokens.start < s.tokens.end && s.tokens.end <= doc.tokens.len());
        // In order, not overlapping, and inside their tokens.
        assert!(s.tokens.start >= prev_end, "overlap in {text:?}");
        prev_end = s.tokens.end;
        assert!(doc.tokens[s.tokens.start].start <= s.norm.start && s.norm.end == doc.tokens[s.tokens.end - 1].end);
        // A name never runs over a line break.
        assert!(!doc.text()[s.norm.clone()].contains('\n'));
        let span = s.span(&doc);
        assert_eq!((span.start, span.end, span.source), (s.original.start, s.original.end, "model"));
    }
}

#[test]
fn any_input_is_tagged_soundly() {
    let mut rng = Rng::new(77);
    for round in 0..1500 {
        check(&arabic_text(&mut rng, 1 + round % 120));
    }
    for text in ["", " ", "\n\n", "ب", "،", "2024", "و", "لل", "ولل الـ", "محمد\nعلي"] {
        check(text);
    }
}

#[test]
fn decoded_names_are_well_formed_in_news_text() {
    let seed = kashif::seeds::SEEDS[0].text;
    check(seed);
    assert!(model::tag(&Doc::new(seed)).len() > 20);
}

#[test]
fn the_train_command_writes_a_model_the_library_reads() {
    let dir = std::env::temp_dir().join(format!("kashif-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("corpus.txt");
    let mut rng = Rng::new(5);
    let mut text = String::new();
    for _ in 0..120 {
        sentence(&mut rng, &mut text);
    }
    std::fs::write(&corpus, text).unwrap();
    let out = dir.join("ner.bin");
    let run = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_kashif")).arg("train").args(args).output().unwrap();
    let r = run(&["--corpus", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--epochs", "4"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stdout).contains("wrote"));
    let model = Model::parse(&std::fs::read(&out).unwrap()).unwrap();
    assert!(!model.tag_doc(&Doc::new("زار الدكتور كريم الصواف مدينة قصرين أمس.")).is_empty());
    // --validate scores held-out folds and writes nothing.
    std::fs::remove_file(&out).unwrap();
    let r = run(&["--corpus", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--epochs", "2", "--validate"]);
    let report = String::from_utf8_lossy(&r.stdout);
    for finder in ["lexicons and rules", "model alone", "with the model"] {
        assert!(report.contains(&format!("validation, 9 parts, {finder:<18}: 3-type F1")), "{report}");
    }
    assert!(!out.exists());
    // Bad arguments and a missing corpus are one-line errors.
    let r = run(&["--l1", "lots"]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("--l1 needs a number"));
    let r = run(&["--corpus", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("cannot read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The entity stage with a model: its mentions as (kind, text, source, canonical name).
fn stage(model: Option<&Model>, tables: &Tables, text: &str) -> Vec<(Kind, String, &'static str, String)> {
    let doc = Doc::new(text);
    entities::find_with(&doc, tables, model)
        .into_iter()
        .filter(|m| m.span.kind.is_entity())
        .map(|m| (m.span.kind, text[m.span.range()].to_string(), m.span.source, m.canonical))
        .collect()
}

#[test]
fn the_stage_takes_the_models_names_where_no_sure_rule_or_hand_made_lexicon_stands() {
    use Kind::*;
    let model = Model::from_stored(&trained());
    let own = |m: &[(Kind, &str, &'static str, &str)]| m.iter().map(|&(k, t, s, c)| (k, t.to_string(), s, c.to_string())).collect::<Vec<_>>();
    let text = "وأعلنت وزارة الصحة أن السيد سامر الحداد سيصل إلى زهرانة ثم بيروت.";
    // The rules alone guess the person too long and know no زهرانة.
    assert_eq!(
        stage(None, &TABLES, text),
        own(&[(Organization, "وزارة الصحة", "rule", "وزارة الصحة"), (Person, "سامر الحداد سيصل", "rule", "سامر الحداد سيصل"), (Location, "بيروت", "lexicon", "بيروت")])
    );
    // The model finds the spans; the hand-made lexicon's بيروت stands.
    assert_eq!(
        stage(Some(&model), &TABLES, text),
        own(&[
            (Organization, "وزارة الصحة", "model", "وزارة الصحة"),
            (Person, "سامر الحداد", "model", "سامر الحداد"),
            (Location, "زهرانة", "model", "زهرانة"),
            (Location, "بيروت", "lexicon", "بيروت"),
        ])
    );
    // A sure rule overrides the model: a name in guillemets after a title.
    let text = "زار الدكتور «كريم الصواف الثاني» مدينة قصرين أمس.";
    let found = stage(Some(&model), &TABLES, text);
    assert_eq!(found[0], (Person, "كريم الصواف الثاني".to_string(), "rule", "كريم الصواف الثاني".to_string()), "{found:?}");
    assert_eq!(found[1..], own(&[(Location, "قصرين", "model", "قصرين")]));
    // A name of the mined lexicon that the model finds takes its canonical name from it.
    let mined = Tables::build(&[("anercorp", "زهرانة\tlocation\tبلدة زهرانة")], entities::cues::FILES).unwrap();
    let found = stage(Some(&model), &mined, "قال السيد سامر الحداد إنه سيصل إلى زهرانة.");
    assert_eq!(found, own(&[(Person, "سامر الحداد", "model", "سامر الحداد"), (Location, "زهرانة", "model", "بلدة زهرانة")]));
    // Every span of the model says so, and how sure it was.
    let doc = Doc::new(text);
    let m = entities::find_with(&doc, &TABLES, Some(&model));
    let why = &m.iter().find(|m| m.span.source == "model").unwrap().span.why;
    assert!(why.starts_with("entity model (") && why.ends_with("% sure)"), "{why}");
}
