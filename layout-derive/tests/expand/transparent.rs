#[repr(transparent)]
struct Meters(f64, core::marker::PhantomData<u8>);
