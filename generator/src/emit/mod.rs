//! Emission: the IR → Rust tokens, one file per shape of output.

mod client;
mod docs;
mod enums;
mod operations;
mod paging;
mod runtime;
mod structs;
mod types;
mod unions;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Api, TypeDef, TypeKind};

pub use runtime::{inline_module, INLINE_DEFAULT_FEATURES};

/// Lints that documentation written for people, not rustdoc, may trip.
pub(crate) fn doc_lint_allowances() -> TokenStream {
    quote! {
        #[allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]
    }
}

/// The runtime's Cargo features `api` needs.
pub fn runtime_features(api: &Api) -> Vec<&'static str> {
    let huawei = api.servers.region_env_prefix.is_some()
        || api
            .schemes
            .iter()
            .any(|s| s.kind == crate::ir::SchemeKind::HuaweiSigning);
    if huawei {
        vec!["huawei"]
    } else {
        Vec::new()
    }
}

/// Makes one piece of the generated code. Token streams cannot cross
/// threads, so each piece is made on the thread that formats it.
pub type Piece<'a> = Box<dyn Fn() -> TokenStream + Send + Sync + 'a>;

/// A top-level part of the generated file.
pub enum Part<'a> {
    /// Items at the top level.
    Items(Piece<'a>),
    /// A module: `head` makes it with its leading items (attributes,
    /// `pub mod name { … }`); `items` follow them inside it, in order.
    Module {
        /// The module and the items it starts with.
        head: Piece<'a>,
        /// The rest of its items, one piece per chunk.
        items: Vec<Piece<'a>>,
    },
}

/// The whole generated API, in parts that can be formatted independently
/// (see [`crate::format::format_parts`]). With `runtime_crate`, `runtime`
/// names the `clientgen-runtime` crate; otherwise the includer provides
/// `mod runtime`.
pub fn api(api: &Api, runtime_crate: bool) -> Vec<Part<'_>> {
    let runtime = move || {
        if runtime_crate {
            quote! {
                /// The runtime this client is built on.
                #[doc(no_inline)]
                pub use ::clientgen_runtime as runtime;
            }
        } else {
            TokenStream::new()
        }
    };
    // One piece per type: types are most of a big API's code.
    let defs = api
        .types
        .iter()
        .map(|def| Box::new(move || type_def(def)) as Piece<'_>)
        .collect();
    let types_head = || {
        let allow_docs = doc_lint_allowances();
        quote! {
            /// Request and response bodies of the API.
            #allow_docs
            pub mod types {
                #[allow(unused_imports)]
                use super::runtime::private as rt;
            }
        }
    };
    let operations_head = || {
        let allow_docs = doc_lint_allowances();
        quote! {
            /// Request builders, one per operation; start one from a [`Client`](super::Client) method.
            #allow_docs
            pub mod operations {
                #[allow(unused_imports)]
                use super::runtime::private as rt;
            }
        }
    };
    vec![
        Part::Items(Box::new(runtime)),
        Part::Module {
            head: Box::new(types_head),
            items: defs,
        },
        Part::Module {
            head: Box::new(operations_head),
            items: vec![Box::new(move || operations::emit_all(api))],
        },
        Part::Items(Box::new(move || client::emit(api))),
    ]
}

fn type_def(def: &TypeDef) -> TokenStream {
    let fallback = format!("The `{}` schema of the API.", def.name);
    let doc = docs::attrs(Some(def.doc.as_deref().unwrap_or(&fallback)));
    match &def.kind {
        TypeKind::Struct(s) => structs::emit(&def.name, doc, s),
        TypeKind::Enum(e) => enums::emit(&def.name, doc, e),
        TypeKind::Union(u) => unions::emit(&def.name, doc, u),
    }
}
