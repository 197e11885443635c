//! Layout policies of enums, checked during constant evaluation, and the text of their reports.
//!
//! `#[derive(Layout)]` on an enum with a defined layout (`repr(u8)`, `repr(C)`, `repr(C, u8)`,
//! with or without `align(N)`) checks its `#[layout(...)]` policies here, on every target named
//! and on the compiling target, with the engine's [`enum_layout`]. The policies:
//!
//! - `size = N`, `align = N`: the enum's size (alignment) is exactly `N`;
//! - `max_padding = N`: the *fullest* variant (the one with the least padding) leaves at most
//!   `N` bytes that are neither the tag nor one of its fields. Smaller variants always leave
//!   more (a unit variant of a 16-byte enum leaves 15), which is what an enum is; the fullest
//!   variant's padding is what no variant uses: holes after the tag and the tail;
//! - `max_variant_ratio = N`: the largest variant's payload (its bytes after the tag, up to the
//!   end of its last field) is at most `N` times the next largest variant's; Clippy's
//!   `large_enum_variant` on every target. A larger one is reported with the size the enum
//!   would have with that variant's fields boxed.
//!
//! Everything here is `const fn` and allocates nothing.

use crate::check::msg::Msg;
use crate::check::{Families, Targets, family};
use crate::{
    EnumDef, EnumTypeLayout, Field, LayoutError, Prim, PtrKind, Target, Ty, Variant, VariantLayout,
    enum_layout, type_layout,
};

/// What an enum's layout must satisfy on each checked target (`#[layout(...)]` on an enum).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumPolicy {
    /// `max_padding = N`: the fullest variant leaves at most `N` bytes of padding.
    pub max_padding: Option<u64>,
    /// `size = N`: the enum's size is exactly `N`.
    pub size: Option<u64>,
    /// `align = N`: the enum's alignment is exactly `N`.
    pub align: Option<u64>,
    /// `max_variant_ratio = N`: the largest variant's payload is at most `N` times the next
    /// largest's.
    pub max_variant_ratio: Option<u64>,
}

/// What an enum's layout breaks on one target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EnumBroken {
    /// `max_padding`.
    pub max_padding: bool,
    /// `size`.
    pub size: bool,
    /// `align`.
    pub align: bool,
    /// `max_variant_ratio`.
    pub ratio: bool,
}

impl EnumBroken {
    /// Whether anything is broken.
    pub const fn any(&self) -> bool {
        self.max_padding || self.size || self.align || self.ratio
    }
}

/// The facts of an enum laid out on one target that the policies and reports use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumFacts {
    /// Size, alignment and tag.
    pub layout: EnumTypeLayout,
    /// The variant with the least padding (the first of them), and that padding.
    pub fullest: (usize, u64),
    /// The variant with the largest payload (the first of them) and its payload in bytes.
    pub largest: (usize, u64),
    /// The variant with the next largest payload and its payload, when there are two variants.
    pub second: Option<(usize, u64)>,
}

/// The bytes of variant `v`'s fields, summed (each field's size on `target`).
const fn field_bytes(variant: &Variant<'_>, target: &Target) -> u64 {
    let mut sum = 0u64;
    let mut i = 0;
    while i < variant.fields.len() {
        if let Ok(l) = type_layout(&variant.fields[i].ty, target) {
            sum = sum.saturating_add(l.size);
        }
        i += 1;
    }
    sum
}

/// The payload of variant `v`: its bytes after the tag up to the end of its last field (0 for
/// a variant without fields), as [`EnumLayout::payload_size`](crate::EnumLayout::payload_size).
pub const fn payload(layout: &EnumTypeLayout, variant: &VariantLayout) -> u64 {
    variant.end.saturating_sub(layout.tag.end())
}

