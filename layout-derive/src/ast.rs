//! The input re-expressed as the macro's own small types: the struct, its fields, its `repr`
//! and its `#[layout]` attributes, with what the derive works out from them once (each field's
//! model and type name, the fields each field attribute marks), so that the checks and the code
//! generation read one value instead of lists kept in step beside it.

use crate::attr::{self, FieldAttrs, StructAttrs};
use crate::ctxt::Ctxt;
use crate::entries::{self, Model};
use layout_engine::Shape;
use layout_engine::check::Policy;
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
    /// The type as written, as text for messages and the engine's tables.
    pub ty_name: String,
    /// How the engine models the type.
    pub model: Model,
    /// Its `#[layout(...)]`.
    pub attrs: FieldAttrs,
    /// The field as parsed.
    pub original: &'a syn::Field,
}

/// The fields each field attribute that is a policy marks (declared indices, in order): the
/// engine takes them as lists.
#[derive(Default)]
pub struct Marked {
    /// `hot`.
    pub hot: Vec<usize>,
    /// `separate_line`.
    pub separate: Vec<usize>,
    /// `pinned`.
    pub pinned: Vec<usize>,
}

/// A struct or union (or an enum's variant) with everything the derive needs.
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
    /// The fields marked `hot`, `separate_line` and `pinned`.
    pub marked: Marked,
    /// Why its definition may be another on other targets (see `per_target`), or `None`.
    pub per_target: Option<String>,
}

impl<'a> Input<'a> {
    /// Reads `input`; `None` (with the errors in `cx`) when it cannot be a `Layout` type at all.
    pub fn from_syn(cx: &mut Ctxt, input: &'a syn::DeriveInput) -> Option<Input<'a>> {
        let (kind, fields): (Kind, Vec<&'a syn::Field>) = match &input.data {
            syn::Data::Struct(s) => kind_and_fields(&s.fields),
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
        let mut fields = read_fields(cx, &input.generics, fields);
        let per_target = crate::per_target::dependence(input);
        // The derive sees this target's definition only: modelled here, predicted nowhere else.
        if per_target.is_some() {
            for f in &mut fields {
                f.model = Model::HostOnly;
            }
        }
        Some(Input {
            original: input,
            ident: &input.ident,
            name: input.ident.to_string(),
            kind,
            marked: Marked::of(&fields),
            fields,
            repr,
            attrs,
            per_target,
        })
    }

    /// Reads `variant` of the enum `input` as a struct of its fields, with the enum's `repr`
    /// and no attributes of its own.
    pub fn from_variant(
        cx: &mut Ctxt,
        input: &'a syn::DeriveInput,
        variant: &'a syn::Variant,
        repr: &ReprAttr,
    ) -> Input<'a> {
        let (kind, fields) = kind_and_fields(&variant.fields);
        let fields = read_fields(cx, &input.generics, fields);
        Input {
            original: input,
            ident: &variant.ident,
            name: variant.ident.to_string(),
            kind,
            marked: Marked::of(&fields),
            fields,
            repr: repr.clone(),
            attrs: StructAttrs::default(),
            per_target: None,
        }
    }

    /// Whether the struct has type or const parameters (checks then run per instantiation).
    pub fn is_generic(&self) -> bool {
        self.original.generics.type_params().next().is_some()
            || self.original.generics.const_params().next().is_some()
    }

    /// The engine's shape of the input.
    pub fn shape(&self) -> Shape {
        if self.kind == Kind::Union {
            Shape::Union
        } else {
            Shape::Struct
        }
    }

    /// Whether there is anything to check: a policy of the struct, or a field marked `hot` or
    /// `separate_line`.
    pub fn has_policy(&self) -> bool {
        self.attrs.has_policy() || !self.marked.hot.is_empty() || !self.marked.separate.is_empty()
    }

    /// The policies as the engine checks them.
    pub fn policy(&self) -> Policy<'_> {
        let a = &self.attrs;
        Policy {
            max_padding: a.max_padding.as_ref().map(|v| v.value),
            optimal: a.optimal.is_some(),
            size: a.size.as_ref().map(|v| v.value),
            align: a.align.as_ref().map(|v| v.value),
            cache_line: a.cache_line.as_ref().map_or(64, |v| v.value),
            hot: &self.marked.hot,
            separate: &self.marked.separate,
            pinned: &self.marked.pinned,
        }
    }
}

impl Marked {
    fn of(fields: &[Field<'_>]) -> Self {
        let marked = |pick: fn(&FieldAttrs) -> bool| -> Vec<usize> {
            (0..fields.len())
                .filter(|&i| pick(&fields[i].attrs))
                .collect()
        };
        Marked {
            hot: marked(|a| a.hot.is_some()),
            separate: marked(|a| a.separate_line.is_some()),
            pinned: marked(|a| a.pinned.is_some()),
        }
    }
}

/// The kind of a struct or variant with `fields`, and the fields in order.
fn kind_and_fields(fields: &syn::Fields) -> (Kind, Vec<&syn::Field>) {
    match fields {
        syn::Fields::Named(f) => (Kind::Named, f.named.iter().collect()),
        syn::Fields::Unnamed(f) => (Kind::Tuple, f.unnamed.iter().collect()),
        syn::Fields::Unit => (Kind::Unit, Vec::new()),
    }
}

/// `fields` read: their names, attributes, type names and models (the type parameters of
/// `generics` in scope).
fn read_fields<'a>(
    cx: &mut Ctxt,
    generics: &syn::Generics,
    fields: Vec<&'a syn::Field>,
) -> Vec<Field<'a>> {
    let attrs: Vec<FieldAttrs> = fields
        .iter()
        .map(|f| attr::field_attrs(cx, &f.attrs))
        .collect();
    let models = entries::models(
        generics,
        fields
            .iter()
            .zip(&attrs)
            .map(|(f, a)| (&f.ty, a.host_only.is_some())),
    );
    fields
        .into_iter()
        .zip(attrs)
        .zip(models)
        .enumerate()
        .map(|(i, ((f, attrs), model))| Field {
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
            ty_name: entries::type_name(&f.ty),
            model,
            attrs,
            original: f,
        })
        .collect()
}

use syn::ext::IdentExt as _;
