//! Date mentions, absolute ("19 December 2024", "July 2022", "in 2019") and relative ("on
//! Tuesday", "last month", "earlier this year"), resolved against the publication date.
//!
//! News reports the past, so relative dates are resolved looking back: a bare weekday is the most
//! recent such day on or before publication, "Dec. 19" without a year is the last Dec. 19 not after
//! it. Only "next", "later", "coming", "tomorrow", "from now" and "within" look forward. A date is
//! resolved only as far as the publication date's own granularity allows ("on Tuesday" against
//! "2023-06" stays `None`).
//!
//! Values are ISO 8601 strings: a day, month or year (`2024-12-19`, `2024-12`, `2024`), an ISO
//! week (`2023-W33`), a quarter (`2019-Q3`) or half (`2019-H2`) of a year, a decade or century by
//! its leading digits (`199` for the 1990s, `20` for the 21st century), or an interval of those:
//! `2014/2018` for "between 2014 and 2018" (both ends as stated), `2019/..` for "after 2018",
//! `../2018` for "before 2018". Spans worked out rather than stated ("the past three months",
//! "this weekend", "earlier this month") are half-open intervals of days: `2016-11-12/2016-11-14`.
//! Weeks, quarters and intervals cannot be read as a [`PubDate`], so stages comparing dates as
//! days, months and years skip them rather than misread them.

use model::{days_in_month, DateMention, Granularity, PubDate};
use regex::Regex;
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures;
use regex_automata::{Input, MatchKind, PatternSet};
use std::sync::LazyLock;

const MON: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)\.?";
const MON_FULL: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)";
const DAY: &str = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b)";
/// A day of the month in words: ordinals ("twenty-first") and the cardinals from ten ("fifteen",
/// "twenty nine") people say; plain "one" or "two" after a month name is too often something else.
const DAYW: &str = r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)(?-u:\b)";
const YEAR: &str = r"(?:1[6-9]\d\d|20\d\d|21\d\d)(?-u:\b)";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
/// Holidays by name; most end in "day", which `TRIGGERS` holds.
const HOLIDAY: &str = r"(?:christmas(?:\s+day|\s+eve)?|new\s+year(?:'|’)?s?\s+(?:day|eve)|independence\s+day|halloween|valentine(?:'|’)?s\s+day|(?:saint|st\.?)\s+patrick(?:(?:'|’)s\s+day)?|earth\s+day|easter(?:\s+sunday)?|good\s+friday|thanksgiving(?:\s+day)?|labou?r\s+day|memorial\s+day|veterans(?:'|’)?\s+day|boxing\s+day|mother(?:'|’)?s\s+day|father(?:'|’)?s\s+day|black\s+friday|international\s+workers(?:'|’)?\s+day)";
/// The weeks and weekdays of a month by their rank: "the first week of", "the last Friday of".
const NTH: &str = r"(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)";
const WEEKDAY_ABBR: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?-u:\b)\.?";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Iso,
    IsoBasic,
    Numeric,
    NumericShort,
    NumericRange,
    DayRange,
    MonthDayRange,
    DayMonth,
    MonthDay,
    MonthGlued,
    MonthRangeStart,
    YearMonDay,
    MonthYear,
    YearMonth,
    MonthCtx,
    YearRange,
    YearCtx,
    WeekdayDay,
    Weekday,
    Relative,
    NthWeek,
    Quarter,
    FiscalYear,
    Decade,
    Century,
    Ago,
    YearToDate,
    OrdDay,
    WeekNum,
    Holiday,
    Counted,
    YearWords,
    NthOfPeriod,
    NthWeekday,
    BareYear,
}

/// Every date pattern with the form it reads and, where optional words surround a core that
/// every match holds, that core alone: a text holds a match of the core exactly when it holds one
/// of the whole pattern.
fn patterns() -> [(Form, String, Option<String>); 36] {
    [
        (Form::Iso, r"(?-u:\b)(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?-u:\b)".to_string(), None),
        (Form::IsoBasic, r"(?-u:\b)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?-u:\b)".to_string(), None),
        (Form::Numeric, r"(?-u:\b)(\d{1,2})([/-])(\d{1,2})[/-](\d{4}|\d{2})(?-u:\b)".to_string(), None),
        (
            Form::NumericShort,
            format!(r"(?i)(?-u:\b)(on|from|to|till|until|this|next|{WEEKDAY_ABBR},?)\s+(\d{{1,2}})([/.-])(\d{{1,2}})(?-u:\b)"),
            None,
        ),
        (
            Form::NumericRange,
            r"(?-u:\b)(\d{1,2})/(\d{1,2})\s*(?:-|–)\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?-u:\b)".to_string(),
            None,
        ),
        (
            Form::DayRange,
            format!(r"(?i)(?-u:\b)(?:(between|from)\s+)?(?:the\s+)?({DAY}|{DAYW})\s*(-|–|to|and|through|till|until)\s*(?:the\s+)?({DAY}|{DAYW})(?:\s+of)?[\s-]+({MON})(?:,?[\s-]+(?:of\s+|in\s+)?({YEAR}))?"),
            Some(format!(r"(?i)(?-u:\b)(?:{DAY}|{DAYW})\s*(?:-|–|to|and|through|till|until)\s*(?:the\s+)?(?:{DAY}|{DAYW})(?:\s+of)?[\s-]+{MON}")),
        ),
        (
            Form::MonthDayRange,
            format!(r"(?i)(?-u:\b)(?:(from|between)\s+)?({MON})\s*({DAY}|{DAYW})\s*(-|–|to|through|till|until|and)\s*(?:the\s+)?({DAY}|{DAYW})(?:\s*,?\s*({YEAR}))?"),
            Some(format!(r"(?i)(?-u:\b){MON}\s*(?:{DAY}|{DAYW})\s*(?:-|–|to|through|till|until|and)\s*(?:the\s+)?(?:{DAY}|{DAYW})")),
        ),
        (Form::DayMonth, format!(r"(?i)(?-u:\b)({DAY}|{DAYW})(?:\s+day)?(?:\s+of)?[\s/-]+({MON})(?:,?[\s/-]+(?:of\s+|in\s+)?({YEAR}))?"), Some(format!(r"(?i)(?-u:\b)(?:{DAY}|{DAYW})(?:\s+day)?(?:\s+of)?[\s/-]+{MON}"))),
        (Form::MonthDay, format!(r"(?i)(?-u:\b)({MON}),?[\s/-]*(?:the\s+)?({DAY}|{DAYW})(?:\s*,?[\s-]*(?:of\s+|in\s+)?({YEAR}))?"), Some(format!(r"(?i)(?-u:\b){MON},?[\s/-]*(?:the\s+)?(?:{DAY}|{DAYW})"))),
        (
            Form::MonthGlued,
            r"(?i)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)([0-3]?\d)(?-u:\b)(?:\s*,?\s*((?:1[6-9]|20)\d\d)(?-u:\b))?".to_string(),
            Some(r"(?i)(?-u:\b)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[0-3]?\d(?-u:\b)".to_string()),
        ),
        (Form::MonthRangeStart, format!(r"(?i)(?-u:\b)({MON})\s*(?:-|–|to|through|till|until|and)\s*(?:the\s+end\s+of\s+)?({MON})"), None),
        (Form::YearMonDay, format!(r"(?i)(?-u:\b)({YEAR})[/-]({MON})[/-]([0-3]?\d)(?-u:\b)"), None),
        (Form::MonthYear, format!(r"(?i)(?-u:\b)({MON})(?:\s+(?:of|in))?[,/]?[\s-]*({YEAR})"), None),
        (Form::YearMonth, format!(r"(?i)(?-u:\b)({YEAR})\s+({MON_FULL})"), None),
        (
            Form::MonthCtx,
            format!(r"(?i)(?-u:\b)(in|since|until|till|by|from|during|through|early|mid|late|last|this|next|before|after|between|in early|in late|in mid|end of|beginning of|start of|earlier in|later in)[\s-]+({MON})"),
            None,
        ),
        (Form::MonthCtx, r"(?-u:\b)()(January|February|April|June|July|August|September|October|November|December)(?-u:\b)".to_string(), None),
        (
            Form::YearRange,
            format!(r"(?i)(?-u:\b)(?:(between|from)\s+)?(?:the\s+years?\s+)?({YEAR})\s*(-|–|~|to|and|through|till|until)\s*({YEAR})"),
            Some(format!(r"(?i)(?-u:\b){YEAR}\s*(?:-|–|~|to|and|through|till|until)\s*{YEAR}")),
        ),
        (
            Form::YearCtx,
            format!(r"(?i)(?-u:\b)(in|since|until|till|by|from|during|through|of|before|after|early|late|mid|end of|beginning of|start of|spring|summer|autumn|fall|winter|the year|year|in early|in late|in mid|later than|earlier than|greater than|starting|starting in)[\s-]+({YEAR})"),
            None,
        ),
        (
            Form::WeekdayDay,
            format!(r"(?i)(?-u:\b)({WEEKDAY_ABBR}),?\s+(?:the\s+)?({DAY}|{DAYW})"),
            None,
        ),
        (Form::Weekday, format!(r"(?i)(?-u:\b)(?:(last|this|next|on|this past|this coming|this upcoming|coming|upcoming|previous|on last|on next|on this)\s+)?({WEEKDAY})(?-u:\b)"), Some(format!(r"(?i)(?-u:\b){WEEKDAY}(?-u:\b)"))),
        (
            Form::Relative,
            r"(?i)(?-u:\b)(today|yesterday|tomorrow|tmrw|tonight|the day before yesterday|the day after (?:tomorrow|tmrw)|the week after next|(?:(earlier|later)\s+)?(this|last|next|previous|following|coming|current|same|this calendar|the previous|the following|the coming|the current|the same)\s+(weekend|work(?:ing)?\s+week|week|fortnight|month|year|quarter|decade|spring|summer|autumn|fall|winter)|(earlier|later)\s+in\s+the\s+(week|month|year)|(that|the|the past|past)\s+(weekend|fortnight))(?-u:\b)".to_string(),
            None,
        ),
        (
            Form::NthWeek,
            format!(r"(?i)(?-u:\b)(?:the\s+)?({NTH})\s+week\s+of\s+(?:({MON})(?:,?\s+({YEAR}))?|({YEAR}))"),
            Some(format!(r"(?i)(?-u:\b){NTH}\s+week\s+of\s+(?:{MON}|{YEAR})")),
        ),
        (
            Form::Quarter,
            format!(r"(?i)(?-u:\b)(?:([qh])([1-4])(?:\s+of)?[\s-]+({YEAR})|({YEAR})[\s-]*([qh])([1-4])(?-u:\b)|(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th)\s+(quarter|half)(?:\s+of\s+(?:({YEAR})|(?:the\s+)?(this|last|next|the)\s+year))?)"),
            Some(format!(r"(?i)(?-u:\b)(?:[qh][1-4](?:\s+of)?[\s-]+{YEAR}|{YEAR}[\s-]*[qh][1-4](?-u:\b)|(?:first|1st|second|2nd|third|3rd|fourth|4th)\s+(?:quarter|half))")),
        ),
        (
            Form::FiscalYear,
            format!(r"(?i)(?-u:\b)(?:(?:this|last|next|previous|current|the)\s+)?(?:(?:fiscal|financial|school|academic)\s+year(?:\s+{YEAR}|\s+\d{{4}}[/-]\d\d)?|fiscal\s+{YEAR}|(?-i:FY)\s?(?:\d\d|\d{{4}})(?-u:\b))"),
            Some(format!(r"(?i)(?-u:\b)(?:(?:fiscal|financial|school|academic)\s+year|fiscal\s+{YEAR}|(?-i:FY)\s?(?:\d\d|\d{{4}})(?-u:\b))")),
        ),
        (
            Form::Decade,
            r"(?i)(?:(?-u:\b)(?:the\s+)?((?:1[6-9]|20)\d0)(?:'|’)?s|(?:'|’)(\d0)s|(?-u:\b)(?:the|in)\s+([2-9]0)\s?s|(?-u:\b)(?:the|in)\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?-u:\b)".to_string(),
            None,
        ),
        (
            Form::Century,
            r"(?i)(?-u:\b)(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first|twenty[\s-]second)\s+century(?-u:\b)".to_string(),
            None,
        ),
        (
            Form::Ago,
            r"(?i)(?-u:\b)((?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?:day|week|month|year)s?,?\s+(?:and\s+)?){0,2}(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?:day|week|month|year)s?)\s+(ago|from\s+now)(?-u:\b)".to_string(),
            Some(r"(?i)(?-u:\b)(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?:day|week|month|year)s?\s+(?:ago|from\s+now)(?-u:\b)".to_string()),
        ),
        (Form::YearToDate, r"(?i)(?-u:\b)year[\s-]to[\s-]date(?-u:\b)".to_string(), None),
        (
            Form::OrdDay,
            format!(r"(?i)(?-u:\b)(on|week\s+of|for|by|until|till|since)\s+(the\s+(\d{{1,2}}(?:st|nd|rd|th)|{DAYW}))(?-u:\b)"),
            None,
        ),
        (Form::WeekNum, format!(r"(?i)(?-u:\b)(?:the\s+)?week\s+(\d{{1,2}})(?:\s+of\s+({YEAR}))?(?-u:\b)"), Some(r"(?i)(?-u:\b)week\s+\d{1,2}(?-u:\b)".to_string())),
        (
            Form::Holiday,
            format!(r"(?i)(?-u:\b)(?:(last|this|next|previous|following|the)\s+)?(?:(weekend)\s+of\s+(?:the\s+)?)?({HOLIDAY})(?:\s+(weekend))?(?:\s+({YEAR}))?(?:\s+(weekend))?(?-u:\b)"),
            Some(format!(r"(?i)(?-u:\b){HOLIDAY}(?-u:\b)")),
        ),
        (
            Form::Counted,
            r"(?i)(?-u:\b)(?:the\s+)?(?:(past|last|previous|next|following|coming)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+((?:business|working)\s+)?(day|week|month|year|quarter|decade)s|(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(past|previous|next|upcoming|coming|following)\s+((?:business|working)\s+)?(day|week|month|year|quarter|decade)s|(past|previous)\s+(quarter)|within\s+(?:the\s+)?(?:next\s+)?(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?)(?-u:\b)".to_string(),
            None,
        ),
        (
            Form::YearWords,
            r"(?i)(?-u:\b)(?:in|since|until|by)\s+((?:sixteen|seventeen|eighteen|nineteen|twenty|two\s+thousand)(?-u:\b))".to_string(),
            None,
        ),
        (
            Form::NthOfPeriod,
            format!(r"(?i)(?-u:\b)(?:the\s+)?(\d{{1,3}}(?:st|nd|rd|th)|{DAYW})(?:\s+(day|month))?\s+of\s+(?:the|this|current|(next|last|previous|following))\s+(month|year)(?-u:\b)"),
            None,
        ),
        (
            Form::NthWeekday,
            format!(r"(?i)(?-u:\b)(?:the\s+)?({NTH})\s+({WEEKDAY})\s+(?:of|in)\s+(?:({MON_FULL})(?:,?\s+({YEAR}))?|(?:the\s+)?(this|next|last|previous|current)\s+month)"),
            Some(format!(r"(?i)(?-u:\b){NTH}\s+{WEEKDAY}\s+(?:of|in)\s+(?:{MON_FULL}|(?:the\s+)?(?:this|next|last|previous|current)\s+month)")),
        ),
        (Form::BareYear, format!(r"(?-u:\b)({YEAR})"), None),
    ]
}

