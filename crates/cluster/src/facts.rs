//! The comparable values inside a claim: dates as day intervals and quantities as keyed
//! intervals. Shared with `compare`, so that "same event" and "same quantity" mean the same thing
//! when clustering and when looking for conflicts.

use crate::text::{counted_head, normalise_name};
use model::{DateMention, Granularity, PubDate, Quantity, QuantityKind};

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A resolved date as the closed range of days it covers: a day, a whole month or a whole year.
/// Two dates agree at their coarser common granularity exactly when their ranges overlap, because
/// calendar years, months and days nest.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct DaySpan {
    pub first: i64,
    pub last: i64,
}

impl DaySpan {
    pub fn of(date: &PubDate) -> DaySpan {
        match (date.month, date.day) {
            (Some(m), Some(d)) => {
                let day = days_from_civil(date.year, m, d);
                DaySpan {
                    first: day,
                    last: day,
                }
            }
            (Some(m), None) => DaySpan {
                first: days_from_civil(date.year, m, 1),
                last: days_from_civil(date.year, m, model::days_in_month(date.year, m)),
            },
            _ => DaySpan {
                first: days_from_civil(date.year, 1, 1),
                last: days_from_civil(date.year, 12, 31),
            },
        }
    }

    /// The span of a date mention's resolved value; `None` when it is unresolved or malformed.
    pub fn of_mention(d: &DateMention) -> Option<DaySpan> {
        let value: PubDate = d.value.as_deref()?.parse().ok()?;
        // The value's own form is authoritative, but never claim more precision than extract gave.
        let value = match d.granularity {
            Granularity::Year => PubDate {
                month: None,
                day: None,
                ..value
            },
            Granularity::Month => PubDate { day: None, ..value },
            Granularity::Day => value,
        };
        Some(DaySpan::of(&value))
    }

    /// A span of days worked out by extract ("earlier this month" is `2023-08-01/2023-08-16`,
    /// the end day excluded), with the year or year-month its days share (`2023-08`); `None`
    /// for any other value or a span across years.
    pub fn of_day_interval(value: &str) -> Option<(DaySpan, &str)> {
        let (a, b) = value.split_once('/')?;
        let (start, end): (PubDate, PubDate) = (a.parse().ok()?, b.parse().ok()?);
        let (m, d) = (start.month?, start.day?);
        let first = days_from_civil(start.year, m, d);
        let last = days_from_civil(end.year, end.month?, end.day?) - 1;
        let month_end = days_from_civil(start.year, m, model::days_in_month(start.year, m));
        let shared = if last < first {
            return None;
        } else if last <= month_end {
            &a[..7]
        } else if last <= days_from_civil(start.year, 12, 31) {
            &a[..4]
        } else {
            return None;
        };
        Some((DaySpan { first, last }, shared))
    }

    pub fn overlaps(&self, other: &DaySpan) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Days between the two ranges; 0 when they overlap.
    pub fn gap(&self, other: &DaySpan) -> i64 {
        (other.first - self.last)
            .max(self.first - other.last)
            .max(0)
    }
}

/// What makes two numbers the same quantity: what they measure, the head of the counted noun
/// phrase and the unit. "600 soldiers" and "1,200 troops" share a key; "600 killed" and
/// "600 wounded" don't when extract gives them different counted nouns.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuantityKey {
    pub kind: QuantityKind,
    pub counted: Option<String>,
    pub unit: Option<String>,
}

impl QuantityKey {
    pub fn of(q: &Quantity) -> QuantityKey {
        QuantityKey {
            kind: q.kind,
            counted: q.counted.as_deref().and_then(counted_head),
            unit: q
                .unit
                .as_deref()
                .map(normalise_name)
                .filter(|u| !u.is_empty()),
        }
    }
}

/// Two quantities agree when their intervals overlap: "about 600" and "600", "more than 10,000"
/// and "11,000". A tiny tolerance absorbs float noise from unit conversion.
pub fn intervals_overlap(a: &Quantity, b: &Quantity) -> bool {
    let scale = [a.min, a.max, b.min, b.max]
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(1.0f64, |m, v| m.max(v.abs()));
    let tol = 1e-9 * scale;
    a.min <= b.max + tol && b.min <= a.max + tol
}

