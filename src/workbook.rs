//! `claimcheck.xlsx`: the three CSV reports as one workbook an analyst can read at once.
//!
//! The sheets are built from the CSV bytes themselves, so the workbook always holds the same
//! cells in the same order as the CSVs (a headless conversion back to CSV gives the CSV reports).
//! What the workbook adds is presentation: a frozen header with filters, column widths, wrapped
//! claim text, conflicts in colour, numbers as numbers, and a link from each claim to its first
//! mention. The bytes are deterministic: the creation date is fixed, not the time of the run.

use anyhow::{bail, Context, Result};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;

/// Excel's row limit, header included.
const MAX_ROWS: usize = 1_048_576;
/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// How a column is written and how wide it is.
#[derive(Clone, Copy)]
enum Kind {
    Text(f64),
    /// Long text, wrapped.
    Wrapped(f64),
    Integer,
    /// A number shown with two decimals, as in the CSV.
    Decimal,
}

fn kind(column: &str) -> Kind {
    match column {
        "claim" | "text" | "disagreement" | "title" => Kind::Wrapped(60.0),
        "articles" | "numbers" | "dates" | "origins" | "attribution" | "url" => Kind::Wrapped(30.0),
        "sources"
        | "mentions"
        | "independent_sources"
        | "line"
        | "start"
        | "end"
        | "sentences"
        | "claims"
        | "dropped_lines" => Kind::Integer,
        "score" => Kind::Decimal,
        "cluster_id" | "status" | "conflict_kind" | "published" | "hedged" | "negated" => {
            Kind::Text(14.0)
        }
        _ => Kind::Text(26.0),
    }
}

/// The cell formats, each in a plain and a highlighted (conflict) variant.
struct Formats {
    header: Format,
    text: [Format; 2],
    wrapped: [Format; 2],
    integer: [Format; 2],
    decimal: [Format; 2],
    link: [Format; 2],
}

impl Formats {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        let pair = |f: Format| [f.clone(), f.set_background_color(Color::RGB(0xFF_E0_E0))];
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE8_E8_E8)),
            text: pair(top.clone()),
            wrapped: pair(top.clone().set_text_wrap()),
            integer: pair(top.clone().set_num_format("0")),
            decimal: pair(top.clone().set_num_format("0.00")),
            link: pair(
                top.set_font_color(Color::Blue)
                    .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            ),
        }
    }
}

/// A parsed CSV report: header and rows.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn parse(name: &str, csv_bytes: &[u8]) -> Result<Table> {
    let bytes = csv_bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(csv_bytes);
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .with_context(|| format!("{name}: no header"))?
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("{name}: unreadable row"))?;
    Ok(Table { header, rows })
}

/// Builds the workbook from the bytes of `claims.csv`, `mentions.csv` and `articles.csv`.
pub fn workbook(claims: &[u8], mentions: &[u8], articles: &[u8]) -> Result<Vec<u8>> {
    let claims = parse("claims.csv", claims)?;
    let mentions = parse("mentions.csv", mentions)?;
    let articles = parse("articles.csv", articles)?;
    for (name, t) in [
        ("Claims", &claims),
        ("Mentions", &mentions),
        ("Articles", &articles),
    ] {
        if t.rows.len() + 1 > MAX_ROWS {
            bail!(
                "the {name} sheet would need {} rows, more than a workbook holds ({MAX_ROWS}); use the CSV reports",
                t.rows.len() + 1
            );
        }
    }
    build(&claims, &mentions, &articles).context("cannot build the workbook")
}

fn build(claims: &Table, mentions: &Table, articles: &Table) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));

    let first_mention = first_mention_rows(mentions);
    let status_col = claims.header.iter().position(|h| h == "status");
    let sheet = book.add_worksheet();
    sheet.set_name("Claims")?;
    write_table(sheet, claims, &formats, |row, col, column| {
        let conflict = status_col
            .and_then(|c| row.get(c))
            .is_some_and(|s| s == "conflict");
        let link = (column == "cluster_id")
            .then(|| {
                first_mention
                    .get(row[col].as_str())
                    .map(|r| format!("internal:Mentions!A{r}"))
            })
            .flatten();
        (conflict, link)
    })?;
    let sheet = book.add_worksheet();
    sheet.set_name("Mentions")?;
    write_table(sheet, mentions, &formats, |_, _, _| (false, None))?;
    let sheet = book.add_worksheet();
    sheet.set_name("Articles")?;
    write_table(sheet, articles, &formats, |_, _, _| (false, None))?;
    book.save_to_buffer()
}

