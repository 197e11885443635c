//! Builds `tests/fixtures/shapes` through the API and checks every number the DWARF gives
//! against the compiler: `size_of`/`align_of`/`offset_of!` printed by a generated probe
//! program for structs, unions and tuples, and rustc's `-Zprint-type-sizes` (allowed on stable
//! by `RUSTC_BOOTSTRAP=1`, here in the test only) for enum variants.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use layout_dwarf::{
    BuildOptions, Report, TagEncoding, TypeKind, TypeLayout, UnreachedReason, compiled_layouts_with,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn target_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// The paths a source scan would hand over: some are in the build already, some only the shim
/// can bring in, some cannot be reached.
const ASKED: &[&str] = &[
    "shapes::Header",
    "crate::Unused",
    "shapes::Lonely<u32>",
    "shapes::Lonely",
    "shapes::private::Secret",
    "shapes::Extra",
    "shapes::Missing",
    "shapes::Unsized",
];

fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let options = BuildOptions {
            manifest_path: Some(fixture("shapes").join("Cargo.toml")),
            lib_only: true,
            target_dir: Some(target_dir("shapes")),
            ..BuildOptions::default()
        };
        let asked: Vec<String> = ASKED.iter().map(|s| s.to_string()).collect();
        compiled_layouts_with(&options, &asked).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn get(name: &str) -> &'static TypeLayout {
    report()
        .get(name)
        .unwrap_or_else(|| panic!("`{name}` is not in the report"))
}

#[test]
fn every_kind_of_type_is_found() {
    for name in [
        "shapes::Header",
        "shapes::Point",
        "shapes::Tail",
        "shapes::Reordered",
        "shapes::Nested",
        "shapes::Wrapper",
        "shapes::Pair<u8, u32>",
        "shapes::Pair<u64, u16>",
        "shapes::Bits",
        "shapes::Small",
        "shapes::CLike",
        "shapes::TaggedU8",
        "shapes::TaggedC",
        "shapes::TaggedCU8",
        "shapes::Shape",
        "shapes::Maybe",
        "shapes::Flagged",
        "shapes::Only",
        "shapes::inner::Deep",
        "shapes::inner::Hidden",
        "shapes::Unused",
        "shapes::Lonely<u32>",
        "(u8, u32)",
    ] {
        get(name);
    }
    assert_eq!(get("(u8, u32)").kind, TypeKind::Tuple);
    assert_eq!(get("shapes::Bits").kind, TypeKind::Union);
    assert_eq!(get("shapes::Shape").kind, TypeKind::Enum);
    // Only this crate's types (and the tuples they hold), each once.
    for t in &report().types {
        assert!(
            t.crate_name.as_deref() == Some("shapes") || t.kind == TypeKind::Tuple,
            "{}",
            t.name
        );
    }
    // Closure environments are left out.
    assert!(
        report().types.iter().all(|t| !t.name.contains('{')),
        "{:?}",
        report().types.iter().map(|t| &t.name).collect::<Vec<_>>()
    );
    let mut names: Vec<&str> = report().types.iter().map(|t| t.name.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), report().types.len(), "duplicates: {names:?}");
}

#[test]
fn unreachable_paths_say_why() {
    let reasons: BTreeMap<&str, &UnreachedReason> = report()
        .unreached
        .iter()
        .map(|u| (u.path.as_str(), &u.reason))
        .collect();
    assert_eq!(
        reasons.get("shapes::Lonely"),
        Some(&&UnreachedReason::NeedsGenericArguments)
    );
    assert_eq!(
        reasons.get("shapes::private::Secret"),
        Some(&&UnreachedReason::Private)
    );
    assert_eq!(
        reasons.get("shapes::Extra"),
        Some(&&UnreachedReason::FeatureGated {
            feature: Some("extra".to_owned())
        })
    );
    assert_eq!(
        reasons.get("shapes::Missing"),
        Some(&&UnreachedReason::NotFound)
    );
    assert_eq!(
        reasons.get("shapes::Unsized"),
        Some(&&UnreachedReason::Unsized)
    );
    assert_eq!(reasons.len(), 5, "{:#?}", report().unreached);
}

#[test]
fn holes_and_padding_are_derived_from_the_offsets() {
    let header = get("shapes::Header");
    assert_eq!(header.holes.len(), 1);
    assert_eq!((header.holes[0].offset, header.holes[0].size), (1, 7));
    assert_eq!(header.tail_padding, 6);
    assert_eq!(header.padding(), 13);
    // Every struct: fields, holes and tail padding tile the whole size.
    for t in report()
        .types
        .iter()
        .filter(|t| t.kind != TypeKind::Enum && t.kind != TypeKind::Union)
    {
        let used: u64 = t.fields.iter().map(|f| f.size).sum();
        assert_eq!(used + t.padding(), t.size, "{}", t.name);
    }
}

