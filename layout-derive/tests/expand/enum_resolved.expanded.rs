/**The layout of `Event`, as `#[derive(Layout)]` computed it:

some field types or discriminants are resolved by the compiler only: `LayoutEnum::layout()` and `LayoutEnum::layout_on(target)` give the tables.*/
#[automatically_derived]
impl<'a> ::layout_core::LayoutEnum for Event<'a> {}
#[automatically_derived]
impl<'a> ::layout_core::Model for Event<'a> {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Enum(
        &::layout_core::__private_0_1_0::EnumDef {
            name: "Event",
            repr: ::layout_core::__private_0_1_0::EnumRepr::int(
                ::layout_core::__private_0_1_0::Prim::I16,
            ),
            variants: &[
                ::layout_core::__private_0_1_0::Variant {
                    name: "Key",
                    discriminant: ::core::option::Option::Some(
                        {
                            const D: ::core::primitive::i16 = BASE;
                            D
                        } as i128,
                    ),
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            1,
                            1,
                        >(
                            "0: Code\t?",
                            [::layout_core::__private_0_1_0::model::<Code>()],
                        );
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Text",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            1,
                            0,
                        >("s: &'a str\t*const str", []);
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Other",
                    discriminant: ::core::option::Option::Some(
                        {
                            const D: ::core::primitive::i16 = -1i8 as i16;
                            D
                        } as i128,
                    ),
                    fields: &[],
                },
            ],
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::same_types::<
    (&'_ str,),
    (&::core::primitive::str,),
>();
const _: () = ::layout_core::__private_0_1_0::verify_enum::<
    Event<'static>,
>(&<Event<'static> as ::layout_core::LayoutEnum>::DEF);
