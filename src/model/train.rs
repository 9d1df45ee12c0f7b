//! Training the entity model: `kashif train`.
//!
//! The corpus is a CoNLL file, one `TOKEN TAG` a line (BIO tags PERS, LOC, ORG, MISC), a blank
//! line between sentences: ANERcorp's `train.txt`. Its sentences split as `scripts/eval_ner.py`
//! splits them: the first 90% train the model, the last 10% are the held-out dev part, never
//! read here except to leave it out.
//!
//! Each sentence becomes the text its tokens make joined by spaces, analysed as the product
//! analyses text (normalized, tokenized: our tokens split punctuation and digits off where the
//! corpus did not). Every one of our tokens takes the tag of the corpus token it lies in; a
//! name's punctuation at its edges is left out of it.
//!
//! Training maximizes the conditional log-likelihood of the labellings by stochastic gradient
//! descent with an L1 penalty applied as a cumulative penalty (Tsuruoka, Tsujii and Ananiadou,
//! ACL 2009), which drives most weights to exactly zero: the model file keeps only the others,
//! quantized to one byte each. Sentences are visited in a shuffled order drawn from a fixed seed:
//! the same corpus and options give the same model, byte for byte.


use std::ops::Range;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::crf::{Chain, ForwardBackward, Labels};
use super::features::{self, FEATURES_VERSION};
use super::format::Stored;
use super::Model;
use crate::doc::Doc;
use crate::entities::scan::Ctx;
use crate::entities::tables::{Tables, TABLES};
use crate::entities::{self, cues, lexicon};
use crate::fxhash::{FxHashMap, FxHasher};
use crate::span::Kind;
use crate::testing::Rng;
use crate::tokenize::TokenKind;

/// One sentence of a CoNLL corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Reads a CoNLL corpus: `TOKEN TAG` lines (a line of one field is a token tagged O), sentences
/// separated by blank lines.
pub fn read_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence { words: Vec::new(), tags: Vec::new() };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(&mut cur, Sentence { words: Vec::new(), tags: Vec::new() }));
            }
            continue;
        }
        let (word, tag) = match line.rsplit_once(' ') {
            Some((w, t)) if !w.is_empty() => (w, t),
            _ => (line, "O"),
        };
        cur.words.push(word.to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// The training part and the held-out dev part (its last tenth) of a corpus.
pub fn split(sents: &[Sentence]) -> (&[Sentence], &[Sentence]) {
    sents.split_at(sents.len() - sents.len() / 10)
}

/// The kind a CoNLL type names (PERS, LOC, ORG, MISC and AQMAR's MIS0…MIS3).
fn kind_of(t: &str) -> Option<Kind> {
    Some(match t {
        "PERS" | "PER" => Kind::Person,
        "LOC" => Kind::Location,
        "ORG" => Kind::Organization,
        t if t.starts_with("MIS") => Kind::Misc,
        _ => return None,
    })
}

/// The names of a tagged sentence as `(first, last, kind)` over its tokens, read as `conll.py`
/// reads them: an I- tag of another kind than the open name starts a new name.
pub fn names(tags: &[String]) -> Vec<(usize, usize, Kind)> {
    let mut out: Vec<(usize, usize, Kind)> = Vec::new();
    let mut open = false;
    for (i, tag) in tags.iter().enumerate() {
        let (pre, t) = tag.split_at(tag.len().min(2));
        let kind = if matches!(pre, "B-" | "I-") { kind_of(t) } else { None };
        match (pre, kind) {
            ("I-", Some(k)) if open && out.last().is_some_and(|n| n.2 == k) => out.last_mut().unwrap().1 = i,
            (_, Some(k)) => {
                out.push((i, i, k));
                open = true;
            }
            _ => open = false,
        }
    }
    out
}

/// A sentence as the model sees it.
#[derive(Clone, Debug)]
pub struct Example {
    pub text: String,
    /// Where each corpus token starts in the text.
    pub starts: Vec<usize>,
    /// For each of our tokens, the corpus token it lies in.
    pub word_of: Vec<usize>,
    /// The gold names over the corpus tokens.
    pub gold: Vec<(usize, usize, Kind)>,
    /// The gold names over our tokens (those that cover at least one).
    pub gold_ours: Vec<(usize, usize, Kind)>,
}

impl Example {
    pub fn new(s: &Sentence) -> Example {
        let text = s.words.join(" ");
        let doc = Doc::new(&text);
        let mut starts = Vec::with_capacity(s.words.len());
        let mut at = 0;
        for w in &s.words {
            starts.push(at);
            at += w.len() + 1;
        }
        let word_of: Vec<usize> = doc
            .tokens
            .iter()
            .map(|t| starts.partition_point(|&st| st <= doc.norm.original_range(t.range()).start) - 1)
            .collect();
        let gold = names(&s.tags);
        let gold_ours = gold
            .iter()
            .filter_map(|&(a, b, k)| {
                let inside: Vec<usize> = (0..word_of.len()).filter(|&j| (a..=b).contains(&word_of[j])).collect();
                let words: Vec<usize> = inside.iter().copied().filter(|&j| doc.tokens[j].kind != TokenKind::Punct).collect();
                let keep = if words.is_empty() { &inside } else { &words };
                Some((*keep.first()?, *keep.last()?, k))
            })
            .collect();
        Example { text, starts, word_of, gold, gold_ours }
    }

    /// The corpus token at byte `at` of the text.
    fn word_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at) - 1
    }
}

