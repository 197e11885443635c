//! Compilation targets: the layout facts rustc uses for each of its built-in targets.
//!
//! The table in [`table`] is generated from rustc itself (`cargo run -p layout-tests --bin
//! gen-target-table`), never written by hand, and the oracle test re-checks it against rustc on
//! every CI run. A target is identified by its full triple; [`Target::lookup`] also accepts the
//! aliases `64`, `32` and `16` (see [`ALIASES`]).

mod c_enum;
mod table;

use crate::prim::Prim;

/// Byte order of a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Endian {
    /// Least significant byte first.
    Little,
    /// Most significant byte first.
    Big,
}

/// ABI alignments, in bytes, of the scalar types whose alignment differs between targets.
///
/// `u8`, `i8` and `bool` align to 1 everywhere; signed and unsigned integers of one width
/// always agree; `usize`, `isize` and every data pointer (thin or wide) align as `ptr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ScalarAligns {
    /// `u16`/`i16`.
    pub i16: u8,
    /// `u32`/`i32`.
    pub i32: u8,
    /// `u64`/`i64`.
    pub i64: u8,
    /// `u128`/`i128`.
    pub i128: u8,
    /// `f32`.
    pub f32: u8,
    /// `f64`.
    pub f64: u8,
    /// `char` (a 32-bit scalar; equal to `i32` on every target seen so far, kept separate
    /// because the table is measured, not assumed).
    pub char: u8,
    /// Data pointers, `usize`, `isize`.
    pub ptr: u8,
    /// Function pointers.
    pub fn_ptr: u8,
}

/// One compilation target and the facts that decide struct layouts on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Target {
    /// The full target triple, as in `rustc --print target-list`.
    pub triple: &'static str,
    /// `target_arch`.
    pub arch: &'static str,
    /// `target_pointer_width`: 16, 32 or 64.
    pub pointer_bits: u16,
    /// `target_endian`.
    pub endian: Endian,
    /// Widths (in bits) that have atomic load/store (`target_has_atomic_load_store`), as a
    /// bit set: bit `k` set means width `8 << k` is supported.
    pub atomic_widths: u8,
    /// ABI alignments of the scalars.
    pub aligns: ScalarAligns,
}

/// The short names accepted wherever a target triple is: each stands for one representative
/// built-in target.
pub const ALIASES: &[(&str, &str)] = &[
    ("64", "x86_64-unknown-linux-gnu"),
    ("32", "i686-unknown-linux-gnu"),
    ("16", "msp430-none-elf"),
];

impl Target {
    /// Every built-in target the engine models, sorted by triple.
    pub const ALL: &'static [Target] = table::TARGETS;

    /// The target this copy of `layout-core` is being compiled for, if it is a built-in one
    /// (a custom target JSON is not in the table).
    pub const CURRENT: Option<&'static Target> = Target::find(env!("LAYOUT_ENGINE_TARGET"));

    /// Looks a target up by full triple or alias (`64`, `32`, `16`). Usable in `const`.
    pub const fn find(name: &str) -> Option<&'static Target> {
        let mut a = 0;
        let mut name = name;
        while a < ALIASES.len() {
            if str_eq(ALIASES[a].0, name) {
                name = ALIASES[a].1;
                break;
            }
            a += 1;
        }
        let mut i = 0;
        while i < Self::ALL.len() {
            if str_eq(Self::ALL[i].triple, name) {
                return Some(&Self::ALL[i]);
            }
            i += 1;
        }
        None
    }

    /// Whether this is the target `layout-core` itself is being compiled for.
    pub const fn is_current(&self) -> bool {
        match Self::CURRENT {
            Some(t) => str_eq(t.triple, self.triple),
            None => false,
        }
    }

    /// Size in bytes of a data pointer, `usize` and `isize`.
    pub const fn pointer_bytes(&self) -> u64 {
        self.pointer_bits as u64 / 8
    }

    /// Whether the atomic types of `bits` width (8, 16, 32, 64, 128) exist on this target.
    pub const fn has_atomic(&self, bits: u16) -> bool {
        let k = match bits {
            8 => 0,
            16 => 1,
            32 => 2,
            64 => 3,
            128 => 4,
            _ => return false,
        };
        self.atomic_widths & (1 << k) != 0
    }

    /// Size and alignment of a primitive on this target.
    pub const fn prim(&self, p: Prim) -> (u64, u64) {
        let a = &self.aligns;
        match p {
            Prim::Bool | Prim::U8 | Prim::I8 => (1, 1),
            Prim::U16 | Prim::I16 => (2, a.i16 as u64),
            Prim::U32 | Prim::I32 => (4, a.i32 as u64),
            Prim::U64 | Prim::I64 => (8, a.i64 as u64),
            Prim::U128 | Prim::I128 => (16, a.i128 as u64),
            Prim::F32 => (4, a.f32 as u64),
            Prim::F64 => (8, a.f64 as u64),
            Prim::Char => (4, a.char as u64),
            Prim::Usize | Prim::Isize => (self.pointer_bytes(), a.ptr as u64),
            Prim::CInt | Prim::CUint => match self.c_int_bytes() {
                2 => (2, a.i16 as u64),
                _ => (4, a.i32 as u64),
            },
            Prim::CLong | Prim::CUlong => match self.c_long_bytes() {
                8 => (8, a.i64 as u64),
                _ => (4, a.i32 as u64),
            },
        }
    }

    /// The width of `core::ffi::c_int` in bytes: 2 on AVR and MSP430, 4 elsewhere (core's
    /// definition; the oracle test checks it on every target against rustc compiling core's
    /// `cfg`s).
    pub const fn c_int_bytes(&self) -> u64 {
        if str_eq(self.arch, "avr") || str_eq(self.arch, "msp430") {
            2
        } else {
            4
        }
    }

    /// The width of `core::ffi::c_long` in bytes: 8 on 64-bit targets other than Windows
    /// (`target_family = "windows"`, whose triples all name `windows`) and on 32-bit WebAssembly
    /// Linux, 4 elsewhere (core's definition, checked like [`Target::c_int_bytes`]).
    pub const fn c_long_bytes(&self) -> u64 {
        let windows = contains(self.triple.as_bytes(), b"-windows");
        let wasm_linux = str_eq(self.arch, "wasm32") && contains(self.triple.as_bytes(), b"-linux");
        if (self.pointer_bits == 64 && !windows) || wasm_linux {
            8
        } else {
            4
        }
    }
}

