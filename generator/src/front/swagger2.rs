//! Swagger 2.0 into the OpenAPI 3.0 form: servers from `host`, `basePath`
//! and `schemes`; bodies and forms from `in: body` / `in: formData` and
//! `consumes`; responses from `schema` and `produces`; `definitions`, shared
//! `parameters` and `responses`, and `securityDefinitions` into
//! `components`. Schemas keep their place; [`super::schema`] reads their
//! 2.0 keywords. Every moved part is recorded in the source map.

use serde_json::{json, Map, Value};

use super::Context;
use crate::diag::pointer;

/// Swagger 2.0 has no TRACE.
const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// Keys of a 2.0 parameter or header that belong to its schema in 3.0.
const SCHEMA_KEYS: [&str; 17] = [
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
];

/// The document-wide media types an operation inherits.
struct Defaults {
    consumes: Vec<String>,
    produces: Vec<String>,
}

pub fn convert(doc: Value, cx: &mut Context) -> Value {
    let Value::Object(input) = doc else {
        return doc;
    };
    let media = |key: &str| -> Vec<String> {
        input
            .get(key)
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let defaults = Defaults {
        consumes: media("consumes"),
        produces: media("produces"),
    };
    let mut out = Map::new();
    out.insert("openapi".into(), json!("3.0.3"));
    for (key, value) in &input {
        let keep = matches!(key.as_str(), "info" | "tags" | "externalDocs" | "security")
            || key.starts_with("x-");
        if keep {
            out.insert(key.clone(), value.clone());
        }
    }
    if let Some(servers) = servers(&input) {
        out.insert("servers".into(), servers);
        cx.map.record("#/servers/0/url", "#/host");
    }
    let shared_params = input
        .get("parameters")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut components = Map::new();
    if let Some(definitions) = input.get("definitions") {
        components.insert("schemas".into(), definitions.clone());
        cx.map.record("#/components/schemas", "#/definitions");
    }
    let mut parameters = Map::new();
    for (name, p) in &shared_params {
        let from = pointer::join("#/parameters", name);
        if matches!(
            p.get("in").and_then(Value::as_str),
            Some("body" | "formData")
        ) {
            continue; // inlined where operations use them
        }
        let to = pointer::join("#/components/parameters", name);
        parameters.insert(name.clone(), parameter(p, &to, &from, cx));
    }
    if !parameters.is_empty() {
        components.insert("parameters".into(), Value::Object(parameters));
    }
    let mut responses = Map::new();
    for (name, r) in input
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let from = pointer::join("#/responses", name);
        let to = pointer::join("#/components/responses", name);
        cx.map.record(&to, &from);
        responses.insert(
            name.clone(),
            response(r, &defaults.produces, &to, &from, cx),
        );
    }
    if !responses.is_empty() {
        components.insert("responses".into(), Value::Object(responses));
    }
    let mut schemes = Map::new();
    for (name, s) in input
        .get("securityDefinitions")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let from = pointer::join("#/securityDefinitions", name);
        let to = pointer::join("#/components/securitySchemes", name);
        cx.map.record(&to, &from);
        if let Some(scheme) = security_scheme(s, &to, cx) {
            schemes.insert(name.clone(), scheme);
        }
    }
    if !schemes.is_empty() {
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    let mut paths = Map::new();
    for (path, item) in input
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = pointer::join("#/paths", path);
        paths.insert(
            path.clone(),
            path_item(item, &at, &shared_params, &defaults, cx),
        );
    }
    out.insert("paths".into(), Value::Object(paths));
    if !components.is_empty() {
        out.insert("components".into(), Value::Object(components));
    }
    let mut doc = Value::Object(out);
    rewrite_refs(&mut doc, 0);
    doc
}