/// Precision, recall and F1 counts, CoNLL style (exact span and kind).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores of a model on examples: all four kinds, the three without misc, and each kind.
#[derive(Clone, Debug)]
pub struct Score {
    pub four: Counts,
    pub three: Counts,
    pub kinds: [(Kind, Counts); 4],
}

impl Default for Score {
    fn default() -> Score {
        Score { four: Counts::default(), three: Counts::default(), kinds: super::crf::KINDS.map(|k| (k, Counts::default())) }
    }
}

impl Score {
    /// Adds the counts of another score (micro-averaging over both).
    pub fn add(&mut self, o: &Score) {
        for (a, b) in [(&mut self.four, &o.four), (&mut self.three, &o.three)].into_iter().chain(self.kinds.iter_mut().map(|k| &mut k.1).zip(o.kinds.iter().map(|k| &k.1))) {
            a.tp += b.tp;
            a.fp += b.fp;
            a.fn_ += b.fn_;
        }
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pr = |c: &Counts| (c.tp as f64 / (c.tp + c.fp).max(1) as f64, c.tp as f64 / (c.tp + c.fn_).max(1) as f64);
        let (p, r) = pr(&self.three);
        write!(f, "3-type F1 {:.4} (P {p:.3} R {r:.3}), 4-type F1 {:.4} (", self.three.f1(), self.four.f1())?;
        for (i, (k, c)) in self.kinds.iter().enumerate() {
            write!(f, "{}{} {:.3}", if i > 0 { ", " } else { "" }, k.name(), c.f1())?;
        }
        write!(f, ")")
    }
}

/// A finder of names in a document, as (kind, byte range in the original text).
pub type Finder<'a> = dyn Fn(&Doc) -> Vec<(Kind, Range<usize>)> + 'a;

/// The names the model alone finds, with the given tables' lexicons and rules as its features.
pub fn model_alone<'a>(model: &'a Model, tables: &'a Tables) -> Box<Finder<'a>> {
    Box::new(move |doc| {
        let ctx = Ctx::new(doc, tables);
        model.tag(&ctx, &entities::rules_kept(&ctx)).into_iter().map(|s| (s.kind, s.original)).collect()
    })
}

/// The names the entity stage finds with the given tables, and the model if given.
pub fn stage<'a>(model: Option<&'a Model>, tables: &'a Tables) -> Box<Finder<'a>> {
    Box::new(move |doc| {
        let mentions = entities::find_with(doc, tables, model);
        mentions.into_iter().filter(|m| m.span.kind.is_entity()).map(|m| (m.span.kind, m.span.range())).collect()
    })
}

/// Examples as one text, a line each (as `conll.py text` writes a corpus), and where each line
/// starts.
fn one_text(examples: &[Example]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut lines = Vec::with_capacity(examples.len());
    for ex in examples {
        lines.push(text.len());
        text.push_str(&ex.text);
        text.push('\n');
    }
    (text, lines)
}

