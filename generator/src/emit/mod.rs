//! Emission: the IR → Rust tokens, one file per shape of output.

mod client;
pub(crate) mod docs;
mod enums;
pub mod examples;
pub mod features;
mod operations;
mod paging;
mod pattern;
pub(crate) mod runtime;
mod structs;
mod types;
mod unions;
mod validate;
mod values;

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
        /// The rest of its items.
        items: Vec<Chunk<'a>>,
    },
}

/// Items inside a module.
pub enum Chunk<'a> {
    /// Items of the module itself.
    Items(Piece<'a>),
    /// Items of a private submodule that only some features compile; the
    /// module re-exports them.
    Gated {
        /// The submodule's name.
        name: String,
        /// Its `#[cfg(...)]`.
        cfg: Piece<'a>,
        /// Its items.
        items: Piece<'a>,
    },
}

/// A gated chunk written inline: the submodule with its items, re-exported.
pub fn gated_module(name: &str, cfg: TokenStream, items: TokenStream) -> TokenStream {
    let name = quote::format_ident!("{name}");
    let head = gated_file(TokenStream::new());
    quote! {
        #cfg
        mod #name {
            #head

            #items
        }
        #cfg
        pub use #name::*;
    }
}

/// A gated chunk whose items are in a file of their own: the declaration.
pub fn gated_declaration(name: &str, cfg: TokenStream) -> TokenStream {
    let name = quote::format_ident!("{name}");
    quote! {
        #cfg
        mod #name;
        #cfg
        pub use #name::*;
    }
}

/// The items of a gated chunk, as they start their own module.
pub fn gated_file(items: TokenStream) -> TokenStream {
    quote! {
        #[allow(unused_imports)]
        use super::*;

        #items
    }
}

/// The whole generated API, in parts that can be formatted independently
/// (see [`crate::format::format_parts`]). With `runtime_crate`, `runtime`
/// names the `clientgen-runtime` crate; otherwise the includer provides
/// `mod runtime`. With `serde_both_ways`, every type is `Serialize` and
/// `Deserialize`, not only in the direction the API sends it. With `tags`,
/// operations and the types only some tags reach are compiled only with
/// those tags' features. With `examples`, the path users name the module
/// by, each operation has a compiled example.
pub fn api<'a>(
    api: &'a Api,
    runtime_crate: bool,
    tags: Option<&'a features::TagFeatures>,
    serde_both_ways: bool,
    examples: Option<&'a str>,
) -> Vec<Part<'a>> {
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
    // Requests serialize and validate their values; responses deserialize
    // theirs, and so do schemas no operation uses: they describe what an
    // application receives outside the operations (e.g. webhook payloads).
    let inputs = features::input_types(api);
    let outputs = features::output_types(api);
    let unused = features::unused_types(api);
    let typed = api.types.iter().map(|def| {
        let input = inputs.contains(&def.name);
        let output = outputs.contains(&def.name);
        let unused = unused.contains(&def.name);
        let traits = Traits {
            validate: input,
            serialize: input || serde_both_ways,
            deserialize: output || unused || serde_both_ways,
        };
        (tags.and_then(|t| t.type_set(&def.name)), (def, traits))
    });
    // One piece per type (types are most of a big API's code), one per
    // feature set.
    let (ungated, gated) = features::partition(typed);
    let mut defs: Vec<Chunk<'a>> = ungated
        .into_iter()
        .map(|(def, traits)| Chunk::Items(Box::new(move || type_def(def, traits))))
        .collect();
    defs.extend(gated_pieces(tags, gated, |(def, traits)| {
        type_def(def, traits)
    }));

    let common = operations::common_errors(api);
    let ops = api
        .operations
        .iter()
        .enumerate()
        .map(|(i, op)| (tags.and_then(|t| t.op_set(i)), op));
    let (ungated, gated) = features::partition(ops);
    let mut builders: Vec<Chunk<'a>> = ungated
        .into_iter()
        .map(|op| {
            Chunk::Items(Box::new(move || {
                operations::builder(op, api, common, examples.is_some())
            }))
        })
        .collect();
    builders.extend(gated_pieces(tags, gated, move |op| {
        operations::builder(op, api, common, examples.is_some())
    }));

    let types_head = || {
        let allow_docs = doc_lint_allowances();
        quote! {
            /// Request and response bodies of the API.
            #allow_docs
            // Properties the spec leaves undescribed get no filler text.
            #[allow(missing_docs)]
            pub mod types {
                #[allow(unused_imports)]
                use super::runtime::private as rt;
            }
        }
    };
    let operations_head = move || {
        let allow_docs = doc_lint_allowances();
        let error_note = operations::common_errors_note(common);
        quote! {
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
            items: builders,
        },
        Part::Items(Box::new(move || client::emit(api, tags, examples))),
    ]
}

/// One chunk per feature set: its items, emitted by `emit`.
fn gated_pieces<'a, T: Copy + Send + Sync + 'a>(
    tags: Option<&'a features::TagFeatures>,
    sets: Vec<features::Gated<'a, T>>,
    emit: impl Fn(T) -> TokenStream + Copy + Send + Sync + 'a,
) -> impl Iterator<Item = Chunk<'a>> {
    sets.into_iter()
        .enumerate()
        .filter_map(move |(position, (set, items))| {
            let tags = tags?;
            Some(Chunk::Gated {
                name: tags.module_name(set, position),
                cfg: Box::new(move || tags.cfg(set)),
                items: Box::new(move || items.iter().map(|&item| emit(item)).collect()),
            })
        })
}

/// What a type implements besides `Debug`, `Clone` and `PartialEq`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Traits {
    /// `rt::validate::Validate`: the type is part of a request.
    pub validate: bool,
    /// `serde::Serialize`.
    pub serialize: bool,
    /// `serde::Deserialize`.
    pub deserialize: bool,
}

impl Traits {
    /// The serde derives, e.g. `serde::Serialize, serde::Deserialize`.
    pub fn serde(self) -> TokenStream {
        let ser = self.serialize.then(|| quote!(serde::Serialize,));
        let de = self.deserialize.then(|| quote!(serde::Deserialize,));
        quote!(#ser #de)
    }
}

fn type_def(def: &TypeDef, traits: Traits) -> TokenStream {
    let fallback = format!("The `{}` schema of the API.", def.name);
    let doc = docs::attrs(Some(def.doc.as_deref().unwrap_or(&fallback)));
    match &def.kind {
        TypeKind::Struct(s) => structs::emit(&def.name, doc, s, traits),
        TypeKind::Enum(e) => enums::emit(&def.name, doc, e),
        TypeKind::Union(u) => unions::emit(&def.name, doc, u, traits),
    }
}
