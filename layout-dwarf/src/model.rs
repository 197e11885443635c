//! The data model: what the debug information says about each type's layout.
//!
//! All offsets and sizes are in bytes. Every type is `serde`-serializable; the JSON form is the
//! field names below in `snake_case`, enums as externally tagged `snake_case` strings or objects.

use serde::{Deserialize, Serialize};

/// The layouts read from one build, and what could not be made to appear.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Every type found, sorted by name; a type emitted by several object files or codegen
    /// units appears once (twice only if two copies really differ, e.g. two versions of a crate).
    pub types: Vec<TypeLayout>,
    /// Types asked for by path (see [`crate::shim`]) that could not be made to appear, and why.
    pub unreached: Vec<Unreached>,
    /// The files whose debug information was read.
    pub artifacts: Vec<std::path::PathBuf>,
}

impl Report {
    /// The first type with this exact name (`crate::module::Type<Args>` as the DWARF spells it).
    pub fn get(&self, name: &str) -> Option<&TypeLayout> {
        self.types.iter().find(|t| t.name == name)
    }
}

/// What sort of type a layout describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeKind {
    /// A struct or tuple struct (`DW_TAG_structure_type` without a variant part).
    Struct,
    /// A union (`DW_TAG_union_type`).
    Union,
    /// An enum, with or without data (`DW_TAG_enumeration_type`, or a
    /// `DW_TAG_structure_type` holding a `DW_TAG_variant_part`).
    Enum,
    /// A tuple such as `(u8, u32)`; its fields are named `__0`, `__1`, ...
    Tuple,
}

/// The layout of one type as compiled.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TypeLayout {
    /// The full name: the namespace path and the name as in the DWARF, generic arguments
    /// included (`shapes::inner::Deep`, `shapes::Pair<u8, u32>`); tuples are named as written,
    /// `(u8, u32)`.
    pub name: String,
    /// The crate that defines the type (the first component of the path); `None` for tuples.
    pub crate_name: Option<String>,
    /// Struct, union, enum or tuple.
    pub kind: TypeKind,
    /// `size_of`.
    pub size: u64,
    /// `align_of`, from `DW_AT_alignment` (rustc emits it on every aggregate); `None` when absent.
    pub align: Option<u64>,
    /// The fields in memory order (by offset, then declaration order). Empty for enums: their
    /// fields are in [`EnumLayout::variants`].
    pub fields: Vec<FieldLayout>,
    /// Bytes used by no field, before the last used byte. For an enum: bytes used by neither
    /// the tag nor any field of any variant. Always empty for unions.
    pub holes: Vec<Hole>,
    /// Bytes after the last used byte (for a union: after its largest field).
    pub tail_padding: u64,
    /// The tag and the variants of an enum.
    pub enum_layout: Option<EnumLayout>,
}

impl TypeLayout {
    /// The bytes of padding: holes and tail padding.
    pub fn padding(&self) -> u64 {
        self.holes.iter().map(|h| h.size).sum::<u64>() + self.tail_padding
    }
}

/// One field of a struct, union, tuple or enum variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldLayout {
    /// The name as in the DWARF: tuple and tuple-struct fields are `__0`, `__1`, ...
    pub name: String,
    /// The field's type, as the DWARF names it (`u8`, `&u64`, `shapes::Point`, `[u8; 4]`).
    pub type_name: String,
    /// Offset from the start of the type (for a variant's field: from the start of the enum).
    pub offset: u64,
    /// `size_of` the field's type.
    pub size: u64,
    /// The field's alignment, from `DW_AT_alignment` when present.
    pub align: Option<u64>,
}

/// A run of unused bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Hole {
    /// The first unused byte.
    pub offset: u64,
    /// How many bytes.
    pub size: u64,
}

/// How an enum is laid out: where its discriminant is, and each variant's fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EnumLayout {
    /// Where the discriminant is stored; `None` when no tag is needed (one variant, or none).
    pub tag: Option<Tag>,
    /// The variants in DWARF order (declaration order).
    pub variants: Vec<VariantLayout>,
}

/// The bytes that tell the variants apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    /// Offset of the tag in the enum.
    pub offset: u64,
    /// Size of the tag.
    pub size: u64,
    /// The type the tag is read as (`u8`, `u32`, or a niche field's type such as `u64`).
    pub type_name: String,
    /// A separate tag, or a niche inside a field of one variant.
    pub encoding: TagEncoding,
}

/// How the discriminant is encoded.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagEncoding {
    /// The tag has its own bytes; every variant has a discriminant value.
    Direct,
    /// The tag is a niche: invalid values of a field of the `untagged` variant (the one without
    /// a discriminant value), e.g. the null of a reference in `Option<&T>`.
    Niche {
        /// The variant whose field holds the niche.
        untagged: String,
        /// The field of that variant that contains the tag bytes (`None` if no field does).
        field: Option<String>,
    },
}

/// One variant of an enum.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VariantLayout {
    /// The variant's name.
    pub name: String,
    /// The value the tag holds for this variant (`DW_AT_discr_value`, or the enumerator's value
    /// for a fieldless enum); `None` for the untagged variant of a niche layout and for an enum
    /// without a tag. For a niche this is the stored niche value, not the declared discriminant.
    pub discriminant: Option<u64>,
    /// The variant's fields in memory order, offsets from the start of the enum.
    pub fields: Vec<FieldLayout>,
    /// Bytes used neither by the tag nor by this variant's fields, before the last used byte.
    pub holes: Vec<Hole>,
    /// Unused bytes at the end of the enum for this variant.
    pub tail_padding: u64,
}

/// A type asked for by path that could not be made to appear in the debug information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreached {
    /// The path as given.
    pub path: String,
    /// Why it could not be reached.
    pub reason: UnreachedReason,
    /// The compiler's message, or an explanation.
    pub message: String,
}

/// Why a type could not be reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnreachedReason {
    /// The type is not visible from outside its crate (rustc E0603).
    Private,
    /// A generic type named without its arguments (E0107): name an instantiation instead.
    NeedsGenericArguments,
    /// The type is behind a `cfg` feature that the build does not enable.
    FeatureGated {
        /// The feature named by the compiler, when it names one.
        feature: Option<String>,
    },
    /// No such type (E0412, E0433, ...).
    NotFound,
    /// The type is not `Sized`, so it has no single layout.
    Unsized,
    /// Another compile error in the generated code.
    CompileError,
    /// The generated code compiled, but no type of that name is in the debug information
    /// (e.g. the path goes through a re-export: the DWARF names the defining module).
    NotEmitted,
}

/// Splits `0..size` minus the `used` byte ranges (`(offset, size)`) into holes and tail padding.
pub(crate) fn gaps(mut used: Vec<(u64, u64)>, size: u64) -> (Vec<Hole>, u64) {
    used.retain(|&(_, len)| len > 0);
    used.sort_unstable();
    let mut holes = Vec::new();
    let mut cursor = 0u64;
    for (offset, len) in used {
        if offset > cursor {
            holes.push(Hole {
                offset: cursor,
                size: offset - cursor,
            });
        }
        cursor = cursor.max(offset.saturating_add(len));
    }
    (holes, size.saturating_sub(cursor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_finds_holes_and_tail() {
        let (holes, tail) = gaps(vec![(8, 8), (0, 1), (16, 2), (4, 0)], 24);
        assert_eq!(holes, vec![Hole { offset: 1, size: 7 }]);
        assert_eq!(tail, 6);
        let (holes, tail) = gaps(vec![(0, 4), (0, 2)], 4);
        assert!(holes.is_empty());
        assert_eq!(tail, 0);
    }
}
