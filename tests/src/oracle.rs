//! rustc as the layout oracle: the real layouts of `repr(C)`-family structs on any of rustc's
//! built-in targets, without that target's standard library.
//!
//! The method (see `shared/ORACLE.md`): a `#![no_core]` crate declares the few lang items a plain
//! struct needs, then the structs under test, each reaching code generation through a
//! `#[no_mangle]` function; rustc compiles it for the target with `-Zprint-type-sizes`
//! (`RUSTC_BOOTSTRAP=1`, test-time only), and the printed sizes, alignments and paddings give
//! every field's offset. One rustc call measures any number of structs on one target.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The lang items a plain struct needs on rustc 1.95. They change between rustc versions: when
/// they stop matching, [`measure`] fails with the compiler's message, never silently.
pub const PRELUDE: &str = r#"#![feature(no_core, lang_items, rustc_attrs, auto_traits)]
#![allow(internal_features, dead_code, improper_ctypes_definitions, non_snake_case, non_camel_case_types, unused, repr_c_enums_larger_than_int)]
#![no_core]
#![crate_type = "lib"]
#[lang = "pointee_sized"] pub trait PointeeSized {}
#[lang = "meta_sized"] pub trait MetaSized: PointeeSized {}
#[lang = "sized"] pub trait Sized: MetaSized {}
#[lang = "copy"] pub trait Copy {}
#[lang = "freeze"] pub unsafe auto trait Freeze {}
#[lang = "drop_in_place"] fn drop_in_place<T>(_: *mut T) {}
#[lang = "clone"] pub trait Clone: Sized {}
pub trait Tr {}
impl Copy for bool {} impl Copy for char {} impl Copy for f32 {} impl Copy for f64 {}
impl Copy for u8 {} impl Copy for u16 {} impl Copy for u32 {} impl Copy for u64 {}
impl Copy for u128 {} impl Copy for usize {} impl Copy for i8 {} impl Copy for i16 {}
impl Copy for i32 {} impl Copy for i64 {} impl Copy for i128 {} impl Copy for isize {}
impl<T: ?Sized> Copy for *const T {} impl<T: ?Sized> Copy for *mut T {}
impl<T: Copy, const N: usize> Copy for [T; N] {}
// Negative enum discriminants (`A = -1`); the operator on primitives is built in, the bodies
// are never used.
#[lang = "neg"] pub trait Neg { type Output; fn neg(self) -> Self::Output; }
impl Neg for i8 { type Output = i8; fn neg(self) -> i8 { loop {} } }
impl Neg for i16 { type Output = i16; fn neg(self) -> i16 { loop {} } }
impl Neg for i32 { type Output = i32; fn neg(self) -> i32 { loop {} } }
impl Neg for i64 { type Output = i64; fn neg(self) -> i64 { loop {} } }
impl Neg for i128 { type Output = i128; fn neg(self) -> i128 { loop {} } }
impl Neg for isize { type Output = isize; fn neg(self) -> isize { loop {} } }
// core::ffi's C types, declared under core's own `cfg`s so that rustc decides them per target.
pub type c_char = i8; pub type c_schar = i8; pub type c_uchar = u8;
pub type c_short = i16; pub type c_ushort = u16;
#[cfg(any(target_arch = "avr", target_arch = "msp430"))] pub type c_int = i16;
#[cfg(any(target_arch = "avr", target_arch = "msp430"))] pub type c_uint = u16;
#[cfg(not(any(target_arch = "avr", target_arch = "msp430")))] pub type c_int = i32;
#[cfg(not(any(target_arch = "avr", target_arch = "msp430")))] pub type c_uint = u32;
#[cfg(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux")))] pub type c_long = i64;
#[cfg(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux")))] pub type c_ulong = u64;
#[cfg(not(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux"))))] pub type c_long = i32;
#[cfg(not(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux"))))] pub type c_ulong = u32;
pub type c_longlong = i64; pub type c_ulonglong = u64; pub type c_float = f32; pub type c_double = f64;
"#;

/// Targets that rustc lists but cannot compile even a `no_core` crate for, with the reason.
/// Anything not listed here that fails is a test failure.
pub const UNCOMPILABLE: &[(&str, &str)] = &[
    (
        "xtensa-esp32-espidf",
        "LLVM data-layout mismatch in this rustc build",
    ),
    (
        "xtensa-esp32-none-elf",
        "LLVM data-layout mismatch in this rustc build",
    ),
    (
        "xtensa-esp32s2-espidf",
        "LLVM data-layout mismatch in this rustc build",
    ),
    (
        "xtensa-esp32s2-none-elf",
        "LLVM data-layout mismatch in this rustc build",
    ),
    (
        "xtensa-esp32s3-espidf",
        "LLVM data-layout mismatch in this rustc build",
    ),
    (
        "xtensa-esp32s3-none-elf",
        "LLVM data-layout mismatch in this rustc build",
    ),
];