/// The facts of `def` laid out on `target` as `layout`, with `variants` its variants' layouts.
pub const fn enum_facts(
    def: &EnumDef<'_>,
    target: &Target,
    layout: EnumTypeLayout,
    variants: &[VariantLayout],
) -> EnumFacts {
    let size = layout.layout.size;
    let mut fullest = (0, u64::MAX);
    let mut largest = (0, 0);
    let mut second: Option<(usize, u64)> = None;
    let mut v = 0;
    while v < def.variants.len() && v < variants.len() {
        let used = layout
            .tag
            .size
            .saturating_add(field_bytes(&def.variants[v], target));
        let padding = size.saturating_sub(used);
        if padding < fullest.1 {
            fullest = (v, padding);
        }
        let p = payload(&layout, &variants[v]);
        if v == 0 || p > largest.1 {
            if v > 0 {
                second = Some(largest);
            }
            largest = (v, p);
        } else {
            match second {
                Some((_, s)) if s >= p => {}
                _ => second = Some((v, p)),
            }
        }
        v += 1;
    }
    if fullest.1 == u64::MAX {
        fullest.1 = 0;
    }
    EnumFacts {
        layout,
        fullest,
        largest,
        second,
    }
}

/// Whether the largest payload is more than `ratio` times the next largest.
const fn ratio_broken(facts: &EnumFacts, ratio: u64) -> bool {
    match facts.second {
        Some((_, second)) => facts.largest.1 > second.saturating_mul(ratio),
        None => false,
    }
}

/// What `facts` break of `policy`.
pub const fn enum_broken(policy: &EnumPolicy, facts: &EnumFacts) -> EnumBroken {
    let l = facts.layout.layout;
    EnumBroken {
        max_padding: match policy.max_padding {
            Some(n) => facts.fullest.1 > n,
            None => false,
        },
        size: match policy.size {
            Some(n) => l.size != n,
            None => false,
        },
        align: match policy.align {
            Some(n) => l.align != n,
            None => false,
        },
        ratio: match policy.max_variant_ratio {
            Some(n) => ratio_broken(facts, n),
            None => false,
        },
    }
}

/// A placeholder for unused slots of a variant buffer.
const NO_VARIANT: VariantLayout = VariantLayout {
    start: 0,
    end: 0,
    size: 0,
    align: 1,
};

/// The first checked target where a policy is broken or there is no layout, the facts and
/// verdict there (or why there is no layout), and how many more checked targets break one.
type FirstBroken<'a> = (
    &'static Target,
    Result<(EnumFacts, EnumBroken), LayoutError<'a>>,
    usize,
);

/// The first checked target where `def` breaks `policy` or has no layout, the facts there,
/// and how many more checked targets break it. `V` is the number of variants.
const fn first_broken<'a, const V: usize>(
    def: &EnumDef<'a>,
    policy: &EnumPolicy,
    targets: &Targets<'_>,
) -> Option<FirstBroken<'a>> {
    let mut first = None;
    let mut others = 0;
    let mut seen = Families::new();
    let n = targets.named.len() + if targets.current { 1 } else { 0 };
    let mut i = 0;
    while i < n {
        let target = if i < targets.named.len() {
            Some(targets.named[i])
        } else {
            Target::CURRENT
        };
        let key = match target {
            Some(t) => family::key(t, true),
            None => 0,
        };
        if let Some(broken) = seen.find(key) {
            // A family checked before: broken or not, the same.
            others += broken as usize;
        } else if let Some(target) = target {
            let mut variants = [NO_VARIANT; V];
            match enum_layout(def, target, &mut variants, &mut []) {
                Ok(layout) => {
                    let facts = enum_facts(def, target, layout, &variants);
                    let b = enum_broken(policy, &facts);
                    seen.add(key, b.any());
                    if b.any() {
                        if first.is_none() {
                            first = Some((target, Ok((facts, b))));
                        } else {
                            others += 1;
                        }
                    }
                }
                Err(e) => return Some((target, Err(e), 0)),
            }
        }
        i += 1;
    }
    match first {
        Some((t, r)) => Some((t, r, others)),
        None => None,
    }
}

/// Whether some policy is broken (or some target has no layout): the warning mode's switch.
pub const fn violated_enum<const V: usize>(
    def: &EnumDef<'_>,
    policy: &EnumPolicy,
    targets: &Targets<'_>,
) -> bool {
    first_broken::<V>(def, policy, targets).is_some()
}

