//! One compiled example per operation: the call with every required
//! parameter and body, filled with values that meet the spec's constraints.
//!
//! Values come from the spec's `example` where it fits the shape, else are
//! made up from type, format, bounds and enum. Spec text only ever becomes a
//! string literal or a number, and lines are made by prettyplease, so no
//! line can start a Markdown fence or a hidden `#` line.

use proc_macro2::TokenStream;
use quote::quote;

use super::values::Values;
use crate::ir::{Api, BodyMedia, Operation, SchemeKind, ShapeKind};
use crate::names::ident;

/// The `# Example` section of an operation's docs, as doc lines; `root` is
/// the path of the module holding `Client` and `types`, as users name it
/// (checked by the configuration).
pub fn operation(api: &Api, op: &Operation, root: &str) -> Vec<String> {
    let Ok(root) = syn::parse_str::<syn::Path>(root) else {
        return Vec::new();
    };
    let (call, import) = call(api, op, &root);
    let file = quote! {
        #import
        async fn example(client: &#root::Client) {
            match #call {
                Ok(response) => println!("{response:?}"),
                Err(error) => eprintln!("{error}"),
            }
        }
    };
    let mut out = vec![String::new(), " # Example".to_owned(), String::new()];
    out.extend(block(file, Some(1 + usize::from(import.is_some()))));
    out
}

