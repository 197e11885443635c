#[automatically_derived]
impl<'a, T> Slot<'a, T>
where
    T: ::layout_core::Model,
{
    #[doc(hidden)]
    const __LAYOUT_NAME: &'static ::layout_core::__private_0_1_0::Msg<
        { ::layout_core::__private_0_1_0::NAME_BYTES },
    > = &::layout_core::__private_0_1_0::generic_name(
        "Slot",
        &[::layout_core::__private_0_1_0::Arg::Ty(<T as ::layout_core::Model>::TY)],
    );
    #[doc(hidden)]
    const __LAYOUT_DEF: ::layout_core::__private_0_1_0::StructDef<'static> = ::layout_core::__private_0_1_0::StructDef {
        fields: &{
            let fields = ::layout_core::__private_0_1_0::fields::<
                4,
                1,
            >(
                "tag: u8\nvalue: T\t?\nnext: *const Slot<'a, T>\t*const ()\nname: &'a str\t*const str",
                [::layout_core::__private_0_1_0::model::<T>()],
            );
            fields
        },
        ..::layout_core::__private_0_1_0::def::<
            Self,
        >(Self::__LAYOUT_NAME.as_str(), ::layout_core::__private_0_1_0::Repr::C, &[])
    };
    #[doc(hidden)]
    const __LAYOUT_CHECKED: () = {
        ::layout_core::__private_0_1_0::verify::<4>(&Self::__LAYOUT_DEF);
        ::layout_core::__private_0_1_0::same_types::<
            (u8, *const Slot<'_, T>, (Slot<'_, T>, ()), &'_ str),
            (::core::primitive::u8, *const _, (Slot<'_, T>, ()), &::core::primitive::str),
        >();
    };
}
/**The layout of `Slot`, as `#[derive(Layout)]` computed it:

The layout of `value: T` comes from the compiler, so the macro cannot lay `Slot` out while it expands and prints no table here rather than guessed numbers: `Layout::layout()` gives the table on the compiling target and `Layout::layout_on(target)` on any built-in target. A field type that derives `Layout` itself has its own table in its docs.

```text
the fields of Slot, sizes on x86_64-unknown-linux-gnu:
field  type                 size  align
tag    u8                      1      1
value  T                       -      -  (resolved by the compiler)
next   *const Slot<'a, T>      8      8
name   &'a str                16      8
```
*/
#[automatically_derived]
impl<'a, T> ::layout_core::Layout for Slot<'a, T>
where
    T: ::layout_core::Model,
{
    const DEF: ::layout_core::__private_0_1_0::StructDef<'static> = {
        let () = Self::__LAYOUT_CHECKED;
        Self::__LAYOUT_DEF
    };
}
#[automatically_derived]
impl<'a, T> ::layout_core::Model for Slot<'a, T>
where
    T: ::layout_core::Model,
{
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &<Self as ::layout_core::Layout>::DEF,
    );
}
