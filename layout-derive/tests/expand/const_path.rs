#[repr(C)]
#[layout(targets = "32", optimal)]
struct Ffi {
    fd: core::ffi::c_int,
    inner: Inner,
    buf: [u8; LEN],
    #[layout(host_only)]
    name: Vec<u8>,
}