/// Checks `policy` on every target of `targets` and panics with the full report at the first
/// broken one. Called by the code `#[derive(Layout)]` generates for an enum, in a `const`.
pub const fn run_enum<const V: usize>(
    def: &EnumDef<'_>,
    policy: &EnumPolicy,
    targets: &Targets<'_>,
) {
    let Some((target, result, others)) = first_broken::<V>(def, policy, targets) else {
        return;
    };
    let mut m = Msg::<{ super::MSG_BYTES }>::new();
    match result {
        Err(e) => super::report::write_no_layout(&mut m, def.name, target.triple, &e),
        Ok((facts, b)) => {
            write_enum_broken::<V, _>(&mut m, def, policy, target, &facts, &b);
            if others > 0 {
                m.str("\n(a policy is broken on ");
                m.count(others as u64, "more target", "more targets");
                m.str(" of those checked)");
            }
        }
    }
    panic!("{}", m.as_str());
}

/// `` `variant` ``.
const fn variant<const N: usize>(m: &mut Msg<N>, def: &EnumDef<'_>, v: usize) {
    m.str("`");
    if v < def.variants.len() {
        m.str(def.variants[v].name);
    }
    m.str("`");
}

/// `n / d` with one decimal (`128.0`), `d > 0`.
const fn ratio<const N: usize>(m: &mut Msg<N>, n: u64, d: u64) {
    let tenths = (n as u128 * 10 / d as u128) as u64;
    m.u64(tenths / 10);
    m.str(".");
    m.u64(tenths % 10);
}

/// The model of a `Box` of a variant's fields: one thin pointer.
const BOXED: [Field<'static>; 1] = [Field::new("0", "Box<_>", Ty::Ptr(PtrKind::Thin))];

/// The size of `def` on `target` with variant `v`'s fields replaced by one `Box` of them.
pub const fn boxed_size<const V: usize>(
    def: &EnumDef<'_>,
    target: &Target,
    v: usize,
) -> Option<u64> {
    let mut variants = [Variant::unit(""); V];
    boxed_size_in(def, target, v, &mut variants)
}

/// [`boxed_size`] with the copy of the variants made in `scratch`, one per variant of `def`.
pub const fn boxed_size_in<'a>(
    def: &EnumDef<'a>,
    target: &Target,
    v: usize,
    scratch: &mut [Variant<'a>],
) -> Option<u64> {
    if def.variants.len() != scratch.len() || v >= scratch.len() {
        return None;
    }
    let mut i = 0;
    while i < scratch.len() {
        scratch[i] = def.variants[i];
        i += 1;
    }
    scratch[v].fields = &BOXED;
    let boxed = EnumDef {
        name: def.name,
        repr: def.repr,
        variants: scratch,
    };
    match enum_layout(&boxed, target, &mut [], &mut []) {
        Ok(l) => Some(l.layout.size),
        Err(_) => None,
    }
}

/// The integer type of the tag, for messages: `u8`, `i32`, ...
const fn tag_name(int: Prim) -> &'static str {
    int.name()
}

/// The report of what `def` breaks on `target`: one line per broken policy with what to do,
/// then the enum's facts there, variant by variant.
pub const fn write_enum_broken<const V: usize, const N: usize>(
    m: &mut Msg<N>,
    def: &EnumDef<'_>,
    policy: &EnumPolicy,
    target: &Target,
    facts: &EnumFacts,
    b: &EnumBroken,
) {
    let mut scratch = [Variant::unit(""); V];
    write_enum_broken_in(m, def, policy, target, facts, b, &mut scratch);
}

