//! HTML: find the article with a readability pass, cut it into blocks, drop the chrome readability
//! lets through, and locate every kept word in the source.
//!
//! html5ever gives no source offsets, so alignment is recovered afterwards: the kept text flows in
//! document order, so each word is searched for forward from where the previous one was found,
//! reading entities and skipping tags on the way. A word that cannot be found stays unmapped
//! rather than being mapped somewhere wrong.

use crate::decode::Decoded;
use crate::features::measure;
use crate::meta;
use crate::out::Output;
use dom_smoothie::{Config, Readability};
use ego_tree::iter::Edge;
use model::PubDate;
use scraper::{Html, Node};

pub(crate) struct HtmlMeta {
    pub title: Option<String>,
    pub published: Option<PubDate>,
    pub author: Option<String>,
    pub dropped_blocks: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Heading,
    Item,
    Para,
}

struct Block {
    text: String,
    kind: Kind,
    /// Share of the letters and digits in furniture-named phrases (see [`FURNITURE`]).
    furniture: f32,
    /// Share of the letters and digits inside links.
    linked: f32,
    /// Inside a `<blockquote>`: quoted or embedded (a tweet with its signature), the story's own.
    quoted: bool,
}

/// Deeper than any real article page (they nest a few dozen levels).
const MAX_READABILITY_DEPTH: usize = 512;

/// How deeply the elements of `html` nest, at its deepest: opening tags minus closing tags,
/// counted in one byte scan. Void elements (`<br>`, `<img>`, `<meta>`…) and self-closed tags open
/// nothing, and scripts and styles are skipped whole, since their `<` are no tags; unclosed `<p>`
/// and `<li>` still make it an overestimate, which only has to tell real pages from hostile ones.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&[u8]] = &[
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"param", b"source", b"track", b"wbr",
    ];
    const RAW_TEXT: &[&[u8]] = &[b"script", b"style"];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'<') {
        i += k + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let name_len = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let name = &bytes[i..i + name_len];
                let close = bytes[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |e| i + e);
                let raw = RAW_TEXT.iter().find(|t| name.eq_ignore_ascii_case(t));
                if let Some(tag) = raw {
                    // Jump to the matching end tag.
                    let end = bytes[close.min(bytes.len())..]
                        .windows(tag.len() + 2)
                        .position(|w| w[..2] == *b"</" && w[2..].eq_ignore_ascii_case(tag));
                    i = end.map_or(bytes.len(), |e| close + e + 2);
                    continue;
                }
                let self_closed = close > i && bytes[close - 1] == b'/';
                if !self_closed && !VOID.iter().any(|v| name.eq_ignore_ascii_case(v)) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

pub(crate) fn clean_html(doc: &Decoded, out: &mut Output) -> HtmlMeta {
    let cfg = Config {
        max_elements_to_parse: 200_000,
        // Classes name the furniture readability lets through (captions, bylines, share bars).
        keep_classes: true,
        ..Config::default()
    };
    // Readability's scoring walks ancestors and descendants of every node, which turns quadratic on
    // pathologically deep markup (a hostile or broken page); such pages take the plain path.
    let parsed = if nesting_depth(&doc.text) <= MAX_READABILITY_DEPTH {
        let dom = dom_query::Document::from(doc.text.as_str());
        keep_furniture_names(&dom);
        Readability::with_document(dom, None, Some(cfg)).and_then(|mut r| r.parse())
    } else {
        Err(dom_smoothie::ReadabilityError::GrabFailed)
    };
    let (content, mut found) = match parsed {
        Ok(article) => {
            let found = HtmlMeta {
                title: Some(article.title.trim().to_string()).filter(|t| !t.is_empty()),
                published: article.published_time.as_deref().and_then(meta::parse_date),
                author: article
                    .byline
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string),
                dropped_blocks: 0,
            };
            (Html::parse_fragment(&article.content), found)
        }
        // No candidate at all (a page of links, a fragment): fall back to the whole body.
        Err(_) => (
            Html::parse_document(&doc.text),
            HtmlMeta {
                title: None,
                published: None,
                author: None,
                dropped_blocks: 0,
            },
        ),
    };
    let blocks = blocks(&content);
    let keep = judge(&blocks);
    let mut finder = Finder {
        src: &doc.text,
        cursor: 0,
    };
    for (b, k) in blocks.iter().zip(keep) {
        if !k {
            found.dropped_blocks += 1;
            continue;
        }
        out.separate(false);
        finder.emit(&b.text, out);
    }
    found
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "svg",
    "iframe",
    "figure",
    "figcaption",
    "head",
    "title",
];

