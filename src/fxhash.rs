//! A small, fast, non-cryptographic hasher (the Fx hash of rustc and Firefox) for the lexicon
//! tables: their keys are our own data, not attacker-chosen, and lookups sit on the hot path.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        // The last one to seven bytes as one word, read four, two and one at a time (not one
        // step a byte: most words end there). Zero bytes pad it; a key's length, or the
        // terminator a `str` writes after its bytes, tells such keys apart.
        let mut rest = chunks.remainder();
        if !rest.is_empty() {
            let (mut w, mut shift) = (0u64, 0);
            if let Some((four, r)) = rest.split_first_chunk::<4>() {
                (w, shift, rest) = (u32::from_le_bytes(*four) as u64, 32, r);
            }
            if let Some((two, r)) = rest.split_first_chunk::<2>() {
                (w, shift, rest) = (w | (u16::from_le_bytes(*two) as u64) << shift, shift + 16, r);
            }
            if let Some(&b) = rest.first() {
                w |= (b as u64) << shift;
            }
            self.add(w);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
