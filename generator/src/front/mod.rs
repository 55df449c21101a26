//! The front end: every OpenAPI version read into one form before lowering.
//!
//! Lowering works on OpenAPI 3.0 as the `openapiv3` crate models it. Swagger
//! 2.0 is converted to that form (`swagger2`); 3.1 and 3.2 documents have
//! their JSON Schema 2020-12 schemas rewritten into 3.0 schemas of the same
//! meaning (`schema`); meaning 3.0 has no keyword for travels in keys under
//! [`RESERVED_PREFIX`], which no input may use. What has no Rust meaning yet
//! is a located warning, what cannot be expressed a located error. Every
//! pointer a later stage reports is mapped back to the input document by the
//! [`SourceMap`].

mod schema;
mod swagger2;
mod walk;

use serde_json::Value;

use crate::diag::{pointer, Diagnostics, GenerateError};

/// Keys the front end writes for meaning 3.0 cannot state; refused in input.
pub const RESERVED_PREFIX: &str = "x-clientgen-";

/// `prefixItems` of a 3.1 schema: the element shapes of a tuple.
pub const TUPLE_KEY: &str = "x-clientgen-tuple";

/// The version a document was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecVersion {
    /// Swagger 2.0.
    Swagger2,
    /// OpenAPI 3.0.x.
    V30,
    /// OpenAPI 3.1.x.
    V31,
    /// OpenAPI 3.2.x.
    V32,
}

impl SpecVersion {
    /// Whether schemas are JSON Schema 2020-12 (3.1 and later).
    pub fn is_json_schema_2020(self) -> bool {
        matches!(self, SpecVersion::V31 | SpecVersion::V32)
    }
}

/// Where parts of the normalized document came from in the input: a
/// pointer (and all below it) in the normalized document → the pointer in
/// the input. Looked up by ancestor, so a lookup costs the pointer's depth.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    moves: std::collections::HashMap<String, String>,
}

impl SourceMap {
    /// Records that `normalized` (and all below it) was `input` in the input.
    pub fn record(&mut self, normalized: &str, input: &str) {
        if normalized != input {
            self.moves.insert(normalized.to_owned(), input.to_owned());
        }
    }

    /// The input pointer for a pointer into the normalized document.
    pub fn to_input(&self, at: &str) -> String {
        if self.moves.is_empty() {
            return at.to_owned();
        }
        // `at` itself, then each ancestor, cut at a `/`.
        let mut end = at.len();
        loop {
            let prefix = &at[..end];
            if let Some(input) = self.moves.get(prefix) {
                return format!("{input}{}", &at[end..]);
            }
            match prefix.rfind('/') {
                Some(cut) => end = cut,
                None => return at.to_owned(),
            }
        }
    }
}

/// A document in the one form lowering reads.
#[derive(Debug)]
pub struct Normalized {
    /// The document as OpenAPI 3.0 (`openapi: 3.0.3`).
    pub doc: Value,
    /// The version it was written in.
    pub version: SpecVersion,
    /// Pointers back into the input.
    pub map: SourceMap,
    /// Warnings about what was read (already located in the input).
    pub notes: Diagnostics,
}

/// Reads any supported version into the 3.0 form.
pub fn normalize(mut doc: Value) -> Result<Normalized, GenerateError> {
    let version = version_of(&doc)?;
    let mut cx = Context {
        version,
        map: SourceMap::default(),
        diags: Diagnostics::default(),
        redirects: Default::default(),
    };
    if !doc.is_object() {
        return Err(GenerateError::single("#", "the document is not an object"));
    }
    reserved_keys(&doc, "#", &mut cx.diags, 0);
    match version {
        SpecVersion::Swagger2 => doc = swagger2::convert(doc, &mut cx),
        SpecVersion::V31 | SpecVersion::V32 => document31(&mut doc, &mut cx),
        SpecVersion::V30 => {}
    }
    walk::schemas(&mut doc, &mut cx);
    if !cx.redirects.is_empty() {
        let redirects = std::mem::take(&mut cx.redirects);
        redirect_refs(&mut doc, &redirects, 0);
    }
    if cx.diags.has_errors() {
        return Err(GenerateError {
            diagnostics: cx.diags.into_vec(),
        });
    }
    Ok(Normalized {
        doc,
        version,
        map: cx.map,
        notes: cx.diags,
    })
}

