//! Layout policies checked during constant evaluation, and the text of their reports.
//!
//! `#[derive(Layout)]` checks a struct's `#[layout(...)]` policies in one of two places, with
//! the same code:
//!
//! - **at expansion time**, when the macro can model every field type from the syntax and every
//!   checked target is named: the proc macro runs [`broken`] and the `write_*` functions natively (it depends on this crate), then
//!   reports a spanned `compile_error!` with the engine's fewest-moves order;
//! - **during constant evaluation**, for the target being compiled and for structs whose field
//!   types only the compiler resolves (aliases, other crates' types, other derived structs,
//!   generics): the generated code calls [`run`], which lays the struct out on each target,
//!   checks it with [`broken`] and, if a policy is broken, panics with the same report, whose
//!   order comes from the `const` search in [`order`] (the engine's answer where it proves it
//!   within a fixed budget, and said otherwise). Stable Rust prints the whole message
//!   (`error[E0080]: evaluation panicked: ...`).
//!
//! Everything here is `const fn` over the engine's types and allocates nothing.

pub mod enums;
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

/// Families (by [`family::key`]) already laid out by one loop over the targets, and whether a
/// policy is broken there: a target of a family seen gives the struct the same layout, so it is
/// not laid out again. `targets = "all"` names 314 targets of about 20 families, and laying a
/// large struct out 314 times in constant evaluation would run into the compiler's
/// `long_running_const_eval` limit.
pub(crate) struct Families {
    keys: [u64; FAMILIES],
    broken: [bool; FAMILIES],
    len: usize,
}

/// Families remembered by [`Families`] (more are laid out again, which is only slower).
const FAMILIES: usize = 64;

impl Families {
    pub(crate) const fn new() -> Self {
        Families {
            keys: [0; FAMILIES],
            broken: [false; FAMILIES],
            len: 0,
        }
    }

    /// Whether a policy is broken on `key`'s family, if it was seen.
    pub(crate) const fn find(&self, key: u64) -> Option<bool> {
        let mut k = 0;
        while k < self.len {
            if self.keys[k] == key {
                return Some(self.broken[k]);
            }
            k += 1;
        }
        None
    }

    pub(crate) const fn add(&mut self, key: u64, broken: bool) {
        if self.len < FAMILIES {
            self.keys[self.len] = key;
            self.broken[self.len] = broken;
            self.len += 1;
        }
    }
}

