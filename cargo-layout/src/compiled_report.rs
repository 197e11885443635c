//! The `--compiled` report as text and JSON (see the README's "Compiled layouts" section).

use std::fmt::Write as _;

use layout_dwarf::{TagEncoding, TypeKind};
use serde_json::{Value, json};

use crate::compiled::{Compiled, Entry, Mismatch};
use crate::scan::Status;
use crate::source::{Diag, Level};

/// Short target names for column heads: the architecture, unless two columns share it.
fn short(triple: &str) -> &str {
    triple.split('-').next().unwrap_or(triple)
}

/// The text report: mismatches first (loudly), then every type, the scanned types with no
/// compiled layout, and a summary.
pub fn text(c: &Compiled<'_>) -> String {
    let mut out = String::new();
    let wrong: Vec<&Entry<'_>> = c
        .entries
        .iter()
        .filter(|e| !e.mismatches.is_empty())
        .collect();
    if !wrong.is_empty() {
        let _ = writeln!(
            out,
            "!!! {} where the compiler and cargo-layout's engine disagree on {}",
            count(wrong.len(), "type"),
            c.host.triple
        );
        let _ = writeln!(
            out,
            "!!! the compiled numbers are the truth: this is a bug of cargo-layout, please \
             report it with this section"
        );
        for e in &wrong {
            let _ = writeln!(out, "!!! {}{}", e.compiled.name, at(e));
            for m in &e.mismatches {
                let _ = writeln!(out, "!!!     {}", mismatch(m));
            }
        }
        out.push('\n');
    }
    for e in &c.entries {
        entry(&mut out, e, c);
        out.push('\n');
    }
    if !c.missing.is_empty() {
        let _ = writeln!(
            out,
            "not compiled: {} the source scan found {} no layout in this build:",
            count(c.missing.len(), "type"),
            if c.missing.len() == 1 { "has" } else { "have" }
        );
        for m in &c.missing {
            let _ = writeln!(out, "  {}  {}  {}", m.path, m.location, m.message);
        }
        out.push('\n');
    }
    summary(&mut out, c);
    out
}

fn at(e: &Entry<'_>) -> String {
    e.location
        .as_ref()
        .filter(|l| !l.is_empty())
        .map(|l| format!(" ({l})"))
        .unwrap_or_default()
}

fn mismatch(m: &Mismatch) -> String {
    let v = |x: Option<u64>, absent: &str| x.map_or_else(|| absent.to_owned(), |x| x.to_string());
    format!(
        "{}: compiled {}, predicted {}",
        m.what,
        v(m.compiled, "(no such field)"),
        v(m.predicted, "(no such field)")
    )
}

fn kind(k: TypeKind) -> &'static str {
    match k {
        TypeKind::Struct => "struct",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::Tuple => "tuple",
    }
}

