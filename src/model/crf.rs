//! The linear chain: labels, the transitions allowed between them, best-path decoding and
//! marginal probabilities.
//!
//! A sequence of *n* tokens gets one label each. Its score is the sum of the emission scores
//! (token *t* with label *y*, from the features) and the transition scores (label *a* followed by
//! *b*, plus a start and an end score). Decoding finds the best-scoring labelling (Viterbi); the
//! forward-backward pass turns scores into the probability of each label at each token, which
//! training needs for its gradient and tagging reports as confidence.
//!
//! Transitions that would make an invalid labelling (I-PERS after O, or after B-LOC) are not
//! scored at all: every decoded labelling is well formed.

use crate::span::Kind;

/// The position of a label in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Outside any name.
    O,
    /// The first token of a name of several.
    B,
    /// A token inside a name, after its first.
    I,
    /// The last token of a name of several (BILOU only).
    L,
    /// A name of one token (BILOU only).
    U,
}

/// A labelling scheme: `O` and, for each kind, B-/I- tags (BIO) or B-/I-/L-/U- tags (BILOU).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    pub tags: Vec<(Tag, Option<Kind>)>,
    bilou: bool,
}

/// The entity kinds the model labels, in label order.
pub const KINDS: [Kind; 4] = [Kind::Person, Kind::Location, Kind::Organization, Kind::Misc];

impl Labels {
    /// The scheme over [`KINDS`]: BIO, or BILOU.
    pub fn new(bilou: bool) -> Labels {
        let mut tags = vec![(Tag::O, None)];
        let per_kind: &[Tag] = if bilou { &[Tag::B, Tag::I, Tag::L, Tag::U] } else { &[Tag::B, Tag::I] };
        for k in KINDS {
            tags.extend(per_kind.iter().map(|&t| (t, Some(k))));
        }
        Labels { tags, bilou }
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn is_bilou(&self) -> bool {
        self.bilou
    }

    /// The label of `tag` for `kind` (O for any kind when `tag` is O).
    pub fn index(&self, tag: Tag, kind: Option<Kind>) -> usize {
        let kind = if tag == Tag::O { None } else { kind };
        self.tags.iter().position(|&t| t == (tag, kind)).expect("a tag of the scheme")
    }

    /// The name of a label as in CoNLL files (`B-PERS`).
    pub fn name(&self, y: usize) -> String {
        let (tag, kind) = self.tags[y];
        let k = match kind {
            Some(Kind::Person) => "PERS",
            Some(Kind::Location) => "LOC",
            Some(Kind::Organization) => "ORG",
            _ => "MISC",
        };
        match tag {
            Tag::O => "O".into(),
            t => format!("{t:?}-{k}"),
        }
    }

    /// Whether a name is still open after label `a` (so the next label must continue it).
    fn open(&self, a: usize) -> bool {
        self.bilou && matches!(self.tags[a].0, Tag::B | Tag::I)
    }

    /// Whether label `b` may follow label `a`.
    pub fn allowed(&self, a: usize, b: usize) -> bool {
        let (ta, ka) = self.tags[a];
        let (tb, kb) = self.tags[b];
        let continues = matches!(tb, Tag::I | Tag::L);
        if continues {
            matches!(ta, Tag::B | Tag::I) && ka == kb
        } else {
            !self.open(a)
        }
    }

    /// Whether a sequence may start with `b`.
    pub fn allowed_start(&self, b: usize) -> bool {
        !matches!(self.tags[b].0, Tag::I | Tag::L)
    }

    /// Whether a sequence may end with `a`.
    pub fn allowed_end(&self, a: usize) -> bool {
        !self.open(a)
    }

    /// The labels of a list of names over `n` tokens (`(first, last, kind)`, in order, not
    /// overlapping).
    pub fn encode(&self, n: usize, names: &[(usize, usize, Kind)]) -> Vec<usize> {
        let mut y = vec![0; n];
        for &(a, b, k) in names {
            if self.bilou && a == b {
                y[a] = self.index(Tag::U, Some(k));
                continue;
            }
            y[a] = self.index(Tag::B, Some(k));
            for t in &mut y[a + 1..=b] {
                *t = self.index(Tag::I, Some(k));
            }
            if self.bilou {
                y[b] = self.index(Tag::L, Some(k));
            }
        }
        y
    }

    /// The names a valid labelling marks: `(first, last, kind)`.
    pub fn decode(&self, y: &[usize]) -> Vec<(usize, usize, Kind)> {
        let mut out: Vec<(usize, usize, Kind)> = Vec::new();
        for (t, &l) in y.iter().enumerate() {
            match self.tags[l] {
                (Tag::B | Tag::U, Some(k)) => out.push((t, t, k)),
                (Tag::I | Tag::L, Some(k)) => match out.last_mut() {
                    Some(last) if last.1 + 1 == t && last.2 == k => last.1 = t,
                    // Not produced by decoding (the transitions forbid it); read as a new name.
                    _ => out.push((t, t, k)),
                },
                _ => {}
            }
        }
        out
    }
}

/// Transition scores with the scheme's constraints applied: a forbidden transition scores −∞.
#[derive(Clone, Debug)]
pub struct Chain {
    pub l: usize,
    start: Vec<f32>,
    trans: Vec<f32>,
    end: Vec<f32>,
    exp_start: Vec<f32>,
    exp_trans: Vec<f32>,
    exp_end: Vec<f32>,
}

impl Chain {
    /// A chain from learned scores: `start[b]`, `trans[a * l + b]`, `end[a]`.
    pub fn new(labels: &Labels, start: &[f32], trans: &[f32], end: &[f32]) -> Chain {
        let l = labels.len();
        let mask = |ok: bool, s: f32| if ok { s } else { f32::NEG_INFINITY };
        let start: Vec<f32> = (0..l).map(|b| mask(labels.allowed_start(b), start[b])).collect();
        let end: Vec<f32> = (0..l).map(|a| mask(labels.allowed_end(a), end[a])).collect();
        let trans: Vec<f32> = (0..l * l).map(|i| mask(labels.allowed(i / l, i % l), trans[i])).collect();
        let exp = |v: &[f32]| v.iter().map(|&s| s.exp()).collect::<Vec<f32>>();
        Chain { l, exp_start: exp(&start), exp_trans: exp(&trans), exp_end: exp(&end), start, trans, end }
    }

