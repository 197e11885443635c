//! `#[layout(optimal)]` on enums against the compiler: the enum of `ui-tests/tests/ui/enum_optimal.rs`
//! as declared and with the variant orders its report suggests, whose sizes the report gives
//! (24 and 16 bytes on 64-bit targets); the reordered one derives with `optimal`, so it is
//! optimal by the derive's own check too.

use core::mem::size_of;
use layout_core::{Layout, LayoutEnum};

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Declared {
    Key { down: bool, code: u32 },
    Move { x: u8, y: u64, z: u16 },
    Resize(u16, u64, u16) = 7,
    Quit,
}

#[derive(Layout)]
#[repr(u8)]
#[layout(optimal)]
#[allow(dead_code)]
enum Suggested {
    Key { down: bool, code: u32 },
    Move { x: u8, z: u16, y: u64 },
    Resize(u16, u16, u64) = 7,
    Quit,
}

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", optimal)]
#[allow(dead_code)]
enum Packet {
    Data {
        flag: bool,
        kind: u8,
        crc: u32,
        len: u64,
    },
    Empty,
}

#[test]
fn the_suggested_orders_give_the_sizes_the_report_says() {
    assert_eq!(Declared::layout().size(), size_of::<Declared>() as u64);
    assert_eq!(Suggested::layout().size(), size_of::<Suggested>() as u64);
    if size_of::<usize>() == 8 {
        assert_eq!(size_of::<Declared>(), 24);
        assert_eq!(size_of::<Suggested>(), 16);
        assert_eq!(size_of::<Packet>(), 24);
    }
    // The tag stays first in every `repr(u8)` variant (RFC 2195: a `repr(C)` struct that starts
    // with it), so `Move` is this struct, 16 bytes, and the enum no larger.
    #[repr(C)]
    struct MoveVariant {
        _tag: u8,
        _x: u8,
        _z: u16,
        _y: u64,
    }
    assert!(size_of::<MoveVariant>() <= size_of::<Suggested>());
    assert_eq!(Suggested::layout().align(), Declared::layout().align());
}
