//! A fast non-cryptographic hasher (the FxHash mixing step used inside rustc and jieba-rs) for
//! the per-word maps of the segment stage: keys are our own text, not an attacker's, and the
//! default SipHash showed up in profiles of keyword ranking.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_words_stay_distinct() {
        let mut m: FastMap<&str, u32> = FastMap::default();
        for w in ["特色小镇", "特色", "小镇", "城镇化", "城镇", "a", "ab", "abcdefgh", "abcdefghi"] {
            *m.entry(w).or_insert(0) += 1;
        }
        *m.entry("特色").or_insert(0) += 1;
        assert_eq!(m.len(), 9);
        assert_eq!(m["特色"], 2);
    }
}