fn entry(out: &mut String, e: &Entry<'_>, c: &Compiled<'_>) {
    let t = e.compiled;
    let repr = match (e.scanned.and_then(|r| r.repr), e.rustc_order) {
        (Some(r), _) => format!("{} ", repr_text(r)),
        _ => String::new(),
    };
    let _ = writeln!(out, "{}{}", t.name, at(e));
    let _ = writeln!(
        out,
        "{repr}{} compiled for {}: size {}, align {}",
        kind(t.kind),
        c.host.triple,
        t.size,
        t.align.map_or_else(|| "?".to_owned(), |a| a.to_string())
    );
    // The table: offsets, sizes, fields and holes in memory order (layout-dwarf's rendering
    // without its header).
    let table = layout_dwarf::render::table(t);
    for line in table.lines().skip(1) {
        if line.starts_with("padding ") {
            continue;
        }
        let _ = writeln!(out, "{line}");
    }
    if let Some(layout) = &t.enum_layout {
        match layout.tag.as_ref().map(|tag| &tag.encoding) {
            Some(TagEncoding::Niche { untagged, field }) => {
                let _ = writeln!(
                    out,
                    "niche: the tag is stored in invalid values of {untagged}{}; no separate tag bytes",
                    field.as_ref().map(|f| format!(".{f}")).unwrap_or_default()
                );
            }
            Some(TagEncoding::Direct) => {}
            None => {
                let _ = writeln!(out, "no tag (one variant or none)");
            }
        }
    }
    let mut last = format!("size {}, padding {}", t.size, t.padding());
    if t.kind == TypeKind::Enum {
        last.push_str(" (bytes no variant uses)");
    }
    if let Some(min) = e.min_size {
        if e.rustc_order == Some(true) {
            let _ = write!(
                last,
                "; repr(Rust): the order above is rustc's; the minimum any order reaches is {min}"
            );
        } else if min < t.size {
            let _ = write!(
                last,
                ", minimum {min} by reordering (saves {})",
                t.size - min
            );
        } else {
            let _ = write!(last, ", already the minimum any order reaches");
        }
    }
    let _ = writeln!(out, "{last}");
    match (&e.scanned, &e.not_compared, e.mismatches.is_empty()) {
        (_, _, false) => {
            let _ = writeln!(
                out,
                "DISAGREES with the engine's prediction for {} (see the top of the report)",
                c.host.triple
            );
        }
        (Some(_), Some(why), true) => {
            let _ = writeln!(out, "not checked against the engine: {why}");
        }
        (Some(_), None, true) => {
            let _ = writeln!(
                out,
                "checked: the engine's prediction for {} is the same",
                c.host.triple
            );
        }
        (None, _, _) => {}
    }
    predictions(out, e, c);
}

fn repr_text(r: layout_engine::Repr) -> String {
    let mut parts = vec![
        match r.base {
            layout_engine::ReprBase::C => "C",
            layout_engine::ReprBase::Rust => "Rust",
            layout_engine::ReprBase::Transparent => "transparent",
        }
        .to_owned(),
    ];
    if let Some(p) = r.packed {
        parts.push(if p == 1 {
            "packed".to_owned()
        } else {
            format!("packed({p})")
        });
    }
    if let Some(a) = r.align {
        parts.push(format!("align({a})"));
    }
    format!("#[repr({})]", parts.join(", "))
}