/// `servers` from `host`, `basePath` and `schemes` (https first).
fn servers(input: &Map<String, Value>) -> Option<Value> {
    let base = input.get("basePath").and_then(Value::as_str).unwrap_or("");
    let base = base.trim_end_matches('/');
    let Some(host) = input.get("host").and_then(Value::as_str) else {
        return (!base.is_empty()).then(|| json!([{ "url": base }]));
    };
    let mut schemes: Vec<&str> = input
        .get("schemes")
        .and_then(Value::as_array)
        .map(|s| s.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    schemes.retain(|s| matches!(*s, "https" | "http"));
    schemes.sort_by_key(|s| *s != "https");
    if schemes.is_empty() {
        schemes.push("https");
    }
    let list: Vec<Value> = schemes
        .iter()
        .map(|scheme| json!({ "url": format!("{scheme}://{host}{base}") }))
        .collect();
    Some(Value::Array(list))
}

fn security_scheme(s: &Value, at: &str, cx: &mut Context) -> Option<Value> {
    let mut out = Map::new();
    if let Some(d) = s.get("description") {
        out.insert("description".into(), d.clone());
    }
    for (key, value) in s.as_object().into_iter().flatten() {
        if key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        }
    }
    match s.get("type").and_then(Value::as_str) {
        Some("basic") => {
            out.insert("type".into(), json!("http"));
            out.insert("scheme".into(), json!("basic"));
        }
        Some("apiKey") => {
            out.insert("type".into(), json!("apiKey"));
            out.insert("name".into(), s.get("name").cloned().unwrap_or_default());
            out.insert("in".into(), s.get("in").cloned().unwrap_or_default());
        }
        Some("oauth2") => {
            let flow = match s.get("flow").and_then(Value::as_str) {
                Some("implicit") => "implicit",
                Some("password") => "password",
                Some("application") => "clientCredentials",
                Some("accessCode") => "authorizationCode",
                _ => {
                    cx.warning(
                        &pointer::join(at, "flow"),
                        "unknown OAuth2 flow; scheme ignored",
                    );
                    return None;
                }
            };
            let mut flow_object = Map::new();
            for key in ["authorizationUrl", "tokenUrl"] {
                if let Some(url) = s.get(key) {
                    flow_object.insert(key.into(), url.clone());
                }
            }
            flow_object.insert(
                "scopes".into(),
                s.get("scopes").cloned().unwrap_or(json!({})),
            );
            out.insert("type".into(), json!("oauth2"));
            out.insert("flows".into(), json!({ flow: flow_object }));
        }
        _ => {
            cx.warning(
                &pointer::join(at, "type"),
                "unknown security scheme type; ignored",
            );
            return None;
        }
    }
    Some(Value::Object(out))
}

fn path_item(
    item: &Value,
    at: &str,
    shared: &Map<String, Value>,
    defaults: &Defaults,
    cx: &mut Context,
) -> Value {
    let Some(item) = item.as_object() else {
        return item.clone();
    };
    let mut out = Map::new();
    let common: Vec<(Value, String)> =
        list_with_pointers(item.get("parameters"), &pointer::join(at, "parameters"));
    let mut kept = Vec::new();
    for (p, p_at) in &common {
        let (p, p_at) = deref_param(p, p_at, shared);
        if !matches!(
            p.get("in").and_then(Value::as_str),
            Some("body" | "formData")
        ) {
            let to = pointer::join(&pointer::join(at, "parameters"), &kept.len().to_string());
            kept.push(parameter(&p, &to, &p_at, cx));
        }
    }
    if !kept.is_empty() {
        out.insert("parameters".into(), Value::Array(kept));
    }
    for (key, value) in item {
        if key.starts_with("x-") || key == "summary" || key == "description" {
            out.insert(key.clone(), value.clone());
        }
        if METHODS.contains(&key.as_str()) {
            let op_at = pointer::join(at, key);
            let op = operation(value, &op_at, &common, shared, defaults, cx);
            out.insert(key.clone(), op);
        }
    }
    Value::Object(out)
}

fn list_with_pointers(list: Option<&Value>, at: &str) -> Vec<(Value, String)> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, p)| (p.clone(), pointer::join(at, &i.to_string())))
        .collect()
}

/// A parameter `$ref` to `#/parameters/…` is followed, so body and form
/// parameters can be read in place.
fn deref_param(p: &Value, at: &str, shared: &Map<String, Value>) -> (Value, String) {
    let target = p.get("$ref").and_then(Value::as_str).and_then(|r| {
        let tokens = pointer::tokens(r)?;
        match tokens.as_slice() {
            [section, name] if section == "parameters" => Some((
                shared.get(name)?.clone(),
                pointer::join("#/parameters", name),
            )),
            _ => None,
        }
    });
    target.unwrap_or_else(|| (p.clone(), at.to_owned()))
}

