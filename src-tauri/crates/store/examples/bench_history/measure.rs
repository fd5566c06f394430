//! Timing and reporting helpers of the history benchmark, and its experiment knobs.

use std::time::Duration;

use portico_store::Store;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn report(name: &str, mut d: Vec<Duration>) {
    d.sort();
    println!(
        "{name}: n={} p50={:.2} ms p95={:.2} ms max={:.2} ms",
        d.len(),
        percentile(&d, 0.5).as_secs_f64() * 1e3,
        percentile(&d, 0.95).as_secs_f64() * 1e3,
        d.last().map_or(0.0, |x| x.as_secs_f64() * 1e3),
    );
}

pub fn file_mb(path: &std::path::Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

/// CPU time of this process (user + system), where /proc says it.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn env_knob(name: &str) -> Option<i64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Experiment knobs (not used for the reported figures unless said).
pub fn apply_knobs(store: &Store) {
    store
        .write(|tx| {
            if let Some(mb) = env_knob("BENCH_CACHE_MB") {
                tx.execute_batch(&format!("PRAGMA cache_size = -{}", mb * 1000))?;
            }
            if let Some(h) = env_knob("BENCH_HASHSIZE") {
                tx.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', ?1)", [h])?;
            }
            if let Some(a) = env_knob("BENCH_AUTOMERGE") {
                tx.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', ?1)", [a])?;
            }
            if let Ok(detail) = std::env::var("BENCH_DETAIL") {
                tx.execute_batch(&format!(
                    "DROP TABLE messages_fts;
                     CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages_search_text',
                         content_rowid = 'seq', tokenize = 'trigram', detail = {detail});"
                ))?;
            }
            if env_knob("BENCH_NO_FTS") == Some(1) {
                tx.execute_batch("DROP TRIGGER messages_fts_insert;")?;
            }
            Ok(())
        })
        .expect("knobs");
}
