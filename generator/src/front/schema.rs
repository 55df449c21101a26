//! One schema into the 3.0 form: JSON Schema 2020-12 (3.1, 3.2) and Swagger
//! 2.0 keywords rewritten to their 3.0 equivalents, recursively.

use serde_json::{json, Map, Value};

use super::{walk::MAX_DEPTH, Context, SpecVersion, TUPLE_KEY};
use crate::diag::pointer;

/// Keywords whose value is a map of schemas.
const SCHEMA_MAPS: [&str; 5] = [
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// Keywords whose value is one schema.
const SCHEMA_ONE: [&str; 11] = [
    "items",
    "not",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    "additionalItems",
];

/// Keywords whose value is a list of schemas.
const SCHEMA_LISTS: [&str; 4] = ["allOf", "anyOf", "oneOf", TUPLE_KEY];

/// Keywords a Rust type cannot state yet: read, then warned about.
const UNCHECKED: [(&str, &str); 10] = [
    (
        "not",
        "`not` has no Rust meaning; values are not checked against it",
    ),
    (
        "if",
        "`if`/`then`/`else` has no Rust meaning; the branches are not checked",
    ),
    (
        "unevaluatedProperties",
        "`unevaluatedProperties` has no Rust meaning; not checked",
    ),
    (
        "unevaluatedItems",
        "`unevaluatedItems` has no Rust meaning; not checked",
    ),
    (
        "dependentRequired",
        "`dependentRequired` has no Rust meaning; not checked",
    ),
    (
        "dependentSchemas",
        "`dependentSchemas` has no Rust meaning; not checked",
    ),
    ("contains", "`contains` has no Rust meaning; not checked"),
    (
        "propertyNames",
        "`propertyNames` has no Rust meaning; keys are not checked",
    ),
    (
        "$anchor",
        "`$anchor` is ignored: references by anchor are not followed",
    ),
    (
        "$id",
        "`$id` is ignored: references resolve against the document",
    ),
];

/// Annotations: keywords that describe a schema and constrain nothing.
const ANNOTATIONS: [&str; 10] = [
    "description",
    "title",
    "summary",
    "deprecated",
    "readOnly",
    "writeOnly",
    "example",
    "examples",
    "default",
    "$comment",
];

/// Normalizes the schema at `at` (a pointer into the normalized document).
pub fn normalize(node: &mut Value, at: &str, cx: &mut Context) {
    visit(node, at, cx, 0);
}

fn visit(node: &mut Value, at: &str, cx: &mut Context, depth: usize) {
    if depth > MAX_DEPTH {
        cx.error(at, "schemas nest deeper than 256 levels");
        return;
    }
    if let Value::Bool(valid) = *node {
        if cx.version.is_json_schema_2020() {
            // `false` where a keyword forbids what is left over is no mistake.
            let closing = [
                "unevaluatedProperties",
                "unevaluatedItems",
                "additionalItems",
                "items",
            ]
            .iter()
            .any(|k| at.ends_with(&format!("/{k}")));
            if !valid && !closing {
                cx.warning(at, "the schema `false` admits no value; read as any value");
            }
            *node = json!({});
        }
        return;
    }
    let Some(map) = node.as_object_mut() else {
        return;
    };
    if map.get("format").and_then(Value::as_str) == Some("int-or-string") {
        // Kubernetes' format: a JSON integer or a string.
        map.remove("format");
        map.remove("type");
        map.insert(
            "anyOf".into(),
            json!([{"type": "integer"}, {"type": "string"}]),
        );
    }
    match cx.version {
        SpecVersion::V31 | SpecVersion::V32 => json_schema_2020(map, at, cx),
        SpecVersion::Swagger2 => {
            swagger2(map);
            nullable_ref(map);
        }
        SpecVersion::V30 => nullable_ref(map),
    }
    for (keyword, message) in UNCHECKED {
        if map.contains_key(keyword) {
            cx.warning(&pointer::join(at, keyword), message);
        }
    }
    for keyword in ["$dynamicRef", "$recursiveRef"] {
        if map.contains_key(keyword) {
            cx.error(
                &pointer::join(at, keyword),
                format!("`{keyword}` cannot be expressed in Rust types"),
            );
        }
    }
    for (key, value) in map.iter_mut() {
        let here = pointer::join(at, key);
        if SCHEMA_MAPS.contains(&key.as_str()) {
            for (name, child) in value.as_object_mut().into_iter().flatten() {
                visit(child, &pointer::join(&here, name), cx, depth + 1);
            }
        } else if SCHEMA_ONE.contains(&key.as_str())
            || key == "additionalProperties" && value.is_object()
        {
            visit(value, &here, cx, depth + 1);
        } else if SCHEMA_LISTS.contains(&key.as_str()) {
            for (i, child) in value.as_array_mut().into_iter().flatten().enumerate() {
                visit(child, &pointer::join(&here, &i.to_string()), cx, depth + 1);
            }
        }
    }
}

/// Swagger 2.0's own schema keywords.
fn swagger2(map: &mut Map<String, Value>) {
    for key in ["x-nullable", "x-isnullable"] {
        if map.get(key) == Some(&Value::Bool(true)) {
            map.insert("nullable".into(), Value::Bool(true));
        }
    }
    if map.get("type").and_then(Value::as_str) == Some("file") {
        map.insert("type".into(), json!("string"));
        map.insert("format".into(), json!("binary"));
    }
    if let Some(Value::String(property)) = map.get("discriminator") {
        let property = property.clone();
        map.insert("discriminator".into(), json!({ "propertyName": property }));
    }
}

/// `{$ref: X, nullable: true}`: 3.0 ignores keywords beside `$ref`, but
/// specs write this meaning a nullable `X` and servers send `null` for it,
/// so it is read as `{nullable: true, allOf: [{$ref: X}]}`.
fn nullable_ref(map: &mut Map<String, Value>) {
    if map.get("nullable") != Some(&Value::Bool(true)) {
        return;
    }
    if let Some(reference) = map.remove("$ref") {
        map.insert("allOf".into(), json!([{ "$ref": reference }]));
    }
}

/// Whether a schema admits only `null`.
fn is_null_only(schema: &Value) -> bool {
    schema.as_object().is_some_and(null_only)
}

fn null_only(map: &Map<String, Value>) -> bool {
    let null_type = match map.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => types.iter().all(|t| t == "null") && !types.is_empty(),
        _ => false,
    };
    null_type
        || map.get("const") == Some(&Value::Null) && !map.contains_key("type")
        || map.get("enum") == Some(&json!([null]))
}

