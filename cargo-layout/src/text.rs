//! The human-readable report: the engine's own views (the pahole-like table of a layout, the
//! side-by-side comparison of targets, the reordered field list), a line per difference
//! between targets, the structs without a model, and a summary sorted by bytes wasted.

use std::fmt::Write;

use layout_engine::{Comparison, StructLayout, Target};

use crate::analyze::{Difference, OnTarget};
use crate::enums::{EnumOnTarget, EnumReport, EnumStatus, LargeVariant, Shrink};
use crate::refusal::Allowed;
use crate::scan::{Status, StructReport};

/// At most this many targets are named in a list; the rest are counted.
const NAMED: usize = 4;

/// The whole text report, built in memory (`--fix` keeps every report for its rounds anyway).
pub fn render(
    reports: &[StructReport],
    enums: &[EnumReport],
    targets: &[&'static Target],
    ratio: u64,
) -> String {
    let mut w = Writer::new(Vec::new(), targets, ratio);
    for r in reports {
        w.write_struct(r);
    }
    for e in enums {
        w.write_enum(e);
    }
    let bytes = w.finish().unwrap_or_default();
    String::from_utf8(bytes).expect("the report is built from `str`s")
}

/// The text report written as it is produced: each section as soon as its struct or enum is
/// analysed, keeping only the summary's rows, so the report's size does not limit the run.
/// Structs come before enums, as [`render`] gives them.
pub struct Writer<W: std::io::Write> {
    out: W,
    /// The first write error; nothing more is written after it.
    error: Option<std::io::Error>,
    /// Sections are built here, one at a time, then written.
    section: String,
    targets: Vec<&'static Target>,
    ratio: u64,
    structs: Summary,
    enums: Summary,
    /// Enums with a variant flagged as large.
    large_enums: usize,
    /// Enums without a layout.
    blocked_enums: usize,
    /// The file of the last row, shared by the next rows of the same file.
    last_file: std::rc::Rc<str>,
}

/// What the summary of structs (or enums) needs of each one.
#[derive(Default)]
struct Summary {
    reported: usize,
    shrink: Vec<ShrinkRow>,
    /// Structs without a layout (enums are only counted).
    blocked: Vec<BlockedRow>,
}

/// An item that can shrink, for the list sorted by bytes saved.
struct ShrinkRow {
    path: Box<str>,
    /// Shared by the rows of one file.
    file: std::rc::Rc<str>,
    line: usize,
    saving: u64,
    target: &'static Target,
    /// Its size and its size in the suggested order on `target` (structs only).
    sizes: (u64, u64),
}

/// A struct without a layout, and why (the first reason).
struct BlockedRow {
    path: Box<str>,
    at: Box<str>,
    what: Box<str>,
}

impl<W: std::io::Write> Writer<W> {
    /// A report on `targets` (`ratio`: `--max-variant-ratio`) written to `out`.
    pub fn new(out: W, targets: &[&'static Target], ratio: u64) -> Self {
        Writer {
            out,
            error: None,
            section: String::new(),
            targets: targets.to_vec(),
            ratio,
            structs: Summary::default(),
            enums: Summary::default(),
            large_enums: 0,
            blocked_enums: 0,
            last_file: std::rc::Rc::from(""),
        }
    }

    /// Writes the section of one struct or union.
    pub fn write_struct(&mut self, r: &StructReport) {
        let targets = std::mem::take(&mut self.targets);
        self.section(|out| struct_section(out, r, &targets));
        self.targets = targets;
        self.structs.reported += 1;
        if let Some((saving, target)) = r.best_saving().filter(|(s, _)| *s > 0) {
            let row = self.row(
                (&r.path, &r.file, r.line),
                saving,
                target,
                sizes_on(r, target),
            );
            self.structs.shrink.push(row);
        }
        if r.has_no_layout() {
            let what = match &r.status {
                Status::Blocked(b) if b.fields[0].field.is_empty() => b.fields[0].reason.clone(),
                Status::Blocked(b) => format!("field `{}`", b.fields[0].field),
                Status::Laid { .. } => "an error on every target".to_owned(),
            };
            self.structs.blocked.push(BlockedRow {
                path: r.path.as_str().into(),
                at: format!("{}:{}", r.file, r.line).into(),
                what: what.into(),
            });
        }
    }

    /// Writes the section of one enum.
    pub fn write_enum(&mut self, e: &EnumReport) {
        let (targets, ratio) = (std::mem::take(&mut self.targets), self.ratio);
        self.section(|out| enum_section(out, e, &targets, ratio));
        self.targets = targets;
        self.enums.reported += 1;
        if let Some((saving, target)) = e.best_saving().filter(|(s, _)| *s > 0) {
            let row = self.row((&e.path, &e.file, e.line), saving, target, (0, 0));
            self.enums.shrink.push(row);
        }
        self.blocked_enums += usize::from(e.has_no_layout());
        let large = match &e.status {
            EnumStatus::Laid { large, .. } | EnumStatus::Rustc { large, .. } => {
                large.as_ref().is_some_and(|l| l.flagged)
            }
            EnumStatus::Blocked(_) => false,
        };
        self.large_enums += usize::from(large);
    }

    /// Writes the summaries and hands back the output, or the first write error.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.summary();
        if self.enums.reported > 0 {
            self.enum_summary();
        }
        if self.error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.error = Some(e);
        }
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    /// The structs' summary, a line at a time (it has a line per struct that can shrink).
    fn summary(&mut self) {
        let mut structs = std::mem::take(&mut self.structs);
        let shrink = &mut structs.shrink;
        shrink.sort_by(|a, b| b.saving.cmp(&a.saving).then_with(|| a.path.cmp(&b.path)));
        let target_names: Vec<&str> = self.targets.iter().map(|t| t.triple).collect();
        let mut line = format!(
            "summary: {} reported on {}, {} can shrink, {} without a layout\n",
            count(structs.reported, "struct"),
            name_list(&target_names),
            shrink.len(),
            structs.blocked.len()
        );
        self.emit(&line);
        if !shrink.is_empty() {
            let width = shrink.iter().map(|r| r.path.len()).max().unwrap_or(0);
            let at_width = shrink
                .iter()
                .map(|r| r.file.len() + 1 + r.line.to_string().len())
                .max()
                .unwrap_or(0);
            self.emit("bytes saved by reordering, largest first:\n");
            for r in shrink.iter() {
                let (size, new) = r.sizes;
                let at = format!("{}:{}", r.file, r.line);
                line.clear();
                let _ = writeln!(
                    line,
                    "{:>6}  {:width$}  {at:at_width$}  {size} -> {new} on {}",
                    r.saving, r.path, r.target.triple
                );
                self.emit(&line);
            }
        }
        if !structs.blocked.is_empty() {
            self.emit("without a layout (see above):\n");
            let rows = &structs.blocked;
            let width = rows.iter().map(|r| r.path.len()).max().unwrap_or(0);
            let at_width = rows.iter().map(|r| r.at.len()).max().unwrap_or(0);
            for r in rows {
                line.clear();
                let _ = writeln!(
                    line,
                    "        {:width$}  {:at_width$}  {}",
                    r.path, r.at, r.what
                );
                self.emit(&line);
            }
        }
    }

    /// The enums' summary, a line at a time.
    fn enum_summary(&mut self) {
        let mut enums = std::mem::take(&mut self.enums);
        enums
            .shrink
            .sort_by(|a, b| b.saving.cmp(&a.saving).then_with(|| a.path.cmp(&b.path)));
        let mut line = format!(
            "enums: {} reported, {} can shrink, {} with a large variant, {} without a layout\n",
            enums.reported,
            enums.shrink.len(),
            self.large_enums,
            self.blocked_enums
        );
        self.emit(&line);
        for r in &enums.shrink {
            line.clear();
            let _ = writeln!(
                line,
                "{:>6}  {}  {}:{}  on {}",
                r.saving, r.path, r.file, r.line, r.target.triple
            );
            self.emit(&line);
        }
    }

    /// Builds one section in the reused buffer, then writes it and a blank line.
    fn section(&mut self, build: impl FnOnce(&mut String)) {
        let mut out = std::mem::take(&mut self.section);
        out.clear();
        build(&mut out);
        out.push('\n');
        self.emit(&out);
        self.section = out;
    }

    /// The summary row of an item (`path`, `file`, `line`) that can shrink.
    fn row(
        &mut self,
        (path, file, line): (&str, &str, usize),
        saving: u64,
        target: &'static Target,
        sizes: (u64, u64),
    ) -> ShrinkRow {
        ShrinkRow {
            path: path.into(),
            file: self.file(file),
            line,
            saving,
            target,
            sizes,
        }
    }

    /// `file`, shared with the last row's when it is the same.
    fn file(&mut self, file: &str) -> std::rc::Rc<str> {
        if *self.last_file != *file {
            self.last_file = file.into();
        }
        std::rc::Rc::clone(&self.last_file)
    }

    fn emit(&mut self, text: &str) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(text.as_bytes())
        {
            self.error = Some(e);
        }
    }
}

