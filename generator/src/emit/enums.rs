//! String enumerations → enums that keep values this client does not know;
//! the runtime's `string_enum!` writes their conversions.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::StringEnum;
use crate::names::ident;

pub fn emit(name: &str, doc: TokenStream, def: &StringEnum) -> TokenStream {
    let type_name = ident(name);
    let fallback = ident(&def.fallback);
    let variants: Vec<_> = def.variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<_> = def.variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs: Vec<_> = wires
        .iter()
        .map(|w| super::docs::attrs(Some(&super::docs::code(w))))
        .collect();
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #type_name {
            #(#variant_docs #variants,)*
            /// A value this client does not know, e.g. from a newer service version.
            #fallback(String),
        }

        rt::string_enum!(#type_name, #fallback #(, #variants = #wires)*);
    }
}
