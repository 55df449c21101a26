//! `oneOf`/`anyOf` → enums: internally tagged with a discriminator (the
//! runtime's `tagged_union!` keeps a value of an unknown kind), untagged
//! otherwise.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::{types::rust_type, validate};
use crate::ir::Union;
use crate::names::ident;

pub fn emit(name: &str, doc: TokenStream, def: &Union, traits: super::Traits) -> TokenStream {
    let type_name = ident(name);
    let here = TokenStream::new();
    let tagged = def.tag.as_deref().zip(def.fallback.as_deref());
    // serde's own `tag` would fail on a kind this client does not know.
    let (serde, untagged) = match tagged {
        Some(_) => (TokenStream::new(), None),
        None => (traits.serde(), Some(quote!(#[serde(untagged)]))),
    };
    let variants = def.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = variant_type(v, &here);
        let rename = match &v.tag_value {
            Some(t) => super::docs::attrs(Some(&format!(
                "{} = {}",
                super::docs::code(def.tag.as_deref().unwrap_or_default()),
                super::docs::code(t)
            ))),
            None => {
                let doc = format!(" A value of the form `{}`.", v.name);
                quote!(#[doc = #doc])
            }
        };
        quote! { #rename #variant(#ty), }
    });
    let fallback = tagged.map(|(_, name)| ident(name));
    let fallback_variant = fallback.as_ref().map(|name| {
        quote! {
            /// A kind this client does not know, e.g. from a newer service version.
            #name(rt::UnknownKind),
        }
    });
    let fallback_arm = fallback.as_ref().map(
        |name| quote!(Self::#name(value) => rt::validate::known_variant(path, value.tag(), false),),
    );
    let tagged_impls = tagged.map(|(tag, _)| {
        let names = def.variants.iter().map(|v| ident(&v.name));
        let wires = def
            .variants
            .iter()
            .map(|v| v.tag_value.as_deref().unwrap_or_default());
        let ser = traits.serialize.then(|| quote!(ser));
        let de = traits.deserialize.then(|| quote!(de));
        quote!(rt::tagged_union!(#type_name, #tag, #fallback; { #(#names = #wires),* }; #ser #de);)
    });
    let arms = def.variants.iter().map(|v| {
        let variant = ident(&v.name);
        if validate::delegates(&v.shape) {
            return quote!(Self::#variant(value) => rt::validate::Validate::validate(value, path),);
        }
        let checks = validate::checks(&v.shape, &quote!(value), &quote!(path));
        if checks.is_empty() {
            quote!(Self::#variant(_) => Ok(()),)
        } else {
            quote!(Self::#variant(value) => { #checks Ok(()) })
        }
    });
    // `From` only where a type appears once, so conversions stay unambiguous.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for v in &def.variants {
        *counts
            .entry(variant_type(v, &here).to_string())
            .or_default() += 1;
    }
    let froms = def
        .variants
        .iter()
        .filter(|v| counts[&variant_type(v, &here).to_string()] == 1)
        .map(|v| {
            let variant = ident(&v.name);
            let ty = variant_type(v, &here);
            quote! {
                impl From<#ty> for #type_name {
                    fn from(value: #ty) -> Self {
                        Self::#variant(value)
                    }
                }
            }
        });
    // A union left without variants has no values to check (or to match).
    let body = if def.variants.is_empty() && fallback.is_none() {
        quote!(Ok(()))
    } else {
        quote! {
            match self {
                #(#arms)*
                #fallback_arm
            }
        }
    };
    let validate = traits.validate.then(|| {
        quote! {
            impl rt::validate::Validate for #type_name {
                #[allow(unused_variables)]
                fn validate(&self, path: &str) -> Result<(), rt::InvalidInput> {
                    #body
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #serde)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        #untagged
        pub enum #type_name {
            #(#variants)*
            #fallback_variant
        }

        #tagged_impls
        #(#froms)*

        #validate
    }
}

fn variant_type(v: &crate::ir::UnionVariant, here: &TokenStream) -> TokenStream {
    let ty = rust_type(&v.shape, here);
    if v.boxed {
        quote!(Box<#ty>)
    } else {
        ty
    }
}
