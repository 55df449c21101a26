//! Emission: the IR → Rust tokens, one file per shape of output.

mod client;
mod docs;
mod enums;
pub mod features;
mod operations;
mod paging;
mod runtime;
mod structs;
mod types;
mod unions;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Api, TypeKind};

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

/// The whole generated API. With `runtime_crate`, `runtime` names the
/// `clientgen-runtime` crate; otherwise the includer provides `mod runtime`.
pub fn api(api: &Api, runtime_crate: bool, tags: Option<&features::TagFeatures>) -> TokenStream {
    let runtime = if runtime_crate {
        quote! {
            /// The runtime this client is built on.
            #[doc(no_inline)]
            pub use ::clientgen_runtime as runtime;
        }
    } else {
        TokenStream::new()
    };
    // Only values a request can carry are ever validated.
    let inputs = features::input_types(api);
    let defs: Vec<_> = api
        .types
        .iter()
        .map(|def| {
            let fallback = format!("The `{}` schema of the API.", def.name);
            let doc = docs::attrs(Some(def.doc.as_deref().unwrap_or(&fallback)));
            let items = match &def.kind {
                TypeKind::Struct(s) => structs::emit(&def.name, doc, s, inputs.contains(&def.name)),
                TypeKind::Enum(e) => enums::emit(&def.name, doc, e),
                TypeKind::Union(u) => unions::emit(&def.name, doc, u, inputs.contains(&def.name)),
            };
            (tags.and_then(|t| t.type_set(&def.name)), items)
        })
        .collect();
    let defs = match tags {
        Some(tags) => features::group(tags, defs.into_iter()),
        None => defs.into_iter().map(|(_, items)| items).collect(),
    };
    let allow_docs = doc_lint_allowances();
    let (builders, error_note) = operations::emit_all(api, tags);
    let client = client::emit(api, tags);
    quote! {
        #runtime

        /// Request and response bodies of the API.
        #allow_docs
        // Properties the spec leaves undescribed get no filler text.
        #[allow(missing_docs)]
        pub mod types {
            #[allow(unused_imports)]
            use super::runtime::private as rt;

            #defs
        }

        /// Request builders, one per operation; start one from a [`Client`](super::Client) method.
        ///
        /// Each checks every constraint of the API before sending; invalid
        /// input is reported as [`rt::Error::InvalidInput`] and nothing is sent.
        #error_note
        #allow_docs
        pub mod operations {
            #[allow(unused_imports)]
            use super::runtime::private as rt;
            #[allow(unused_imports)]
            use super::types;

            #builders
        }

        #client
    }
}
