//! `--write-baseline FILE` and `--baseline FILE`: today's waste recorded, so that
//! `--deny-waste` fails only on waste that is new or has grown since.
//!
//! The file is JSON: `{ "schema": 1, "structs": { "crate::net::Header": {
//! "x86_64-unknown-linux-gnu": 8, ... }, ... } }`, the bytes the suggested order saves per
//! struct path and target (only non-zero savings are recorded).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::scan::{Status, StructReport};

/// The baseline file's schema version.
const SCHEMA: u32 = 1;

/// Bytes wasted, by struct path and target.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    /// The schema version.
    pub schema: u32,
    /// Path → target → bytes the suggested order saves.
    pub structs: BTreeMap<String, BTreeMap<String, u64>>,
}

/// One struct whose waste is new or larger than the baseline's.
#[derive(Debug)]
pub struct Grown {
    /// Its path.
    pub path: String,
    /// Where it is: `file:line`.
    pub at: String,
    /// The target.
    pub target: &'static str,
    /// The bytes wasted now.
    pub now: u64,
    /// In the baseline, if it was there.
    pub before: Option<u64>,
}

impl std::fmt::Display for Grown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.before {
            None => write!(
                f,
                "{}: `{}` wastes {} bytes on {} (not in the baseline)",
                self.at, self.path, self.now, self.target
            ),
            Some(b) => write!(
                f,
                "{}: `{}` wastes {} bytes on {} (the baseline has {b})",
                self.at, self.path, self.now, self.target
            ),
        }
    }
}

/// The waste of every reported struct that can shrink; a path reported twice (one definition
/// per target) keeps the larger figure.
pub fn record(reports: &[StructReport]) -> Baseline {
    let mut b = Baseline {
        schema: SCHEMA,
        structs: BTreeMap::new(),
    };
    for (r, target, saving) in savings(reports) {
        let entry = b
            .structs
            .entry(r.path.clone())
            .or_default()
            .entry(target.to_owned())
            .or_default();
        *entry = (*entry).max(saving);
    }
    b
}

/// Writes the baseline of `reports` to `path`.
pub fn write(path: &Path, reports: &[StructReport]) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(&record(reports)).expect("plain values");
    text.push('\n');
    std::fs::write(path, text).map_err(|e| format!("cannot write the baseline: {e}"))
}

/// Reads a baseline file.
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline: {e}"))?;
    let b: Baseline =
        serde_json::from_str(&text).map_err(|e| format!("not a cargo-layout baseline: {e}"))?;
    if b.schema != SCHEMA {
        return Err(format!(
            "baseline schema {} is not supported (expected {SCHEMA})",
            b.schema
        ));
    }
    Ok(b)
}

/// The waste that is new or larger than in `baseline`.
pub fn grown(reports: &[&StructReport], baseline: &Baseline) -> Vec<Grown> {
    savings(reports.iter().copied())
        .filter_map(|(r, target, now)| {
            let before = baseline
                .structs
                .get(&r.path)
                .and_then(|t| t.get(target))
                .copied();
            (before.is_none_or(|b| now > b)).then(|| Grown {
                path: r.path.clone(),
                at: format!("{}:{}", r.file, r.line),
                target,
                now,
                before,
            })
        })
        .collect()
}

/// Every (struct, target, bytes saved) with a non-zero saving.
fn savings<'r>(
    reports: impl IntoIterator<Item = &'r StructReport>,
) -> impl Iterator<Item = (&'r StructReport, &'static str, u64)> {
    reports.into_iter().flat_map(|r| {
        let on = match &r.status {
            Status::Laid {
                on,
                rustc_choice: false,
                ..
            } => on.as_slice(),
            _ => &[],
        };
        on.iter().filter_map(move |o| {
            let s = o.result.as_ref().ok()?.saving();
            (s > 0).then_some((r, o.target.triple, s))
        })
    })
}
