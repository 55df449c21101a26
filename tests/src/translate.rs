//! Faithful translations of an OpenAPI 3.0 document into 3.1 and into
//! Swagger 2.0, written the way each version says things, for the test that
//! the same meaning gives the same Rust whatever the version.

use serde_json::{json, Map, Value};

/// Where the 3.0 form the generator reads keeps a 3.1 tuple's elements.
const TUPLE_KEY: &str = "x-clientgen-tuple";

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Calls `f` on every schema of a 3.0 document (outermost first).
fn each_schema(doc: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    fn schema(s: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
        let Some(map) = s.as_object_mut() else { return };
        f(map);
        for (key, value) in map.iter_mut() {
            match key.as_str() {
                "properties" => value
                    .as_object_mut()
                    .into_iter()
                    .flatten()
                    .for_each(|(_, v)| schema(v, f)),
                "items" | "not" => schema(value, f),
                "additionalProperties" if value.is_object() => schema(value, f),
                "allOf" | "anyOf" | "oneOf" | TUPLE_KEY => value
                    .as_array_mut()
                    .into_iter()
                    .flatten()
                    .for_each(|v| schema(v, f)),
                _ => {}
            }
        }
    }
    fn content(c: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
        for (_, media) in c.as_object_mut().into_iter().flatten() {
            if let Some(s) = media.get_mut("schema") {
                schema(s, f);
            }
        }
    }
    fn holder(h: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
        if let Some(s) = h.get_mut("schema") {
            schema(s, f);
        }
        if let Some(c) = h.get_mut("content") {
            content(c, f);
        }
        for (_, header) in h
            .get_mut("headers")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flatten()
        {
            holder(header, f);
        }
    }
    fn operation(op: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
        for p in op
            .get_mut("parameters")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            holder(p, f);
        }
        if let Some(b) = op.get_mut("requestBody") {
            holder(b, f);
        }
        for (_, r) in op
            .get_mut("responses")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flatten()
        {
            holder(r, f);
        }
    }
    for (_, item) in doc
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flatten()
    {
        operation(item, f);
        for method in METHODS {
            if let Some(op) = item.get_mut(method) {
                operation(op, f);
            }
        }
    }
    let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) else {
        return;
    };
    for (section, entries) in components.iter_mut() {
        for (_, entry) in entries.as_object_mut().into_iter().flatten() {
            match section.as_str() {
                "schemas" => schema(entry, f),
                "parameters" | "headers" | "requestBodies" | "responses" => holder(entry, f),
                _ => {}
            }
        }
    }
}

/// OpenAPI 3.0 → 3.1, as a 3.1 author writes it: `type` lists and `null`
/// branches instead of `nullable`, numeric exclusive bounds, `examples`,
/// `$ref` with siblings, `const`, and content keywords for binary strings.
pub fn to_3_1(doc: &Value) -> Value {
    let mut doc = doc.clone();
    doc["openapi"] = json!("3.1.0");
    each_schema(&mut doc, &mut |s| {
        let nullable = s.remove("nullable") == Some(Value::Bool(true));
        if let Some(tuple) = s.remove(TUPLE_KEY) {
            s.insert("prefixItems".into(), tuple);
        }
        for (exclusive, inclusive) in [
            ("exclusiveMinimum", "minimum"),
            ("exclusiveMaximum", "maximum"),
        ] {
            match s.remove(exclusive) {
                Some(Value::Bool(true)) => {
                    if let Some(bound) = s.remove(inclusive) {
                        s.insert(exclusive.into(), bound);
                    }
                }
                Some(other) if !other.is_boolean() => {
                    s.insert(exclusive.into(), other);
                }
                _ => {}
            }
        }
        if let Some(example) = s.remove("example") {
            s.insert("examples".into(), json!([example]));
        }
        match s.get("format").and_then(Value::as_str) {
            Some("binary") => {
                s.remove("format");
                s.insert("contentMediaType".into(), json!("application/octet-stream"));
            }
            Some("byte") => {
                s.remove("format");
                s.insert("contentEncoding".into(), json!("base64"));
            }
            _ => {}
        }
        let sole_ref = match s.get("allOf").and_then(Value::as_array) {
            Some(all) if all.len() == 1 && all[0].get("$ref").is_some() => Some(all[0].clone()),
            _ => None,
        };
        if nullable {
            if let Some(Value::String(t)) = s.get("type").cloned() {
                s.insert("type".into(), json!([t, "null"]));
                if let Some(Value::Array(values)) = s.get_mut("enum") {
                    values.push(Value::Null);
                }
            } else if let Some(reference) = sole_ref {
                s.remove("allOf");
                s.insert("anyOf".into(), json!([reference, {"type": "null"}]));
            } else if let Some(Value::Array(members)) = s.get_mut("oneOf") {
                members.push(json!({"type": "null"}));
            } else {
                s.insert(
                    "type".into(),
                    json!(["null", "object", "array", "string", "number", "boolean"]),
                );
            }
        } else if let Some(Value::Object(reference)) = sole_ref {
            s.remove("allOf");
            s.extend(reference);
        }
        let single = match s.get("enum").and_then(Value::as_array) {
            Some(values) if values.len() == 1 && !values[0].is_null() => Some(values[0].clone()),
            _ => None,
        };
        if let Some(value) = single {
            s.remove("enum");
            s.insert("const".into(), value);
        }
    });
    doc
}