/// What the conversions share: the version, the source map, diagnostics
/// (located in the input).
pub(crate) struct Context {
    pub version: SpecVersion,
    pub map: SourceMap,
    pub diags: Diagnostics,
    /// Parts moved inside the document: tokens before → tokens after, so
    /// `$ref`s into them can follow.
    pub redirects: std::collections::HashMap<Vec<String>, Vec<String>>,
}

impl Context {
    /// Records that what was at `from` is now at `to` (both pointers into
    /// the document being normalized), for the source map and for `$ref`s.
    pub fn moved(&mut self, from: &str, to: &str) {
        self.map.record(to, &self.map.to_input(from));
        if let (Some(from), Some(to)) = (pointer::tokens(from), pointer::tokens(to)) {
            self.redirects.insert(from, to);
        }
    }

    /// A warning at a normalized-document pointer, located in the input.
    pub fn warning(&mut self, at: &str, message: impl Into<String>) {
        let at = self.map.to_input(at);
        self.diags.warning(&at, message);
    }

    /// An error at a normalized-document pointer, located in the input.
    pub fn error(&mut self, at: &str, message: impl Into<String>) {
        let at = self.map.to_input(at);
        self.diags.error(&at, message);
    }
}

fn version_of(doc: &Value) -> Result<SpecVersion, GenerateError> {
    let openapi = doc.get("openapi");
    let swagger = doc.get("swagger");
    match (openapi, swagger) {
        (Some(Value::String(v)), _) => {
            let parts: Vec<&str> = v.split('.').collect();
            match parts.as_slice() {
                ["3", "0", ..] => Ok(SpecVersion::V30),
                ["3", "1", ..] => Ok(SpecVersion::V31),
                ["3", "2", ..] => Ok(SpecVersion::V32),
                _ => Err(GenerateError::single(
                    "#/openapi",
                    format!(
                        "OpenAPI version `{}` is not supported; 2.0, 3.0.x, 3.1.x and 3.2.x are",
                        v.escape_debug()
                    ),
                )),
            }
        }
        (Some(_), _) => Err(GenerateError::single(
            "#/openapi",
            "`openapi` must be a version string such as \"3.1.0\"",
        )),
        (None, Some(Value::String(v))) if v == "2.0" => Ok(SpecVersion::Swagger2),
        (None, Some(_)) => Err(GenerateError::single(
            "#/swagger",
            "Swagger version must be \"2.0\"",
        )),
        (None, None) => Err(GenerateError::single(
            "#",
            "not an OpenAPI document: neither `openapi` nor `swagger` is present",
        )),
    }
}

/// Rewrites every `$ref` into a moved part to where the part is now.
fn redirect_refs(
    node: &mut Value,
    redirects: &std::collections::HashMap<Vec<String>, Vec<String>>,
    depth: usize,
) {
    if depth > walk::MAX_DEPTH {
        return;
    }
    match node {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(reference) if key == "$ref" => {
                        let Some(tokens) = pointer::tokens(reference) else {
                            continue;
                        };
                        // The longest moved prefix of the reference.
                        let found = (0..=tokens.len())
                            .rev()
                            .find_map(|n| redirects.get(&tokens[..n]).map(|to| (n, to)));
                        if let Some((from, to)) = found {
                            let mut target = String::from("#");
                            for token in to.iter().chain(&tokens[from..]) {
                                target = pointer::join(&target, token);
                            }
                            *reference = target;
                        }
                    }
                    _ => redirect_refs(value, redirects, depth + 1),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                redirect_refs(item, redirects, depth + 1);
            }
        }
        _ => {}
    }
}

