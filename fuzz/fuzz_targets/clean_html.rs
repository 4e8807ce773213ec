//! Any bytes read as an HTML page: no panic, and every claim-sized span of the clean text maps
//! back inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(cleaned) = clean::clean(data, clean::Format::Html) {
        let len = cleaned.text.len();
        for (a, b) in [(0, len), (0, len / 2), (len / 3, len)] {
            let span = cleaned.alignment.to_source(a..b);
            assert!(span.start <= span.end && span.end <= data.len());
        }
    }
});