/// The report of what `def` breaks on `target` ([`write_enum_broken`]), with `scratch` (one
/// entry per variant) for the size the enum would have with a variant boxed.
pub const fn write_enum_broken_in<'a, const N: usize>(
    m: &mut Msg<N>,
    def: &EnumDef<'a>,
    policy: &EnumPolicy,
    target: &Target,
    facts: &EnumFacts,
    b: &EnumBroken,
    scratch: &mut [Variant<'a>],
) {
    let l = facts.layout.layout;
    m.str("`");
    m.str(def.name);
    m.str("` breaks its layout policy on ");
    m.str(target.triple);
    m.str(":");
    if b.size
        && let Some(n) = policy.size
    {
        m.str("\n  - `size = ");
        m.u64(n);
        m.str("`: it is ");
        m.count(l.size, "byte", "bytes");
    }
    if b.align
        && let Some(n) = policy.align
    {
        m.str("\n  - `align = ");
        m.u64(n);
        m.str("`: it is aligned to ");
        m.count(l.align, "byte", "bytes");
        if l.align < n {
            m.str(" (`#[repr(align(");
            m.u64(n);
            m.str("))]` raises it)");
        }
    }
    if b.max_padding
        && let Some(n) = policy.max_padding
    {
        m.str("\n  - `max_padding = ");
        m.u64(n);
        m.str("`: even its fullest variant, ");
        variant(m, def, facts.fullest.0);
        m.str(", leaves ");
        m.count(facts.fullest.1, "byte", "bytes");
        m.str(" of padding");
    }
    if b.ratio
        && let (Some(n), Some((s, second))) = (policy.max_variant_ratio, facts.second)
    {
        let (big, largest) = facts.largest;
        m.str("\n  - `max_variant_ratio = ");
        m.u64(n);
        m.str("`: variant ");
        variant(m, def, big);
        m.str(" carries ");
        m.count(largest, "byte", "bytes");
        m.str(", ");
        if second == 0 {
            m.str("and every other variant none");
        } else {
            ratio(m, largest, second);
            m.str(" times the next largest, ");
            variant(m, def, s);
            m.str(" (");
            m.count(second, "byte", "bytes");
            m.str(")");
        }
        m.str(": every `");
        m.str(def.name);
        m.str("` is ");
        m.count(l.size, "byte", "bytes");
        m.str(" for it. Box its fields (");
        write_boxed(m, def, big);
        m.str(")");
        if let Some(size) = boxed_size_in(def, target, big, scratch)
            && size < l.size
        {
            m.str(" and `");
            m.str(def.name);
            m.str("` shrinks to ");
            m.count(size, "byte", "bytes");
        }
        m.str(" (Clippy's `large_enum_variant`)");
    }
    write_enum_facts(m, def, target, facts);
}

/// `Big(Box<[u8; 1024]>)`, or `Big(Box<...>)` with a note for several fields.
const fn write_boxed<const N: usize>(m: &mut Msg<N>, def: &EnumDef<'_>, v: usize) {
    if v >= def.variants.len() {
        return;
    }
    let var = &def.variants[v];
    m.str("`");
    m.str(var.name);
    m.str("(Box<");
    if var.fields.len() == 1 {
        m.str(var.fields[0].ty_name);
        m.str(">)`");
    } else {
        m.str(var.name);
        m.str(">)` with a struct `");
        m.str(var.name);
        m.str("` of its fields");
    }
}

/// The enum's facts on `target`: size, alignment, tag, and each variant's payload and padding.
pub const fn write_enum_facts<const N: usize>(
    m: &mut Msg<N>,
    def: &EnumDef<'_>,
    target: &Target,
    facts: &EnumFacts,
) {
    let l = facts.layout;
    m.str("\nlayout on ");
    m.str(target.triple);
    m.str(": size ");
    m.u64(l.layout.size);
    m.str(", align ");
    m.u64(l.layout.align);
    m.str(", tag `");
    m.str(tag_name(l.tag.int));
    m.str("` at offset ");
    m.u64(l.tag.offset);
    let mut v = 0;
    while v < def.variants.len() {
        let var = &def.variants[v];
        let used = l.tag.size.saturating_add(field_bytes(var, target));
        m.str("\n  ");
        variant(m, def, v);
        m.str(": ");
        m.count(var.fields.len() as u64, "field", "fields");
        m.str(", ");
        m.count(used - l.tag.size, "byte", "bytes");
        m.str(", padding ");
        m.u64(l.layout.size.saturating_sub(used));
        v += 1;
    }
}

