//! claimcheck reads many news articles about one story and reports, in spreadsheets, which factual
//! claims several outlets make, which only one makes, and where their numbers or dates disagree.
//!
//! The stages live in their own crates (`clean`, `segment`, `extract`, `cluster`, `compare`); this
//! crate finds the inputs, chains the stages ([`pipeline`]) and writes the reports ([`report`]).

pub mod cmd;
#[cfg(feature = "distributed")]
pub mod distributed;
pub mod expect;
pub mod input;
pub mod memory;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod workbook;