/// Checks `policy` on every target of `targets`. `F` is the number of fields.
pub const fn evaluate<'a, const F: usize>(
    def: &StructDef<'a>,
    policy: &Policy<'_>,
    targets: &Targets<'_>,
) -> Outcome<'a> {
    let mut first: Option<(&'static Target, Broken)> = None;
    let mut others = 0;
    let mut seen = Families::new();
    let mut i = 0;
    while i < count(targets) {
        if let Some(target) = target_at(targets, i) {
            let key = family::key(target, true);
            match seen.find(key) {
                // A family laid out before: broken or not, the same.
                Some(broken) => others += broken as usize,
                None => {
                    let mut fields = [EMPTY; F];
                    match struct_layout(def, target, &mut fields) {
                        Ok(layout) => {
                            let placed = Placed::new(def, target, layout, &fields);
                            let b = broken(def, policy, &placed);
                            seen.add(key, b.any());
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
            report::write_no_layout(&mut m, def.name, target.triple, &error);
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
            let joint = joint::<F>(def, policy, targets, target, &fields);
            let suggestion = &joint.orders[joint.chosen];
            let reorder = Reorder {
                order: suggestion.as_slice(),
                size: suggestion.size,
                moved: suggestion.moved,
                size_proven: suggestion.size_proven,
            };
            let mut m = Msg::<MSG_BYTES>::new();
            report::write_broken(&mut m, s, policy, &placed, &b, Some(&reorder));
            report::write_facts(&mut m, def, &placed);
            if b.wants_reorder()
                && def.repr.order_is_declared()
                && suggestion.moved > 0
                && joint.repairs
            {
                report::write_reorder(&mut m, s, &reorder);
                joint.write_note(&mut m);
                // One move is always the fewest (the declared order breaks a policy); more, the
                // `const` search proves within its budget, for one layout.
                if suggestion.moved > 1 && !(suggestion.moves_proven && joint.count == 1) {
                    m.str("\n(this order is not proven to move the fewest fields)");
                }
                if !suggestion.size_proven && !b.optimal {
                    m.str(report::SIZE_NOT_PROVEN);
                }
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

/// How many distinct layouts of one struct the `const` report compares to pick one order for
/// every target checked.
const JOINT: usize = 8;

/// One order for every target checked, during constant evaluation: each distinct layout's own
/// `const` suggestion is a candidate, and the one that is the smallest on most layouts (then
/// the least excess, then the fewest moves) is offered, as `order::suggest_joint` does at
/// expansion time with the engine's search.
struct Joint<const F: usize> {
    /// The candidates; `orders[0]` is the reported target's own.
    orders: [order::Order<F>; JOINT],
    /// How many layouts (and candidates) there are.
    count: usize,
    /// The candidate chosen.
    chosen: usize,
    /// The chosen order's size on each layout, and each layout's own best.
    sizes: [u64; JOINT],
    best: [u64; JOINT],
    /// A target of each layout, for the note.
    targets: [Option<&'static Target>; JOINT],
    /// Whether the chosen order, pasted, meets the policies on every layout.
    repairs: bool,
}

impl<const F: usize> Joint<F> {
    /// `(this order is the smallest on every target checked)`, or what it costs where not.
    const fn write_note<const N: usize>(&self, m: &mut Msg<N>) {
        if self.count < 2 {
            return;
        }
        let mut k = 0;
        let mut over = false;
        while k < self.count {
            over |= self.sizes[k] > self.best[k];
            k += 1;
        }
        if !over {
            m.str("\n(this order is the smallest on every target checked)");
            return;
        }
        m.str("\n(no single order found is the smallest on every target checked; this one is");
        let mut k = 0;
        while k < self.count {
            if self.sizes[k] > self.best[k]
                && let Some(t) = self.targets[k]
            {
                m.str(" ");
                m.count(self.sizes[k], "byte", "bytes");
                m.str(" on ");
                m.str(t.triple);
                m.str(" (best ");
                m.u64(self.best[k]);
                m.str(")");
            }
            k += 1;
        }
        m.str(")");
    }
}

/// The [`Joint`] order for `def`, reported on `target` (whose layout is `fields`).
const fn joint<const F: usize>(
    def: &StructDef<'_>,
    policy: &Policy<'_>,
    targets: &Targets<'_>,
    target: &'static Target,
    fields: &[FieldLayout; F],
) -> Joint<F> {
    let min_align = match def.repr.align {
        Some(a) => a,
        None => 1,
    };
    let mut lays = [[EMPTY; F]; JOINT];
    let mut layouts = [TypeLayout { size: 0, align: 1 }; JOINT];
    let mut on: [Option<&'static Target>; JOINT] = [None; JOINT];
    lays[0] = *fields;
    on[0] = Some(target);
    let mut count = 1;
    let mut seen = Families::new();
    seen.add(family::key(target, true), true);
    let mut i = 0;
    while i < self::count(targets) && count < JOINT {
        if let Some(t) = target_at(targets, i)
            && seen.find(family::key(t, true)).is_none()
        {
            seen.add(family::key(t, true), true);
            let mut here = [EMPTY; F];
            if let Ok(l) = struct_layout(def, t, &mut here) {
                let mut k = 0;
                while k < count && !same_items(&lays[k], &here) {
                    k += 1;
                }
                if k == count {
                    lays[count] = here;
                    layouts[count] = l;
                    on[count] = Some(t);
                    count += 1;
                }
            }
        }
        i += 1;
    }
    if let Ok(l) = struct_layout(def, target, &mut [EMPTY; F]) {
        layouts[0] = l;
    }
    let mut orders = [order::Order::<F>::EMPTY; JOINT];
    let mut best = [0u64; JOINT];
    let mut k = 0;
    while k < count {
        orders[k] = order::suggest::<F>(
            &lays[k],
            min_align,
            policy.pinned,
            policy.hot,
            policy.cache_line,
            // One budget for the report, shared by its layouts.
            order::REPORT_STEPS / count as u64,
        );
        best[k] = orders[k].size;
        k += 1;
    }
    // The candidate best on most layouts, then with the least excess, then the fewest moves.
    let mut chosen = 0;
    let mut chosen_score = (usize::MAX, u64::MAX, usize::MAX);
    let mut c = 0;
    while c < count {
        let (mut over, mut excess) = (0, 0u64);
        let mut k = 0;
        while k < count {
            let size = order::size_in_order(&lays[k], orders[c].as_slice(), min_align);
            if size > best[k] {
                over += 1;
                excess = excess.saturating_add(size - best[k]);
            }
            k += 1;
        }
        let score = (over, excess, orders[c].moved);
        if score.0 < chosen_score.0
            || (score.0 == chosen_score.0
                && (score.1 < chosen_score.1
                    || (score.1 == chosen_score.1 && score.2 < chosen_score.2)))
        {
            chosen = c;
            chosen_score = score;
        }
        c += 1;
    }
    let mut sizes = [0u64; JOINT];
    let mut repairs = true;
    let mut k = 0;
    while k < count {
        sizes[k] = order::size_in_order(&lays[k], orders[chosen].as_slice(), min_align);
        if let Some(t) = on[k] {
            let placed = Placed::new(def, t, layouts[k], &lays[k]);
            let b = broken(def, policy, &placed);
            if b.any() && !policy::reorder_repairs(policy, &b, &placed, sizes[k]) {
                repairs = false;
            }
        }
        k += 1;
    }
    // The size reported is the reported target's.
    orders[chosen].size = sizes[0];
    Joint {
        orders,
        count,
        chosen,
        sizes,
        best,
        targets: on,
        repairs,
    }
}

/// Whether two layouts of one struct give the order search the same items (sizes and
/// alignments per field).
const fn same_items(a: &[FieldLayout], b: &[FieldLayout]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i].size != b[i].size || a[i].align != b[i].align {
            return false;
        }
        i += 1;
    }
    a.len() == b.len()
}

#[doc(hidden)]
pub mod private;
