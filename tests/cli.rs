//! The `kashif` command line, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn kashif(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kashif"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kashif");
    let input = stdin.map(<[u8]>::to_vec);
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = input {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kashif-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// Checks the contract: UTF-16 offsets that slice `text` back to each span's text.
fn assert_contract(v: &serde_json::Value, text: &str) {
    assert_eq!(v["encoding"], "utf-16");
    let units: Vec<u16> = text.encode_utf16().collect();
    for s in v["spans"].as_array().unwrap() {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert!(a < b && b <= units.len(), "{s}");
        assert_eq!(String::from_utf16(&units[a..b]).unwrap(), s["text"].as_str().unwrap());
    }
}

#[test]
fn seeds_lists_the_bundled_articles() {
    let o = kashif(&["seeds"], None);
    assert!(o.status.success());
    let line = stdout(&o).lines().next().unwrap().to_string();
    assert!(line.starts_with("000_e959e6794c9202b4\t2024-11-15\t"), "{line}");
}

#[test]
fn analyze_seed_json_is_the_contract() {
    let o = kashif(&["analyze", "--seed", "000_e959e6794c9202b4", "--format", "json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&stdout(&o));
    let seed = kashif::seeds::find("000").unwrap();
    assert_contract(&v, seed.text);
    let kinds: std::collections::BTreeSet<&str> = v["spans"].as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    for k in ["person", "organization", "location", "date", "quote"] {
        assert!(kinds.contains(k), "no {k} in {kinds:?}");
    }
    let e = &v["entities"][0];
    assert!(e["id"].is_u64() && e["name"].is_string() && e["mentions"].as_u64().unwrap() >= 1);
}

#[test]
fn analyze_file_with_emoji_and_diacritics_before_spans() {
    let text = "👍🏽 قَالَ الرئيـــس فى بِرُوكْسِل يوم ٢٤ فبراير ٢٠٢٢: «روسيا ستدفع ثمن هذا العدوان»\n";
    let p = tmp("emoji.txt", text.as_bytes());
    let o = kashif(&["analyze", p.to_str().unwrap(), "--date=2024-11-15", "--format", "json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&stdout(&o));
    assert_contract(&v, text);
    let spans = v["spans"].as_array().unwrap();
    assert!(spans.iter().any(|s| s["kind"] == "date" && s["value"] == "2022-02-24" && s["text"] == "٢٤ فبراير ٢٠٢٢"));
    assert!(spans.iter().any(|s| s["kind"] == "location" && s["text"] == "بِرُوكْسِل"));
}

#[test]
fn text_format_marks_the_article_and_prints_a_legend() {
    let o = kashif(&["analyze", "-", "--no-color"], Some("زار ماكرون برلين".as_bytes()));
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("زار [ماكرون]PER [برلين]LOC\n"), "{out}");
    assert!(out.contains("legend:"));
    assert!(out.contains("person        إيمانويل ماكرون ×1"));
    // Not a terminal: no ANSI codes even without --no-color.
    let o = kashif(&["analyze", "-"], Some("زار ماكرون برلين".as_bytes()));
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn jsonl_gives_one_record_per_file_or_stdin_line() {
    let a = tmp("a.txt", "روسيا".as_bytes());
    let b = tmp("b.txt", "أوكرانيا وروسيا".as_bytes());
    let o = kashif(&["analyze", a.to_str().unwrap(), b.to_str().unwrap(), "--format", "jsonl"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["input"], a.to_str().unwrap());
    assert_eq!(lines[1]["spans"].as_array().unwrap().len(), 2);

    let o = kashif(&["analyze", "-", "--format", "jsonl"], Some("روسيا\r\n\nفى 24 فبراير 2022\n".as_bytes()));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(json).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["input"], "<stdin>:2");
    assert_eq!(lines[1]["spans"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["spans"][0]["value"], "XXXX-02-24".replace("XXXX", "2022"));
}

#[test]
fn rules_only_leaves_the_entity_model_out_and_nothing_else() {
    // A name no lexicon or rule knows, which the model finds from its context.
    let text = "وقال سامي العرباوي إن الاتفاق سيوقع يوم 5 مايو 2024 في تونس.";
    let spans = |args: &[&str]| -> Vec<(String, String)> {
        let v = json(&stdout(&kashif(args, Some(text.as_bytes()))));
        assert_contract(&v, text);
        v["spans"].as_array().unwrap().iter().map(|s| (s["kind"].as_str().unwrap().to_string(), s["source"].as_str().unwrap().to_string())).collect()
    };
    let with = spans(&["analyze", "-", "--format", "json"]);
    let without = spans(&["analyze", "-", "--format", "json", "--rules-only"]);
    assert!(with.iter().any(|(_, source)| source == "model"), "{with:?}");
    assert!(!without.iter().any(|(_, source)| source == "model"), "{without:?}");
    // Dates and places are the same either way.
    let not_person = |v: &[(String, String)]| v.iter().filter(|(k, _)| k != "person").cloned().collect::<Vec<_>>();
    assert_eq!(not_person(&with), not_person(&without));
}

#[test]
fn empty_article_is_an_empty_analysis() {
    let p = tmp("empty.txt", b"");
    let o = kashif(&["analyze", p.to_str().unwrap(), "--format", "json"], None);
    assert!(o.status.success());
    assert_eq!(json(&stdout(&o)), json(r#"{"encoding":"utf-16","spans":[],"entities":[]}"#));
}

/// `errors!(args, stdin => exit code, message part)`: a one-line error and a non-zero exit.
macro_rules! errors {
    ($($args:expr, $stdin:expr => $code:expr, $msg:expr;)+) => {
        $(
            let o = kashif(&$args, $stdin);
            assert_eq!(o.status.code(), Some($code), "{:?}: {}", $args, stderr(&o));
            let err = stderr(&o);
            assert!(err.lines().next().unwrap().contains($msg), "{:?}: {err}", $args);
            assert!(o.stdout.is_empty(), "{:?} printed {}", $args, stdout(&o));
        )+
    };
}

#[test]
fn bad_input_is_a_clear_one_line_error() {
    let latin1 = tmp("latin1.txt", b"caf\xe9 \xd8\xb1");
    let dir = std::env::temp_dir();
    errors! {
        ["analyze", latin1.to_str().unwrap()], None => 1, "latin1.txt: not UTF-8 text (the first invalid byte is at offset 3)";
        ["analyze", "/no/such/file.txt"], None => 1, "cannot read /no/such/file.txt: no such file";
        ["analyze", dir.to_str().unwrap()], None => 1, "cannot read";
        ["analyze", "-", "--date", "2024-02-30"], Some(&b"x"[..]) => 2, "--date: bad date \"2024-02-30\"";
        ["analyze", "-", "--date", "15/11/2024"], Some(&b"x"[..]) => 2, "bad date";
        ["analyze", "-", "--date"], None => 2, "--date needs a value";
        ["analyze", "-", "--format", "xml"], None => 2, "unknown format \"xml\"";
        ["analyze"], None => 2, "nothing to analyze";
        ["analyze", "--seed", "nope"], None => 1, "no bundled seed \"nope\"";
        ["analyze", "a.txt", "b.txt"], None => 2, "several inputs need --format jsonl";
        ["analyze", "-", "--colour"], None => 2, "unknown option \"--colour\"";
        ["frobnicate"], None => 2, "unknown command \"frobnicate\"";
    }
}

#[test]
fn with_several_inputs_a_bad_one_loses_nothing_else() {
    let good = tmp("good.txt", "روسيا".as_bytes());
    let o = kashif(&["analyze", "/no/such.txt", good.to_str().unwrap(), "--format", "jsonl"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "kashif: cannot read /no/such.txt: no such file\n");
    assert_eq!(stdout(&o).lines().count(), 1);

    let o = kashif(&["analyze", "-", "--format", "jsonl"], Some(&b"\xd8\xb1\xd9\x88\n\xff\n\xd8\xb1\n"[..]));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "kashif: <stdin>:2: not UTF-8 text (the first invalid byte is at offset 0)\n");
    let inputs: Vec<String> = stdout(&o).lines().map(|l| json(l)["input"].as_str().unwrap().to_string()).collect();
    assert_eq!(inputs, ["<stdin>:1", "<stdin>:3"]);
}

#[test]
fn markup_is_text_and_ten_megabytes_are_analysed() {
    let piece = "<script>alert(1)</script> قال ماكرون فى باريس يوم 3 مارس 2023 إن «فرنسا ستواصل دعم أوكرانيا».\n";
    let big = piece.repeat(10_000_000 / piece.len() + 1);
    let o = kashif(&["analyze", "-", "--format", "json"], Some(big.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&stdout(&o));
    let spans = v["spans"].as_array().unwrap();
    assert!(spans.len() >= 6 * (big.len() / piece.len()), "{} spans", spans.len());
    assert!(spans.iter().all(|s| !s["text"].as_str().unwrap().contains('<')));
}

#[test]
fn help_and_version() {
    let o = kashif(&["--help"], None);
    assert!(o.status.success() && stdout(&o).contains("kashif analyze"));
    let o = kashif(&["--version"], None);
    assert_eq!(stdout(&o).trim(), format!("kashif {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_reader_that_goes_away_is_no_error() {
    // kashif bench | head -1: the first line read, the pipe closed, the rest of the output
    // fails to be written; the program ends quietly instead of panicking.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kashif")).args(["bench", "--seconds", "0.2"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
    assert!(first.starts_with("kashif "), "{first}");
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{:?}", o.status);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn bench_reports_throughput() {
    let o = kashif(&["bench", "--seconds", "0.2"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    // The whole analyzer over the seeds and the long text, then each stage over the seeds.
    for label in ["seeds", "1 MB article", "normalize + tokenize", "entities: lexicons + rules", "entities: + model", "time expressions", "quotations"] {
        let line = out.lines().find(|l| l.trim_start().starts_with(label)).unwrap_or_else(|| panic!("no {label:?} line in:\n{out}"));
        let rate: f64 = line.split_whitespace().rev().nth(1).and_then(|x| x.parse().ok()).unwrap_or_else(|| panic!("no rate in {line:?}"));
        assert!(rate > 0.0 && line.ends_with("MB/s"), "{line}");
    }
}