fn enum_section(out: &mut String, r: &EnumReport, targets: &[&'static Target], ratio: u64) {
    heading(out, &r.file, r.line, &r.path, &r.cfg);
    match &r.status {
        EnumStatus::Blocked(blocked) => {
            no_model(out, blocked);
        }
        EnumStatus::Rustc {
            def,
            target,
            field_bytes,
            large,
        } => {
            out.push_str(
                "repr(Rust): rustc chooses the tag, the niches and the order of each variant's \
                 fields, so no layout is predicted\n",
            );
            match field_bytes {
                Ok(bytes) => {
                    let parts: Vec<String> = def
                        .variants
                        .iter()
                        .zip(bytes)
                        .map(|(v, b)| format!("{} {b}", v.name))
                        .collect();
                    let max = bytes.iter().copied().max().unwrap_or(0);
                    let _ = writeln!(
                        out,
                        "on {}: bytes of each variant's fields (their sizes added, exact): {}",
                        target.triple,
                        parts.join(", ")
                    );
                    let _ = writeln!(
                        out,
                        "so the enum takes at least {max} bytes (rustc adds a tag and padding \
                         as it chooses)"
                    );
                }
                Err(e) => {
                    let _ = writeln!(out, "on {}: no layout: {e}", target.triple);
                }
            }
            if let Some(l) = large {
                large_variant(out, l, def, ratio, "bytes of fields");
            }
        }
        EnumStatus::Laid {
            def,
            on,
            differences,
            shrink,
            large,
        } => {
            match &on[0].result {
                Ok(l) => {
                    let _ = writeln!(out, "{l}");
                }
                Err(e) => {
                    let all = on[1..].iter().all(|o| o.result.as_ref().err() == Some(e));
                    let where_ = if all && on.len() > 1 {
                        format!("any of the {} targets", on.len())
                    } else {
                        on[0].target.triple.to_owned()
                    };
                    let _ = writeln!(out, "no layout on {where_}: {e}");
                }
            }
            if let Some(l) = large {
                large_variant(out, l, def, ratio, "bytes of payload");
            }
            if let Some(s) = shrink {
                enum_shrink(out, def, on, s);
            }
            if targets.len() > 1 && on.iter().any(|o| o.result.is_ok()) {
                enum_groups(out, on);
                for d in differences {
                    let _ = writeln!(out, "differs: {}", difference(d));
                }
            }
        }
    }
    for n in &r.notes {
        let _ = writeln!(out, "note: {n}");
    }
    refusal_notes(out, &r.refusals);
}

/// The flag on a variant much larger than the next.
fn large_variant(
    out: &mut String,
    l: &LargeVariant,
    def: &layout_engine::EnumDef<'_>,
    ratio: u64,
    what: &str,
) {
    if !l.flagged {
        return;
    }
    let name = def.variants[l.largest].name;
    let _ = writeln!(
        out,
        "large variant: `{name}` has {} {what}, more than {ratio} times `{}` ({}): every value \
         takes the room of `{name}`; boxing its fields would shrink the others \
         (--max-variant-ratio sets the ratio)",
        l.bytes, def.variants[l.next].name, l.next_bytes
    );
}

/// The variant orders that make an enum smaller.
fn enum_shrink(
    out: &mut String,
    def: &layout_engine::EnumDef<'_>,
    on: &[EnumOnTarget],
    s: &Shrink,
) {
    // Targets grouped by (old size, new size), in the order of their first target.
    let mut groups: Vec<((u64, u64), Vec<&'static str>)> = Vec::new();
    for (o, new) in on.iter().zip(&s.sizes) {
        let (Ok(l), Some(new)) = (&o.result, new) else {
            continue;
        };
        if *new >= l.size() {
            continue;
        }
        let key = (l.size(), *new);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ts)) => ts.push(o.target.triple),
            None => groups.push((key, vec![o.target.triple])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|((old, new), ts)| {
            format!(
                "{new} bytes instead of {old} on {} (saves {})",
                name_list(ts),
                old - new
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "{} with these variant field orders: {}",
        def.name,
        parts.join("; ")
    );
    for (v, order) in &s.orders {
        let var = &s.def.variants[*v];
        let fields: Vec<String> = order
            .iter()
            .map(|&i| format!("{}: {}", var.fields[i].name, var.fields[i].ty_name))
            .collect();
        let _ = writeln!(out, "    {} {{ {} }}", var.name, fields.join(", "));
    }
}

/// Which targets share a layout: one line when all do, else the engine's table of each other
/// distinct layout.
fn enum_groups(out: &mut String, on: &[EnumOnTarget]) {
    let same = |a: &EnumOnTarget, b: &EnumOnTarget| match (&a.result, &b.result) {
        (Ok(x), Ok(y)) => {
            (x.def, x.layout, x.tag, &x.variants, &x.fields)
                == (y.def, y.layout, y.tag, &y.variants, &y.fields)
        }
        (Err(x), Err(y)) => x == y,
        _ => false,
    };
    let mut reps: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for (i, o) in on.iter().enumerate() {
        match reps.iter_mut().find(|(k, _)| same(&on[*k], o)) {
            Some((_, members)) => members.push(o.target.triple),
            None => reps.push((i, vec![o.target.triple])),
        }
    }
    if reps.len() == 1 {
        let _ = writeln!(out, "same layout on all {} targets", on.len());
        return;
    }
    for (k, members) in &reps {
        if *k > 0 {
            match &on[*k].result {
                Ok(l) => {
                    let _ = writeln!(out, "{l}");
                }
                Err(e) => {
                    let _ = writeln!(out, "no layout on {}: {e}", name_list(members));
                    continue;
                }
            }
        }
        if members.len() > 1 {
            let _ = writeln!(
                out,
                "same layout as {}: {}",
                on[*k].target.triple,
                name_list(&members[1..])
            );
        }
    }
}

/// `file:line: path (under #[cfg])`, the first line of a struct's or an enum's section.
fn heading(out: &mut String, file: &str, line: usize, path: &str, cfg: &[String]) {
    let _ = write!(out, "{file}:{line}: {path}");
    if !cfg.is_empty() {
        let _ = write!(out, " (under #[{}])", cfg.join("], #["));
    }
    out.push('\n');
}

/// The fields (or the whole item) without a model.
fn no_model(out: &mut String, blocked: &crate::resolve::Blocked) {
    out.push_str("no layout: the engine has no model for\n");
    for b in &blocked.fields {
        if b.field.is_empty() {
            let _ = writeln!(out, "    {}", b.reason);
        } else {
            let _ = writeln!(out, "    field `{}: {}`: {}", b.field, b.ty, b.reason);
        }
    }
}

fn struct_section(out: &mut String, r: &StructReport, targets: &[&'static Target]) {
    heading(out, &r.file, r.line, &r.path, &r.cfg);
    match &r.status {
        Status::Blocked(blocked) => {
            no_model(out, blocked);
        }
        Status::Laid {
            on,
            rustc_choice: true,
            ..
        } => rustc_choice(out, on),
        Status::Laid {
            def,
            on,
            differences,
            ..
        } => {
            let first = &on[0];
            match &first.result {
                Ok(laid) => {
                    let _ = writeln!(out, "{}", laid.layout);
                    // Shown when it saves bytes, or puts hot fields first.
                    if let Some(s) = &laid.suggestion
                        && (s.saved() > 0 || (!s.is_declared() && !r.rules.hot.is_empty()))
                    {
                        match laid.layout.reordered(&s.order) {
                            Ok(re) => {
                                let _ = writeln!(out, "{}", re.with_moved(&s.moved));
                            }
                            Err(e) => {
                                let _ = writeln!(out, "suggested order not shown: {e}");
                            }
                        }
                    }
                    if let Some(e) = &laid.suggestion_error {
                        let _ = writeln!(out, "{e}");
                    }
                    if !(r.rules.pinned.is_empty() && r.rules.hot.is_empty())
                        && let Some(s) = &laid.suggestion
                        && !s.reaches_min()
                    {
                        let _ = writeln!(
                            out,
                            "the pinned and hot fields keep it from reaching {} bytes",
                            s.min_size
                        );
                    }
                }
                Err(e) => {
                    let others = on[1..]
                        .iter()
                        .filter(|o| o.result.as_ref().err() == Some(e));
                    let all = others.count() == on.len() - 1;
                    let where_ = if all && on.len() > 1 {
                        format!("any of the {} targets", on.len())
                    } else {
                        first.target.triple.to_owned()
                    };
                    let _ = writeln!(out, "no layout on {where_}: {e}");
                }
            }
            if targets.len() > 1 && on.iter().any(|o| o.result.is_ok()) {
                comparison(out, def, on);
                savings(out, on);
                for d in differences {
                    let _ = writeln!(out, "differs: {}", difference(d));
                }
            }
        }
    }
    if r.tuple {
        out.push_str("note: tuple struct: --fix leaves positional fields in place\n");
    }
    for n in &r.notes {
        let _ = writeln!(out, "note: {n}");
    }
    refusal_notes(out, &r.refusals);
}

/// Why `--fix` leaves an item alone, or reorders it although.
fn refusal_notes(out: &mut String, refusals: &[crate::refusal::Refusal]) {
    for x in refusals {
        let reason = x.reason.name();
        let _ = match x.allowed {
            None => writeln!(
                out,
                "note: --fix leaves it alone: {} (to reorder it anyway: \
                 `// cargo-layout: allow-reorder({reason})` or --allow-reorder {reason})",
                x.message
            ),
            Some(Allowed::Marker) => writeln!(
                out,
                "note: --fix reorders it although {}: allowed by its allow-reorder marker",
                x.message
            ),
            Some(Allowed::Flag) => writeln!(
                out,
                "note: --fix reorders it although {}: allowed by --allow-reorder {reason}",
                x.message
            ),
        };
    }
}

/// The engine's side-by-side view, one column per distinct layout (the first target of each
/// group of targets with identical layouts), and who shares each column.
fn comparison(out: &mut String, def: &layout_engine::StructDef<'static>, on: &[OnTarget]) {
    let mut reps: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for (i, o) in on.iter().enumerate() {
        let same = reps.iter_mut().find(|(k, _)| same_layout(&on[*k], o));
        match same {
            Some((_, members)) => members.push(o.target.triple),
            None => reps.push((i, vec![o.target.triple])),
        }
    }
    if reps.len() == 1 {
        let _ = writeln!(out, "same layout on all {} targets", on.len());
        return;
    }
    // Definitions that differ per target (`#[cfg]` fields, a `#[cfg_attr]` repr) do not line
    // up in one table: each distinct layout is shown whole, with the targets it is for.
    let reference = on.iter().find_map(|o| o.result.as_ref().ok());
    let same_def = on.iter().all(|o| {
        o.result.as_ref().map_or(true, |l| {
            Some(definition(&l.layout)) == reference.map(|r| definition(&r.layout))
        })
    });
    if !same_def {
        for (k, members) in &reps {
            match &on[*k].result {
                Ok(l) if *k != 0 => {
                    let _ = writeln!(out, "on {}:\n{}", name_list(members), l.layout);
                }
                Ok(_) if members.len() > 1 => {
                    let _ = writeln!(
                        out,
                        "same layout as {}: {}",
                        members[0],
                        name_list(&members[1..])
                    );
                }
                Ok(_) => {}
                Err(e) => {
                    let _ = writeln!(out, "no layout on {}: {e}", name_list(members));
                }
            }
        }
        return;
    }
    // The layouts computed per target (each from the definition its `#[cfg]`s compile); a
    // target without a layout is a line below the table, not a column.
    let columns = reps.iter().filter_map(|(k, _)| {
        on[*k]
            .result
            .as_ref()
            .ok()
            .map(|l| (on[*k].target, Ok(l.layout.clone())))
    });
    let cmp = Comparison::from_results(def, columns);
    let _ = writeln!(out, "{cmp}");
    for (k, members) in &reps {
        if let Err(e) = &on[*k].result {
            let _ = writeln!(out, "no layout on {}: {e}", name_list(members));
            continue;
        }
        if members.len() > 1 {
            let _ = writeln!(
                out,
                "same layout as {}: {}",
                on[*k].target.triple,
                name_list(&members[1..])
            );
        }
    }
}

fn same_layout(a: &OnTarget, b: &OnTarget) -> bool {
    match (&a.result, &b.result) {
        (Ok(x), Ok(y)) => key(&x.layout) == key(&y.layout) && x.saving() == y.saving(),
        (Err(x), Err(y)) => x == y,
        _ => false,
    }
}

fn key(l: &StructLayout<'_>) -> (Vec<layout_engine::FieldLayout>, u64, u64, Definition) {
    (l.fields.clone(), l.size(), l.align(), definition(l))
}

/// What a target's definition is made of: its fields' names and types, and its repr.
type Definition = (Vec<(String, String)>, String);

fn definition(l: &StructLayout<'_>) -> Definition {
    (
        l.def
            .fields
            .iter()
            .map(|f| (f.name.to_owned(), f.ty_name.to_owned()))
            .collect(),
        format!("{:?}", l.def.repr),
    )
}

/// The saving per target, when it is not the same everywhere.
fn savings(out: &mut String, on: &[OnTarget]) {
    let values: Vec<(u64, &'static str)> = on
        .iter()
        .filter_map(|o| {
            o.result
                .as_ref()
                .ok()
                .map(|l| (l.saving(), o.target.triple))
        })
        .collect();
    if values.windows(2).all(|w| w[0].0 == w[1].0) {
        return;
    }
    let mut groups: Vec<(u64, Vec<&'static str>)> = Vec::new();
    for (s, t) in values {
        match groups.iter_mut().find(|(x, _)| *x == s) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((s, vec![t])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(s, ts)| format!("{s} on {}", name_list(ts)))
        .collect();
    let _ = writeln!(out, "reordering saves {}", parts.join("; "));
}

fn difference(d: &Difference) -> String {
    let parts: Vec<String> = d
        .values
        .iter()
        .map(|(v, ts)| format!("{v} on {}", name_list(ts)))
        .collect();
    match d.field {
        Some(f) if d.property == "present" => {
            let on = |v: u64| {
                d.values
                    .iter()
                    .find(|(x, _)| *x == v)
                    .map_or_else(String::new, |(_, ts)| name_list(ts))
            };
            format!(
                "field `{f}`: compiled on {}; left out by its #[cfg] on {}",
                on(1),
                on(0)
            )
        }
        Some(f) => format!("field `{f}` {}: {}", d.property, parts.join("; ")),
        None => format!("{}: {}", d.property, parts.join("; ")),
    }
}

/// `a, b, c and 12 others`.
fn name_list(names: &[&str]) -> String {
    if names.len() <= NAMED {
        return names.join(", ");
    }
    format!(
        "{} and {} others",
        names[..NAMED - 1].join(", "),
        names.len() - (NAMED - 1)
    )
}

/// A `repr(Rust)` struct: rustc chooses the order; the sizes and alignments of its fields and
/// the smallest size any order reaches are what the source says.
fn rustc_choice(out: &mut String, on: &[OnTarget]) {
    out.push_str("repr(Rust): rustc chooses the field order, so offsets are not predicted\n");
    for o in on {
        match &o.result {
            Ok(l) => {
                let fields: Vec<String> = l
                    .layout
                    .def
                    .fields
                    .iter()
                    .zip(&l.layout.fields)
                    .map(|(f, p)| format!("{}: {} ({}/{})", f.name, f.ty_name, p.size, p.align))
                    .collect();
                let _ = writeln!(
                    out,
                    "on {}: align {}, smallest size any order reaches {} (rustc's order \
                     normally does; not promised); fields (size/align): {}",
                    o.target.triple,
                    l.layout.align(),
                    l.layout.min_size(),
                    fields.join(", ")
                );
            }
            Err(e) => {
                let _ = writeln!(out, "on {}: no layout: {e}", o.target.triple);
            }
        }
    }
}

fn sizes_on(r: &StructReport, t: &Target) -> (u64, u64) {
    if let Status::Laid { on, .. } = &r.status
        && let Some(Ok(l)) = on
            .iter()
            .find(|o| o.target.triple == t.triple)
            .map(|o| &o.result)
    {
        let new = l.suggestion.as_ref().map_or(l.layout.size(), |s| s.size);
        return (l.layout.size(), new);
    }
    (0, 0)
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
