//! Finding the articles: files and folders on the command line, JSONL records, the manifest.

use anyhow::{bail, Context, Result};
use clean::Format;
use model::{ArticleMeta, PubDate};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input file, as found on the command line or while walking a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// The name it is reported under: the path relative to the folder given, or the file name.
    pub name: String,
    pub kind: InputKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// One article per file.
    Article(Format),
    /// One article per line, as JSON.
    Jsonl,
    /// Not something claimcheck reads; reported as skipped with this reason.
    Unsupported(&'static str),
    /// Could not be listed (permissions, a symlink loop); reported as skipped.
    Unreadable,
}

/// A file that could not be walked into, with the reason.
#[derive(Clone, Debug)]
pub struct WalkProblem {
    pub name: String,
    pub reason: String,
}

fn kind_of(path: &Path) -> InputKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "md" | "text") => InputKind::Article(Format::Text),
        Some("html" | "htm" | "xhtml") => InputKind::Article(Format::Html),
        Some("jsonl" | "ndjson") => InputKind::Jsonl,
        _ => InputKind::Unsupported(
            "unsupported file type (claimcheck reads .txt, .md, .html, .htm, .jsonl)",
        ),
    }
}

/// Expands the command-line inputs into files, sorted by name so that runs are reproducible.
///
/// Folders are walked recursively without following symlinked folders (so a symlink loop cannot
/// trap the walk); hidden files and a folder's `manifest.csv` are left out. A file named
/// explicitly with an unknown extension is read and sniffed; one found in a folder is reported as
/// unsupported.
pub fn collect(inputs: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<WalkProblem>)> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input)
            .with_context(|| format!("cannot read input {}", input.display()))?;
        if meta.is_dir() {
            walk(input, &mut files, &mut problems);
        } else {
            let name = file_name(input);
            let kind = match kind_of(input) {
                InputKind::Unsupported(_) => InputKind::Article(Format::Text),
                k => k,
            };
            files.push(InputFile {
                path: input.clone(),
                name,
                kind,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.path.cmp(&b.path)));
    problems.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((files, problems))
}

