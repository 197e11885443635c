//! Every reported struct on every target: the engine's layout, the fewest-moves order from
//! `order::suggest`, and what differs between targets. Nothing here computes a layout or an
//! order itself; it only asks the engine and collects the answers.

use layout_engine::order::{Constraints, Suggestion};
use layout_engine::{LayoutError, ReprBase, Shape, StructDef, StructLayout, Target};

/// One struct's layout on one target, with the suggested order.
#[derive(Debug)]
pub struct OnTarget {
    /// The target.
    pub target: &'static Target,
    /// The layout, or why the engine has none on this target.
    pub result: Result<Laid, String>,
}

/// A computed layout and what reordering gives.
#[derive(Debug)]
pub struct Laid {
    /// The engine's layout.
    pub layout: StructLayout<'static>,
    /// The fewest-moves order for the smallest reachable size; `None` when the order is not the
    /// source's to choose (unions, `repr(Rust)`, `repr(transparent)`) or when the constraints
    /// cannot be met (`suggestion_error`).
    pub suggestion: Option<Suggestion>,
    /// Why there is no suggestion although the order is the source's (conflicting pinned and
    /// hot fields, say).
    pub suggestion_error: Option<String>,
}

impl Laid {
    /// Bytes the suggested order saves (0 without a suggestion).
    pub fn saving(&self) -> u64 {
        self.suggestion.as_ref().map_or(0, Suggestion::saved)
    }
}

/// A number that is not the same on every target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The field, or `None` for the struct itself.
    pub field: Option<&'static str>,
    /// `size`, `align` or (fields only) `offset`, `size`, `align`, or `present` (1 where the
    /// target's definition has the field, 0 where a `#[cfg]` leaves it out).
    pub property: &'static str,
    /// Each distinct value with the targets that have it, in target order.
    pub values: Vec<(u64, Vec<&'static str>)>,
}

/// The constraints on a struct's order, from markers and `#[layout(...)]` attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderRules {
    /// Declared indices that stay where they are (`pin`, `#[layout(pinned)]`).
    pub pinned: Vec<usize>,
    /// Declared indices placed first, in the fewest cache lines (`#[layout(hot)]`).
    pub hot: Vec<usize>,
    /// The cache line size for `hot` (`#[layout(cache_line = N)]`, else 64).
    pub cache_line: u64,
}

