//! Peak resident memory of this process, phase by phase (for `run --timings`).
//!
//! Linux keeps a high-water mark of the resident set (`VmHWM`) and lets a process reset it
//! (`/proc/self/clear_refs`), so the peak of each phase is read without sampling. Elsewhere the
//! figures are unknown and left empty.

/// Starts a new phase: the high-water mark drops to the current resident set.
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The highest resident set since the last [`reset_peak`] (or since the process started), in bytes.
pub fn peak() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    #[test]
    fn peak_covers_a_fresh_allocation() {
        let Some(before) = super::peak() else { return };
        super::reset_peak();
        let block = vec![1u8; 64 << 20];
        let after = super::peak().unwrap();
        assert!(after >= 64 << 20, "peak {after} after touching 64 MiB");
        assert!(block.iter().all(|&b| b == 1) && before > 0);
    }
}