/// Words in a class or id that name page furniture rather than the story: captions and photo
/// credits, bylines and timestamps, share bars, galleries, related-story, newsletter and tag boxes.
/// Each must be a whole word of the name ("author-bio", "postAuthor"), so "commentary" or
/// "timeline" do not count. "tags" is listed in the plural only: blog themes mark a post itself
/// with its "tag-<slug>" classes.
const FURNITURE: &[&str] = &[
    "ad",
    "advert",
    "advertisement",
    "author",
    "bio",
    "breadcrumb",
    "byline",
    "caption",
    "comment",
    "credit",
    "date",
    "gallery",
    "meta",
    "newsletter",
    "promo",
    "published",
    "related",
    "share",
    "sharing",
    "slideshow",
    "social",
    "sponsor",
    "subscribe",
    "tags",
    "timestamp",
    "updated",
];

/// Whether the element's class or id names furniture.
fn furniture(e: &scraper::node::Element) -> bool {
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names.into_iter().any(furniture_named)
}

fn furniture_named(name: &str) -> bool {
    name_words(name).iter().any(|w| {
        let singular = w.strip_suffix('s').filter(|s| s.len() > 1).unwrap_or(w);
        FURNITURE.contains(&w.as_str()) || FURNITURE.contains(&singular)
    })
}

/// Readability turns a `<div>` of inline content into a new `<p>`, and a `<div>` around a single
/// `<p>` into that `<p>`, and either way the div's class is lost; furniture-named divs make the
/// change themselves first, handing their class on.
fn keep_furniture_names(dom: &dom_query::Document) {
    const BLOCKS: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ];
    let is_block = |n: &dom_query::NodeRef| {
        n.node_name()
            .is_some_and(|name| BLOCKS.contains(&name.as_ref()))
    };
    for div in dom.select("div[class], div[id]").nodes() {
        let names = div.attr("class").into_iter().chain(div.attr("id"));
        if !names.into_iter().any(|n| furniture_named(&n)) {
            continue;
        }
        let children = div.element_children();
        if !div.descendants_it().any(|n| is_block(&n)) {
            div.rename("p");
        } else if let [p] = children.as_slice() {
            let bare = div
                .children_it(false)
                .all(|c| c.is_element() || c.text().trim().is_empty());
            if bare && p.has_name("p") {
                let class = [div.attr("class"), div.attr("id"), p.attr("class")]
                    .into_iter()
                    .flatten()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                p.set_attr("class", &class);
            }
        }
    }
}

/// The words of a class or id, lower-cased: split at punctuation and at camelCase humps.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Letters and digits of the text under `node`, the size measure for the furniture guard.
fn text_weight(node: ego_tree::NodeRef<Node>) -> usize {
    node.descendants()
        .filter_map(|n| n.value().as_text())
        .map(|t| t.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

/// Elements that start and end a block of text.
fn block_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "li" | "dt" | "dd" => Kind::Item,
        "p" | "div" | "blockquote" | "pre" | "section" | "article" | "main" | "header" | "td"
        | "th" | "tr" | "table" | "ul" | "ol" | "dl" | "br" | "hr" | "body" | "html"
        | "address" | "details" | "summary" => Kind::Para,
        _ => return None,
    })
}

/// The text of a block as it is gathered, with how many of its letters and digits sit in
/// furniture-named phrases and in links.
#[derive(Default)]
struct Pending {
    text: String,
    letters: usize,
    furniture: usize,
    linked: usize,
}

impl Pending {
    fn push(&mut self, text: &str, in_furniture: bool, in_link: bool) {
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        self.letters += letters;
        if in_furniture {
            self.furniture += letters;
        }
        if in_link {
            self.linked += letters;
        }
        self.text.push_str(text);
    }

    fn flush(&mut self, kind: Kind, quoted: bool, out: &mut Vec<Block>) {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(Block {
                text,
                kind,
                furniture: self.furniture as f32 / self.letters.max(1) as f32,
                linked: self.linked as f32 / self.letters.max(1) as f32,
                quoted,
            });
        }
        *self = Pending::default();
    }
}

