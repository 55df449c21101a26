//! `oneOf`/`anyOf` → enums: internally tagged with a discriminator,
//! untagged otherwise.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::{types::rust_type, validate};
use crate::ir::Union;
use crate::names::ident;

pub fn emit(name: &str, doc: TokenStream, def: &Union, traits: super::Traits) -> TokenStream {
    let type_name = ident(name);
    let here = TokenStream::new();
    let tag_attr = match &def.tag {
        Some(tag) => quote!(#[serde(tag = #tag)]),
        None => quote!(#[serde(untagged)]),
    };
    let variants = def.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = variant_type(v, &here);
        let rename = match &v.tag_value {
            Some(t) => {
                let doc = super::docs::attrs(Some(&format!(
                    "{} = {}",
                    super::docs::code(def.tag.as_deref().unwrap_or_default()),
                    super::docs::code(t)
                )));
                quote!(#doc #[serde(rename = #t)])
            }
            None => {
                let doc = format!(" A value of the form `{}`.", v.name);
                quote!(#[doc = #doc])
            }
        };
        quote! { #rename #variant(#ty), }
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
    let body = if def.variants.is_empty() {
        quote!(Ok(()))
    } else {
        quote! {
            match self {
                #(#arms)*
            }
        }
    };
    let serde = traits.serde();
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
        #tag_attr
        pub enum #type_name {
            #(#variants)*
        }

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
