//! Operations → request builders that check their input, then send.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, types::rust_type, validate};
use crate::ir::{
    Api, Body, BodyMedia, ErrorResponse, Operation, Param, ParamLocation, ParamStyle, Shape,
    ShapeKind, StatusSuccess, Success, TypeDef, TypeKind,
};
use crate::names::ident;

/// The error bodies most operations share, said once on the module rather
/// than on each (empty when no two operations share theirs).
pub fn common_errors(api: &Api) -> &[ErrorResponse] {
    let mut counts: Vec<(&[ErrorResponse], usize)> = Vec::new();
    for op in api.operations.iter().filter(|op| !op.errors.is_empty()) {
        match counts
            .iter_mut()
            .find(|(errors, _)| *errors == op.errors.as_slice())
        {
            Some((_, n)) => *n += 1,
            None => counts.push((&op.errors, 1)),
        }
    }
    counts
        .iter()
        .filter(|(_, n)| *n > 1)
        .max_by_key(|(_, n)| *n)
        .map(|(errors, _)| *errors)
        .unwrap_or_default()
}

/// The module's doc lines naming the shared error bodies.
pub fn common_errors_note(common: &[ErrorResponse]) -> TokenStream {
    error_docs(
        common,
        "Unless an operation lists its own, documented error bodies, decoded with [`rt::ServiceError::json`], are:",
    )
}

/// The request builder of `op`; its error bodies are documented unless
/// they are the `common` ones.
pub fn builder(op: &Operation, api: &Api, common: &[ErrorResponse], examples: bool) -> TokenStream {
    let errors = if op.errors == common {
        TokenStream::new()
    } else {
        error_docs(
            &op.errors,
            "Documented error bodies, decoded with [`rt::ServiceError::json`]:",
        )
    };
    emit(op, api, errors, examples)
}

/// Which credentials an operation sends, when the API has any: its
/// alternatives, each the builder methods that set it.
fn security_note(op: &Operation, api: &Api) -> Option<String> {
    if api.schemes.is_empty() {
        return None;
    }
    let alternatives = op.security.as_ref().unwrap_or(&api.security);
    let setter = |id: &String| match api.schemes.iter().find(|s| &s.id == id) {
        Some(s) if s.kind == crate::ir::SchemeKind::HuaweiSigning => "`.credentials(…)`".to_owned(),
        Some(s) => format!("`.{}(…)`", s.setter),
        None => format!("{} (not supported)", docs::code(id)),
    };
    let described: Vec<String> = alternatives
        .iter()
        .map(|alternative| match alternative.as_slice() {
            [] => "none".to_owned(),
            ids => ids.iter().map(setter).collect::<Vec<_>>().join(" with "),
        })
        .collect();
    Some(match described.as_slice() {
        [] => "Credentials: none.".to_owned(),
        [one] => format!("Credentials: {one}."),
        many => format!("Credentials: {}.", many.join(", or ")),
    })
}

