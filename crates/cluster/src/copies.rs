//! Article copies: wire stories republished with small edits. Each article gets a MinHash
//! signature of its word 5-shingles; signatures are cut into bands, articles sharing a band are
//! candidates (LSH), and candidates whose signatures agree on enough positions are copies.

use crate::text::{for_each_word, mix, stable_hash};
use crate::unionfind::UnionFind;
use crate::Params;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Number of MinHash values in a signature.
pub const SIGNATURE_LEN: usize = 64;

/// Words per shingle: long enough that two unrelated articles on one topic share few shingles,
/// short enough that a one-word edit only disturbs five of them.
const SHINGLE: usize = 5;

/// MinHash signature of an article's word shingles; empty for a text without words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint(pub Vec<u32>);

impl Fingerprint {
    /// Estimated Jaccard similarity of the two shingle sets: the share of equal positions.
    pub fn similarity(&self, other: &Fingerprint) -> f32 {
        if self.0.is_empty() || self.0.len() != other.0.len() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / self.0.len() as f32
    }
}

/// Fixed, odd multipliers and offsets of the `SIGNATURE_LEN` hash functions `a·x + b`, derived from
/// a constant seed so signatures computed anywhere can be compared.
fn permutation(k: usize) -> (u64, u64) {
    let a = mix(0x9e37_79b9_7f4a_7c15 ^ (k as u64).wrapping_mul(2)) | 1;
    let b = mix(0x2545_f491_4f6c_dd1d ^ (k as u64).wrapping_mul(2).wrapping_add(1));
    (a, b)
}

/// The MinHash fingerprint of a whole article text.
pub fn fingerprint(text: &str) -> Fingerprint {
    let mut ws: Vec<u64> = Vec::new();
    for_each_word(text, |w| ws.push(stable_hash(w.as_bytes())));
    if ws.is_empty() {
        return Fingerprint::default();
    }
    let shingle = |s: &[u64]| s.iter().fold(0u64, |h, &w| mix(h.rotate_left(17) ^ w));
    let mut shingles: Vec<u64> = if ws.len() < SHINGLE {
        vec![shingle(&ws)]
    } else {
        ws.windows(SHINGLE).map(shingle).collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    let perms: Vec<(u64, u64)> = (0..SIGNATURE_LEN).map(permutation).collect();
    let mut sig = vec![u32::MAX; SIGNATURE_LEN];
    for &s in &shingles {
        for (slot, &(a, b)) in sig.iter_mut().zip(&perms) {
            // The high half of a multiply-add is a good enough universal hash and costs one multiply.
            let h = (s.wrapping_mul(a).wrapping_add(b) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Fingerprint(sig)
}

/// Copy group of each article: the index of the first article of its group (itself when it has
/// no copy). Articles whose estimated shingle Jaccard is at least `params.copy_threshold` are
/// copies; copies of copies join one group.
///
/// Cost is linear in the number of articles: each band bucket compares a member with at most
/// `params.copy_bucket_cap` earlier members, so a story syndicated a thousand times costs
/// thousands of comparisons, not a million.
pub fn copy_groups(fingerprints: &[Fingerprint], params: &Params) -> Vec<usize> {
    let mut uf = UnionFind::new(fingerprints.len());
    let bands = params.copy_bands.clamp(1, SIGNATURE_LEN);
    let rows = SIGNATURE_LEN / bands;
    for band in 0..bands {
        let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, fp) in fingerprints.iter().enumerate() {
            if fp.0.len() != SIGNATURE_LEN {
                continue;
            }
            let key = fp.0[band * rows..(band + 1) * rows]
                .iter()
                .fold(mix(band as u64), |h, &v| mix(h ^ u64::from(v)));
            buckets.entry(key).or_default().push(i);
        }
        // Buckets hold indices in increasing order, and are visited in the order of their first
        // member, so the unions (and the result) do not depend on hash-map iteration order.
        let mut buckets: Vec<Vec<usize>> = buckets.into_values().filter(|b| b.len() > 1).collect();
        buckets.sort_unstable_by_key(|b| b[0]);
        for bucket in &buckets {
            for (pos, &i) in bucket.iter().enumerate().skip(1) {
                for &j in &bucket[..pos.min(params.copy_bucket_cap.max(1))] {
                    if uf.find(i) != uf.find(j)
                        && fingerprints[i].similarity(&fingerprints[j]) >= params.copy_threshold
                    {
                        uf.union(i, j);
                    }
                }
            }
        }
    }
    (0..fingerprints.len()).map(|i| uf.find(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "SEOUL — North Korean leader Kim Jong Un vowed to strengthen relations with Russia so the two \
        countries could continue to smash the imperialists' arbitrary practices and hegemony, according to a state media \
        report. Kim made the promise in a letter to Russian President Vladimir Putin on Tuesday, the anniversary of \
        Korea's liberation from Japanese colonial rule, in the latest sign that Pyongyang and Moscow are deepening \
        their bonds. Kim said the North's relations with Russia will be further developed into a long-standing \
        strategic relationship in his message to Putin.";

    #[test]
    fn a_lightly_edited_copy_is_a_copy_and_an_unrelated_article_is_not() {
        let edited = STORY
            .replace("SEOUL —", "SEOUL (Reuters) -")
            .replace("deepening their bonds", "deepening ties")
            .replace("Tuesday", "Aug. 15");
        let unrelated = "Ellen DeGeneres will host the Oscars for a second time next year, the Academy announced \
            Friday. The comedian first hosted the ceremony in 2007 and earned an Emmy nomination for it. Producers \
            Craig Zadan and Neil Meron said in a statement they were thrilled to have her back on the stage.";
        let fps = vec![
            fingerprint(STORY),
            fingerprint(unrelated),
            fingerprint(&edited),
            fingerprint(""),
        ];
        assert!(
            fps[0].similarity(&fps[2]) > 0.5,
            "{}",
            fps[0].similarity(&fps[2])
        );
        assert!(fps[0].similarity(&fps[1]) < 0.1);
        assert_eq!(copy_groups(&fps, &Params::default()), vec![0, 1, 0, 3]);
    }

    #[test]
    fn fingerprints_are_stable_and_serde_friendly() {
        let fp = fingerprint(STORY);
        assert_eq!(fp, fingerprint(STORY));
        assert_eq!(fp.0.len(), SIGNATURE_LEN);
        let json = serde_json::to_string(&fp).unwrap();
        assert_eq!(serde_json::from_str::<Fingerprint>(&json).unwrap(), fp);
    }

    #[test]
    fn empty_texts_are_never_copies() {
        let fps = vec![fingerprint(""), fingerprint("  \n ")];
        assert_eq!(copy_groups(&fps, &Params::default()), vec![0, 1]);
    }
}
