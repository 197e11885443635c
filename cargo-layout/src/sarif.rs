//! `--format sarif`: the structs that can shrink as SARIF 2.1.0 results, for code-scanning
//! services (GitHub's, GitLab's, IDE viewers): one result per struct, at its name's line, with
//! the saving and the suggested order in the message.

use serde_json::{Value, json};

use crate::enums::{EnumReport, EnumStatus};
use crate::scan::{Status, StructReport};

/// The rule of a struct (or an enum's variant) whose field order wastes padding.
pub const RULE: &str = "padding-waste";

/// The rule of an enum whose largest variant is much larger than the next.
pub const LARGE_VARIANT_RULE: &str = "large-enum-variant";

/// The SARIF document of a run.
pub fn render(reports: &[StructReport], enums: &[EnumReport]) -> String {
    let mut results: Vec<Value> = reports.iter().filter_map(result).collect();
    for e in enums {
        results.extend(enum_results(e));
    }
    document(results)
}

/// An enum's results: variant orders that shrink it, and a large variant.
fn enum_results(r: &EnumReport) -> Vec<Value> {
    let location = json!([{
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&r.file) },
            "region": { "startLine": r.line }
        }
    }]);
    let mut out = Vec::new();
    let (def, large) = match &r.status {
        EnumStatus::Laid { def, large, .. } | EnumStatus::Rustc { def, large, .. } => (*def, large),
        EnumStatus::Blocked(_) => return out,
    };
    if let Some((saving, target)) = r.best_saving().filter(|(s, _)| *s > 0)
        && let EnumStatus::Laid {
            shrink: Some(s), ..
        } = &r.status
    {
        let orders: Vec<String> = s
            .orders
            .iter()
            .map(|(v, order)| {
                let var = &s.def.variants[*v];
                let names: Vec<&str> = order.iter().map(|&i| var.fields[i].name).collect();
                format!("{} {{ {} }}", var.name, names.join(", "))
            })
            .collect();
        out.push(json!({
            "ruleId": RULE,
            "level": "warning",
            "message": { "text": format!(
                "`{}` saves {saving} bytes on {} with these variant field orders: {}",
                r.path, target.triple, orders.join("; ")
            ) },
            "locations": location,
            "properties": { "path": r.path, "saving": saving, "target": target.triple },
        }));
    }
    if let Some(l) = large.as_ref().filter(|l| l.flagged) {
        out.push(json!({
            "ruleId": LARGE_VARIANT_RULE,
            "level": "warning",
            "message": { "text": format!(
                "`{}`: variant `{}` takes {} bytes, the next largest (`{}`) {}: every value \
                 takes the room of the largest; boxing its fields would shrink the others",
                r.path, def.variants[l.largest].name, l.bytes, def.variants[l.next].name,
                l.next_bytes
            ) },
            "locations": location,
            "properties": { "path": r.path, "bytes": l.bytes, "nextBytes": l.next_bytes },
        }));
    }
    out
}

/// The rule of `--compiled`'s loud error: the engine's prediction for the host differs from
/// what the compiler did.
pub const MISMATCH_RULE: &str = "prediction-mismatch";

/// The SARIF document of `--compiled`: a `padding-waste` result per type whose declared order
/// a reordering would shrink, and an error per type whose compiled layout the engine's
/// prediction contradicts.
pub fn render_compiled(c: &crate::compiled::Compiled<'_>) -> String {
    let mut results = Vec::new();
    for e in &c.entries {
        let Some((file, line)) = e.location.as_deref().and_then(file_line) else {
            continue;
        };
        let location = json!([{ "physicalLocation": {
            "artifactLocation": { "uri": uri(file) },
            "region": { "startLine": line }
        }}]);
        let name = &e.compiled.name;
        if !e.mismatches.is_empty() {
            let what: Vec<String> = e
                .mismatches
                .iter()
                .map(|m| {
                    format!(
                        "{}: compiled {:?}, predicted {:?}",
                        m.what, m.compiled, m.predicted
                    )
                })
                .collect();
            results.push(json!({
                "ruleId": MISMATCH_RULE,
                "level": "error",
                "message": { "text": format!(
                    "`{name}`: the engine's prediction for {} differs from the compiler's layout \
                     ({}); a bug of cargo-layout, please report it", c.host.triple, what.join("; ")) },
                "locations": location,
            }));
        }
        if e.saving() > 0 && e.rustc_order == Some(false) {
            results.push(json!({
                "ruleId": RULE,
                "level": "warning",
                "message": { "text": format!(
                    "`{name}` is {} bytes compiled for {} and some field order makes it {} \
                     (saves {})", e.compiled.size, c.host.triple,
                    e.compiled.size - e.saving(), e.saving()) },
                "locations": location,
                "properties": { "saving": e.saving(), "target": c.host.triple },
            }));
        }
    }
    document(results)
}