/// One number standing for a quantity's interval, rounded to two significant digits, so that
/// "about 600" and "600" give the same matching term.
pub fn representative(q: &Quantity) -> Option<f64> {
    let v = if q.max.is_finite() {
        (q.min + q.max) / 2.0
    } else {
        q.min
    };
    if !v.is_finite() {
        return None;
    }
    if v == 0.0 {
        return Some(0.0);
    }
    let mag = 10f64.powi(v.abs().log10().floor() as i32 - 1);
    Some((v / mag).round() * mag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(min: f64, max: f64, counted: &str) -> Quantity {
        Quantity {
            text: String::new(),
            start: 0,
            end: 0,
            min,
            max,
            kind: QuantityKind::Count,
            counted: Some(counted.into()),
            unit: None,
        }
    }

    fn d(value: &str, granularity: Granularity) -> DateMention {
        DateMention {
            text: value.into(),
            start: 0,
            end: 0,
            value: Some(value.into()),
            granularity,
        }
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28),
            2
        );
        assert_eq!(
            days_from_civil(2023, 8, 15) - days_from_civil(2022, 8, 15),
            365
        );
    }

    #[test]
    fn worked_out_day_spans_within_a_month_or_year() {
        let (span, shared) = DaySpan::of_day_interval("2023-08-01/2023-08-16").unwrap();
        assert_eq!(shared, "2023-08");
        assert_eq!(span.last - span.first, 14);
        assert_eq!(
            DaySpan::of_day_interval("2024-01-01/2024-07-01").unwrap().1,
            "2024"
        );
        assert!(DaySpan::of_day_interval("2016-08-07/2017-01-07").is_none());
        assert!(DaySpan::of_day_interval("2014/2018").is_none());
        assert!(DaySpan::of_day_interval("2019/..").is_none());
    }

    #[test]
    fn dates_compare_at_the_coarser_granularity() {
        let day = DaySpan::of_mention(&d("2022-08-15", Granularity::Day)).unwrap();
        let month = DaySpan::of_mention(&d("2022-08", Granularity::Month)).unwrap();
        let year = DaySpan::of_mention(&d("2022", Granularity::Year)).unwrap();
        let next_year = DaySpan::of_mention(&d("2023-08-15", Granularity::Day)).unwrap();
        assert!(day.overlaps(&month) && month.overlaps(&year) && day.overlaps(&year));
        assert!(!day.overlaps(&next_year));
        assert_eq!(day.gap(&next_year), 365);
        assert_eq!(month.gap(&next_year), 365 - 16);
        let unresolved = DateMention {
            value: None,
            ..d("on Monday", Granularity::Day)
        };
        assert_eq!(DaySpan::of_mention(&unresolved), None);
    }

    #[test]
    fn overlapping_intervals_agree() {
        assert!(intervals_overlap(
            &q(540.0, 660.0, "soldiers"),
            &q(600.0, 600.0, "soldiers")
        ));
        assert!(intervals_overlap(
            &q(10_000.0, f64::INFINITY, "troops"),
            &q(11_000.0, 11_000.0, "troops")
        ));
        assert!(!intervals_overlap(
            &q(600.0, 600.0, "soldiers"),
            &q(1_200.0, 1_200.0, "soldiers")
        ));
        assert!(!intervals_overlap(
            &q(10_000.0, f64::INFINITY, "troops"),
            &q(9_500.0, 9_500.0, "troops")
        ));
    }

    #[test]
    fn quantity_keys_use_the_counted_head() {
        assert_eq!(
            QuantityKey::of(&q(1.0, 1.0, "north korean troops")),
            QuantityKey::of(&q(2.0, 2.0, "troops"))
        );
        assert_ne!(
            QuantityKey::of(&q(1.0, 1.0, "troops")),
            QuantityKey::of(&q(1.0, 1.0, "sanctions"))
        );
        assert_eq!(representative(&q(540.0, 660.0, "x")), Some(600.0));
        assert_eq!(representative(&q(5_532.0, 5_532.0, "x")), Some(5_500.0));
        assert_eq!(
            representative(&q(10_000.0, f64::INFINITY, "x")),
            Some(10_000.0)
        );
    }
}