/// Why the oracle could not answer.
#[derive(Debug)]
pub enum OracleError {
    /// rustc could not be started.
    Spawn(std::io::Error),
    /// rustc ran and failed.
    Rustc {
        /// The target asked for.
        target: String,
        /// What rustc printed on stderr (first lines).
        stderr: String,
    },
    /// rustc's output did not have the expected shape.
    Parse(String),
    /// Writing the temporary crate failed.
    Io(std::io::Error),
}

impl fmt::Display for OracleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OracleError::Spawn(e) => write!(f, "cannot run rustc: {e}"),
            OracleError::Rustc { target, stderr } => {
                write!(f, "rustc failed for {target}:\n{stderr}")
            }
            OracleError::Parse(s) => write!(f, "unexpected -Zprint-type-sizes output: {s}"),
            OracleError::Io(e) => write!(f, "cannot write the oracle crate: {e}"),
        }
    }
}

impl std::error::Error for OracleError {}

/// One field as rustc placed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasuredField {
    /// The field's name.
    pub name: String,
    /// Offset in bytes.
    pub offset: u64,
    /// Size in bytes.
    pub size: u64,
}

/// One variant of an enum as rustc laid it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasuredVariant {
    /// The variant's name.
    pub name: String,
    /// What rustc prints as the variant's size: from the tag's end to the end of its last
    /// field (to the end of the variant's whole struct when it has no fields).
    pub size: u64,
    /// Its fields in memory order, offsets from the start of the enum.
    pub fields: Vec<MeasuredField>,
}

/// One type as rustc laid it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// Size in bytes.
    pub size: u64,
    /// Alignment in bytes.
    pub align: u64,
    /// Fields in memory order (of a struct or union; an enum's are in its variants).
    pub fields: Vec<MeasuredField>,
    /// An enum's tag size in bytes (the tag is at offset 0), when rustc prints one.
    pub discriminant: Option<u64>,
    /// An enum's variants, in rustc's printing order (largest first).
    pub variants: Vec<MeasuredVariant>,
}

impl Measured {
    /// The offset of the named field.
    pub fn offset_of(&self, name: &str) -> Option<u64> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.offset)
    }
}

/// The facts `rustc --print cfg` gives about a target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetCfg {
    /// `target_arch`.
    pub arch: String,
    /// `target_pointer_width`.
    pub pointer_bits: u16,
    /// `target_endian == "big"`.
    pub big_endian: bool,
    /// Widths with `target_has_atomic_load_store` (8, 16, 32, 64, 128).
    pub atomic_load_store: Vec<u16>,
}

fn rustc() -> Command {
    let mut cmd = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()));
    cmd.env("RUSTC_BOOTSTRAP", "1");
    cmd
}

