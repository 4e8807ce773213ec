//! Numbers and dates in the words of the reports: "~600 soldiers", ">10,000 troops", "2023-08-15".

use model::{Claim, Quantity, QuantityKind};

/// Every quantity of a claim, e.g. "~600 soldiers, 5,532 sanctions"; empty when it has none.
/// Relative ordinals ("the last", "next") are left out: the column lists what an analyst can
/// check against other outlets, and a position in an unstated list is not that.
pub fn describe_numbers(claim: &Claim) -> String {
    claim
        .numbers
        .iter()
        .filter(|q| !matches!(q.kind, QuantityKind::RelativeOrdinal(_)))
        .map(describe_quantity)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every date of a claim: the resolved ISO value, or the words as written when unresolved.
pub fn describe_dates(claim: &Claim) -> String {
    claim
        .dates
        .iter()
        .map(|d| d.value.clone().unwrap_or_else(|| d.text.trim().to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words that make a number approximate.
const APPROX: &[&str] = &[
    "about",
    "approximately",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "estimated",
    "an estimated",
    "circa",
    "close to",
    "~",
];

/// One quantity: its interval in a compact form, then its unit and counted noun.
pub fn describe_quantity(q: &Quantity) -> String {
    if matches!(
        q.kind,
        QuantityKind::Ordinal | QuantityKind::RelativeOrdinal(_)
    ) {
        return q.text.trim().to_string();
    }
    let lower = q.text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let has = |ws: &[&str]| {
        ws.iter().any(|w| {
            if w.contains(' ') || *w == "~" {
                lower.contains(w)
            } else {
                tokens.contains(w)
            }
        })
    };
    let value = if !q.min.is_finite() && !q.max.is_finite() {
        q.text.trim().to_string()
    } else if !q.max.is_finite() {
        let op = if has(&["least", "minimum"]) {
            "≥"
        } else {
            ">"
        };
        format!("{op}{}", number(q.min))
    } else if q.min == q.max {
        number(q.min)
    } else if has(APPROX) {
        format!("~{}", number((q.min + q.max) / 2.0))
    } else if q.min <= 0.0 && has(&["less", "fewer", "under", "below"]) {
        format!("<{}", number(q.max))
    } else if q.min <= 0.0 && has(&["up", "most", "maximum"]) {
        format!("≤{}", number(q.max))
    } else {
        format!("{}–{}", number(q.min), number(q.max))
    };
    let mut out = match (q.kind, q.unit.as_deref()) {
        (QuantityKind::Percent, _) => format!("{value}%"),
        (_, Some("USD" | "$")) => format!("${value}"),
        (_, Some(u)) if !u.is_empty() => format!("{value} {u}"),
        _ => value,
    };
    if let Some(c) = q.counted.as_deref().filter(|c| !c.is_empty()) {
        out.push(' ');
        out.push_str(c);
    }
    out
}

/// 5532 → "5,532"; 1.5e9 → "1.5 billion"; 2.25 → "2.25".
fn number(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            return format!("{} {word}", decimal(v / scale));
        }
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as i64);
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        return if v < 0.0 {
            format!("-{grouped}")
        } else {
            grouped
        };
    }
    decimal(v)
}

/// Up to two decimals, trailing zeros dropped.
fn decimal(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
