/**The layout of `Meters`, as `#[derive(Layout)]` computed it:

```text
#[repr(transparent)] struct Meters on x86_64-unknown-linux-gnu: size 8, align 8
offset  size  align  field  type
     0     0      1  1      core::marker::PhantomData<u8>
     0     8      8  0      f64
size 8, padding 0 (0.0%)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Meters {}
#[automatically_derived]
impl ::layout_core::Model for Meters {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    2,
                    0,
                >("0: f64\n1: core::marker::PhantomData<u8>\t()", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >(
                "Meters",
                ::layout_core::__private_0_1_0::Repr::TRANSPARENT,
                &[
                    ::core::mem::offset_of!(Self, 0) as u64,
                    ::core::mem::offset_of!(Self, 1) as u64,
                ],
            )
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_types::<
        (f64, core::marker::PhantomData<u8>),
        (::core::primitive::f64, ::core::marker::PhantomData<_>),
    >();
    ::layout_core::__private_0_1_0::expect::<
        Meters,
    >(
        "Meters",
        match ::layout_core::__private_0_1_0::FAMILY {
            0xa04022222222100 | 0xa04022222422100 | 0xe08033222432100 => (8, 4),
            0x902000000000000 => (8, 1),
            0x902011111111100 => (8, 2),
            _ => (8, 8),
        },
    )
};