/// JSON Schema 2020-12 into 3.0: nullability, `const`, numeric exclusive
/// bounds, `examples`, `$ref` siblings, type lists, tuples, content keywords.
fn json_schema_2020(map: &mut Map<String, Value>, at: &str, cx: &mut Context) {
    ref_siblings(map, at, cx);
    type_list(map);
    for keyword in ["anyOf", "oneOf"] {
        if let Some((kept, keys)) = null_branches(map, keyword) {
            let branch = pointer::join(&pointer::join(at, keyword), &kept.to_string());
            for key in keys {
                cx.moved(&pointer::join(&branch, &key), &pointer::join(at, &key));
            }
        }
        branch_keywords(map, keyword);
    }
    scalar_all_of(map);
    if null_only(map) {
        map.remove("type");
        map.remove("const");
        map.remove("enum");
        map.insert("nullable".into(), Value::Bool(true));
    }
    if let Some(value) = map.remove("const") {
        // `const` is the stricter: beside an `enum`, it is the one value left.
        map.insert("enum".into(), Value::Array(vec![value.clone()]));
        if !map.contains_key("type") {
            if let Some(t) = json_type(&value) {
                map.insert("type".into(), json!(t));
            }
        }
    }
    for (exclusive, inclusive) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        let Some(bound) = map.get(exclusive).and_then(Value::as_f64) else {
            continue;
        };
        let Some(Value::Number(n)) = map.remove(exclusive) else {
            continue;
        };
        let low = exclusive == "exclusiveMinimum";
        let tighter = match map.get(inclusive).and_then(Value::as_f64) {
            Some(current) => (low && bound >= current) || (!low && bound <= current),
            None => true,
        };
        if tighter {
            map.insert(inclusive.into(), Value::Number(n));
            map.insert(exclusive.into(), Value::Bool(true));
        }
    }
    if let Some(Value::Array(examples)) = map.remove("examples") {
        if let Some(first) = examples.into_iter().next() {
            map.entry("example").or_insert(first);
        }
    }
    if let Some(Value::Array(items)) = map.get("items") {
        // Before 2020-12, an `items` list was the tuple form.
        let items = items.clone();
        map.remove("items");
        map.insert("prefixItems".into(), Value::Array(items));
    }
    if let Some(prefix) = map.remove("prefixItems") {
        map.insert(TUPLE_KEY.into(), prefix);
        cx.map.record(
            &pointer::join(at, TUPLE_KEY),
            &pointer::join(at, "prefixItems"),
        );
        if map.get("items") == Some(&Value::Bool(false)) {
            map.remove("items");
        }
        if let Some(rest) = map.remove("items") {
            cx.warning(
                &pointer::join(at, "items"),
                "items after a tuple's `prefixItems` are not supported; only the tuple's elements are read",
            );
            drop(rest);
        }
        map.insert("type".into(), json!("array"));
    }
    content_keywords(map);
    pattern_properties(map);
}

