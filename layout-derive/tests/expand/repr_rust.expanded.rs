/**The layout of `Plain`, as `#[derive(Layout)]` computed it:

`repr(Rust)`: rustc chooses the layout; `Layout::layout()` gives it on the compiling target.*/
#[automatically_derived]
impl ::layout_core::Layout for Plain {}
#[automatically_derived]
impl ::layout_core::Model for Plain {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    2,
                    0,
                >("a: u8\nb: u32", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >(
                "Plain",
                ::layout_core::__private_0_1_0::Repr::RUST,
                &[
                    ::core::mem::offset_of!(Self, a) as u64,
                    ::core::mem::offset_of!(Self, b) as u64,
                ],
            )
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::same_prims::<(u8, u32), _>((0u8, 0u32));
