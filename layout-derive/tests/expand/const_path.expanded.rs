/**The layout of `Ffi`, as `#[derive(Layout)]` computed it:

The layout of `inner: Inner`, `buf: [u8; LEN]`, `name: Vec<u8>` comes from the compiler, so the macro cannot lay `Ffi` out while it expands and prints no table here rather than guessed numbers: `Layout::layout()` gives the table on the compiling target and `Layout::layout_on(target)` on any built-in target. A field type that derives `Layout` itself has its own table in its docs.

```text
the fields of Ffi, sizes on x86_64-unknown-linux-gnu:
field  type               size  align
fd     core::ffi::c_int      4      4
inner  Inner                 -      -  (resolved by the compiler)
buf    [u8; LEN]             -      -  (resolved by the compiler)
name   Vec<u8>               -      -  (resolved by the compiler)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Ffi {}
#[automatically_derived]
impl ::layout_core::Model for Ffi {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    4,
                    3,
                >(
                    "fd: core::ffi::c_int\tc_int\ninner: Inner\t?\nbuf: [u8; LEN]\t?\nname: Vec<u8>\t?",
                    [
                        ::layout_core::__private_0_1_0::model::<Inner>(),
                        ::layout_core::__private_0_1_0::array_of("u8", LEN),
                        ::layout_core::__private_0_1_0::host_only::<Vec<u8>>(),
                    ],
                );
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Ffi", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_types::<
        (core::ffi::c_int, u8),
        (::core::ffi::c_int, ::core::primitive::u8),
    >();
    ::layout_core::__private_0_1_0::verify::<4>(&<Ffi as ::layout_core::Layout>::DEF)
};
const _: () = {
    const DEF: ::layout_core::__private_0_1_0::StructDef<'static> = <Ffi as ::layout_core::Layout>::DEF;
    ::layout_core::__private_0_1_0::run::<
        4usize,
    >(
        &::layout_core::__private_0_1_0::Subject {
            def: &DEF,
            header: "struct Ffi",
            sources: &[
                "fd: core::ffi::c_int",
                "inner: Inner",
                "buf: [u8; LEN]",
                "#[layout(host_only)]\nname: Vec<u8>",
            ],
            tuple: false,
        },
        &::layout_core::__private_0_1_0::Policy {
            max_padding: ::core::option::Option::None,
            optimal: true,
            size: ::core::option::Option::None,
            align: ::core::option::Option::None,
            cache_line: 64u64,
            hot: &[],
            separate: &[],
            pinned: &[],
        },
        &::layout_core::__private_0_1_0::Targets {
            named: &[
                ::layout_core::__private_0_1_0::target(
                    122usize,
                    "i686-unknown-linux-gnu",
                ),
            ],
            current: false,
        },
    );
};
