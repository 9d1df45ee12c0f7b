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
    /// The first token of a name.
    B,
    /// A token inside a name, after its first.
    I,
}

/// The entity kinds the model labels, in label order.
pub const KINDS: [Kind; 4] = [Kind::Person, Kind::Location, Kind::Organization, Kind::Misc];

/// The number of labels: O, and B- and I- for each kind.
pub const LABELS: usize = 1 + 2 * KINDS.len();

/// The labels: `O`, then B- and I- for each of [`KINDS`] (BIO). (BILOU labels, tried too,
/// scored 0.4 points of F1 better and made decoding three times slower.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    pub tags: Vec<(Tag, Option<Kind>)>,
}

impl Default for Labels {
    fn default() -> Labels {
        let mut tags = vec![(Tag::O, None)];
        for k in KINDS {
            tags.extend([(Tag::B, Some(k)), (Tag::I, Some(k))]);
        }
        Labels { tags }
    }
}

impl Labels {
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// The label of `tag` for `kind` (O for any kind when `tag` is O).
    pub fn index(&self, tag: Tag, kind: Option<Kind>) -> usize {
        let kind = if tag == Tag::O { None } else { kind };
        self.tags.iter().position(|&t| t == (tag, kind)).expect("a tag of the scheme")
    }

    /// Whether label `b` may follow label `a`: I-X only inside a name of kind X.
    pub fn allowed(&self, a: usize, b: usize) -> bool {
        let (ta, ka) = self.tags[a];
        let (tb, kb) = self.tags[b];
        tb != Tag::I || (ta != Tag::O && ka == kb)
    }

    /// Whether a sequence may start with `b`.
    pub fn allowed_start(&self, b: usize) -> bool {
        self.tags[b].0 != Tag::I
    }

    /// The labels of a list of names over `n` tokens (`(first, last, kind)`, in order, not
    /// overlapping).
    pub fn encode(&self, n: usize, names: &[(usize, usize, Kind)]) -> Vec<usize> {
        let mut y = vec![0; n];
        for &(a, b, k) in names {
            y[a] = self.index(Tag::B, Some(k));
            for t in &mut y[a + 1..=b] {
                *t = self.index(Tag::I, Some(k));
            }
        }
        y
    }

