//! The text of a broken policy: the struct, the target, the size now and the minimum, where
//! the holes are, and the reordered body ready to paste. Built by `const fn`s into a [`Msg`], so
//! the derive's expansion-time errors and the constant-evaluation panics say the same things in
//! the same words.

use crate::check::msg::Msg;
use crate::check::policy::{Broken, Placed, Policy, hot_floor, line_size};
use crate::{FieldAt, LayoutError, Shape, StructDef};

/// The struct a report is about, as the user wrote it.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The engine's definition.
    pub def: &'a StructDef<'a>,
    /// The declaration up to its body: `pub struct Packet`, `struct Pair<T>`.
    pub header: &'a str,
    /// Each field as written (doc comments, attributes, visibility, name and type; lines
    /// separated by `\n`), in declaration order.
    pub sources: &'a [&'a str],
    /// Whether the fields are a tuple struct's (`(...)` body).
    pub tuple: bool,
}

/// A reordering to put in the report.
#[derive(Clone, Copy, Debug)]
pub struct Reorder<'a> {
    /// Declared indices in suggested order.
    pub order: &'a [usize],
    /// The size with that order.
    pub size: u64,
    /// How many fields move.
    pub moved: usize,
    /// Whether no order honouring the pins is smaller (the searches for it have budgets).
    pub size_proven: bool,
}

const fn name<'a>(def: &StructDef<'a>, i: usize) -> &'a str {
    if i < def.fields.len() {
        def.fields[i].name
    } else {
        "?"
    }
}

const fn field<const N: usize>(m: &mut Msg<N>, def: &StructDef<'_>, i: usize) {
    m.str("`");
    m.str(name(def, i));
    m.str("`");
}

/// The first line: `` `Packet` breaks its layout policy on x86_64-unknown-linux-gnu: `` and one
/// line per broken policy.
pub const fn write_broken<const N: usize>(
    m: &mut Msg<N>,
    s: &Subject<'_>,
    policy: &Policy<'_>,
    placed: &Placed<'_>,
    b: &Broken,
    reorder: Option<&Reorder<'_>>,
) {
    let def = s.def;
    m.str("`");
    m.str(def.name);
    m.str("` breaks its layout policy on ");
    m.str(placed.target.triple);
    m.str(":");
    if let Some(n) = policy.size
        && b.size
    {
        m.str("\n  - `size = ");
        m.u64(n);
        m.str("`: it is ");
        m.count(placed.layout.size, "byte", "bytes");
        if n < placed.min_size {
            m.str(", and no field order makes it smaller than ");
            m.u64(placed.min_size);
            m.str(": remove or shrink fields, or use `packed`");
        } else if n > placed.layout.size {
            m.str(", and reordering cannot make it bigger: add fields, or `repr(align(N))` to round it up");
        } else if n % placed.layout.align != 0 {
            m.str(", and every size is a multiple of its alignment, ");
            m.u64(placed.layout.align);
        }
    }
    if let Some(n) = policy.align
        && b.align
    {
        m.str("\n  - `align = ");
        m.u64(n);
        m.str("`: it aligns to ");
        m.u64(placed.layout.align);
    }
    if let Some(n) = policy.max_padding
        && b.max_padding
    {
        m.str("\n  - `max_padding = ");
        m.u64(n);
        m.str("`: it has ");
        m.count(placed.padding(def.shape), "byte", "bytes");
        m.str(" of padding");
        let least = placed.least_padding(def.shape);
        if least > n {
            // Said first, so that no one pastes an order that cannot succeed.
            m.str(" and no field order has less than ");
            m.u64(least);
            m.str(": allow `max_padding = ");
            m.u64(least);
            m.str("`, shrink or add fields to fill the padding, or use `packed`");
        }
    }
    if b.optimal {
        m.str("\n  - `optimal`: it is ");
        m.count(placed.layout.size, "byte", "bytes");
        m.str(", and some field order makes it ");
        m.u64(placed.min_size);
        if let Some(r) = reorder
            && r.size > placed.min_size
            && !policy.pinned.is_empty()
        {
            if r.size_proven {
                m.str(
                    ", but not with the pinned fields in place: the best order found keeping them is ",
                );
                m.count(r.size, "byte", "bytes");
                m.str(" (unpin a field, or drop `optimal`)");
            } else {
                m.str("; the best order found keeping the pinned fields in place is ");
                m.count(r.size, "byte", "bytes");
                m.str(", but the search stopped before proving that none is smaller");
            }
        }
    }
    if let Some(f) = b.hot_not_first {
        m.str("\n  - `hot`: hot field ");
        field(m, def, f);
        m.str(" is not among the first fields; hot fields go first, together");
    }
    if b.hot_lines {
        let (bytes, floor) = hot_floor(policy, placed.fields);
        m.str("\n  - `hot`: the hot fields (");
        m.count(bytes, "byte", "bytes");
        m.str(") span more ");
        m.u64(line_size(policy));
        m.str("-byte cache lines than the ");
        m.u64(floor);
        m.str(" they need");
    }
    if let Some(f) = b.shares_line {
        let line = line_size(policy);
        m.str("\n  - `separate_line`: ");
        field(m, def, f);
        m.str(" (offset ");
        m.u64(placed.fields[f].offset);
        m.str(") can share a ");
        m.u64(line);
        m.str("-byte cache line with ");
        field(m, def, f - 1);
        m.str(" (offset ");
        m.u64(placed.fields[f - 1].offset);
        m.str("); give it a type aligned to the line, e.g. a `#[repr(C, align(");
        m.u64(line);
        m.str("))]` wrapper, and align the struct to ");
        m.u64(line);
    }
}