/// Checks that the engine's size and alignment of the enum `def` on the compiling target are
/// the compiler's for `T`, and panics with both if they differ: a wrong model cannot build.
pub const fn verify_enum<T>(def: &EnumDef<'_>) {
    let Some(target) = Target::CURRENT else {
        return;
    };
    let (size, align) = (
        core::mem::size_of::<T>() as u64,
        core::mem::align_of::<T>() as u64,
    );
    let mut m = Msg::<2048>::new();
    match enum_layout(def, target, &mut [], &mut []) {
        Ok(l) if l.layout.size == size && l.layout.align == align => return,
        Ok(l) => {
            m.str("layout-core predicts size ");
            m.u64(l.layout.size);
            m.str(" and alignment ");
            m.u64(l.layout.align);
            m.str(" for `");
            m.str(def.name);
            m.str("`, but rustc gives size ");
            m.u64(size);
            m.str(" and alignment ");
            m.u64(align);
        }
        Err(e) => {
            m.str("layout-core has no layout for `");
            m.str(def.name);
            m.str("` on the compiling target: ");
            m.str(e.kind_str());
        }
    }
    m.str(" on ");
    m.str(target.triple);
    m.str(". A field type is not what its model says: a name in scope that shadows a standard type (see the error on the fields, if any), or a wrong `layout_core::Model` impl (please report it).");
    panic!("{}", m.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EnumRepr;

    const BIG: [Field<'static>; 1] = [Field::new("0", "[u8; 1024]", Ty::Array(&Ty::U8, 1024))];
    const SMALL: [Field<'static>; 1] = [Field::new("0", "u64", Ty::Prim(Prim::U64))];
    const VARIANTS: [Variant<'static>; 3] = [
        Variant::new("Big", &BIG),
        Variant::new("Small", &SMALL),
        Variant::unit("Stop"),
    ];
    const CMD: EnumDef<'static> = EnumDef::new("Cmd", EnumRepr::int(Prim::U8), &VARIANTS);

    fn facts(target: &'static Target) -> EnumFacts {
        let mut variants = [NO_VARIANT; 3];
        let l = enum_layout(&CMD, target, &mut variants, &mut []).unwrap();
        enum_facts(&CMD, target, l, &variants)
    }

    #[test]
    fn the_largest_variant_is_measured_against_the_next() {
        let t = Target::find("64").unwrap();
        let f = facts(t);
        assert_eq!(f.layout.layout.size, 1032);
        assert_eq!(f.largest, (0, 1024));
        assert_eq!(f.second, Some((1, 15)));
        assert_eq!(f.fullest, (0, 7));
        let policy = |n| EnumPolicy {
            max_padding: None,
            size: None,
            align: None,
            max_variant_ratio: Some(n),
        };
        assert!(enum_broken(&policy(4), &f).ratio);
        assert!(!enum_broken(&policy(100), &f).ratio);
        assert_eq!(boxed_size::<3>(&CMD, t, 0), Some(16));
    }

    #[test]
    fn the_report_names_the_variant_and_the_boxed_size() {
        let t = Target::find("64").unwrap();
        let f = facts(t);
        let policy = EnumPolicy {
            max_padding: Some(0),
            size: None,
            align: None,
            max_variant_ratio: Some(4),
        };
        let b = enum_broken(&policy, &f);
        let mut m = Msg::<4096>::new();
        write_enum_broken::<3, _>(&mut m, &CMD, &policy, t, &f, &b);
        let text = m.as_str();
        assert!(
            text.contains(
                "variant `Big` carries 1024 bytes, 68.2 times the next largest, `Small` (15 bytes)"
            ),
            "{text}"
        );
        assert!(
            text.contains("`Big(Box<[u8; 1024]>)`) and `Cmd` shrinks to 16 bytes"),
            "{text}"
        );
        assert!(
            text.contains("fullest variant, `Big`, leaves 7 bytes"),
            "{text}"
        );
    }
}