    /// The names a valid labelling marks: `(first, last, kind)`.
    pub fn decode(&self, y: &[usize]) -> Vec<(usize, usize, Kind)> {
        let mut out: Vec<(usize, usize, Kind)> = Vec::new();
        for (t, &l) in y.iter().enumerate() {
            match self.tags[l] {
                (Tag::B, Some(k)) => out.push((t, t, k)),
                (Tag::I, Some(k)) => match out.last_mut() {
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

const L: usize = LABELS;

/// Transition scores with the scheme's constraints applied: a forbidden transition scores −∞
/// (and has probability 0).
#[derive(Clone, Debug)]
pub struct Chain {
    start: [f32; L],
    /// `trans[a][b]`: label a followed by label b.
    trans: [[f32; L]; L],
    end: [f32; L],
    exp_start: [f32; L],
    exp_trans: [[f32; L]; L],
    /// The same by the label followed: `exp_into[b][a] = exp_trans[a][b]`.
    exp_into: [[f32; L]; L],
    exp_end: [f32; L],
}

impl Chain {
    /// A chain from learned scores: `start[b]`, `trans[a * L + b]`, `end[a]`.
    pub fn new(labels: &Labels, start: &[f32], trans: &[f32], end: &[f32]) -> Chain {
        let mask = |ok: bool, s: f32| if ok { s } else { f32::NEG_INFINITY };
        let start: [f32; L] = std::array::from_fn(|b| mask(labels.allowed_start(b), start[b]));
        let trans: [[f32; L]; L] = std::array::from_fn(|a| std::array::from_fn(|b| mask(labels.allowed(a, b), trans[a * L + b])));
        let end: [f32; L] = std::array::from_fn(|a| end[a]);
        Chain {
            exp_start: start.map(f32::exp),
            exp_trans: trans.map(|row| row.map(f32::exp)),
            exp_into: std::array::from_fn(|b| std::array::from_fn(|a| trans[a][b].exp())),
            exp_end: end.map(f32::exp),
            start,
            trans,
            end,
        }
    }

    /// The best labelling of `n` tokens with emission scores `emit[t * L + y]`.
    pub fn viterbi(&self, emit: &[f32], n: usize) -> Vec<usize> {
        self.decode(emit, n, None)
    }

    /// The best labelling, as [`Chain::viterbi`], and the forward half of the forward-backward
    /// pass into `fb` ([`Chain::backward`] completes it): both at once, token by token. Each is
    /// a chain of steps that wait on the step before; interleaved, the processor works on one
    /// while the other waits.
    pub fn viterbi_forward(&self, emit: &[f32], n: usize, fb: &mut ForwardBackward) -> Vec<usize> {
        self.decode(emit, n, Some(fb))
    }

    fn decode(&self, emit: &[f32], n: usize, mut fb: Option<&mut ForwardBackward>) -> Vec<usize> {
        if let Some(fb) = fb.as_deref_mut() {
            fb.clear();
        }
        if n == 0 {
            return Vec::new();
        }
        let row = |t: usize| -> &[f32; L] { emit[t * L..(t + 1) * L].try_into().unwrap() };
        let mut score: [f32; L] = std::array::from_fn(|y| self.start[y] + row(0)[y]);
        if let Some(fb) = fb.as_deref_mut() {
            self.forward_step(row(0), fb);
        }
        let mut back = vec![[0u8; L]; n];
        for (t, arg) in back.iter_mut().enumerate().skip(1) {
            if let Some(fb) = fb.as_deref_mut() {
                self.forward_step(row(t), fb);
            }
            // For each label b, the best label a before it (the first of equals): label by
            // label a, over all the labels b at once (the compiler keeps the lanes in vector
            // registers, without a branch).
            let e = row(t);
            let mut best: [f32; L] = std::array::from_fn(|b| score[0] + self.trans[0][b]);
            let mut from = [0u8; L];
            for (a, (&s, trans)) in score.iter().zip(&self.trans).enumerate().skip(1) {
                for b in 0..L {
                    let c = s + trans[b];
                    let better = c > best[b];
                    best[b] = if better { c } else { best[b] };
                    from[b] = if better { a as u8 } else { from[b] };
                }
            }
            *arg = from;
            score = std::array::from_fn(|b| best[b] + e[b]);
        }
        let mut y = vec![0; n];
        let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
        for (a, (&s, &e)) in score.iter().zip(&self.end).enumerate() {
            if s + e > best {
                best = s + e;
                arg = a;
            }
        }
        y[n - 1] = arg;
        for t in (1..n).rev() {
            y[t - 1] = back[t][y[t]] as usize;
        }
        y
    }

    /// The forward-backward pass over `n` tokens, in scaled probability space (each step
    /// normalized, so long sequences neither overflow nor underflow).
    pub fn forward_backward(&self, emit: &[f32], n: usize, fb: &mut ForwardBackward) {
        fb.clear();
        for t in 0..n {
            self.forward_step(emit[t * L..(t + 1) * L].try_into().unwrap(), fb);
        }
        self.backward(n, fb);
    }

    /// One token's step of the forward pass: its `psi`, `alpha` and scale.
    #[inline(always)]
    fn forward_step(&self, row: &[f32; L], fb: &mut ForwardBackward) {
        // psi[t][y] = exp(emit − max over y): the shift is a constant per token, folded into log Z.
        // A label more than e⁵⁰ times less likely than the best counts as that unlikely, so that
        // no step can lose every path to underflow.
        let m = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        // The best label's is e⁰, exactly 1.
        let psi: [f32; L] = std::array::from_fn(|y| match (row[y] - m).max(-50.0) {
            0.0 => 1.0,
            x => x.exp(),
        });
        fb.shift += m as f64;
        let mut alpha: [f32; L] = match fb.alpha.last() {
            None => self.exp_start,
            Some(prev) => sum_rows(prev, &self.exp_trans),
        };
        let mut c = 0.0;
        for (a, p) in alpha.iter_mut().zip(&psi) {
            *a *= p;
            c += *a;
        }
        let c = if c > 0.0 { c } else { f32::MIN_POSITIVE };
        alpha.iter_mut().for_each(|v| *v /= c);
        fb.psi.push(psi);
        fb.alpha.push(alpha);
        fb.scale.push(c);
    }

    /// The backward half of the forward-backward pass over `n` tokens, after the forward half
    /// ([`Chain::viterbi_forward`]).
    pub fn backward(&self, n: usize, fb: &mut ForwardBackward) {
        if n == 0 {
            return;
        }
        let z_end: f32 = (0..L).map(|a| fb.alpha[n - 1][a] * self.exp_end[a]).sum::<f32>().max(f32::MIN_POSITIVE);
        fb.z_end = z_end;
        fb.beta.resize(n, [0.0; L]);
        fb.beta[n - 1] = self.exp_end.map(|e| e / z_end);
        for t in (0..n - 1).rev() {
            let c = fb.scale[t + 1];
            let next: [f32; L] = std::array::from_fn(|b| fb.psi[t + 1][b] * fb.beta[t + 1][b] / c);
            fb.beta[t] = sum_rows(&next, &self.exp_into);
        }
    }

    /// The probability that tokens `t − 1` and `t` have labels `a` and `b` (after
    /// [`Chain::forward_backward`]).
    pub fn pair(&self, fb: &ForwardBackward, t: usize, a: usize, b: usize) -> f32 {
        fb.alpha[t - 1][a] * self.exp_trans[a][b] * fb.psi[t][b] * fb.beta[t][b] / fb.scale[t]
    }

    /// The score of a labelling: the log of its unnormalized probability.
    pub fn score(&self, emit: &[f32], y: &[usize]) -> f32 {
        let mut s = 0.0;
        for (t, &b) in y.iter().enumerate() {
            s += emit[t * L + b] + if t == 0 { self.start[b] } else { self.trans[y[t - 1]][b] };
        }
        s + y.last().map_or(0.0, |&a| self.end[a])
    }
}

/// `out[b] = Σₐ w[a] · m[a][b]`, added up in the order of `a` (as a sum of the products
/// `w[0] · m[0][b] + w[1] · m[1][b] + …` label by label would be, to the last bit), over all the
/// labels `b` at once: the compiler keeps the lanes in vector registers.
#[inline]
fn sum_rows(w: &[f32; L], m: &[[f32; L]; L]) -> [f32; L] {
    let mut out: [f32; L] = std::array::from_fn(|b| w[0] * m[0][b]);
    for a in 1..L {
        for b in 0..L {
            out[b] += w[a] * m[a][b];
        }
    }
    out
}

/// The forward-backward pass's tables, reused across sequences.
#[derive(Clone, Debug, Default)]
pub struct ForwardBackward {
    psi: Vec<[f32; L]>,
    alpha: Vec<[f32; L]>,
    beta: Vec<[f32; L]>,
    scale: Vec<f32>,
    /// The shift of the scores (the sum of each token's best emission) and the last step's
    /// normalizer: with the scales, they make log Z.
    shift: f64,
    z_end: f32,
}

impl ForwardBackward {
    fn clear(&mut self) {
        self.psi.clear();
        self.alpha.clear();
        self.beta.clear();
        self.scale.clear();
        self.shift = 0.0;
        self.z_end = 1.0;
    }

    /// The log of the sum of the exponentiated scores of all labellings (which training needs,
    /// and tagging does not: found from the pass's parts on demand).
    pub fn log_z(&self) -> f64 {
        self.shift + self.scale.iter().map(|&c| (c as f64).ln()).sum::<f64>() + (self.z_end as f64).ln()
    }

    /// The probability that token `t` has label `y`.
    pub fn marginal(&self, t: usize, y: usize) -> f32 {
        self.alpha[t][y] * self.beta[t][y]
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
        labels.allowed_start(y[0]) && y.windows(2).all(|w| labels.allowed(w[0], w[1]))
    }

    #[test]
    fn viterbi_and_marginals_agree_with_brute_force() {
        {
            let labels = Labels::default();
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
                assert!((fb.log_z() - z.ln()).abs() < 1e-3, "{} vs {}", fb.log_z(), z.ln());
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
        let labels = Labels::default();
        let names = vec![(0, 0, Kind::Person), (1, 3, Kind::Location), (4, 4, Kind::Location), (6, 7, Kind::Misc)];
        let y = labels.encode(9, &names);
        assert!(valid(&labels, &y));
        assert_eq!(labels.decode(&y), names);
        assert_eq!(labels.len(), LABELS);
        // An I- label out of place still reads as a name.
        let i_loc = labels.index(Tag::I, Some(Kind::Location));
        assert_eq!(labels.decode(&[0, i_loc, i_loc]), vec![(1, 2, Kind::Location)]);
    }
}
