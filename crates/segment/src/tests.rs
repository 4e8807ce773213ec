use super::segment;

fn split(text: &str) -> Vec<&str> {
    segment(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[test]
fn empty_and_blank() {
    assert!(split("").is_empty());
    assert!(split(" \n\n \t").is_empty());
    assert_eq!(split("."), ["."]);
    assert_eq!(split("! ! !"), ["! ! !"]);
}

#[test]
fn abbreviations() {
    assert_eq!(
        split("Mr. Smith met Gen. Lee and Lt. Col. North."),
        ["Mr. Smith met Gen. Lee and Lt. Col. North."]
    );
    assert_eq!(
        split("He lives on Main St. in Boston."),
        ["He lives on Main St. in Boston."]
    );
    assert_eq!(
        split("Rep. Jones spoke on Jan. 5 at the U.N. headquarters."),
        ["Rep. Jones spoke on Jan. 5 at the U.N. headquarters."]
    );
    assert_eq!(split("Apple Inc. It rose."), ["Apple Inc.", "It rose."]);
    assert_eq!(
        split("He works for the U.S. Government. I live in the U.S. How about you?"),
        [
            "He works for the U.S. Government.",
            "I live in the U.S.",
            "How about you?"
        ]
    );
    assert_eq!(
        split("Bring fruit, e.g. apples. Then go."),
        ["Bring fruit, e.g. apples.", "Then go."]
    );
    assert_eq!(
        split("It starts at 10 a.m. Tuesday. He left at 6 p.m. Police came."),
        [
            "It starts at 10 a.m. Tuesday.",
            "He left at 6 p.m.",
            "Police came."
        ]
    );
}

#[test]
fn initials_and_numbers() {
    assert_eq!(
        split("J. R. R. Tolkien wrote it. John F. Kennedy read it."),
        ["J. R. R. Tolkien wrote it.", "John F. Kennedy read it."]
    );
    assert_eq!(
        split("It grew 3.5 percent. He wore No. 5. She has $100.00. It is hers."),
        [
            "It grew 3.5 percent.",
            "He wore No. 5.",
            "She has $100.00.",
            "It is hers."
        ]
    );
}

#[test]
fn quotes_and_ellipses() {
    assert_eq!(
        split("He said, “We will win.” Then he left."),
        ["He said, “We will win.”", "Then he left."]
    );
    assert_eq!(
        split("\"Go away!\" she said. 'Why?' He asked."),
        ["\"Go away!\" she said.", "'Why?'", "He asked."]
    );
    assert_eq!(
        split("\"We won. We are happy,\" he said."),
        ["\"We won.", "We are happy,\" he said."]
    );
    assert_eq!(
        split("I never meant that.... She left. Wait… What?"),
        ["I never meant that....", "She left.", "Wait…", "What?"]
    );
    assert_eq!(
        split("Mail jane.doe@example.com. See https://x.org/a.html. Done."),
        [
            "Mail jane.doe@example.com.",
            "See https://x.org/a.html.",
            "Done."
        ]
    );
}

#[test]
fn datelines() {
    assert_eq!(
        split("SEOUL — North Korean leader Kim Jong Un said so. He left."),
        [
            "SEOUL — North Korean leader Kim Jong Un said so.",
            "He left."
        ]
    );
    assert_eq!(
        split("WASHINGTON, D.C. — The U.S. Senate voted."),
        ["WASHINGTON, D.C. — The U.S. Senate voted."]
    );
    assert_eq!(
        split("ST. LOUIS (Reuters) - Shares fell."),
        ["ST. LOUIS (Reuters) - Shares fell."]
    );
}

#[test]
fn bullets_headings_and_lists() {
    assert_eq!(
        split("Key points\n• Prices rose\n• Wages fell\n- Jobs held"),
        ["Key points", "• Prices rose", "• Wages fell", "- Jobs held"]
    );
    assert_eq!(
        split("Kim visits Moscow\nSEOUL — Kim arrived on Monday. He met Putin."),
        [
            "Kim visits Moscow",
            "SEOUL — Kim arrived on Monday.",
            "He met Putin."
        ]
    );
    assert_eq!(
        split("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        split("Headline\n\nBody text here. More text."),
        ["Headline", "Body text here.", "More text."]
    );
}

#[test]
fn wrapped_lines() {
    let text = "The company said the warrants are exercisable for five years at a\npurchase price of .125 dlrs per share, said analyst Elliott Schlang of\nPrescott, Ball and Turben Inc. He expects more bids from Mr.\nSmith and others.";
    assert_eq!(split(text), [
        "The company said the warrants are exercisable for five years at a\npurchase price of .125 dlrs per share, said analyst Elliott Schlang of\nPrescott, Ball and Turben Inc.",
        "He expects more bids from Mr.\nSmith and others."
    ]);
}

/// A tiny deterministic generator, so the invariant test needs no dependency.
fn pseudo_random_text(seed: u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "a", "Mr", "U.S", ".", ". ", "!", "?", "…", " ", "  ", "\n", "\n\n", "\"", "”", "’", "(",
        ")", "1.", "2)", "• ", "- ", "é", "中", "😀", "\u{a0}", "\r", "A", "e.g.", "No", "...",
        ". . .", "'", "I", "x", "[1]", "$", "．",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut s = String::new();
    while s.len() < len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
    }
    s
}

#[test]
fn invariants_on_random_input() {
    for seed in 0..3000 {
        let text = pseudo_random_text(seed, (seed % 200) as usize);
        let mut last_end = 0;
        for s in segment(&text) {
            assert!(s.start < s.end && s.end <= text.len(), "{text:?}: {s:?}");
            assert!(s.start >= last_end, "{text:?}: overlapping at {s:?}");
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{text:?}: {s:?}"
            );
            let piece = &text[s.start..s.end];
            assert_eq!(piece.trim(), piece, "{text:?}: untrimmed {s:?}");
            last_end = s.end;
        }
    }
}

#[test]
fn covers_all_non_space_text() {
    for seed in 0..500 {
        let text = pseudo_random_text(seed, 300);
        let covered: usize = segment(&text)
            .iter()
            .map(|s| {
                text[s.start..s.end]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
            })
            .sum();
        assert_eq!(
            covered,
            text.chars().filter(|c| !c.is_whitespace()).count(),
            "{text:?}"
        );
    }
}

#[test]
fn news_text() {
    assert_eq!(
        split("\"We will fight,\" he said. \"We will win.\" The crowd cheered."),
        [
            "\"We will fight,\" he said.",
            "\"We will win.\"",
            "The crowd cheered."
        ]
    );
    assert_eq!(
        split("The quake struck at 10:30 a.m. local time (0130 GMT). No damage was reported."),
        [
            "The quake struck at 10:30 a.m. local time (0130 GMT).",
            "No damage was reported."
        ]
    );
    assert_eq!(split("The vote was 52-48. Sen. Smith said it was close. He was born in 1990. In 2010, he ran."), [
        "The vote was 52-48.",
        "Sen. Smith said it was close.",
        "He was born in 1990.",
        "In 2010, he ran."
    ]);
    assert_eq!(
        split("The Washington, D.C.-based group sued. \"Why now?\" Smith asked. Nobody knew."),
        [
            "The Washington, D.C.-based group sued.",
            "\"Why now?\" Smith asked.",
            "Nobody knew."
        ]
    );
    assert_eq!(
        split("It happened in Springfield, Ill. Police are investigating."),
        [
            "It happened in Springfield, Ill.",
            "Police are investigating."
        ]
    );
    assert_eq!(
        split("It was 3:33 a. m. The fire spread. She lives at 52nd St. She left."),
        [
            "It was 3:33 a. m.",
            "The fire spread.",
            "She lives at 52nd St.",
            "She left."
        ]
    );
    assert_eq!(
        split("He said it was over… Then he left."),
        ["He said it was over…", "Then he left."]
    );
}

#[test]
fn lone_newlines_and_carriage_returns() {
    assert_eq!(
        split("Hello World. \r\n Hello."),
        ["Hello World.", "Hello."]
    );
    assert_eq!(
        split("first line\rsecond line"),
        ["first line", "second line"]
    );
    assert_eq!(
        split("area.\n***\nAfter that."),
        ["area.", "***", "After that."]
    );
}

#[test]
fn long_pathological_lines_finish() {
    for unit in ["a.", ". ", "Mr. A ", "...", "? ", "1. ", "(a) ", "“", "•"] {
        let text = unit.repeat(200_000);
        let sentences = segment(&text);
        assert!(sentences.iter().all(|s| s.end <= text.len()));
    }
}

#[test]
fn headline_and_date_lines_of_a_one_sentence_a_line_text() {
    assert_eq!(
        split("Lindsay Lohan checks into Betty Ford Center\nMay 03, 2013\nAfter skipping rehab, Lohan checked in. She is there."),
        [
            "Lindsay Lohan checks into Betty Ford Center",
            "May 03, 2013",
            "After skipping rehab, Lohan checked in.",
            "She is there."
        ]
    );
    assert_eq!(
        split("Colts Clinch Playoff Spot With Win\nPosted on December 23, 2012, 4:42 PM EDT\nThe Colts won on Sunday.\nLuck threw two touchdowns."),
        [
            "Colts Clinch Playoff Spot With Win",
            "Posted on December 23, 2012, 4:42 PM EDT",
            "The Colts won on Sunday.",
            "Luck threw two touchdowns."
        ]
    );
}

#[test]
fn wire_copy_wrapped_by_hand_is_not_cut_at_its_line_ends() {
    let text = "AMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINOFF\n\
        NEW YORK, Feb 26 - American Express Co remained silent on\n\
        market rumors it would spinoff all or part of its Shearson\n\
        Lehman Brothers Inc, analysts said.\n\
        American Express closed on the New York Stock\n\
        Exchange at 72-5/8, up 4-1/8 on heavy volume.\n\
        In a filing with the Securities and Exchange\n\
        Commission, the group said it held 9.2 pct. The notes go to holders of record February\n\
        18. Shareholders vote in March on two sales\n\
        -- to an Iranian company and to Iraq.";
    assert_eq!(
        split(text),
        [
            "AMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINOFF",
            "NEW YORK, Feb 26 - American Express Co remained silent on\nmarket rumors it would spinoff all or part of its Shearson\nLehman Brothers Inc, analysts said.",
            "American Express closed on the New York Stock\nExchange at 72-5/8, up 4-1/8 on heavy volume.",
            "In a filing with the Securities and Exchange\nCommission, the group said it held 9.2 pct.",
            "The notes go to holders of record February\n18.",
            "Shareholders vote in March on two sales\n-- to an Iranian company and to Iraq."
        ]
    );
}

#[test]
fn a_heading_inside_wrapped_prose_still_stands_alone() {
    assert_eq!(
        split("Kim Visits Moscow\nSEOUL — Kim Jong Un arrived in the Russian capital on\nMonday and met the president, officials said."),
        [
            "Kim Visits Moscow",
            "SEOUL — Kim Jong Un arrived in the Russian capital on\nMonday and met the president, officials said."
        ]
    );
}
