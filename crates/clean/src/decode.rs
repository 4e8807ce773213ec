//! Bytes → one NFC string with `\n` line ends, plus an alignment from that string to the bytes.
//!
//! Everything after this module works on `&str` offsets of the decoded text and maps them back with
//! [`Decoded::align`], so the transcoding done here never has to be undone by hand.

use crate::out::push_through;
use crate::{CleanError, Format};
use encoding_rs::Encoding;
use model::Alignment;
use regex::bytes::Regex;
use std::sync::LazyLock;
use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The source as text: `text` is NFC with `\n` line ends; `align` maps it to the source bytes.
pub(crate) struct Decoded {
    pub text: String,
    pub align: Alignment,
}

pub(crate) fn decode(bytes: &[u8], format: Format) -> Result<Decoded, CleanError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(CleanError::Empty);
    }
    let (text, align) = match Encoding::for_bom(bytes).or_else(|| utf16_without_bom(bytes)) {
        Some((enc, bom)) => {
            let (text, align) = transcode(enc, bytes, bom);
            // A UTF-16 file is only checked once decoded: its raw bytes are half NUL by nature.
            reject_control_chars(text.as_bytes())?;
            (text, align)
        }
        // Every other encoding keeps C0 controls as they are, so the raw bytes tell.
        None => {
            reject_binary(bytes)?;
            match std::str::from_utf8(bytes) {
                Ok(s) => (s.to_owned(), Alignment::identity(s.len())),
                Err(_) => transcode(guess_encoding(bytes, format), bytes, 0),
            }
        }
    };
    let decoded = normalize(text, align);
    if decoded.text.trim().is_empty() {
        return Err(CleanError::Empty);
    }
    Ok(decoded)
}

/// UTF-16 saved without a byte order mark: text in a Latin script then has a NUL in every other
/// byte, at odd offsets for little-endian and even ones for big-endian, and almost none elsewhere.
fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Nearly every file has no NUL at all, which one fast search says.
    if head.len() < 16 || !head.contains(&0) {
        return None;
    }
    let nul = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd, half) = (nul(0), nul(1), head.len() / 2);
    let looks = |zeros: usize, other: usize| zeros * 10 >= half * 7 && other * 50 <= half;
    if looks(odd, even) {
        Some((encoding_rs::UTF_16LE, 0))
    } else if looks(even, odd) {
        Some((encoding_rs::UTF_16BE, 0))
    } else {
        None
    }
}

/// Formats that show up in scraped folders by mistake, by their magic bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"RIFF", "RIFF media file"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0", "OLE document"),
    (b"wOFF", "web font"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
];

fn reject_binary(bytes: &[u8]) -> Result<(), CleanError> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(CleanError::NotText(format!("looks like a {what}")));
    }
    reject_control_chars(bytes)
}

/// Text has almost no C0 controls besides tab and line ends; binary data has them everywhere.
fn reject_control_chars(bytes: &[u8]) -> Result<(), CleanError> {
    let (mut nul, mut control) = (0usize, 0usize);
    // Counted per chunk in bytes, which the compiler turns into vector code.
    for chunk in bytes.chunks(255) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in chunk {
            n += u8::from(b == 0);
            c += u8::from((b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r')) | (b == 0x7f));
        }
        nul += usize::from(n);
        control += usize::from(c);
    }
    let len = bytes.len().max(1);
    if nul * 1000 > len || (nul > 0 && bytes[..bytes.len().min(1024)].contains(&0)) {
        return Err(CleanError::NotText("contains NUL bytes".into()));
    }
    if control * 20 > len {
        return Err(CleanError::NotText(format!(
            "{}% control bytes",
            control * 100 / len
        )));
    }
    Ok(())
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})"#)
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Bytes that are not UTF-8: the HTML's own declaration wins, else a statistical guess.
fn guess_encoding(bytes: &[u8], format: Format) -> &'static Encoding {
    if format == Format::Html {
        let head = &bytes[..bytes.len().min(4096)];
        if let Some(enc) = META_CHARSET
            .captures(head)
            .and_then(|c| c.get(1))
            .and_then(|m| Encoding::for_label(m.as_bytes()))
        {
            return enc.output_encoding();
        }
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(1 << 20)], bytes.len() <= 1 << 20);
    det.guess(None, chardetng::Utf8Detection::Deny)
}