    /// The best labelling of `n` tokens with emission scores `emit[t * l + y]`.
    pub fn viterbi(&self, emit: &[f32], n: usize) -> Vec<usize> {
        let l = self.l;
        if n == 0 {
            return Vec::new();
        }
        let mut score: Vec<f32> = (0..l).map(|y| self.start[y] + emit[y]).collect();
        let mut next = vec![0f32; l];
        let mut back = vec![0u8; n * l];
        for t in 1..n {
            for b in 0..l {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for a in 0..l {
                    let s = score[a] + self.trans[a * l + b];
                    if s > best {
                        best = s;
                        arg = a;
                    }
                }
                next[b] = best + emit[t * l + b];
                back[t * l + b] = arg as u8;
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut y = vec![0; n];
        let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
        for a in 0..l {
            let s = score[a] + self.end[a];
            if s > best {
                best = s;
                arg = a;
            }
        }
        y[n - 1] = arg;
        for t in (1..n).rev() {
            y[t - 1] = back[t * l + y[t]] as usize;
        }
        y
    }

    /// The forward-backward pass over `n` tokens, in scaled probability space (each step
    /// normalized, so long sequences neither overflow nor underflow).
    pub fn forward_backward(&self, emit: &[f32], n: usize, fb: &mut ForwardBackward) {
        let l = self.l;
        fb.l = l;
        fb.n = n;
        fb.psi.clear();
        fb.log_z = 0.0;
        // psi[t][y] = exp(emit − max over y): the shift is a constant per token, folded into log Z.
        // A label more than e⁵⁰ times less likely than the best counts as that unlikely, so that
        // no step can lose every path to underflow.
        for t in 0..n {
            let row = &emit[t * l..(t + 1) * l];
            let m = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            fb.psi.extend(row.iter().map(|&s| (s - m).max(-50.0).exp()));
            fb.log_z += m as f64;
        }
        fb.alpha.clear();
        fb.alpha.resize(n * l, 0.0);
        fb.beta.clear();
        fb.beta.resize(n * l, 0.0);
        fb.scale.clear();
        fb.scale.resize(n, 1.0);
        if n == 0 {
            return;
        }
        for t in 0..n {
            for b in 0..l {
                let into = if t == 0 {
                    self.exp_start[b]
                } else {
                    let prev = &fb.alpha[(t - 1) * l..t * l];
                    (0..l).map(|a| prev[a] * self.exp_trans[a * l + b]).sum()
                };
                fb.alpha[t * l + b] = into * fb.psi[t * l + b];
            }
            let c: f32 = fb.alpha[t * l..(t + 1) * l].iter().sum();
            let c = if c > 0.0 { c } else { f32::MIN_POSITIVE };
            fb.alpha[t * l..(t + 1) * l].iter_mut().for_each(|v| *v /= c);
            fb.scale[t] = c;
            fb.log_z += (c as f64).ln();
        }
        let z_end: f32 = (0..l).map(|a| fb.alpha[(n - 1) * l + a] * self.exp_end[a]).sum::<f32>().max(f32::MIN_POSITIVE);
        fb.log_z += (z_end as f64).ln();
        for a in 0..l {
            fb.beta[(n - 1) * l + a] = self.exp_end[a] / z_end;
        }
        for t in (0..n - 1).rev() {
            let c = fb.scale[t + 1];
            for a in 0..l {
                fb.beta[t * l + a] = (0..l)
                    .map(|b| self.exp_trans[a * l + b] * fb.psi[(t + 1) * l + b] * fb.beta[(t + 1) * l + b])
                    .sum::<f32>()
                    / c;
            }
        }
    }

    /// The probability that tokens `t − 1` and `t` have labels `a` and `b` (after
    /// [`Chain::forward_backward`]).
    pub fn pair(&self, fb: &ForwardBackward, t: usize, a: usize, b: usize) -> f32 {
        let l = self.l;
        fb.alpha[(t - 1) * l + a] * self.exp_trans[a * l + b] * fb.psi[t * l + b] * fb.beta[t * l + b] / fb.scale[t]
    }

    /// The probability that the sequence starts with `b` / ends with `a`.
    pub fn start_prob(&self, fb: &ForwardBackward, b: usize) -> f32 {
        fb.marginal(0, b)
    }

    pub fn end_prob(&self, fb: &ForwardBackward, a: usize) -> f32 {
        fb.marginal(fb.n - 1, a)
    }

    /// The score of a labelling: the log of its unnormalized probability.
    pub fn score(&self, emit: &[f32], y: &[usize]) -> f32 {
        let l = self.l;
        let mut s = 0.0;
        for (t, &b) in y.iter().enumerate() {
            s += emit[t * l + b] + if t == 0 { self.start[b] } else { self.trans[y[t - 1] * l + b] };
        }
        s + y.last().map_or(0.0, |&a| self.end[a])
    }
}

/// The forward-backward pass's tables, reused across sequences.
#[derive(Clone, Debug, Default)]
pub struct ForwardBackward {
    l: usize,
    n: usize,
    psi: Vec<f32>,
    alpha: Vec<f32>,
    beta: Vec<f32>,
    scale: Vec<f32>,
    /// The log of the sum of the exponentiated scores of all labellings.
    pub log_z: f64,
}

impl ForwardBackward {
    /// The probability that token `t` has label `y`.
    pub fn marginal(&self, t: usize, y: usize) -> f32 {
        self.alpha[t * self.l + y] * self.beta[t * self.l + y]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_labellings(l: usize, n: usize) -> Vec<Vec<usize>> {
        let mut out = vec![vec![]];
        for _ in 0..n {
            out = out.into_iter().flat_map(|p: Vec<usize>| (0..l).map(move |y| [p.clone(), vec![y]].concat())).collect();
        }
        out
    }

    fn chain(labels: &Labels, seed: u64) -> (Chain, Vec<f32>) {
        let mut rng = crate::testing::Rng::new(seed);
        let l = labels.len();
        let mut r = |_| (rng.below(2000) as f32 - 1000.0) / 300.0;
        let start: Vec<f32> = (0..l).map(&mut r).collect();
        let trans: Vec<f32> = (0..l * l).map(&mut r).collect();
        let end: Vec<f32> = (0..l).map(&mut r).collect();
        let emit: Vec<f32> = (0..4 * l).map(&mut r).collect();
        (Chain::new(labels, &start, &trans, &end), emit)
    }

    fn valid(labels: &Labels, y: &[usize]) -> bool {
        labels.allowed_start(y[0]) && labels.allowed_end(*y.last().unwrap()) && y.windows(2).all(|w| labels.allowed(w[0], w[1]))
    }

    #[test]
    fn viterbi_and_marginals_agree_with_brute_force() {
        for bilou in [false, true] {
            let labels = Labels::new(bilou);
            let l = labels.len();
            let n = 4;
            for seed in 1..4 {
                let (c, emit) = chain(&labels, seed);
                let paths: Vec<Vec<usize>> = all_labellings(l, n).into_iter().filter(|y| valid(&labels, y)).collect();
                let best = paths.iter().max_by(|a, b| c.score(&emit, a).total_cmp(&c.score(&emit, b))).unwrap();
                assert_eq!(&c.viterbi(&emit, n), best);
                let z: f64 = paths.iter().map(|y| (c.score(&emit, y) as f64).exp()).sum();
                let mut fb = ForwardBackward::default();
                c.forward_backward(&emit, n, &mut fb);
                assert!((fb.log_z - z.ln()).abs() < 1e-3, "{} vs {}", fb.log_z, z.ln());
                for t in 0..n {
                    for y in 0..l {
                        let p: f64 = paths.iter().filter(|p| p[t] == y).map(|p| (c.score(&emit, p) as f64).exp()).sum::<f64>() / z;
                        assert!((fb.marginal(t, y) as f64 - p).abs() < 1e-4);
                    }
                }
                let (a, b) = (best[1], best[2]);
                let p: f64 = paths.iter().filter(|p| p[1] == a && p[2] == b).map(|p| (c.score(&emit, p) as f64).exp()).sum::<f64>() / z;
                assert!((c.pair(&fb, 2, a, b) as f64 - p).abs() < 1e-4);
            }
        }
    }

    #[test]
    fn names_round_trip_through_labels() {
        for bilou in [false, true] {
            let labels = Labels::new(bilou);
            let names = vec![(0, 0, Kind::Person), (1, 3, Kind::Location), (4, 4, Kind::Location), (6, 7, Kind::Misc)];
            let y = labels.encode(9, &names);
            assert!(valid(&labels, &y));
            assert_eq!(labels.decode(&y), names);
        }
        assert_eq!(Labels::new(false).len(), 9);
        assert_eq!(Labels::new(true).len(), 17);
        assert_eq!(Labels::new(true).name(4), "U-PERS");
    }
}