/// Scores a finder on examples, exactly as `conll.py` would score its names: the examples make
/// one text, a line each, which it reads as it reads any document; a name counts on the corpus
/// tokens it touches.
pub fn evaluate(find: &Finder, examples: &[Example]) -> Score {
    let (text, lines) = one_text(examples);
    let mut pred: Vec<Vec<(usize, usize, Kind)>> = vec![Vec::new(); examples.len()];
    for (kind, range) in find(&Doc::new(&text)) {
        let (start, end) = (range.start, range.end);
        let e = lines.partition_point(|&l| l <= start) - 1;
        let ex = &examples[e];
        pred[e].push((ex.word_at(start - lines[e]), ex.word_at(end - 1 - lines[e]), kind));
    }
    let mut s = Score::default();
    for (ex, pred) in examples.iter().zip(&pred) {
        let count = |c: &mut Counts, keep: &dyn Fn(Kind) -> bool| {
            let p: Vec<_> = pred.iter().filter(|n| keep(n.2)).collect();
            let g: Vec<_> = ex.gold.iter().filter(|n| keep(n.2)).collect();
            let tp = p.iter().filter(|n| g.contains(n)).count();
            c.tp += tp;
            c.fp += p.len() - tp;
            c.fn_ += g.len() - tp;
        };
        count(&mut s.four, &|_| true);
        count(&mut s.three, &|k| k != Kind::Misc);
        for (k, c) in &mut s.kinds {
            let k = *k;
            count(c, &|x| x == k);
        }
    }
    s
}

/// How to train.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// The L1 penalty: larger gives a smaller, sparser model.
    pub l1: f64,
    /// The initial learning rate.
    pub eta: f64,
    /// The learning rate's decay over one pass (η = η₀ · decay^(pass)).
    pub decay: f64,
    /// The seed of the shuffled visiting order.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options { epochs: 30, l1: 0.1, eta: 0.1, decay: 0.85, seed: 7 }
    }
}

/// One training sentence: the feature keys of each token and the gold labels.
#[derive(Clone, Debug)]
pub struct Featured {
    keys: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<usize>,
}

/// The features of examples, read as one text, a line each (as they are read when scored), with
/// the given tables' lexicons and rules.
pub fn featurize(examples: &[Example], tables: &Tables) -> Vec<Featured> {
    let labels = Labels::default();
    let (text, lines) = one_text(examples);
    let doc = Doc::new(&text);
    let ctx = Ctx::new(&doc, tables);
    let rules = entities::rules_kept(&ctx);
    let evidence = features::Evidence::new(&ctx, &rules);
    let mut f = features::Features::default();
    let mut out = Vec::with_capacity(examples.len());
    let mut first = 0;
    for (ex, &line) in examples.iter().zip(&lines) {
        let end = first + ex.word_of.len();
        debug_assert!(end <= doc.tokens.len() && (first == end || doc.norm.original_range(doc.tokens[first].range()).start >= line));
        features::extract(&ctx, &evidence, first..end, &mut f);
        out.push(Featured { keys: f.keys.clone(), starts: f.starts.clone(), gold: labels.encode(end - first, &ex.gold_ours) });
        first = end;
    }
    assert_eq!(first, doc.tokens.len(), "a sentence's tokens differ read alone and in a text");
    out
}

/// One training sentence: the dense feature ids of each token and the gold labels.
struct Instance {
    ids: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<usize>,
}

