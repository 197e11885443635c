/**The layout of `Marker`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] struct Marker on x86_64-unknown-linux-gnu: size 0, align 1
offset  size  align  field  type
                     (no fields)
size 0, padding 0 (0.0%)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Marker {}
#[automatically_derived]
impl ::layout_core::Model for Marker {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<0, 0>("", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Marker", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::expect::<Marker>("Marker", (0, 1));
