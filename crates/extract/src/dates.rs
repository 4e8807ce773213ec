//! Date mentions, absolute ("19 December 2024", "July 2022", "in 2019") and relative ("on
//! Tuesday", "last month", "earlier this year"), resolved against the publication date.
//!
//! News reports the past, so relative dates are resolved looking back: a bare weekday is the most
//! recent such day on or before publication, "Dec. 19" without a year is the last Dec. 19 not after
//! it. Only "next", "later", "coming" and "tomorrow" look forward. A date is resolved only as far
//! as the publication date's own granularity allows ("on Tuesday" against "2023-06" stays `None`).
//! Weeks have no granularity of their own: "this week" is given at month granularity when the
//! whole week lies in one month, and left unresolved otherwise.

use model::{days_in_month, DateMention, Granularity, PubDate};
use regex::{Captures, Regex, RegexSet};
use std::sync::LazyLock;

const MON: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)\.?";
const DAY: &str = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b)";
const YEAR: &str = r"(?:1[6-9]\d\d|20\d\d|21\d\d)(?-u:\b)";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

#[derive(Clone, Copy)]
enum Form {
    Iso,
    Numeric,
    DayMonth,
    MonthDay,
    MonthYear,
    MonthCtx,
    YearCtx,
    Weekday,
    Relative,
    Ago,
}

static RES: LazyLock<Vec<(Form, Regex)>> = LazyLock::new(|| {
    let pats = [
        (Form::Iso, r"(?-u:\b)(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?-u:\b)".to_string()),
        (Form::Numeric, r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)".to_string()),
        (Form::DayMonth, format!(r"(?i)(?-u:\b)({DAY})(?:\s+of)?[\s-]+({MON})(?:,?[\s-]+(?:of\s+)?({YEAR}))?")),
        (Form::MonthDay, format!(r"(?i)(?-u:\b)({MON})[\s-]*({DAY})(?:\s*,?\s*({YEAR}))?")),
        (Form::MonthYear, format!(r"(?i)(?-u:\b)({MON})(?:\s+of)?[,/]?\s*({YEAR})")),
        (
            Form::MonthCtx,
            format!(r"(?i)(?-u:\b)(in|since|until|till|by|from|during|through|early|mid|late|last|this|next|before|after|between|in early|in late|in mid|end of|beginning of|start of|earlier in|later in)[\s-]+({MON})"),
        ),
        (Form::MonthCtx, r"(?-u:\b)()(January|February|April|June|July|August|September|October|November|December)(?-u:\b)".to_string()),
        (
            Form::YearCtx,
            format!(r"(?i)(?-u:\b)(in|since|until|till|by|from|during|through|of|before|after|early|late|mid|end of|beginning of|start of|spring|summer|autumn|fall|winter|the year|in early|in late|in mid)[\s-]+({YEAR})"),
        ),
        (Form::Weekday, format!(r"(?i)(?-u:\b)(?:(last|this|next|on|this past|this coming|coming|previous|on last|on next)\s+)?({WEEKDAY})(?-u:\b)")),
        (
            Form::Relative,
            r"(?i)(?-u:\b)(today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow|(?:(earlier|later)\s+)?(this|last|next|the previous|the following|the coming)\s+(week|month|year)|(earlier|later)\s+in\s+the\s+(week|month|year))(?-u:\b)".to_string(),
        ),
        (
            Form::Ago,
            r"(?i)(?-u:\b)(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(day|week|month|year)s?\s+ago(?-u:\b)".to_string(),
        ),
    ];
    pats.into_iter()
        .filter_map(|(f, p)| Regex::new(&p).ok().map(|r| (f, r)))
        .collect()
});

/// All patterns in one automaton: most sentences mention no date, and one pass over them says
/// which (if any) of the capturing searches is worth running.
static SET: LazyLock<Option<RegexSet>> =
    LazyLock::new(|| RegexSet::new(RES.iter().map(|(_, r)| r.as_str())).ok());