/// Why a 3.0 document has no Swagger 2.0 translation.
pub type Inexpressible = String;

/// OpenAPI 3.0 → Swagger 2.0, where 2.0 can say the same; otherwise why not.
pub fn to_2_0(doc: &Value) -> Result<Value, Inexpressible> {
    let mut doc = doc.clone();
    let mut problem: Option<String> = None;
    each_schema(&mut doc, &mut |s| {
        for key in ["oneOf", "anyOf", "not", TUPLE_KEY] {
            if s.contains_key(key) {
                problem.get_or_insert(format!("`{key}` has no 2.0 form"));
            }
        }
        if s.remove("nullable") == Some(Value::Bool(true)) {
            s.insert("x-nullable".into(), Value::Bool(true));
        }
        if s.contains_key("discriminator")
            || s.contains_key("writeOnly")
            || s.contains_key("deprecated")
        {
            problem.get_or_insert("a 3.0-only schema keyword".into());
        }
    });
    if let Some(problem) = problem {
        return Err(problem);
    }
    let mut out = Map::new();
    out.insert("swagger".into(), json!("2.0"));
    for (key, value) in doc.as_object().into_iter().flatten() {
        if matches!(key.as_str(), "info" | "tags" | "externalDocs" | "security")
            || key.starts_with("x-")
        {
            out.insert(key.clone(), value.clone());
        }
    }
    servers(&doc, &mut out)?;
    let components = doc.get("components").cloned().unwrap_or(json!({}));
    for section in components.as_object().into_iter().flatten().map(|(k, _)| k) {
        if !matches!(
            section.as_str(),
            "schemas" | "securitySchemes" | "parameters" | "responses" | "requestBodies"
        ) {
            return Err(format!("components.{section} has no 2.0 form"));
        }
    }
    if let Some(schemas) = components.get("schemas") {
        out.insert("definitions".into(), schemas.clone());
    }
    if let Some(parameters) = components.get("parameters").and_then(Value::as_object) {
        let mut shared = Map::new();
        for (name, p) in parameters {
            shared.insert(name.clone(), parameter(p)?);
        }
        out.insert("parameters".into(), Value::Object(shared));
    }
    let mut produces_all: Vec<String> = Vec::new();
    if let Some(responses) = components.get("responses").and_then(Value::as_object) {
        let mut shared = Map::new();
        for (name, r) in responses {
            shared.insert(name.clone(), response(r, &mut produces_all)?);
        }
        out.insert("responses".into(), Value::Object(shared));
    }
    if let Some(schemes) = components.get("securitySchemes").and_then(Value::as_object) {
        let mut definitions = Map::new();
        for (name, s) in schemes {
            definitions.insert(name.clone(), security_scheme(s)?);
        }
        out.insert("securityDefinitions".into(), Value::Object(definitions));
    }
    let mut paths = Map::new();
    for (path, item) in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let mut converted = Map::new();
        for (key, value) in item.as_object().into_iter().flatten() {
            if key == "parameters" {
                converted.insert(key.clone(), parameters(value)?);
            } else if METHODS.contains(&key.as_str()) {
                if key == "trace" {
                    return Err("TRACE has no 2.0 form".into());
                }
                let bodies = components.get("requestBodies").cloned().unwrap_or_default();
                converted.insert(key.clone(), operation(value, &bodies)?);
            } else if key.starts_with("x-") {
                converted.insert(key.clone(), value.clone());
            } else {
                return Err(format!("path item field `{key}` has no 2.0 form"));
            }
        }
        paths.insert(path.clone(), Value::Object(converted));
    }
    out.insert("paths".into(), Value::Object(paths));
    let mut out = Value::Object(out);
    rewrite_refs(&mut out);
    Ok(out)
}