/// The date patterns compiled for `(?-u)` text: ASCII classes and case folding, since dates are
/// written in ASCII (bar dashes and apostrophes, matched as literals) and Unicode folding makes
/// the automata much larger. No prefilter: `SET` already tells a pattern's searches where to run,
/// and finding the literals that would start one costs more to compile than it saves.
fn compile(patterns: &[String], config: meta::Config) -> Option<meta::Regex> {
    let ascii: Vec<String> = patterns.iter().map(|p| format!("(?-u){p}")).collect();
    meta::Regex::builder()
        .configure(config.auto_prefilter(false))
        .build_many(&ascii)
        .ok()
}

static RES: LazyLock<Vec<(Form, meta::Regex)>> = LazyLock::new(|| {
    patterns()
        .into_iter()
        .filter_map(|(f, p, _)| compile(&[p], meta::Regex::config()).map(|r| (f, r)))
        .collect()
});

/// All patterns in one automaton: most sentences mention no date, and one pass over them says
/// which (if any) of the capturing searches is worth running. The cores stand in for their
/// patterns: the optional words around them would only multiply the automaton's states, which
/// every thread builds anew as its text needs them.
static SET: LazyLock<Option<meta::Regex>> = LazyLock::new(|| {
    let cores: Vec<String> = patterns()
        .into_iter()
        .map(|(_, p, core)| core.unwrap_or(p))
        .collect();
    // A larger lazy-DFA cache than the default: with thirty patterns the set has many states,
    // and rebuilding evicted ones costs more than the memory.
    let config = meta::Regex::config()
        .match_kind(MatchKind::All)
        .which_captures(WhichCaptures::None)
        .hybrid_cache_capacity(64 << 20);
    compile(&cores, config)
});

/// The patterns with a match somewhere in `s`.
fn matching(set: &meta::Regex, s: &str) -> PatternSet {
    let mut hits = PatternSet::new(set.pattern_len());
    set.which_overlapping_matches(&Input::new(s), &mut hits);
    hits
}

/// A match of a date pattern in the text searched, and its groups.
struct Captures<'h> {
    text: &'h str,
    groups: captures::Captures,
}

/// Where a group matched.
#[derive(Clone, Copy)]
struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Captures<'h> {
    fn get(&self, i: usize) -> Option<Group<'h>> {
        let span = self.groups.get_group(i)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

/// Lower-case words one of which every pattern needs as a whole ASCII word, unless it needs a
/// digit (`keywords` looks for both): month and weekday names and their abbreviations (`MON`
/// also spells "sepember"), relative periods, holidays (most by their "day"), decades and
/// centuries, fiscal years, and day numbers in words (`DAYW`; `keywords` takes "twenty…" and
/// "thirty…" by their start).
#[rustfmt::skip]
pub(crate) const TRIGGERS: &[&str] = &[
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "sepember", "september", "oct", "october",
    "nov", "november", "dec", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "today", "yesterday", "tomorrow", "tmrw", "tonight", "day", "days", "weekend", "week",
    "weeks", "fortnight", "month", "months", "year", "years", "quarter", "quarters", "decade",
    "decades", "spring", "summer", "autumn", "fall", "winter", "fiscal", "financial", "school",
    "academic", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
    "nineties", "century", "christmas", "eve", "halloween", "patrick", "easter", "thanksgiving",
    "thousand", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "first", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
];

/// Words after a number that make it a count rather than a year: "2000 people", "1500 km".
fn count_follows(after: &str) -> bool {
    let rest = after.trim_start();
    if rest.starts_with(['%', '$']) {
        return true;
    }
    let w: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() || rest.starts_with(char::is_uppercase) {
        return false;
    }
    let plural = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    plural
        || matches!(
            w.as_str(),
            "people"
                | "men"
                | "women"
                | "children"
                | "police"
                | "personnel"
                | "staff"
                | "of"
                | "km"
                | "kg"
                | "mm"
                | "cm"
                | "m"
                | "ft"
                | "feet"
                | "mph"
                | "tonnes"
                | "tons"
                | "percent"
                | "per"
                | "more"
                | "new"
                | "other"
        )
}

/// Words before a number that make it an amount: "more than 2000", "about 1500".
fn count_precedes(before: &str) -> bool {
    let b = before.trim_end();
    if b.ends_with(['$', '€', '£', '¥', '#', '+', '-', '.', ',', '/', ':'])
        || b.ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let w: String = b
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        w.as_str(),
        "than"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "some"
            | "over"
            | "under"
            | "approximately"
            | "roughly"
            | "estimated"
            | "only"
            | "just"
            | "least"
            | "up"
            | "all"
            | "these"
            | "those"
            | "total"
            | "killed"
            | "killing"
            | "of"
            | "with"
            | "by"
            | "to"
            | "number"
            | "no"
            | "between"
    )
}

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

/// The ISO week of a day: weeks start on Monday and belong to the year of their Thursday.
fn week_value(days: i64) -> String {
    let thursday = days - weekday_of(days) + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

fn add_months(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let idx = y * 12 + i32::from(m) - 1 + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

fn valid_day(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn pub_day(p: &PubDate) -> Option<i64> {
    Some(days_from_civil(p.year, p.month?, p.day?))
}

/// A calendar point as written, with the year it was given in or resolved to (`None` when the
/// text gives none and the publication date is unknown).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pt {
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
    /// The year was fixed by the text (or by an unambiguous relative phrase), not guessed.
    explicit: bool,
}

impl Pt {
    fn day(days: i64) -> Pt {
        let (y, m, d) = civil_from_days(days);
        Pt {
            y: Some(y),
            m: Some(m),
            d: Some(d),
            explicit: true,
        }
    }

    fn iso(&self) -> Option<String> {
        let y = self.y?;
        Some(match (self.m, self.d) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}"),
        })
    }

    fn granularity(&self) -> Granularity {
        match (self.m, self.d) {
            (Some(_), Some(_)) => Granularity::Day,
            (Some(_), None) => Granularity::Month,
            _ => Granularity::Year,
        }
    }

    fn md(&self) -> (u8, u8) {
        (self.m.unwrap_or(1), self.d.unwrap_or(1))
    }

    /// The point one unit later: "after 2018" starts in 2019, "after Feb" in March.
    fn next(&self) -> Option<Pt> {
        let y = self.y?;
        Some(match (self.m, self.d) {
            (Some(m), Some(d)) => Pt::day(days_from_civil(y, m, d) + 1),
            (Some(m), None) => {
                let (y, m) = add_months(y, m, 1);
                Pt {
                    y: Some(y),
                    m: Some(m),
                    ..*self
                }
            }
            _ => Pt {
                y: Some(y + 1),
                ..*self
            },
        })
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum What {
    /// A day, month or year that can start or end a range.
    Point,
    /// A weekday (Monday = 0), which a following date or a week around it can absorb.
    Weekday(i64),
    /// A week, by the day number of its Monday when resolved.
    Week(Option<i64>),
    /// A day counted from another ("two weeks from now"), whose week a weekday can pick a day
    /// of: "Monday two weeks from now".
    Offset,
    /// A quarter or half of a year, which can start or end a range of them.
    Period,
    /// Anything else: decades, centuries, finished ranges.
    Other,
}

struct Found {
    start: usize,
    end: usize,
    value: Option<String>,
    granularity: Granularity,
    pt: Option<Pt>,
    what: What,
}

impl Found {
    fn point(start: usize, end: usize, pt: Pt) -> Found {
        Found {
            start,
            end,
            value: pt.iso(),
            granularity: pt.granularity(),
            pt: Some(pt),
            what: What::Point,
        }
    }

    fn other(start: usize, end: usize, value: Option<String>, granularity: Granularity) -> Found {
        Found {
            start,
            end,
            value,
            granularity,
            pt: None,
            what: What::Other,
        }
    }

    fn week(start: usize, end: usize, monday: Option<i64>) -> Found {
        Found {
            start,
            end,
            value: monday.map(week_value),
            granularity: Granularity::Day,
            pt: None,
            what: What::Week(monday),
        }
    }
}

fn cap<'a>(c: &'a Captures, i: usize) -> Option<&'a str> {
    c.get(i).map(|m| m.as_str()).filter(|s| !s.is_empty())
}

fn num(s: &str) -> Option<u32> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