impl Target {
    /// rustc's minimum width in bytes of a `repr(C)` enum's tag on this target (its
    /// `c_enum_min_size`): 4 on most targets, 1 on bare-metal 32-bit ARM (`*-none-eabi*`,
    /// `*-nuttx-*`, RTEMS, VEX) and Hexagon, 2 on MSP430 and AVR. A C enum is wider when its
    /// discriminants need it. Measured from rustc for every target by `gen-target-table` (and
    /// re-checked by the oracle test); `None` for a `Target` not in [`Target::ALL`].
    pub const fn c_enum_min_bytes(&self) -> Option<u64> {
        let rows = c_enum::C_ENUM_MIN_BYTES;
        let (mut lo, mut hi) = (0, rows.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match str_cmp(rows[mid].0, self.triple) {
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
                core::cmp::Ordering::Equal => return Some(rows[mid].1 as u64),
            }
        }
        None
    }
}

// The C enum table names exactly the targets of the main table, in the same (sorted) order, so
// every built-in target has its width.
const _: () = {
    let (a, b) = (c_enum::C_ENUM_MIN_BYTES, table::TARGETS);
    assert!(a.len() == b.len());
    let mut i = 0;
    while i < a.len() {
        assert!(str_eq(a[i].0, b[i].triple));
        if i > 0 {
            assert!(matches!(
                str_cmp(a[i - 1].0, a[i].0),
                core::cmp::Ordering::Less
            ));
        }
        i += 1;
    }
};

/// `a.cmp(b)` by bytes, usable in `const`.
const fn str_cmp(a: &str, b: &str) -> core::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                core::cmp::Ordering::Less
            } else {
                core::cmp::Ordering::Greater
            };
        }
        i += 1;
    }
    if a.len() < b.len() {
        core::cmp::Ordering::Less
    } else if a.len() > b.len() {
        core::cmp::Ordering::Greater
    } else {
        core::cmp::Ordering::Equal
    }
}

impl core::fmt::Display for Target {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.triple)
    }
}

/// Whether `needle` occurs in `haystack`, usable in `const`.
const fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        let mut j = 0;
        while j < needle.len() && haystack[i + j] == needle[j] {
            j += 1;
        }
        if j == needle.len() {
            return true;
        }
        i += 1;
    }
    false
}

/// `const` string equality (`==` on `str` is not `const`).
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    bytes_eq(a.as_bytes(), b.as_bytes())
}

/// `a == b`, usable in `const`.
pub(crate) const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Target {
    /// rustc's bound on the size of any type on this target: a type whose size reaches it is
    /// rejected ("values of the type ... are too big for the target architecture"). Measured:
    /// 2^61 on 64-bit, 2^31 on 32-bit and 2^15 on 16-bit targets.
    pub const fn object_size_limit(&self) -> u64 {
        match self.pointer_bits {
            16 => 1 << 15,
            32 => 1 << 31,
            _ => 1 << 61,
        }
    }
}
