#[repr(C)]
struct Pair(u32, &'static str);
