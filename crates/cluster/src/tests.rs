//! Clustering on hand-built mentions shaped like the seed articles.

use super::*;
use model::{Claim, DateMention, Granularity, Quantity};

pub(crate) fn mention(article: &str, n: usize, text: &str) -> Mention {
    Mention {
        article: article.into(),
        seq: n as u32,
        published: None,
        line: n,
        source_start: 0,
        source_end: text.len(),
        claim: Claim {
            start: 0,
            end: text.len(),
            text: text.into(),
            sentence_start: 0,
            sentence_end: text.len(),
            numbers: vec![],
            dates: vec![],
            attribution: None,
            hedged: false,
            negated: false,
            entities: vec![],
            score: 1.0,
        },
    }
}

fn dated(mut m: Mention, words: &str, value: &str, granularity: Granularity) -> Mention {
    let start = m.claim.text.find(words).unwrap_or(0);
    m.claim.dates.push(DateMention {
        text: words.into(),
        start,
        end: start + words.len(),
        value: Some(value.into()),
        granularity,
    });
    m
}

fn counted(
    mut m: Mention,
    words: &str,
    min: f64,
    max: f64,
    kind: QuantityKind,
    what: &str,
) -> Mention {
    let start = m.claim.text.find(words).unwrap_or(0);
    m.claim.numbers.push(Quantity {
        text: words.into(),
        start,
        end: start + words.len(),
        min,
        max,
        kind,
        counted: Some(what.into()),
        unit: None,
    });
    m
}

/// A small corpus: the seed facts plus unrelated filler, so that IDF weights mean something.
fn corpus() -> Vec<Mention> {
    let mut ms = vec![
        mention("000", 1, "North Korea faces severe sanctions from the United Nations Security Council."),
        mention("000", 2, "Accusations of the country clandestinely supplying weapons to Russia."),
        dated(
            mention("000", 3, "Last August, in a series of exchanged letters commemorating liberation day, Putin expressed his commitment to expanding bilateral relations."),
            "Last August",
            "2022-08",
            Granularity::Month,
        ),
        mention("001", 1, "Both countries face heavy sanctions imposed by U.S.-led global coalitions."),
        dated(
            mention("001", 2, "Kim made the promise in a letter to Russian President Vladimir Putin on Tuesday, the anniversary of Korea's liberation from Japanese colonial rule."),
            "on Tuesday",
            "2023-08-15",
            Granularity::Day,
        ),
        mention("001", 3, "Washington said Shoigu used his trip to request munitions supplies from North Korea."),
        mention("002", 1, "Kim has been accused of assisting Russia in its war against Ukraine by providing munitions in exchange for economic and technological support."),
        dated(
            mention("003", 1, "Russia and North Korea exchanged messages of mutual support on Monday, per state media outlets."),
            "on Monday",
            "2022-08-15",
            Granularity::Day,
        ),
        mention("003", 2, "Russia and North Korea have in common the status of being among the most heavily-sanctioned economies in the world."),
        counted(
            mention("004", 1, "Approximately 600 North Korean troops have reportedly died in the conflict."),
            "Approximately 600",
            540.0,
            660.0,
            QuantityKind::Count,
            "north korean troops",
        ),
        counted(
            mention("004", 2, "Reports from Seoul indicate that approximately 600 North Korean soldiers have lost their lives while fighting for Russia."),
            "approximately 600",
            540.0,
            660.0,
            QuantityKind::Count,
            "north korean soldiers",
        ),
    ];
    let filler = [
        "The stock market closed higher on strong earnings from technology companies.",
        "Heavy rain flooded several villages in the northern province overnight.",
        "The central bank kept interest rates unchanged for the third month.",
        "A new railway line between the two cities opened to passengers.",
        "Scientists reported a rare bird species nesting on the island.",
        "The football club signed a young striker from a rival team.",
    ];
    for (k, t) in filler.iter().enumerate() {
        ms.push(mention("filler", k + 1, t));
    }
    ms
}

