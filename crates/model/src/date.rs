//! Publication dates as they come: a year, a month or a day.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Year,
    Month,
    Day,
}

/// A calendar date known to a year, a month or a day: `2023`, `2023-06`, `2023-06-12`.
/// Written and read in that ISO form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PubDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD (a time after the day is allowed)"
)]
pub struct PubDateError(pub String);

impl PubDate {
    pub fn granularity(&self) -> Granularity {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Granularity::Day,
            (Some(_), None) => Granularity::Month,
            _ => Granularity::Year,
        }
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for PubDate {
    type Err = PubDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PubDateError(s.to_string());
        // A timestamp's time of day goes: "2019-01-04T10:30:00Z", "2019-01-04 10:30".
        let t = s.trim();
        let day_part = match t.as_bytes().get(10) {
            Some(b'T' | b' ') => &t[..10],
            _ => t,
        };
        let mut parts = day_part.split('-');
        let num = |p: Option<&str>, len: usize| -> Result<Option<u32>, PubDateError> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| err())
                }
                Some(_) => Err(err()),
            }
        };
        let year = num(parts.next(), 4)?.ok_or_else(err)? as i32;
        let month = num(parts.next(), 2)?;
        let day = num(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(err());
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return Err(err()),
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) if d >= 1 && d <= u32::from(days_in_month(year, m)) => Some(d as u8),
            (_, Some(_)) => return Err(err()),
            (_, None) => None,
        };
        Ok(PubDate { year, month, day })
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PubDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PubDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_granularities() {
        for s in ["2023", "2023-06", "2024-02-29"] {
            let d: PubDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(
            "2023-06".parse::<PubDate>().unwrap().granularity(),
            Granularity::Month
        );
    }

    #[test]
    fn a_timestamp_gives_its_day() {
        for s in [
            "2019-01-04T10:30:00Z",
            "2019-01-04 10:30",
            "2019-01-04T00:00:00+02:00",
        ] {
            assert_eq!(s.parse::<PubDate>().unwrap().to_string(), "2019-01-04");
        }
        assert!("2019-01-4T10:30".parse::<PubDate>().is_err());
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "",
            "23",
            "2023-13",
            "2023-02-29",
            "2023-6",
            "2023-06-12x",
            "2023-06-12-01",
        ] {
            assert!(s.parse::<PubDate>().is_err(), "{s}");
        }
    }
}