/// Walks the tree without recursion (pages nest deeply) and collects whitespace-collapsed blocks.
fn blocks(html: &Html) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = Pending::default();
    let mut kinds: Vec<Kind> = vec![Kind::Para];
    let mut skip = 0usize;
    let mut furniture_phrases = 0usize;
    let mut links = 0usize;
    let mut quotes = 0usize;
    // A container named like furniture that holds most of the text is the story after all (a
    // blog theme's "post-meta" wrapper, a gallery page).
    let half = text_weight(html.tree.root()) / 2;
    let kind = |kinds: &[Kind]| *kinds.last().unwrap_or(&Kind::Para);
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip == 0 => cur.push(t, furniture_phrases > 0, links > 0),
                Node::Element(e) => {
                    let name = e.name();
                    let block = block_kind(name);
                    if skip > 0
                        || SKIP.contains(&name)
                        || e.attr("hidden").is_some()
                        || (block.is_some() && furniture(e) && text_weight(node) <= half)
                    {
                        skip += 1;
                    } else if let Some(k) = block {
                        cur.flush(kind(&kinds), quotes > 0, &mut out);
                        kinds.push(k);
                        quotes += usize::from(name == "blockquote");
                    } else if name == "a" {
                        links += 1;
                    } else if furniture(e) {
                        // A phrase is judged with its block: a tagged name inside a sentence
                        // stays, a block made of timestamps goes.
                        furniture_phrases += 1;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if skip > 0 {
                        skip -= 1;
                    } else if block_kind(name).is_some() {
                        cur.flush(kind(&kinds), quotes > 0, &mut out);
                        kinds.pop();
                        quotes -= usize::from(name == "blockquote");
                    } else if name == "a" {
                        links -= 1;
                    } else if furniture(e) {
                        furniture_phrases -= 1;
                    }
                }
            }
        }
    }
    cur.flush(Kind::Para, false, &mut out);
    out
}

/// A block this much inside links is a link, not a sentence.
const LINKED: f32 = 0.8;

/// What readability keeps still holds share bars, "Read more" links and comment widgets; they are
/// judged by the same features as plain-text lines.
fn judge(blocks: &[Block]) -> Vec<bool> {
    let features: Vec<_> = blocks.iter().map(|b| measure(&b.text)).collect();
    let linked = |i: usize| blocks.get(i).is_some_and(|b| b.linked >= LINKED);
    let mut keep = Vec::with_capacity(blocks.len());
    let mut comments = false;
    let mut prose_seen = false;
    for (i, (b, f)) in blocks.iter().zip(&features).enumerate() {
        comments |= prose_seen && f.comment_marker && b.kind != Kind::Para;
        comments |= prose_seen && f.comment_marker && f.words <= 4;
        prose_seen |= f.prose();
        // A lone link among paragraphs is the story's own ("Get it on Amazon"); links in a row
        // are a list of other stories.
        let link_list = linked(i) && (linked(i.wrapping_sub(1)) || linked(i + 1));
        let chrome = f.teaser
            || f.file_name
            || f.comment_marker
            || f.ui_ratio() >= 0.34
            || b.furniture >= 0.8
            || link_list
            || dateline(b, f);
        keep.push(!comments && !chrome);
    }
    // A heading over nothing kept ("You may also like", "Tags") headed the chrome just dropped;
    // one right over a kept subheading still heads its text.
    let mut section_kept = false;
    for i in (0..blocks.len()).rev() {
        if blocks[i].kind == Kind::Heading {
            let over_subheading = keep.get(i + 1) == Some(&true)
                && blocks.get(i + 1).is_some_and(|b| b.kind == Kind::Heading);
            keep[i] &= section_kept || over_subheading;
            section_kept = false;
        } else {
            section_kept |= keep[i];
        }
    }
    keep
}

/// A short line that carries a date and no sentence is when the story was posted or updated,
/// not part of it; a list item may be a dated entry of the story's own, and a quote's date line
/// (an embedded post's) is part of the quote. A single word with a date in it is a link.
fn dateline(b: &Block, f: &crate::features::Features) -> bool {
    b.kind != Kind::Item
        && !b.quoted
        && (2..=10).contains(&f.words)
        && !f.terminal
        && meta::parse_date(&b.text).is_some()
}

/// Locates kept text in the decoded source, moving only forward.
struct Finder<'a> {
    src: &'a str,
    cursor: usize,
}

/// How far ahead of the previous match a block's first word is looked for, and a later word.
const BLOCK_WINDOW: usize = 1 << 20;
const WORD_WINDOW: usize = 4096;