fn emit(op: &Operation, api: &Api, error_docs: TokenStream, examples: bool) -> TokenStream {
    let types = &api.types[..];
    let builder = ident(&op.builder);
    let operation = &op.id;
    let method = ident(&op.method);
    let template = &op.path;
    let types_path = quote!(types::);
    let title = docs::operation_title(op);
    let security = security_note(op, api);
    let example = examples.then(|| {
        let method = crate::names::bare(&op.name);
        format!("Start one with `Client::{method}`, whose docs have an example.")
    });
    let doc = docs::paragraphs(&[
        Some(&title),
        op.description.as_deref(),
        security.as_deref(),
        example.as_deref(),
    ]);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let allow_deprecated = op.deprecated.then(|| quote!(#[allow(deprecated)]));

    let mut fields = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for p in &op.params {
        let name = ident(&p.name);
        let ty = rust_type(&p.shape, &types_path);
        fields.push(quote!(#name: Option<#ty>,));
        inits.push(name.clone());
        let doc = docs::attrs(Some(&param_doc(p)));
        setters.push(quote! {
            #doc
            pub fn #name(mut self, value: impl Into<#ty>) -> Self {
                self.#name = Some(value.into());
                self
            }
        });
    }
    if let Some(body) = &op.body {
        let ty = rust_type(&body.shape, &types_path);
        fields.push(quote!(body: Option<#ty>,));
        inits.push(ident("body"));
        let first = if body.required {
            "The request body (required)."
        } else {
            "The request body (optional)."
        };
        let doc = docs::paragraphs(&[Some(first), body.doc.as_deref()]);
        setters.push(quote! {
            #doc
            pub fn body(mut self, value: impl Into<#ty>) -> Self {
                self.body = Some(value.into());
                self
            }
        });
    }

    let prepare = prepare(op, types);
    let mut by_status = TokenStream::new();
    // `send` comes from the runtime's macro, but for a status-dependent
    // body, which has its own decoder.
    let (decode, send) = match &op.success {
        Success::Json(shape) => {
            let ty = rust_type(shape, &types_path);
            (quote!(; json(#ty)), None)
        }
        Success::Text => (quote!(; text(String)), None),
        Success::Bytes => (quote!(; bytes(Vec<u8>)), None),
        Success::Empty => (quote!(; empty(())), None),
        Success::ByStatus(name, statuses) => {
            by_status = status_enum(name, statuses, &types_path);
            let name = ident(name);
            let arms = statuses.iter().map(|s| {
                let variant = ident(&s.variant);
                let status = match s.status {
                    Some(code) => quote!(#code),
                    None => quote!(other if (200..300).contains(&other)),
                };
                let value = match &s.body {
                    Success::Empty => quote!(#name::#variant),
                    Success::Json(_) => quote!(#name::#variant(rt::json(body)?)),
                    Success::Text => {
                        quote!(#name::#variant(String::from_utf8_lossy(body).into_owned()))
                    }
                    _ => quote!(#name::#variant(body.to_vec())),
                };
                quote!(#status => #value,)
            });
            let send = quote! {
                /// Checks every constraint of the API, then sends the request.
                pub fn send(self) -> rt::ResponseFuture<'a, #name> {
                    self.call.with(self.prepare(), |status, body| Ok(match status {
                        #(#arms)*
                        _ => #name::Other(body.to_vec()),
                    }))
                }
            };
            (TokenStream::new(), Some(send))
        }
    };
    let paging = op
        .pagination
        .as_ref()
        .map(|paging| super::paging::emit(op, paging));

    quote! {
        #doc
        #error_docs
        #deprecated
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent"]
        pub struct #builder<'a> {
            call: rt::Call<'a>,
            #(#fields)*
        }

        #by_status

        #allow_deprecated
        impl<'a> #builder<'a> {
            rt::request_builder!(#operation, #method, #template #(, #inits)* #decode);

            #(#setters)*

            #send

            /// Checks the input and builds the request without sending it.
            pub fn prepare(&self) -> Result<rt::Request, rt::Error> {
                #prepare
            }
        }

        #paging
    }
}

/// The spec's description, then where the parameter goes: in the same
/// paragraph after one line of prose, in its own after anything longer
/// (which may end in a list or a code block).
fn param_doc(p: &Param) -> String {
    let note = param_note(p);
    match p.doc.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(doc) if doc.contains('\n') || doc.ends_with('`') => format!("{doc}\n\n{note}"),
        Some(doc) if doc.ends_with(['.', '!', '?', ':']) => format!("{doc} {note}"),
        Some(doc) => format!("{doc}. {note}"),
        None => note,
    }
}

fn param_note(p: &Param) -> String {
    let place = match p.location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    };
    let need = if p.client_default {
        "Defaults to the client's setting."
    } else if p.required {
        "Required."
    } else {
        "Optional."
    };
    let limits = limits(&p.shape.checks)
        .map(|l| format!(" Limits: {l}."))
        .unwrap_or_default();
    format!(
        "Sent as the {place} parameter {}. {need}{limits}",
        docs::code(&p.wire)
    )
}

/// The constraints a value is checked against before sending, in words.
fn limits(checks: &crate::ir::Checks) -> Option<String> {
    let range = |low: Option<String>, high: Option<String>, unit: &str| match (low, high) {
        (Some(low), Some(high)) => Some(format!("{low} to {high}{unit}")),
        (Some(low), None) => Some(format!("at least {low}{unit}")),
        (None, Some(high)) => Some(format!("at most {high}{unit}")),
        (None, None) => None,
    };
    let bound = |exact: Option<i64>, bound: Option<(f64, bool)>, open: &str| {
        bound.map(|(value, exclusive)| {
            let value = exact.map_or(value.to_string(), |v| v.to_string());
            if exclusive {
                format!("{open} {value}")
            } else {
                value
            }
        })
    };
    let (exact_low, exact_high) = checks.integer_bounds;
    let value = match (
        bound(exact_low, checks.minimum, "more than"),
        bound(exact_high, checks.maximum, "less than"),
    ) {
        (Some(low), Some(high)) if low.starts_with('m') || high.starts_with('l') => {
            Some(format!("{low}, {high}"))
        }
        (low, high) => range(low, high, ""),
    };
    let parts: Vec<String> = [
        value,
        range(
            checks.min_length.map(|n| n.to_string()),
            checks.max_length.map(|n| n.to_string()),
            " characters",
        ),
        range(
            checks.min_items.map(|n| n.to_string()),
            checks.max_items.map(|n| n.to_string()),
            " items",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The body of `prepare`: checks, then the request.
fn prepare(op: &Operation, types: &[TypeDef]) -> TokenStream {
    let mut out = TokenStream::new();
    for p in &op.params {
        let name = ident(&p.name);
        let wire = &p.wire;
        let value = quote!(#name);
        let checks = validate::checks(&p.shape, &quote!(#name), &quote!(#wire));
        let fetch = if p.client_default {
            quote! {
                let #name = rt::validate::required(
                    #wire,
                    self.#name.clone().or_else(|| self.call.default_param(#wire).map(Into::into)),
                )?;
                let #name = &#name;
            }
        } else if p.required {
            quote!(let #name = rt::validate::required(#wire, self.#name.as_ref())?;)
        } else {
            if !checks.is_empty() {
                out.extend(quote! {
                    if let Some(#value) = &self.#name { #checks }
                });
            }
            continue;
        };
        out.extend(quote! { #fetch #checks });
    }
    let values = path_values(op, types);
    let request = quote!(self.call.request(&[#(#values),*])?);
    let mut tail = TokenStream::new();
    if let Some(security) = &op.security {
        let security = super::client::security_tokens(security);
        tail.extend(quote!(request.security = Some(#security);));
    }
    for p in op.params.iter().filter(|p| p.client_default) {
        let name = ident(&p.name);
        let wire = &p.wire;
        tail.extend(quote!(request.scope(#wire, #name);));
    }
    for p in op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
    {
        let name = ident(&p.name);
        let send = send_param(p, &name, types);
        if p.required || p.client_default {
            tail.extend(send);
        } else {
            tail.extend(quote!(if let Some(#name) = &self.#name { #send }));
        }
    }
    if let Some(body) = &op.body {
        let checks = validate::checks(&body.shape, &quote!(body), &quote!("body"));
        let encode = encode_body(body, types);
        if body.required {
            tail.extend(quote! {
                let body = rt::validate::required("body", self.body.as_ref())?;
                #checks
                #encode
            });
        } else {
            tail.extend(quote! {
                if let Some(body) = &self.body {
                    #checks
                    #encode
                }
            });
        }
    }
    if tail.is_empty() {
        out.extend(quote!(Ok(#request)));
    } else {
        out.extend(quote!(let mut request = #request; #tail Ok(request)));
    }
    out
}

/// How a parameter value becomes text.
enum ParamText {
    /// A scalar with `Display`.
    Scalar,
    /// An array of scalars.
    ScalarArray,
    /// Anything else, written through serde.
    Structured,
}

fn param_text(shape: &Shape, types: &[TypeDef]) -> ParamText {
    let scalar = |s: &Shape| match &s.kind {
        ShapeKind::Bool | ShapeKind::Integer(_) | ShapeKind::Number(_) | ShapeKind::String => true,
        ShapeKind::Named(n) => types
            .iter()
            .any(|t| &t.name == n && matches!(t.kind, TypeKind::Enum(_))),
        _ => false,
    };
    match &shape.kind {
        _ if scalar(shape) => ParamText::Scalar,
        ShapeKind::Array(item) if scalar(item) => ParamText::ScalarArray,
        _ => ParamText::Structured,
    }
}

/// Statements adding a query, header or cookie parameter bound to `name`.
fn send_param(p: &Param, name: &proc_macro2::Ident, types: &[TypeDef]) -> TokenStream {
    let wire = &p.wire;
    let text = param_text(&p.shape, types);
    if p.location == ParamLocation::Query {
        let style = match p.style {
            ParamStyle::Form { explode: true } | ParamStyle::Simple { .. } => quote!(Form),
            ParamStyle::Form { explode: false } => quote!(FormCompact),
            ParamStyle::SpaceDelimited => quote!(SpaceDelimited),
            ParamStyle::PipeDelimited => quote!(PipeDelimited),
            ParamStyle::DeepObject => quote!(DeepObject),
        };
        return match (text, p.style) {
            (ParamText::Scalar, _) => quote!(request.query.push(#wire, #name);),
            (ParamText::ScalarArray, ParamStyle::Form { explode: true }) => {
                quote!(for item in #name.iter() { request.query.push(#wire, item); })
            }
            _ => quote!(request.query.push_styled(#wire, #name, rt::encode::Style::#style)?;),
        };
    }
    let value = match text {
        ParamText::Scalar => quote!(#name.to_string()),
        _ => {
            let explode = matches!(
                p.style,
                ParamStyle::Simple { explode: true } | ParamStyle::Form { explode: true }
            );
            quote!(rt::encode::simple(#name, #explode))
        }
    };
    match p.location {
        ParamLocation::Header => {
            let lower = wire.to_ascii_lowercase();
            quote!(request.header(#lower, &#value)?;)
        }
        _ => quote!(request.cookie(#wire, #value);),
    }
}

/// Statements encoding the checked `body` into `request`.
fn encode_body(body: &Body, types: &[TypeDef]) -> TokenStream {
    let content_type = &body.content_type;
    match body.media {
        BodyMedia::Json => quote!(request.json_as(#content_type, "body", body)?;),
        BodyMedia::Form => quote!(request.form(body)?;),
        BodyMedia::Text => quote!(request.raw(#content_type, body.clone().into_bytes());),
        BodyMedia::Bytes => quote!(request.raw(#content_type, body.clone());),
        BodyMedia::Multipart => {
            let fields = match &body.shape.kind {
                ShapeKind::Named(n) => {
                    types
                        .iter()
                        .find(|t| &t.name == n)
                        .and_then(|t| match &t.kind {
                            TypeKind::Struct(s) => Some(s),
                            _ => None,
                        })
                }
                _ => None,
            };
            let parts = match fields {
                Some(s) => s
                    .fields
                    .iter()
                    .map(|f| {
                        let field = ident(&f.name);
                        let wire = &f.wire;
                        let part = |kind: &ShapeKind| match kind {
                            ShapeKind::Bytes => quote!(form.file(#wire, #wire, value);),
                            ShapeKind::String => quote!(form.text(#wire, value);),
                            _ => quote!(form.value(#wire, value);),
                        };
                        // An array field is one part per item, as browsers send it.
                        let add = match &f.shape.kind {
                            ShapeKind::Array(item) => {
                                let each = part(&item.kind);
                                quote!(for value in value.iter() { #each })
                            }
                            other => part(other),
                        };
                        if !f.required || f.nullable {
                            quote!(if let Some(value) = &body.#field { #add })
                        } else {
                            quote!({ let value = &body.#field; #add })
                        }
                    })
                    .collect(),
                None => quote!(form.value("body", body);),
            };
            quote! {
                let mut form = rt::encode::Multipart::new();
                #parts
                request.multipart(form);
            }
        }
    }
}

/// The text of each `{name}` of the path template, in order.
fn path_values(op: &Operation, types: &[TypeDef]) -> Vec<TokenStream> {
    let mut values = Vec::new();
    let mut rest = op.path.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let wire = &rest[open + 1..open + close];
        // Lowering refuses templates whose names are not path parameters.
        if let Some(p) = op
            .params
            .iter()
            .find(|p| p.location == ParamLocation::Path && p.wire == wire)
        {
            let name = ident(&p.name);
            values.push(match (&p.shape.kind, param_text(&p.shape, types)) {
                (ShapeKind::String, _) => quote!(#name),
                (_, ParamText::Scalar) => quote!(&#name.to_string()),
                _ => {
                    let explode = matches!(p.style, ParamStyle::Simple { explode: true });
                    quote!(&rt::encode::simple(#name, #explode))
                }
            });
        }
        rest = &rest[open + close + 1..];
    }
    values
}

/// `pub enum CreateThingResponse { Ok200(T), NoContent204, Other(Vec<u8>) }`.
fn status_enum(name: &str, statuses: &[StatusSuccess], types_path: &TokenStream) -> TokenStream {
    let name = ident(name);
    let variants = statuses.iter().map(|s| {
        let variant = ident(&s.variant);
        let doc = match s.status {
            Some(code) => format!(" Status {code}."),
            None => " Any other 2xx status.".to_owned(),
        };
        match &s.body {
            Success::Empty => quote!(#[doc = #doc] #variant,),
            Success::Json(shape) => {
                let ty = rust_type(shape, types_path);
                quote!(#[doc = #doc] #variant(#ty),)
            }
            Success::Text => quote!(#[doc = #doc] #variant(String),),
            _ => quote!(#[doc = #doc] #variant(Vec<u8>),),
        }
    });
    quote! {
        /// What a success response carries, by status.
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
            /// Another 2xx status, with its raw body.
            Other(Vec<u8>),
        }
    }
}

/// Doc lines naming the documented error bodies, after `intro`.
fn error_docs(errors: &[ErrorResponse], intro: &str) -> TokenStream {
    if errors.is_empty() {
        return TokenStream::new();
    }
    let mut lines = vec![intro.to_owned(), String::new()];
    for e in errors {
        let ty = rust_type(&e.shape, &quote!(types::))
            .to_string()
            .replace(' ', "");
        lines.push(format!("- {}: `{}`", docs::code(&e.status), ty));
    }
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #[doc = ""] #(#[doc = #lines])* }
}
