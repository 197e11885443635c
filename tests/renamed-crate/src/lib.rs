//! A crate that renames layout-core (`lc = { package = "layout-core", ... }` in its
//! `Cargo.toml`) and derives without `#[layout(crate = "...")]`: the derive reads the manifest
//! and names the crate `::lc`. That this crate builds is most of the test (with `::layout_core`
//! every derive below fails with "could not find `layout_core`"); the tests check the numbers
//! against the compiler.

use lc::Layout;

/// Policies checked at expansion time (named targets) and in constant evaluation.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", max_padding = 7)]
pub struct Header {
    pub id: u64,
    pub len: u32,
    pub kind: u8,
}

/// A derived struct inside another: its model comes through `::lc::Model`.
#[derive(Layout)]
#[repr(C)]
#[layout(optimal)]
pub struct Packet {
    pub header: Header,
    pub crc: u16,
}

/// A generic struct: its bounds name `::lc::Model`.
#[derive(Layout)]
#[repr(C)]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

/// An enum: `::lc::LayoutEnum`.
#[derive(Layout)]
#[repr(C, u8)]
pub enum Event {
    Key { code: u32 },
    Move { x: f32, y: f32 },
}

/// The size of `T` on the compiling target, as the derive's facts give it.
pub fn size<T: Layout>() -> u64 {
    T::layout().size()
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::{align_of, offset_of, size_of};
    use lc::LayoutEnum;

    #[test]
    fn the_facts_are_the_compilers() {
        let h = Header::layout();
        assert_eq!(h.size(), size_of::<Header>() as u64);
        assert_eq!(h.align(), align_of::<Header>() as u64);
        let offsets: Vec<u64> = h.fields.iter().map(|f| f.offset).collect();
        assert_eq!(
            offsets,
            [
                offset_of!(Header, id) as u64,
                offset_of!(Header, len) as u64,
                offset_of!(Header, kind) as u64
            ]
        );
        assert_eq!(size::<Packet>(), size_of::<Packet>() as u64);
        assert_eq!(size::<Pair<u8, u64>>(), size_of::<Pair<u8, u64>>() as u64);
        assert_eq!(Event::layout().size(), size_of::<Event>() as u64);
    }
}