/// The sheet row (1-based, the header is row 1) of each cluster's first mention.
fn first_mention_rows(mentions: &Table) -> HashMap<&str, usize> {
    let mut rows = HashMap::new();
    if let Some(col) = mentions.header.iter().position(|h| h == "cluster_id") {
        for (i, row) in mentions.rows.iter().enumerate() {
            if let Some(id) = row.get(col) {
                rows.entry(id.as_str()).or_insert(i + 2);
            }
        }
    }
    rows
}

/// Writes one table; `style(row, col, column)` says whether the row is highlighted and whether the
/// cell links somewhere.
fn write_table<'t>(
    sheet: &mut Worksheet,
    table: &'t Table,
    formats: &Formats,
    style: impl Fn(&'t [String], usize, &str) -> (bool, Option<String>),
) -> Result<(), XlsxError> {
    for (c, name) in table.header.iter().enumerate() {
        let col = c as u16;
        sheet.write_string_with_format(0, col, name, &formats.header)?;
        let width = match kind(name) {
            Kind::Text(w) | Kind::Wrapped(w) => w,
            Kind::Integer | Kind::Decimal => 10.0,
        };
        sheet.set_column_width(col, width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let column = table.header.get(c).map_or("", String::as_str);
            let (highlight, link) = style(row, c, column);
            let h = usize::from(highlight);
            let col = c as u16;
            let cell = truncate(cell);
            if let Some(link) = link {
                sheet.write_url_with_format(
                    at,
                    col,
                    rust_xlsxwriter::Url::new(link).set_text(cell),
                    &formats.link[h],
                )?;
                continue;
            }
            match (kind(column), cell.parse::<f64>()) {
                (Kind::Integer, Ok(v)) => {
                    sheet.write_number_with_format(at, col, v, &formats.integer[h])?
                }
                (Kind::Decimal, Ok(v)) => {
                    sheet.write_number_with_format(at, col, v, &formats.decimal[h])?
                }
                (Kind::Wrapped(_), _) => {
                    sheet.write_string_with_format(at, col, cell, &formats.wrapped[h])?
                }
                _ => sheet.write_string_with_format(at, col, cell, &formats.text[h])?,
            };
        }
    }
    let last_col = table.header.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    Ok(())
}

/// Cuts a cell to Excel's limit, on a character boundary.
fn truncate(cell: &str) -> &str {
    match cell.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &cell[..i],
        None => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIMS: &str = "cluster_id,status,sources,claim\r\nc1,conflict,2,\"'=1+1 said\"\r\nc2,single_source,1,plain\r\n";
    const MENTIONS: &str =
        "cluster_id,claim_id,line,score\r\nc1,a#1,3,0.50\r\nc1,b#1,4,0.75\r\nc2,a#2,9,1.00\r\n";
    const ARTICLES: &str = "article,status\r\na,ok\r\n";

    #[test]
    fn same_bytes_every_time() {
        let a = workbook(CLAIMS.as_bytes(), MENTIONS.as_bytes(), ARTICLES.as_bytes()).unwrap();
        let b = workbook(CLAIMS.as_bytes(), MENTIONS.as_bytes(), ARTICLES.as_bytes()).unwrap();
        assert!(a.starts_with(b"PK"), "a zip file");
        assert_eq!(a, b);
    }

    #[test]
    fn links_point_at_the_first_mention_of_the_cluster() {
        let m = parse("m", MENTIONS.as_bytes()).unwrap();
        let rows = first_mention_rows(&m);
        assert_eq!(rows["c1"], 2);
        assert_eq!(rows["c2"], 4);
    }

    #[test]
    fn long_cells_are_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        assert_eq!(truncate(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(truncate("short"), "short");
    }

    #[test]
    fn a_ragged_csv_is_an_error_naming_the_report() {
        let err = workbook(
            b"a,b\r\n1,2,3\r\n",
            MENTIONS.as_bytes(),
            ARTICLES.as_bytes(),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("claims.csv"), "{err:#}");
    }
}
