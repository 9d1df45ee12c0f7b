//! The `kashif` command: analyze Arabic news articles from files, stdin or the bundled seeds.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use kashif::output::{Encoding, Output};
use kashif::{analyze, analyze_bytes, seeds, Analysis, Kind, Options};

const USAGE: &str = "\
kashif — Arabic news-article analyzer (entities, time expressions, quotations)

Usage:
  kashif analyze [FILE|-]... [--seed ID] [--date YYYY-MM-DD] [--format text|json|jsonl] [--no-color] [--rules-only]
  kashif seeds
  kashif bench [--seconds N]
  kashif train [--corpus FILE] [--out FILE] [--validate] [--no-jackknife] [--epochs N] [--l1 X] [--eta X] [--decay X]
  kashif --version | --help

analyze   Analyze FILEs (or stdin with -) or a bundled seed (--seed ID). --date is the
          publication date relative expressions resolve against (a seed brings its own).
          text: the article with coloured marks and a legend; json: the analysis, offsets in
          UTF-16 code units as in the browser; jsonl: one JSON object a line, for each FILE or,
          reading stdin, for each line of it. --rules-only: entities from the lexicons and rules
          alone, without the entity model (to measure what the model adds).
seeds     List the bundled example articles.
bench     Measure native throughput of analyze() over the seeds and a 1 MB text, in MB/s, then of
          each stage over the seeds.
train     Train the entity model on the first 90% of ANERcorp's sentences (data/model/ner.bin),
          its lexicon features jackknifed (run from the repository's root: it runs
          scripts/lexicon/mine_anercorp.py); --validate scores held-out ninths, writes nothing.
";

/// A failure the user can act on: printed as one line, exit status 1 (2 for usage).
struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), usage: true }
    }
    fn input(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), usage: false }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                // An empty message: the failures were reported as they happened.
                eprintln!("kashif: {}", f.message);
            }
            if f.usage {
                eprintln!("Try 'kashif --help'.");
            }
            ExitCode::from(if f.usage { 2 } else { 1 })
        }
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some("-V" | "--version" | "version") => {
            kashif::say!("kashif {}", kashif::version());
            Ok(())
        }
        Some("analyze") => cmd_analyze(&args[1..]),
        Some("seeds") => cmd_seeds(&args[1..]),
        Some("bench") => cmd_bench(&args[1..]),
        Some("train") => kashif::model::train::cli(&args[1..]).map_err(|e| match e {
            kashif::model::train::CliError::Usage(m) => Failure::usage(m),
            kashif::model::train::CliError::Failed(m) => Failure::input(m),
        }),
        Some(other) => Err(Failure::usage(format!("unknown command {other:?}"))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

struct AnalyzeArgs {
    inputs: Vec<String>,
    seed: Option<String>,
    date: Option<String>,
    format: Format,
    color: bool,
    rules_only: bool,
}

fn parse_analyze(args: &[String]) -> Result<AnalyzeArgs, Failure> {
    let mut a = AnalyzeArgs { inputs: Vec::new(), seed: None, date: None, format: Format::Text, color: true, rules_only: false };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, Failure> {
            inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| Failure::usage(format!("{name} needs a value")))
        };
        match flag {
            "--seed" => a.seed = Some(value("--seed")?),
            "--date" => a.date = Some(value("--date")?),
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    other => return Err(Failure::usage(format!("unknown format {other:?} (text, json or jsonl)"))),
                }
            }
            "--no-color" => a.color = false,
            "--rules-only" => a.rules_only = true,
            f if f.starts_with("--") => return Err(Failure::usage(format!("unknown option {f:?}"))),
            _ => a.inputs.push(arg.clone()),
        }
    }
    match (&a.seed, a.inputs.len(), a.format) {
        (Some(_), n, _) if n > 0 => Err(Failure::usage("give either --seed or input files, not both")),
        (None, 0, _) => Err(Failure::usage("nothing to analyze: give a FILE, - for stdin, or --seed ID")),
        (None, n, Format::Text | Format::Json) if n > 1 => {
            Err(Failure::usage("several inputs need --format jsonl (one JSON object a line)"))
        }
        _ => Ok(a),
    }
}