/// The other targets' columns: the engine's predictions beside the compiled numbers.
fn predictions(out: &mut String, e: &Entry<'_>, c: &Compiled<'_>) {
    if c.others.is_empty() {
        return;
    }
    let Some(Status::Laid {
        def,
        on,
        rustc_choice,
        ..
    }) = e.scanned.map(|r| &r.status)
    else {
        if e.compiled.crate_name.is_some() {
            let _ = writeln!(
                out,
                "other targets: no prediction ({})",
                match (e.scanned, &e.not_compared) {
                    (Some(_), Some(why)) => why.clone(),
                    _ if e.compiled.name.contains('<') =>
                        "a generic instantiation: the source scan models generics only inside \
                         the types that use them"
                            .to_owned(),
                    _ if e.compiled.kind == TypeKind::Enum =>
                        "the source scan does not model enums yet".to_owned(),
                    _ => "the source scan did not find it (made by a macro?)".to_owned(),
                }
            );
        }
        return;
    };
    let t = e.compiled;
    let errors: Vec<&String> = on
        .iter()
        .skip(1)
        .filter_map(|o| o.result.as_ref().err())
        .collect();
    if errors.len() == c.others.len() {
        if errors.iter().all(|e| *e == errors[0]) {
            let _ = writeln!(out, "other targets: no prediction: {}", errors[0]);
        } else {
            for (o, target) in on.iter().skip(1).zip(&c.others) {
                if let Err(why) = &o.result {
                    let _ = writeln!(out, "{}: no prediction: {why}", target.triple);
                }
            }
        }
        return;
    }
    let mut head = vec![
        String::new(),
        format!("{} (compiled)", short(c.host.triple)),
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let cell = |v: Option<u64>| v.map_or_else(|| "-".to_owned(), |v| v.to_string());
    let mut size_row = vec!["size".to_owned(), t.size.to_string()];
    let mut align_row = vec![
        "align".to_owned(),
        t.align.map_or_else(|| "?".into(), |a| a.to_string()),
    ];
    let mut min_row = vec!["minimum".to_owned(), cell(e.min_size)];
    let mut field_rows: Vec<Vec<String>> = def
        .fields
        .iter()
        .map(|f| {
            let name = if f.name.bytes().all(|b| b.is_ascii_digit()) {
                format!("__{}", f.name)
            } else {
                f.name.to_owned()
            };
            let compiled = t.fields.iter().find(|x| x.name == name);
            vec![
                format!("{} offset", f.name),
                cell(compiled.map(|x| x.offset)),
            ]
        })
        .collect();
    for (o, target) in on
        .iter()
        .zip(std::iter::once(c.host).chain(c.others.iter().copied()))
    {
        if target.triple == c.host.triple {
            continue;
        }
        head.push(short(target.triple).to_owned());
        match &o.result {
            Ok(laid) => {
                let l = &laid.layout;
                size_row.push(if *rustc_choice {
                    "rustc".to_owned()
                } else {
                    l.size().to_string()
                });
                align_row.push(l.align().to_string());
                min_row.push(l.min_size().to_string());
                for (row, f) in field_rows.iter_mut().zip(&l.fields) {
                    row.push(if *rustc_choice {
                        "rustc".to_owned()
                    } else {
                        f.offset.to_string()
                    });
                }
            }
            Err(_) => {
                for row in [&mut size_row, &mut align_row, &mut min_row]
                    .into_iter()
                    .chain(field_rows.iter_mut())
                {
                    row.push("-".to_owned());
                }
            }
        }
    }
    rows.push(size_row);
    rows.push(align_row);
    rows.push(min_row);
    rows.extend(field_rows);
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, String::len))
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == 0 {
                let _ = write!(s, "{cell:<w$}", w = widths[0]);
            } else {
                let _ = write!(s, "  {cell:>w$}", w = widths[i]);
            }
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(&head));
    for r in &rows {
        let _ = writeln!(out, "{}", line(r));
    }
    for (o, target) in on
        .iter()
        .zip(std::iter::once(c.host).chain(c.others.iter().copied()))
    {
        if let Err(why) = &o.result
            && target.triple != c.host.triple
        {
            let _ = writeln!(out, "{}: no prediction: {why}", target.triple);
        }
    }
    if *rustc_choice {
        let _ = writeln!(
            out,
            "rustc: repr(Rust) chooses the order on each target, so only the host's is known"
        );
    }
}