/// Lays `def` out on each target, with the fewest-moves order that respects `rules`.
pub fn on_targets(
    def: &'static StructDef<'static>,
    targets: &[&'static Target],
    rules: &OrderRules,
) -> Vec<OnTarget> {
    targets
        .iter()
        .map(|&target| OnTarget {
            target,
            result: lay_out(def, target, rules),
        })
        .collect()
}

fn lay_out(
    def: &'static StructDef<'static>,
    target: &'static Target,
    rules: &OrderRules,
) -> Result<Laid, String> {
    let layout = def.layout_on(target).map_err(|e| explain(def, &e))?;
    let reorderable = def.shape == Shape::Struct && def.repr.base == ReprBase::C;
    // The engine's own search (`StructLayout::suggest`, over `order::suggest`); only for the
    // types whose order is the source's.
    let suggestion = reorderable.then(|| {
        layout.suggest(
            Constraints::NONE
                .pinned(&rules.pinned)
                .hot(&rules.hot)
                .cache_line(rules.cache_line.max(1)),
        )
    });
    let (suggestion, suggestion_error) = match suggestion {
        Some(Ok(s)) => (Some(s), None),
        Some(Err(e)) => (None, Some(format!("no suggested order: {e}"))),
        None => (None, None),
    };
    Ok(Laid {
        layout,
        suggestion,
        suggestion_error,
    })
}

/// The engine's error, with the field it comes from when it can be told.
fn explain(def: &StructDef<'_>, e: &LayoutError<'_>) -> String {
    let ty = match e {
        LayoutError::NoModel { ty }
        | LayoutError::HostOnly { ty }
        | LayoutError::Unpredictable { ty }
        | LayoutError::TooBig { ty } => Some(*ty),
        _ => None,
    };
    let field = ty.and_then(|ty| {
        def.fields
            .iter()
            .find(|f| f.ty_name == ty || mentions(f.ty, ty))
    });
    match field {
        Some(f) if ty != Some(def.name) => format!("field `{}`: {e}", f.name),
        _ => e.to_string(),
    }
}

/// Whether a field type is, or nests by value, the type named `name`.
fn mentions(ty: layout_engine::Ty<'_>, name: &str) -> bool {
    match ty {
        layout_engine::Ty::Struct(d) => {
            d.name == name || d.fields.iter().any(|f| mentions(f.ty, name))
        }
        layout_engine::Ty::Enum(d) => {
            d.name == name
                || d.variants
                    .iter()
                    .flat_map(|v| v.fields)
                    .any(|f| mentions(f.ty, name))
        }
        layout_engine::Ty::Array(e, _) => mentions(*e, name),
        layout_engine::Ty::Host { name: n, .. }
        | layout_engine::Ty::Opaque { name: n }
        | layout_engine::Ty::Fixed { name: n, .. } => n == name,
        _ => false,
    }
}

/// What differs between the targets that have a layout: the struct's size and alignment, and
/// each field's offset, size and alignment.
pub fn differences(on: &[OnTarget]) -> Vec<Difference> {
    let laid: Vec<(&'static str, &StructLayout<'static>)> = on
        .iter()
        .filter_map(|o| o.result.as_ref().ok().map(|l| (o.target.triple, &l.layout)))
        .collect();
    if laid.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let check = |out: &mut Vec<Difference>,
                 field: Option<&'static str>,
                 property: &'static str,
                 value: &dyn Fn(&StructLayout<'static>) -> u64| {
        let mut values: Vec<(u64, Vec<&'static str>)> = Vec::new();
        for (triple, l) in &laid {
            let v = value(l);
            match values.iter_mut().find(|(x, _)| *x == v) {
                Some((_, ts)) => ts.push(triple),
                None => values.push((v, vec![triple])),
            }
        }
        if values.len() > 1 {
            out.push(Difference {
                field,
                property,
                values,
            });
        }
    };
    check(&mut out, None, "size", &|l| l.size());
    check(&mut out, None, "align", &|l| l.align());
    // Fields by name: a target's definition may lack some (`#[cfg]`) or order them otherwise.
    let mut names: Vec<&'static str> = Vec::new();
    for (_, l) in &laid {
        for f in l.def.fields {
            if !names.contains(&f.name) {
                names.push(f.name);
            }
        }
    }
    let field = |l: &StructLayout<'static>, name: &str| {
        let i = l.def.fields.iter().position(|f| f.name == name)?;
        Some(l.fields[i])
    };
    for name in names {
        let missing: Vec<&'static str> = laid
            .iter()
            .filter(|(_, l)| field(l, name).is_none())
            .map(|(t, _)| *t)
            .collect();
        if !missing.is_empty() {
            let present = laid
                .iter()
                .filter(|(_, l)| field(l, name).is_some())
                .map(|(t, _)| *t)
                .collect();
            out.push(Difference {
                field: Some(name),
                property: "present",
                values: vec![(1, present), (0, missing)],
            });
            continue;
        }
        check(&mut out, Some(name), "offset", &|l| {
            field(l, name).map_or(0, |f| f.offset)
        });
        check(&mut out, Some(name), "size", &|l| {
            field(l, name).map_or(0, |f| f.size)
        });
        check(&mut out, Some(name), "align", &|l| {
            field(l, name).map_or(0, |f| f.align)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout_engine::{Field, Prim, Ty};

    static FIELDS: [Field<'static>; 3] = [
        Field::new("a", "i8", Ty::Prim(Prim::I8)),
        Field::new("b", "i64", Ty::Prim(Prim::I64)),
        Field::new("c", "i16", Ty::Prim(Prim::I16)),
    ];
    static T1: StructDef<'static> = StructDef::repr_c("T1", &FIELDS);

    #[test]
    fn t1_on_64_and_32_bit() {
        let targets = [Target::find("64").unwrap(), Target::find("32").unwrap()];
        let on = on_targets(&T1, &targets, &OrderRules::default());
        let x86_64 = on[0].result.as_ref().unwrap();
        assert_eq!((x86_64.layout.size(), x86_64.saving()), (24, 8));
        // One move: `b` goes last (a, c, b), rather than sorting (b, c, a).
        assert_eq!(x86_64.suggestion.as_ref().unwrap().order, [0, 2, 1]);
        let d = differences(&on);
        let what: Vec<(Option<&str>, &str)> = d.iter().map(|d| (d.field, d.property)).collect();
        assert_eq!(
            what,
            [
                (None, "size"),
                (None, "align"),
                (Some("b"), "offset"),
                (Some("b"), "align"),
                (Some("c"), "offset")
            ]
        );
        assert_eq!(
            d[3].values,
            [
                (8, vec!["x86_64-unknown-linux-gnu"]),
                (4, vec!["i686-unknown-linux-gnu"])
            ]
        );
    }

    #[test]
    fn pinned_fields_stay() {
        let rules = OrderRules {
            pinned: vec![0],
            ..OrderRules::default()
        };
        let on = on_targets(&T1, &[Target::find("64").unwrap()], &rules);
        let s = on[0].result.as_ref().unwrap().suggestion.as_ref().unwrap();
        assert_eq!(s.order[0], 0);
    }
}