/// One text to analyze, with a name for messages and JSON Lines records.
struct Input {
    name: String,
    bytes: Vec<u8>,
}

fn read_input(path: &str) -> Result<Input, Failure> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).map_err(|e| Failure::input(format!("cannot read stdin: {e}")))?;
        b
    } else {
        std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {path}: {}", io_reason(&e))))?
    };
    Ok(Input { name: if path == "-" { "<stdin>".into() } else { path.to_string() }, bytes })
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "it is a directory".into(),
        _ => e.to_string(),
    }
}

fn cmd_analyze(args: &[String]) -> Result<(), Failure> {
    let a = parse_analyze(args)?;
    let mut opts = match &a.date {
        Some(d) => Options::with_date(d).map_err(|e| Failure::usage(format!("--date: {e}")))?,
        None => Options::default(),
    };
    opts.rules_only = a.rules_only;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let color = a.color && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();

    if let Some(id) = &a.seed {
        let seed = seeds::find(id).ok_or_else(|| {
            let ids: Vec<&str> = seeds::SEEDS.iter().map(|s| s.id).collect();
            Failure::input(format!("no bundled seed {id:?} (there are: {})", ids.join(", ")))
        })?;
        if opts.date.is_none() {
            opts.date = Some(seed.date.parse().expect("seed dates are valid (tested)"));
        }
        let analysis = analyze(seed.text, &opts).map_err(|e| Failure::input(format!("seed {}: {e}", seed.id)))?;
        return emit(&mut out, a.format, seed.id, seed.text, &analysis, color);
    }

    // Several inputs: a bad one is reported on its own line and the others still go through;
    // the exit status says that something failed.
    let mut failed = 0;
    let mut report = |f: Failure| {
        eprintln!("kashif: {}", f.message);
        failed += 1;
    };
    if a.format == Format::Jsonl && a.inputs == ["-"] {
        // JSON Lines from stdin: one record per line of input.
        let stdin = io::stdin();
        for (n, line) in stdin.lock().split(b'\n').enumerate() {
            let line = line.map_err(|e| Failure::input(format!("cannot read stdin: {e}")))?;
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            let name = format!("<stdin>:{}", n + 1);
            match analyze_bytes(line, &opts) {
                Ok(analysis) => {
                    let text = std::str::from_utf8(line).expect("checked by analyze_bytes");
                    emit(&mut out, Format::Jsonl, &name, text, &analysis, false)?;
                }
                Err(e) => report(Failure::input(format!("{name}: {e}"))),
            }
        }
    } else {
        for path in &a.inputs {
            let input = match read_input(path) {
                Ok(i) => i,
                Err(f) => {
                    report(f);
                    continue;
                }
            };
            match analyze_bytes(&input.bytes, &opts) {
                Ok(analysis) => {
                    let text = std::str::from_utf8(&input.bytes).expect("checked by analyze_bytes");
                    emit(&mut out, a.format, &input.name, text, &analysis, color)?;
                }
                Err(e) => report(Failure::input(format!("{}: {e}", input.name))),
            }
        }
    }
    match failed {
        0 => Ok(()),
        _ => Err(Failure { message: String::new(), usage: false }),
    }
}

fn emit(out: &mut impl Write, format: Format, name: &str, text: &str, a: &Analysis, color: bool) -> Result<(), Failure> {
    let r = match format {
        Format::Json => writeln!(out, "{}", Output::new(text, a, Encoding::Utf16).to_json()),
        Format::Jsonl => {
            // The record names its input first, then the contract's fields.
            let json = Output::new(text, a, Encoding::Utf16).to_json();
            writeln!(out, "{{\"input\":{},{}", serde_json::to_string(name).unwrap(), &json[1..])
        }
        Format::Text => write_text(out, text, a, color),
    };
    r.and_then(|_| out.flush()).or_else(|e| {
        // A closed pipe (kashif … | head) is not an error worth a message.
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0)
        } else {
            Err(Failure::input(format!("cannot write output: {e}")))
        }
    })
}