/// Every target `rustc --print target-list` names.
/// `check` run on every target of `targets`, spread over one thread per core (each call runs
/// rustc), results in the order of `targets`.
pub fn on_each_target<T: Send>(
    targets: &[&'static layout_core::Target],
    check: impl Fn(&'static layout_core::Target) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = targets.len().div_ceil(threads).max(1);
    let check = &check;
    std::thread::scope(|scope| {
        let workers: Vec<_> = targets
            .chunks(chunk)
            .map(|targets| {
                scope.spawn(move || targets.iter().map(|&t| check(t)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("oracle worker panicked"))
            .collect()
    })
}

pub fn target_list() -> Result<Vec<String>, OracleError> {
    let out = rustc()
        .args(["--print", "target-list"])
        .output()
        .map_err(OracleError::Spawn)?;
    if !out.status.success() {
        return Err(OracleError::Rustc {
            target: "(target-list)".into(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
}

/// The targets the oracle can compile for: the target list less [`UNCOMPILABLE`].
pub fn compilable_targets() -> Result<Vec<String>, OracleError> {
    Ok(target_list()?
        .into_iter()
        .filter(|t| !UNCOMPILABLE.iter().any(|(u, _)| u == t))
        .collect())
}

/// Extra flags some targets need before rustc will generate code for them.
pub fn target_flags(target: &str) -> &'static [&'static str] {
    if target.starts_with("avr") {
        &["-Ctarget-cpu=atmega328p"]
    } else if target.starts_with("amdgcn") {
        &["-Ctarget-cpu=gfx900"]
    } else {
        &[]
    }
}

/// `rustc --print cfg --target T`, reduced to the facts that matter for layouts.
pub fn target_cfg(target: &str) -> Result<TargetCfg, OracleError> {
    let out = rustc()
        .args(["--print", "cfg", "-Zunstable-options", "--target", target])
        .args(target_flags(target))
        .output()
        .map_err(OracleError::Spawn)?;
    if !out.status.success() {
        return Err(OracleError::Rustc {
            target: target.into(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    let mut cfg = TargetCfg::default();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim_matches('"');
        match key {
            "target_arch" => cfg.arch = value.into(),
            "target_pointer_width" => {
                cfg.pointer_bits = value.parse().map_err(|_| OracleError::Parse(line.into()))?
            }
            "target_endian" => cfg.big_endian = value == "big",
            "target_has_atomic_load_store" if value != "ptr" => cfg
                .atomic_load_store
                .push(value.parse().map_err(|_| OracleError::Parse(line.into()))?),
            _ => {}
        }
    }
    cfg.atomic_load_store.sort_unstable();
    Ok(cfg)
}

/// Compiles `items` (struct definitions, each made to reach code generation by the caller, see
/// [`keep`]) for `target` and returns every type rustc printed, by name.
pub fn measure(target: &str, items: &str) -> Result<BTreeMap<String, Measured>, OracleError> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "layout-oracle-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).map_err(OracleError::Io)?;
    let src = dir.join("oracle.rs");
    std::fs::write(&src, format!("{PRELUDE}{items}")).map_err(OracleError::Io)?;
    let out = rustc()
        .args([
            "--target",
            target,
            "-Zprint-type-sizes",
            "--emit=obj",
            "-Copt-level=0",
        ])
        .args(target_flags(target))
        .arg("-o")
        .arg(dir.join("out.o"))
        .arg(&src)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.map_err(OracleError::Spawn)?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(OracleError::Rustc {
            target: target.into(),
            stderr: stderr.lines().take(20).collect::<Vec<_>>().join("\n"),
        });
    }
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// The item that makes struct `name` reach code generation, so rustc prints its layout.
pub fn keep(name: &str) -> String {
    format!("#[no_mangle] pub fn keep_{name}(x: {name}) -> {name} {{ x }}\n")
}

/// Parses `-Zprint-type-sizes` output.
pub fn parse(text: &str) -> Result<BTreeMap<String, Measured>, OracleError> {
    let mut types = BTreeMap::new();
    let mut current: Option<(String, Measured, u64)> = None;
    let bytes = |s: &str| -> Result<u64, OracleError> {
        s.trim()
            .strip_suffix(" bytes")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| OracleError::Parse(s.into()))
    };
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("print-type-size ") else {
            continue;
        };
        let body = rest.trim_start();
        if let Some(t) = body.strip_prefix("type: `") {
            if let Some((name, m, _)) = current.take() {
                types.insert(name, m);
            }
            let (name, tail) = t
                .split_once("`: ")
                .ok_or_else(|| OracleError::Parse(line.into()))?;
            let (size, align) = tail
                .split_once(", alignment: ")
                .ok_or_else(|| OracleError::Parse(line.into()))?;
            let m = Measured {
                size: bytes(size)?,
                align: bytes(align)?,
                fields: Vec::new(),
                discriminant: None,
                variants: Vec::new(),
            };
            current = Some((name.into(), m, 0));
        } else if let Some(f) = body.strip_prefix("field `.") {
            let Some((_, m, cursor)) = current.as_mut() else {
                return Err(OracleError::Parse(line.into()));
            };
            let (name, tail) = f
                .split_once("`: ")
                .ok_or_else(|| OracleError::Parse(line.into()))?;
            let mut parts = tail.split(", ");
            let size = bytes(parts.next().unwrap_or_default())?;
            let mut offset = *cursor;
            for part in parts {
                if let Some(o) = part.strip_prefix("offset: ") {
                    offset = bytes(o)?;
                }
            }
            let field = MeasuredField {
                name: name.into(),
                offset,
                size,
            };
            match m.variants.last_mut() {
                Some(v) => v.fields.push(field),
                None => m.fields.push(field),
            }
            *cursor = offset + size;
        } else if let Some(p) = body.strip_prefix("padding: ")
            && let Some((_, _, cursor)) = current.as_mut()
        {
            *cursor += bytes(p)?;
        } else if let Some(d) = body.strip_prefix("discriminant: ") {
            let Some((_, m, cursor)) = current.as_mut() else {
                return Err(OracleError::Parse(line.into()));
            };
            m.discriminant = Some(bytes(d)?);
            *cursor = bytes(d)?;
        } else if let Some(v) = body.strip_prefix("variant `") {
            let Some((_, m, cursor)) = current.as_mut() else {
                return Err(OracleError::Parse(line.into()));
            };
            let (name, size) = v
                .split_once("`: ")
                .ok_or_else(|| OracleError::Parse(line.into()))?;
            // Each variant's fields are printed from the tag's end. A union prints as one
            // variant (named after itself) with every field, and no discriminant: its fields
            // stay the type's.
            *cursor = m.discriminant.unwrap_or(0);
            if m.discriminant.is_some() {
                m.variants.push(MeasuredVariant {
                    name: name.into(),
                    size: bytes(size)?,
                    fields: Vec::new(),
                });
            }
        }
        // `end padding` lines carry nothing the offsets need.
    }
    if let Some((name, m, _)) = current.take() {
        types.insert(name, m);
    }
    Ok(types)
}