/// Trains a model on featurized sentences; `log` receives a line per pass.
pub fn train(data: &[Featured], opts: &Options, log: &mut dyn FnMut(&str)) -> Stored {
    let labels = Labels::default();
    let l = labels.len();
    let mut index: FxHashMap<u32, u32> = FxHashMap::default();
    let mut keys: Vec<u32> = Vec::new();
    let instances: Vec<Instance> = data
        .iter()
        .filter(|d| !d.gold.is_empty())
        .map(|d| {
            let ids = d
                .keys
                .iter()
                .map(|&k| {
                    *index.entry(k).or_insert_with(|| {
                        keys.push(k);
                        keys.len() as u32 - 1
                    })
                })
                .collect();
            Instance { ids, starts: d.starts.clone(), gold: d.gold.clone() }
        })
        .collect();
    let n_feat = keys.len();
    log(&format!("{} sentences, {} tokens, {} features, {} labels", instances.len(), instances.iter().map(|i| i.gold.len()).sum::<usize>(), n_feat, l));

    let mut w = vec![0f32; n_feat * l];
    // The penalty each weight has received so far (q in Tsuruoka et al.).
    let mut q = vec![0f32; n_feat * l];
    let mut start = vec![0f32; l];
    let mut trans = vec![0f32; l * l];
    let mut end = vec![0f32; l];
    let mut total_penalty = 0f64;
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let mut rng = Rng::new(opts.seed);
    let mut fb = ForwardBackward::default();
    let mut emit = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut stamp = vec![u32::MAX; n_feat];
    let n = instances.len() as f64;
    let mut step = 0usize;
    for epoch in 0..opts.epochs {
        let t0 = Instant::now();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut loglik = 0f64;
        for &s in &order {
            let inst = &instances[s];
            let len = inst.gold.len();
            let eta = opts.eta * opts.decay.powf(step as f64 / n);
            step += 1;
            total_penalty += eta * opts.l1 / n;
            let chain = Chain::new(&labels, &start, &trans, &end);
            emit.clear();
            emit.resize(len * l, 0.0);
            for t in 0..len {
                for &id in &inst.ids[inst.starts[t]..inst.starts[t + 1]] {
                    let row = &w[id as usize * l..(id as usize + 1) * l];
                    for (e, &x) in emit[t * l..(t + 1) * l].iter_mut().zip(row) {
                        *e += x;
                    }
                }
            }
            chain.forward_backward(&emit, len, &mut fb);
            loglik += chain.score(&emit, &inst.gold) as f64 - fb.log_z();
            let eta = eta as f32;
            touched.clear();
            for t in 0..len {
                let g = inst.gold[t];
                let grad: Vec<f32> = (0..l).map(|y| eta * ((y == g) as u8 as f32 - fb.marginal(t, y))).collect();
                for &id in &inst.ids[inst.starts[t]..inst.starts[t + 1]] {
                    let row = &mut w[id as usize * l..(id as usize + 1) * l];
                    for (x, d) in row.iter_mut().zip(&grad) {
                        *x += d;
                    }
                    if stamp[id as usize] != step as u32 {
                        stamp[id as usize] = step as u32;
                        touched.push(id);
                    }
                }
            }
            for b in 0..l {
                start[b] += eta * ((inst.gold[0] == b) as u8 as f32 - fb.marginal(0, b));
                end[b] += eta * ((inst.gold[len - 1] == b) as u8 as f32 - fb.marginal(len - 1, b));
            }
            for t in 1..len {
                let (ga, gb) = (inst.gold[t - 1], inst.gold[t]);
                trans[ga * l + gb] += eta;
                for a in 0..l {
                    for b in 0..l {
                        if labels.allowed(a, b) {
                            trans[a * l + b] -= eta * chain.pair(&fb, t, a, b);
                        }
                    }
                }
            }
            let u = total_penalty as f32;
            for &id in &touched {
                for j in id as usize * l..(id as usize + 1) * l {
                    let z = w[j];
                    if z > 0.0 {
                        w[j] = (z - (u + q[j])).max(0.0);
                    } else if z < 0.0 {
                        w[j] = (z + (u - q[j])).min(0.0);
                    }
                    q[j] += w[j] - z;
                }
            }
        }
        let nonzero = w.iter().filter(|&&x| x != 0.0).count();
        log(&format!(
            "pass {:>2}: log-likelihood {:>10.1}, {} weights not zero, {:.1} s",
            epoch + 1,
            loglik,
            nonzero,
            t0.elapsed().as_secs_f64()
        ));
    }
    quantize(labels, &keys, &w, start, trans, end)
}

/// The model file's form of trained weights: each emission weight rounded to a multiple of one
/// step (the largest weight over 127), features whose weights all round to zero dropped.
fn quantize(labels: Labels, keys: &[u32], w: &[f32], start: Vec<f32>, trans: Vec<f32>, end: Vec<f32>) -> Stored {
    let l = labels.len();
    let max = w.iter().fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let mut rows: Vec<(u32, Vec<i8>)> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, w[i * l..(i + 1) * l].iter().map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect::<Vec<i8>>()))
        .filter(|(_, r)| r.iter().any(|&x| x != 0))
        .collect();
    rows.sort_by_key(|r| r.0);
    Stored { features_version: FEATURES_VERSION, labels, scale, start, trans, end, rows }
}

