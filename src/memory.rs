//! Peak resident memory of this process, phase by phase (for `run --timings`).
//!
//! A background thread samples the resident set every few milliseconds once [`watch`] has
//! started it; each phase reads the highest sample since the last [`reset_peak`]. The kernel's own
//! high-water mark is left alone, so tools that time the process from outside (`/usr/bin/time`)
//! still see the true peak. Where `/proc` is missing the figures are unknown.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

static WATCHING: AtomicBool = AtomicBool::new(false);
static PEAK: AtomicU64 = AtomicU64::new(0);

/// Starts sampling (once per process).
pub fn watch() {
    if resident().is_none() || WATCHING.swap(true, Ordering::SeqCst) {
        return;
    }
    reset_peak();
    let _ = std::thread::Builder::new()
        .name("memory-sampler".into())
        .spawn(|| loop {
            if let Some(now) = resident() {
                PEAK.fetch_max(now, Ordering::Relaxed);
            }
            std::thread::sleep(Duration::from_millis(5));
        });
}

/// Starts a new phase: the peak drops to the current resident set.
pub fn reset_peak() {
    if WATCHING.load(Ordering::SeqCst) {
        PEAK.store(resident().unwrap_or(0), Ordering::Relaxed);
    }
}

/// The highest resident set since the last [`reset_peak`], in bytes; `None` when not watching.
pub fn peak() -> Option<u64> {
    if !WATCHING.load(Ordering::SeqCst) {
        return None;
    }
    let now = resident().unwrap_or(0);
    Some(PEAK.fetch_max(now, Ordering::Relaxed).max(now))
}

/// The resident set now, in bytes.
fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn peak_covers_a_block_already_freed() {
        watch();
        if peak().is_none() {
            return; // no /proc here
        }
        reset_peak();
        let base = peak().unwrap_or(0);
        // Twice what is checked: other tests in this process may free memory meanwhile.
        let block = vec![1u8; 128 << 20];
        // Wait for the sampler (not `peak`, which samples too) to see the block.
        let deadline = Instant::now() + Duration::from_secs(10);
        while PEAK.load(Ordering::Relaxed) < base + (64 << 20) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(block.iter().all(|&b| b == 1));
        drop(block);
        let peak = peak().unwrap_or(0);
        assert!(
            peak >= base + (64 << 20),
            "peak {peak} after touching 128 MiB over {base}"
        );
    }
}
