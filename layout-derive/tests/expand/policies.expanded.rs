::core::compile_error! {
    "`Policy` breaks its layout policy on x86_64-unknown-linux-gnu:\n  - `size = 24`: it is 16 bytes\nlayout on x86_64-unknown-linux-gnu: size 16, align 8, padding 5, minimum size 16\n  1 byte of padding after `kind` (offsets 9..10)\n  4 bytes of tail padding (offsets 12..16)\n(a policy is broken on `i686-unknown-linux-gnu`, `msp430-none-elf` too)"
}
#[automatically_derived]
impl ::layout_core::Layout for Policy {
    const DEF: ::layout_core::StructDef<'static> = ::layout_core::StructDef {
        name: "Policy",
        shape: ::layout_core::Shape::Struct,
        repr: ::layout_core::Repr::RUST,
        fields: &[],
        host: ::core::option::Option::None,
    };
}
#[automatically_derived]
impl ::layout_core::Model for Policy {
    const TY: ::layout_core::Ty<'static> = ::layout_core::Ty::Opaque {
        name: "Policy",
    };
}
const _: () = ::layout_core::__private_0_1_0::same_types::<
    (u64, u8, u16),
    (::core::primitive::u64, ::core::primitive::u8, ::core::primitive::u16),
>();