fn unit_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A day of the month in digits ("19", "19th") or words ("nineteenth", "twenty-first").
fn day_num(s: &str) -> Option<u8> {
    let v = match num(s) {
        Some(v) => v,
        None => {
            let l = s.to_ascii_lowercase();
            let mut parts = l.split(|c: char| c == '-' || c.is_whitespace());
            let first = parts.next()?;
            let tens = match first {
                "twenty" => 20,
                "thirty" => 30,
                _ => 0,
            };
            if tens > 0 {
                tens + parts.find(|p| !p.is_empty()).and_then(unit_word)?
            } else {
                unit_word(first)?
            }
        }
    };
    u8::try_from(v).ok().filter(|d| (1..=31).contains(d))
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

/// Ordinals of weeks, quarters and centuries, in digits or words.
fn ordinal(s: &str) -> Option<u32> {
    num(s).or_else(|| {
        let l = s.to_ascii_lowercase();
        match l
            .split(|c: char| c == '-' || c.is_whitespace())
            .collect::<Vec<_>>()[..]
        {
            ["twenty", u] => unit_word(u).map(|u| 20 + u),
            _ => unit_word(&l),
        }
    })
}

/// "May" and "March" are also a verb and a modal: without a day or a year they need a capital.
fn ambiguous_month(m: &str) -> bool {
    matches!(
        m,
        "may" | "march" | "mar" | "jan" | "sun" | "sat" | "wed" | "dec" | "aug"
    )
}

/// The year of a month (and day) mention without a year: the last such date not after
/// publication. A 29 February goes back to the last leap year.
fn year_for(p: &PubDate, m: u8, d: Option<u8>) -> i32 {
    let mut y = match p.month {
        None => p.year,
        Some(pm) => {
            if (m, d.unwrap_or(1)) > (pm, p.day.unwrap_or(31)) {
                p.year - 1
            } else {
                p.year
            }
        }
    };
    if let Some(d) = d {
        for _ in 0..8 {
            if valid_day(y, m, d) {
                break;
            }
            y -= 1;
        }
    }
    y
}

/// A month and day without a year, resolved looking back.
fn md_point(published: Option<&PubDate>, m: u8, d: Option<u8>) -> Pt {
    Pt {
        y: published.map(|p| year_for(p, m, d)),
        m: Some(m),
        d,
        explicit: false,
    }
}

/// The first words of `s` (letters, split at spaces and hyphens), lower-cased, each with the
/// byte offset where it ends.
fn leading_words(s: &str, n: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < n {
        let rest = &s[at..];
        let skip = rest.len() - rest.trim_start_matches([' ', '-']).len();
        let word = rest[skip..]
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if word.is_empty() {
            break;
        }
        at += skip + word.len();
        out.push((word.to_ascii_lowercase(), at));
    }
    out
}

/// A number below a hundred in words at the start of `w`: words used and value ("ninety six").
fn below_hundred(w: &[(String, usize)]) -> Option<(usize, u32)> {
    let tens = |s: &str| {
        [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ]
        .iter()
        .position(|t| *t == s)
        .map(|i| 20 + 10 * i as u32)
    };
    let first = w.first()?.0.as_str();
    match tens(first) {
        Some(t) => match w.get(1).and_then(|u| unit_word(&u.0)).filter(|u| *u < 10) {
            Some(u) => Some((2, t + u)),
            None => Some((1, t)),
        },
        None => unit_word(first)
            .filter(|_| !first.ends_with("th") && !matches!(first, "first" | "second" | "third"))
            .map(|v| (1, v)),
    }
}

/// A year said in words at the start of `s`: "nineteen eighty six", "seventeen hundred thirty
/// three", "two thousand and fifteen", "twenty twenty". Bytes used and the year. Without
/// "hundred" the second part must be at least ten, so "twenty one" stays a number.
fn year_words(s: &str) -> Option<(usize, i32)> {
    let w = leading_words(s, 6);
    let word = |i: usize| w.get(i).map_or("", |x| x.0.as_str());
    let (base, mut i, hundred) = if word(0) == "two" && word(1) == "thousand" {
        (2000, 2, true)
    } else {
        let century = match word(0) {
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            _ => return None,
        };
        let hundred = word(1) == "hundred";
        (century * 100, if hundred { 2 } else { 1 }, hundred)
    };
    if hundred && word(i) == "and" && below_hundred(&w[i + 1..]).is_some() {
        i += 1;
    }
    match below_hundred(w.get(i..).unwrap_or(&[])) {
        Some((n, v)) if hundred || v >= 10 => Some((w[i + n - 1].1, base + v as i32)),
        None if hundred => Some((w[i - 1].1, base)),
        _ => None,
    }
}

/// A two-digit year right after a month: "April of 87", "June '98". Bytes used and the year.
fn short_year(after: &str) -> Option<(usize, i32)> {
    let t = after.trim_start();
    let digits = t
        .strip_prefix("of ")
        .or_else(|| t.strip_prefix(['\'', '’']))?;
    let d = digits
        .get(..2)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = &digits[2..];
    if glued_digit(rest) || count_follows(rest) {
        return None;
    }
    Some((after.len() - rest.len(), full_year(d)?))
}

/// Two-digit years: "87" is 1987, "16" is 2016.
fn full_year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(match s.len() {
        2 if y < 30 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

/// Digits continue right after a match: "2019-10-1" read as "2019-10", "5/17" inside "5/17/2018".
fn glued_digit(s: &str) -> bool {
    s.starts_with(|ch: char| ch.is_ascii_digit())
        || (s.starts_with([',', '.', '/', ':'])
            && s[1..].starts_with(|ch: char| ch.is_ascii_digit()))
}

/// A day as written; one that does not exist ("Feb 30", "2/29/2019") is kept as a date that
/// cannot be resolved, not dropped, and not read as a number either.
fn checked_point(start: usize, end: usize, pt: Pt) -> Option<Found> {
    match (pt.y, pt.m, pt.d) {
        (Some(y), Some(m), Some(d)) if !valid_day(y, m, d) => ((1..=12).contains(&m)
            && (1..=31).contains(&d))
        .then(|| Found::other(start, end, None, Granularity::Day)),
        _ => Some(Found::point(start, end, pt)),
    }
}

/// The most recent date with this weekday and day of the month, counting the coming week as
/// recent.
fn weekday_and_day(p: &PubDate, wd: i64, d: u8) -> Option<i64> {
    let pd = pub_day(p)?;
    let (mut y, mut m) = (p.year, p.month?);
    for _ in 0..400 {
        if valid_day(y, m, d) {
            let day = days_from_civil(y, m, d);
            // The day may lie up to a week ahead: "Tuesday the 11th" written on Monday the
            // 10th is tomorrow, not a Tuesday the 11th years back.
            if day < pd + 7 && weekday_of(day) == wd {
                return Some(day);
            }
        }
        (y, m) = add_months(y, m, -1);
    }
    None
}

fn interpret(
    form: Form,
    c: &Captures,
    text: &str,
    published: Option<&PubDate>,
    out: &mut Vec<Found>,
) -> Option<()> {
    let m0 = c.get(0)?;
    let (start, end) = (m0.start(), m0.end());
    let after = text.get(end..).unwrap_or("");
    let before = text.get(..start).unwrap_or("");
    let found = match form {
        Form::Iso => {
            if before.ends_with(|ch: char| ch.is_ascii_digit()) || glued_digit(after) {
                return None;
            }
            let y: i32 = cap(c, 1)?.parse().ok()?;
            let mo = u8::try_from(num(cap(c, 2)?)?).ok()?;
            if !(1000..=2200).contains(&y) || !(1..=12).contains(&mo) {
                return None;
            }
            let d = match cap(c, 3) {
                Some(d) => Some(u8::try_from(num(d)?).ok()?),
                None => None,
            };
            let pt = Pt {
                y: Some(y),
                m: Some(mo),
                d,
                explicit: true,
            };
            checked_point(start, end, pt)?
        }
        Form::IsoBasic => {
            if before.ends_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            let pt = Pt {
                y: Some(cap(c, 1)?.parse().ok()?),
                m: Some(cap(c, 2)?.parse().ok()?),
                d: Some(cap(c, 3)?.parse().ok()?),
                explicit: true,
            };
            checked_point(start, end, pt)?
        }
        Form::Numeric => {
            let b = before.as_bytes();
            // "133-03-03-2020" is a code; "10/1/2018-10/7/2018" a range after a year.
            let run = b
                .iter()
                .rev()
                .skip(1)
                .take_while(|c| c.is_ascii_digit())
                .count();
            let code = b.last() == Some(&b'-') && (1..=3).contains(&run);
            if before.ends_with(|ch: char| ch.is_ascii_digit() || ch == '/' || ch == '.')
                || code
                || glued_digit(after)
            {
                return None;
            }
            let a = u8::try_from(num(cap(c, 1)?)?).ok()?;
            let b = u8::try_from(num(cap(c, 3)?)?).ok()?;
            let ys = cap(c, 4)?;
            if ys.len() == 2 && cap(c, 2) != Some("/") {
                return None;
            }
            let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
            let pt = Pt {
                y: Some(full_year(ys)?),
                m: Some(mo),
                d: Some(d),
                explicit: true,
            };
            checked_point(start, end, pt)?
        }
        Form::NumericShort => {
            let ctx = cap(c, 1)?.to_ascii_lowercase();
            let sep = cap(c, 3)?;
            if glued_digit(after) || (sep != "/" && matches!(ctx.as_str(), "to" | "till" | "until"))
            {
                return None;
            }
            let a = u8::try_from(num(cap(c, 2)?)?).ok()?;
            let b = u8::try_from(num(cap(c, 4)?)?).ok()?;
            let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
            if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
                return None;
            }
            let mut pt = md_point(published, mo, Some(d));
            if let Some(p) = published {
                match ctx.as_str() {
                    "this" => pt.y = Some(p.year),
                    "next" => {
                        let y = year_for(p, mo, Some(d));
                        pt.y = Some(y + 1);
                    }
                    _ => {}
                }
                pt.explicit = matches!(ctx.as_str(), "this" | "next");
            }
            let s = if matches!(ctx.as_str(), "this" | "next") {
                start
            } else {
                c.get(2)?.start()
            };
            checked_point(s, end, pt)?
        }
        Form::NumericRange => numeric_range(c, text, published)?,
        Form::DayRange | Form::MonthDayRange => {
            let (lead, d1, conn, d2, mname, y) = if form == Form::DayRange {
                (
                    cap(c, 1),
                    cap(c, 2)?,
                    cap(c, 3)?,
                    cap(c, 4)?,
                    cap(c, 5)?,
                    cap(c, 6),
                )
            } else {
                (
                    cap(c, 1),
                    cap(c, 3)?,
                    cap(c, 4)?,
                    cap(c, 5)?,
                    cap(c, 2)?,
                    cap(c, 6),
                )
            };
            if ambiguous_month(mname) || glued_digit(after) {
                return None;
            }
            let mo = month_num(mname)?;
            let (d1, d2) = (day_num(d1)?, day_num(d2)?);
            let conn = conn.to_ascii_lowercase();
            let year = match y {
                Some(y) => Some(y.parse().ok()?),
                None => published.map(|p| year_for(p, mo, Some(d1))),
            };
            let pt = |d| Pt {
                y: year,
                m: Some(mo),
                d: Some(d),
                explicit: y.is_some(),
            };
            let s = if lead.is_some() {
                start
            } else {
                c.get(2)?.start()
            };
            if conn == "and" && lead.is_none() {
                // "18 and 19 June", "May 5 and 6": two days, not a range.
                let first = c.get(if form == Form::DayRange { 2 } else { 3 })?;
                let second = c.get(if form == Form::DayRange { 4 } else { 5 })?;
                if form == Form::DayRange {
                    out.push(checked_point(first.start(), first.end(), pt(d1))?);
                    out.push(checked_point(second.start(), end, pt(d2))?);
                } else {
                    out.push(checked_point(start, first.end(), pt(d1))?);
                    out.push(checked_point(second.start(), second.end(), pt(d2))?);
                }
                return Some(());
            }
            if d2 <= d1 {
                return None;
            }
            let (a, b) = (pt(d1), pt(d2));
            let value = match (a.iso(), b.iso()) {
                (Some(a), Some(b)) => Some(format!("{a}/{b}")),
                _ => None,
            };
            if let (Some(y), Some(_)) = (year, value.as_ref()) {
                if !valid_day(y, mo, d2) {
                    return None;
                }
            }
            Found::other(s, end, value, Granularity::Day)
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
            // "$12 December 27", "6,107.31 August": the digits belong to an amount.
            if form == Form::DayMonth
                && before
                    .trim_end()
                    .ends_with(|ch: char| ch.is_ascii_digit() || "$€£¥.,".contains(ch))
            {
                return None;
            }
            // "October, 1st" is a date; "May, 2 people" is not.
            if c.get(0)?.as_str().contains(',')
                && cap(c, 3).is_none()
                && !d.ends_with(|ch: char| ch.is_ascii_alphabetic())
            {
                return None;
            }
            let mo = month_num(mname)?;
            let d = day_num(d)?;
            let (pt, end) = match (cap(c, 3), year_words(after).or_else(|| short_year(after))) {
                (Some(y), _) => (
                    Pt {
                        y: Some(y.parse().ok()?),
                        m: Some(mo),
                        d: Some(d),
                        explicit: true,
                    },
                    end,
                ),
                // "25 January nineteen eighty six", "15 April of 87"
                (None, Some((len, y))) => (
                    Pt {
                        y: Some(y),
                        m: Some(mo),
                        d: Some(d),
                        explicit: true,
                    },
                    end + len,
                ),
                (None, None) => (md_point(published, mo, Some(d)), end),
            };
            checked_point(start, end, pt)?
        }
        Form::NthOfPeriod => nth_of_period(c, start, end, published)?,
        Form::NthWeekday => nth_weekday_of(c, start, end, published)?,
        Form::YearWords => {
            let g = c.get(1)?;
            let (len, y) = year_words(&text[g.start()..])?;
            let after = &text[g.start() + len..];
            if count_follows(after) || glued_digit(after.trim_start()) {
                return None;
            }
            let pt = Pt {
                y: Some(y),
                m: None,
                d: None,
                explicit: true,
            };
            Found::point(g.start(), g.start() + len, pt)
        }
        Form::MonthGlued => {
            let mo = month_num(cap(c, 1)?)?;
            let d = day_num(cap(c, 2)?)?;
            let pt = match cap(c, 3) {
                Some(y) => Pt {
                    y: Some(y.parse().ok()?),
                    m: Some(mo),
                    d: Some(d),
                    explicit: true,
                },
                None => md_point(published, mo, Some(d)),
            };
            checked_point(start, end, pt)?
        }
        Form::MonthRangeStart => {
            let g = c.get(1)?;
            let mname = g.as_str();
            if ambiguous_month(mname) {
                return None;
            }
            let mo = month_num(mname)?;
            // Both ends, so that `ranges` joins them: "from March to May".
            if let Some(e) = c.get(2).filter(|e| !ambiguous_month(e.as_str())) {
                let pt = md_point(published, month_num(e.as_str())?, None);
                out.push(Found::point(e.start(), e.end(), pt));
            }
            Found::point(g.start(), g.end(), md_point(published, mo, None))
        }
        Form::YearMonDay => {
            let pt = Pt {
                y: Some(cap(c, 1)?.parse().ok()?),
                m: Some(month_num(cap(c, 2)?)?),
                d: Some(day_num(cap(c, 3)?)?),
                explicit: true,
            };
            checked_point(start, end, pt)?
        }
        Form::MonthYear | Form::YearMonth => {
            let (mname, y) = if form == Form::MonthYear {
                (cap(c, 1)?, cap(c, 2)?)
            } else {
                (cap(c, 2)?, cap(c, 1)?)
            };
            if mname == "may" || mname == "march" || glued_digit(after) {
                return None;
            }
            Found::point(
                start,
                end,
                Pt {
                    y: Some(y.parse().ok()?),
                    m: Some(month_num(mname)?),
                    d: None,
                    explicit: true,
                },
            )
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
            let keep_ctx = matches!(ctx.as_str(), "last" | "next" | "this")
                || ctx.starts_with("early")
                || ctx.starts_with("mid")
                || ctx.starts_with("late")
                || ctx.starts_with("in ")
                || ctx.contains(" of");
            let start = if keep_ctx {
                start
            } else {
                c.get(2).map_or(start, |g| g.start())
            };
            let y = published.and_then(|p| {
                let pm = p.month?;
                Some(match ctx.as_str() {
                    "last" if mo < pm => p.year,
                    "last" => p.year - 1,
                    "next" if mo > pm => p.year,
                    "next" => p.year + 1,
                    "this" => p.year,
                    _ if mo <= pm => p.year,
                    _ => p.year - 1,
                })
            });
            let pt = Pt {
                y,
                m: Some(mo),
                d: None,
                explicit: matches!(ctx.as_str(), "last" | "next" | "this"),
            };
            match short_year(after) {
                // "in April of 87"
                Some((len, y)) => Found::point(
                    start,
                    end + len,
                    Pt {
                        y: Some(y),
                        explicit: true,
                        ..pt
                    },
                ),
                None => Found::point(start, end, pt),
            }
        }
        Form::YearRange => {
            let lead = cap(c, 1);
            let conn = cap(c, 3)?.to_ascii_lowercase();
            if (conn == "and" && !lead.is_some_and(|l| l.eq_ignore_ascii_case("between")))
                || count_follows(after)
                || (lead.is_none() && count_precedes(before))
                || glued_digit(after)
            {
                return None;
            }
            let (a, b): (i32, i32) = (cap(c, 2)?.parse().ok()?, cap(c, 4)?.parse().ok()?);
            if b <= a {
                return None;
            }
            let s = if lead.is_some() {
                start
            } else {
                c.get(2)?.start()
            };
            Found::other(s, end, Some(format!("{a:04}/{b:04}")), Granularity::Year)
        }
        Form::YearCtx => {
            if glued_digit(after) || count_follows(after) {
                return None;
            }
            let g = c.get(2)?;
            let y: i32 = g.as_str().parse().ok()?;
            let ctx = cap(c, 1).unwrap_or("").to_ascii_lowercase();
            let keep_ctx = matches!(
                ctx.as_str(),
                "early" | "late" | "mid" | "in early" | "in late" | "in mid" | "the year" | "year"
            ) || ctx.contains(" of");
            let start = if keep_ctx { start } else { g.start() };
            Found::point(
                start,
                end,
                Pt {
                    y: Some(y),
                    m: None,
                    d: None,
                    explicit: true,
                },
            )
        }
        Form::WeekdayDay => {
            let wname = cap(c, 1)?;
            let dtext = cap(c, 2)?;
            let abbreviated = wname.trim_end_matches('.').len() <= 4;
            if glued_digit(after)
                || count_follows(after)
                || after
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_alphabetic())
                    && month_num(after.trim_start()).is_some()
                || (abbreviated
                    && wname.starts_with(char::is_lowercase)
                    && !dtext.ends_with(|ch: char| ch.is_ascii_alphabetic()))
            {
                return None;
            }
            let lower_after = after.trim_start().to_ascii_lowercase();
            if ["am", "pm", "a.m", "p.m", ":", "o'clock"]
                .iter()
                .any(|t| lower_after.starts_with(t))
            {
                return None;
            }
            let wd = weekday_num(wname)?;
            let d = day_num(dtext)?;
            match published.and_then(|p| weekday_and_day(p, wd, d)) {
                Some(day) => Found::point(start, end, Pt::day(day)),
                None => Found::other(start, end, None, Granularity::Day),
            }
        }
        Form::Weekday => {
            if after.starts_with('s') {
                return None;
            }
            let ctx = cap(c, 1).unwrap_or("").to_ascii_lowercase();
            let wd = weekday_num(cap(c, 2)?)?;
            let day = published.and_then(pub_day).map(|pd| {
                let back = (weekday_of(pd) - wd).rem_euclid(7);
                let fwd = (wd - weekday_of(pd)).rem_euclid(7);
                let monday = pd - weekday_of(pd);
                // "last Wednesday" is the Wednesday of last week, "this past" the latest one.
                match ctx.as_str() {
                    "last" | "previous" | "on last" => monday - 7 + wd,
                    "next" | "on next" => monday + 7 + wd,
                    "this past" => pd - if back == 0 { 7 } else { back },
                    "coming" | "this coming" | "upcoming" | "this upcoming" => {
                        pd + if fwd == 0 { 7 } else { fwd }
                    }
                    _ => pd - back,
                }
            });
            Found {
                start,
                end,
                value: day.map(|d| Pt::day(d).iso().unwrap_or_default()),
                granularity: Granularity::Day,
                pt: day.map(Pt::day),
                what: What::Weekday(wd),
            }
        }
        Form::Relative => {
            // "USA Today", "NBC's Today": a capitalised word glued to a name is part of it.
            let name_before = before
                .strip_suffix(' ')
                .and_then(|b| b.split(' ').next_back())
                .is_some_and(|w| {
                    w.starts_with(|ch: char| ch.is_ascii_uppercase())
                        && w.ends_with(|ch: char| ch.is_alphanumeric())
                });
            if name_before && text[start..].starts_with(|ch: char| ch.is_ascii_uppercase()) {
                return None;
            }
            relative(c, start, end, published)?
        }
        Form::NthWeek => {
            let n = cap(c, 1)?.to_ascii_lowercase();
            let last = n == "last";
            let n = if last { 0 } else { i64::from(ordinal(&n)?) };
            let (first_day, last_day) = if let Some(y) = cap(c, 4) {
                let y: i32 = y.parse().ok()?;
                (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))
            } else {
                let mo = month_num(cap(c, 2)?)?;
                let y = match cap(c, 3) {
                    Some(y) => Some(y.parse().ok()?),
                    None => published.map(|p| year_for(p, mo, None)),
                };
                match y {
                    Some(y) => (
                        days_from_civil(y, mo, 1),
                        days_from_civil(y, mo, days_in_month(y, mo)),
                    ),
                    None => return push(out, Found::week(start, end, None)),
                }
            };
            // ISO rule: the first week is the one holding the 4th; the last holds the last
            // day but three.
            let inside = if last {
                last_day - 3
            } else {
                first_day + 3 + 7 * (n - 1)
            };
            Found::week(start, end, Some(inside - weekday_of(inside)))
        }
        Form::Quarter => quarter(c, start, end, published)?,
        // A fiscal or school year starts in a month that varies by country and body: it is a
        // year, but not the calendar year its number names.
        Form::FiscalYear => Found::other(start, end, None, Granularity::Year),
        Form::Decade => {
            if before.ends_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            Found::other(start, end, Some(decade(c)?), Granularity::Year)
        }
        Form::Century => {
            let n = ordinal(cap(c, 1)?)?;
            if !(1..=22).contains(&n) {
                return None;
            }
            Found::other(start, end, Some(format!("{:02}", n - 1)), Granularity::Year)
        }
        Form::Ago => ago(c, start, end, published)?,
        Form::OrdDay => {
            let g = c.get(2)?;
            let rest = after.trim_start().to_ascii_lowercase();
            let word_next = rest.starts_with(|ch: char| ch.is_ascii_alphabetic());
            // "on the 4th and" is a date, "for the first and only time" is not: after other
            // leads ("for", "by", "since") the day must end the phrase.
            let lead = cap(c, 1)?.to_ascii_lowercase();
            let on = lead == "on" || lead.starts_with("week");
            let words_after_ok = on
                && [
                    "of this month",
                    "at ",
                    "and ",
                    "or ",
                    "when ",
                    "with ",
                    "for ",
                ]
                .iter()
                .any(|w| rest.starts_with(w));
            if word_next && !words_after_ok || glued_digit(after) {
                return None;
            }
            let d = day_num(cap(c, 3)?)?;
            let pt = published.and_then(|p| {
                let pm = p.month?;
                let (y, m) = if d <= p.day.unwrap_or(31) {
                    (p.year, pm)
                } else {
                    add_months(p.year, pm, -1)
                };
                valid_day(y, m, d).then_some(Pt {
                    y: Some(y),
                    m: Some(m),
                    d: Some(d),
                    explicit: false,
                })
            });
            match pt {
                Some(pt) => Found::point(g.start(), g.end(), pt),
                None => Found::other(g.start(), g.end(), None, Granularity::Day),
            }
        }
        Form::WeekNum => {
            let w: i64 = cap(c, 1)?.parse().ok()?;
            if !(1..=53).contains(&w) || glued_digit(after) || count_follows(after) {
                return None;
            }
            let y = match cap(c, 2) {
                Some(y) => Some(y.parse().ok()?),
                None => published.map(|p| p.year),
            };
            let value = y.map(|y: i32| format!("{y:04}-W{w:02}"));
            Found::other(start, end, value, Granularity::Day)
        }
        Form::Holiday => holiday(c, start, end, published)?,
        Form::BareYear => {
            // "the 2018 campaign", "2019 was"; not "2000 people" or "more than 1500".
            if glued_digit(after)
                || after.starts_with(['-', '–', '%', '\''])
                || count_follows(after)
                || count_precedes(before)
            {
                return None;
            }
            Found::point(
                start,
                end,
                Pt {
                    y: Some(cap(c, 1)?.parse().ok()?),
                    m: None,
                    d: None,
                    explicit: true,
                },
            )
        }
        Form::Counted => counted(c, text, start, end, published)?,
        Form::YearToDate => {
            let value = published
                .and_then(pub_day)
                .and_then(|d| Pt::day(d).iso())
                .map(|d| format!("{}-01-01/{d}", &d[..4]));
            Found::other(start, end, value, Granularity::Day)
        }
    };
    push(out, found)
}

