//! String enumerations → enums that keep values this client does not know.

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

        impl #type_name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#fallback(value) => value,
                }
            }

            /// False for values this client does not know.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::#fallback(_))
            }
        }

        impl From<&str> for #type_name {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#variants,)*
                    other => Self::#fallback(other.to_owned()),
                }
            }
        }

        impl From<String> for #type_name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::#fallback(_) => Self::#fallback(value),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for #type_name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for #type_name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #type_name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #type_name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }

        impl rt::validate::Validate for #type_name {
            fn validate(&self, path: &str) -> Result<(), rt::InvalidInput> {
                rt::validate::known_variant(path, self.as_str(), self.is_known())
            }
        }
    }
}