fn month_num(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.').to_ascii_lowercase();
    let p = s.get(..3)?;
    Some(match p {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn weekday_num(s: &str) -> Option<i64> {
    let s = s.to_ascii_lowercase();
    Some(match s.get(..3)? {
        "mon" => 0,
        "tue" => 1,
        "wed" => 2,
        "thu" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// Monday = 0.
fn weekday_of(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

fn day_iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn add_months(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let idx = y * 12 + i32::from(m) - 1 + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

fn valid_day(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

struct Found {
    start: usize,
    end: usize,
    value: Option<String>,
    granularity: Granularity,
}

fn cap<'a>(c: &'a Captures, i: usize) -> Option<&'a str> {
    c.get(i).map(|m| m.as_str()).filter(|s| !s.is_empty())
}

fn num(s: &str) -> Option<u32> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

fn word_num(s: &str) -> Option<i64> {
    Some(match s.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        d => d.parse().ok()?,
    })
}

/// "May" and "March" are also a verb and a modal: without a day or a year they need a capital.
fn ambiguous_month(m: &str) -> bool {
    matches!(
        m,
        "may" | "march" | "mar" | "jan" | "sun" | "sat" | "wed" | "dec" | "aug"
    )
}

/// The year of a month-and-day mention without a year: the last such day not after publication.
fn year_for(p: &PubDate, m: u8, d: Option<u8>) -> Option<i32> {
    match p.month {
        None => Some(p.year),
        Some(pm) => {
            let after = (m, d.unwrap_or(1)) > (pm, p.day.unwrap_or(31));
            Some(if after { p.year - 1 } else { p.year })
        }
    }
}

fn interpret(form: Form, c: &Captures, text: &str, published: Option<&PubDate>) -> Option<Found> {
    let m0 = c.get(0)?;
    let (start, end) = (m0.start(), m0.end());
    let after = text.get(end..).unwrap_or("");
    let before = text.get(..start).unwrap_or("");
    let glued_digit = |s: &str| {
        s.starts_with(|ch: char| ch.is_ascii_digit())
            || (s.starts_with([',', '.']) && s[1..].starts_with(|ch: char| ch.is_ascii_digit()))
    };
    let day_found = |y: i32, mo: u8, d: u8| {
        valid_day(y, mo, d).then(|| Found {
            start,
            end,
            value: Some(format!("{y:04}-{mo:02}-{d:02}")),
            granularity: Granularity::Day,
        })
    };
    match form {
        Form::Iso => {
            if before.ends_with(|ch: char| ch.is_ascii_digit()) || glued_digit(after) {
                return None;
            }
            let y: i32 = cap(c, 1)?.parse().ok()?;
            let mo = u8::try_from(num(cap(c, 2)?)?).ok()?;
            if !(1000..=2200).contains(&y) {
                return None;
            }
            match cap(c, 3) {
                Some(d) => day_found(y, mo, u8::try_from(num(d)?).ok()?),
                None => (1..=12).contains(&mo).then(|| Found {
                    start,
                    end,
                    value: Some(format!("{y:04}-{mo:02}")),
                    granularity: Granularity::Month,
                }),
            }
        }
        Form::Numeric => {
            let a = u8::try_from(num(cap(c, 1)?)?).ok()?;
            let b = u8::try_from(num(cap(c, 2)?)?).ok()?;
            let y: i32 = cap(c, 3)?.parse().ok()?;
            let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
            day_found(y, mo, d)
        }
        Form::DayMonth | Form::MonthDay => {
            let (d, mname) = if let Form::DayMonth = form {
                (cap(c, 1)?, cap(c, 2)?)
            } else {
                (cap(c, 2)?, cap(c, 1)?)
            };
            if ambiguous_month(mname) || glued_digit(after) && cap(c, 3).is_none() {
                return None;
            }
            let mo = month_num(mname)?;
            let d = u8::try_from(num(d)?).ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let y = match cap(c, 3) {
                Some(y) => y.parse().ok()?,
                None => match published {
                    Some(p) => year_for(p, mo, Some(d))?,
                    None => {
                        return (d <= 31).then_some(Found {
                            start,
                            end,
                            value: None,
                            granularity: Granularity::Day,
                        });
                    }
                },
            };
            day_found(y, mo, d)
        }
        Form::MonthYear => {
            let mname = cap(c, 1)?;
            if mname == "may" || mname == "march" {
                return None;
            }
            let mo = month_num(mname)?;
            let y: i32 = cap(c, 2)?.parse().ok()?;
            Some(Found {
                start,
                end,
                value: Some(format!("{y:04}-{mo:02}")),
                granularity: Granularity::Month,
            })
        }
        Form::MonthCtx => {
            let ctx = cap(c, 1).unwrap_or("").to_ascii_lowercase();
            let mname = cap(c, 2)?;
            // Abbreviations and the "may"/"march" verbs are months only when capitalised.
            if !mname.starts_with(|ch: char| ch.is_uppercase())
                && (ambiguous_month(&mname.to_ascii_lowercase()) || mname.len() <= 4)
            {
                return None;
            }
            if (mname.eq_ignore_ascii_case("may") || mname.eq_ignore_ascii_case("march"))
                && ctx.is_empty()
            {
                return None;
            }
            let mo = month_num(mname)?;
            let start = if ctx == "last"
                || ctx == "next"
                || ctx == "this"
                || ctx.starts_with("early")
                || ctx.starts_with("mid")
                || ctx.starts_with("late")
                || ctx.starts_with("in ")
                || ctx.contains(" of")
            {
                start
            } else {
                c.get(2).map_or(start, |g| g.start())
            };
            let value = published.and_then(|p| {
                let pm = p.month?;
                let y = match ctx.as_str() {
                    "last" => {
                        if mo < pm {
                            p.year
                        } else {
                            p.year - 1
                        }
                    }
                    "next" => {
                        if mo > pm {
                            p.year
                        } else {
                            p.year + 1
                        }
                    }
                    "this" => p.year,
                    _ => {
                        if mo <= pm {
                            p.year
                        } else {
                            p.year - 1
                        }
                    }
                };
                Some(format!("{y:04}-{mo:02}"))
            });
            Some(Found {
                start,
                end,
                value,
                granularity: Granularity::Month,
            })
        }
        Form::YearCtx => {
            if glued_digit(after) {
                return None;
            }
            let g = c.get(2)?;
            let y: i32 = g.as_str().parse().ok()?;
            let ctx = cap(c, 1).unwrap_or("").to_ascii_lowercase();
            let keep_ctx = matches!(
                ctx.as_str(),
                "early" | "late" | "mid" | "in early" | "in late" | "in mid" | "the year"
            ) || ctx.contains(" of");
            let start = if keep_ctx { start } else { g.start() };
            Some(Found {
                start,
                end,
                value: Some(format!("{y:04}")),
                granularity: Granularity::Year,
            })
        }
        Form::Weekday => {
            if after.starts_with('s') {
                return None;
            }
            let ctx = cap(c, 1).unwrap_or("").to_ascii_lowercase();
            let wd = weekday_num(cap(c, 2)?)?;
            let value = published.and_then(|p| {
                let pd = days_from_civil(p.year, p.month?, p.day?);
                let back = (weekday_of(pd) - wd).rem_euclid(7);
                let fwd = (wd - weekday_of(pd)).rem_euclid(7);
                let day = match ctx.as_str() {
                    "last" | "previous" | "this past" | "on last" => {
                        pd - if back == 0 { 7 } else { back }
                    }
                    "next" | "coming" | "this coming" | "on next" => {
                        pd + if fwd == 0 { 7 } else { fwd }
                    }
                    "this" => pd - weekday_of(pd) + wd,
                    _ => pd - back,
                };
                Some(day_iso(day))
            });
            Some(Found {
                start,
                end,
                value,
                granularity: Granularity::Day,
            })
        }
        Form::Relative => relative(c, start, end, published),
        Form::Ago => {
            let n = word_num(cap(c, 1)?)?;
            let unit = cap(c, 2)?.to_ascii_lowercase();
            let (value, granularity) = match unit.as_str() {
                "day" => (
                    published
                        .and_then(|p| Some(day_iso(days_from_civil(p.year, p.month?, p.day?) - n))),
                    Granularity::Day,
                ),
                "week" => (
                    published.and_then(|p| {
                        Some(day_iso(days_from_civil(p.year, p.month?, p.day?) - 7 * n))
                    }),
                    Granularity::Day,
                ),
                "month" => (
                    published.and_then(|p| {
                        let (y, m) = add_months(p.year, p.month?, -i32::try_from(n).ok()?);
                        Some(format!("{y:04}-{m:02}"))
                    }),
                    Granularity::Month,
                ),
                _ => (
                    published.map(|p| format!("{:04}", i64::from(p.year) - n)),
                    Granularity::Year,
                ),
            };
            Some(Found {
                start,
                end,
                value,
                granularity,
            })
        }
    }
}

fn relative(c: &Captures, start: usize, end: usize, published: Option<&PubDate>) -> Option<Found> {
    let all = c.get(1)?.as_str().to_ascii_lowercase();
    let day_of = |p: &PubDate| -> Option<i64> { Some(days_from_civil(p.year, p.month?, p.day?)) };
    let shift = |delta: i64| -> Found {
        let value = published.and_then(day_of).map(|d| day_iso(d + delta));
        Found {
            start,
            end,
            value,
            granularity: Granularity::Day,
        }
    };
    match all.as_str() {
        "today" | "tonight" => return Some(shift(0)),
        "yesterday" => return Some(shift(-1)),
        "tomorrow" => return Some(shift(1)),
        "the day before yesterday" => return Some(shift(-2)),
        "the day after tomorrow" => return Some(shift(2)),
        _ => {}
    }
    let (modifier, which, unit) = match (cap(c, 3), cap(c, 4)) {
        (Some(w), Some(u)) => (
            cap(c, 2).map(str::to_ascii_lowercase),
            w.to_ascii_lowercase(),
            u.to_ascii_lowercase(),
        ),
        _ => (
            cap(c, 5).map(str::to_ascii_lowercase),
            "this".to_string(),
            cap(c, 6)?.to_ascii_lowercase(),
        ),
    };
    let delta: i32 = match which.as_str() {
        "last" | "the previous" => -1,
        "next" | "the following" | "the coming" => 1,
        _ => 0,
    };
    match unit.as_str() {
        "year" => Some(Found {
            start,
            end,
            value: published.map(|p| format!("{:04}", p.year + delta)),
            granularity: Granularity::Year,
        }),
        "month" => {
            let value = published.and_then(|p| {
                let (y, m) = add_months(p.year, p.month?, delta);
                Some(format!("{y:04}-{m:02}"))
            });
            Some(Found {
                start,
                end,
                value,
                granularity: Granularity::Month,
            })
        }
        _ => {
            let value = published.and_then(day_of).and_then(|pd| {
                let monday = pd - weekday_of(pd) + 7 * i64::from(delta);
                let (a, b) = match (delta, modifier.as_deref()) {
                    (0, Some("earlier")) => (monday, pd),
                    (0, Some("later")) => (pd, monday + 6),
                    _ => (monday, monday + 6),
                };
                let (ya, ma, _) = civil_from_days(a);
                let (yb, mb, _) = civil_from_days(b);
                ((ya, ma) == (yb, mb)).then(|| format!("{ya:04}-{ma:02}"))
            });
            Some(Found {
                start,
                end,
                value,
                granularity: Granularity::Month,
            })
        }
    }
}

/// Finds the date mentions of `text[start..end]` and appends them to `out` in text order.
pub(crate) fn dates(
    text: &str,
    start: usize,
    end: usize,
    published: Option<&PubDate>,
    out: &mut Vec<DateMention>,
) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let Some(set) = SET.as_ref() else {
        return;
    };
    let hits = set.matches(s);
    if !hits.matched_any() {
        return;
    }
    let mut found: Vec<Found> = vec![];
    for (_, (form, re)) in RES.iter().enumerate().filter(|(i, _)| hits.matched(*i)) {
        for c in re.captures_iter(s) {
            if let Some(f) = interpret(*form, &c, s, published) {
                found.push(f);
            }
        }
    }
    // Longest mention wins where two overlap; ties go to the earlier pattern (more specific).
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(found[i].end - found[i].start), i));
    let mut kept: Vec<usize> = vec![];
    for i in order {
        if kept
            .iter()
            .all(|&k| found[k].end <= found[i].start || found[i].end <= found[k].start)
        {
            kept.push(i);
        }
    }
    kept.sort_by_key(|&i| found[i].start);
    for i in kept {
        let f = &found[i];
        out.push(DateMention {
            text: s.get(f.start..f.end).unwrap_or("").trim_end().to_string(),
            start: start + f.start,
            end: start + f.start + s.get(f.start..f.end).unwrap_or("").trim_end().len(),
            value: f.value.clone(),
            granularity: f.granularity,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str, p: Option<&str>) -> Vec<(String, Option<String>, Granularity)> {
        let p: Option<PubDate> = p.map(|p| p.parse().unwrap());
        let mut out = vec![];
        dates(s, 0, s.len(), p.as_ref(), &mut out);
        out.into_iter()
            .map(|m| (m.text, m.value, m.granularity))
            .collect()
    }

    fn v(s: &str, p: &str) -> Option<String> {
        let r = d(s, Some(p));
        assert_eq!(r.len(), 1, "{s}: {r:?}");
        r[0].1.clone()
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(weekday_of(days_from_civil(2023, 8, 16)), 2);
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(v("on 2024-10-10 it", "2025"), Some("2024-10-10".into()));
        assert_eq!(
            v("on 19 December 2024 it", "2025"),
            Some("2024-12-19".into())
        );
        assert_eq!(
            v("on December 19, 2024,", "2025"),
            Some("2024-12-19".into())
        );
        assert_eq!(
            v("in July 2022, North Korea", "2023-06"),
            Some("2022-07".into())
        );
        assert_eq!(
            d("Kim, who first met Putin in 2019, said", None),
            vec![("2019".into(), Some("2019".into()), Granularity::Year)]
        );
        assert_eq!(v("in mid-2023", "2024"), Some("2023".into()));
    }

    #[test]
    fn month_day_without_year() {
        assert_eq!(v("on Dec. 19 the", "2024-12-20"), Some("2024-12-19".into()));
        assert_eq!(v("on Dec. 19 the", "2024-03-01"), Some("2023-12-19".into()));
        assert_eq!(d("on Dec. 19 the", None)[0].1, None);
    }

    #[test]
    fn relative_dates_look_back() {
        assert_eq!(
            d("Last month, Shoigu", Some("2023-08-16")),
            vec![(
                "Last month".into(),
                Some("2023-07".into()),
                Granularity::Month
            )]
        );
        assert_eq!(
            v("a letter on Tuesday", "2023-08-16"),
            Some("2023-08-15".into())
        );
        assert_eq!(
            v("notes on Monday", "2022-08-16"),
            Some("2022-08-15".into())
        );
        assert_eq!(
            v("Last August, in letters", "2023-06"),
            Some("2022-08".into())
        );
        assert_eq!(
            v("state media Sunday", "2025-07-13"),
            Some("2025-07-13".into())
        );
        assert_eq!(v("earlier this year", "2024-10-10"), Some("2024".into()));
        assert_eq!(v("yesterday", "2024-03-01"), Some("2024-02-29".into()));
        assert_eq!(
            v("In March, the United States", "2023-06"),
            Some("2023-03".into())
        );
        assert_eq!(v("two years ago", "2023-06"), Some("2021".into()));
    }

    #[test]
    fn forward_only_when_told() {
        assert_eq!(
            v("at Camp David later this week", "2023-08-16"),
            Some("2023-08".into())
        );
        assert_eq!(v("next Monday", "2023-08-16"), Some("2023-08-21".into()));
    }

    #[test]
    fn granularity_limits_resolution() {
        assert_eq!(v("on Tuesday", "2023-06"), None);
        assert_eq!(v("last month", "2023-06"), Some("2023-05".into()));
        assert_eq!(d("last month", None)[0].1, None);
        assert_eq!(d("on Tuesday", None)[0].1, None);
    }

    #[test]
    fn durations_and_modals_are_not_dates() {
        assert!(d(
            "its 16-month-long conflict and three years of war",
            Some("2023-06")
        )
        .is_empty());
        assert!(d("it may be true", Some("2023-06")).is_empty());
        assert!(d("subject to 5,532 sanctions", Some("2023-06")).is_empty());
    }
}
