//! Any text, with and without a publication date: claims, numbers and dates lie inside the text
//! on character boundaries, and number intervals are ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let sentences = segment::segment(text);
    let published = "2024-11-04".parse().ok();
    for (published, all) in [(None, false), (published, true)] {
        let opts = extract::Options { all, ..extract::Options::default() };
        for claim in extract::extract(text, &sentences, published, &opts) {
            assert!(claim.start <= claim.end && claim.end <= text.len());
            assert!(text.is_char_boundary(claim.start) && text.is_char_boundary(claim.end));
            for q in &claim.numbers {
                assert!(!(q.min > q.max), "{q:?}");
            }
        }
    }
});
