//! The `Client`, its builder and the region table.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs;
use crate::ir::{Api, ParamLocation, SchemeKind, SecurityScheme, Servers};
use crate::names::ident;

pub fn emit(
    api: &Api,
    tags: Option<&super::features::TagFeatures>,
    examples: Option<&str>,
) -> TokenStream {
    let title = docs::attrs(Some(&format!(
        "Client for {} ({}).",
        api.title, api.version
    )));
    let allow_deprecated = api
        .operations
        .iter()
        .any(|o| o.deprecated)
        .then(|| quote!(#[allow(deprecated)]));
    let methods = api.operations.iter().enumerate().map(|(i, op)| {
        let name = ident(&op.name);
        let builder = ident(&op.builder);
        let doc = docs::attrs(Some(&docs::operation_title(op)));
        let example = examples
            .map(|root| super::examples::operation(api, op, root))
            .unwrap_or_default();
        let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
        let method = quote! {
            #doc
            #(#[doc = #example])*
            #deprecated
            pub fn #name(&self) -> operations::#builder<'_> {
                operations::#builder::new(self.core())
            }
        };
        (tags.and_then(|t| t.op_set(i)), method)
    });
    // Methods of gated operations: one `impl Client` per feature set.
    let mut methods_of: Vec<(Option<&[usize]>, TokenStream)> = Vec::new();
    for (set, method) in methods {
        match methods_of.iter_mut().find(|(s, _)| *s == set) {
            Some((_, group)) => group.extend(method),
            None => methods_of.push((set, method)),
        }
    }
    let methods = methods_of
        .iter()
        .find(|(set, _)| set.is_none())
        .map(|(_, m)| m.clone());
    let gated_methods = methods_of.iter().filter_map(|(set, methods)| {
        let cfg = tags.zip(*set).map(|(t, set)| t.cfg(set))?;
        Some(quote! {
            #cfg
            #allow_deprecated
            impl Client {
                #methods
            }
        })
    });
    let default_url = match &api.servers.default_url {
        Some(url) => quote!(Some(#url)),
        None => quote!(None),
    };
    let huawei = huawei_schemes(api);
    let mut configure = TokenStream::new();
    let mut consts = TokenStream::new();
    if !api.schemes.is_empty() {
        let schemes = api.schemes.iter().map(scheme_declaration);
        let security = security_tokens(&api.security);
        consts = quote! {
            /// The security schemes of the API.
            const SCHEMES: &[runtime::Scheme] = &[#(#schemes),*];
            /// What authenticates an operation that does not say otherwise.
            const SECURITY: runtime::Security = #security;
        };
        configure.extend(quote!(.security(SCHEMES, SECURITY)));
    }
    if huawei.is_some() {
        configure.extend(quote!(.error_parser(runtime::huawei::HuaweiErrors)));
    }
    if api.requires_auth {
        configure.extend(quote!(.require_credentials(true)));
    }
    let default_setters = api.client_defaults.iter().map(|d| {
        let setter = ident(&d.setter);
        let param = &d.param;
        let doc = docs::paragraphs(&[
            Some(&format!(
                "The {} used by calls that do not set their own.",
                docs::code(param)
            )),
            d.doc.as_deref(),
        ]);
        quote! {
            #doc
            pub fn #setter(mut self, value: impl Into<String>) -> Self {
                self.inner = self.inner.default_param(#param, value);
                self
            }
        }
    });
    let scheme_setters = api.schemes.iter().map(scheme_setter);
    let credentials = huawei.map(|(signing, token)| {
        let token = match token {
            Some(id) => quote!(Some(#id)),
            None => quote!(None),
        };
        quote! {
            /// Authenticates requests with these credentials. Without this,
            /// AK/SK are read from the environment when the client is built
            /// (`HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, …).
            pub fn credentials(mut self, credentials: runtime::huawei::Credentials) -> Self {
                self.inner = credentials.configure(self.inner, #signing, #token);
                self
            }
        }
    });
    let anonymous = (!api.schemes.is_empty()).then(|| {
        quote! {
            /// Sends no credentials, not even from the environment (e.g.
            /// behind a proxy that authenticates).
            pub fn anonymous(mut self) -> Self {
                self.inner = self.inner.anonymous();
                self
            }
        }
    });
    let region_setter = api.servers.region_type.as_ref().map(|r| {
        let region = ident(r);
        let doc = format!(
            " Sends requests to the endpoint of `region` (see [`{region}::resolved_endpoint`])."
        );
        quote! {
            #[doc = #doc]
            pub fn region(self, region: #region) -> Self {
                self.endpoint(region.resolved_endpoint())
            }
        }
    });
    let regions = regions(&api.servers);
    let exports = exports(api, huawei.is_some());
    quote! {
        #exports

        /// The User-Agent sent with every request: this crate's name and version.
        pub const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

        #consts

        #title
        ///
        /// Cheap to clone; clones share one connection pool.
        #[derive(Debug, Clone)]
        pub struct Client {
            core: runtime::Core,
        }

        #allow_deprecated
        impl Client {
            /// Starts configuring a client.
            pub fn builder() -> ClientBuilder {
                ClientBuilder {
                    inner: runtime::ClientBuilder::new(USER_AGENT, #default_url) #configure,
                }
            }

            /// Endpoint, credentials and defaults of this client.
            pub fn core(&self) -> &runtime::Core {
                &self.core
            }

            #methods
        }

        #(#gated_methods)*

        /// Configures a [`Client`].
        #[derive(Debug, Clone)]
        #[must_use]
        pub struct ClientBuilder {
            inner: runtime::ClientBuilder,
        }

        impl ClientBuilder {
            runtime::private::client_builder!();

            #region_setter
            #credentials
            #(#scheme_setters)*
            #anonymous

            #(#default_setters)*

        }

        #regions
    }
}

/// `&[&["a", "b"], &[]]`.
pub(super) fn security_tokens(alternatives: &[Vec<String>]) -> TokenStream {
    let alternatives = alternatives.iter().map(|ids| quote!(&[#(#ids),*]));
    quote!(&[#(#alternatives),*])
}

/// The Huawei signing scheme and the token scheme `Credentials::Token` fills.
fn huawei_schemes(api: &Api) -> Option<(&str, Option<&str>)> {
    let signing = api
        .schemes
        .iter()
        .find(|s| s.kind == SchemeKind::HuaweiSigning)?;
    let token = api.schemes.iter().find(|s| {
        matches!(
            &s.kind,
            SchemeKind::ApiKey {
                location: ParamLocation::Header,
                ..
            }
        )
    });
    Some((&signing.id, token.map(|s| s.id.as_str())))
}

/// `runtime::Scheme::bearer("id").env("VAR")`.
fn scheme_declaration(scheme: &SecurityScheme) -> TokenStream {
    let id = &scheme.id;
    let base = match &scheme.kind {
        SchemeKind::Bearer => quote!(runtime::Scheme::bearer(#id)),
        SchemeKind::Basic => quote!(runtime::Scheme::basic(#id)),
        SchemeKind::ApiKey { location, name } => {
            let place = match location {
                ParamLocation::Query => quote!(Query),
                ParamLocation::Cookie => quote!(Cookie),
                _ => quote!(Header),
            };
            quote!(runtime::Scheme::api_key(#id, runtime::ApiKeyIn::#place, #name))
        }
        SchemeKind::HuaweiSigning => quote! {
            runtime::Scheme::signature(#id).provider(&runtime::huawei::AkSkFromEnv)
        },
    };
    match &scheme.env {
        Some(var) => quote!(#base.env(#var)),
        None => base,
    }
}

/// The builder method that sets a scheme's credential.
fn scheme_setter(scheme: &SecurityScheme) -> TokenStream {
    let setter = ident(&scheme.setter);
    let id = &scheme.id;
    let how = match &scheme.kind {
        SchemeKind::Bearer => "Sends `token` as `Authorization: Bearer …`".to_owned(),
        SchemeKind::Basic => "Sends `user` and `password` as `Authorization: Basic …`".to_owned(),
        SchemeKind::ApiKey { location, name } => {
            let place = match location {
                ParamLocation::Query => "query parameter",
                ParamLocation::Cookie => "cookie",
                _ => "header",
            };
            format!("Sends `key` as the {place} {}", docs::code(name))
        }
        SchemeKind::HuaweiSigning => "Signs requests with this access key pair".to_owned(),
    };
    let env = scheme.env.as_ref().map(|var| {
        format!(
            "Without this, the client reads {} from the environment when it is built.",
            docs::code(var)
        )
    });
    let doc = docs::paragraphs(&[
        Some(&format!("{how} (security scheme {}).", docs::code(id))),
        scheme.doc.as_deref(),
        env.as_deref(),
    ]);
    let body = match &scheme.kind {
        SchemeKind::Basic => quote! {
            pub fn #setter(mut self, user: impl Into<String>, password: impl Into<runtime::Secret>) -> Self {
                let credential = runtime::Credential::Basic(user.into(), password.into());
                self.inner = self.inner.credential(#id, credential);
                self
            }
        },
        SchemeKind::HuaweiSigning => quote! {
            pub fn #setter(mut self, pair: runtime::huawei::AkSk) -> Self {
                let credential = runtime::Credential::Signer(std::sync::Arc::new(pair));
                self.inner = self.inner.credential(#id, credential);
                self
            }
        },
        _ => {
            let arg = if matches!(scheme.kind, SchemeKind::Bearer) {
                quote!(token)
            } else {
                quote!(key)
            };
            quote! {
                pub fn #setter(mut self, #arg: impl Into<runtime::Secret>) -> Self {
                    self.inner = self.inner.credential(#id, runtime::Credential::Secret(#arg.into()));
                    self
                }
            }
        }
    };
    quote!(#doc #body)
}

/// Runtime types re-exported at the root, so users need not name the runtime.
fn exports(api: &Api, huawei: bool) -> TokenStream {
    use crate::names::{AUTH_EXPORTS, HUAWEI_EXPORTS, PAGING_EXPORTS, ROOT_EXPORTS};
    let mut names: Vec<&str> = ROOT_EXPORTS.to_vec();
    if !api.schemes.is_empty() {
        names.extend(AUTH_EXPORTS);
    }
    if api.operations.iter().any(|op| op.pagination.is_some()) {
        names.extend(PAGING_EXPORTS);
    }
    let names = names.iter().map(|n| format_ident!("{n}"));
    let huawei = huawei.then(|| {
        let names = HUAWEI_EXPORTS.iter().map(|n| format_ident!("{n}"));
        quote!(
            pub use runtime::huawei::{#(#names),*};
        )
    });
    quote! {
        pub use runtime::{#(#names),*};
        #huawei
    }
}

fn regions(servers: &Servers) -> TokenStream {
    let Some(type_name) = &servers.region_type else {
        return TokenStream::new();
    };
    let region = ident(type_name);
    let variants: Vec<_> = servers.regions.iter().map(|r| ident(&r.variant)).collect();
    let ids: Vec<_> = servers.regions.iter().map(|r| r.id.as_str()).collect();
    let urls: Vec<_> = servers.regions.iter().map(|r| r.url.as_str()).collect();
    let env_override = match &servers.region_env_prefix {
        Some(prefix) => {
            let doc = docs::attrs(Some(&format!(
                "The endpoint to use: the first URL in the environment variable \
                 {} (id upper-cased, `-` → `_`), else [`Self::endpoint`].",
                docs::code(&format!("{prefix}_<ID>"))
            )));
            quote! {
                #doc
                pub fn resolved_endpoint(self) -> String {
                    runtime::huawei::region_endpoint(#prefix, self.id(), self.endpoint())
                }
            }
        }
        None => quote! {
            /// The endpoint to use: [`Self::endpoint`].
            pub fn resolved_endpoint(self) -> String {
                self.endpoint().to_owned()
            }
        },
    };
    let variant_docs = servers.regions.iter().map(|r| {
        docs::attrs(Some(&format!(
            "{}: {}",
            docs::code(&r.id),
            docs::code(&r.url)
        )))
    });
    let allow_docs = super::doc_lint_allowances();
    quote! {
        /// The regions the API is offered in, from the spec's servers.
        #allow_docs
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #region {
            #(#variant_docs #variants,)*
        }

        impl #region {
            /// Every region, in the order the spec lists them.
            pub const ALL: &'static [#region] = &[#(#region::#variants),*];

            /// The region id, e.g. `cn-north-4`.
            pub fn id(self) -> &'static str {
                match self {
                    #(Self::#variants => #ids,)*
                }
            }

            /// The base URL of the API in this region, from the spec.
            pub fn endpoint(self) -> &'static str {
                match self {
                    #(Self::#variants => #urls,)*
                }
            }

            #env_override
        }

        impl std::str::FromStr for #region {
            type Err = runtime::UnknownRegion;

            /// Parses a region id; unknown ids are an error.
            fn from_str(id: &str) -> Result<Self, Self::Err> {
                match id {
                    #(#ids => Ok(Self::#variants),)*
                    other => Err(runtime::UnknownRegion::new(other)),
                }
            }
        }

        impl std::fmt::Display for #region {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    }
}