fn summary(out: &mut String, c: &Compiled<'_>) {
    let checked = c
        .entries
        .iter()
        .filter(|e| e.scanned.is_some() && e.not_compared.is_none())
        .count();
    let wrong = c
        .entries
        .iter()
        .filter(|e| !e.mismatches.is_empty())
        .count();
    let _ = writeln!(
        out,
        "summary: {} of package `{}` compiled for {}, {} shown; {} checked against the \
         engine's prediction, {}; {} without a compiled layout",
        count(c.total, "type"),
        c.package,
        c.host.triple,
        c.entries.len(),
        checked,
        if wrong == 0 {
            "all agree".to_owned()
        } else {
            format!("{wrong} DISAGREE (exit status 3)")
        },
        c.missing.len()
    );
    let mut wasteful: Vec<&Entry<'_>> = c.entries.iter().filter(|e| e.waste() > 0).collect();
    wasteful.sort_by(|a, b| {
        b.waste()
            .cmp(&a.waste())
            .then(a.compiled.name.cmp(&b.compiled.name))
    });
    if !wasteful.is_empty() {
        let _ = writeln!(out, "padding, largest first:");
        for e in wasteful.iter().take(10) {
            let saving = if e.saving() > 0 && e.rustc_order != Some(true) {
                format!(", reordering saves {}", e.saving())
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{:>6}  {}  of {} bytes{saving}",
                e.waste(),
                e.compiled.name,
                e.compiled.size
            );
        }
        if wasteful.len() > 10 {
            let _ = writeln!(out, "  ... and {} more", wasteful.len() - 10);
        }
    }
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The JSON document (schema in the README).
pub fn json(c: &Compiled<'_>, diags: &[Diag]) -> String {
    let types: Vec<Value> = c.entries.iter().map(|e| json_entry(e, c)).collect();
    let missing: Vec<Value> = c
        .missing
        .iter()
        .map(|m| {
            json!({ "path": m.path, "location": m.location, "reason": m.reason,
                    "message": m.message })
        })
        .collect();
    let diagnostics: Vec<Value> = diags
        .iter()
        .map(|d| {
            json!({
                "level": match d.level { Level::Error => "error", Level::Note => "note" },
                "file": d.file, "line": d.line, "column": d.column, "message": d.message,
            })
        })
        .collect();
    let mut targets = vec![c.host.triple];
    targets.extend(c.others.iter().map(|t| t.triple));
    let doc = json!({
        "version": 1,
        "mode": "compiled",
        "package": c.package,
        "host": c.host.triple,
        "targets": targets,
        "types": types,
        "unreached": missing,
        "summary": {
            "types": c.total,
            "shown": c.entries.len(),
            "checked": c.entries.iter().filter(|e| e.scanned.is_some() && e.not_compared.is_none()).count(),
            "mismatches": c.entries.iter().filter(|e| !e.mismatches.is_empty()).count(),
            "unreached": c.missing.len(),
        },
        "diagnostics": diagnostics,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    text.push('\n');
    text
}

fn json_entry(e: &Entry<'_>, c: &Compiled<'_>) -> Value {
    let t = e.compiled;
    let check = match (&e.scanned, &e.not_compared) {
        _ if !e.mismatches.is_empty() => "disagrees",
        (Some(_), None) => "agrees",
        (Some(_), Some(_)) => "not_compared",
        (None, _) => "not_scanned",
    };
    let mismatches: Vec<Value> = e
        .mismatches
        .iter()
        .map(|m| json!({ "what": m.what, "compiled": m.compiled, "predicted": m.predicted }))
        .collect();
    let predictions: Vec<Value> = match e.scanned.map(|r| &r.status) {
        Some(Status::Laid {
            def,
            on,
            rustc_choice,
            ..
        }) => on
            .iter()
            .skip(1)
            .zip(&c.others)
            .map(|(o, target)| match &o.result {
                Ok(laid) => {
                    let l = &laid.layout;
                    let fields: Vec<Value> = def
                        .fields
                        .iter()
                        .zip(&l.fields)
                        .map(|(f, x)| {
                            json!({
                                "name": f.name,
                                "offset": (!rustc_choice).then_some(x.offset),
                                "size": x.size,
                                "align": x.align,
                            })
                        })
                        .collect();
                    json!({
                        "target": target.triple, "error": null,
                        "size": (!rustc_choice).then_some(l.size()),
                        "align": l.align(), "min_size": l.min_size(), "fields": fields,
                    })
                }
                Err(why) => json!({
                    "target": target.triple, "error": why, "size": null, "align": null,
                    "min_size": null, "fields": [],
                }),
            })
            .collect(),
        _ => Vec::new(),
    };
    json!({
        "name": t.name,
        "crate": t.crate_name,
        "kind": t.kind,
        "path": e.scanned.map(|r| r.path.clone()),
        "location": e.location,
        "repr": e.scanned.and_then(|r| r.repr).map(repr_text),
        "order": e.rustc_order.map(|r| if r { "rustc" } else { "declared" }),
        "size": t.size,
        "align": t.align,
        "fields": t.fields,
        "holes": t.holes,
        "tail_padding": t.tail_padding,
        "padding": t.padding(),
        "min_size": e.min_size,
        "saving": e.saving(),
        "enum": t.enum_layout,
        "check": {
            "status": check,
            "reason": e.not_compared,
            "mismatches": mismatches,
        },
        "predictions": predictions,
    })
}
