// A name in scope that gives a standard name another meaning cannot build a wrong prediction:
// the compiler confirms every type the derive read by name.
#![allow(non_camel_case_types)]

mod primitives {
    use layout_core::Layout;
    type u8 = u64;
    type usize = u16;

    // Same size and alignment as the derive's model: only the offsets would be wrong.
    #[derive(Layout)]
    #[repr(C)]
    pub struct S {
        a: u8,
        b: usize,
        c: u32,
    }
}

mod std_names {
    use layout_core::Layout;

    #[derive(Layout)]
    #[repr(C, align(8))]
    pub struct Wrapping<T>(T);

    #[derive(Layout)]
    #[repr(C)]
    pub struct W {
        a: Wrapping<u32>,
        b: u8,
    }
}

mod unsized_alias {
    use layout_core::Layout;
    type Name = str;

    // `*const Name` looks thin, but is two words.
    #[derive(Layout)]
    #[repr(C)]
    pub struct P {
        a: *const Name,
        b: u8,
    }
}

mod with_a_policy {
    use layout_core::Layout;
    type u16 = u64;

    // The policy report reads `u16` as the primitive; the confirmation says it is not.
    #[derive(Layout)]
    #[repr(C)]
    #[layout(targets = "64", max_padding = 0)]
    pub struct Q {
        a: u8,
        b: u16,
    }
}

fn main() {}
