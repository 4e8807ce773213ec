//! clean: raw bytes of a scraped page (plain text or HTML) → article text without boilerplate.
//!
//! In: the bytes of one file. Out: a [`CleanText`] whose `alignment` maps every kept byte back to
//! the source, or a [`CleanError`] saying why the file is not an article.

use model::{Alignment, CleanText};

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

pub fn clean(bytes: &[u8], _format: Format) -> Result<CleanText, CleanError> {
    let text = std::str::from_utf8(bytes).map_err(|e| CleanError::NotText(e.to_string()))?;
    if text.trim().is_empty() {
        return Err(CleanError::Empty);
    }
    Ok(CleanText { text: text.to_string(), alignment: Alignment::identity(text.len()), ..Default::default() })
}
