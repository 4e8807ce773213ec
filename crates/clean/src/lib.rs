//! clean: raw bytes of a scraped page (plain text or HTML) → article text without boilerplate.
//!
//! In: the bytes of one file, in whatever encoding the scraper left them (UTF-8, UTF-16 with or
//! without a BOM, undeclared Windows-1252 or Latin-1). Out: a [`CleanText`] holding the headline,
//! body paragraphs, section headings and list items as blocks separated by blank lines, an
//! `alignment` that maps every kept byte back to the source file, and the title, date and author
//! the page states; or a [`CleanError`] saying why the file is not an article.
//!
//! Two ideas carry it. First, every transformation (transcoding, NFC, CRLF, entities) records what
//! it did as alignment pieces, and the pieces are composed, so boilerplate removal only ever copies
//! ranges of decoded text and the map to the source comes for free. Second, boilerplate is decided
//! from evidence rather than phrase lists: prose (long, punctuated lines full of function words)
//! anchors the body; everything else is judged by its shape and its position relative to that body,
//! so a reader comment after "Leave a Reply" goes however well written it is.

mod decode;
mod features;
mod html;
mod meta;
mod out;
mod text;

use model::CleanText;

/// How the source is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CleanError {
    #[error("empty file")]
    Empty,
    #[error("not text: {0}")]
    NotText(String),
}

/// Guesses the format of a file with no telling extension: HTML when it opens with markup.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    let lower = head.to_ascii_lowercase();
    let opens = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<div",
        "<p>",
    ];
    if opens.iter().any(|o| lower.starts_with(o.as_bytes())) {
        return Format::Html;
    }
    let has = |tag: &[u8]| lower.windows(tag.len()).any(|w| w == tag);
    if has(b"<body") || (has(b"<p>") && has(b"</p>")) || (has(b"<div") && has(b"</div>")) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Decodes `bytes`, removes boilerplate and returns the article text with its map to `bytes`.
pub fn clean(bytes: &[u8], format: Format) -> Result<CleanText, CleanError> {
    let doc = decode::decode(bytes, format)?;
    let mut out = out::Output::new(&doc.align, doc.text.len() / 2);
    let mut clean = CleanText::default();
    match format {
        Format::Text => {
            let paras = text::paragraphs(&doc.text);
            let kept = text::keep(&doc.text, &paras, &mut out);
            let lines = paras
                .iter()
                .flat_map(|p| p.lines.iter().map(|r| &doc.text[r.clone()]));
            clean.published = meta::text_published(lines);
            clean.dropped_lines = kept.dropped_lines;
            clean.title = kept.title;
            clean.author = kept.author;
        }
        Format::Html => {
            let found = html::clean_html(&doc, &mut out);
            clean.dropped_lines = found.dropped_blocks;
            clean.title = found.title;
            clean.published = found.published;
            clean.author = found.author;
        }
    }
    clean.text = out.text;
    clean.alignment = out.align;
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Home\nWorld\nPolitics\nSubscribe\n\
Kim Jong Un pledges closer ties with Russia\n\
By Jane Doe\n\
SEOUL — North Korean leader Kim Jong Un told Russia's president that his country would stand by Moscow, state media reported on Thursday.\n\
The two leaders met for more than two hours and signed an agreement on economic and military cooperation, officials in both capitals said.\n\
READ MORE: Putin visits Pyongyang\n\
Analysts said the deal could draw the two countries closer than at any time since the Cold War ended in 1991.\n\
Leave a Reply\n\
This is a great article and I think everyone should read it before the weekend.\n\
Share\n";

    #[test]
    fn text_keeps_headline_and_body_and_drops_chrome_and_comments() {
        let ct = clean(ARTICLE.as_bytes(), Format::Text).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            ct.text
                .starts_with("Kim Jong Un pledges closer ties with Russia\n\n"),
            "{}",
            ct.text
        );
        assert!(ct.text.contains("stand by Moscow"));
        assert!(ct.text.contains("Cold War ended in 1991."));
        for chrome in [
            "Subscribe",
            "READ MORE",
            "Leave a Reply",
            "great article",
            "Share",
        ] {
            assert!(!ct.text.contains(chrome), "{chrome} kept: {}", ct.text);
        }
        assert_eq!(
            ct.title.as_deref(),
            Some("Kim Jong Un pledges closer ties with Russia")
        );
        assert_eq!(ct.author.as_deref(), Some("Jane Doe"));
        // Every kept byte maps back to the same bytes of the source.
        for p in &ct.alignment.pieces {
            if p.clean_len == p.source_len {
                assert_eq!(
                    &ct.text[p.clean..p.clean + p.clean_len],
                    &ARTICLE[p.source..p.source + p.source_len]
                );
            }
        }
    }

    #[test]
    fn not_text_is_an_error_not_a_panic() {
        assert!(matches!(
            clean(b"%PDF-1.4 \x00\x01", Format::Text),
            Err(CleanError::NotText(_))
        ));
        assert!(matches!(
            clean(b"\x00\x00\x00\x00", Format::Html),
            Err(CleanError::NotText(_))
        ));
        assert!(matches!(clean(b"", Format::Text), Err(CleanError::Empty)));
    }

    #[test]
    fn sniffs_markup() {
        assert_eq!(sniff(b"\xef\xbb\xbf  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"Title\n\n<p>one</p>"), Format::Html);
        assert_eq!(sniff(b"Plain text with a < sign."), Format::Text);
    }
}