/// A failure of `kashif train`: a usage error or a failed run.
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Failed(String),
}

/// How many parts the training part is cut into: the folds of the jackknife, and the parts
/// `--validate` holds out.
const PARTS: usize = 9;

/// The parts `--validate` holds out in turn: every one (a cross-validation). The parts differ
/// much (one ninth scores 0.76, another 0.86): three of them, as chosen at first, were too few to
/// tell changes of a few tenths of a point apart.
const VALIDATION: [usize; PARTS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/// Where part `k` starts, as a fraction of the training part.
fn fraction(k: usize) -> f64 {
    k as f64 / PARTS as f64
}

/// The sentences of part `k` of `n`, cut exactly where `scripts/lexicon/mine_anercorp.py
/// --holdout` cuts at the same fractions.
fn part(n: usize, k: usize) -> Range<usize> {
    let at = |k: usize| (n as f64 * fraction(k)) as usize;
    at(k)..at(k + 1)
}

/// The script that mines names, first names and common words from the training part.
const MINER: &str = "scripts/lexicon/mine_anercorp.py";

/// The files the miner writes: their names in the lexicon and rule tables, and their paths under
/// its output directory.
const MINED: [(&str, &str); 3] =
    [("anercorp", "anercorp.tsv"), ("first_names_anercorp", "rules/first_names_anercorp.tsv"), ("common", "rules/common.txt")];

/// The compiled-in tables with their mined files mined again from the corpus's training part
/// without some of its parts: the lexicons and rules as they would be had those sentences never
/// been seen.
fn tables_without(corpus: &str, parts: &[usize], cache: &Path) -> Result<Tables, CliError> {
    let dir = cache.join(parts.iter().map(|k| k.to_string()).collect::<Vec<_>>().join("-"));
    if !dir.join(MINED[0].1).exists() {
        let mut cmd = Command::new("python3");
        cmd.arg(MINER).arg("--corpus").arg(corpus).arg("--out").arg(&dir);
        for &k in parts {
            cmd.arg("--holdout").arg(fraction(k).to_string()).arg(fraction(k + 1).to_string());
        }
        let out = cmd.output().map_err(|e| CliError::Failed(format!("cannot run python3 {MINER}: {e}")))?;
        if !out.status.success() {
            return Err(CliError::Failed(format!("{MINER} failed (run kashif train from the repository's root): {}", String::from_utf8_lossy(&out.stderr).trim())));
        }
    }
    let mut mined = Vec::new();
    for (name, path) in MINED {
        let path = dir.join(path);
        let text = std::fs::read_to_string(&path).map_err(|e| CliError::Failed(format!("cannot read {}: {e}", path.display())))?;
        mined.push((name, text));
    }
    let swap = |files: &[(&'static str, &'static str)]| -> Vec<(&'static str, &str)> {
        files.iter().map(|&(name, text)| (name, mined.iter().find(|m| m.0 == name).map_or(text, |m| m.1.as_str()))).collect()
    };
    Tables::build(&swap(lexicon::FILES), &swap(cues::FILES)).map_err(|e| CliError::Failed(format!("mined lexicons: {e}")))
}

/// Where the lexicon features of training sentences come from.
enum Lexicons<'a> {
    /// The compiled-in tables, mined from every training sentence.
    CompiledIn,
    /// Jackknifed: each part's sentences read with tables mined without that part (and
    /// without the part held out for validation, if any), as the names of a new text are read
    /// with tables that never saw it. The corpus file and where mined lexicons are kept.
    Jackknifed(&'a str, &'a Path),
}

