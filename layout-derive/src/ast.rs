//! The input re-expressed as the macro's own small types: the struct, its fields, its `repr`
//! and its `#[layout]` attributes.

use crate::attr::{self, FieldAttrs, StructAttrs};
use crate::ctxt::Ctxt;
use layout_syntax::repr::{ReprAttr, parse_repr};

/// What kind of item the derive is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `struct S { a: T }`.
    Named,
    /// `struct S(T);`.
    Tuple,
    /// `struct S;`.
    Unit,
    /// `union U { a: T }`.
    Union,
}

/// One field.
pub struct Field<'a> {
    /// `a` or `0`.
    pub member: syn::Member,
    /// The name for messages and for the engine (`"a"`, `"0"`).
    pub name: String,
    /// The type as written.
    pub ty: &'a syn::Type,
    /// Its `#[layout(...)]`.
    pub attrs: FieldAttrs,
    /// The field as parsed.
    pub original: &'a syn::Field,
}

/// A struct or union with everything the derive needs.
pub struct Input<'a> {
    /// The whole input.
    pub original: &'a syn::DeriveInput,
    /// Its name.
    pub ident: &'a syn::Ident,
    /// Its name as text (each `to_string` of a compiler ident is a call into the compiler).
    pub name: String,
    /// Struct shape.
    pub kind: Kind,
    /// Fields in declaration order.
    pub fields: Vec<Field<'a>>,
    /// `#[repr(...)]`.
    pub repr: ReprAttr,
    /// `#[layout(...)]`.
    pub attrs: StructAttrs,
}

impl<'a> Input<'a> {
    /// Reads `input`; `None` (with the errors in `cx`) when it cannot be a `Layout` type at all.
    pub fn from_syn(cx: &mut Ctxt, input: &'a syn::DeriveInput) -> Option<Input<'a>> {
        let (kind, fields): (Kind, Vec<&'a syn::Field>) = match &input.data {
            syn::Data::Struct(s) => match &s.fields {
                syn::Fields::Named(f) => (Kind::Named, f.named.iter().collect()),
                syn::Fields::Unnamed(f) => (Kind::Tuple, f.unnamed.iter().collect()),
                syn::Fields::Unit => (Kind::Unit, Vec::new()),
            },
            syn::Data::Union(u) => (Kind::Union, u.fields.named.iter().collect()),
            syn::Data::Enum(e) => {
                cx.error_spanned_by(
                    e.enum_token,
                    "`#[derive(Layout)]` does not support enums yet: it supports structs (named, \
                     tuple and unit) and `#[repr(C)]` unions, with `repr(C)`, `packed(N)`, \
                     `align(N)`, `transparent` or the default representation",
                );
                return None;
            }
        };
        let attrs = attr::struct_attrs(cx, &input.attrs);
        let repr = match parse_repr(&input.attrs) {
            Ok(r) => r,
            Err(e) => {
                cx.syn_error(e);
                return None;
            }
        };
        let fields = fields
            .into_iter()
            .enumerate()
            .map(|(i, f)| Field {
                member: match &f.ident {
                    Some(id) => syn::Member::Named(id.clone()),
                    None => syn::Member::Unnamed(syn::Index {
                        index: i as u32,
                        span: proc_macro2::Span::call_site(),
                    }),
                },
                name: match &f.ident {
                    Some(id) => id.unraw().to_string(),
                    None => i.to_string(),
                },
                ty: &f.ty,
                attrs: attr::field_attrs(cx, &f.attrs),
                original: f,
            })
            .collect();
        Some(Input {
            original: input,
            ident: &input.ident,
            name: input.ident.to_string(),
            kind,
            fields,
            repr,
            attrs,
        })
    }

    /// Whether the struct has type or const parameters (checks then run per instantiation).
    pub fn is_generic(&self) -> bool {
        self.original.generics.type_params().next().is_some()
            || self.original.generics.const_params().next().is_some()
    }

    /// Declared indices of the fields with a field attribute.
    pub fn marked(&self, pick: impl Fn(&FieldAttrs) -> bool) -> Vec<usize> {
        (0..self.fields.len())
            .filter(|&i| pick(&self.fields[i].attrs))
            .collect()
    }
}

use syn::ext::IdentExt as _;
