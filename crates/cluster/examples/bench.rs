//! Times `cluster` on a synthetic corpus: ARTICLES articles × 20 claims of 15 words drawn from a
//! Zipf-distributed vocabulary, with each fact restated by a few articles.
//!
//! usage: cargo run --release -p cluster --example bench -- [ARTICLES]

use model::{Claim, Mention};

fn main() {
    let articles: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let vocab: Vec<String> = (0..200_000).map(|i| format!("w{i}x")).collect();
    // Cumulative Zipf weights, sampled with a fixed-seed xorshift generator.
    let cdf: Vec<f64> = vocab
        .iter()
        .enumerate()
        .scan(0.0, |acc, (i, _)| {
            *acc += 1.0 / (i as f64 + 1.0);
            Some(*acc)
        })
        .collect();
    let total = cdf.last().copied().unwrap_or(1.0);
    let mut state: u64 = 0x1234_5678_9abc_def1;
    let mut rand = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let draw = |rand: &mut dyn FnMut() -> f64| {
        let x = rand() * total;
        vocab[cdf.partition_point(|&c| c < x).min(vocab.len() - 1)].clone()
    };
    // A pool of facts; each claim restates one fact with a few words swapped.
    let facts: Vec<Vec<String>> = (0..articles * 8)
        .map(|_| (0..15).map(|_| draw(&mut rand)).collect())
        .collect();
    let mut mentions = Vec::with_capacity(articles * 20);
    for a in 0..articles {
        for c in 0..20 {
            let fact = &facts[(rand() * facts.len() as f64) as usize];
            let words: Vec<String> = fact
                .iter()
                .map(|w| {
                    if rand() < 0.3 {
                        draw(&mut rand)
                    } else {
                        w.clone()
                    }
                })
                .collect();
            let text = words.join(" ");
            mentions.push(Mention {
                article: format!("a{a}"),
                seq: c as u32 + 1,
                published: None,
                line: c + 1,
                source_start: 0,
                source_end: text.len(),
                claim: Claim {
                    start: 0,
                    end: text.len(),
                    text,
                    sentence_start: 0,
                    sentence_end: 0,
                    numbers: vec![],
                    dates: vec![],
                    attribution: None,
                    hedged: false,
                    negated: false,
                    entities: vec![],
                    score: 1.0,
                },
            });
        }
    }
    eprintln!("{} mentions generated", mentions.len());
    let t = std::time::Instant::now();
    let groups = cluster::cluster(
        &mentions,
        &cluster::Params {
            min_link_share: env("SHARE", 0.5),
            max_block: env("BLOCK", 256.0) as usize,
            prefix_terms: env("PREFIX", 8.0) as usize,
            candidate_min_shared: env("MINSH", 2.0) as usize,
            ..cluster::Params::default()
        },
    );
    let multi = groups.iter().filter(|g| g.len() > 1).count();
    eprintln!(
        "{} groups ({multi} with several mentions) in {:?}",
        groups.len(),
        t.elapsed()
    );
}

fn env(name: &str, default: f32) -> f32 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}