/// `size 24, align 8, minimum 16` and one line per hole and for the tail padding.
pub const fn write_facts<const N: usize>(m: &mut Msg<N>, def: &StructDef<'_>, placed: &Placed<'_>) {
    m.str("\nlayout on ");
    m.str(placed.target.triple);
    m.str(": size ");
    m.u64(placed.layout.size);
    m.str(", align ");
    m.u64(placed.layout.align);
    m.str(", padding ");
    m.u64(placed.padding(def.shape));
    m.str(", minimum size ");
    m.u64(placed.min_size);
    let fields = placed.fields;
    if matches!(def.shape, Shape::Struct) {
        // Holes in memory order: repeatedly take the next field by offset (the declared order
        // when it is the memory order, as in every `repr(C)` struct: the search for the next
        // is quadratic, too slow in constant evaluation for structs of hundreds of fields).
        let in_order = declared_is_memory_order(fields);
        let mut prev: Option<usize> = None;
        let mut k = 0;
        while k < fields.len() {
            let next = if in_order {
                Some(k)
            } else {
                next_by_offset(fields, prev)
            };
            let Some(i) = next else { break };
            if let Some(p) = prev {
                let end = fields[p].end();
                if fields[i].offset > end {
                    m.str("\n  ");
                    m.count(fields[i].offset - end, "byte", "bytes");
                    m.str(" of padding after ");
                    field(m, def, p);
                    m.str(" (offsets ");
                    m.u64(end);
                    m.str("..");
                    m.u64(fields[i].offset);
                    m.str(")");
                }
            }
            prev = Some(i);
            k += 1;
        }
    }
    let end = crate::analysis::fields_end(fields);
    if placed.layout.size > end {
        m.str("\n  ");
        m.count(placed.layout.size - end, "byte", "bytes");
        m.str(" of tail padding (offsets ");
        m.u64(end);
        m.str("..");
        m.u64(placed.layout.size);
        m.str(")");
    }
}

/// Whether the fields in declared order are in memory order (see [`next_by_offset`]).
const fn declared_is_memory_order(fields: &[crate::FieldLayout]) -> bool {
    let mut i = 1;
    while i < fields.len() {
        if !less(fields, i - 1, i) {
            return false;
        }
        i += 1;
    }
    true
}

/// The field after `prev` in memory order (offset, then declaration order; zero-sized fields
/// before sized ones at the same offset).
const fn next_by_offset(fields: &[crate::FieldLayout], prev: Option<usize>) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut i = 0;
    while i < fields.len() {
        let after = match prev {
            None => true,
            Some(p) => less(fields, p, i),
        };
        if after {
            best = match best {
                None => Some(i),
                Some(b) if less(fields, i, b) => Some(i),
                keep => keep,
            };
        }
        i += 1;
    }
    best
}

