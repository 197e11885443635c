#[repr(u8)]
#[layout(optimal)]
enum Event {
    Key { down: bool, code: u32 },
    Move { x: u8, y: u64, z: u16 },
    Quit,
}
