use layout_core::Layout;

// repr(Rust) with a policy: nothing is promised.
#[derive(Layout)]
#[layout(targets = "64", max_variant_ratio = 4)]
enum NoRepr {
    A(u8),
    B(u64),
}

// repr(transparent).
#[derive(Layout)]
#[repr(transparent)]
enum Wrapper {
    Only(u32),
}

// An enum without variants.
#[derive(Layout)]
enum Never {}

// `cache_line` on an enum.
#[derive(Layout)]
#[repr(C, u8)]
#[layout(max_padding = 8, cache_line = 64)]
enum Opt {
    A(u8, u64, u8),
    B,
}

// `optimal` where a field type is resolved by the compiler only: the order search runs while
// the macro expands.
type Alias = u32;

#[derive(Layout)]
#[repr(u8)]
#[layout(optimal)]
enum OptResolved {
    A(u8, Alias, u8),
    B,
}

// `optimal` with no variant of two fields: nothing to reorder.
#[derive(Layout)]
#[repr(u8)]
#[layout(optimal)]
enum OptNothing {
    A(u64),
    B,
}

// `optimal` on a `repr(Rust)` enum.
#[derive(Layout)]
#[layout(optimal)]
enum OptRust {
    A(u8, u64, u8),
    B,
}

// Field attributes that order fields.
#[derive(Layout)]
#[repr(u8)]
enum Marked {
    A {
        #[layout(hot)]
        a: u8,
        #[layout(pinned)]
        b: u64,
    },
    B(#[layout(separate_line)] u32),
}

// Generic enums.
#[derive(Layout)]
#[repr(u8)]
enum Generic<T> {
    A(T),
    B,
}

// `repr(C, u8)` without fields, and `#[layout]` on a variant.
#[derive(Layout)]
#[repr(C, u8)]
enum Conflict {
    #[layout(hot)]
    A,
    B,
}

// `max_variant_ratio` on a struct, and 0.
#[derive(Layout)]
#[repr(C)]
#[layout(max_variant_ratio = 4)]
struct NotAnEnum {
    a: u8,
}
#[derive(Layout)]
#[repr(u8)]
#[layout(max_variant_ratio = 0)]
enum Zero {
    A(u8),
}

fn main() {}
