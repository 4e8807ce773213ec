//! `claimcheck.xlsx`: the three CSV reports as one workbook an analyst can read at once.
//!
//! The sheets are built from the CSV bytes themselves, so the workbook always holds the same
//! cells in the same order as the CSVs (a headless conversion back to CSV gives the CSV reports).
//! What the workbook adds is presentation: a frozen header with filters, column widths, wrapped
//! claim text, conflicts in colour, numbers as numbers, and a link from each claim to its first
//! mention. The bytes are deterministic: the creation date is fixed, not the time of the run.

use anyhow::{bail, Context, Result};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet,
};
use std::collections::HashMap;
use std::path::Path;

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

/// One CSV report, read from its file a row at a time: the workbook never holds a parsed copy.
struct Table<'a> {
    path: &'a Path,
    header: Vec<String>,
    /// Data rows, header not counted.
    rows: usize,
}

impl<'a> Table<'a> {
    /// Reads the header and counts (and so checks) the rows.
    fn open(path: &'a Path) -> Result<Self> {
        let mut reader = Self::reader(path)?;
        let header = reader
            .headers()
            .with_context(|| format!("{}: no header", path.display()))?
            .iter()
            .map(str::to_string)
            .collect();
        let mut rows = 0;
        for row in reader.byte_records() {
            row.with_context(|| format!("{}: unreadable row", path.display()))?;
            rows += 1;
        }
        Ok(Table { path, header, rows })
    }

    /// The CSV reader skips a UTF-8 byte order mark itself.
    fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>> {
        csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))
    }

    fn records(&self) -> Result<impl Iterator<Item = Result<csv::StringRecord>> + '_> {
        Ok(Self::reader(self.path)?
            .into_records()
            .map(|r| r.with_context(|| format!("{}: unreadable row", self.path.display()))))
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// Whether sheets of `rows` data rows (claims, mentions, articles) fit in a workbook.
pub fn fits(rows: [usize; 3]) -> Result<()> {
    for (name, rows) in ["Claims", "Mentions", "Articles"].into_iter().zip(rows) {
        if rows + 1 > MAX_ROWS {
            bail!(
                "the {name} sheet would need {} rows, more than a workbook holds ({MAX_ROWS}); use the CSV reports",
                rows + 1
            );
        }
    }
    Ok(())
}

/// Writes to `dest` the workbook of the CSV reports at `claims`, `mentions` and `articles`.
///
/// The sheets are written in constant-memory mode: each row goes to a temporary file (in the
/// system's temporary folder, `TMPDIR`) as it is written, so the workbook costs little memory
/// however many mentions there are.
pub fn write_workbook(claims: &Path, mentions: &Path, articles: &Path, dest: &Path) -> Result<()> {
    let claims = Table::open(claims)?;
    let mentions = Table::open(mentions)?;
    let articles = Table::open(articles)?;
    fits([claims.rows, mentions.rows, articles.rows])?;
    build(&claims, &mentions, &articles, dest).context("cannot build the workbook")
}

fn build(claims: &Table, mentions: &Table, articles: &Table, dest: &Path) -> Result<()> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    // Level 3 of 9: a tenth larger than the default level 6, and the workbook is written in half the time.
    book.set_zip_compression_level(3);
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));

    let first_mention = first_mention_rows(mentions)?;
    let status_col = claims.column("status");
    let link_col = claims.column("cluster_id");
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name("Claims")?;
    write_table(sheet, claims, &formats, |row| {
        let conflict = status_col
            .and_then(|c| row.get(c))
            .is_some_and(|s| s == "conflict");
        let link = link_col.and_then(|c| {
            let r = first_mention.get(row.get(c)?)?;
            Some((c, format!("internal:Mentions!A{r}")))
        });
        (conflict, link)
    })?;
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name("Mentions")?;
    write_table(sheet, mentions, &formats, |_| (false, None))?;
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name("Articles")?;
    write_table(sheet, articles, &formats, |_| (false, None))?;
    book.save(dest)?;
    Ok(())
}

/// The sheet row (1-based, the header is row 1) of each cluster's first mention.
fn first_mention_rows(mentions: &Table) -> Result<HashMap<String, usize>> {
    let mut rows = HashMap::new();
    if let Some(col) = mentions.column("cluster_id") {
        for (i, row) in mentions.records()?.enumerate() {
            if let Some(id) = row?.get(col) {
                rows.entry(id.to_string()).or_insert(i + 2);
            }
        }
    }
    Ok(rows)
}