fn servers(doc: &Value, out: &mut Map<String, Value>) -> Result<(), Inexpressible> {
    let Some(servers) = doc.get("servers").and_then(Value::as_array) else {
        return Ok(());
    };
    let mut schemes = Vec::new();
    let mut place: Option<(String, String)> = None;
    for server in servers {
        if server.get("variables").is_some() {
            return Err("server variables have no 2.0 form".into());
        }
        let url = server["url"].as_str().unwrap_or_default();
        let (scheme, rest) = url.split_once("://").ok_or("a relative server URL")?;
        let (host, base) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let here = (host.to_owned(), base.to_owned());
        if place.get_or_insert_with(|| here.clone()) != &here {
            return Err("servers on several hosts or paths".into());
        }
        schemes.push(json!(scheme));
    }
    if let Some((host, base)) = place {
        out.insert("host".into(), json!(host));
        if !base.is_empty() {
            out.insert("basePath".into(), json!(base));
        }
        out.insert("schemes".into(), Value::Array(schemes));
    }
    Ok(())
}

fn security_scheme(s: &Value) -> Result<Value, Inexpressible> {
    let mut out = Map::new();
    for (key, value) in s.as_object().into_iter().flatten() {
        if key == "description" || key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        }
    }
    match (s["type"].as_str(), s["scheme"].as_str(), s["in"].as_str()) {
        (Some("http"), Some("basic"), _) => {
            out.insert("type".into(), json!("basic"));
        }
        (Some("apiKey"), _, Some(place @ ("header" | "query"))) => {
            out.insert("type".into(), json!("apiKey"));
            out.insert("name".into(), s["name"].clone());
            out.insert("in".into(), json!(place));
        }
        _ => return Err("a security scheme 2.0 cannot state".into()),
    }
    Ok(Value::Object(out))
}

