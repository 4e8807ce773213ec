//! Scores `extract` against the Recognizers-Text cases and the stance labels, and measures its
//! throughput on the seed articles.
//!
//! `cargo run --release -p extract --example eval_extract -- <eval/extract dir> <stance_labels.tsv> [seeds dir]`
//!
//! Every input goes through `extract` with `Options { all: true, .. }` as one sentence, the same
//! code path as production. A case is exact when every expected item is matched by value (a
//! relative ordinal such as upstream's "end-1" by its anchor and offset) and no extra item is
//! found. Cases outside news (fractions, powers, relative ordinals, …) are counted
//! in the totals and also shown on their own lines.

use extract::{extract, Options};
use model::{
    Anchor, Claim, DateMention, Granularity, PubDate, Quantity, QuantityKind, Relative, Sentence,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Failures shown per category; `EVAL_SHOW=n` shows more when working on a parser.
fn show() -> usize {
    std::env::var("EVAL_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

fn run(input: &str, published: Option<PubDate>) -> Claim {
    let s = [Sentence {
        start: 0,
        end: input.len(),
    }];
    let opts = Options {
        all: true,
        ..Options::default()
    };
    extract(input, &s, published, &opts)
        .into_iter()
        .next()
        .unwrap_or(Claim {
            start: 0,
            end: 0,
            text: String::new(),
            sentence_start: 0,
            sentence_end: 0,
            numbers: vec![],
            dates: vec![],
            attribution: None,
            hedged: false,
            negated: false,
            entities: vec![],
            score: 0.0,
        })
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn published(v: &Value) -> Option<PubDate> {
    v["reference_datetime"]
        .as_str()
        .and_then(|s| s.get(..10))
        .and_then(|s| s.parse().ok())
}

/// Upstream value strings as numbers: "192", "1.5", "100%", "1.232E+15".
fn num(v: &Value) -> Option<f64> {
    v.as_str()
        .and_then(|s| s.trim_end_matches('%').parse().ok())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// An expected value within a found interval's ends or at its middle.
fn in_interval(e: f64, (lo, hi): (f64, f64)) -> bool {
    close(lo, e) || close(hi, e) || (hi.is_finite() && close((lo + hi) / 2.0, e))
}

/// Upstream's relative ordinal values: "end+0", "current-1".
fn relative(v: &Value) -> Option<Relative> {
    let s = v.as_str()?;
    let (anchor, offset) = if let Some(o) = s.strip_prefix("end") {
        (Anchor::End, o)
    } else {
        (Anchor::Current, s.strip_prefix("current")?)
    };
    Some(Relative {
        anchor,
        offset: offset.parse().ok()?,
    })
}

/// An expected number or ordinal: a value, or a position relative to a list.
#[derive(Clone, Copy)]
enum Want {
    Value(f64),
    Relative(Relative),
}

impl Want {
    fn of(v: &Value) -> Want {
        relative(v).map_or_else(|| Want::Value(num(v).unwrap_or(f64::NAN)), Want::Relative)
    }

    /// Values match within an interval; relative ordinals only by the same anchor and offset.
    fn matches(self, q: &Quantity) -> bool {
        match (self, q.kind) {
            (Want::Relative(r), QuantityKind::RelativeOrdinal(found)) => r == found,
            (Want::Value(e), kind) if !matches!(kind, QuantityKind::RelativeOrdinal(_)) => {
                in_interval(e, (q.min, q.max))
            }
            _ => false,
        }
    }
}

/// Multiset match: each expected item takes one unused found item.
fn exact<E, F>(expected: &[E], found: &[F], hit: impl Fn(&E, &F) -> bool) -> bool {
    if expected.len() != found.len() {
        return false;
    }
    let mut used = vec![false; found.len()];
    expected.iter().all(|e| {
        let i = found
            .iter()
            .enumerate()
            .position(|(i, f)| !used[i] && hit(e, f));
        if let Some(i) = i {
            used[i] = true;
        }
        i.is_some()
    })
}

#[derive(Default)]
struct Tally {
    ok: usize,
    n: usize,
    failures: Vec<String>,
}

impl Tally {
    fn add(&mut self, ok: bool, why: impl FnOnce() -> String) {
        self.n += 1;
        if ok {
            self.ok += 1;
        } else {
            self.failures.push(why());
        }
    }

    fn rate(&self) -> String {
        format!(
            "{}/{} = {:.1}%",
            self.ok,
            self.n,
            100.0 * self.ok as f64 / self.n.max(1) as f64
        )
    }
}

/// Which kind of case a number/ordinal/percent input is, so the ones outside news show apart.
fn number_category(input: &str, expected: &[Value]) -> &'static str {
    let l = input.to_lowercase();
    let types: Vec<&str> = expected.iter().filter_map(|e| e["type"].as_str()).collect();
    if types.iter().any(|t| t.contains("relative")) {
        return "relative ordinal (next/last)";
    }
    if expected.iter().any(|e| {
        e["subtype"]
            .as_str()
            .is_some_and(|s| s == "fraction" || s == "power")
    }) || l.contains('^')
        || l.contains(" over ")
        || l.contains("out of")
        || l.contains(" in twenty")
        || l.contains('⅔')
        || l.contains('½')
        || l.contains('⅙')
    {
        return "fraction or power";
    }
    if l.contains("lakh") || l.contains("crore") {
        return "lakh/crore";
    }
    if l.contains("http")
        || l.contains("192.168")
        || l.contains("scp-")
        || l.contains("5/17")
        || l.contains("nought")
        || l.contains("naught")
    {
        return "ids, dates, noughts";
    }
    "core"
}

/// The kinds of found quantity a file's cases are scored on.
type Kinds = fn(QuantityKind) -> bool;

fn cardinal(k: QuantityKind) -> bool {
    matches!(k, QuantityKind::Count | QuantityKind::Duration)
}

fn ordinal(k: QuantityKind) -> bool {
    matches!(k, QuantityKind::Ordinal | QuantityKind::RelativeOrdinal(_))
}

fn numbers_eval(dir: &Path) {
    let mut total = Tally::default();
    let mut by_cat: BTreeMap<&str, Tally> = BTreeMap::new();
    let files: [(&str, Kinds, &[&str]); 3] = [
        ("number.jsonl", cardinal, &["number"]),
        ("ordinal.jsonl", ordinal, &["ordinal", "ordinal.relative"]),
        (
            "percent.jsonl",
            |k| k == QuantityKind::Percent,
            &["percentage"],
        ),
    ];
    for (file, kinds, types) in files {
        let mut t = Tally::default();
        for case in read_jsonl(&dir.join(file)) {
            let input = case["input"].as_str().unwrap_or("");
            let exp: Vec<Value> = case["expected"].as_array().cloned().unwrap_or_default();
            let exp_items: Vec<&Value> = exp
                .iter()
                .filter(|e| e["type"].as_str().is_some_and(|t| types.contains(&t)))
                .collect();
            let expected: Vec<Want> = exp_items.iter().map(|e| Want::of(&e["value"])).collect();
            let claim = run(input, None);
            // Measurements with a unit other than money are dimensions, not numbers, upstream too.
            let found: Vec<&Quantity> = claim
                .numbers
                .iter()
                .filter(|q| {
                    kinds(q.kind)
                        && (q.unit.is_none()
                            || q.unit.as_deref().is_some_and(|u| {
                                u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())
                            })
                            || q.kind != QuantityKind::Count)
                })
                .collect();
            let ok = exact(&expected, &found, |e, q| e.matches(q));
            let why = || {
                let got: Vec<String> = claim
                    .numbers
                    .iter()
                    .map(|q| format!("{}={}..{} {:?}", q.text, q.min, q.max, q.kind))
                    .collect();
                let want: Vec<String> = exp_items
                    .iter()
                    .map(|e| {
                        format!(
                            "{}={}",
                            e["text"].as_str().unwrap_or(""),
                            e["value"].as_str().unwrap_or("")
                        )
                    })
                    .collect();
                format!("{file}: {input:?} want {want:?} got {got:?}")
            };
            t.add(ok, why);
            total.add(ok, why);
            by_cat
                .entry(number_category(input, &exp))
                .or_default()
                .add(ok, why);
        }
        println!("{file:<16} exact {}", t.rate());
    }
    println!(
        "cardinal+ordinal+percent exact {}  (all cases counted)",
        total.rate()
    );
    for (cat, t) in &by_cat {
        println!("  {cat:<30} {}", t.rate());
    }
    for (cat, t) in &by_cat {
        for f in t.failures.iter().take(if *cat == "core" {
            show() * 2
        } else {
            show() / 3
        }) {
            println!("    FAIL [{cat}] {f}");
        }
    }
}

/// First day and the day after the last of one ISO value: a day, month, year, ISO week
/// (`2023-W33`), quarter (`2019-Q3`), half year (`2019-H2`), decade (`199`) or century (`20`).
fn unit_span(v: &str) -> Option<(String, String)> {
    let day = |y: i32, m: u32, d: u32| format!("{y:04}-{m:02}-{d:02}");
    let month_after = |y: i32, m: u32| if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let n = |s: &str| s.parse::<i32>().ok();
    if let Some((y, w)) = v.split_once("-W") {
        let (y, w) = (n(y)?, i64::from(n(w)?));
        // Week 1 holds 4 January.
        let jan4 = days(y, 1, 4);
        let monday = jan4 - (jan4 + 3).rem_euclid(7) + 7 * (w - 1);
        return Some((civil(monday), civil(monday + 7)));
    }
    for (sep, len) in [("-Q", 3), ("-H", 6)] {
        if let Some((y, q)) = v.split_once(sep) {
            let (y, q) = (n(y)?, n(q)?);
            let m = u32::try_from(len * q - len + 1).ok()?;
            let (y2, m2) = if m + len as u32 > 12 {
                (y + 1, 1)
            } else {
                (y, m + len as u32)
            };
            return Some((day(y, m, 1), day(y2, m2, 1)));
        }
    }
    let parts: Vec<&str> = v.split('-').collect();
    match parts[..] {
        [c] if c.len() == 2 => {
            let y = n(c)? * 100;
            Some((day(y, 1, 1), day(y + 100, 1, 1)))
        }
        [d] if d.len() == 3 => {
            let y = n(d)? * 10;
            Some((day(y, 1, 1), day(y + 10, 1, 1)))
        }
        [y] => {
            let y = n(y)?;
            Some((day(y, 1, 1), day(y + 1, 1, 1)))
        }
        [y, m] => {
            let (y, m) = (n(y)?, u32::try_from(n(m)?).ok()?);
            let (y2, m2) = month_after(y, m);
            Some((day(y, m, 1), day(y2, m2, 1)))
        }
        [y, m, d] => {
            let (y, m, d) = (n(y)?, n(m)?, n(d)?);
            let t = days(y, m as u32, d as u32);
            Some((civil(t), civil(t + 1)))
        }
        _ => None,
    }
}

fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn civil(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A mention in upstream's value form: a day, or anything longer as a half-open range. Upstream
/// writes a stated range ("2014 to 2018", "before 2018") from the first day of each end as
/// stated, which is what the first day of each side of our interval gives.
fn upstream_value(d: &DateMention) -> String {
    let Some(v) = &d.value else {
        return "not resolved".into();
    };
    if let Some((a, b)) = v.split_once('/') {
        let side = |s: &str| {
            if s == ".." {
                String::new()
            } else {
                unit_span(s).map(|x| x.0).unwrap_or_else(|| s.to_string())
            }
        };
        return format!("{}/{}", side(a), side(b));
    }
    match unit_span(v) {
        Some((a, _)) if d.granularity == Granularity::Day && v.len() == 10 => a,
        Some((a, b)) => format!("{a}/{b}"),
        None => v.clone(),
    }
}

fn date_category(items: &[&Value]) -> &'static str {
    let text: String = items
        .iter()
        .filter_map(|e| e["text"].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let value: String = items
        .iter()
        .filter_map(|e| e["value"].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if [
        "week",
        "weekend",
        "fortnight",
        "quarter",
        "century",
        "decade",
        "nineties",
        "eoy",
        "easter",
        "christmas",
        "halloween",
        "thanksgiving",
        "labor day",
        "independence",
        "eid",
        "new year",
        "workers",
    ]
    .iter()
    .any(|w| text.contains(w))
    {
        return "weeks, quarters, holidays";
    }
    if [
        "before",
        "after",
        "since",
        "later than",
        "or later",
        "greater",
        "to date",
        "as late",
        "as early",
        "and later",
        "and after",
        "starting",
        "within",
        "next ",
        "upcoming",
        "past ",
        "previous ",
    ]
    .iter()
    .any(|w| text.contains(w))
        && value.contains('/')
    {
        return "open or counted ranges";
    }
    if [" to ", "-", "through", "between", "till", "until", "~"]
        .iter()
        .any(|w| text.contains(w))
        && value.contains('/')
    {
        return "closed ranges";
    }
    if ["from", "ago", "after", "before", "later"]
        .iter()
        .any(|w| text.contains(w))
    {
        return "date arithmetic";
    }
    "single dates"
}

fn datetime_eval(dir: &Path) {
    let wanted = ["datetimeV2.date", "datetimeV2.daterange"];
    let mut t = Tally::default();
    let mut negatives = Tally::default();
    let mut other = 0;
    let mut by_cat: BTreeMap<&str, Tally> = BTreeMap::new();
    for case in read_jsonl(&dir.join("datetime.jsonl")) {
        let input = case["input"].as_str().unwrap_or("");
        let exp: Vec<Value> = case["expected"].as_array().cloned().unwrap_or_default();
        let claim = run(input, published(&case));
        let mut got: Vec<String> = claim.dates.iter().map(upstream_value).collect();
        got.sort();
        if exp.is_empty() {
            negatives.add(got.is_empty(), || format!("{input:?} want [] got {got:?}"));
            continue;
        }
        let items: Vec<&Value> = exp.iter().collect();
        if !items
            .iter()
            .all(|e| e["type"].as_str().is_some_and(|ty| wanted.contains(&ty)))
        {
            other += 1;
            continue;
        }
        let mut want: Vec<String> = items
            .iter()
            .map(|e| e["value"].as_str().unwrap_or("").to_string())
            .collect();
        want.sort();
        let ok = want == got;
        let why = || {
            format!(
                "{input:?} ref {} want {want:?} got {got:?}",
                case["reference_datetime"].as_str().unwrap_or("-")
            )
        };
        t.add(ok, why);
        by_cat
            .entry(date_category(&items))
            .or_default()
            .add(ok, why);
    }
    println!("datetime.jsonl   date+daterange exact {}", t.rate());
    for (cat, c) in &by_cat {
        println!("  {cat:<30} {}", c.rate());
    }
    println!("  negatives (no date expected)   {}", negatives.rate());
    println!("  cases with times, durations or sets (not scored): {other}");
    for (cat, c) in &by_cat {
        for f in c.failures.iter().take(if *cat == "single dates" {
            show() * 2
        } else {
            show() / 2
        }) {
            println!("    FAIL [{cat}] {f}");
        }
    }
    for f in negatives.failures.iter().take(5) {
        println!("    FAIL [negative] {f}");
    }
}

fn date_parser_eval(dir: &Path) {
    let mut t = Tally::default();
    for case in read_jsonl(&dir.join("date_parser.jsonl")) {
        let input = case["input"].as_str().unwrap_or("");
        let exp: Vec<Value> = case["expected"].as_array().cloned().unwrap_or_default();
        let claim = run(input, published(&case));
        let mut got: Vec<String> = claim.dates.iter().map(upstream_value).collect();
        let mut want: Vec<String> = exp
            .iter()
            .map(|e| {
                e["past"]
                    .as_str()
                    .or(e["value"].as_str())
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        got.sort();
        want.sort();
        t.add(want == got, || {
            format!("{input:?} want {want:?} got {got:?}")
        });
    }
    println!("date_parser.jsonl (past) exact {}", t.rate());
    for f in t.failures.iter().take(show()) {
        println!("    FAIL {f}");
    }
}

fn currency_eval(dir: &Path) {
    let mut t = Tally::default();
    for case in read_jsonl(&dir.join("currency.jsonl")) {
        let input = case["input"].as_str().unwrap_or("");
        let exp: Vec<Value> = case["expected"].as_array().cloned().unwrap_or_default();
        let claim = run(input, None);
        let expected: Vec<f64> = exp
            .iter()
            .map(|e| num(&e["value"]).unwrap_or(f64::NAN))
            .collect();
        let found: Vec<(f64, f64)> = claim
            .numbers
            .iter()
            .filter(|q| {
                q.unit
                    .as_deref()
                    .is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()))
            })
            .map(|q| (q.min, q.max))
            .collect();
        t.add(exact(&expected, &found, |&e, &f| in_interval(e, f)), || {
            let want: Vec<String> = exp
                .iter()
                .map(|e| {
                    format!(
                        "{}={} {}",
                        e["text"].as_str().unwrap_or(""),
                        e["value"].as_str().unwrap_or(""),
                        e["unit"].as_str().unwrap_or("")
                    )
                })
                .collect();
            let got: Vec<String> = claim
                .numbers
                .iter()
                .map(|q| format!("{}={} {:?}", q.text, q.min, q.unit))
                .collect();
            format!("{input:?} want {want:?} got {got:?}")
        });
    }
    println!("currency.jsonl   exact {}", t.rate());
    for f in t.failures.iter().take(show() / 2) {
        println!("    FAIL {f}");
    }
}

struct Pr {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Pr {
    fn line(&self) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        format!(
            "P {p:.2} R {r:.2} (tp {} fp {} fn {})",
            self.tp, self.fp, self.fn_
        )
    }
}

fn norm_attr(s: &str) -> String {
    let s = s.trim().to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_string()
}

fn stance_eval(path: &Path) {
    let Ok(tsv) = std::fs::read_to_string(path) else {
        println!("stance labels: cannot read {}", path.display());
        return;
    };
    let mut attr = Pr {
        tp: 0,
        fp: 0,
        fn_: 0,
    };
    let mut hedge = Pr {
        tp: 0,
        fp: 0,
        fn_: 0,
    };
    let mut neg = Pr {
        tp: 0,
        fp: 0,
        fn_: 0,
    };
    let mut fails = vec![];
    let mut n = 0;
    for line in tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        n += 1;
        let claim = run(cols[0], None);
        let want = norm_attr(cols[1]);
        let got = claim
            .attribution
            .as_deref()
            .map(norm_attr)
            .unwrap_or_default();
        match (want.is_empty(), got.is_empty()) {
            (false, false) if want == got => attr.tp += 1,
            (false, false) => {
                attr.fp += 1;
                attr.fn_ += 1;
            }
            (true, false) => attr.fp += 1,
            (false, true) => attr.fn_ += 1,
            (true, true) => {}
        }
        if want != got {
            fails.push(format!(
                "attribution want {want:?} got {got:?}: {}",
                cols[0]
            ));
        }
        for (pr, want, got, name) in [
            (&mut hedge, cols[2].trim() == "1", claim.hedged, "hedged"),
            (&mut neg, cols[3].trim() == "1", claim.negated, "negated"),
        ] {
            match (want, got) {
                (true, true) => pr.tp += 1,
                (false, true) => pr.fp += 1,
                (true, false) => pr.fn_ += 1,
                (false, false) => {}
            }
            if want != got {
                fails.push(format!("{name} want {want} got {got}: {}", cols[0]));
            }
        }
    }
    println!("stance labels ({n} sentences)");
    println!("  attribution {}", attr.line());
    println!("  hedged      {}", hedge.line());
    println!("  negated     {}", neg.line());
    for f in fails.iter().take(show() * 2) {
        println!("    FAIL {f}");
    }
}

/// Paragraphs cut at ". " / "? " / "! " — a stand-in for the segment stage, enough for timing.
fn naive_sentences(text: &str) -> Vec<Sentence> {
    let mut out = vec![];
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        let cut = b[i] == b'\n'
            || (i + 1 < b.len() && matches!(b[i], b'.' | b'?' | b'!') && b[i + 1] == b' ');
        if cut {
            let end = if b[i] == b'\n' { i } else { i + 1 };
            if end > start && text.is_char_boundary(start) && text.is_char_boundary(end) {
                out.push(Sentence { start, end });
            }
            start = i + 1;
        }
    }
    if start < b.len() {
        out.push(Sentence {
            start,
            end: b.len(),
        });
    }
    out
}

fn throughput(seeds: &Path) {
    let mut docs: Vec<(String, Vec<Sentence>, Option<PubDate>)> = vec![];
    let manifest = std::fs::read_to_string(seeds.join("manifest.csv")).unwrap_or_default();
    for line in manifest.lines().skip(1) {
        let mut cols = line.split(',');
        let (Some(name), Some(date)) = (cols.next(), cols.next()) else {
            continue;
        };
        if let Ok(text) = std::fs::read_to_string(seeds.join(name)) {
            let s = naive_sentences(&text);
            docs.push((text, s, date.parse().ok()));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    if bytes == 0 {
        println!("throughput: no seed articles in {}", seeds.display());
        return;
    }
    let opts = Options::default();
    let mut claims = 0;
    let dump = std::env::var_os("EVAL_DUMP").is_some();
    for d in &docs {
        let found = extract(&d.0, &d.1, d.2, &opts);
        if dump {
            for c in &found {
                for q in &c.numbers {
                    println!(
                        "  number {:?} {}..{} {:?} {:?}",
                        q.text, q.min, q.max, q.kind, q.counted
                    );
                }
                for m in &c.dates {
                    println!("  date   {:?} {:?}", m.text, m.value);
                }
            }
        }
        claims += found.len();
    }
    let rounds = std::env::var("EVAL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let t0 = Instant::now();
    let mut sink = 0;
    for _ in 0..rounds {
        for d in &docs {
            sink += extract(&d.0, &d.1, d.2, &opts).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let mbs = (bytes * rounds) as f64 / secs.max(1e-9) / 1e6;
    println!("throughput on seeds: {mbs:.1} MB/s ({} articles, {bytes} bytes, {claims} claims; {sink} over {rounds} rounds)", docs.len());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(
        args.get(1)
            .map_or("/work/shared/eval/extract", String::as_str),
    );
    let labels = PathBuf::from(
        args.get(2)
            .map_or("tests/data/stance_labels.tsv", String::as_str),
    );
    let seeds = args
        .get(3)
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.join("../../seeds"));
    numbers_eval(&dir);
    println!();
    datetime_eval(&dir);
    println!();
    date_parser_eval(&dir);
    currency_eval(&dir);
    println!();
    stance_eval(&labels);
    println!();
    throughput(&seeds);
}