/// A whole program for a crate's docs: a client with the first scheme's
/// credentials, the simplest operation, and its errors told apart.
pub fn crate_example(api: &Api, root: &str) -> Vec<String> {
    let Ok(root) = syn::parse_str::<syn::Path>(root) else {
        return Vec::new();
    };
    let required = |op: &&Operation| {
        op.params
            .iter()
            .filter(|p| p.required && !p.client_default)
            .count()
            + usize::from(op.body.as_ref().is_some_and(|b| b.required))
    };
    let Some(op) = api.operations.iter().min_by_key(required) else {
        return Vec::new();
    };
    let mut setup = Vec::new();
    if let (Some(ty), Some(region)) = (&api.servers.region_type, api.servers.regions.first()) {
        let ty = ident(ty);
        let id = &region.id;
        setup.push(quote!(.region(#id.parse::<#root::#ty>()?)));
    } else if api.servers.default_url.is_none() {
        setup.push(quote!(.endpoint("https://api.example.com")));
    }
    // The vendor's signing, where the spec has it, is the way to sign in.
    let scheme = api
        .schemes
        .iter()
        .find(|s| s.kind == SchemeKind::HuaweiSigning)
        .or(api.schemes.first());
    if let Some(scheme) = scheme {
        let setter = ident(&scheme.setter);
        setup.push(match scheme.kind {
            SchemeKind::HuaweiSigning => quote!(.credentials(#root::Credentials::from_env()?)),
            SchemeKind::Basic => quote!(.#setter("user", "password")),
            SchemeKind::Bearer => quote!(.#setter("token")),
            SchemeKind::ApiKey { .. } => quote!(.#setter("key")),
        });
    }
    for default in &api.client_defaults {
        let setter = ident(&default.setter);
        let value = &default.param;
        setup.push(quote!(.#setter(#value)));
    }
    let (call, import) = call(api, op, &root);
    let file = quote! {
        #import
        async fn example() -> Result<(), Box<dyn std::error::Error>> {
            let client = #root::Client::builder() #(#setup)* .build()?;
            match #call {
                Ok(response) => println!("{response:?}"),
                Err(#root::Error::Service(error)) => eprintln!("the service refused: {error}"),
                Err(error) => eprintln!("{error}"),
            }
            Ok(())
        }
    };
    // Shown whole: it is also the README, where hidden lines would show.
    block(file, None)
}

/// A program that calls every operation once with its example values:
/// `main.rs` of a conformance runner (`scripts/prism.py`), which takes the
/// server's URL, how many operations to skip and optionally which to call
/// (`3,7,9`), and prints one JSON line per operation. It depends on the client, tokio and serde_json.
pub fn program(api: &Api, root: &str) -> Option<String> {
    let root = syn::parse_str::<syn::Path>(root).ok()?;
    let mut import = None;
    let arms = api.operations.iter().enumerate().map(|(i, op)| {
        let (call, types) = call(api, op, &root);
        import = import.take().or(types);
        let id = &op.id;
        quote!(#i => (#id, #call.map(|_| ())),)
    });
    let arms: Vec<TokenStream> = arms.collect();
    let mut setup = Vec::new();
    for scheme in &api.schemes {
        let setter = ident(&scheme.setter);
        match scheme.kind {
            SchemeKind::HuaweiSigning => {}
            SchemeKind::Basic => setup.push(quote!(.#setter("user", "password"))),
            SchemeKind::Bearer => setup.push(quote!(.#setter("token"))),
            SchemeKind::ApiKey { .. } => setup.push(quote!(.#setter("key"))),
        }
    }
    for default in &api.client_defaults {
        let setter = ident(&default.setter);
        setup.push(quote!(.#setter("string")));
    }
    let file = quote! {
        #![allow(deprecated)]
        #import

        static VIOLATIONS: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

        /// Keeps the mock server's `sl-violations` header of the last response.
        #[derive(Debug)]
        struct Violations;

        impl #root::Hook for Violations {
            fn after_response(&self, response: &#root::HookResponse<'_>) -> Result<(), #root::HookError> {
                let found = response.headers.get("sl-violations").and_then(|v| v.to_str().ok());
                if let Ok(mut slot) = VIOLATIONS.lock() {
                    *slot = found.map(str::to_owned);
                }
                Ok(())
            }
        }

        async fn call(client: &#root::Client, index: usize) -> Option<(&'static str, Result<(), #root::Error>)> {
            Some(match index {
                #(#arms)*
                _ => return None,
            })
        }

        #[tokio::main(flavor = "current_thread")]
        async fn main() {
            let mut args = std::env::args().skip(1);
            let endpoint = args.next().unwrap_or_default();
            let mut index: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            // Optionally only these operations (a comma-separated list).
            let only: Vec<usize> = args
                .next()
                .map(|list| list.split(',').filter_map(|i| i.parse().ok()).collect())
                .unwrap_or_default();
            let built = #root::Client::builder().endpoint(endpoint).hook(Violations) #(#setup)* .build();
            let client = match built {
                Ok(client) => client,
                Err(error) => {
                    eprintln!("{error}");
                    std::process::exit(2);
                }
            };
            loop {
                if !only.is_empty() {
                    match only.iter().find(|&&i| i >= index) {
                        Some(&i) => index = i,
                        None => break,
                    }
                }
                let Some((operation, outcome)) = call(&client, index).await else {
                    break;
                };
                let violations = VIOLATIONS.lock().ok().and_then(|mut slot| slot.take());
                let (kind, status, detail) = match &outcome {
                    Ok(()) => ("ok", None, String::new()),
                    Err(#root::Error::Service(e)) => {
                        ("service", Some(e.status), String::from_utf8_lossy(&e.body).into_owned())
                    }
                    Err(#root::Error::InvalidInput(e)) => ("invalid_input", None, e.to_string()),
                    Err(#root::Error::MissingCredentials(e)) => ("missing_credentials", None, e.to_string()),
                    Err(#root::Error::Decode(e)) => ("decode", None, e.to_string()),
                    Err(#root::Error::Connect(e)) => ("connect", None, e.to_string()),
                    Err(e) => ("other", None, e.to_string()),
                };
                let line = serde_json::json!({
                    "index": index,
                    "operation": operation,
                    "outcome": kind,
                    "status": status,
                    "violations": violations,
                    "detail": detail,
                });
                println!("{line}");
                index += 1;
            }
        }
    };
    let file = syn::parse2::<syn::File>(file).ok()?;
    Some(prettyplease::unparse(&file))
}

/// `client.op().param(value)….send().await`, and the import of `types`
/// its values need.
fn call(api: &Api, op: &Operation, root: &syn::Path) -> (TokenStream, Option<TokenStream>) {
    let values = Values::new(api);
    let name = ident(&op.name);
    let mut calls = Vec::new();
    for param in op.params.iter().filter(|p| p.required && !p.client_default) {
        if let Some(value) = values.of(&param.shape, None, true, 0) {
            let setter = ident(&param.name);
            calls.push(quote!(.#setter(#value)));
        }
    }
    if let Some(body) = op.body.as_ref().filter(|b| b.required) {
        values.sent_as_text(matches!(body.media, BodyMedia::Form | BodyMedia::Multipart));
        let value = match body.media {
            BodyMedia::Text => Some(quote!("text")),
            BodyMedia::Bytes if body.shape.kind == ShapeKind::Bytes => {
                let base64 = body
                    .shape
                    .checks
                    .sample
                    .as_ref()
                    .and_then(|s| s.format.as_deref())
                    == Some("byte");
                Some(if base64 {
                    quote!(b"Ynl0ZXM=".to_vec())
                } else {
                    quote!(b"bytes".to_vec())
                })
            }
            _ => values.of(&body.shape, None, true, 0),
        };
        if let Some(value) = value {
            calls.push(quote!(.body(#value)));
        }
    }
    // `types::X` rather than the whole path keeps examples short.
    let import = values.used_types().then(|| quote!(use #root::types;));
    (quote!(client.#name() #(#calls)* .send().await), import)
}

/// A fenced `no_run` block of `file`, formatted. With `hidden`, that many
/// first lines and the last (the wrapping function) are hidden, and the
/// function's body is shown at no indent.
fn block(file: TokenStream, hidden: Option<usize>) -> Vec<String> {
    let Ok(file) = syn::parse2::<syn::File>(file) else {
        return Vec::new();
    };
    let code = join_short_chains(&prettyplease::unparse(&file));
    let lines: Vec<&str> = code.lines().filter(|l| !l.is_empty()).collect();
    let mut out = vec![" ```rust,no_run".to_owned()];
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        match hidden {
            Some(hidden) if i < hidden || i == last => out.push(format!(" # {line}")),
            Some(_) => out.push(format!(" {}", line.strip_prefix("    ").unwrap_or(line))),
            None => out.push(format!(" {line}")),
        }
    }
    out.push(" ```".to_owned());
    out
}

/// `match client\n    .op()\n    .send()\n    .await\n{` on one line where it fits
/// in 100 columns: prettyplease breaks every chain of a `match` scrutinee.
/// Literals hold no line breaks, so joining lines changes no value.
fn join_short_chains(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        if line.trim_start().starts_with("match ") && !line.ends_with('{') {
            let end = (i + 1..lines.len())
                .find(|&j| lines[j].trim() == "{" && lines[j].len() - 1 == indent);
            if let Some(end) = end {
                let mut joined = line.to_owned();
                for part in &lines[i + 1..end] {
                    joined.push_str(part.trim());
                }
                joined.push_str(" {");
                if joined.len() <= 100 {
                    out.push(joined);
                    i = end + 1;
                    continue;
                }
            }
        }
        out.push(line.to_owned());
        i += 1;
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}