fn operation(
    op: &Value,
    at: &str,
    common: &[(Value, String)],
    shared: &Map<String, Value>,
    defaults: &Defaults,
    cx: &mut Context,
) -> Value {
    let Some(op) = op.as_object() else {
        return op.clone();
    };
    let media = |key: &str, default: &[String]| -> Vec<String> {
        match op.get(key).and_then(Value::as_array) {
            Some(list) => list
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            None => default.to_vec(),
        }
    };
    let consumes = media("consumes", &defaults.consumes);
    let produces = media("produces", &defaults.produces);
    let mut out = Map::new();
    for (key, value) in op {
        let keep = matches!(
            key.as_str(),
            "tags"
                | "summary"
                | "description"
                | "externalDocs"
                | "operationId"
                | "deprecated"
                | "security"
        ) || key.starts_with("x-");
        if keep {
            out.insert(key.clone(), value.clone());
        }
    }
    // An operation's parameter replaces a path-level one of the same name and place.
    let own = list_with_pointers(op.get("parameters"), &pointer::join(at, "parameters"));
    let own: Vec<(Value, String)> = own
        .iter()
        .map(|(p, p_at)| deref_param(p, p_at, shared))
        .collect();
    let key = |p: &Value| {
        (
            p.get("name").and_then(Value::as_str).map(str::to_owned),
            p.get("in").and_then(Value::as_str).map(str::to_owned),
        )
    };
    let mut all: Vec<(Value, String)> = Vec::new();
    for (p, p_at) in common {
        let (p, p_at) = deref_param(p, p_at, shared);
        if !own.iter().any(|(o, _)| key(o) == key(&p)) {
            all.push((p, p_at));
        }
    }
    all.extend(own);
    let mut parameters = Vec::new();
    let mut form: Vec<(Value, String)> = Vec::new();
    for (p, p_at) in all {
        match p.get("in").and_then(Value::as_str) {
            Some("body") => {
                let body_at = pointer::join(at, "requestBody");
                cx.map.record(&body_at, &p_at);
                let mut types: Vec<String> =
                    consumes.iter().filter(|m| !is_form(m)).cloned().collect();
                if types.is_empty() {
                    // A body beside form-only `consumes` (or none): JSON.
                    types.push("application/json".to_owned());
                }
                let mut content = Map::new();
                for media in &types {
                    let schema_at = pointer::join(
                        &pointer::join(&pointer::join(&body_at, "content"), media),
                        "schema",
                    );
                    cx.map.record(&schema_at, &pointer::join(&p_at, "schema"));
                    content.insert(
                        media.clone(),
                        json!({ "schema": p.get("schema").cloned().unwrap_or(json!({})) }),
                    );
                }
                let mut body = Map::new();
                if let Some(d) = p.get("description") {
                    body.insert("description".into(), d.clone());
                }
                body.insert(
                    "required".into(),
                    p.get("required").cloned().unwrap_or(json!(false)),
                );
                body.insert("content".into(), Value::Object(content));
                out.insert("requestBody".into(), Value::Object(body));
            }
            Some("formData") => form.push((p, p_at)),
            _ => {
                let to = pointer::join(
                    &pointer::join(at, "parameters"),
                    &parameters.len().to_string(),
                );
                parameters.push(parameter(&p, &to, &p_at, cx));
            }
        }
    }
    if !form.is_empty() && !out.contains_key("requestBody") {
        out.insert("requestBody".into(), form_body(&form, &consumes, at, cx));
    }
    if !parameters.is_empty() {
        out.insert("parameters".into(), Value::Array(parameters));
    }
    let mut responses = Map::new();
    for (code, r) in op
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let r_at = pointer::join(&pointer::join(at, "responses"), code);
        responses.insert(code.clone(), response(r, &produces, &r_at, &r_at, cx));
    }
    out.insert("responses".into(), Value::Object(responses));
    Value::Object(out)
}

fn is_form(media: &str) -> bool {
    media.starts_with("multipart/form-data")
        || media.starts_with("application/x-www-form-urlencoded")
}