fn walk(root: &Path, files: &mut Vec<InputFile>, problems: &mut Vec<WalkProblem>) {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    for entry in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !hidden(e))
    {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let path = e.path().to_path_buf();
                let name = relative_name(root, &path);
                if e.depth() == 1 && name == "manifest.csv" {
                    continue;
                }
                let kind = if e.path_is_symlink() && std::fs::metadata(&path).is_err() {
                    InputKind::Unreadable
                } else if e.path_is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_dir())
                {
                    InputKind::Unsupported("symlink to a folder (not followed)")
                } else {
                    kind_of(&path)
                };
                files.push(InputFile { path, name, kind });
            }
            Err(err) => {
                let name = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| relative_name(root, p));
                problems.push(WalkProblem {
                    name,
                    reason: err.to_string(),
                });
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a whole file, refusing files over `max_bytes` before reading them.
pub fn read_limited(path: &Path, max_bytes: u64) -> std::result::Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let len = file
        .metadata()
        .map_err(|e| format!("cannot stat: {e}"))?
        .len();
    if len > max_bytes {
        return Err(format!(
            "file is {} bytes, over the --max-file-size limit of {max_bytes}",
            len
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` guards against a file that grows while it is read.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "file grew over the --max-file-size limit of {max_bytes} while being read"
        ));
    }
    Ok(bytes)
}

/// One article of a JSONL file.
#[derive(Debug, Default, Deserialize)]
pub struct JsonlRecord {
    pub id: Option<serde_json::Value>,
    pub text: Option<String>,
    pub html: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// What many scrapers call the publication date; used when `published` is absent.
    pub date: Option<String>,
    pub outlet: Option<String>,
}

/// Calls `each(line_no, line)` for every non-empty line of a JSONL file, streaming it.
/// Lines longer than `max_bytes` are passed as an error instead of being held in memory whole.
pub fn for_each_jsonl_line(
    path: &Path,
    max_bytes: u64,
    mut each: impl FnMut(usize, std::result::Result<String, String>),
) -> std::result::Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    let mut line_no = 0;
    loop {
        line.clear();
        let n = (&mut reader)
            .take(max_bytes + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read line {}: {e}", line_no + 1))?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        if !line.ends_with(b"\n") && line.len() as u64 > max_bytes {
            each(
                line_no,
                Err(format!(
                    "line is over the --max-file-size limit of {max_bytes} bytes"
                )),
            );
            // Skip the rest of the over-long line.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let m = (&mut reader)
                    .take(1 << 20)
                    .read_until(b'\n', &mut sink)
                    .map_err(|e| e.to_string())?;
                if m == 0 || sink.ends_with(b"\n") {
                    break;
                }
            }
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        if text.trim().is_empty() {
            continue;
        }
        each(line_no, Ok(text.into_owned()));
    }
}

/// Publication dates and other metadata per article name, from `manifest.csv`.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub entries: BTreeMap<String, ArticleMeta>,
    /// Problems found while reading, each naming the manifest line.
    pub warnings: Vec<String>,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest> {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read manifest {}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .with_context(|| format!("{}: cannot read the header line", path.display()))?
            .clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let Some(article_col) = col("article") else {
            bail!("{}: the header has no `article` column (expected article,published,outlet,url,title)", path.display());
        };
        let (published_col, outlet_col, url_col, title_col) =
            (col("published"), col("outlet"), col("url"), col("title"));
        let mut manifest = Manifest::default();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    manifest.warnings.push(format!(
                        "{}:{line}: unreadable row ({e}); row ignored",
                        path.display()
                    ));
                    continue;
                }
            };
            let field = |c: Option<usize>| {
                c.and_then(|c| record.get(c))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let Some(article) = field(Some(article_col)) else {
                manifest.warnings.push(format!(
                    "{}:{line}: no article name; row ignored",
                    path.display()
                ));
                continue;
            };
            let published = match field(published_col) {
                Some(p) => match p.parse::<PubDate>() {
                    Ok(d) => Some(d),
                    Err(e) => {
                        manifest.warnings.push(format!(
                            "{}:{line}: {e}; date ignored for {article}",
                            path.display()
                        ));
                        None
                    }
                },
                None => None,
            };
            let meta = ArticleMeta {
                id: article.clone(),
                published,
                title: field(title_col),
                outlet: field(outlet_col),
                url: field(url_col),
            };
            manifest.entries.insert(article, meta);
        }
        Ok(manifest)
    }

    /// The entry for an article, looked up by its reported name and, failing that, its file name.
    pub fn get(&self, name: &str) -> Option<&ArticleMeta> {
        self.entries.get(name).or_else(|| {
            let base = name.rsplit('/').next().unwrap_or(name);
            self.entries.get(base)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_reports_bad_dates_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.csv");
        std::fs::write(
            &path,
            "article,published,basis\na.txt,2023-06,x\nb.txt,June 2023,y\n,2020,z\n",
        )
        .unwrap();
        let m = Manifest::load(&path).unwrap();
        assert_eq!(
            m.get("a.txt").unwrap().published.unwrap().to_string(),
            "2023-06"
        );
        assert_eq!(m.get("sub/a.txt").unwrap().id, "a.txt");
        assert!(m.get("b.txt").unwrap().published.is_none());
        assert_eq!(m.warnings.len(), 2);
        assert!(m.warnings[0].contains(":3:"), "{:?}", m.warnings);
    }

    #[test]
    fn folders_are_walked_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in [
            "b.txt",
            "a.html",
            "sub/c.jsonl",
            "d.pdf",
            ".hidden.txt",
            "manifest.csv",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let (files, problems) = collect(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.html", "b.txt", "d.pdf", "sub/c.jsonl"]);
        assert!(matches!(files[2].kind, InputKind::Unsupported(_)));
        assert!(problems.is_empty());
    }
}
