// The pasted body keeps every field, including one a `#[cfg]` switched off, and every comment.
#![allow(unexpected_cfgs)]
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", optimal)]
pub struct Conn {
    /// Connection state.
    pub state: u8, // see `State`
    // The peer's id.
    pub id: u64,
    #[cfg(feature = "tls-not-enabled")]
    pub tls: *const u8,
    /* flags, bit by bit */
    pub flags: u16,
    // end of the struct
}

fn main() {}