/// Decodes `bytes[start..]`, recording which source bytes each decoded character came from.
fn transcode(enc: &'static Encoding, bytes: &[u8], start: usize) -> (String, Alignment) {
    let src = &bytes[start..];
    let mut text = String::with_capacity(src.len() + src.len() / 8);
    let mut align = Alignment::default();
    if enc.is_single_byte() {
        // One byte, one character: decode in one go and pair them up.
        let (decoded, _) = enc.decode_without_bom_handling(src);
        text.push_str(&decoded);
        for ((at, c), i) in text.char_indices().zip(start..) {
            align.push(at..at + c.len_utf8(), i..i + 1);
        }
        return (text, align);
    }
    // Multi-byte encodings: feed one byte at a time, so that whatever comes out after a byte is
    // known to come from the bytes fed since the previous output.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut pending = start;
    for i in start..=bytes.len() {
        let (chunk, last) = match bytes.get(i) {
            Some(b) => (std::slice::from_ref(b), false),
            None => (&[][..], true),
        };
        let before = text.len();
        loop {
            text.reserve(
                decoder
                    .max_utf8_buffer_length(chunk.len())
                    .unwrap_or(16)
                    .max(16),
            );
            let (result, _, _) = decoder.decode_to_string(chunk, &mut text, last);
            if result == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
        if text.len() > before {
            let end = (i + 1).min(bytes.len());
            align.push(before..text.len(), pending.min(end)..end);
            pending = end;
        }
    }
    (text, align)
}

/// Drops CR (a lone CR becomes `\n`) and composes to NFC; each changed character is its own piece.
fn normalize(text: String, align: Alignment) -> Decoded {
    // Nothing below U+0300, where the combining marks begin, can change under NFC, and leaving
    // such chars out of the quick check can only turn a "yes" into a "maybe": so only the chars
    // whose lead byte is 0xCC or more are decoded and checked.
    let high = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b >= 0xcc)
        .filter_map(|(i, _)| text[i..].chars().next());
    let needs_nfc = !text.is_ascii() && is_nfc_quick(high) != IsNormalized::Yes;
    // memchr's vector search: `str::contains` looks a word at a time, at about two instructions
    // a byte.
    if !needs_nfc && memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return Decoded { text, align };
    }
    let mut out = String::with_capacity(text.len());
    let mut mid = Alignment::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // ASCII other than CR is NFC-stable and never composes with what follows it… except that
        // a letter can be the base of a following combining mark, so the run stops before it.
        let run_end = ascii_run_end(bytes, i, needs_nfc);
        if run_end > i {
            let at = out.len();
            out.push_str(&text[i..run_end]);
            mid.push(at..out.len(), i..run_end);
            i = run_end;
            continue;
        }
        if bytes[i] == b'\r' {
            if bytes.get(i + 1) != Some(&b'\n') {
                let at = out.len();
                out.push('\n');
                mid.push(at..at + 1, i..i + 1);
            }
            i += 1;
            continue;
        }
        let end = composition_segment_end(&text, i);
        let seg = &text[i..end];
        let at = out.len();
        if needs_nfc {
            out.extend(seg.nfc());
        } else {
            out.push_str(seg);
        }
        mid.push(at..out.len(), i..end);
        i = end;
    }
    let mut composed = Alignment::default();
    for p in &mid.pieces {
        push_through(
            &mut composed,
            p.clean..p.clean + p.clean_len,
            p.source..p.source + p.source_len,
            p.clean_len == p.source_len,
            &align,
        );
    }
    Decoded {
        text: out,
        align: composed,
    }
}

fn ascii_run_end(bytes: &[u8], start: usize, needs_nfc: bool) -> usize {
    let mut j = start;
    while j < bytes.len() && bytes[j].is_ascii() && bytes[j] != b'\r' {
        j += 1;
    }
    if needs_nfc && j < bytes.len() && !bytes[j].is_ascii() && j > start {
        j -= 1;
    }
    j
}

