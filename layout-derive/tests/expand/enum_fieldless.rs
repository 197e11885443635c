#[repr(u8)]
pub enum Kind {
    Idle,
    Busy = 7,
    Done,
    Failed = 200,
}