/// `{$ref, description}` means both in 2020-12; 3.0 reads `allOf: [$ref]`
/// with the annotations beside it, and constraints as a second member. A
/// `type` or `format` beside a `$ref` restates its target and is dropped.
fn ref_siblings(map: &mut Map<String, Value>, at: &str, cx: &mut Context) {
    if !map.contains_key("$ref") || map.len() == 1 {
        return;
    }
    let mut reference = Map::new();
    reference.insert("$ref".into(), map.remove("$ref").unwrap_or_default());
    let restating = map.keys().all(|k| {
        ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-") || k == "type" || k == "format"
    });
    if restating {
        map.remove("type");
        map.remove("format");
    }
    let mut constraints = Map::new();
    let keys: Vec<String> = map.keys().cloned().collect();
    for key in keys {
        if !ANNOTATIONS.contains(&key.as_str()) && !key.starts_with("x-") {
            if let Some(value) = map.remove(&key) {
                let to = pointer::join(&pointer::join(&pointer::join(at, "allOf"), "1"), &key);
                cx.moved(&pointer::join(at, &key), &to);
                constraints.insert(key, value);
            }
        }
    }
    let mut members = vec![Value::Object(reference)];
    if !constraints.is_empty() {
        members.push(Value::Object(constraints));
    }
    map.insert("allOf".into(), Value::Array(members));
}

/// `type: [string, "null"]` is a nullable string; several types a union.
fn type_list(map: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = map.get("type") else {
        return;
    };
    let mut types: Vec<String> = types
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let nullable = types.iter().any(|t| t == "null");
    types.retain(|t| t != "null");
    types.dedup();
    if nullable {
        map.insert("nullable".into(), Value::Bool(true));
    }
    match types.as_slice() {
        [] => {
            map.remove("type");
            if !nullable {
                return;
            }
            map.insert("type".into(), json!("null"));
        }
        [one] => {
            map.insert("type".into(), json!(one));
        }
        several => {
            // Each keyword goes to the branches of the types it constrains,
            // moved, not copied, where it holds schemas: work stays linear.
            let mut branches: Vec<Map<String, Value>> = several
                .iter()
                .map(|t| {
                    let mut b = Map::new();
                    b.insert("type".into(), json!(t));
                    b
                })
                .collect();
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                let stays = ANNOTATIONS.contains(&key.as_str())
                    || key == "nullable"
                    || key == "type"
                    || key.starts_with("x-");
                if stays {
                    continue;
                }
                let Some(value) = map.remove(&key) else {
                    continue;
                };
                let takers: Vec<usize> = several
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| applies(&key, Some(t)))
                    .map(|(i, _)| i)
                    .collect();
                if takers.len() == 1 || holds_schemas(&key) {
                    if let Some(first) = takers.first() {
                        branches[*first].insert(key, value);
                    }
                } else {
                    for i in takers {
                        branches[i].insert(key.clone(), value.clone());
                    }
                }
            }
            map.remove("type");
            let branches = branches.into_iter().map(Value::Object).collect();
            map.insert("anyOf".into(), Value::Array(branches));
        }
    }
}