/// Keys of a 3.0 parameter schema that a 2.0 parameter holds itself.
const PARAM_SCHEMA_KEYS: [&str; 17] = [
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

fn parameters(list: &Value) -> Result<Value, Inexpressible> {
    let converted: Result<Vec<Value>, _> = list
        .as_array()
        .into_iter()
        .flatten()
        .map(parameter)
        .collect();
    Ok(Value::Array(converted?))
}

fn parameter(p: &Value) -> Result<Value, Inexpressible> {
    if p.get("$ref").is_some() {
        return Ok(p.clone());
    }
    let mut out = Map::new();
    for (key, value) in p.as_object().into_iter().flatten() {
        match key.as_str() {
            "name" | "in" | "description" | "required" | "allowEmptyValue" => {
                out.insert(key.clone(), value.clone());
            }
            "schema" | "style" | "explode" => {}
            k if k.starts_with("x-") => {
                out.insert(key.clone(), value.clone());
            }
            other => return Err(format!("parameter field `{other}` has no 2.0 form")),
        }
    }
    if p["in"] == "cookie" {
        return Err("cookie parameters have no 2.0 form".into());
    }
    let schema = p
        .get("schema")
        .and_then(Value::as_object)
        .ok_or("a parameter without a schema")?;
    for (key, value) in schema {
        if !PARAM_SCHEMA_KEYS.contains(&key.as_str()) && key != "description" {
            return Err(format!("parameter schema keyword `{key}` has no 2.0 form"));
        }
        if key != "description" {
            out.insert(key.clone(), value.clone());
        }
    }
    if schema.get("type") == Some(&json!("array")) {
        let explode = p.get("explode").and_then(Value::as_bool);
        let format = match (p["in"].as_str(), p["style"].as_str(), explode) {
            (Some("query"), None | Some("form"), None | Some(true)) => "multi",
            (Some("query"), Some("spaceDelimited"), _) => "ssv",
            (Some("query"), Some("pipeDelimited"), _) => "pipes",
            (_, _, Some(true)) => return Err("an exploded non-query array".into()),
            _ => "csv",
        };
        out.insert("collectionFormat".into(), json!(format));
    }
    Ok(Value::Object(out))
}

fn operation(op: &Value, doc_bodies: &Value) -> Result<Value, Inexpressible> {
    let mut out = Map::new();
    let mut produces: Vec<String> = Vec::new();
    let mut params = match op.get("parameters") {
        Some(list) => parameters(list)?.as_array().cloned().unwrap_or_default(),
        None => Vec::new(),
    };
    for (key, value) in op.as_object().into_iter().flatten() {
        match key.as_str() {
            "tags" | "summary" | "description" | "externalDocs" | "operationId" | "deprecated"
            | "security" => {
                out.insert(key.clone(), value.clone());
            }
            "parameters" => {}
            "requestBody" => {
                let (consumes, body) = request_body(value, doc_bodies)?;
                out.insert("consumes".into(), json!(consumes));
                params.extend(body);
            }
            "responses" => {
                let mut responses = Map::new();
                for (code, r) in value.as_object().into_iter().flatten() {
                    responses.insert(code.clone(), response(r, &mut produces)?);
                }
                out.insert("responses".into(), Value::Object(responses));
            }
            k if k.starts_with("x-") => {
                out.insert(key.clone(), value.clone());
            }
            other => return Err(format!("operation field `{other}` has no 2.0 form")),
        }
    }
    if !params.is_empty() {
        out.insert("parameters".into(), Value::Array(params));
    }
    if !produces.is_empty() {
        out.insert("produces".into(), json!(produces));
    }
    Ok(Value::Object(out))
}

/// A JSON body as one `in: body` parameter (a shared one in place).
fn request_body(body: &Value, shared: &Value) -> Result<(Vec<String>, Vec<Value>), Inexpressible> {
    if let Some(reference) = body.get("$ref").and_then(Value::as_str) {
        let name = reference
            .strip_prefix("#/components/requestBodies/")
            .ok_or("a request body reference outside components")?;
        return request_body(&shared[name], &Value::Null);
    }
    let content = body
        .get("content")
        .and_then(Value::as_object)
        .ok_or("a body without content")?;
    let [(media, entry)] = content.iter().collect::<Vec<_>>()[..] else {
        return Err("a body of several media types".into());
    };
    if !media.contains("json") {
        return Err(format!("a `{media}` body"));
    }
    let mut param = Map::new();
    param.insert("name".into(), json!("body"));
    param.insert("in".into(), json!("body"));
    if let Some(d) = body.get("description") {
        param.insert("description".into(), d.clone());
    }
    param.insert(
        "required".into(),
        body.get("required").cloned().unwrap_or(json!(false)),
    );
    param.insert(
        "schema".into(),
        entry.get("schema").cloned().unwrap_or(json!({})),
    );
    Ok((vec![media.clone()], vec![Value::Object(param)]))
}

fn response(r: &Value, produces: &mut Vec<String>) -> Result<Value, Inexpressible> {
    if r.get("$ref").is_some() {
        return Ok(r.clone());
    }
    let mut out = Map::new();
    out.insert(
        "description".into(),
        r.get("description").cloned().unwrap_or(json!("")),
    );
    if let Some(content) = r.get("content").and_then(Value::as_object) {
        let [(media, entry)] = content.iter().collect::<Vec<_>>()[..] else {
            return Err("a response of several media types".into());
        };
        match produces.first() {
            Some(first) if first != media => {
                return Err("responses of different media types".into())
            }
            Some(_) => {}
            None => produces.push(media.clone()),
        }
        if let Some(schema) = entry.get("schema") {
            out.insert("schema".into(), schema.clone());
        }
    }
    if let Some(headers) = r.get("headers").and_then(Value::as_object) {
        let mut converted = Map::new();
        for (name, h) in headers {
            let mut header = h
                .get("schema")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            if let Some(d) = h.get("description") {
                header.insert("description".into(), d.clone());
            }
            converted.insert(name.clone(), Value::Object(header));
        }
        out.insert("headers".into(), Value::Object(converted));
    }
    Ok(Value::Object(out))
}

fn rewrite_refs(node: &mut Value) {
    match node {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(r) if key == "$ref" => {
                        for (new, old) in [
                            ("#/definitions/", "#/components/schemas/"),
                            ("#/parameters/", "#/components/parameters/"),
                            ("#/responses/", "#/components/responses/"),
                        ] {
                            if let Some(rest) = r.strip_prefix(old) {
                                *r = format!("{new}{rest}");
                            }
                        }
                    }
                    _ => rewrite_refs(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}