impl Lexicons<'_> {
    /// The features of the sentences of `parts` of the training part, `held_out` left out of
    /// the mining too.
    fn featurize(&self, examples: &[Example], parts: &[usize], held_out: Option<usize>) -> Result<Vec<Featured>, CliError> {
        let mut out = Vec::with_capacity(examples.len());
        for &k in parts {
            let sents = &examples[part(examples.len(), k)];
            match self {
                Lexicons::CompiledIn => out.extend(featurize(sents, &TABLES)),
                Lexicons::Jackknifed(corpus, dir) => {
                    let without: Vec<usize> = std::iter::once(k).chain(held_out).collect();
                    out.extend(featurize(sents, &tables_without(corpus, &without, dir)?));
                }
            }
        }
        Ok(out)
    }

    /// The tables a model trained without part `held_out` is scored with on it, when not the
    /// compiled-in ones.
    fn scoring(&self, held_out: usize) -> Result<Option<Tables>, CliError> {
        Ok(match self {
            Lexicons::CompiledIn => None,
            Lexicons::Jackknifed(corpus, dir) => Some(tables_without(corpus, &[held_out], dir)?),
        })
    }
}

/// `kashif train`: trains on the first 90% of the corpus and writes the model file. The
/// lexicon and rule features of the training sentences are jackknifed (see [`Lexicons`]): the
/// mined lexicons hold every name of the training part, so read with them the training
/// sentences would teach the model to trust them more than a new text allows.
///
/// With `--validate`, writes nothing: it trains nine times, each time leaving out one ninth of
/// the training part (from the mining too), and scores on that
/// ninth the lexicons and rules alone, the model alone, and the entity stage with the model,
/// for choosing options without looking at the dev part.
pub fn cli(args: &[String]) -> Result<(), CliError> {
    let mut corpus = "../shared/data/anercorp/train.txt".to_string();
    let mut out = "data/model/ner.bin".to_string();
    let mut validate = false;
    let mut jackknife = true;
    let mut opts = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| CliError::Usage(format!("{name} needs a value")));
        let number = |name: &str, v: String| v.parse::<f64>().ok().filter(|x| *x >= 0.0).ok_or_else(|| CliError::Usage(format!("{name} needs a number ≥ 0, got {v:?}")));
        match a.as_str() {
            "--corpus" => corpus = value("--corpus")?,
            "--out" => out = value("--out")?,
            "--validate" => validate = true,
            "--no-jackknife" => jackknife = false,
            "--epochs" => opts.epochs = number("--epochs", value("--epochs")?)? as usize,
            "--l1" => opts.l1 = number("--l1", value("--l1")?)?,
            "--eta" => opts.eta = number("--eta", value("--eta")?)?,
            "--decay" => opts.decay = number("--decay", value("--decay")?)?,
            other => return Err(CliError::Usage(format!("unknown option {other:?}"))),
        }
    }
    let text = std::fs::read_to_string(&corpus).map_err(|e| CliError::Failed(format!("cannot read {corpus}: {e}")))?;
    let sents = read_conll(&text);
    if sents.len() < 10 * PARTS {
        return Err(CliError::Failed(format!("{corpus}: {} sentences, too few to train on", sents.len())));
    }
    let (train_part, _dev) = split(&sents);
    let examples: Vec<Example> = train_part.iter().map(Example::new).collect();
    eprintln!("{} of the {} sentences of {corpus} ({opts:?}, {})", train_part.len(), sents.len(), if jackknife { "jackknifed lexicons" } else { "compiled-in lexicons" });
    let t0 = Instant::now();
    let cache = Path::new("target/kashif-train").join(format!("mined-{:016x}", mining_inputs(&text)?));
    let lexicons = if jackknife { Lexicons::Jackknifed(&corpus, &cache) } else { Lexicons::CompiledIn };
    run(&lexicons, &examples, &opts, validate, &out, t0)
}

/// A hash of everything the miner's output depends on (the corpus, the miner and the lexicon
/// files it reads): mined lexicons are kept under `target/kashif-train/` by it, and mined again
/// only when one of these changes.
fn mining_inputs(corpus: &str) -> Result<u64, CliError> {
    let mut h = FxHasher::default();
    h.write(corpus.as_bytes());
    let mut files = vec![PathBuf::from(MINER), PathBuf::from("scripts/eval_ner.py")];
    for dir in ["data/lexicon", "data/lexicon/rules"] {
        let entries = std::fs::read_dir(dir).map_err(|e| CliError::Failed(format!("cannot read {dir} (run kashif train from the repository's root): {e}")))?;
        let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
        names.sort();
        files.extend(names);
    }
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| CliError::Failed(format!("cannot read {}: {e}", f.display())))?;
        h.write(f.to_string_lossy().as_bytes());
        h.write(&bytes);
    }
    Ok(h.finish())
}

