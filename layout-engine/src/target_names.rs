//! Target names as users write them: full triples, the aliases `64`/`32`/`16`, `all`, and
//! comma-separated lists of those; an unknown name comes back with the closest known names.

use alloc::vec::Vec;
use core::fmt;

use crate::target::{ALIASES, Target};

/// A target name that is neither a built-in triple, an alias nor `all`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownTarget {
    /// The name as given.
    pub name: alloc::string::String,
    /// Up to three known names closest to it, best first.
    pub closest: Vec<&'static str>,
}

impl fmt::Display for UnknownTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown target `{}`", self.name)?;
        match self.closest.as_slice() {
            [] => write!(
                f,
                " (see `rustc --print target-list`, or use `64`, `32`, `16` or `all`)"
            ),
            [one] => write!(f, "; did you mean `{one}`?"),
            many => {
                f.write_str("; did you mean one of ")?;
                for (i, n) in many.iter().enumerate() {
                    write!(f, "{}`{n}`", if i == 0 { "" } else { ", " })?;
                }
                f.write_str("?")
            }
        }
    }
}

impl Target {
    /// Looks up one name: a triple, an alias or — not here — `all` (see [`Target::parse_list`]).
    pub fn lookup(name: &str) -> Result<&'static Target, UnknownTarget> {
        let name = name.trim();
        Target::find(name).ok_or_else(|| UnknownTarget {
            name: name.into(),
            closest: closest_names(name),
        })
    }

    /// Parses a comma-separated list of triples, aliases and `all`, in order, without
    /// duplicates. Every unknown name is reported.
    pub fn parse_list(list: &str) -> Result<Vec<&'static Target>, Vec<UnknownTarget>> {
        let mut targets: Vec<&'static Target> = Vec::new();
        let mut unknown = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let found: Vec<&'static Target> = if name == "all" {
                Target::ALL.iter().collect()
            } else {
                match Target::lookup(name) {
                    Ok(t) => alloc::vec![t],
                    Err(e) => {
                        unknown.push(e);
                        continue;
                    }
                }
            };
            for t in found {
                if !targets.iter().any(|x| x.triple == t.triple) {
                    targets.push(t);
                }
            }
        }
        if unknown.is_empty() {
            Ok(targets)
        } else {
            Err(unknown)
        }
    }
}

/// Every name a user may write, for suggestions.
fn known_names() -> impl Iterator<Item = &'static str> {
    ALIASES
        .iter()
        .map(|(a, _)| *a)
        .chain(["all"])
        .chain(Target::ALL.iter().map(|t| t.triple))
}

/// Up to three known names close to `name`: by edit distance, and also every triple that
/// contains each `-`-separated part of `name` (so `x86_64-linux` finds the Linux x86_64 triples).
pub fn closest_names(name: &str) -> Vec<&'static str> {
    let name = name.to_ascii_lowercase();
    let parts: Vec<&str> = name.split('-').filter(|p| !p.is_empty()).collect();
    let limit = (name.len() / 3).max(2);
    let mut scored: Vec<(usize, &'static str)> = known_names()
        .filter_map(|known| {
            let d = edit_distance(&name, known);
            let by_parts = parts.len() > 1 && parts.iter().all(|p| known.contains(p));
            (d <= limit || by_parts).then_some((if by_parts { d.min(limit) } else { d }, known))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// Levenshtein distance over bytes.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn lists_aliases_and_all() {
        let l = Target::parse_list("x86_64-unknown-linux-gnu, 32,16, 64").unwrap();
        let names: Vec<&str> = l.iter().map(|t| t.triple).collect();
        assert_eq!(
            names,
            [
                "x86_64-unknown-linux-gnu",
                "i686-unknown-linux-gnu",
                "msp430-none-elf"
            ]
        );
        assert_eq!(
            Target::parse_list("all, 64").unwrap().len(),
            Target::ALL.len()
        );
    }

    #[test]
    fn unknown_names_come_with_the_closest_ones() {
        let e = Target::lookup("x86_64-unknown-linux-gnux").unwrap_err();
        assert_eq!(e.closest[0], "x86_64-unknown-linux-gnu");
        let e = Target::lookup("i686-linux-gnu").unwrap_err();
        assert!(e.closest.contains(&"i686-unknown-linux-gnu"), "{e}");
        assert!(
            Target::lookup("x86_64-linux")
                .unwrap_err()
                .closest
                .iter()
                .all(|n| n.contains("x86_64"))
        );
        let errs = Target::parse_list("64, armv7-linux, bogus-target-zzz").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert!(
            errs[1]
                .to_string()
                .starts_with("unknown target `bogus-target-zzz`")
        );
    }
}