/// Keywords whose values are schemas (copying them would copy subtrees).
fn holds_schemas(keyword: &str) -> bool {
    SCHEMA_MAPS.contains(&keyword)
        || SCHEMA_ONE.contains(&keyword)
        || SCHEMA_LISTS.contains(&keyword)
        || keyword == "additionalProperties"
        || keyword == "prefixItems"
}

/// `anyOf: [X, {type: null}]` is a nullable `X`: null branches leave the
/// list, and a single branch left merges into the schema (its index and the
/// keywords taken from it are returned, for references into them).
fn null_branches(map: &mut Map<String, Value>, keyword: &str) -> Option<(usize, Vec<String>)> {
    let Some(Value::Array(branches)) = map.get(keyword) else {
        return None;
    };
    if !branches.iter().any(is_null_only) {
        return None;
    }
    let rest: Vec<(usize, Value)> = branches
        .iter()
        .enumerate()
        .filter(|(_, b)| !is_null_only(b))
        .map(|(i, b)| (i, b.clone()))
        .collect();
    map.insert("nullable".into(), Value::Bool(true));
    match <[(usize, Value); 1]>::try_from(rest) {
        Ok([(index, branch)]) => {
            map.remove(keyword);
            match branch {
                Value::Object(b) if b.contains_key("$ref") => {
                    let mut all = match map.remove("allOf") {
                        Some(Value::Array(a)) => a,
                        _ => Vec::new(),
                    };
                    all.insert(0, Value::Object(b));
                    map.insert("allOf".into(), Value::Array(all));
                    None
                }
                Value::Object(b) => {
                    let mut merged = Vec::new();
                    for (key, value) in b {
                        if key == "nullable" || map.contains_key(&key) {
                            continue;
                        }
                        merged.push(key.clone());
                        map.insert(key, value);
                    }
                    // The merged branch may itself be a type list or a union.
                    type_list(map);
                    Some((index, merged))
                }
                _ => None,
            }
        }
        Err(rest) if rest.is_empty() => {
            map.remove(keyword);
            None
        }
        Err(rest) => {
            map.insert(
                keyword.into(),
                Value::Array(rest.into_iter().map(|(_, b)| b).collect()),
            );
            None
        }
    }
}

/// Keywords of one type beside `anyOf`/`oneOf` apply to the branches of
/// that type (`{items: …, oneOf: [{type: array}, {type: string}]}`).
fn branch_keywords(map: &mut Map<String, Value>, keyword: &str) {
    const SHARED: [&str; 12] = [
        "items",
        "properties",
        "required",
        "additionalProperties",
        "minItems",
        "maxItems",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "format",
    ];
    let Some(Value::Array(branches)) = map.get(keyword) else {
        return;
    };
    if branches
        .iter()
        .any(|b| !b.is_object() || b.get("$ref").is_some())
    {
        return;
    }
    let moving: Vec<String> = SHARED
        .iter()
        .filter(|k| map.contains_key(**k))
        .map(|k| (*k).to_owned())
        .collect();
    if moving.is_empty() {
        return;
    }
    let Some(Value::Array(branches)) = map.get(keyword) else {
        return;
    };
    let mut moved = Vec::new();
    for key in moving {
        // Only into the one branch of the keyword's type: a copy per branch
        // would grow with nesting. Without exactly one, it stays beside.
        let mut takers = branches
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                let kind = b.get("type").and_then(Value::as_str);
                kind.is_some_and(|t| applies(&key, Some(t)))
            })
            .map(|(i, _)| i);
        if let (Some(taker), None) = (takers.next(), takers.next()) {
            moved.push((key, taker));
        }
    }
    for (key, taker) in moved {
        let Some(value) = map.remove(&key) else {
            continue;
        };
        if let Some(branch) = map
            .get_mut(keyword)
            .and_then(Value::as_array_mut)
            .and_then(|b| b.get_mut(taker))
            .and_then(Value::as_object_mut)
        {
            branch.entry(key).or_insert(value);
        }
    }
}