/// `src/lib.rs:12` as its file and line.
fn file_line(location: &str) -> Option<(&str, u64)> {
    let (file, line) = location.rsplit_once(':')?;
    Some((file, line.parse().ok()?))
}

fn document(results: Vec<Value>) -> String {
    let doc = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": { "driver": {
                "name": "cargo-layout",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(),
                "rules": [{
                    "id": MISMATCH_RULE,
                    "name": "PredictionMismatch",
                    "shortDescription": { "text": "cargo-layout's prediction contradicts the compiler" },
                    "defaultConfiguration": { "level": "error" }
                }, {
                    "id": RULE,
                    "name": "PaddingWaste",
                    "shortDescription": { "text": "A struct's field order wastes padding" },
                    "fullDescription": { "text": "Another order of the fields makes the \
                        struct smaller on some target (repr(C): the declared order is the \
                        layout order). `cargo layout --fix` rewrites it, unless the order \
                        means something (FFI, serialization, byte views, derives)." },
                    "defaultConfiguration": { "level": "warning" }
                }, {
                    "id": LARGE_VARIANT_RULE,
                    "name": "LargeEnumVariant",
                    "shortDescription": { "text": "An enum's largest variant is many times the next largest" },
                    "fullDescription": { "text": "Every value of an enum takes the room of its \
                        largest variant. `--max-variant-ratio N` (default 4) sets how many \
                        times the next largest variant's bytes it may take." },
                    "defaultConfiguration": { "level": "warning" }
                }]
            }},
            "results": results
        }]
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
    text.push('\n');
    text
}

/// The repository of this tool, else its crates.io page.
fn information_uri() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => "https://crates.io/crates/cargo-layout",
        repo => repo,
    }
}

/// A struct's result, if it can shrink.
fn result(r: &StructReport) -> Option<Value> {
    let (saving, target) = r.best_saving().filter(|(s, _)| *s > 0)?;
    let Status::Laid { on, .. } = &r.status else {
        return None;
    };
    let laid = on
        .iter()
        .find(|o| o.target.triple == target.triple)?
        .result
        .as_ref()
        .ok()?;
    let suggestion = laid.suggestion.as_ref()?;
    let fields = laid.layout.def.fields;
    let order: Vec<&str> = suggestion.order.iter().map(|&i| fields[i].name).collect();
    let others: Vec<String> = on
        .iter()
        .filter(|o| o.target.triple != target.triple)
        .filter_map(|o| {
            let s = o.result.as_ref().ok()?.saving();
            (s > 0).then(|| format!("{s} on {}", o.target.triple))
        })
        .collect();
    let mut text = format!(
        "`{}` can be {} bytes instead of {} on {} (saves {saving}) with the fields in the \
         order: {}",
        r.path,
        suggestion.size,
        laid.layout.size(),
        target.triple,
        order.join(", ")
    );
    if !others.is_empty() {
        text.push_str(&format!("; also saves {}", others.join(", ")));
    }
    if let Some(refusal) = r.refusals.iter().find(|f| f.allowed.is_none()) {
        text.push_str(&format!("; --fix leaves it alone: {}", refusal.message));
    }
    Some(json!({
        "ruleId": RULE,
        "level": "warning",
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&r.file) },
                "region": { "startLine": r.line }
            }
        }],
        "properties": {
            "path": r.path,
            "saving": saving,
            "target": target.triple,
            "suggestedOrder": order,
        }
    }))
}

/// A file as a URI reference: relative paths as they are (with `/`), absolute ones as
/// `file://` URIs.
fn uri(file: &str) -> String {
    let slashed = file.replace('\\', "/");
    if slashed.starts_with('/') {
        format!("file://{slashed}")
    } else {
        slashed
    }
}
