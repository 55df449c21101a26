//! Shapes → Rust type tokens.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{FloatWidth, IntWidth, Shape, ShapeKind};
use crate::names::ident;

/// The Rust type of `shape`; named types are prefixed with `types_path`
/// (empty inside `mod types`, `types::` in `mod operations`).
pub fn rust_type(shape: &Shape, types_path: &TokenStream) -> TokenStream {
    match &shape.kind {
        ShapeKind::Bool => quote!(bool),
        ShapeKind::Integer(IntWidth::I32) => quote!(i32),
        ShapeKind::Integer(IntWidth::I64) => quote!(i64),
        ShapeKind::Integer(IntWidth::U32) => quote!(u32),
        ShapeKind::Integer(IntWidth::U64) => quote!(u64),
        ShapeKind::Number(FloatWidth::F32) => quote!(f32),
        ShapeKind::Number(FloatWidth::F64) => quote!(f64),
        ShapeKind::String => quote!(String),
        ShapeKind::Bytes => quote!(Vec<u8>),
        ShapeKind::Any => quote!(serde_json::Value),
        ShapeKind::Array(item) => {
            let item = rust_type(item, types_path);
            quote!(Vec<#item>)
        }
        ShapeKind::Nullable(inner) => {
            let inner = rust_type(inner, types_path);
            quote!(Option<#inner>)
        }
        ShapeKind::Tuple(elements) => {
            let elements = elements.iter().map(|e| rust_type(e, types_path));
            quote!((#(#elements,)*))
        }
        ShapeKind::Map(value) => {
            let value = rust_type(value, types_path);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        ShapeKind::Named(name) => {
            let name = ident(name);
            quote!(#types_path #name)
        }
    }
}