#[test]
fn enum_tags_and_niches() {
    let tag = |name: &str| get(name).enum_layout.as_ref().unwrap().tag.clone();
    let maybe = tag("shapes::Maybe").expect("a niche tag");
    assert_eq!(
        maybe.encoding,
        TagEncoding::Niche {
            untagged: "Yes".to_owned(),
            field: Some("__0".to_owned())
        }
    );
    assert_eq!((maybe.offset, maybe.size), (0, 8));
    assert!(tag("shapes::Only").is_none());
    let small = get("shapes::Small").enum_layout.as_ref().unwrap();
    let discriminants: Vec<Option<u64>> = small.variants.iter().map(|v| v.discriminant).collect();
    assert_eq!(discriminants, [Some(1), Some(7), Some(200)]);
    assert_eq!(tag("shapes::TaggedC").unwrap().size, 4);
    assert_eq!(tag("shapes::TaggedCU8").unwrap().size, 1);
    // The niche of `Option<NonZeroU32>` inside `Nested` is not this crate's type, but its
    // field is there with its size.
    let maybe_field = get("shapes::Nested")
        .fields
        .iter()
        .find(|f| f.name == "maybe")
        .unwrap();
    assert_eq!(maybe_field.size, 4);
}

/// Writes and runs a program that prints the compiler's numbers for every struct, union and
/// tuple of the report, one JSON object per line.
fn probe(report: &Report) -> Vec<serde_json::Value> {
    let dir = target_dir("probe");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n[workspace]\n[dependencies]\nshapes = {{ path = {:?} }}\n",
            fixture("shapes").display().to_string()
        ),
    )
    .unwrap();
    let mut main = String::from(
        "#![allow(unused)]\nuse core::mem::{align_of, offset_of, size_of};\n\
         fn field_size<T, F>(_: fn(&T) -> &F) -> usize { size_of::<F>() }\nfn main() {\n",
    );
    for t in &report.types {
        if t.name == "shapes::inner::Hidden" {
            continue; // private
        }
        let ty = &t.name;
        main += &format!(
            "println!(\"{{{{\\\"type\\\":{{:?}},\\\"size\\\":{{}},\\\"align\\\":{{}}}}}}\", {ty:?}, size_of::<{ty}>(), align_of::<{ty}>());\n"
        );
        if t.kind == TypeKind::Enum {
            continue;
        }
        for f in &t.fields {
            let field = f.name.strip_prefix("__").unwrap_or(&f.name);
            let offset = format!("offset_of!({ty}, {field})");
            // A reference to a union field needs `unsafe`, though nothing is read.
            let access = if t.kind == TypeKind::Union {
                format!("unsafe {{ &t.{field} }}")
            } else {
                format!("&t.{field}")
            };
            main += &format!(
                "println!(\"{{{{\\\"type\\\":{{:?}},\\\"field\\\":{{:?}},\\\"offset\\\":{{}},\\\"size\\\":{{}}}}}}\", {ty:?}, {:?}, {offset}, field_size(|t: &{ty}| {access}));\n",
                f.name
            );
        }
    }
    main += "}\n";
    std::fs::write(dir.join("src/main.rs"), main).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir("probe-target"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn sizes_alignments_and_offsets_match_the_compiler() {
    let report = report();
    let lines = probe(report);
    let mut checked = 0;
    for line in &lines {
        let t = report.get(line["type"].as_str().unwrap()).unwrap();
        match line.get("field") {
            None => {
                assert_eq!(Some(t.size), line["size"].as_u64(), "size of {}", t.name);
                assert_eq!(t.align, line["align"].as_u64(), "align of {}", t.name);
            }
            Some(field) => {
                let f = t
                    .fields
                    .iter()
                    .find(|f| Some(f.name.as_str()) == field.as_str())
                    .unwrap();
                assert_eq!(
                    Some(f.offset),
                    line["offset"].as_u64(),
                    "{}.{}",
                    t.name,
                    f.name
                );
                assert_eq!(
                    Some(f.size),
                    line["size"].as_u64(),
                    "size of {}.{}",
                    t.name,
                    f.name
                );
            }
        }
        checked += 1;
    }
    // Every type but the private one, and every field of the structs, unions and tuples.
    let expected: usize = report
        .types
        .iter()
        .filter(|t| t.name != "shapes::inner::Hidden")
        .map(|t| {
            1 + if t.kind == TypeKind::Enum {
                0
            } else {
                t.fields.len()
            }
        })
        .sum();
    assert_eq!(checked, expected);
}

/// One type of `-Zprint-type-sizes`: size, alignment, discriminant size, and each variant's
/// fields as (name, offset, size).
#[derive(Debug, Default)]
struct Printed {
    size: u64,
    align: u64,
    discriminant: Option<u64>,
    variants: BTreeMap<String, Vec<(String, u64, u64)>>,
}

fn print_type_sizes() -> BTreeMap<String, Printed> {
    let out = target_dir("print-type-sizes");
    std::fs::create_dir_all(&out).unwrap();
    let output = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--crate-name",
            "shapes",
        ])
        .args(["-Zprint-type-sizes", "--emit=obj", "-o"])
        .arg(out.join("shapes.o"))
        .arg(fixture("shapes").join("src/lib.rs"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the -Zprint-type-sizes oracle could not run: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let mut types = BTreeMap::new();
    let mut current: Option<(String, Printed)> = None;
    let mut variant: Option<String> = None;
    let mut cursor = 0;
    let bytes = |s: &str| -> u64 { s.trim().trim_end_matches(" bytes").parse().unwrap() };
    for line in text.lines() {
        let Some(line) = line.strip_prefix("print-type-size ") else {
            continue;
        };
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("type: `") {
            if let Some((name, t)) = current.take() {
                types.insert(name, t);
            }
            let (name, rest) = rest.split_once("`: ").unwrap();
            let (size, align) = rest.split_once(", alignment: ").unwrap();
            let name = name.replace("<'_>", "");
            current = Some((
                name,
                Printed {
                    size: bytes(size),
                    align: bytes(align),
                    ..Printed::default()
                },
            ));
            variant = None;
            cursor = 0;
        } else if let Some(rest) = trimmed.strip_prefix("discriminant: ") {
            let size = bytes(rest);
            current.as_mut().unwrap().1.discriminant = Some(size);
        } else if let Some(rest) = trimmed.strip_prefix("variant `") {
            let (name, _) = rest.split_once('`').unwrap();
            variant = Some(name.to_owned());
            cursor = current.as_ref().unwrap().1.discriminant.unwrap_or(0);
            current
                .as_mut()
                .unwrap()
                .1
                .variants
                .insert(name.to_owned(), Vec::new());
        } else if let Some(rest) = trimmed.strip_prefix("padding: ") {
            cursor += bytes(rest);
        } else if let Some(rest) = trimmed.strip_prefix("field `.") {
            let (name, rest) = rest.split_once("`: ").unwrap();
            let size = bytes(rest.split(',').next().unwrap());
            if let Some(v) = &variant {
                let t = &mut current.as_mut().unwrap().1;
                t.variants
                    .get_mut(v)
                    .unwrap()
                    .push((name.to_owned(), cursor, size));
            }
            cursor += size;
        }
    }
    if let Some((name, t)) = current.take() {
        types.insert(name, t);
    }
    types
}

#[test]
fn enum_variants_match_print_type_sizes() {
    let printed = print_type_sizes();
    let mut checked_fields = 0;
    let mut checked_enums = 0;
    for t in report().types.iter().filter(|t| t.kind == TypeKind::Enum) {
        let short = t.name.strip_prefix("shapes::").unwrap();
        let p = printed
            .get(short)
            .unwrap_or_else(|| panic!("rustc printed no `{short}`"));
        assert_eq!((t.size, t.align), (p.size, Some(p.align)), "{}", t.name);
        let layout = t.enum_layout.as_ref().unwrap();
        match (&layout.tag, p.discriminant) {
            (Some(tag), Some(size)) => {
                assert_eq!(tag.encoding, TagEncoding::Direct, "{}", t.name);
                assert_eq!((tag.offset, tag.size), (0, size), "{}", t.name);
            }
            (Some(tag), None) => {
                assert!(
                    matches!(tag.encoding, TagEncoding::Niche { .. }),
                    "{}",
                    t.name
                )
            }
            (None, None) => {}
            (None, Some(_)) => panic!("{}: rustc has a discriminant, the DWARF none", t.name),
        }
        for v in &layout.variants {
            let Some(fields) = p.variants.get(&v.name) else {
                // Fieldless enums print no variants.
                assert!(
                    v.fields.is_empty() && p.variants.is_empty(),
                    "{}::{}",
                    t.name,
                    v.name
                );
                continue;
            };
            let mut ours: Vec<(String, u64, u64)> = v
                .fields
                .iter()
                .map(|f| {
                    (
                        f.name.strip_prefix("__").unwrap_or(&f.name).to_owned(),
                        f.offset,
                        f.size,
                    )
                })
                .collect();
            let mut theirs = fields.clone();
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{}::{}", t.name, v.name);
            checked_fields += ours.len();
        }
        checked_enums += 1;
    }
    assert_eq!(checked_enums, 9);
    assert!(checked_fields >= 15, "{checked_fields}");
}