impl Finder<'_> {
    fn emit(&mut self, block: &str, out: &mut Output) {
        for (i, word) in block.split(' ').enumerate() {
            if i > 0 {
                out.insert(" ");
            }
            let window = if i == 0 { BLOCK_WINDOW } else { WORD_WINDOW };
            if !self.find_word(word, window, out) {
                // Leading punctuation is often written as an entity the plain search misses.
                let core = word.trim_start_matches(|c: char| !c.is_alphanumeric());
                let lead = &word[..word.len() - core.len()];
                out.insert(lead);
                if core.is_empty() || !self.find_word(core, window, out) {
                    out.insert(core);
                }
            }
        }
    }

    /// Finds `word` within `window` bytes after the cursor and emits it with its pieces.
    fn find_word(&mut self, word: &str, window: usize, out: &mut Output) -> bool {
        let Some(first) = word.chars().next() else {
            return true;
        };
        let mut limit = (self.cursor + window).min(self.src.len());
        while !self.src.is_char_boundary(limit) {
            limit -= 1;
        }
        let src = self.src;
        let next = |from: usize, c: char| src[from..limit].find(c).map_or(usize::MAX, |a| from + a);
        let mut from = self.cursor;
        let (mut at_first, mut at_amp) = (next(from, first), next(from, '&'));
        while from < limit {
            if at_first < from {
                at_first = next(from, first);
            }
            if at_amp < from {
                at_amp = next(from, '&');
            }
            let start = at_first.min(at_amp);
            if start == usize::MAX {
                return false;
            }
            if let Some(pieces) = self.match_at(word, start) {
                for p in pieces {
                    let r = match p {
                        Piece::Same(r) => {
                            out.copy(&self.src[r.clone()], r.clone());
                            r
                        }
                        Piece::Entity(s, r) => {
                            out.replace(s, r.clone());
                            r
                        }
                    };
                    self.cursor = r.end;
                }
                return true;
            }
            from = start + self.src[start..].chars().next().map_or(1, char::len_utf8);
        }
        false
    }

    /// Matches `word` at `start`, reading entities and skipping tags inside the word.
    fn match_at<'w>(&self, word: &'w str, start: usize) -> Option<Vec<Piece<'w>>> {
        let src = self.src;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut pos = start;
        let mut chars = word.char_indices().peekable();
        while let Some(&(wi, c)) = chars.peek() {
            let rest = src.get(pos..)?;
            if rest.starts_with(c) {
                let len = c.len_utf8();
                match pieces.last_mut() {
                    Some(Piece::Same(r)) if r.end == pos => r.end += len,
                    _ => pieces.push(Piece::Same(pos..pos + len)),
                }
                pos += len;
                chars.next();
            } else if rest.starts_with('&') {
                let (decoded, len) = meta::entity(rest)?;
                let text = word.get(wi..)?;
                if !text.starts_with(decoded.as_str()) {
                    return None;
                }
                let s = &word[wi..wi + decoded.len()];
                pieces.push(Piece::Entity(s, pos..pos + len));
                pos += len;
                while chars.peek().is_some_and(|&(j, _)| j < wi + decoded.len()) {
                    chars.next();
                }
            } else if rest.starts_with('<') && pos > start {
                pos += rest.find('>')? + 1;
            } else if rest.starts_with('\u{ad}') && pos > start {
                pos += '\u{ad}'.len_utf8();
            } else {
                return None;
            }
        }
        Some(pieces)
    }
}

