//! The primitive scalar types.

/// A primitive scalar type: Rust's, and the C integer types whose width differs between targets
/// (`core::ffi::c_int`, `c_long` and their unsigned twins). The size of `usize`/`isize` and of
/// the C types depends on the [`Target`](crate::Target); every alignment comes from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Prim {
    /// `bool`
    Bool,
    /// `char`
    Char,
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `u128`
    U128,
    /// `usize`
    Usize,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `i128`
    I128,
    /// `isize`
    Isize,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `core::ffi::c_int`: `i16` on AVR and MSP430, `i32` elsewhere.
    CInt,
    /// `core::ffi::c_uint`: as [`Prim::CInt`], unsigned.
    CUint,
    /// `core::ffi::c_long`: `i64` on 64-bit targets other than Windows and on 32-bit WebAssembly
    /// Linux, `i32` elsewhere.
    CLong,
    /// `core::ffi::c_ulong`: as [`Prim::CLong`], unsigned.
    CUlong,
}

impl Prim {
    /// Every primitive, in declaration order: Rust's ([`Prim::RUST`]), then the C types.
    pub const ALL: [Prim; 20] = [
        Prim::Bool,
        Prim::Char,
        Prim::U8,
        Prim::U16,
        Prim::U32,
        Prim::U64,
        Prim::U128,
        Prim::Usize,
        Prim::I8,
        Prim::I16,
        Prim::I32,
        Prim::I64,
        Prim::I128,
        Prim::Isize,
        Prim::F32,
        Prim::F64,
        Prim::CInt,
        Prim::CUint,
        Prim::CLong,
        Prim::CUlong,
    ];

    /// Rust's primitives: the first 16 of [`Prim::ALL`].
    pub const RUST: [Prim; 16] = {
        let mut out = [Prim::Bool; 16];
        let mut i = 0;
        while i < 16 {
            out[i] = Prim::ALL[i];
            i += 1;
        }
        out
    };

    /// The Rust spelling of the type.
    pub const fn name(self) -> &'static str {
        match self {
            Prim::Bool => "bool",
            Prim::Char => "char",
            Prim::U8 => "u8",
            Prim::U16 => "u16",
            Prim::U32 => "u32",
            Prim::U64 => "u64",
            Prim::U128 => "u128",
            Prim::Usize => "usize",
            Prim::I8 => "i8",
            Prim::I16 => "i16",
            Prim::I32 => "i32",
            Prim::I64 => "i64",
            Prim::I128 => "i128",
            Prim::Isize => "isize",
            Prim::F32 => "f32",
            Prim::F64 => "f64",
            Prim::CInt => "c_int",
            Prim::CUint => "c_uint",
            Prim::CLong => "c_long",
            Prim::CUlong => "c_ulong",
        }
    }

    /// Parses the spelling of a Rust primitive (`"u64"` → `Prim::U64`); not the C types, which
    /// are not primitives to rustc (`c_int` is a name any crate may define).
    pub fn from_name(name: &str) -> Option<Prim> {
        // A `match` rather than a search of `RUST` by `name()`: the derive asks for every field,
        // unoptimised under `cargo check`.
        Some(match name {
            "bool" => Prim::Bool,
            "char" => Prim::Char,
            "u8" => Prim::U8,
            "u16" => Prim::U16,
            "u32" => Prim::U32,
            "u64" => Prim::U64,
            "u128" => Prim::U128,
            "usize" => Prim::Usize,
            "i8" => Prim::I8,
            "i16" => Prim::I16,
            "i32" => Prim::I32,
            "i64" => Prim::I64,
            "i128" => Prim::I128,
            "isize" => Prim::Isize,
            "f32" => Prim::F32,
            "f64" => Prim::F64,
            _ => return None,
        })
    }

    /// Whether this is one of the C types (`c_int`, ...), whose width depends on the target.
    pub const fn is_c(self) -> bool {
        matches!(self, Prim::CInt | Prim::CUint | Prim::CLong | Prim::CUlong)
    }
}

#[cfg(test)]
mod tests {
    use super::Prim;

    /// `from_name` reads back every Rust primitive's `name()`, and nothing else.
    #[test]
    fn from_name_reads_back_the_rust_primitives() {
        for p in Prim::ALL {
            let back = Prim::from_name(p.name());
            assert_eq!(back, Prim::RUST.contains(&p).then_some(p), "{}", p.name());
        }
        assert_eq!(Prim::from_name("str"), None);
    }
}