/// "two years ago", "1 month 21 days ago", "2 weeks and 2 days ago", "3 days from now": counted
/// back (or ahead) from publication, as precise as the finest unit said.
fn ago(c: &Captures, start: usize, end: usize, published: Option<&PubDate>) -> Option<Found> {
    let sign = if cap(c, 2)?.eq_ignore_ascii_case("ago") {
        -1
    } else {
        1
    };
    let mut words = cap(c, 1)?
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"));
    let (mut months, mut days, mut finest) = (0i64, 0i64, Granularity::Year);
    while let (Some(n), Some(unit)) = (words.next(), words.next()) {
        let n = sign * word_num(n)?;
        match unit.to_ascii_lowercase().trim_end_matches('s') {
            "year" => months += 12 * n,
            "month" => months += n,
            "week" => days += 7 * n,
            _ => days += n,
        }
        finest = finest.max(match unit.as_bytes()[0].to_ascii_lowercase() {
            b'y' => Granularity::Year,
            b'm' => Granularity::Month,
            _ => Granularity::Day,
        });
    }
    let months = i32::try_from(months).ok()?;
    let pt = published.and_then(|p| match finest {
        Granularity::Day => Some(Pt::day(
            shift_days(pub_day(p)?, i64::from(months), "month")? + days,
        )),
        Granularity::Month => {
            let (y, m) = add_months(p.year, p.month?, months);
            Some(Pt {
                y: Some(y),
                m: Some(m),
                d: None,
                explicit: true,
            })
        }
        Granularity::Year => Some(Pt {
            y: Some(p.year + months / 12),
            m: None,
            d: None,
            explicit: true,
        }),
    });
    Some(match pt {
        Some(pt) => Found {
            what: What::Offset,
            ..Found::point(start, end, pt)
        },
        None => Found::other(start, end, None, finest),
    })
}

/// "10/1-11/2/2017", "2/29-3/1": two month/day pairs, the year (when given) written once at the
/// end; a day that does not exist leaves the range unresolved.
fn numeric_range(c: &Captures, text: &str, published: Option<&PubDate>) -> Option<Found> {
    let m0 = c.get(0)?;
    let (before, after) = (&text[..m0.start()], &text[m0.end()..]);
    if before.ends_with(|ch: char| ch.is_ascii_digit() || ch == '/' || ch == '.')
        || glued_digit(after)
        || count_follows(after)
    {
        return None;
    }
    let n = |i| cap(c, i).and_then(num).and_then(|v| u8::try_from(v).ok());
    let (m1, d1, m2, d2) = (n(1)?, n(2)?, n(3)?, n(4)?);
    if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || d1 > 31 || d2 > 31 {
        return None;
    }
    let y1 = match cap(c, 5) {
        Some(y) => Some(full_year(y)?),
        None => published.map(|p| year_for(p, m1, Some(d1))),
    };
    let y2 = y1.map(|y| if (m2, d2) < (m1, d1) { y + 1 } else { y });
    let value = match (y1, y2) {
        (Some(y1), Some(y2)) if valid_day(y1, m1, d1) && valid_day(y2, m2, d2) => {
            Some(format!("{y1:04}-{m1:02}-{d1:02}/{y2:04}-{m2:02}-{d2:02}"))
        }
        _ => None,
    };
    Some(Found::other(m0.start(), m0.end(), value, Granularity::Day))
}

/// "the 15th day of next month", "the 20th of next month", "the 9th month of next year", "the
/// 100th day of the year": a day or month counted into a period named relative to publication.
fn nth_of_period(
    c: &Captures,
    start: usize,
    end: usize,
    published: Option<&PubDate>,
) -> Option<Found> {
    let n = cap(c, 1)?;
    let n = i64::from(num(n).or_else(|| day_num(n).map(u32::from))?);
    // "the 20th of next month" is a day.
    let unit = cap(c, 2).unwrap_or("day").to_ascii_lowercase();
    let delta = match cap(c, 3).map(str::to_ascii_lowercase).as_deref() {
        Some("next" | "following") => 1,
        Some(_) => -1,
        None => 0,
    };
    let period = cap(c, 4)?.to_ascii_lowercase();
    let Some(p) = published else {
        let g = if unit == "day" {
            Granularity::Day
        } else {
            Granularity::Month
        };
        return Some(Found::other(start, end, None, g));
    };
    match (unit.as_str(), period.as_str()) {
        ("day", "month") => {
            let (y, m) = add_months(p.year, p.month?, delta);
            let d = u8::try_from(n).ok()?;
            let pt = Pt {
                y: Some(y),
                m: Some(m),
                d: Some(d),
                explicit: true,
            };
            valid_day(y, m, d).then(|| Found::point(start, end, pt))
        }
        ("day", _) if cap(c, 2).is_some() => {
            let y = p.year + delta;
            let first = days_from_civil(y, 1, 1);
            let day = first + n - 1;
            (n >= 1 && day < days_from_civil(y + 1, 1, 1))
                .then(|| Found::point(start, end, Pt::day(day)))
        }
        ("month", "year") => {
            let m = u8::try_from(n).ok().filter(|m| (1..=12).contains(m))?;
            let pt = Pt {
                y: Some(p.year + delta),
                m: Some(m),
                d: None,
                explicit: true,
            };
            Some(Found::point(start, end, pt))
        }
        _ => None,
    }
}

/// "the first Tuesday of November", "the last Friday of next month": a weekday counted in a
/// month, the month without a year resolved looking back.
fn nth_weekday_of(
    c: &Captures,
    start: usize,
    end: usize,
    published: Option<&PubDate>,
) -> Option<Found> {
    let n = cap(c, 1)?.to_ascii_lowercase();
    let wd = weekday_num(cap(c, 2)?)?;
    let month = match (cap(c, 3), cap(c, 4), cap(c, 5)) {
        (Some(m), Some(y), _) => Some((y.parse().ok()?, month_num(m)?)),
        (Some(m), None, _) => {
            let m = month_num(m)?;
            published.map(|p| (year_for(p, m, None), m))
        }
        (None, _, rel) => {
            let delta = match rel?.to_ascii_lowercase().as_str() {
                "next" => 1,
                "last" | "previous" => -1,
                _ => 0,
            };
            published.and_then(|p| Some(add_months(p.year, p.month?, delta)))
        }
    };
    let Some((y, m)) = month else {
        return Some(Found::other(start, end, None, Granularity::Day));
    };
    let day = if n == "last" {
        let last = days_from_civil(y, m, days_in_month(y, m));
        last - (weekday_of(last) - wd).rem_euclid(7)
    } else {
        nth_weekday(y, m, wd, i64::from(ordinal(&n)?))
    };
    let pt = Pt::day(day);
    (pt.m == Some(m)).then(|| Found::point(start, end, pt))
}

/// The leading digits of a decade: "the 1990s", "the '90s", "the 90s", "the nineties" (`199`).
/// A decade without its century is of the 1900s, but "'00s" and "'10s" are of the 2000s.
fn decade(c: &Captures) -> Option<String> {
    if let Some(y) = cap(c, 1) {
        return Some(y[..3].to_string());
    }
    let tens = match (cap(c, 2).or(cap(c, 3)), cap(c, 4)) {
        (Some(d), _) => d.parse::<u32>().ok()? / 10,
        (None, w) => {
            let w = w?.to_ascii_lowercase();
            2 + [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ]
            .iter()
            .position(|x| *x == w)? as u32
        }
    };
    Some(if tens < 2 {
        format!("20{tens}")
    } else {
        format!("19{tens}")
    })
}

