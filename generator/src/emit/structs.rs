//! Object schemas → structs with a constructor, setters and validation.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, types::rust_type, validate};
use crate::ir::{Field, RequiredSets, Struct};
use crate::names::{bare, ident};

/// Name of the field that collects properties not listed in the schema.
const EXTRA_FIELD: &str = "additional_properties";

pub fn emit(name: &str, doc: TokenStream, def: &Struct, traits: super::Traits) -> TokenStream {
    let type_name = ident(name);
    let here = TokenStream::new();
    let tag_note = def.tag_owned_by_parent.as_ref().map(|tag| {
        let note = docs::attrs(Some(&format!(
            "The {} property is written by the enclosing enum.",
            docs::code(tag)
        )));
        quote!(#[doc = ""] #note)
    });

    let flattened = def.additional.is_some();
    // Reading goes through the runtime's `deserialize_struct!`, except beside
    // a flattened map, which serde's derive collects.
    let derived = super::Traits {
        deserialize: traits.deserialize && flattened,
        ..traits
    };
    // `#[serde]` field attributes only where a serde derive reads them.
    let attributes = derived.serialize || derived.deserialize;
    let fields = def.fields.iter().map(|f| {
        let field_name = ident(&f.name);
        let ty = field_type(f, &here);
        let field_doc = docs::paragraphs(&[f.doc.as_deref(), default_note(f).as_deref()]);
        let rename = (attributes && bare(&f.name) != f.wire).then(|| {
            let wire = &f.wire;
            quote!(#[serde(rename = #wire)])
        });
        // A missing `Option` reads as `None` by itself, except beside a
        // flattened map; an unset one is left out of what is sent.
        let default = (is_optional(f) && derived.deserialize).then(|| quote!(default));
        let skip = (!f.required && is_optional(f) && traits.serialize)
            .then(|| quote!(skip_serializing_if = "Option::is_none"));
        let parts: Vec<TokenStream> = default.into_iter().chain(skip).collect();
        let optional = (!parts.is_empty()).then(|| quote!(#[serde(#(#parts),*)]));
        quote! { #field_doc #rename #optional pub #field_name: #ty, }
    });
    let extra = def.additional.as_ref().map(|value| {
        let value = rust_type(value, &here);
        let extra = format_ident!("{}", EXTRA_FIELD);
        quote! {
            /// Properties not described by the API.
            #[serde(flatten)]
            pub #extra: std::collections::BTreeMap<String, #value>,
        }
    });

    let constructor = constructor(def, &here);
    // Setters build values to send; a value only received is read.
    let setters = def
        .fields
        .iter()
        .filter(|f| traits.serialize && !f.required)
        .map(|f| {
            let field_name = ident(&f.name);
            let setter = format_ident!("with_{}", bare(&f.name));
            let ty = inner_type(f, &here);
            let doc = docs::attrs(Some(&format!("Sets {}.", docs::code(&f.wire))));
            quote! {
                #doc
                #[must_use]
                pub fn #setter(mut self, value: impl Into<#ty>) -> Self {
                    self.#field_name = Some(value.into());
                    self
                }
            }
        });

    let mut checks: Vec<TokenStream> = def.fields.iter().filter_map(field_check).collect();
    checks.extend(
        def.required_sets
            .as_ref()
            .map(|r| required_sets_check(def, r)),
    );
    let validate = if !traits.validate {
        TokenStream::new()
    } else if checks.is_empty() {
        quote!(impl rt::validate::Validate for #type_name {})
    } else {
        quote! {
            impl rt::validate::Validate for #type_name {
                fn validate(&self, path: &str) -> Result<(), rt::InvalidInput> {
                    #(#checks)*
                    Ok(())
                }
            }
        }
    };

    let serde = derived.serde();
    let read = (traits.deserialize && !flattened).then(|| {
        let fields = def.fields.iter().enumerate().map(|(i, f)| {
            let field = ident(&f.name);
            let wire = &f.wire;
            let kind = if is_optional(f) {
                format_ident!("opt")
            } else {
                format_ident!("req")
            };
            let index = proc_macro2::Literal::usize_unsuffixed(i);
            quote!(#field #wire #index #kind)
        });
        quote!(rt::deserialize_struct!(#type_name { #(#fields),* });)
    });
    // With nothing required, every field starts empty: `Default` says so.
    let default = def.fields.iter().all(is_optional).then(|| quote!(Default,));
    quote! {
        #doc
        #tag_note
        #[derive(Debug, Clone, #default PartialEq, #serde)]
        #[non_exhaustive]
        pub struct #type_name {
            #(#fields)*
            #extra
        }

        impl #type_name {
            #constructor
            #(#setters)*
        }

        #read

        #validate
    }
}

/// The check that the properties set complete one of `sets`.
fn required_sets_check(def: &Struct, required: &RequiredSets) -> TokenStream {
    let sets = required.sets.iter().map(|set| {
        let members = set.iter().filter_map(|wire| {
            let f = def.fields.iter().find(|f| &f.wire == wire)?;
            let field_name = ident(&f.name);
            let present = if f.required {
                quote!(true)
            } else {
                quote!(self.#field_name.is_some())
            };
            Some(quote!((#wire, #present)))
        });
        quote!(&[#(#members),*])
    });
    let exactly_one = required.exactly_one;
    quote! { rt::validate::required_sets(path, &[#(#sets),*], #exactly_one)?; }
}

/// The statements checking field `f` of `self`, if it has constraints.
fn field_check(f: &Field) -> Option<TokenStream> {
    let field_name = ident(&f.name);
    let wire = &f.wire;
    // Named types (and options, lists and maps of them) check themselves.
    if validate::delegates(&f.shape) {
        return Some(quote!(rt::validate::member(path, #wire, &self.#field_name)?;));
    }
    let body = validate::checks(&f.shape, &quote!(value), &quote!(&field_path));
    if body.is_empty() {
        return None;
    }
    let statements = quote!(let field_path = rt::validate::join(path, #wire); #body);
    Some(if is_optional(f) {
        quote!(if let Some(value) = &self.#field_name { #statements })
    } else {
        quote!({ let value = &self.#field_name; #statements })
    })
}

fn constructor(def: &Struct, here: &TokenStream) -> TokenStream {
    let params = def.fields.iter().filter(|f| f.required).map(|f| {
        let name = ident(&f.name);
        let ty = field_type(f, here);
        quote!(#name: #ty)
    });
    let others = def
        .fields
        .iter()
        .filter(|f| !f.required)
        .map(|f| ident(&f.name));
    let extra = def
        .additional
        .as_ref()
        .map(|_| format_ident!("{}", EXTRA_FIELD));
    let others: Vec<_> = others.chain(extra).collect();
    let others = (!others.is_empty()).then(|| quote!(; #(#others),*));
    quote!(rt::constructor!(#(#params),* #others);)
}

/// Optional and nullable properties are `Option`s.
fn is_optional(f: &Field) -> bool {
    !f.required || f.nullable
}

/// The field's type without the `Option`.
fn inner_type(f: &Field, here: &TokenStream) -> TokenStream {
    let ty = rust_type(&f.shape, here);
    if f.boxed {
        quote!(Box<#ty>)
    } else {
        ty
    }
}

fn field_type(f: &Field, here: &TokenStream) -> TokenStream {
    let ty = inner_type(f, here);
    if is_optional(f) {
        quote!(Option<#ty>)
    } else {
        ty
    }
}

fn default_note(f: &Field) -> Option<String> {
    let default = f.shape.checks.default.as_ref()?;
    Some(format!("Defaults to `{default}`."))
}