/// ANSI style and bracket label of each kind in the terminal.
fn style(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Person => ("\x1b[30;46m", "PER"),
        Kind::Organization => ("\x1b[30;43m", "ORG"),
        Kind::Location => ("\x1b[30;42m", "LOC"),
        Kind::Misc => ("\x1b[30;47m", "MISC"),
        Kind::Date | Kind::Duration | Kind::Relative => ("\x1b[30;45m", "TIME"),
        Kind::Quote => ("\x1b[3;4m", "QUOTE"),
        Kind::Cue => ("\x1b[1m", "CUE"),
        Kind::Reported => ("\x1b[4m", "REPORTED"),
        Kind::Role => ("\x1b[2;4m", "ROLE"),
    }
}

/// The article with its marks, then a legend and the tables of what was found. With colour,
/// marks are ANSI styles; without, every mark is a bracket with its label, so colour is never
/// the only cue.
fn write_text(out: &mut impl Write, text: &str, a: &Analysis, color: bool) -> io::Result<()> {
    // Boundaries: (offset, is_end, span index); ends before starts at the same offset.
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(a.spans.len() * 2);
    for (i, s) in a.spans.iter().enumerate() {
        events.push((s.start, false, i));
        events.push((s.end, true, i));
    }
    events.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(if x.1 { y.2.cmp(&x.2) } else { x.2.cmp(&y.2) }));
    let mut active: Vec<usize> = Vec::new();
    let mut pos = 0;
    for (at, is_end, i) in events {
        out.write_all(&text.as_bytes()[pos..at])?;
        pos = at;
        let kind = a.spans[i].kind;
        if is_end {
            active.retain(|&j| j != i);
            if color {
                write!(out, "\x1b[0m")?;
                for &j in &active {
                    write!(out, "{}", style(a.spans[j].kind).0)?;
                }
            } else {
                write!(out, "]{}", style(kind).1)?;
            }
        } else {
            active.push(i);
            if color {
                write!(out, "{}", style(kind).0)?;
            } else {
                write!(out, "[")?;
            }
        }
    }
    out.write_all(&text.as_bytes()[pos..])?;
    if !text.ends_with('\n') {
        writeln!(out)?;
    }
    let paint = |k: Kind, s: &str| if color { format!("{}{s}\x1b[0m", style(k).0) } else { format!("[{s}]{}", style(k).1) };
    writeln!(out, "\n── legend: {} {} {} {} {} {}",
        paint(Kind::Person, "person"), paint(Kind::Organization, "organization"), paint(Kind::Location, "location"),
        paint(Kind::Misc, "misc"), paint(Kind::Date, "time"), paint(Kind::Quote, "quote"))?;
    if !a.entities.is_empty() {
        writeln!(out, "── entities")?;
        for e in &a.entities {
            writeln!(out, "  {:<13} {} ×{}", e.kind.name(), e.name, e.mentions)?;
        }
    }
    let times: Vec<_> = a.spans.iter().filter(|s| s.kind.is_time()).collect();
    if !times.is_empty() {
        writeln!(out, "── time expressions")?;
        for s in times {
            writeln!(out, "  {:<13} {} = {}", s.kind.name(), &text[s.range()], s.value.as_deref().unwrap_or("?"))?;
        }
    }
    let quotes: Vec<_> = a.of_kind(Kind::Quote).collect();
    if !quotes.is_empty() {
        writeln!(out, "── quotations")?;
        for s in quotes {
            let q: String = text[s.range()].chars().take(60).collect();
            let who = s.speaker.as_ref().and_then(|sp| sp.name.as_deref()).unwrap_or("(no attributed speaker)");
            writeln!(out, "  {who}: «{q}{}»", if text[s.range()].chars().count() > 60 { "…" } else { "" })?;
        }
    }
    Ok(())
}

fn cmd_seeds(args: &[String]) -> Result<(), Failure> {
    if let Some(a) = args.first() {
        return Err(Failure::usage(format!("seeds takes no arguments, got {a:?}")));
    }
    for s in seeds::SEEDS {
        kashif::say!("{}\t{}\t{} chars\t{}", s.id, s.date, s.text.chars().count(), s.title);
    }
    Ok(())
}