/// Easter Sunday (anonymous Gregorian computus).
fn easter(y: i32) -> i64 {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    days_from_civil(y, month as u8, day as u8)
}

/// The `n`th (1-based) weekday `wd` of a month.
fn nth_weekday(y: i32, m: u8, wd: i64, n: i64) -> i64 {
    let first = days_from_civil(y, m, 1);
    first + (wd - weekday_of(first)).rem_euclid(7) + 7 * (n - 1)
}

fn holiday_in(name: &str, y: i32) -> Option<i64> {
    let n = name.to_ascii_lowercase();
    let fixed = |m, d| Some(days_from_civil(y, m, d));
    let eve = n.ends_with("eve");
    match n.split_whitespace().next()? {
        "christmas" if eve => fixed(12, 24),
        "christmas" => fixed(12, 25),
        "new" if eve => fixed(12, 31),
        "new" => fixed(1, 1),
        "independence" => fixed(7, 4),
        "halloween" => fixed(10, 31),
        "earth" => fixed(4, 22),
        "boxing" => fixed(12, 26),
        "international" => fixed(5, 1),
        "easter" => Some(easter(y)),
        "good" => Some(easter(y) - 2),
        "thanksgiving" => Some(nth_weekday(y, 11, 3, 4)),
        "black" => Some(nth_weekday(y, 11, 3, 4) + 1),
        "labor" | "labour" => Some(nth_weekday(y, 9, 0, 1)),
        "memorial" => {
            let last = days_from_civil(y, 5, 31);
            Some(last - weekday_of(last))
        }
        _ if n.starts_with("veteran") => fixed(11, 11),
        _ if n.starts_with("mother") => Some(nth_weekday(y, 5, 6, 2)),
        _ if n.starts_with("father") => Some(nth_weekday(y, 6, 6, 3)),
        _ if n.starts_with("valentine") => fixed(2, 14),
        _ if n.contains("patrick") => fixed(3, 17),
        _ => None,
    }
}

/// The weekend a holiday belongs to, with the holiday itself: a Monday holiday closes the
/// weekend before it, a Thursday one opens the one after ("Labor Day weekend", "Thanksgiving
/// weekend").
fn holiday_weekend(day: i64) -> Option<String> {
    let wd = weekday_of(day);
    let saturday = if wd == 0 { day - 2 } else { day - wd + 5 };
    day_span(day.min(saturday), day.max(saturday + 1) + 1)
}

/// Holidays of the calendar, resolved like other dates: the latest one not after publication
/// unless "next" or "following" says otherwise.
fn holiday(c: &Captures, start: usize, end: usize, published: Option<&PubDate>) -> Option<Found> {
    let name = cap(c, 3)?;
    let rel = cap(c, 1).map(str::to_ascii_lowercase);
    let day = match cap(c, 5) {
        Some(y) => holiday_in(name, y.parse().ok()?),
        None => published.and_then(pub_day).and_then(|pd| {
            let (y, _, _) = civil_from_days(pd);
            let this = holiday_in(name, y)?;
            let forward = matches!(rel.as_deref(), Some("next" | "following"));
            Some(match (forward, this <= pd) {
                (false, true) => this,
                (false, false) => holiday_in(name, y - 1)?,
                (true, true) => holiday_in(name, y + 1)?,
                (true, false) => this,
            })
        }),
    };
    let weekend = cap(c, 2).or(cap(c, 4)).or(cap(c, 6)).is_some();
    let start = match rel.as_deref() {
        Some("the") if !weekend => c.get(3)?.start(),
        _ => start,
    };
    if weekend {
        return Some(Found::other(
            start,
            end,
            day.and_then(holiday_weekend),
            Granularity::Day,
        ));
    }
    Some(match day {
        Some(d) => Found::point(start, end, Pt::day(d)),
        None => Found::other(start, end, None, Granularity::Day),
    })
}

/// "the past three months", "the next 7 quarters": a span ending at publication (or starting
/// after it), as a half-open interval of days; whole quarters and decades for those units.
fn counted(
    c: &Captures,
    text: &str,
    start: usize,
    end: usize,
    published: Option<&PubDate>,
) -> Option<Found> {
    if let (Some(n), Some(unit)) = (cap(c, 11), cap(c, 12)) {
        return within(text, start, end, word_num(n)?, unit, published);
    }
    let (dir, n, business, unit) = if let Some(d) = cap(c, 1) {
        (d, word_num(cap(c, 2)?)?, cap(c, 3).is_some(), cap(c, 4)?)
    } else if let Some(n) = cap(c, 5) {
        (cap(c, 6)?, word_num(n)?, cap(c, 7).is_some(), cap(c, 8)?)
    } else {
        (cap(c, 9)?, 1, false, cap(c, 10)?)
    };
    if dir.eq_ignore_ascii_case("last") && last_is_a_verb(text, start) {
        return None;
    }
    let back = matches!(
        dir.to_ascii_lowercase().as_str(),
        "past" | "last" | "previous"
    );
    let unit = unit.to_ascii_lowercase();
    let value = published.and_then(|p| {
        if let Some(len) = period_months(&unit) {
            return whole_periods(p, len, n, back);
        }
        let pd = pub_day(p)?;
        if business && unit == "day" {
            return business_days(pd, n, back);
        }
        let shifted = |k: i64| -> Option<i64> {
            let (y, m, d) = civil_from_days(pd);
            Some(match unit.as_str() {
                "day" => pd + k,
                "week" => pd + 7 * k,
                "month" | "year" => {
                    let months = if unit == "month" { k } else { 12 * k };
                    let (y2, m2) = add_months(y, m, i32::try_from(months).ok()?);
                    days_from_civil(y2, m2, d.min(days_in_month(y2, m2)))
                }
                _ => return None,
            })
        };
        let (a, b) = if back {
            (shifted(-n)?, pd)
        } else {
            (pd + 1, shifted(n)? + 1)
        };
        day_span(a, b)
    });
    Some(Found::other(start, end, value, Granularity::Day))
}

/// "within 9 months", "within the next 10 days": from publication to the day so far ahead. Not
/// "within two years of the invasion", which counts from another event.
fn within(
    text: &str,
    start: usize,
    end: usize,
    n: i64,
    unit: &str,
    published: Option<&PubDate>,
) -> Option<Found> {
    let rest = text[end..].trim_start().to_ascii_lowercase();
    if ["of ", "after ", "before ", "from ", "since "]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return None;
    }
    let value = published
        .and_then(pub_day)
        .and_then(|pd| day_span(pd, shift_days(pd, n, unit)?));
    Some(Found::other(start, end, value, Granularity::Day))
}

/// A half-open interval of days: `2018-10-01/2019-07-01`.
fn day_span(a: i64, b: i64) -> Option<String> {
    Some(format!("{}/{}", Pt::day(a).iso()?, Pt::day(b).iso()?))
}

/// Months in a calendar period that counted spans take whole.
fn period_months(unit: &str) -> Option<i32> {
    match unit {
        "quarter" => Some(3),
        "decade" => Some(120),
        _ => None,
    }
}

/// The `n` whole periods of `len` months before the one holding publication, or after it; one
/// quarter stays a quarter (`2019-Q2`).
fn whole_periods(p: &PubDate, len: i32, n: i64, back: bool) -> Option<String> {
    let n = i32::try_from(n).ok()?;
    let month_idx = p.year * 12 + i32::from(p.month.unwrap_or(1)) - 1;
    let current = month_idx.div_euclid(len);
    let (first, after) = if back {
        (current - n, current)
    } else {
        (current + 1, current + 1 + n)
    };
    if len == 3 && n == 1 {
        return Some(format!(
            "{:04}-Q{}",
            first.div_euclid(4),
            first.rem_euclid(4) + 1
        ));
    }
    let day = |period: i32| {
        let (y, m) = add_months(0, 1, period * len);
        days_from_civil(y, m, 1)
    };
    day_span(day(first), day(after))
}

/// "the next 4 business days": Monday to Friday only, from the day after publication (or back
/// to the earliest, ending at publication).
fn business_days(pd: i64, n: i64, back: bool) -> Option<String> {
    let step = if back { -1 } else { 1 };
    let (mut day, mut left) = (pd, n);
    while left > 0 {
        day += step;
        if weekday_of(day) < 5 {
            left -= 1;
        }
    }
    if back {
        day_span(day, pd)
    } else {
        day_span(pd + 1, day + 1)
    }
}

fn push(out: &mut Vec<Found>, f: Found) -> Option<()> {
    out.push(f);
    Some(())
}

/// Quarters and halves of a year: "Q3 2019", "2019-H2", "the first half of last year".
fn quarter(c: &Captures, start: usize, end: usize, published: Option<&PubDate>) -> Option<Found> {
    let (kind, n, y): (&str, u32, Option<i32>) = if let Some(k) = cap(c, 1) {
        (k, cap(c, 2)?.parse().ok()?, Some(cap(c, 3)?.parse().ok()?))
    } else if let Some(y) = cap(c, 4) {
        (cap(c, 5)?, cap(c, 6)?.parse().ok()?, Some(y.parse().ok()?))
    } else {
        let kind = &cap(c, 8)?[..1];
        let n = ordinal(cap(c, 7)?)?;
        let y = match (cap(c, 9), cap(c, 10).map(str::to_ascii_lowercase)) {
            (Some(y), _) => Some(y.parse().ok()?),
            (None, Some(rel)) if rel != "the" => published.map(|p| match rel.as_str() {
                "last" => p.year - 1,
                "next" => p.year + 1,
                _ => p.year,
            }),
            // "in the second quarter": the last such period that has begun.
            _ => published.and_then(|p| {
                let len = if kind.eq_ignore_ascii_case("h") { 6 } else { 3 };
                let first_month = u8::try_from(len * n - len + 1).ok()?;
                Some(if first_month <= p.month? {
                    p.year
                } else {
                    p.year - 1
                })
            }),
        };
        (kind, n, y)
    };
    let kind = kind.to_ascii_uppercase();
    let count = if kind == "H" { 2 } else { 4 };
    if !(1..=count).contains(&n) {
        return None;
    }
    Some(Found {
        what: What::Period,
        ..Found::other(
            start,
            end,
            y.map(|y| format!("{y:04}-{kind}{n}")),
            Granularity::Month,
        )
    })
}

fn relative(c: &Captures, start: usize, end: usize, published: Option<&PubDate>) -> Option<Found> {
    let all = c
        .get(1)?
        .as_str()
        .to_ascii_lowercase()
        .replace("tmrw", "tomorrow");
    let today = published.and_then(pub_day);
    let shift = |delta: i64| -> Found {
        match today {
            Some(d) => Found::point(start, end, Pt::day(d + delta)),
            None => Found::other(start, end, None, Granularity::Day),
        }
    };
    match all.as_str() {
        "today" | "tonight" => return Some(shift(0)),
        "yesterday" => return Some(shift(-1)),
        "tomorrow" => return Some(shift(1)),
        "the day before yesterday" => return Some(shift(-2)),
        "the day after tomorrow" => return Some(shift(2)),
        "the week after next" => {
            return Some(Found::week(
                start,
                end,
                today.map(|d| d - weekday_of(d) + 14),
            ))
        }
        _ => {}
    }
    let (part, which, unit) = match (cap(c, 3), cap(c, 4), cap(c, 7), cap(c, 8)) {
        (Some(w), Some(u), ..) => (cap(c, 2), w, u),
        (.., Some(w), Some(u)) => (None, w, u),
        _ => (cap(c, 5), "this", cap(c, 6)?),
    };
    let which = which.to_ascii_lowercase();
    let which = which.trim_start_matches("the ");
    let delta: i32 = match which {
        "last" | "previous" | "past" => -1,
        "next" | "following" | "coming" => 1,
        _ => 0,
    };
    let unit = unit.to_ascii_lowercase();
    // Seasons differ by hemisphere and by convention (meteorological or astronomical).
    if matches!(
        unit.as_str(),
        "spring" | "summer" | "autumn" | "fall" | "winter"
    ) {
        return Some(Found::other(start, end, None, Granularity::Month));
    }
    let part = part.map(str::to_ascii_lowercase);
    if let Some(span) = week_span(&unit, which, delta, today) {
        return Some(Found::other(start, end, span, Granularity::Day));
    }
    if let (Some(part), Some(pd)) = (part, today) {
        if let Some(span) = part_of_period(&unit, delta, &part, pd) {
            return Some(Found::other(start, end, Some(span), Granularity::Day));
        }
    }
    let year_pt = |y: i32| Pt {
        y: Some(y),
        m: None,
        d: None,
        explicit: true,
    };
    Some(match unit.as_str() {
        "year" => match published {
            Some(p) => Found::point(start, end, year_pt(p.year + delta)),
            None => Found::other(start, end, None, Granularity::Year),
        },
        "month" => match published.and_then(|p| Some(add_months(p.year, p.month?, delta))) {
            Some((y, m)) => Found::point(
                start,
                end,
                Pt {
                    y: Some(y),
                    m: Some(m),
                    d: None,
                    explicit: true,
                },
            ),
            None => Found::other(start, end, None, Granularity::Month),
        },
        "quarter" => {
            let value = published.and_then(|p| {
                let q = i32::from((p.month? - 1) / 3) + delta;
                let (y, q) = (p.year + q.div_euclid(4), q.rem_euclid(4) + 1);
                Some(format!("{y:04}-Q{q}"))
            });
            Found::other(start, end, value, Granularity::Month)
        }
        "decade" => {
            let value = published.map(|p| format!("{:03}", p.year / 10 + delta));
            Found::other(start, end, value, Granularity::Year)
        }
        _ => Found::week(
            start,
            end,
            today.map(|d| d - weekday_of(d) + 7 * i64::from(delta)),
        ),
    })
}

