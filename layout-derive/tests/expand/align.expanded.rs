/**The layout of `Counter`, as `#[derive(Layout)]` computed it:

```text
#[repr(C, align(64))] struct Counter on x86_64-unknown-linux-gnu: size 64, align 64
offset  size  align  field  type
     0     8      8  value  core::sync::atomic::AtomicU64
     8     8      8  other  core::sync::atomic::AtomicU64
    16    48         (48-byte tail padding)
size 64, padding 48 (75.0%), minimum 64 (no order is smaller)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Counter {}
#[automatically_derived]
impl ::layout_core::Model for Counter {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    2,
                    0,
                >(
                    "value: core::sync::atomic::AtomicU64\tAtomicU64\nother: core::sync::atomic::AtomicU64\tAtomicU64",
                    [],
                );
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Counter", ::layout_core::__private_0_1_0::Repr::C.aligned(64), &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_types::<
        (core::sync::atomic::AtomicU64,),
        (::core::sync::atomic::AtomicU64,),
    >();
    ::layout_core::__private_0_1_0::expect::<
        Counter,
    >(
        "Counter",
        match ::layout_core::__private_0_1_0::ATOMIC_FAMILY {
            0xa04022232332107 | 0xa04022232332100 | 0x902000000000003 | 0xa04022222222107
            | 0xa04011132221107 | 0x902011111111100 | 0xa04022232432107 => (0, 0),
            _ => (64, 64),
        },
    )
};
const _: () = {
    const DEF: ::layout_core::__private_0_1_0::StructDef<'static> = <Counter as ::layout_core::Layout>::DEF;
    ::layout_core::__private_0_1_0::run::<
        2usize,
    >(
        &::layout_core::__private_0_1_0::Subject {
            def: &DEF,
            header: "struct Counter",
            sources: &[
                "#[layout(hot)]\nvalue: core::sync::atomic::AtomicU64",
                "#[layout(separate_line)]\nother: core::sync::atomic::AtomicU64",
            ],
            tuple: false,
        },
        &::layout_core::__private_0_1_0::Policy {
            max_padding: ::core::option::Option::None,
            optimal: false,
            size: ::core::option::Option::None,
            align: ::core::option::Option::None,
            cache_line: 64u64,
            hot: &[0usize],
            separate: &[1usize],
            pinned: &[],
        },
        &::layout_core::__private_0_1_0::Targets {
            named: &[],
            current: true,
        },
    );
};