const fn less(fields: &[crate::FieldLayout], a: usize, b: usize) -> bool {
    let (fa, fb) = (&fields[a], &fields[b]);
    if fa.offset != fb.offset {
        return fa.offset < fb.offset;
    }
    let (za, zb) = (fa.size != 0, fb.size != 0);
    if za != zb {
        return !za;
    }
    a < b
}

/// Said after a suggested order whose size is not proven the smallest the pins allow.
pub const SIZE_NOT_PROVEN: &str = "\n(with the pinned fields in place, no smaller order was found, \
    but the search stopped before proving that none is)";

/// The reordered declaration, ready to paste.
pub const fn write_reorder<const N: usize>(m: &mut Msg<N>, s: &Subject<'_>, r: &Reorder<'_>) {
    m.str("\nsuggested order: ");
    m.count(r.size, "byte", "bytes");
    m.str(", ");
    m.count(r.moved as u64, "field", "fields");
    m.str(" moved; paste this body:\n\n");
    m.str(s.header);
    m.str(if s.tuple { "(" } else { " {" });
    let mut i = 0;
    while i < r.order.len() {
        let f = r.order[i];
        if f < s.sources.len() {
            // Indent every line of the field's source.
            m.str("\n    ");
            let bytes = s.sources[f].as_bytes();
            let mut start = 0;
            let mut j = 0;
            while j <= bytes.len() {
                if j == bytes.len() || bytes[j] == b'\n' {
                    let (head, _) = bytes.split_at(j);
                    let (_, line) = head.split_at(start);
                    if let Ok(line) = core::str::from_utf8(line) {
                        m.str(line);
                    }
                    if j < bytes.len() {
                        m.str("\n    ");
                    }
                    start = j + 1;
                }
                j += 1;
            }
            m.str(",");
        }
        i += 1;
    }
    m.str(if s.tuple { "\n);" } else { "\n}" });
    if s.tuple && r.moved > 0 {
        m.str("\n(tuple fields are numbered by position: update the `.0`, `.1`, ... uses)");
    }
}

/// "the type of the field `name: ty` of `Owner`", or "a field's type" when the error names none.
const fn write_field_at<const N: usize>(m: &mut Msg<N>, field: Option<FieldAt<'_>>) {
    match field {
        Some(at) => {
            m.str("the type of the field `");
            m.str(at.name);
            m.str(": ");
            m.str(at.ty_name);
            m.str("` of `");
            m.str(at.owner);
            m.str("`");
        }
        None => m.str("a field's type"),
    }
}

/// Why the struct or enum `name` has no layout on a target, for a check that needs one.
pub const fn write_no_layout<const N: usize>(
    m: &mut Msg<N>,
    name: &str,
    target: &str,
    e: &LayoutError<'_>,
) {
    m.str("`");
    m.str(name);
    m.str("` has no layout on ");
    m.str(target);
    m.str(" to check: ");
    match *e {
        LayoutError::HostOnly { ty } => {
            m.str("field type `");
            m.str(ty);
            m.str("` is known only on the compiling target (no cross-target model). Give it one: ");
            m.str("`#[derive(Layout)]` with `#[repr(C)]` on it, or `impl layout_core::Model`; or ");
            m.str("remove this target from `targets`");
        }
        LayoutError::NoModel { ty }
        | LayoutError::TooBig { ty }
        | LayoutError::Unpredictable { ty } => {
            m.str(e.kind_str());
            m.str(" (`");
            m.str(ty);
            m.str("`)");
        }
        LayoutError::BadRepr { ty, .. } | LayoutError::UnknownTarget { triple: ty } => {
            m.str(e.kind_str());
            m.str(" (`");
            m.str(ty);
            m.str("`)");
        }
        LayoutError::MaybeCType { prim, c, field } => {
            write_field_at(m, field);
            m.str(" is `");
            m.str(prim.name());
            m.str("` on the compiling target, reached through a name (a type alias or another ");
            m.str("crate's type), and may be `");
            m.str(c.name());
            m.str("`, which has another width there. Write the field's type as the C type (`core::ffi::");
            m.str(c.name());
            m.str("`) or as the primitive, or give the type a `layout_core::Model`; or remove ");
            m.str("this target from `targets`");
        }
        LayoutError::NoAtomic { bits, field } => {
            m.str("the target has no ");
            m.u64(bits as u64);
            m.str("-bit atomics, so ");
            write_field_at(m, field);
            m.str(" does not exist there; remove this target from `targets`");
        }
    }
}