/// Whether a keyword constrains values of the JSON type `kind` (any when untyped).
fn applies(keyword: &str, kind: Option<&str>) -> bool {
    let Some(kind) = kind else { return true };
    match keyword {
        "items" | "prefixItems" | "minItems" | "maxItems" | "uniqueItems" | "contains" => {
            kind == "array"
        }
        "properties"
        | "required"
        | "additionalProperties"
        | "patternProperties"
        | "minProperties"
        | "maxProperties"
        | "propertyNames" => kind == "object",
        "minLength" | "maxLength" | "pattern" | "contentEncoding" | "contentMediaType" => {
            kind == "string"
        }
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => {
            kind == "integer" || kind == "number"
        }
        _ => true,
    }
}

/// `allOf` of inline schemas that are no objects (`[{type: string},
/// {minLength: 1}]`) is one schema with every member's keywords.
fn scalar_all_of(map: &mut Map<String, Value>) {
    let Some(Value::Array(members)) = map.get("allOf") else {
        return;
    };
    let scalar = |m: &Value| {
        m.as_object().is_some_and(|m| {
            !m.contains_key("$ref")
                && !m.contains_key("properties")
                && !m.contains_key("allOf")
                && !m.contains_key("oneOf")
                && !m.contains_key("anyOf")
                && m.get("type").and_then(Value::as_str) != Some("object")
        })
    };
    let types: std::collections::BTreeSet<&str> = members
        .iter()
        .filter_map(|m| m.get("type").and_then(Value::as_str))
        .collect();
    if members.is_empty() || !members.iter().all(scalar) || types.len() > 1 {
        return;
    }
    let mut merged = map.clone();
    merged.remove("allOf");
    for member in members.iter().filter_map(Value::as_object) {
        for (key, value) in member {
            match merged.get_mut(key) {
                None => {
                    merged.insert(key.clone(), value.clone());
                }
                Some(existing) if existing == value => {}
                Some(Value::Array(names)) if key == "required" => {
                    for name in value.as_array().into_iter().flatten() {
                        if !names.contains(name) {
                            names.push(name.clone());
                        }
                    }
                }
                // Two different values of one keyword: both apply, which one
                // schema cannot say; the `allOf` stays (and is warned about).
                Some(_) => return,
            }
        }
    }
    *map = merged;
    type_list(map);
}

fn json_type(value: &Value) -> Option<&'static str> {
    match value {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
        Value::Number(_) => Some("number"),
        Value::Array(_) => Some("array"),
        Value::Object(_) => Some("object"),
        Value::Null => None,
    }
}

/// `contentEncoding: base64` is 3.0's `format: byte`; a string of another
/// media type (3.1's file upload) is `format: binary`.
fn content_keywords(map: &mut Map<String, Value>) {
    if map.get("type").and_then(Value::as_str) != Some("string") || map.contains_key("format") {
        return;
    }
    let encoding = map.get("contentEncoding").and_then(Value::as_str);
    let media = map.get("contentMediaType").and_then(Value::as_str);
    match (encoding, media) {
        (Some("base64" | "base64url"), _) => {
            map.insert("format".into(), json!("byte"));
        }
        (None, Some(media)) if !is_text(media) => {
            map.insert("format".into(), json!("binary"));
        }
        _ => {}
    }
}

fn is_text(media: &str) -> bool {
    let media = media.to_ascii_lowercase();
    media.starts_with("text/") || media.contains("json") || media.contains("xml")
}

