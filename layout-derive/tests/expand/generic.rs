#[repr(C)]
struct Slot<'a, T> {
    tag: u8,
    value: T,
    next: *const Slot<'a, T>,
    name: &'a str,
}
