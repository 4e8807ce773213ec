//! Findings on hand-built clusters.

use super::*;
use model::{Anchor, Claim, DateMention, Granularity, Relative};

fn mention(article: &str, text: &str, published: Option<&str>) -> Mention {
    Mention {
        article: article.into(),
        seq: 1,
        published: published.and_then(|p| p.parse().ok()),
        line: 1,
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

/// Adds the number written as `words` in the mention's text.
fn with_number(mut m: Mention, words: &str, min: f64, max: f64, counted: &str) -> Mention {
    let start = m.claim.text.find(words).unwrap_or(0);
    m.claim.numbers.push(Quantity {
        text: words.into(),
        start,
        end: start + words.len(),
        min,
        max,
        kind: QuantityKind::Count,
        counted: Some(counted.into()),
        unit: None,
    });
    m
}

fn with_date(mut m: Mention, words: &str, value: &str, granularity: Granularity) -> Mention {
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

fn infos(groups: &[(&str, usize)]) -> HashMap<String, ArticleInfo> {
    groups
        .iter()
        .map(|(a, g)| {
            (
                a.to_string(),
                ArticleInfo {
                    label: a.to_string(),
                    copy_group: *g,
                },
            )
        })
        .collect()
}

fn run(ms: &[Mention], groups: &[(&str, usize)]) -> Finding {
    let refs: Vec<&Mention> = ms.iter().collect();
    compare(&refs, &infos(groups))
}

#[test]
fn overlapping_intervals_agree() {
    let ms = [
        with_number(
            mention("001", "About 600 soldiers were killed.", None),
            "About 600",
            540.0,
            660.0,
            "soldiers",
        ),
        with_number(
            mention("002", "600 soldiers were killed.", None),
            "600",
            600.0,
            600.0,
            "soldiers",
        ),
        with_number(
            mention("003", "More than 10,000 troops were sent.", None),
            "More than 10,000",
            10_000.0,
            f64::INFINITY,
            "troops",
        ),
        with_number(
            mention("004", "11,000 troops were sent.", None),
            "11,000",
            11_000.0,
            11_000.0,
            "troops",
        ),
    ];
    let f = run(&ms, &[("001", 0), ("002", 1), ("003", 2), ("004", 3)]);
    assert_eq!(f.status, Status::Corroborated, "{f:?}");
    assert_eq!((f.sources, f.independent_sources), (4, 4));
}

#[test]
fn disjoint_values_of_one_quantity_conflict() {
    let ms = [
        with_number(
            mention(
                "004",
                "Approximately 600 North Korean soldiers were killed.",
                None,
            ),
            "Approximately 600",
            540.0,
            660.0,
            "north korean soldiers",
        ),
        with_number(
            mention("001", "1,200 soldiers were killed in Kursk.", None),
            "1,200",
            1200.0,
            1200.0,
            "soldiers",
        ),
    ];
    let f = run(&ms, &[("001", 0), ("004", 1)]);
    assert_eq!(f.status, Status::Conflict);
    assert_eq!(f.conflict_kind, Some(ConflictKind::Number));
    assert_eq!(
        f.disagreement,
        "number differs: 001 says 1,200 soldiers; 004 says ~600 north korean soldiers"
    );
}

#[test]
fn a_different_counted_noun_or_predicate_is_a_different_quantity() {
    let ms = [
        with_number(
            mention("001", "600 soldiers were killed.", None),
            "600",
            600.0,
            600.0,
            "soldiers",
        ),
        with_number(
            mention("002", "1,000 soldiers were wounded.", None),
            "1,000",
            1000.0,
            1000.0,
            "soldiers",
        ),
        with_number(
            mention("003", "Russia sent 10,000 troops.", None),
            "10,000",
            10_000.0,
            10_000.0,
            "troops",
        ),
        with_number(
            mention("004", "600 civilians were killed.", None),
            "600",
            600.0,
            600.0,
            "civilians",
        ),
        with_number(
            mention("005", "5,532 sanctions were imposed.", None),
            "5,532",
            5532.0,
            5532.0,
            "sanctions",
        ),
    ];
    let f = run(
        &ms,
        &[("001", 0), ("002", 1), ("003", 2), ("004", 3), ("005", 4)],
    );
    assert_eq!(f.status, Status::Corroborated, "{f:?}");
}

#[test]
fn an_updated_figure_reads_as_a_change_over_time() {
    let ms = [
        with_number(
            mention("007", "300 soldiers have been killed.", Some("2025-01-13")),
            "300",
            300.0,
            300.0,
            "soldiers",
        ),
        with_number(
            mention("006", "100 soldiers have been killed.", Some("2024-12-19")),
            "100",
            100.0,
            100.0,
            "soldiers",
        ),
    ];
    let f = run(&ms, &[("006", 0), ("007", 1)]);
    assert_eq!(f.status, Status::Conflict);
    assert_eq!(
        f.disagreement,
        "number changed over time: 006 says 100 soldiers (2024-12-19) → 007 says 300 soldiers (2025-01-13)"
    );
    // Published the same day: a contradiction.
    let same_day = [
        ms[0].clone(),
        Mention {
            published: "2025-01-13".parse().ok(),
            ..ms[1].clone()
        },
    ];
    let f = run(&same_day, &[("006", 0), ("007", 1)]);
    assert_eq!(
        f.disagreement,
        "number differs: 006 says 100 soldiers; 007 says 300 soldiers"
    );
}

#[test]
fn dates_conflict_only_at_the_coarser_granularity_and_when_resolved() {
    let friday = with_date(
        mention("a", "Pirates attacked the tanker on Friday.", None),
        "on Friday",
        "2008-11-14",
        Granularity::Day,
    );
    let thursday = with_date(
        mention("b", "Pirates attacked the tanker on Thursday.", None),
        "on Thursday",
        "2008-11-13",
        Granularity::Day,
    );
    let november = with_date(
        mention("c", "Pirates attacked the tanker in November.", None),
        "in November",
        "2008-11",
        Granularity::Month,
    );
    let unresolved = DateMention {
        value: None,
        ..thursday.claim.dates[0].clone()
    };
    let unresolved = Mention {
        claim: Claim {
            dates: vec![unresolved],
            ..thursday.claim.clone()
        },
        ..thursday.clone()
    };
    let groups = [("a", 0), ("b", 1), ("c", 2)];
    let f = run(&[friday.clone(), thursday], &groups);
    assert_eq!(
        (f.status, f.conflict_kind),
        (Status::Conflict, Some(ConflictKind::Date))
    );
    assert_eq!(
        f.disagreement,
        "date differs: a says 2008-11-14; b says 2008-11-13"
    );
    assert_eq!(
        run(&[friday.clone(), november], &groups).status,
        Status::Corroborated
    );
    assert_eq!(
        run(&[friday, unresolved], &groups).status,
        Status::Corroborated
    );
}

#[test]
fn the_same_kind_of_event_a_year_apart_is_no_date_conflict() {
    let y2022 = with_date(
        mention("003", "Putin and Kim exchanged letters.", None),
        "",
        "2022-08-15",
        Granularity::Day,
    );
    let y2023 = with_date(
        mention("001", "Putin and Kim exchanged letters.", None),
        "",
        "2023-08-15",
        Granularity::Day,
    );
    assert_ne!(
        run(&[y2022, y2023], &[("001", 0), ("003", 1)]).status,
        Status::Conflict
    );
}

#[test]
fn a_denial_of_the_same_statement_is_a_stance_conflict() {
    let says = mention(
        "002",
        "North Korea supplied artillery shells to Russia for its war in Ukraine.",
        None,
    );
    let denies = Mention {
        claim: Claim {
            negated: true,
            ..mention(
                "001",
                "North Korea has not supplied artillery shells to Russia for its war in Ukraine.",
                None,
            )
            .claim
        },
        ..mention("001", "", None)
    };
    let f = run(&[says.clone(), denies.clone()], &[("001", 0), ("002", 1)]);
    assert_eq!(
        (f.status, f.conflict_kind),
        (Status::Conflict, Some(ConflictKind::Stance))
    );
    assert_eq!(
        f.disagreement,
        "stance differs: 001 says denies it; 002 says states it"
    );
    // A hedged claim is no firm statement to contradict.
    let hedged = Mention {
        claim: Claim {
            hedged: true,
            ..says.claim.clone()
        },
        ..says
    };
    assert_eq!(
        run(&[hedged, denies], &[("001", 0), ("002", 1)]).status,
        Status::Corroborated
    );
}

#[test]
fn copies_are_one_independent_source_and_origins_are_deduplicated() {
    let mut a = mention("001", "Kim vowed to strengthen ties, KCNA said.", None);
    a.claim.attribution = Some("KCNA".into());
    let mut b = mention("002", "Kim vowed to strengthen ties, KCNA said.", None);
    b.claim.attribution = Some("the kcna".into());
    let mut c = mention("003", "Kim vowed to strengthen ties.", None);
    c.claim.attribution = Some("Rodong Sinmun".into());
    let f = run(&[a.clone(), b.clone()], &[("001", 0), ("002", 0)]);
    assert_eq!(
        (f.status, f.sources, f.independent_sources),
        (Status::SingleSource, 2, 1)
    );
    let f = run(
        &[c.clone(), b.clone(), a.clone()],
        &[("001", 0), ("002", 0), ("003", 2)],
    );
    assert_eq!(
        (f.status, f.sources, f.independent_sources),
        (Status::Corroborated, 3, 2)
    );
    assert_eq!(
        f.origins,
        vec!["KCNA".to_string(), "Rodong Sinmun".to_string()]
    );
}

#[test]
fn repeats_in_one_article_are_one_source() {
    let a = mention(
        "004",
        "Approximately 600 North Korean troops have reportedly died.",
        None,
    );
    let b = mention(
        "004",
        "Approximately 600 North Korean soldiers have lost their lives.",
        None,
    );
    let f = run(&[a, b], &[("004", 0)]);
    assert_eq!(
        (f.status, f.sources, f.independent_sources),
        (Status::SingleSource, 1, 1)
    );
}

#[test]
fn the_finding_does_not_depend_on_mention_order() {
    let ms = vec![
        with_number(
            mention("b", "1,200 soldiers were killed.", None),
            "1,200",
            1200.0,
            1200.0,
            "soldiers",
        ),
        with_number(
            mention("a", "600 soldiers were killed.", None),
            "600",
            600.0,
            600.0,
            "soldiers",
        ),
        with_number(
            mention("c", "900 soldiers were killed.", None),
            "900",
            900.0,
            900.0,
            "soldiers",
        ),
    ];
    let groups = [("a", 0), ("b", 1), ("c", 2)];
    let f = run(&ms, &groups);
    let mut rev = ms.clone();
    rev.reverse();
    assert_eq!(f, run(&rev, &groups));
    assert_eq!(
        f.disagreement,
        "number differs: a says 600 soldiers; b says 1,200 soldiers; c says 900 soldiers"
    );
}

#[test]
fn numbers_and_dates_read_plainly() {
    let q = |text: &str, min: f64, max: f64, counted: Option<&str>| Quantity {
        text: text.into(),
        start: 0,
        end: 0,
        min,
        max,
        kind: QuantityKind::Count,
        counted: counted.map(Into::into),
        unit: None,
    };
    assert_eq!(
        describe_quantity(&q("approximately 600", 540.0, 660.0, Some("soldiers"))),
        "~600 soldiers"
    );
    assert_eq!(
        describe_quantity(&q("5,532", 5532.0, 5532.0, Some("sanctions"))),
        "5,532 sanctions"
    );
    assert_eq!(
        describe_quantity(&q(
            "more than 10,000",
            10_000.0,
            f64::INFINITY,
            Some("troops")
        )),
        ">10,000 troops"
    );
    assert_eq!(
        describe_quantity(&q("at least 3", 3.0, f64::INFINITY, None)),
        "≥3"
    );
    assert_eq!(
        describe_quantity(&q("between 10 and 20", 10.0, 20.0, None)),
        "10–20"
    );
    let usd = Quantity {
        unit: Some("USD".into()),
        ..q("$1.5 billion", 1.5e9, 1.5e9, None)
    };
    assert_eq!(describe_quantity(&usd), "$1.5 billion");
    let pct = Quantity {
        kind: QuantityKind::Percent,
        ..q("40%", 40.0, 40.0, None)
    };
    assert_eq!(describe_quantity(&pct), "40%");
    let mut claim = mention("a", "On Tuesday, in August 2022", None).claim;
    claim.dates = vec![
        DateMention {
            text: "On Tuesday".into(),
            start: 0,
            end: 10,
            value: None,
            granularity: Granularity::Day,
        },
        DateMention {
            text: "August 2022".into(),
            start: 15,
            end: 26,
            value: Some("2022-08".into()),
            granularity: Granularity::Month,
        },
    ];
    assert_eq!(describe_dates(&claim), "On Tuesday, 2022-08");
    assert_eq!(describe_numbers(&claim), "");
    let last = Quantity {
        kind: QuantityKind::RelativeOrdinal(Relative {
            anchor: Anchor::End,
            offset: 0,
        }),
        ..q("the last", 0.0, 0.0, None)
    };
    assert_eq!(describe_quantity(&last), "the last");
    claim.numbers = vec![last, q("600", 600.0, 600.0, Some("soldiers"))];
    assert_eq!(describe_numbers(&claim), "600 soldiers");
}

#[test]
fn relative_ordinals_never_conflict() {
    let last = |m: Mention, words: &str, offset: i32| {
        let mut m = with_number(m, words, f64::from(offset), f64::from(offset), "convoys");
        m.claim.numbers[0].kind = QuantityKind::RelativeOrdinal(Relative {
            anchor: Anchor::End,
            offset,
        });
        m
    };
    let ms = [
        last(
            mention("001", "The last convoy left Kursk.", None),
            "last",
            0,
        ),
        last(
            mention("002", "The penultimate convoy left Kursk.", None),
            "penultimate",
            -1,
        ),
    ];
    let f = run(&ms, &[("001", 0), ("002", 1)]);
    assert_eq!(f.status, Status::Corroborated, "{f:?}");
    assert_eq!(f.conflict_kind, None);
}

#[test]
fn a_denial_sharing_only_names_is_no_stance_conflict() {
    let says = Mention {
        claim: Claim {
            entities: vec!["pyongyang".into(), "moscow".into()],
            ..mention(
                "000",
                "Kim called for even closer strategic cooperation between Pyongyang and Moscow.",
                None,
            )
            .claim
        },
        ..mention("000", "", None)
    };
    let denies = Mention {
        claim: Claim {
            negated: true,
            entities: vec!["moscow".into(), "pyongyang".into()],
            ..mention("001", "which Moscow and Pyongyang have both denied", None).claim
        },
        ..mention("001", "", None)
    };
    let f = run(&[says, denies], &[("000", 0), ("001", 1)]);
    assert_ne!(
        f.conflict_kind,
        Some(ConflictKind::Stance),
        "{}",
        f.disagreement
    );
}