enum Piece<'w> {
    Same(std::ops::Range<usize>),
    Entity(&'w str, std::ops::Range<usize>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(nesting_depth("<p>a</p><div><b>x</b></div>"), 2);
        assert_eq!(nesting_depth("a < b and c <= d"), 0);
        assert_eq!(
            nesting_depth("<div><br><img src=x><meta charset=utf-8><span/><p>a</p></div>"),
            2
        );
        assert_eq!(
            nesting_depth("<div><script>if (a<b && c<d) x();</script><style>a<b{}</style></div>"),
            1
        );
    }

    #[test]
    fn a_pathologically_deep_page_still_gives_its_text() {
        let page = format!(
            "<html><body>{}<p>North Korea sent about 11,000 troops to Russia, officials said.</p>{}</body></html>",
            "<div>".repeat(5_000),
            "</div>".repeat(5_000)
        );
        let clean = crate::clean(page.as_bytes(), crate::Format::Html).expect("text");
        assert!(clean.text.contains("11,000 troops"), "{}", clean.text);
    }

    fn html_text(body: &str) -> String {
        let page = format!("<html><head><title>t</title></head><body>{body}</body></html>");
        crate::clean(page.as_bytes(), crate::Format::Html)
            .expect("text")
            .text
    }

    const PARAS: &str = "<p>The city council voted on Tuesday to expand the bus network, adding \
        four routes that will connect the northern suburbs with the hospital district.</p>\
        <p>Officials said the new routes would start running in the spring, once the drivers \
        have been hired and trained, and that fares would not change this year.</p>\
        <p>Residents had asked for the change for years, and several of them spoke in favour of \
        the plan at the meeting, which ran late into the evening.</p>";

    #[test]
    fn furniture_named_blocks_and_phrases_go() {
        let text = html_text(&format!(
            "<div class=\"story\"><p class=\"story-byline\">By Ann Lee</p>\
             <div class=\"stamp\"><span class=\"pubDate\">May 4, 2021</span> \
             <span class=\"time-updated\">10:02</span></div>\
             <p class=\"photoCaption\">A bus waits at the depot on Monday morning.</p>\
             {PARAS}<p>The plan was backed by <a class=\"credit-link\">Mayor Ruiz</a> and \
             most of the council members.</p></div>"
        ));
        assert!(text.contains("four routes"), "{text}");
        assert!(text.contains("backed by Mayor Ruiz and"), "{text}");
        for chrome in ["Ann Lee", "May 4", "10:02", "depot"] {
            assert!(!text.contains(chrome), "{chrome} kept: {text}");
        }
    }

    #[test]
    fn a_furniture_named_container_holding_the_story_stays() {
        let text = html_text(&format!("<div class=\"post-meta\">{PARAS}</div>"));
        assert!(text.contains("four routes"), "{text}");
        assert!(text.contains("late into the evening"), "{text}");
    }

    #[test]
    fn name_words_split_at_punctuation_and_humps() {
        assert_eq!(
            name_words("ap-byline postAuthor"),
            ["ap", "byline", "post", "author"]
        );
        assert!(furniture_named("entry-meta"));
        assert!(furniture_named("share_buttons"));
        assert!(!furniture_named("commentary"));
        assert!(!furniture_named("timeline"));
        assert!(furniture_named("entry-tags"));
        assert!(!furniture_named("post tag-transport"));
    }

    #[test]
    fn links_in_a_row_go_and_a_lone_link_stays() {
        let text = html_text(&format!(
            "<div>{PARAS}<p><a href=\"/shop\">Buy the route map for $4</a></p>{PARAS}\
             <p><a href=\"/a\">Storm closes the harbour for a week</a></p>\
             <p><a href=\"/b\">School board picks a new head</a></p></div>"
        ));
        assert!(text.contains("Buy the route map"), "{text}");
        for chrome in ["Storm closes", "School board"] {
            assert!(!text.contains(chrome), "{chrome} kept: {text}");
        }
    }

    #[test]
    fn date_lines_go_unless_quoted_or_listed() {
        let text = html_text(&format!(
            "<div><p>Posted: 10:48, Tue, Mar 2, 2021</p>{PARAS}\
             <blockquote><p>Buses at last!</p><p>— Ann (@ann) March 2, 2021</p></blockquote>\
             <ul><li>April 5, 2021 opening</li></ul></div>"
        ));
        assert!(!text.contains("10:48"), "{text}");
        assert!(text.contains("(@ann) March 2, 2021"), "{text}");
        assert!(text.contains("April 5, 2021 opening"), "{text}");
    }

    #[test]
    fn furniture_named_divs_keep_their_name_through_readability() {
        let text = html_text(&format!(
            "<div>{PARAS}<div class=\"photoCaption\">A bus waits at the <b>depot</b>.</div>\
             <div class=\"credit\"><p>Photo by Jo Park for the Gazette</p></div>{PARAS}</div>"
        ));
        assert!(text.contains("four routes"), "{text}");
        for chrome in ["depot", "Jo Park"] {
            assert!(!text.contains(chrome), "{chrome} kept: {text}");
        }
    }

    #[test]
    fn a_heading_over_dropped_blocks_goes_and_one_over_a_subheading_stays() {
        let text = html_text(&format!(
            "<div>{PARAS}<h2>Routes and fares</h2><h3>North side</h3>{PARAS}\
             <h3>Elsewhere on the site</h3>\
             <p><a href=\"/a\">Storm closes the harbour for a week</a></p>\
             <p><a href=\"/b\">School board picks a new head</a></p></div>"
        ));
        assert!(text.contains("Routes and fares"), "{text}");
        assert!(text.contains("North side"), "{text}");
        assert!(!text.contains("Elsewhere"), "{text}");
    }
}
