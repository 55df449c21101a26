//! The hand-written support code in `templates/runtime/`, inlined as `mod runtime`
//! so that generated code stands alone.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// `(name, contents)` of `templates/runtime/<name>.rs`.
macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../templates/runtime/", $name, ".rs")))),*]
    };
}

/// Template files by module name; `mod.rs` declares which are used.
const MODULES: &[(&str, &str)] = templates![
    "auth", "client", "encode", "error", "request", "response", "retry", "signing", "validate",
];
const ROOT: &str = include_str!("../../../templates/runtime/mod.rs");

/// `pub mod runtime { … }` with every `mod x;` replaced by its file.
///
/// The templates are part of this crate and checked by its tests, so a parse
/// failure here is a bug in the generator itself, reported as a compile error
/// in the output rather than a panic.
pub fn runtime_module() -> TokenStream {
    match inline("runtime", ROOT, TokenStream::new(), quote!(pub)) {
        Ok(tokens) => tokens,
        Err(e) => {
            let message = format!("clientgen: runtime template is invalid: {e}");
            quote!(compile_error!(#message);)
        }
    }
}

fn inline(
    name: &str,
    source: &str,
    outer_attrs: TokenStream,
    vis: TokenStream,
) -> Result<TokenStream, String> {
    let file = syn::parse_file(source).map_err(|e| format!("{name}: {e}"))?;
    let docs = file.attrs.iter().map(|attr| {
        // Inner attributes (`//!`) become outer ones on the inlined module.
        let mut outer = attr.clone();
        outer.style = syn::AttrStyle::Outer;
        outer.into_token_stream()
    });
    let mut items = Vec::new();
    for item in file.items {
        match item {
            syn::Item::Mod(m) if m.content.is_none() => {
                let child = m.ident.to_string();
                let source = MODULES
                    .iter()
                    .find(|(n, _)| *n == child)
                    .map(|(_, s)| *s)
                    .ok_or_else(|| format!("no template for `mod {child}`"))?;
                let attrs = m.attrs.iter().map(|a| a.to_token_stream()).collect();
                items.push(inline(&child, source, attrs, m.vis.to_token_stream())?);
            }
            other => items.push(other.into_token_stream()),
        }
    }
    let ident = syn::Ident::new(name, proc_macro2::Span::call_site());
    Ok(quote! {
        #outer_attrs
        #(#docs)*
        #vis mod #ident {
            #(#items)*
        }
    })
}
