///`Plain` is `repr(Rust)`: rustc chooses its layout, so `#[derive(Layout)]` models it by the compiler's size and alignment on the compiling target only. Add `#[repr(u8)]` or `#[repr(C)]` for `LayoutEnum`: the tag, every variant's offsets and padding, on every target.
#[automatically_derived]
impl ::layout_core::Model for Plain {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Host {
        name: "Plain",
        size: ::core::mem::size_of::<Self>() as u64,
        align: ::core::mem::align_of::<Self>() as u64,
    };
}