/// A starter plus the characters that may combine with it: the unit NFC can change as a whole.
fn composition_segment_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices();
    let mut prev = match chars.next() {
        Some((_, c)) => c,
        None => return start,
    };
    for (off, c) in chars {
        if c.is_ascii() {
            return start + off;
        }
        match compose(prev, c) {
            Some(composed) => prev = composed,
            None if canonical_combining_class(c) != 0 => prev = c,
            None => return start + off,
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        match decode(bytes, Format::Text) {
            Ok(d) => d.text,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn windows_1252_without_a_declaration() {
        let src =
            b"The minister\x92s \x93plan\x94 costs \x80 5 million \x96 caf\xe9 owners said so.";
        let d = decode(src, Format::Text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            d.text,
            "The minister’s “plan” costs € 5 million – café owners said so."
        );
        // "’" is three bytes of text that came from one source byte.
        let at = d.text.find('’').unwrap_or(0);
        assert_eq!(d.align.to_source(at..at + 3), 12..13);
        let cafe = d.text.find("café").unwrap_or(0);
        assert_eq!(d.align.to_source(cafe..cafe + 5), 42..46);
    }

    #[test]
    fn latin_1_accents() {
        assert_eq!(
            text(b"Fran\xe7ois Hollande a visit\xe9 la r\xe9gion de S\xe3o Paulo avec M\xfcller."),
            "François Hollande a visité la région de São Paulo avec Müller."
        );
    }

    #[test]
    fn html_charset_declaration_wins() {
        let src = b"<html><head><meta charset=\"iso-8859-7\"></head><body><p>\xc1\xe8\xde\xed\xe1</p></body></html>";
        let d = decode(src, Format::Html).unwrap_or_else(|e| panic!("{e}"));
        assert!(d.text.contains("Αθήνα"), "{}", d.text);
    }

    #[test]
    fn utf16_with_a_bom_either_way() {
        let s = "Kim met Putin in Moscow.\r\nThe talks lasted “two days”.";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let want = "Kim met Putin in Moscow.\nThe talks lasted “two days”.";
        assert_eq!(text(&le), want);
        assert_eq!(text(&be), want);
        let d = decode(&le, Format::Text).unwrap_or_else(|e| panic!("{e}"));
        // "Kim" is the first three UTF-16 units after the BOM.
        assert_eq!(d.align.to_source(0..3), 2..8);
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_nul_bytes() {
        let s = "North Korea sent about 11,000 troops to Russia, officials said.";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(text(&le), s);
        assert_eq!(text(&be), s);
        // A binary file with NULs all over is still refused.
        let mut nuls = le.clone();
        nuls.iter_mut().step_by(3).for_each(|b| *b = 0);
        assert!(matches!(
            decode(&nuls, Format::Text),
            Err(CleanError::NotText(_))
        ));
    }

    #[test]
    fn utf8_bom_and_crlf_are_dropped_and_text_is_composed() {
        let d = decode(
            "\u{feff}Cafe\u{301} re\u{301}sume\u{301}\r\nend".as_bytes(),
            Format::Text,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.text, "Café résumé\nend");
        let at = d.text.find("end").unwrap_or(0);
        assert_eq!(d.align.to_source(at..at + 3), 22..25);
    }

    #[test]
    fn binary_and_empty_input_are_refused_with_a_reason() {
        let reason = |bytes: &[u8]| match decode(bytes, Format::Text) {
            Err(CleanError::NotText(why)) => why,
            Err(e) => panic!("{e}"),
            Ok(d) => panic!("decoded as {:?}", d.text),
        };
        assert!(reason(b"%PDF-1.7\n%\xe2\xe3").contains("PDF"));
        assert!(reason(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("PNG"));
        assert!(reason(b"text\0with\0nuls").contains("NUL"));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(!reason(&noise).is_empty());
        for empty in [&b"  \n\t "[..], b"", b"\xef\xbb\xbf \r\n"] {
            assert!(matches!(
                decode(empty, Format::Html),
                Err(CleanError::Empty)
            ));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    // Mostly text, some high bytes and a few controls.
                    match state % 16 {
                        0 => (state >> 8) as u8,
                        1..=3 => 0x80 | (state >> 8) as u8 & 0x7f,
                        _ => b'a' + (state >> 8) as u8 % 26,
                    }
                })
                .collect();
            for format in [Format::Text, Format::Html] {
                if let Ok(d) = decode(&bytes, format) {
                    let last = d.align.to_source(0..d.text.len());
                    assert!(last.end <= bytes.len());
                }
            }
        }
    }
}