fn group_of(groups: &[Vec<usize>], i: usize) -> &[usize] {
    groups
        .iter()
        .find(|g| g.contains(&i))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

#[test]
fn every_mention_is_in_exactly_one_sorted_group() {
    let ms = corpus();
    let groups = cluster(&ms, &Params::default());
    let mut all: Vec<usize> = groups.iter().flatten().copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..ms.len()).collect::<Vec<_>>());
    assert!(groups.iter().all(|g| g.windows(2).all(|w| w[0] < w[1])));
    assert!(groups.windows(2).all(|w| w[0][0] < w[1][0]));
}

#[test]
fn same_fact_in_several_articles_clusters() {
    let ms = corpus();
    let groups = cluster(&ms, &Params::default());
    eprintln!("{groups:?}");
    // The sanctions statements of 000, 001 and 003.
    assert!(
        group_of(&groups, 0).contains(&3) && group_of(&groups, 0).contains(&8),
        "{groups:?}"
    );
    // The weapons accusations of 000 and 002.
    assert!(group_of(&groups, 1).contains(&6), "{groups:?}");
    // The 2022 letters of 000 and 003.
    assert!(group_of(&groups, 2).contains(&7), "{groups:?}");
    // The ~600 deaths stated twice in 004.
    assert_eq!(group_of(&groups, 9), &[9, 10]);
}

#[test]
fn the_same_kind_of_event_in_another_year_is_another_event() {
    let ms = corpus();
    let groups = cluster(&ms, &Params::default());
    assert!(
        !group_of(&groups, 4).contains(&7) && !group_of(&groups, 4).contains(&2),
        "{groups:?}"
    );
    let p = Params {
        link_threshold: 0.0,
        ..Params::default()
    };
    assert_eq!(same_fact(&ms[4], &ms[7], &p), None);
    // Without the dates the two letters would be the same fact.
    let undated = |m: &Mention| Mention {
        claim: Claim {
            dates: vec![],
            ..m.claim.clone()
        },
        ..m.clone()
    };
    assert!(same_fact(&undated(&ms[4]), &undated(&ms[2]), &p).is_some());
}

#[test]
fn dates_a_few_days_apart_may_be_one_event() {
    let a = dated(
        mention("a", 1, "Pirates attacked the tanker Sirius Star on Friday."),
        "on Friday",
        "2008-11-14",
        Granularity::Day,
    );
    let b = dated(
        mention(
            "b",
            1,
            "Pirates attacked the tanker Sirius Star on Thursday.",
        ),
        "on Thursday",
        "2008-11-13",
        Granularity::Day,
    );
    assert!(same_fact(&a, &b, &Params::default()).is_some());
}

#[test]
fn different_ordinals_are_different_events() {
    let a = counted(
        mention("a", 1, "Hugh Jackman will host the 81st Academy Awards."),
        "81st",
        81.0,
        81.0,
        QuantityKind::Ordinal,
        "academy awards",
    );
    let b = counted(
        mention("b", 1, "Ellen DeGeneres will host the 86th Academy Awards."),
        "86th",
        86.0,
        86.0,
        QuantityKind::Ordinal,
        "academy awards",
    );
    let c = counted(
        mention(
            "c",
            1,
            "The 81st Academy Awards will be hosted by Hugh Jackman.",
        ),
        "81st",
        81.0,
        81.0,
        QuantityKind::Ordinal,
        "academy awards",
    );
    let p = Params {
        link_threshold: 0.0,
        ..Params::default()
    };
    assert_eq!(same_fact(&a, &b, &p), None);
    assert!(same_fact(&a, &c, &Params::default()).is_some());
}

#[test]
fn relative_ordinals_are_no_evidence() {
    let plain = mention("a", 1, "The convoy left Kursk.");
    let last = counted(
        plain.clone(),
        "last",
        0.0,
        0.0,
        QuantityKind::RelativeOrdinal(model::Relative {
            anchor: model::Anchor::End,
            offset: 0,
        }),
        "convoy",
    );
    let (f, g) = (features(&plain), features(&last));
    assert_eq!((f.terms, f.ordinals), (g.terms, g.ordinals));
}

