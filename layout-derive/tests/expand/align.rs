#[repr(C, align(64))]
#[layout(cache_line = 64)]
struct Counter {
    #[layout(hot)]
    value: core::sync::atomic::AtomicU64,
    #[layout(separate_line)]
    other: core::sync::atomic::AtomicU64,
}