/// Keys under [`RESERVED_PREFIX`] in the input are refused: the front end
/// alone writes them.
fn reserved_keys(node: &Value, at: &str, diags: &mut Diagnostics, depth: usize) {
    if depth > walk::MAX_DEPTH {
        return;
    }
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                let here = pointer::join(at, key);
                if key.starts_with(RESERVED_PREFIX) {
                    diags.error(
                        &here,
                        format!(
                            "keys starting with `{RESERVED_PREFIX}` are reserved for clientgen"
                        ),
                    );
                }
                reserved_keys(value, &here, diags, depth + 1);
            }
        }
        Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                reserved_keys(value, &pointer::join(at, &i.to_string()), diags, depth + 1);
            }
        }
        _ => {}
    }
}

/// The operations of a path item, in the order lowering reads them.
pub(crate) const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The JSON Schema dialect OpenAPI 3.1 documents use unless they say otherwise.
const OAS_DIALECTS: [&str; 2] = [
    "https://spec.openapis.org/oas/3.1/dialect/base",
    "https://spec.openapis.org/oas/3.1/dialect/2024-11-10",
];

/// Document-level differences of 3.1 and 3.2 from 3.0.
fn document31(doc: &mut Value, cx: &mut Context) {
    let Some(root) = doc.as_object_mut() else {
        return;
    };
    if let Some(dialect) = root.get("jsonSchemaDialect") {
        let known = dialect.as_str().is_some_and(|d| {
            OAS_DIALECTS.contains(&d)
                || d.starts_with("https://spec.openapis.org/oas/3.2/dialect/")
                || d == "https://json-schema.org/draft/2020-12/schema"
        });
        if !known {
            cx.error(
                "#/jsonSchemaDialect",
                "only the OpenAPI dialect of JSON Schema 2020-12 is supported",
            );
        }
    }
    root.insert("openapi".into(), Value::String("3.0.3".into()));
    root.entry("paths")
        .or_insert_with(|| Value::Object(Default::default()));
    path_item_refs(root, cx);
    webhooks(root, cx);
    let mut mutual_schemes: Vec<String> = Vec::new();
    if let Some(Value::Object(schemes)) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("securitySchemes"))
    {
        let mutual: Vec<String> = schemes
            .iter()
            .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("mutualTLS"))
            .map(|(k, _)| k.clone())
            .collect();
        for name in mutual {
            schemes.shift_remove(&name);
            mutual_schemes.push(name.clone());
            let at = pointer::join("#/components/securitySchemes", &name);
            cx.warning(
                &at,
                "mutual TLS is configured on the client (`HttpSettings`, client certificates), not per request; requirements naming it count as met",
            );
        }
    }
    // A requirement met by the TLS connection itself is met here too.
    let mutual = std::mem::take(&mut mutual_schemes);
    if !mutual.is_empty() {
        drop_requirements(root.get_mut("security"), &mutual);
        for item in root
            .get_mut("paths")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|p| p.values_mut())
        {
            for op in item
                .as_object_mut()
                .into_iter()
                .flat_map(|i| i.values_mut())
            {
                drop_requirements(op.get_mut("security"), &mutual);
            }
        }
    }
    if let Some(Value::Object(paths)) = root.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let item_at = pointer::join("#/paths", path);
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for method in METHODS {
                if let Some(Value::Object(op)) = item.get_mut(method) {
                    // Optional in 3.1, required by the 3.0 form.
                    op.entry("responses")
                        .or_insert_with(|| Value::Object(Default::default()));
                }
            }
            for key in ["query", "additionalOperations"] {
                if item.shift_remove(key).is_some() {
                    cx.warning(
                        &pointer::join(&item_at, key),
                        "3.2 operations outside the eight 3.0 methods are not supported yet; skipped",
                    );
                }
            }
        }
    }
}

/// Removes `schemes` from every requirement of a `security` list.
fn drop_requirements(security: Option<&mut Value>, schemes: &[String]) {
    for requirement in security
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
    {
        requirement.retain(|name, _| !schemes.contains(name));
    }
}