/// `in: formData` parameters as one object body: multipart when a file is
/// among them (or `consumes` names only multipart), else form-urlencoded.
fn form_body(form: &[(Value, String)], consumes: &[String], at: &str, cx: &mut Context) -> Value {
    let has_file = form
        .iter()
        .any(|(p, _)| p.get("type").and_then(Value::as_str) == Some("file"));
    let multipart_only = consumes
        .iter()
        .any(|m| m.starts_with("multipart/form-data"))
        && !consumes
            .iter()
            .any(|m| m.starts_with("application/x-www-form-urlencoded"));
    let media = if has_file || multipart_only {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    let schema_at = pointer::join(
        &pointer::join(
            &pointer::join(&pointer::join(at, "requestBody"), "content"),
            media,
        ),
        "schema",
    );
    let mut properties = Map::new();
    let mut required = Vec::new();
    for (p, p_at) in form {
        let Some(name) = p.get("name").and_then(Value::as_str) else {
            cx.warning(p_at, "a form parameter without a name; ignored");
            continue;
        };
        let property_at = pointer::join(&pointer::join(&schema_at, "properties"), name);
        cx.map.record(&property_at, p_at);
        let mut schema = param_schema(p);
        if let Some(d) = p.get("description") {
            schema.insert("description".into(), d.clone());
        }
        properties.insert(name.to_owned(), Value::Object(schema));
        if p.get("required") == Some(&Value::Bool(true)) {
            required.push(json!(name));
        }
    }
    let mut schema = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
    let any_required = schema.get("required").is_some();
    json!({ "required": any_required, "content": { media: { "schema": schema } } })
}

/// The schema part of a 2.0 parameter or header.
fn param_schema(p: &Value) -> Map<String, Value> {
    let mut schema = Map::new();
    for key in SCHEMA_KEYS {
        if let Some(value) = p.get(key) {
            schema.insert(key.into(), value.clone());
        }
    }
    schema
}

/// A query, header or path parameter: its schema keys into `schema`, its
/// `collectionFormat` into `style` and `explode`.
fn parameter(p: &Value, to: &str, from: &str, cx: &mut Context) -> Value {
    cx.map.record(to, from);
    if p.get("$ref").is_some() {
        return p.clone();
    }
    let mut out = Map::new();
    for (key, value) in p.as_object().into_iter().flatten() {
        let keep = matches!(
            key.as_str(),
            "name" | "in" | "description" | "required" | "deprecated" | "allowEmptyValue"
        ) || key.starts_with("x-") && key != "x-nullable";
        if keep {
            out.insert(key.clone(), value.clone());
        }
    }
    let place = p.get("in").and_then(Value::as_str).unwrap_or_default();
    if p.get("type").and_then(Value::as_str) == Some("array") {
        let format = p
            .get("collectionFormat")
            .and_then(Value::as_str)
            .unwrap_or("csv");
        let (style, explode) = match (format, place) {
            ("multi", "query") => ("form", true),
            ("ssv", "query") => ("spaceDelimited", false),
            ("pipes", "query") => ("pipeDelimited", false),
            ("tsv", _) => {
                cx.warning(
                    &pointer::join(to, "collectionFormat"),
                    "`collectionFormat: tsv` has no OpenAPI 3 style; sent comma-separated",
                );
                (if place == "query" { "form" } else { "simple" }, false)
            }
            (_, "query") => ("form", false),
            ("ssv" | "pipes" | "multi", _) => {
                cx.warning(
                    &pointer::join(to, "collectionFormat"),
                    format!(
                        "`collectionFormat: {format}` is for query parameters; sent comma-separated"
                    ),
                );
                ("simple", false)
            }
            _ => ("simple", false),
        };
        out.insert("style".into(), json!(style));
        out.insert("explode".into(), json!(explode));
    }
    // The type keywords sit on the 2.0 parameter itself.
    cx.map.record(&pointer::join(to, "schema"), from);
    out.insert("schema".into(), Value::Object(param_schema(p)));
    Value::Object(out)
}

fn response(r: &Value, produces: &[String], to: &str, from: &str, cx: &mut Context) -> Value {
    if r.get("$ref").is_some() {
        return r.clone();
    }
    let mut out = Map::new();
    out.insert(
        "description".into(),
        r.get("description").cloned().unwrap_or(json!("")),
    );
    for (key, value) in r.as_object().into_iter().flatten() {
        if key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        }
    }
    if let Some(schema) = r.get("schema") {
        let types = if produces.is_empty() {
            vec!["application/json".to_owned()]
        } else {
            produces.to_vec()
        };
        let mut content = Map::new();
        for media in types {
            let schema_at = pointer::join(
                &pointer::join(&pointer::join(to, "content"), &media),
                "schema",
            );
            cx.map.record(&schema_at, &pointer::join(from, "schema"));
            content.insert(media, json!({ "schema": schema }));
        }
        out.insert("content".into(), Value::Object(content));
    }
    let mut headers = Map::new();
    for (name, h) in r
        .get("headers")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let mut header = Map::new();
        if let Some(d) = h.get("description") {
            header.insert("description".into(), d.clone());
        }
        header.insert("schema".into(), Value::Object(param_schema(h)));
        let header_at = pointer::join(&pointer::join(to, "headers"), name);
        cx.map.record(
            &pointer::join(&header_at, "schema"),
            &pointer::join(&pointer::join(from, "headers"), name),
        );
        headers.insert(name.clone(), Value::Object(header));
    }
    if !headers.is_empty() {
        out.insert("headers".into(), Value::Object(headers));
    }
    Value::Object(out)
}

/// `#/definitions/X` → `#/components/schemas/X`, and likewise for shared
/// parameters and responses, everywhere in the converted document.
fn rewrite_refs(node: &mut Value, depth: usize) {
    if depth > super::walk::MAX_DEPTH {
        return;
    }
    match node {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "$ref" {
                    if let Value::String(r) = value {
                        for (old, new) in [
                            ("#/definitions/", "#/components/schemas/"),
                            ("#/parameters/", "#/components/parameters/"),
                            ("#/responses/", "#/components/responses/"),
                        ] {
                            if let Some(rest) = r.strip_prefix(old) {
                                *r = format!("{new}{rest}");
                                break;
                            }
                        }
                    }
                } else {
                    rewrite_refs(value, depth + 1);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rewrite_refs(item, depth + 1);
            }
        }
        _ => {}
    }
}
