#[repr(C)]
struct Marker;