/// `$ref`s in `paths` (to `#/components/pathItems/…` or any path item of
/// the document) are replaced by the item.
fn path_item_refs(root: &mut serde_json::Map<String, Value>, cx: &mut Context) {
    // Targets are looked up in the document as written, then put in place.
    let mut resolved: Vec<(String, Value)> = Vec::new();
    for (path, item) in root
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let mut item = item;
        let mut hops = 0;
        while let Some(reference) = item.get("$ref").and_then(Value::as_str) {
            let target = pointer::tokens(reference).and_then(|tokens| {
                let (first, rest) = tokens.split_first()?;
                rest.iter()
                    .try_fold(root.get(first)?, |node, token| match node {
                        Value::Object(map) => map.get(token),
                        Value::Array(list) => list.get(token.parse::<usize>().ok()?),
                        _ => None,
                    })
            });
            hops += 1;
            match target.filter(|t| t.is_object() && hops < 32) {
                Some(target) => {
                    cx.map.record(&pointer::join("#/paths", path), reference);
                    item = target;
                }
                None => {
                    let at = pointer::join(&pointer::join("#/paths", path), "$ref");
                    cx.error(
                        &at,
                        format!("path item reference `{reference}` points to no path item"),
                    );
                    break;
                }
            }
        }
        if hops > 0 {
            resolved.push((path.clone(), item.clone()));
        }
    }
    if let Some(Value::Object(paths)) = root.get_mut("paths") {
        for (path, item) in resolved {
            paths.insert(path, item);
        }
    }
}

/// 3.1 `webhooks`: requests the API sends, not operations of the client.
/// Inline payload schemas become component schemas (`<Name>Webhook…`), so
/// their types are generated like other schemas no operation uses.
fn webhooks(root: &mut serde_json::Map<String, Value>, cx: &mut Context) {
    let Some(Value::Object(hooks)) = root.shift_remove("webhooks") else {
        return;
    };
    let components = root
        .entry("components")
        .or_insert_with(|| Value::Object(Default::default()));
    let Some(components) = components.as_object_mut() else {
        return;
    };
    let schemas = components
        .entry("schemas")
        .or_insert_with(|| Value::Object(Default::default()));
    let Some(schemas) = schemas.as_object_mut() else {
        return;
    };
    for (name, item) in hooks {
        let item_at = pointer::join("#/webhooks", &name);
        let Value::Object(item) = item else { continue };
        for (method, operation) in item {
            let body = operation
                .pointer("/requestBody/content")
                .and_then(Value::as_object);
            for (media, content) in body.into_iter().flatten() {
                let Some(schema) = content.get("schema") else {
                    continue;
                };
                if schema.get("$ref").is_some() {
                    continue;
                }
                let base = format!(
                    "{}Webhook{}",
                    heck::AsUpperCamelCase(&name),
                    heck::AsUpperCamelCase(&method)
                );
                let mut component = base.clone();
                let mut n = 2;
                while schemas.contains_key(&component) {
                    component = format!("{base}{n}");
                    n += 1;
                }
                let from = pointer::join(
                    &pointer::join(
                        &pointer::join(&pointer::join(&item_at, &method), "requestBody"),
                        "content",
                    ),
                    media,
                );
                cx.map.record(
                    &pointer::join("#/components/schemas", &component),
                    &pointer::join(&from, "schema"),
                );
                schemas.insert(component, schema.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_map_takes_the_longest_prefix_on_segment_boundaries() {
        let mut map = SourceMap::default();
        map.record("#/components/schemas", "#/definitions");
        map.record("#/components/schemas/A/x", "#/elsewhere");
        assert_eq!(
            map.to_input("#/components/schemas/A/b"),
            "#/definitions/A/b"
        );
        assert_eq!(map.to_input("#/components/schemas/A/x/y"), "#/elsewhere/y");
        assert_eq!(
            map.to_input("#/components/schemasX"),
            "#/components/schemasX"
        );
        assert_eq!(map.to_input("#/paths"), "#/paths");
    }
}