/// Writes one table; `style(row)` says whether the row is highlighted and which cell, if any,
/// links where.
fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    formats: &Formats,
    style: impl Fn(&csv::StringRecord) -> (bool, Option<(usize, String)>),
) -> Result<()> {
    let kinds: Vec<Kind> = table.header.iter().map(|h| kind(h)).collect();
    // Plain cells take their column's format: looking a format up per cell (it is hashed) costs
    // more than writing the cell. Highlighted rows and links carry their own.
    for (c, &kind) in kinds.iter().enumerate() {
        let col = c as u16;
        let (width, format) = match kind {
            Kind::Text(w) => (w, &formats.text[0]),
            Kind::Wrapped(w) => (w, &formats.wrapped[0]),
            Kind::Integer => (10.0, &formats.integer[0]),
            Kind::Decimal => (10.0, &formats.decimal[0]),
        };
        sheet.set_column_width(col, width)?;
        sheet.set_column_format(col, format)?;
    }
    for (c, name) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &formats.header)?;
    }
    for (r, row) in table.records()?.enumerate() {
        let row = row?;
        let at = (r + 1) as u32;
        let (highlight, link) = style(&row);
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let cell = truncate(cell);
            let kind = kinds.get(c).copied().unwrap_or(Kind::Text(0.0));
            if let Some((_, url)) = link.as_ref().filter(|(link_col, _)| *link_col == c) {
                let h = usize::from(highlight);
                sheet.write_url_with_format(
                    at,
                    col,
                    rust_xlsxwriter::Url::new(url).set_text(cell),
                    &formats.link[h],
                )?;
                continue;
            }
            let number = match kind {
                Kind::Integer | Kind::Decimal => cell.parse::<f64>().ok(),
                Kind::Text(_) | Kind::Wrapped(_) => None,
            };
            let format = highlight.then(|| match kind {
                Kind::Integer => &formats.integer[1],
                Kind::Decimal => &formats.decimal[1],
                Kind::Wrapped(_) => &formats.wrapped[1],
                Kind::Text(_) => &formats.text[1],
            });
            match (number, format) {
                (Some(v), Some(f)) => sheet.write_number_with_format(at, col, v, f)?,
                (Some(v), None) => sheet.write_number(at, col, v)?,
                (None, Some(f)) => sheet.write_string_with_format(at, col, cell, f)?,
                (None, None) => sheet.write_string(at, col, cell)?,
            };
        }
    }
    let last_col = table.header.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, table.rows as u32, last_col)?;
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
        "\u{feff}cluster_id,claim_id,line,score\r\nc1,a#1,3,0.50\r\nc1,b#1,4,0.75\r\nc2,a#2,9,1.00\r\n";
    const ARTICLES: &str = "article,status\r\na,ok\r\n";

    /// Writes the three reports into `dir` and builds their workbook there.
    fn book(dir: &Path, claims: &str) -> Result<Vec<u8>> {
        let paths = ["claims.csv", "mentions.csv", "articles.csv"].map(|n| dir.join(n));
        for (path, text) in paths.iter().zip([claims, MENTIONS, ARTICLES]) {
            std::fs::write(path, text)?;
        }
        let dest = dir.join("book.xlsx");
        write_workbook(&paths[0], &paths[1], &paths[2], &dest)?;
        Ok(std::fs::read(dest)?)
    }

    #[test]
    fn same_bytes_every_time() {
        let dir = tempfile::tempdir().unwrap();
        let a = book(dir.path(), CLAIMS).unwrap();
        let b = book(dir.path(), CLAIMS).unwrap();
        assert!(a.starts_with(b"PK"), "a zip file");
        assert_eq!(a, b);
    }

    #[test]
    fn links_point_at_the_first_mention_of_the_cluster() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentions.csv");
        std::fs::write(&path, MENTIONS).unwrap();
        let m = Table::open(&path).unwrap();
        assert_eq!(m.header[0], "cluster_id", "byte order mark skipped");
        let rows = first_mention_rows(&m).unwrap();
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
        let dir = tempfile::tempdir().unwrap();
        let err = book(dir.path(), "a,b\r\n1,2,3\r\n").unwrap_err();
        assert!(format!("{err:#}").contains("claims.csv"), "{err:#}");
    }

    #[test]
    fn sheets_past_the_row_limit_do_not_fit() {
        assert!(fits([10, MAX_ROWS - 1, 10]).is_ok());
        let err = fits([10, MAX_ROWS, 10]).unwrap_err();
        assert!(err.to_string().contains("Mentions"), "{err}");
    }
}