/// Runs `run` over `texts` until `budget` is spent (three times at least) and prints the median
/// time of one pass and the throughput.
fn measure(label: &str, texts: &[&str], budget: Duration, mut run: impl FnMut(&str)) {
    let bytes = texts.iter().map(|t| t.len()).sum();
    measure_n(label, bytes, texts.len(), budget, &mut |i| run(texts[i]));
}

/// Runs `run(0..n)` as one pass, over and over until `budget` is spent (three passes at least),
/// and prints the median time of a pass and its throughput over `bytes`.
fn measure_n(label: &str, bytes: usize, n: usize, budget: Duration, run: &mut dyn FnMut(usize)) {
    let (mut runs, start) = (0u64, Instant::now());
    let mut per_run = Vec::new();
    while start.elapsed() < budget || runs < 3 {
        let t = Instant::now();
        (0..n).for_each(&mut *run);
        per_run.push(t.elapsed());
        runs += 1;
    }
    per_run.sort();
    let median = per_run[per_run.len() / 2];
    kashif::say!("{label:<30} {runs:>6} runs  median {:>9.3} ms  {:>8.2} MB/s", median.as_secs_f64() * 1e3, bytes as f64 / median.as_secs_f64() / 1e6);
}

fn cmd_bench(args: &[String]) -> Result<(), Failure> {
    let mut seconds = 3.0f64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                seconds = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|s: &f64| *s > 0.0)
                    .ok_or_else(|| Failure::usage("--seconds needs a positive number"))?
            }
            other => return Err(Failure::usage(format!("unknown option {other:?}"))),
        }
    }
    // Half the time to the whole analyzer, half to its stages one by one.
    let budget = Duration::from_secs_f64(seconds / 4.0);
    // Every seed, and one long text made of all seeds repeated to about 1 MB.
    let corpus: String = seeds::SEEDS.iter().map(|s| s.text).collect::<Vec<_>>().join("\n");
    let long = corpus.repeat((1 << 20) / corpus.len().max(1) + 1);
    let opts = Options::with_date("2024-11-15").expect("valid");
    kashif::say!("kashif {} bench ({} seed(s), {} bytes; long text {} bytes)", kashif::version(), seeds::SEEDS.len(), corpus.len(), long.len());
    let seed_texts: Vec<&str> = seeds::SEEDS.iter().map(|s| s.text).collect();
    for (label, texts) in [("seeds", seed_texts.clone()), ("1 MB article", vec![long.as_str()])] {
        let mut failure = None;
        measure(label, &texts, budget, |text| {
            if let Err(e) = analyze(text, &opts) {
                failure.get_or_insert(e);
            }
        });
        if let Some(e) = failure {
            return Err(Failure::input(e.to_string()));
        }
    }
    // The stages over the seeds, each given the document (and what it reads) made beforehand.
    use kashif::{doc::Doc, entities, quotes, timex};
    kashif::say!("stages over the seeds:");
    let docs: Vec<Doc> = seed_texts.iter().map(|t| Doc::new(t)).collect();
    let found: Vec<_> = docs.iter().map(entities::analyze).collect();
    let (bytes, tables) = (corpus.len() - (seed_texts.len() - 1), &*entities::tables::TABLES);
    let stage = |label: &str, run: &mut dyn FnMut(usize)| measure_n(label, bytes, docs.len(), budget, run);
    stage("  normalize + tokenize", &mut |i| drop(std::hint::black_box(Doc::new(seed_texts[i]))));
    stage("  entities: lexicons + rules", &mut |i| drop(std::hint::black_box(entities::find_with(&docs[i], tables, None))));
    stage("  entities: + model, grouped", &mut |i| drop(std::hint::black_box(entities::analyze(&docs[i]))));
    stage("  time expressions", &mut |i| drop(std::hint::black_box(timex::find(&docs[i], opts.date))));
    stage("  quotations", &mut |i| drop(std::hint::black_box(quotes::find(&docs[i], &found[i].0, &found[i].1))));
    Ok(())
}