/// Trains and writes the model, or validates (see [`cli`]).
fn run(lexicons: &Lexicons, examples: &[Example], opts: &Options, validate: bool, out: &str, t0: Instant) -> Result<(), CliError> {
    let all: Vec<usize> = (0..PARTS).collect();
    if validate {
        let mut totals = [Score::default(), Score::default(), Score::default()];
        for v in VALIDATION {
            let rest: Vec<usize> = all.iter().copied().filter(|&k| k != v).collect();
            let data = lexicons.featurize(examples, &rest, Some(v))?;
            let model = Model::from_stored(&train(&data, opts, &mut |line| eprintln!("  {line}")));
            let own = lexicons.scoring(v)?;
            let tables = own.as_ref().unwrap_or(&TABLES);
            let held = &examples[part(examples.len(), v)];
            let finders = [stage(None, tables), model_alone(&model, tables), stage(Some(&model), tables)];
            for ((name, find), total) in ["lexicons and rules", "model alone", "with the model"].iter().zip(&finders).zip(&mut totals) {
                let score = evaluate(find, held);
                crate::say!("part {} of {PARTS}, {name:<18}: {score}", v + 1);
                total.add(&score);
            }
        }
        for (name, total) in ["lexicons and rules", "model alone", "with the model"].iter().zip(&totals) {
            crate::say!("validation, {} parts, {name:<18}: {total}", VALIDATION.len());
        }
        crate::say!("in {:.0} s", t0.elapsed().as_secs_f64());
        return Ok(());
    }
    let data = lexicons.featurize(examples, &all, None)?;
    let stored = train(&data, opts, &mut |line| eprintln!("  {line}"));
    let bytes = stored.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| CliError::Failed(format!("cannot write {out}: {e}")))?;
    crate::say!("{} features, {} bytes, trained in {:.0} s; wrote {out}", stored.rows.len(), bytes.len(), t0.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn names_are_read_as_conll_py_reads_them() {
        use Kind::*;
        assert_eq!(names(&tags("B-PERS I-PERS O B-LOC I-ORG I-ORG B-MIS2 O I-LOC")), vec![(0, 1, Person), (3, 3, Location), (4, 5, Organization), (6, 6, Misc), (8, 8, Location)]);
        assert_eq!(names(&tags("B-LOC B-LOC I-XYZ O")), vec![(0, 0, Location), (1, 1, Location)]);
    }

    #[test]
    fn corpus_tokens_map_to_ours_and_back() {
        let s = Sentence {
            words: ["(رويترز)", "قال", "بان", "كي-مون", "فى", "لأوكرانيا", "."].map(String::from).to_vec(),
            tags: tags("B-ORG O B-PERS I-PERS O B-LOC O"),
        };
        let ex = Example::new(&s);
        let doc = Doc::new(&ex.text);
        let ours: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text())).collect();
        assert_eq!(ours, ["(", "رويترز", ")", "قال", "بان", "كي", "-", "مون", "في", "لاوكرانيا", "."]);
        assert_eq!(ex.word_of, [0, 0, 0, 1, 2, 3, 3, 3, 4, 5, 6]);
        // The parentheses around a name stay outside it; a hyphen inside one stays in.
        assert_eq!(ex.gold_ours, [(1, 1, Kind::Organization), (4, 7, Kind::Person), (9, 9, Kind::Location)]);
        let back: Vec<_> = ex.gold_ours.iter().map(|&(a, b, k)| (ex.word_of[a], ex.word_of[b], k)).collect();
        assert_eq!(back, ex.gold);
        assert_eq!((ex.word_at(0), ex.word_at(13), ex.word_at(15)), (0, 0, 1));
    }

    #[test]
    fn conll_files_read_with_their_sentences() {
        let s = read_conll("أ B-LOC\nب O\n\n\nج\r\nد I-PERS\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].words, ["ج", "د"]);
        assert_eq!(s[1].tags, ["O", "I-PERS"]);
        let ten: Vec<Sentence> = (0..25).map(|_| s[0].clone()).collect();
        assert_eq!(split(&ten).1.len(), 2);
    }
}