/// `patternProperties` as the map's value type when nothing else says it
/// (moved: the patterns are not checked on keys).
fn pattern_properties(map: &mut Map<String, Value>) {
    let open = matches!(
        map.get("additionalProperties"),
        None | Some(Value::Bool(true))
    );
    let some = matches!(map.get("patternProperties"), Some(Value::Object(p)) if !p.is_empty());
    if !open || !some {
        return;
    }
    let Some(Value::Object(patterns)) = map.remove("patternProperties") else {
        return;
    };
    let values: Vec<Value> = patterns.into_iter().map(|(_, v)| v).collect();
    let value = match <[Value; 1]>::try_from(values) {
        Ok([one]) => one,
        Err(values) => json!({ "anyOf": values }),
    };
    map.insert("additionalProperties".into(), value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::front::SourceMap;

    fn run(schema: Value) -> Value {
        let mut cx = Context {
            version: SpecVersion::V31,
            map: SourceMap::default(),
            diags: Diagnostics::default(),
            redirects: Default::default(),
        };
        let mut schema = schema;
        normalize(&mut schema, "#/components/schemas/S", &mut cx);
        schema
    }

    #[test]
    fn null_in_every_spelling_is_nullable() {
        let expected = json!({"type": "string", "nullable": true, "title": "T"});
        assert_eq!(
            run(json!({"type": ["string", "null"], "title": "T"})),
            expected
        );
        assert_eq!(
            run(json!({"anyOf": [{"type": "string"}, {"type": "null"}], "title": "T"})),
            expected
        );
        assert_eq!(
            run(json!({"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/A"}]})),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/A"}]})
        );
    }

    #[test]
    fn const_bounds_and_examples_become_their_3_0_forms() {
        assert_eq!(
            run(json!({"const": "cat"})),
            json!({"enum": ["cat"], "type": "string"})
        );
        assert_eq!(
            run(json!({"type": "integer", "exclusiveMinimum": 0, "examples": [3, 4]})),
            json!({"type": "integer", "minimum": 0, "exclusiveMinimum": true, "example": 3})
        );
        assert_eq!(
            run(json!({"type": "integer", "minimum": 5, "exclusiveMinimum": 0})),
            json!({"type": "integer", "minimum": 5})
        );
    }

    #[test]
    fn scalar_all_of_merges_and_branch_keywords_move_into_their_branches() {
        assert_eq!(
            run(json!({"allOf": [{"type": "string"}, {"type": "string", "minLength": 1}]})),
            json!({"type": "string", "minLength": 1})
        );
        assert_eq!(
            run(
                json!({"items": {"type": "string"}, "oneOf": [{"type": "array"}, {"type": "string"}]})
            ),
            json!({"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]})
        );
        assert_eq!(
            run(json!({"$ref": "#/a", "type": "string", "description": "d"})),
            json!({"description": "d", "allOf": [{"$ref": "#/a"}]})
        );
        assert_eq!(
            run(json!({"type": "string", "format": "int-or-string"})),
            json!({"anyOf": [{"type": "integer"}, {"type": "string"}]})
        );
    }

    #[test]
    fn a_nullable_reference_in_3_0_is_nullable() {
        let mut cx = Context {
            version: SpecVersion::V30,
            map: SourceMap::default(),
            diags: Diagnostics::default(),
            redirects: Default::default(),
        };
        let mut node = json!({"$ref": "#/a", "nullable": true, "description": "d"});
        normalize(&mut node, "#/components/schemas/S", &mut cx);
        assert_eq!(
            node,
            json!({"nullable": true, "description": "d", "allOf": [{"$ref": "#/a"}]})
        );
    }

    #[test]
    fn ref_siblings_apply_and_type_lists_are_unions() {
        assert_eq!(
            run(json!({"$ref": "#/a", "description": "d", "maxLength": 3})),
            json!({"description": "d", "allOf": [{"$ref": "#/a"}, {"maxLength": 3}]})
        );
        assert_eq!(
            run(json!({"type": ["string", "integer"], "description": "d"})),
            json!({"description": "d", "anyOf": [{"type": "string"}, {"type": "integer"}]})
        );
        assert_eq!(
            run(json!({"type": "array", "prefixItems": [{"type": "integer"}, true]})),
            json!({"type": "array", TUPLE_KEY: [{"type": "integer"}, {}]})
        );
    }
}
