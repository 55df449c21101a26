//! Spec text → the whole generator, structure-aware: each input picks one of
//! the project's specs and applies a few edits to its JSON tree (replace,
//! delete, insert, rename, splice), so most runs get past parsing and reach
//! lowering, emitting and formatting, with or without tag features, inline
//! or as module files. An input starting with 0xFF is fed to the generator
//! as raw text instead.
//!
//! Holds: no panic; an error is a located diagnostic, never an internal one.

#![no_main]

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use clientgen::Generator;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SPECS: &[&str] = &[
    include_str!("../../spec/hss.yaml"),
    include_str!("../../tests/fixtures/auth.yaml"),
    include_str!("../../tests/fixtures/bodies.yaml"),
    include_str!("../../tests/fixtures/collisions.yaml"),
    include_str!("../../tests/fixtures/enums.yaml"),
    include_str!("../../tests/fixtures/formats.yaml"),
    include_str!("../../tests/fixtures/hostile.yaml"),
    include_str!("../../tests/fixtures/keywords.yaml"),
    include_str!("../../tests/fixtures/one_of.yaml"),
    include_str!("../../tests/fixtures/optional.yaml"),
    include_str!("../../tests/fixtures/params.yaml"),
    include_str!("../../tests/fixtures/refs.yaml"),
    include_str!("../../tests/fixtures/styles.yaml"),
    include_str!("../../tests/fixtures/openapi31.yaml"),
    include_str!("../../tests/fixtures/swagger2.yaml"),
    include_str!("../../tests/fastapi/specs/pets.json"),
    include_str!("../../tests/fastapi/specs/uploads.json"),
];

/// Keys the generator gives meaning to, so inserted keys hit real code paths.
const KEYS: &[&str] = &[
    "$ref",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "discriminator",
    "mapping",
    "propertyName",
    "enum",
    "nullable",
    "required",
    "properties",
    "items",
    "additionalProperties",
    "type",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "pattern",
    "default",
    "readOnly",
    "writeOnly",
    "deprecated",
    "description",
    "summary",
    "title",
    "operationId",
    "parameters",
    "requestBody",
    "responses",
    "content",
    "schema",
    "in",
    "name",
    "style",
    "explode",
    "security",
    "securitySchemes",
    "servers",
    "variables",
    "url",
    "x-env",
    "x-signing",
    "x-region-env-prefix",
    "x-default-from-client",
    "x-pagination",
    "<<",
    "openapi",
    "swagger",
    "const",
    "prefixItems",
    "$defs",
    "examples",
    "webhooks",
    "pathItems",
    "patternProperties",
    "if",
    "then",
    "unevaluatedProperties",
    "contentMediaType",
    "contentEncoding",
    "$dynamicRef",
    "jsonSchemaDialect",
    "definitions",
    "host",
    "basePath",
    "schemes",
    "consumes",
    "produces",
    "securityDefinitions",
    "collectionFormat",
    "formData",
    "body",
    "x-nullable",
    "200",
    "default",
    "application/json",
    "multipart/form-data",
    "text/plain",
    "/{id}",
    "get",
    "post",
];

/// Values that have broken generators before: names that collide with Rust
/// or generated items, text that tries to become code, odd numbers.
const TEXTS: &[&str] = &[
    "",
    "3.1.0",
    "3.2.0",
    "2.0",
    "null",
    " ",
    "a",
    "self",
    "Self",
    "type",
    "crate",
    "r#type",
    "Result",
    "Option",
    "client",
    "Client",
    "String",
    "_",
    "__",
    "0",
    "1a",
    "ü",
    "名前",
    "#/components/schemas/Nope",
    "#/components/schemas",
    "#/paths",
    "{id}",
    "/x}y{/{id}",
    "/{{id}}",
    "/a/{a}/{a}",
    "```rust\nstd::process::exit(1)\n```",
    "> ```\n> panic!()\n> ```",
    "    indented()",
    "<script>x</script>",
    "\u{202e}evil",
    "a\rb",
    "a\nb",
    "\u{0}",
    "*/ /*",
    "\" + x + \"",
    "string",
    "integer",
    "number",
    "boolean",
    "object",
    "array",
    "int64",
    "int32",
    "binary",
    "date-time",
    "uuid",
    "header",
    "query",
    "path",
    "cookie",
    "form",
    "deepObject",
    "SDK-HMAC-SHA256",
    "http",
    "apiKey",
    "bearer",
    "basic",
    "oauth2",
];

fn specs() -> &'static [Value] {
    static PARSED: OnceLock<Vec<Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SPECS
            .iter()
            .filter_map(|text| clientgen::load::parse(text).ok().map(|s| s.raw))
            .collect()
    })
}

fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let token = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(if u.ratio(3, 4)? {
        (*u.choose(TEXTS)?).to_owned()
    } else {
        u.arbitrary()?
    })
}

fn key(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(if u.ratio(3, 4)? {
        (*u.choose(KEYS)?).to_owned()
    } else {
        text(u)?
    })
}

fn value(u: &mut Unstructured<'_>, spec: &Value, nodes: &[String]) -> Result<Value> {
    Ok(match u.int_in_range(0..=7)? {
        0 => Value::String(text(u)?),
        1 => Value::from(u.arbitrary::<i64>()?),
        2 => Value::from(*u.choose(&[0u64, 1, 2, 9_007_199_254_740_993, u64::MAX])?),
        3 => serde_json::Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        4 => Value::Bool(u.arbitrary()?),
        5 => Value::Null,
        6 => {
            if u.arbitrary()? {
                Value::Object(Map::new())
            } else {
                Value::Array(Vec::new())
            }
        }
        // A node of the spec copied elsewhere: a schema where a parameter
        // was, a path item inside a schema, and so on.
        _ => spec
            .pointer(u.choose(nodes)?)
            .cloned()
            .unwrap_or(Value::Null),
    })
}

fn mutate(u: &mut Unstructured<'_>, spec: &mut Value) -> Result<()> {
    let mut nodes = Vec::new();
    pointers(spec, String::new(), &mut nodes);
    let at = u.choose(&nodes)?.clone();
    let op = u.int_in_range(0..=4)?;
    let new = value(u, spec, &nodes)?;
    let Some(node) = spec.pointer_mut(&at) else {
        return Ok(());
    };
    match (op, node) {
        (0, node) => *node = new,
        (1, Value::Object(map)) if !map.is_empty() => {
            let i = u.choose_index(map.len())?;
            if let Some(key) = map.keys().nth(i).cloned() {
                map.shift_remove(&key);
            }
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            items.remove(u.choose_index(items.len())?);
        }
        (2, Value::Object(map)) => {
            map.insert(key(u)?, new);
        }
        (2, Value::Array(items)) => items.push(new),
        (3, Value::Object(map)) if !map.is_empty() => {
            let i = u.choose_index(map.len())?;
            if let Some(old) = map.keys().nth(i).cloned() {
                if let Some(v) = map.shift_remove(&old) {
                    map.insert(key(u)?, v);
                }
            }
        }
        (_, node) => *node = Value::String(text(u)?),
    }
    Ok(())
}

/// How the generator is set up for one input.
struct Layout {
    tag_features: bool,
    module_files: bool,
}

/// The spec text, then the layout from the bytes after those the edits used
/// (all off once the input runs out, so inputs saved before the layout was
/// chosen keep their spec); raw text takes its layout from its length.
fn spec_text(data: &[u8]) -> Result<(String, Layout)> {
    if let Some((0xFF, raw)) = data.split_first() {
        let layout = Layout {
            tag_features: raw.len() % 2 == 1,
            module_files: raw.len() % 4 >= 2,
        };
        return Ok((String::from_utf8_lossy(raw).into_owned(), layout));
    }
    let mut u = Unstructured::new(data);
    let mut spec = u.choose(specs())?.clone();
    for _ in 0..u.int_in_range(1..=4)? {
        mutate(&mut u, &mut spec)?;
    }
    let layout = Layout {
        tag_features: u.arbitrary()?,
        module_files: u.arbitrary()?,
    };
    Ok((spec.to_string(), layout))
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, layout)) = spec_text(data) else {
        return;
    };
    let generator = Generator::new("fuzz.json")
        .tag_features(layout.tag_features)
        .module_files(layout.module_files)
        .example_path("fuzzed");
    match generator.generate_str(&text) {
        Ok(generated) => {
            assert!(!generated.code.is_empty());
            // Module files stay inside the crate, whatever the tags are
            // called, and no two share a path.
            let mut paths = std::collections::BTreeSet::new();
            for (path, _) in &generated.modules {
                assert!(
                    path.components()
                        .all(|c| matches!(c, std::path::Component::Normal(_))),
                    "module file outside the crate: {}",
                    path.display()
                );
                assert!(paths.insert(path), "two module files at {}", path.display());
            }
        }
        Err(error) => {
            assert!(!error.is_internal(), "internal error: {error}");
            for diagnostic in error.errors() {
                assert!(
                    diagnostic.pointer.is_empty() || diagnostic.pointer.starts_with('#'),
                    "unlocated: {diagnostic}"
                );
            }
        }
    }
});
