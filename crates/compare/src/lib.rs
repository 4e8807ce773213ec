//! compare: one cluster of mentions → corroborated, single source or conflict.

use model::{Finding, Mention, Status};

pub fn compare(mentions: &[&Mention]) -> Finding {
    let mut articles: Vec<&str> = mentions.iter().map(|m| m.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    Finding {
        status: if articles.len() > 1 { Status::Corroborated } else { Status::SingleSource },
        sources: articles.len(),
        independent_sources: articles.len(),
        origins: vec![],
        conflict_kind: None,
        disagreement: String::new(),
    }
}
