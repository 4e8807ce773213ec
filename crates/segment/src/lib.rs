//! segment: clean article text → sentences as byte ranges.

use model::Sentence;

pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Sentence { start, end: i + 1 });
        start = i + 2;
    }
    if start < text.len() {
        out.push(Sentence { start, end: text.len() });
    }
    out
}