#[test]
fn one_broad_sentence_does_not_chain_two_statements_of_an_article() {
    // Mentions 0 and 1 are different statements of article 0; mention 2 (article 1) resembles both.
    let mut g = Groups::new(&[0, 0, 1]);
    g.merge(0, 2, 0.0, |_, _| false);
    g.merge(1, 2, 0.0, |_, _| false);
    assert_eq!(g.into_sorted(), vec![vec![0, 2], vec![1]]);
    // When the two statements are themselves the same fact (a repeat), they may join.
    let mut g = Groups::new(&[0, 0, 1]);
    g.merge(0, 2, 0.0, |_, _| true);
    g.merge(1, 2, 0.0, |_, _| true);
    assert_eq!(g.into_sorted(), vec![vec![0, 1, 2]]);
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let mut ms = corpus();
    // Repeat the corpus under other article names, so there is real work to share.
    for copy in 0..20 {
        ms.extend(corpus().into_iter().map(|m| Mention {
            article: format!("{}-{copy}", m.article),
            ..m
        }));
    }
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| cluster(&ms, &Params::default()))
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(4));
}

#[test]
fn blocking_keys_are_stable_and_shared_by_paraphrases() {
    let ms = corpus();
    let k0 = blocking_keys(&ms[0]);
    assert_eq!(k0, blocking_keys(&ms[0].clone()));
    assert!(k0.windows(2).all(|w| w[0] < w[1]));
    assert!(k0.iter().any(|k| blocking_keys(&ms[3]).contains(k)));
}

/// Two earthquakes told by two articles each: the mentions of one story, with entities marked as
/// extract would (capitalised words after the first).
pub(crate) fn two_earthquakes() -> Vec<Mention> {
    let articles: [(&str, &[&str]); 4] = [
        ("iran-1", &[
            "A strong earthquake struck near Bandar Abbas on the island of Qeshm.",
            "The earthquake damaged villages on Qeshm and killed several people.",
            "Rescue teams from Hormozgan province reached the island.",
        ]),
        ("iran-2", &[
            "An earthquake hit the island of Qeshm in southern Iran, near Bandar Abbas.",
            "Villages on Qeshm were damaged and people were killed, officials in Hormozgan said.",
        ]),
        ("california-1", &[
            "A strong earthquake struck near Ridgecrest in the Mojave desert.",
            "The earthquake damaged buildings in Ridgecrest and Trona.",
            "Kern County firefighters searched the damaged buildings.",
        ]),
        ("california-2", &[
            "An earthquake hit Ridgecrest in the Mojave desert of California.",
            "Buildings in Trona were damaged, Kern County officials said.",
        ]),
    ];
    let mut ms = Vec::new();
    for (name, sentences) in articles {
        for (k, s) in sentences.iter().enumerate() {
            let mut m = mention(name, k + 1, s);
            m.claim.entities = s
                .split_whitespace()
                .skip(1)
                .filter(|w| w.starts_with(char::is_uppercase))
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            ms.push(m);
        }
    }
    ms
}

#[test]
fn the_same_event_words_in_two_stories_are_two_events() {
    let ms = two_earthquakes();
    let groups = cluster(&ms, &Params::default());
    // "A strong earthquake struck near Bandar Abbas" and "... near Ridgecrest" share their words
    // but not their story.
    assert!(!group_of(&groups, 0).contains(&5), "{groups:?}");
    // Within a story, the lead sentences join though their wording differs.
    assert!(group_of(&groups, 0).contains(&3), "{groups:?}");
    assert!(group_of(&groups, 5).contains(&8), "{groups:?}");
}

#[test]
fn diagnosis_says_why_a_pair_links_or_not() {
    let ms = two_earthquakes();
    let groups = cluster(&ms, &Params::default());
    let together = |i: usize, j: usize| groups.iter().any(|g| g.contains(&i) && g.contains(&j));
    // iran-1's first sentence and iran-2's first: one earthquake, one story.
    let d = diagnose(&ms, 0, 3, &Params::default());
    assert!(d.same_story && d.candidate, "{d:?}");
    assert!(d.score.is_some_and(|s| s >= d.threshold), "{d:?}");
    assert!(together(0, 3));
    // iran-1 and california-1 open alike but tell different stories.
    let d = diagnose(&ms, 0, 5, &Params::default());
    assert!(!d.same_story, "{d:?}");
    assert_eq!(d.threshold, Params::default().link_threshold);
    assert!(!together(0, 5) || d.score.is_some_and(|s| s >= d.threshold));
}