/// Spans tied to weeks that are not a whole ISO week: a weekend (Saturday and Sunday), a working
/// week (Monday to Friday), a fortnight (two weeks from a Monday). `Some(None)` when the unit is
/// one of them but publication has no day.
fn week_span(unit: &str, which: &str, delta: i32, today: Option<i64>) -> Option<Option<String>> {
    let (offset, len) = match unit {
        "weekend" => (5, 2),
        "fortnight" => (0, 14),
        u if u.starts_with("work") => (0, 5),
        _ => return None,
    };
    let Some(pd) = today else {
        return Some(None);
    };
    let monday = pd - weekday_of(pd);
    // "Over the weekend" in news is the one just past until Friday comes; "this weekend" only
    // early in the week (on Wednesday it is the coming one).
    let past_until = if which == "this" { 1 } else { 3 };
    let first = match (unit, delta) {
        ("weekend", 0) if weekday_of(pd) <= past_until => monday - 2,
        ("fortnight", d) => monday + 14 * i64::from(d),
        (_, d) => monday + offset + 7 * i64::from(d),
    };
    Some(day_span(first, first + len))
}

/// "earlier this month", "later in the year": the first or second half of the period (a week
/// splits before Thursday); for the current period, no later (or earlier) than publication.
fn part_of_period(unit: &str, delta: i32, part: &str, pd: i64) -> Option<String> {
    let (y, m, _) = civil_from_days(pd);
    let (first, after, mid) = match unit {
        "week" => {
            let first = pd - weekday_of(pd) + 7 * i64::from(delta);
            (first, first + 7, first + 3)
        }
        "month" => {
            let (y, m) = add_months(y, m, delta);
            let (y2, m2) = add_months(y, m, 1);
            let first = days_from_civil(y, m, 1);
            (first, days_from_civil(y2, m2, 1), first + 15)
        }
        "year" => {
            let y = y + delta;
            (
                days_from_civil(y, 1, 1),
                days_from_civil(y + 1, 1, 1),
                days_from_civil(y, 7, 1),
            )
        }
        _ => return None,
    };
    let current = delta == 0;
    if part == "earlier" {
        let end = if current && pd > first {
            mid.min(pd)
        } else {
            mid
        };
        day_span(first, end)
    } else {
        let begin = if current { mid.max(pd) } else { mid };
        day_span(begin, after)
    }
}

static YEAR_NEXT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:,\s*(?:and|or)?|and|or)\s*(?:in\s+)?({YEAR})"
    ))
    .ok()
});

/// Lower-cased text of `s[a..b]`, trimmed.
fn gap(s: &str, a: usize, b: usize) -> String {
    s.get(a..b).unwrap_or("").trim().to_ascii_lowercase()
}

/// Whether `s[..at]` ends with the word(s) `w` (case-insensitive, on a word boundary); returns
/// where they start.
fn ends_with_words(s: &str, at: usize, w: &str) -> Option<usize> {
    let head = s.get(..at)?.trim_end();
    let n = w.len();
    if head.len() < n || !head.is_char_boundary(head.len() - n) {
        return None;
    }
    let (rest, tail) = head.split_at(head.len() - n);
    (tail.eq_ignore_ascii_case(w) && !rest.ends_with(|c: char| c.is_alphanumeric()))
        .then_some(rest.len())
}

