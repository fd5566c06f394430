//! Percentiles and the "median (min-max)" figures the bench prints.

use std::time::Duration;

/// Nearest-rank percentile of a sorted slice (`p` in 0..=100).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    assert!(!sorted.is_empty(), "no samples");
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

/// `median (min-max)` of per-run figures, with `digits` decimals.
pub fn spread(values: &[f64], digits: usize) -> String {
    let s = sorted(values.to_vec());
    format!(
        "{:.d$} ({:.d$}-{:.d$})",
        percentile(&s, 50.0),
        s[0],
        s[s.len() - 1],
        d = digits
    )
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
