use layout_core::Layout;

// Field types only the compiler resolves (other derived structs), so the checks and the
// suggested order run in constant evaluation, for 24 fields with a pin: on every target, and on
// two with an order to paste. Constant evaluation lays the struct out once per family of
// targets, and its searches work within a fixed budget of steps, so these are the reports, not
// the compiler's `long_running_const_eval` error (which both were before).
#[derive(Layout)]
#[repr(C)]
struct W1(u8);
#[derive(Layout)]
#[repr(C)]
struct W2(u16);
#[derive(Layout)]
#[repr(C)]
struct W4(u32);
#[derive(Layout)]
#[repr(C)]
struct W8(u64);

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "all", optimal)]
struct Wide {
    kind: W1,
    a: W8,
    b: W2,
    c: W1,
    d: W4,
    e: W8,
    f: W1,
    g: W2,
    h: W4,
    i: W1,
    j: W8,
    k: W2,
    #[layout(pinned)]
    l: W1,
    m: W4,
    n: W8,
    o: W1,
    p: W2,
    q: W4,
    r: W1,
    s: W8,
    t: W2,
    u: W1,
    v: W4,
    w: W8,
}

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", optimal)]
struct Pinned {
    kind: W1,
    a: W8,
    b: W2,
    c: W1,
    d: W4,
    e: W8,
    f: W1,
    g: W2,
    h: W4,
    i: W1,
    j: W8,
    k: W2,
    #[layout(pinned)]
    l: W1,
    m: W4,
    n: W8,
    o: W1,
    p: W2,
    q: W4,
    r: W1,
    s: W8,
    t: W2,
    u: W1,
    v: W4,
    w: W8,
}

fn main() {}
