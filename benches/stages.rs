//! Micro-benchmarks of each stage's hot path on the seed articles (`cargo bench`, or
//! `just microbench`). Throughput is reported in bytes of article text.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic

use claimcheck::pipeline::{analyse_article, Options};
use clean::Format;
use divan::counter::BytesCount;
use divan::Bencher;
use model::{ArticleMeta, Mention};

fn main() {
    divan::main();
}

fn seeds() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn total(texts: &[impl AsRef<[u8]>]) -> usize {
    texts.iter().map(|t| t.as_ref().len()).sum()
}

#[divan::bench]
fn clean(bencher: Bencher) {
    let raw = seeds();
    bencher.counter(BytesCount::new(total(&raw))).bench(|| {
        raw.iter()
            .filter(|r| clean::clean(divan::black_box(r), Format::Text).is_ok())
            .count()
    });
}

fn cleaned() -> Vec<String> {
    seeds()
        .iter()
        .filter_map(|r| clean::clean(r, Format::Text).ok().map(|c| c.text))
        .collect()
}

#[divan::bench]
fn segment(bencher: Bencher) {
    let texts = cleaned();
    bencher.counter(BytesCount::new(total(&texts))).bench(|| {
        texts
            .iter()
            .map(|t| segment::segment(divan::black_box(t)).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn extract(bencher: Bencher) {
    let texts = cleaned();
    let sentences: Vec<_> = texts.iter().map(|t| segment::segment(t)).collect();
    let published = "2024-11-04".parse().ok();
    let opts = extract::Options::default();
    bencher.counter(BytesCount::new(total(&texts))).bench(|| {
        texts
            .iter()
            .zip(&sentences)
            .map(|(t, s)| extract::extract(divan::black_box(t), s, published, &opts).len())
            .sum::<usize>()
    });
}

/// The seeds' mentions copied under 40 article names (200 articles), so blocks have the sizes of a
/// real story with many outlets.
#[divan::bench]
fn cluster(bencher: Bencher) {
    let opts = Options::default();
    let raw = seeds();
    let mut mentions: Vec<Mention> = Vec::new();
    for copy in 0..40 {
        for (i, r) in raw.iter().enumerate() {
            let meta = ArticleMeta {
                id: format!("{copy:02}_{i}.txt"),
                ..ArticleMeta::default()
            };
            mentions.extend(analyse_article(r, Format::Text, meta, &opts).mentions);
        }
    }
    bencher.bench(|| cluster::cluster(divan::black_box(&mentions), &opts.cluster).len());
}

#[divan::bench]
fn fingerprint(bencher: Bencher) {
    let texts = cleaned();
    bencher.counter(BytesCount::new(total(&texts))).bench(|| {
        texts
            .iter()
            .map(|t| cluster::fingerprint(divan::black_box(t)))
            .collect::<Vec<_>>()
    });
}