/// A weekday right before a dated day ("Friday, 2018-7-6", "tue may 9") only names that day;
/// one around a week ("Monday of next week", "next week on Tuesday") picks a day of it.
fn absorb_weekdays(s: &str, f: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < f.len() {
        let g = gap(s, f[i].end, f[i + 1].start);
        let (a_start, b_end, b_day) = (f[i].start, f[i + 1].end, f[i + 1].granularity);
        match (f[i].what, f[i + 1].what) {
            (What::Weekday(_), What::Point)
                if b_day == Granularity::Day
                    && matches!(g.as_str(), "" | "," | "the" | "(" | "-" | ", the") =>
            {
                f[i + 1].start = f[i].start;
                f.remove(i);
                continue;
            }
            (What::Weekday(wd), What::Offset)
                if b_day == Granularity::Day && matches!(g.as_str(), "" | ",") =>
            {
                let day = f[i + 1]
                    .pt
                    .and_then(|p| Some(days_from_civil(p.y?, p.m?, p.d?)))
                    .map(|d| d - weekday_of(d) + wd);
                if let Some(day) = day {
                    f[i + 1] = Found::point(a_start, b_end, Pt::day(day));
                    f.remove(i);
                    continue;
                }
            }
            (What::Weekday(wd), What::Week(monday)) | (What::Week(monday), What::Weekday(wd))
                if matches!(g.as_str(), "" | "of" | "on" | ",") =>
            {
                let day = monday.map(|m| m + wd);
                f[i + 1] = Found {
                    start: a_start,
                    end: b_end,
                    value: day.and_then(|d| Pt::day(d).iso()),
                    granularity: Granularity::Day,
                    pt: day.map(Pt::day),
                    what: What::Point,
                };
                f.remove(i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// "expected to last three days", "will last two weeks": "last" after "to", a modal or an
/// auxiliary is the verb of a duration, not the start of a past period.
fn last_is_a_verb(s: &str, at: usize) -> bool {
    word_before(s, at)
        .is_some_and(|(_, w)| crate::numbers::verb_or_idiom_after(&w.to_ascii_lowercase()))
}

/// The word ending right before `at` (after spaces) and where it starts: letters or digits.
fn word_before(s: &str, at: usize) -> Option<(usize, &str)> {
    let head = s.get(..at)?.trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < head.len()).then(|| (start, &head[start..]))
}

/// The day `n` days, weeks, months or years after `day` (before it when `n` is negative); a
/// month shift keeps the day of the month where the month has it.
fn shift_days(day: i64, n: i64, unit: &str) -> Option<i64> {
    let unit = unit.to_ascii_lowercase();
    let months = match unit.trim_end_matches('s') {
        "day" => return Some(day + n),
        "week" => return Some(day + 7 * n),
        "fortnight" => return Some(day + 14 * n),
        "month" => n,
        "year" => 12 * n,
        _ => return None,
    };
    let (y, m, d) = civil_from_days(day);
    let (y, m) = add_months(y, m, i32::try_from(months).ok()?);
    Some(days_from_civil(y, m, d.min(days_in_month(y, m))))
}

/// A month or year moved by `n` months or years (a year only by years).
fn shift_period(pt: &Pt, n: i64, unit: &str) -> Option<Pt> {
    let n = i32::try_from(n).ok()?;
    let months = match unit.to_ascii_lowercase().trim_end_matches('s') {
        "year" => 12 * n,
        "month" if pt.m.is_some() => n,
        _ => return None,
    };
    let y = pt.y?;
    Some(match pt.m {
        Some(m) => {
            let (y, m) = add_months(y, m, months);
            Pt {
                y: Some(y),
                m: Some(m),
                ..*pt
            }
        }
        None => Pt {
            y: Some(y + months / 12),
            ..*pt
        },
    })
}

/// "two days after today", "4 months from tomorrow", "16 days from 01/02/2018": a day counted
/// from a dated day. "more than 2 weeks before X" is open, "less than 3 days after X" and "for 3
/// days (starting) from X" are spans between X and the counted day.
fn offsets(s: &str, f: &mut [Found]) {
    for x in f.iter_mut() {
        let Some(pt) = x.pt.filter(|p| p.y.is_some()) else {
            continue;
        };
        let Some((op_at, op)) = word_before(s, x.start) else {
            continue;
        };
        let op = op.to_ascii_lowercase();
        let (op_at, op) = match op.as_str() {
            "from" => match word_before(s, op_at) {
                Some((at, w)) if w.eq_ignore_ascii_case("starting") => (at, "starting"),
                _ => (op_at, "from"),
            },
            "starting" => (op_at, "starting"),
            "after" => (op_at, "after"),
            "before" => (op_at, "before"),
            _ => continue,
        };
        let Some((unit_at, unit)) = word_before(s, op_at) else {
            continue;
        };
        let Some((n_at, n)) = word_before(s, unit_at) else {
            continue;
        };
        let Some(n) = word_num(n) else { continue };
        let sign = if op == "before" { -1 } else { 1 };
        let qualifier = word_before(s, n_at).map(|(at, w)| (at, w.to_ascii_lowercase()));
        let Some(anchor) = pt.d.and_then(|d| Some(days_from_civil(pt.y?, pt.m?, d))) else {
            // "three years after 2015", "two months before March 2020": as precise as the anchor.
            let plain = qualifier
                .as_ref()
                .is_none_or(|(_, w)| w != "than" && w != "for");
            if let Some(p) = shift_period(&pt, sign * n, unit).filter(|_| plain && op != "starting")
            {
                *x = Found::point(n_at, x.end, p);
            }
            continue;
        };
        let Some(day) = shift_days(anchor, sign * n, unit) else {
            continue;
        };
        let than = qualifier
            .as_ref()
            .filter(|(_, w)| w == "than")
            .and_then(|(at, _)| word_before(s, *at))
            .map(|(at, w)| (at, w.to_ascii_lowercase()));
        let (start, value) = match (&than, &qualifier) {
            (Some((at, w)), _) if w == "more" => {
                let v = Pt::day(day).iso();
                let v = if sign > 0 {
                    v.map(|v| format!("{v}/.."))
                } else {
                    v.map(|v| format!("../{v}"))
                };
                (*at, v)
            }
            (Some((at, w)), _) if w == "less" => (*at, day_span(anchor.min(day), anchor.max(day))),
            (_, Some((_, w))) if w == "for" && sign > 0 => (n_at, day_span(anchor, day)),
            _ if op == "starting" => continue,
            _ => (n_at, Pt::day(day).iso()),
        };
        *x = if value.as_deref().is_some_and(|v| v.contains('/')) {
            Found::other(start, x.end, value, Granularity::Day)
        } else {
            Found {
                what: What::Offset,
                ..Found::point(start, x.end, Pt::day(day))
            }
        };
    }
}

/// "the week of April 10th", "the week beginning February 4": the ISO week holding that day.
fn weeks_of(s: &str, f: &mut [Found]) {
    for x in f.iter_mut() {
        let Some(Pt {
            y: Some(y),
            m: Some(m),
            d: Some(d),
            ..
        }) = x.pt
        else {
            continue;
        };
        if x.what != What::Point {
            continue;
        }
        let at = ends_with_words(s, x.start, "the").unwrap_or(x.start);
        for lead in [
            "week of",
            "week beginning",
            "week commencing",
            "week starting",
        ] {
            if let Some(w) = ends_with_words(s, at, lead) {
                let w = ends_with_words(s, w, "the").unwrap_or(w);
                let day = days_from_civil(y, m, d);
                *x = Found::week(w, x.end, Some(day - weekday_of(day)));
                break;
            }
        }
    }
}

/// Joins "March" "to" "May 2020" into one range, the start borrowing the end's year when it
/// has none, and an end without a year falling on or after the start.
fn ranges(s: &str, f: &mut Vec<Found>, published: Option<&PubDate>) {
    // "between Jan 2019 and now", "from 2010-01-01 till current date": up to publication.
    if let Some(today) = published.and_then(pub_day).and_then(|d| Pt::day(d).iso()) {
        for x in f.iter_mut() {
            let Some(from) = x.pt.and_then(|p| p.iso()) else {
                continue;
            };
            let Some(lead) = ["from", "between"]
                .iter()
                .find_map(|w| ends_with_words(s, x.start, w))
            else {
                continue;
            };
            let rest = s.get(x.end..).unwrap_or("").to_ascii_lowercase();
            let tail = [
                " and now",
                " to now",
                " till now",
                " until now",
                " till current date",
                " until current date",
                " to the present",
            ]
            .into_iter()
            .find(|t| rest.starts_with(t));
            if let Some(t) = tail {
                let g = x.granularity;
                *x = Found::other(lead, x.end + t.len(), Some(format!("{from}/{today}")), g);
            }
        }
    }
    let mut i = 0;
    while i + 1 < f.len() {
        // "from the middle of 2007 to the end of 2008": an end may be a part of its period.
        let (a_at, b_at) = (part_lead(s, f[i].start), part_lead(s, f[i + 1].start));
        let g = gap(s, f[i].end, b_at);
        let lead = ["from", "between", "from the", "between the"]
            .iter()
            .find_map(|w| ends_with_words(s, a_at, w));
        let between = lead.is_some_and(|p| gap(s, p, f[i].start).starts_with("between"));
        let conn = match g.as_str() {
            "-" | "–" | "—" | "~" | "to" | "through" | "thru" | "till" | "until" | "to the" => {
                true
            }
            "and" | "and the" => between,
            _ => false,
        };
        let start = lead.unwrap_or(f[i].start);
        if conn && f[i].what == What::Period && f[i + 1].what == What::Period {
            // "from 2017 Q1 to 2018 Q1": both ends as stated, like years.
            if let (Some(x), Some(y)) = (&f[i].value, &f[i + 1].value) {
                if x < y {
                    let value = Some(format!("{x}/{y}"));
                    f[i + 1] = Found::other(start, f[i + 1].end, value, Granularity::Month);
                    f.remove(i);
                }
            }
            i += 1;
            continue;
        }
        let (Some(mut a), Some(mut b)) = (f[i].pt, f[i + 1].pt) else {
            i += 1;
            continue;
        };
        if !conn {
            i += 1;
            continue;
        }
        if let (Some(y), What::Weekday(wd)) = (a.y, f[i + 1].what) {
            let (m, d) = a.md();
            let from = days_from_civil(y, m, d);
            b = Pt::day(from + (wd - weekday_of(from)).rem_euclid(7));
        } else if !a.explicit && b.explicit {
            a.y = b.y.map(|y| if a.md() > b.md() { y - 1 } else { y });
        } else if !b.explicit {
            b.y = a.y.map(|y| if b.md() < a.md() { y + 1 } else { y });
        }
        let ordered = match (a.y, b.y) {
            (Some(ya), Some(yb)) => (ya, a.md()) <= (yb, b.md()),
            _ => true,
        };
        if !ordered {
            i += 1;
            continue;
        }
        let from_part = part_bound(s, f[i].start, f[i].end, &a, false);
        let to_part = part_bound(s, f[i + 1].start, f[i + 1].end, &b, true);
        let (value, granularity) = if from_part.is_some() || to_part.is_some() {
            let from = from_part.or_else(|| period_days(&a).map(|p| p.0));
            let to = to_part.or_else(|| period_days(&b).map(|p| p.1));
            let span = from.zip(to).filter(|(x, y)| x < y);
            (span.and_then(|(x, y)| day_span(x, y)), Granularity::Day)
        } else {
            let value = match (a.iso(), b.iso()) {
                (Some(x), Some(y)) => Some(format!("{x}/{y}")),
                _ => None,
            };
            (value, a.granularity())
        };
        f[i + 1] = Found::other(start, f[i + 1].end, value, granularity);
        f.remove(i);
        i += 1;
    }
}

/// The first day of a month or year and the first day after it.
fn period_days(pt: &Pt) -> Option<(i64, i64)> {
    let y = pt.y?;
    if pt.d.is_some() {
        return None;
    }
    Some(match pt.m {
        Some(m) => {
            let first = days_from_civil(y, m, 1);
            (first, first + i64::from(days_in_month(y, m)))
        }
        None => (days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1)),
    })
}

/// Where a range starts (or, with `end`, stops) when its end is part of a period. "The
/// beginning", "the middle" and "the end" of a period are moments: its first day, its midpoint
/// and the day after it ("until the end of June" takes in all of June). "Early", "mid" and
/// "late" are stretches, taken whole ("from late March" starts on the 16th).
fn part_bound(s: &str, start: usize, end: usize, pt: &Pt, is_end: bool) -> Option<i64> {
    let (_, first, after) = part_of(s, start, end, pt)?;
    let word = part_word_near(s, start, end)?.to_ascii_lowercase();
    let (p0, p1) = period_days(pt)?;
    Some(match word.as_str() {
        "beginning" | "start" => p0,
        "middle" => p0 + (p1 - p0) / 2,
        "end" => p1,
        _ if is_end => after,
        _ => first,
    })
}

/// "since 2014", "after 2018", "before May", "2012 or later": intervals open at one end.
fn open_ranges(s: &str, f: &mut [Found]) {
    for x in f.iter_mut() {
        let Some(pt) = x.pt else { continue };
        let at = part_lead(s, x.start);
        let mut hit = None;
        for (w, from, next) in [
            ("since", true, false),
            ("starting", true, false),
            ("starting on", true, false),
            ("starting from", true, false),
            ("starting in", true, false),
            ("after", true, true),
            ("later than", true, true),
            ("greater than", true, true),
            ("no later than", false, false),
            ("as late as", false, false),
            ("before", false, false),
        ] {
            if let Some(p) = ends_with_words(s, at, w) {
                if hit.is_none_or(|(q, _, _)| p < q) {
                    hit = Some((p, from, next));
                }
            }
        }
        let mut end = x.end;
        if hit.is_none() {
            let rest = s.get(x.end..).unwrap_or("").to_ascii_lowercase();
            for w in [
                " or later",
                " and later",
                " and after",
                " or after",
                " onwards",
                " and greater",
                " or greater",
            ] {
                if rest.starts_with(w) {
                    hit = Some((x.start, true, false));
                    end = x.end + w.len();
                }
            }
        }
        let Some((start, from, next)) = hit else {
            continue;
        };
        if let Some((part, first, after)) = part_of(s, x.start, x.end, &pt) {
            // "since late July" starts with its part, "after mid-May" once it is over; the
            // beginning and end of a period are the moments it starts and ends.
            let day = match (from, next, part) {
                (true, true, Part::Early) | (true, false, _) => first,
                (false, _, Part::Late) | (true, true, _) => after,
                (false, _, _) => first,
            };
            let v = Pt::day(day).iso();
            let value = if from {
                v.map(|v| format!("{v}/.."))
            } else {
                v.map(|v| format!("../{v}"))
            };
            *x = Found::other(start, end, value, Granularity::Day);
            continue;
        }
        // "after 2018" starts with 2019, "after 1 January" with that day: a day is a moment.
        let p = if next && pt.d.is_none() {
            pt.next()
        } else {
            Some(pt)
        };
        let value = p.and_then(|p| p.iso()).map(|v| {
            if from {
                format!("{v}/..")
            } else {
                format!("../{v}")
            }
        });
        *x = Found::other(start, end, value, x.granularity);
    }
}

/// Where the words naming a part of the period at `start` begin: "the end of" in "the end of
/// this year", "the" in "the end of 1989" (whose mention holds "end of"); `start` when none.
fn part_lead(s: &str, start: usize) -> usize {
    let own = s
        .get(start..)
        .and_then(|t| t.split(|c: char| !c.is_ascii_alphabetic()).next())
        .is_some_and(is_part_word);
    let at = match word_before(s, start) {
        _ if own => start,
        Some((of, w)) if w.eq_ignore_ascii_case("of") => match word_before(s, of) {
            Some((p, w)) if is_part_word(w) => p,
            _ => return start,
        },
        Some((p, w)) if is_part_word(w) => p,
        _ => return start,
    };
    match word_before(s, at) {
        Some((p, w)) if w.eq_ignore_ascii_case("the") => p,
        _ => at,
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Part {
    Early,
    Mid,
    Late,
}

/// "late July", "the end of 1989", "the beginning of March": the part of a month or year a
/// mention names, by the word in it or right before it, as a half-open interval of days. A
/// month splits at the 16th (its middle is the 11th to the 20th); a year in thirds.
/// The word naming a part of the period found at `s[start..end]`: its own first word ("late
/// July", "end of 2008") or the one before it ("the middle of 2007").
fn part_word_near(s: &str, start: usize, end: usize) -> Option<&str> {
    let own = s
        .get(start..end)?
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.eq_ignore_ascii_case("in") && !w.is_empty())
        .filter(|w| is_part_word(w));
    own.or_else(|| {
        let (at, w) = word_before(s, start)?;
        if w.eq_ignore_ascii_case("of") {
            Some(word_before(s, at)?.1)
        } else {
            Some(w)
        }
        .filter(|w| is_part_word(w))
    })
}

/// "Early", "the middle of", "the end of": words naming a part of a period.
fn is_part_word(w: &str) -> bool {
    [
        "early",
        "beginning",
        "start",
        "mid",
        "middle",
        "late",
        "end",
    ]
    .iter()
    .any(|p| w.eq_ignore_ascii_case(p))
}

fn part_of(s: &str, start: usize, end: usize, pt: &Pt) -> Option<(Part, i64, i64)> {
    let part_word = |w: &str| match w.to_ascii_lowercase().as_str() {
        "early" | "beginning" | "start" => Some(Part::Early),
        "mid" | "middle" => Some(Part::Mid),
        "late" | "end" => Some(Part::Late),
        _ => None,
    };
    let part = part_word(part_word_near(s, start, end)?)?;
    let (first, after) = period_days(pt)?;
    // A month's early and late parts are its halves, its middle the ten days around the 15th;
    // a year's parts are thirds (Jan-Apr, May-Aug, Sep-Dec).
    let (first, after) = match (pt.m, pt.y) {
        (None, Some(y)) => {
            let third = |k: u8| days_from_civil(y, 4 * k + 1, 1);
            match part {
                Part::Early => (first, third(1)),
                Part::Mid => (third(1), third(2)),
                Part::Late => (third(2), after),
            }
        }
        _ => match part {
            Part::Early => (first, first + 15),
            Part::Mid => (first + 10, first + 20),
            Part::Late => (first + 15, after),
        },
    };
    Some((part, first, after))
}

/// "in 2007 and 2009": the years listed after a dated year.
fn year_lists(s: &str, f: &mut Vec<Found>) {
    let Some(re) = YEAR_NEXT.as_ref() else { return };
    let mut extra = vec![];
    for x in f.iter() {
        if x.what != What::Point || x.granularity != Granularity::Year {
            continue;
        }
        let mut at = x.end;
        while let Some(c) = s.get(at..).and_then(|r| re.captures(r)) {
            let Some(g) = c.get(1) else { break };
            let after = s.get(at + g.end()..).unwrap_or("");
            if glued_digit(after) || count_follows(after) {
                break;
            }
            let Ok(y) = g.as_str().parse() else { break };
            extra.push(Found::point(
                at + g.start(),
                at + g.end(),
                Pt {
                    y: Some(y),
                    m: None,
                    d: None,
                    explicit: true,
                },
            ));
            at += g.end();
        }
    }
    if !extra.is_empty() {
        f.extend(extra);
        f.sort_by_key(|x| x.start);
        f.dedup_by(|b, a| b.start < a.end);
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
    let hits = matching(set, s);
    if hits.is_empty() {
        return;
    }
    let mut found: Vec<Found> = vec![];
    for (form, re) in hits.iter().filter_map(|i| RES.get(i.as_usize())) {
        for groups in re.captures_iter(s) {
            let c = Captures { text: s, groups };
            interpret(*form, &c, s, published, &mut found);
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
    let mut slots: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    let mut f: Vec<Found> = kept.iter().filter_map(|&i| slots[i].take()).collect();
    absorb_weekdays(s, &mut f);
    offsets(s, &mut f);
    weeks_of(s, &mut f);
    ranges(s, &mut f, published);
    open_ranges(s, &mut f);
    year_lists(s, &mut f);
    for x in f {
        let mut t = s.get(x.start..x.end).unwrap_or("").trim_end();
        // The period after a full month name ends the sentence: "in June."
        if let Some(stem) = t.strip_suffix('.') {
            let last = stem
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if last.len() > 4 || matches!(last, "May" | "may" | "June" | "july" | "July" | "june") {
                t = stem;
            }
        }
        out.push(DateMention {
            text: t.to_string(),
            start: start + x.start,
            end: start + x.start + t.len(),
            value: x.value,
            granularity: x.granularity,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_as_a_verb_starts_no_period() {
        for s in [
            "The talks are expected to last three days.",
            "The strike will last two weeks.",
            "The truce did not last three months.",
        ] {
            assert!(d(s, Some("2024-05-01")).is_empty(), "{s}");
        }
        assert_eq!(
            d("Prices rose over the last three days.", Some("2024-05-01")).len(),
            1
        );
    }

    #[test]
    fn ranges_to_and_from_part_of_a_period() {
        let p = "2016-11-07";
        assert_eq!(
            v("The plant was shut from May until the end of August.", p),
            Some("2016-05-01/2016-09-01".into())
        );
        assert_eq!(
            v("Prices fell from 2011 to the end of 2013.", p),
            Some("2011-01-01/2014-01-01".into())
        );
        assert_eq!(
            v(
                "Output rose between the end of 2009 and the end of 2010.",
                p
            ),
            Some("2010-01-01/2011-01-01".into())
        );
        assert_eq!(
            v(
                "It ran from the middle of 2003 to the beginning of 2005.",
                p
            ),
            Some("2003-07-02/2005-01-01".into())
        );
        assert_eq!(
            v("Talks lasted from late February to mid-April.", p),
            Some("2016-02-16/2016-04-21".into())
        );
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(RES.len(), 36);
        assert!(SET.is_some());
    }

    fn d(s: &str, p: Option<&str>) -> Vec<(String, Option<String>, Granularity)> {
        let p: Option<PubDate> = p.map(|p| p.parse().unwrap());
        let mut out = vec![];
        let mut toks = vec![];
        crate::tok::tokenize(s, 0, s.len(), &mut toks);
        let words = crate::keywords::families(s, &toks);
        let set = SET.as_ref().unwrap();
        let hits = matching(set, s);
        assert!(hits.is_empty() || words & crate::keywords::DATE != 0, "{s}");
        for (i, (_, re)) in RES.iter().enumerate() {
            assert_eq!(
                hits.contains(regex_automata::PatternID::must(i)),
                re.is_match(s),
                "the core of pattern {i} on {s}"
            );
        }
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
    fn a_capitalised_today_after_a_name_is_part_of_it() {
        assert!(d(
            "The figure was first reported by USA Today.",
            Some("2019-09-04")
        )
        .is_empty());
        assert_eq!(
            v("Today, the state held elections.", "2019-09-04"),
            Some("2019-09-04".into())
        );
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
        assert_eq!(
            v("earlier this year", "2024-10-10"),
            Some("2024-01-01/2024-07-01".into())
        );
        assert_eq!(
            v("earlier this month", "2018-05-28"),
            Some("2018-05-01/2018-05-16".into())
        );
        assert_eq!(
            v("earlier this year", "2018-05-28"),
            Some("2018-01-01/2018-05-28".into())
        );
        assert_eq!(
            v("earlier previous week", "2018-11-30"),
            Some("2018-11-19/2018-11-22".into())
        );
        assert_eq!(v("earlier this year", "2024-10"), Some("2024".into()));
        assert_eq!(v("yesterday", "2024-03-01"), Some("2024-02-29".into()));
        assert_eq!(
            v("In March, the United States", "2023-06"),
            Some("2023-03".into())
        );
        assert_eq!(v("two years ago", "2023-06"), Some("2021".into()));
        assert_eq!(
            v("a meeting 1 month, 21 days ago", "2017-11-23"),
            Some("2017-10-02".into())
        );
        assert_eq!(
            v("2 weeks and 2 days ago they", "2016-11-07"),
            Some("2016-10-22".into())
        );
        assert_eq!(v("six months ago", "2023-06-10"), Some("2022-12".into()));
    }

    #[test]
    fn forward_only_when_told() {
        assert_eq!(
            v("at Camp David later this week", "2023-08-16"),
            Some("2023-08-17/2023-08-21".into())
        );
        assert_eq!(
            v("later this month", "2018-05-28"),
            Some("2018-05-28/2018-06-01".into())
        );
        assert_eq!(v("next week", "2023-08-16"), Some("2023-W34".into()));
        assert_eq!(v("next Monday", "2023-08-16"), Some("2023-08-21".into()));
    }

    #[test]
    fn weekends_working_weeks_and_fortnights() {
        // A Friday looks ahead to its weekend, a Monday back to the one just past.
        assert_eq!(
            v("over the weekend", "2016-11-11"),
            Some("2016-11-12/2016-11-14".into())
        );
        assert_eq!(
            v("over the weekend", "2016-11-14"),
            Some("2016-11-12/2016-11-14".into())
        );
        assert_eq!(
            v("over the weekend", "2024-06-12"),
            Some("2024-06-08/2024-06-10".into())
        );
        assert_eq!(
            v("will be held this weekend", "2024-06-12"),
            Some("2024-06-15/2024-06-17".into())
        );
        assert_eq!(
            v("last weekend", "2016-11-11"),
            Some("2016-11-05/2016-11-07".into())
        );
        assert_eq!(
            v("this working week", "2018-06-26"),
            Some("2018-06-25/2018-06-30".into())
        );
        assert_eq!(
            v("over the past fortnight", "2021-05-20"),
            Some("2021-05-03/2021-05-17".into())
        );
        assert_eq!(d("this weekend", None)[0].1, None);
        assert_eq!(d("I'll leave this SUMMER", Some("2016-11-07"))[0].1, None);
        assert!(d("a summer camp", Some("2016-11-07")).is_empty());
    }

    #[test]
    fn weeks_quarters_and_decades() {
        assert_eq!(v("last week", "2023-08-16"), Some("2023-W32".into()));
        assert_eq!(v("the last week of 2016", "2018"), Some("2016-W52".into()));
        assert_eq!(
            v("the week of April 10th", "2018-03-14"),
            Some("2017-W15".into())
        );
        assert_eq!(v("last quarter", "2019-01-28"), Some("2018-Q4".into()));
        assert_eq!(
            v("in the second quarter", "2024-03-05"),
            Some("2023-Q2".into())
        );
        assert_eq!(v("sales in Q3 2019", "2024"), Some("2019-Q3".into()));
        assert_eq!(v("2019-H2 will", "2024"), Some("2019-H2".into()));
        assert_eq!(
            v("in the first half of last year", "2024-03-05"),
            Some("2023-H1".into())
        );
        assert_eq!(
            v("in the second half", "2024-03-05"),
            Some("2023-H2".into())
        );
        assert_eq!(
            v("from 2017 q1 to 2018 q1", "2024"),
            Some("2017-Q1/2018-Q1".into())
        );
        assert_eq!(v("in fiscal year 2008", "2024"), None);
        assert_eq!(v("FY2019 revenue", "2024"), None);
        assert_eq!(v("in the 1990s", "2024"), Some("199".into()));
        assert_eq!(v("in the '80s", "2024"), Some("198".into()));
        assert_eq!(v("in the nineties", "2024"), Some("199".into()));
        assert_eq!(v("presidents in 90 s.", "2024"), Some("199".into()));
        assert_eq!(v("in the '00s", "2024"), Some("200".into()));
        assert!(d("a man in his 90s", Some("2024")).is_empty());
        assert_eq!(v("the 21st century", "2024"), Some("20".into()));
        assert_eq!(
            v("We met on tuesday of last week", "2019-07-30"),
            Some("2019-07-23".into())
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(
            v("from March to May 2020", "2024-01-01"),
            Some("2020-03/2020-05".into())
        );
        assert_eq!(
            v("between 2010 and 2015, exports", "2024"),
            Some("2010/2015".into())
        );
        assert_eq!(v("the 2014-2018 period", "2024"), Some("2014/2018".into()));
        assert_eq!(
            v("Nov-Feb 2017", "2018-10-24"),
            Some("2016-11/2017-02".into())
        );
        assert_eq!(
            v("on November 18-19", "2018-10-24"),
            Some("2017-11-18/2017-11-19".into())
        );
        assert_eq!(
            v("between 3 and 12 of Sept", "2016-11-07"),
            Some("2016-09-03/2016-09-12".into())
        );
        assert_eq!(v("since 2014", "2024"), Some("2014/..".into()));
        assert_eq!(
            v("from March to May", "2018-09-07"),
            Some("2018-03/2018-05".into())
        );
        assert_eq!(
            v("between August and October", "2018-09-07"),
            Some("2018-08/2018-10".into())
        );
        assert_eq!(
            v("from this 5/12 to next 5/19", "2019-05-20"),
            Some("2019-05-12/2020-05-19".into())
        );
        assert_eq!(
            v("between Aug 2019 and now", "2020-05-06"),
            Some("2019-08/2020-05-06".into())
        );
        assert_eq!(
            v("from 10/1/2018-10/7/2018", "2020"),
            Some("2018-10-01/2018-10-07".into())
        );
        assert_eq!(
            v("The period is 10/1-11/2/2017", "2018-10-24"),
            Some("2017-10-01/2017-11-02".into())
        );
        assert_eq!(
            v("2/29-3/1", "2019-09-18"),
            Some("2016-02-29/2016-03-01".into())
        );
        assert_eq!(v("2/29-3/1/2019", "2019-09-18"), None);
        assert_eq!(v("after 2018", "2024"), Some("2019/..".into()));
        assert_eq!(
            v("after January 1, 2007", "2024"),
            Some("2007-01-01/..".into())
        );
        assert_eq!(
            v("plans after mid May", "2019-02-25"),
            Some("2018-05-21/..".into())
        );
        assert_eq!(
            v("since late July", "2019-02-25"),
            Some("2018-07-16/..".into())
        );
        assert_eq!(
            v("lived here since the end of 1989", "2020"),
            Some("1989-09-01/..".into())
        );
        assert_eq!(
            v("before the end of this year", "2016-11-07"),
            Some("../2017-01-01".into())
        );
        assert_eq!(
            v("after the beginning of March", "2016-11-07"),
            Some("2016-03-01/..".into())
        );
        assert_eq!(v("before 2018", "2024"), Some("../2018".into()));
        assert_eq!(
            d("18 and 19 June", Some("2018-08-29"))
                .into_iter()
                .map(|x| x.1.unwrap_or_default())
                .collect::<Vec<_>>(),
            ["2018-06-18", "2018-06-19"]
        );
        assert!(d("between 1800 and 2000 soldiers", Some("2024")).is_empty());
    }

    #[test]
    fn words_and_weekdays_with_days() {
        assert_eq!(
            v("May twenty nine", "2016-11-07"),
            Some("2016-05-29".into())
        );
        assert_eq!(v("second of Aug.", "2016-11-07"), Some("2016-08-02".into()));
        assert_eq!(v("on Monday 21", "2019-01-25"), Some("2019-01-21".into()));
        assert_eq!(
            v("coffee on tuesday the eleventh.", "2019-06-10"),
            Some("2019-06-11".into())
        );
        assert_eq!(v("back Sat 14th", "2022-05-01"), Some("2021-08-14".into()));
        assert_eq!(
            v("Friday, 2018-7-6 with Jim", "2018-07-06"),
            Some("2018-07-06".into())
        );
        assert_eq!(v("Feb 29", "2017-03-22"), Some("2016-02-29".into()));
    }

    #[test]
    fn holidays_counted_spans_and_last_weekday() {
        assert_eq!(
            v("since last Easter", "2019-06-12"),
            Some("2019-04-21/..".into())
        );
        assert_eq!(
            v("on Christmas Day", "2019-06-12"),
            Some("2018-12-25".into())
        );
        assert_eq!(v("thanksgiving 2023", "2021"), Some("2023-11-23".into()));
        assert_eq!(
            v("over Labor Day weekend", "2021-11-09"),
            Some("2021-09-04/2021-09-07".into())
        );
        assert_eq!(
            v("the weekend of Thanksgiving 2023", "2021"),
            Some("2023-11-23/2023-11-27".into())
        );
        assert_eq!(
            v("on Memorial Day", "2024-06-12"),
            Some("2024-05-27".into())
        );
        assert_eq!(
            v("on New Year's Eve", "2024-06-12"),
            Some("2023-12-31".into())
        );
        assert_eq!(
            v("over the past three months", "2016-11-07"),
            Some("2016-08-07/2016-11-07".into())
        );
        assert_eq!(
            v("the previous three quarters", "2019-07-04"),
            Some("2018-10-01/2019-07-01".into())
        );
        assert_eq!(v("the past quarter", "2019-07-04"), Some("2019-Q2".into()));
        assert_eq!(
            v("in the next two decades", "2018-07-02"),
            Some("2020-01-01/2040-01-01".into())
        );
        assert_eq!(
            v("back within next 10 months.", "2018-03-23"),
            Some("2018-03-23/2019-01-23".into())
        );
        assert!(d("within two years of the invasion", Some("2018-03-23")).is_empty());
        assert_eq!(
            v("the next 4 business days", "2018-08-21"),
            Some("2018-08-22/2018-08-28".into())
        );
        assert_eq!(
            v("the previous 4 working days", "2018-08-21"),
            Some("2018-08-15/2018-08-21".into())
        );
        assert_eq!(
            v("it opened on the 4th.", "2018-08-07"),
            Some("2018-08-04".into())
        );
        assert!(d("on the 18th floor", Some("2018-08-07")).is_empty());
        assert_eq!(
            v("the vote is set for the 27th.", "2016-11-07"),
            Some("2016-10-27".into())
        );
        assert!(d("for the first and only time", Some("2018-08-07")).is_empty());
        assert_eq!(v("since the 18th century", "2018-08-07"), Some("17".into()));
        assert_eq!(v("last Wednesday", "2019-01-31"), Some("2019-01-23".into()));
        assert_eq!(v("on Wednesday", "2019-01-31"), Some("2019-01-30".into()));
    }

    #[test]
    fn days_counted_from_a_day() {
        assert_eq!(
            v("two days before yesterday", "2018-05-31"),
            Some("2018-05-28".into())
        );
        assert_eq!(
            v("It will happen 4 months from tomorrow.", "2016-11-07"),
            Some("2017-03-08".into())
        );
        assert_eq!(
            v("16 days from 01/02/2018", "2016-11-07"),
            Some("2018-01-18".into())
        );
        assert_eq!(
            v("two months after next Friday", "2016-11-07"),
            Some("2017-01-18".into())
        );
        assert_eq!(
            v("more than 2 weeks before today", "2018-06-12"),
            Some("../2018-05-29".into())
        );
        assert_eq!(
            v("less than 3 days after tomorrow", "2018-05-29"),
            Some("2018-05-30/2018-06-02".into())
        );
        assert_eq!(
            v("out for 3 days starting from next Monday", "2019-10-07"),
            Some("2019-10-14/2019-10-17".into())
        );
        assert_eq!(
            v("for a week starting tomorrow", "2019-10-07"),
            Some("2019-10-08/2019-10-15".into())
        );
        assert_eq!(
            v("3 days from now", "2021-01-06"),
            Some("2021-01-09".into())
        );
        assert_eq!(
            v("back Monday two weeks from now.", "2016-11-09"),
            Some("2016-11-21".into())
        );
        assert!(d("in the 3 days after the vote", Some("2021-01-06")).is_empty());
        assert_eq!(
            v("three years after 2015", "2024-06-12"),
            Some("2018".into())
        );
        assert_eq!(
            v("two months before March 2020", "2024-06-12"),
            Some("2020-01".into())
        );
        assert_eq!(
            v("“two days before yesterday", "2018-05-31"),
            Some("2018-05-28".into())
        );
    }

    #[test]
    fn days_that_do_not_exist_stay_unresolved() {
        assert_eq!(v("on Feb 30", "2020-03-22"), None);
        assert_eq!(v("on 2/29/2019", "2020-03-22"), None);
        assert!(d("13/45/2019", Some("2020-03-22")).is_empty());
    }

    #[test]
    fn nth_day_or_month_of_a_relative_period() {
        assert_eq!(
            v("back on the 15th day of next month", "2020-07-01"),
            Some("2020-08-15".into())
        );
        assert_eq!(
            v("before the twenty-sixth day of the month", "2020-07-01"),
            Some("../2020-07-26".into())
        );
        assert_eq!(
            v("The 9th month of next year", "2021-11-29"),
            Some("2022-09".into())
        );
        assert_eq!(
            v("the 100th day of the year", "2024-06-01"),
            Some("2024-04-09".into())
        );
        assert!(d("the 13th month of the year", Some("2024-06-01")).is_empty());
    }

    #[test]
    fn two_digit_years_after_a_month() {
        assert_eq!(
            v("I was born in April of 87", "2018-01-07"),
            Some("1987-04".into())
        );
        assert_eq!(
            v("born on 15 April of 87", "2018-01-07"),
            Some("1987-04-15".into())
        );
        assert_eq!(v("in June '98, the", "2018-01-07"), Some("1998-06".into()));
        assert!(d("in April of 87 members", Some("2018-01-07"))
            .iter()
            .all(|x| x.1.as_deref() == Some("2017-04")));
    }

    #[test]
    fn nth_weekday_of_a_month() {
        assert_eq!(
            v("the first friday of july", "2016-11-07"),
            Some("2016-07-01".into())
        );
        assert_eq!(
            v("the first Friday of next month", "2018-03-20"),
            Some("2018-04-06".into())
        );
        assert_eq!(
            v("the last Thursday of November 2023", "2024"),
            Some("2023-11-30".into())
        );
        // February 2023 has four Mondays: no day of March instead.
        assert!(d("the fifth Monday of February 2023", Some("2024"))
            .iter()
            .all(|x| !x.1.as_deref().unwrap_or("").starts_with("2023-03")));
        assert_eq!(
            v("the 20th of next month", "2016-11-07"),
            Some("2016-12-20".into())
        );
    }

    #[test]
    fn years_in_words() {
        assert_eq!(
            v("born on January twenty five nineteen eighty six", "2019"),
            Some("1986-01-25".into())
        );
        assert_eq!(
            v(
                "On fifteen August nineteen hundred ninety three, the",
                "2019"
            ),
            Some("1993-08-15".into())
        );
        assert_eq!(
            v("meet on january first two thousand and thirty two", "2019"),
            Some("2032-01-01".into())
        );
        assert_eq!(
            d(
                "left in nineteen ninety six and came back in two thousand and fifteen",
                None
            )
            .into_iter()
            .map(|x| x.1.unwrap_or_default())
            .collect::<Vec<_>>(),
            ["1996", "2015"]
        );
        assert!(d("in twenty one days", Some("2019")).is_empty());
        assert!(d("in two thousand and fifteen homes", Some("2019")).is_empty());
    }

    #[test]
    fn bare_years_but_not_counts() {
        assert_eq!(v("the 2018 campaign", "2024"), Some("2018".into()));
        assert_eq!(v("2019 was a hard year", "2024"), Some("2019".into()));
        assert!(d("2000 people and more than 1500 homes", Some("2024")).is_empty());
        assert!(d("on Tuesday, 20 bodies were found", Some("2019-08-21"))
            .iter()
            .all(|x| x.0 == "on Tuesday"));
        assert_eq!(d("in June.", Some("2024-07-01"))[0].0, "June");
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
