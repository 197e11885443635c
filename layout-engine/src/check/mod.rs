//! Layout policies checked during constant evaluation, and the text of their reports.
//!
//! `#[derive(Layout)]` checks a struct's `#[layout(...)]` policies in one of two places, with
//! the same code:
//!
//! - **at expansion time**, when the macro can model every field type from the syntax and every
//!   checked target is named: the proc macro compiles these files too (through a symlink) and
//!   runs [`broken`] and the `write_*` functions natively, then reports a spanned
//!   `compile_error!` with the engine's fewest-moves order;
//! - **during constant evaluation**, for the target being compiled and for structs whose field
//!   types only the compiler resolves (aliases, other crates' types, other derived structs,
//!   generics): the generated code calls [`run`], which lays the struct out on each target,
//!   checks it with [`broken`] and, if a policy is broken, panics with the same report, whose
//!   order comes from the `const` heuristic in [`order`]. Stable Rust prints the whole message
//!   (`error[E0080]: evaluation panicked: ...`).
//!
//! Everything here is `const fn` over the engine's types and allocates nothing.

pub mod family;
pub mod fields;
pub mod msg;
pub mod order;
pub mod policy;
pub mod report;

pub use msg::Msg;
pub use policy::{Broken, Placed, Policy, broken, reorder_repairs};
pub use report::{Reorder, Subject};

use crate::{FieldLayout, LayoutError, StructDef, Target, TypeLayout, struct_layout};

/// The size of the buffer a constant-evaluation report is built in.
pub const MSG_BYTES: usize = 16 * 1024;

/// Where the checks run: the named targets and, when `current`, the target being compiled.
#[derive(Clone, Copy, Debug)]
pub struct Targets<'a> {
    /// Targets named in `#[layout(targets = "...")]` that the macro could not check itself.
    pub named: &'a [&'static Target],
    /// Whether to check the compiling target ([`Target::CURRENT`]) too.
    pub current: bool,
}

/// What the checks found: the first target where a policy is broken or there is no layout.
#[derive(Clone, Copy, Debug)]
pub enum Outcome<'a> {
    /// Every policy holds on every target.
    Holds,
    /// A policy is broken on `target`, and on `others` more of the targets checked.
    Broken {
        /// The first target where it is broken.
        target: &'static Target,
        /// What is broken there.
        broken: Broken,
        /// How many other checked targets break a policy.
        others: usize,
    },
    /// The struct has no layout on `target`.
    NoLayout {
        /// The target.
        target: &'static Target,
        /// Why.
        error: LayoutError<'a>,
    },
}

const EMPTY: FieldLayout = FieldLayout {
    offset: 0,
    size: 0,
    align: 1,
};

const fn target_at(targets: &Targets<'_>, i: usize) -> Option<&'static Target> {
    if i < targets.named.len() {
        return Some(targets.named[i]);
    }
    if i == targets.named.len() && targets.current {
        return Target::CURRENT;
    }
    None
}

const fn count(targets: &Targets<'_>) -> usize {
    targets.named.len() + if targets.current { 1 } else { 0 }
}

/// Checks `policy` on every target of `targets`. `F` is the number of fields.
pub const fn evaluate<'a, const F: usize>(
    def: &StructDef<'a>,
    policy: &Policy<'_>,
    targets: &Targets<'_>,
) -> Outcome<'a> {
    let mut first: Option<(&'static Target, Broken)> = None;
    let mut others = 0;
    let mut i = 0;
    while i < count(targets) {
        if let Some(target) = target_at(targets, i) {
            let mut fields = [EMPTY; F];
            match struct_layout(def, target, &mut fields) {
                Ok(layout) => {
                    let placed = Placed::new(def, target, layout, &fields);
                    let b = broken(def, policy, &placed);
                    if b.any() {
                        if first.is_none() {
                            first = Some((target, b));
                        } else {
                            others += 1;
                        }
                    }
                }
                Err(error) => return Outcome::NoLayout { target, error },
            }
        }
        i += 1;
    }
    match first {
        Some((target, broken)) => Outcome::Broken {
            target,
            broken,
            others,
        },
        None => Outcome::Holds,
    }
}

/// Whether some policy is broken (or some target has no layout): the switch of the warning
/// mode, which cannot carry the report itself.
pub const fn violated<const F: usize>(
    def: &StructDef<'_>,
    policy: &Policy<'_>,
    targets: &Targets<'_>,
) -> bool {
    !matches!(evaluate::<F>(def, policy, targets), Outcome::Holds)
}

/// Checks `policy` on every target of `targets` and panics with the full report at the first
/// broken one. Called by the code `#[derive(Layout)]` generates, in a `const`.
pub const fn run<const F: usize>(s: &Subject<'_>, policy: &Policy<'_>, targets: &Targets<'_>) {
    let def = s.def;
    match evaluate::<F>(def, policy, targets) {
        Outcome::Holds => {}
        Outcome::NoLayout { target, error } => {
            let mut m = Msg::<MSG_BYTES>::new();
            report::write_no_layout(&mut m, def, target.triple, &error);
            panic!("{}", m.as_str());
        }
        Outcome::Broken {
            target,
            broken: b,
            others,
        } => {
            let mut fields = [EMPTY; F];
            let layout = match struct_layout(def, target, &mut fields) {
                Ok(l) => l,
                Err(_) => TypeLayout { size: 0, align: 1 },
            };
            let placed = Placed::new(def, target, layout, &fields);
            let min_align = match def.repr.align {
                Some(a) => a,
                None => 1,
            };
            let suggestion = order::suggest::<F>(&fields, min_align, policy.pinned, policy.hot);
            let reorder = Reorder {
                order: suggestion.as_slice(),
                size: suggestion.size,
                moved: suggestion.moved,
            };
            let mut m = Msg::<MSG_BYTES>::new();
            report::write_broken(&mut m, s, policy, &placed, &b, Some(&reorder));
            report::write_facts(&mut m, def, &placed);
            if b.wants_reorder()
                && def.repr.order_is_declared()
                && suggestion.moved > 0
                && policy::reorder_repairs(policy, &b, &placed, suggestion.size)
            {
                report::write_reorder(&mut m, s, &reorder);
            }
            if others > 0 {
                m.str("\n(a policy is broken on ");
                m.count(others as u64, "more target", "more targets");
                m.str(" of those checked)");
            }
            panic!("{}", m.as_str());
        }
    }
}

#[doc(hidden)]
pub mod private;
