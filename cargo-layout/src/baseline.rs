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

/// What a reported struct that can shrink wastes: all the baseline needs of its report, kept
/// when the report itself is not (the JSON is streamed, one report at a time).
#[derive(Debug, Clone)]
pub struct Waste {
    /// `crate::T1`.
    pub path: String,
    /// `file:line`.
    pub at: String,
    /// Each target with a non-zero saving, and that saving.
    pub savings: Vec<(&'static str, u64)>,
}

impl Waste {
    /// The waste of `r`, or `None` if its suggested order saves nothing on any target.
    pub fn of(r: &StructReport) -> Option<Waste> {
        let on = match &r.status {
            Status::Laid {
                on,
                rustc_choice: false,
                ..
            } => on.as_slice(),
            _ => &[],
        };
        let savings: Vec<(&'static str, u64)> = on
            .iter()
            .filter_map(|o| {
                let s = o.result.as_ref().ok()?.saving();
                (s > 0).then_some((o.target.triple, s))
            })
            .collect();
        (!savings.is_empty()).then(|| Waste {
            path: r.path.clone(),
            at: format!("{}:{}", r.file, r.line),
            savings,
        })
    }
}

impl Waste {
    /// The waste of enum `r`: the bytes its variant orders save, per target.
    pub fn of_enum(r: &crate::enums::EnumReport) -> Option<Waste> {
        let crate::enums::EnumStatus::Laid {
            on,
            shrink: Some(s),
            ..
        } = &r.status
        else {
            return None;
        };
        let savings: Vec<(&'static str, u64)> = on
            .iter()
            .zip(&s.sizes)
            .filter_map(|(o, new)| {
                let saved = o.result.as_ref().ok()?.size() - (*new)?;
                (saved > 0).then_some((o.target.triple, saved))
            })
            .collect();
        (!savings.is_empty()).then(|| Waste {
            path: r.path.clone(),
            at: format!("{}:{}", r.file, r.line),
            savings,
        })
    }
}

/// The waste of every reported struct that can shrink; a path reported twice (one definition
/// per target) keeps the larger figure.
pub fn record(wastes: &[Waste]) -> Baseline {
    let mut b = Baseline {
        schema: SCHEMA,
        structs: BTreeMap::new(),
    };
    for w in wastes {
        for &(target, saving) in &w.savings {
            let entry = b
                .structs
                .entry(w.path.clone())
                .or_default()
                .entry(target.to_owned())
                .or_default();
            *entry = (*entry).max(saving);
        }
    }
    b
}

/// Writes the baseline of `wastes` to `path`.
pub fn write(path: &Path, wastes: &[Waste]) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(&record(wastes)).expect("plain values");
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
pub fn grown(wastes: &[&Waste], baseline: &Baseline) -> Vec<Grown> {
    wastes
        .iter()
        .flat_map(|w| {
            w.savings
                .iter()
                .map(move |&(target, now)| (*w, target, now))
        })
        .filter_map(|(w, target, now)| {
            let before = baseline
                .structs
                .get(&w.path)
                .and_then(|t| t.get(target))
                .copied();
            (before.is_none_or(|b| now > b)).then(|| Grown {
                path: w.path.clone(),
                at: w.at.clone(),
                target,
                now,
                before,
            })
        })
        .collect()
}
