//! Loading: spec text → the raw JSON document and its typed OpenAPI form.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::diag::{pointer, GenerateError};

/// A parsed spec: the typed document and the raw tree (for vendor extensions
/// and precise locations).
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The typed document.
    pub openapi: openapiv3::OpenAPI,
    /// The same document as JSON.
    pub raw: serde_json::Value,
}

/// Parses YAML or JSON text (JSON is YAML, so one parser reads both).
pub fn parse(text: &str) -> Result<LoadedSpec, GenerateError> {
    let raw: serde_json::Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text)
            .map_err(|e| GenerateError::single("#", format!("not valid JSON: {e}")))?
    } else {
        serde_yaml::from_str(text)
            .map_err(|e| GenerateError::single("#", format!("not valid YAML: {e}")))?
    };
    check_version(&raw)?;
    // The OpenAPI model's deserializer is third-party code; a panic there
    // must still surface as a diagnostic, never abort the caller.
    let typed = catch_unwind(AssertUnwindSafe(|| {
        serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(raw.clone())
    }));
    match typed {
        Ok(Ok(openapi)) => Ok(LoadedSpec { openapi, raw }),
        Ok(Err(e)) => {
            let location = path_to_pointer(e.path());
            Err(GenerateError::single(
                &location,
                format!("does not match the OpenAPI 3.0 schema: {}", e.inner()),
            ))
        }
        Err(_) => Err(GenerateError::single(
            "#",
            "the OpenAPI parser failed on this document",
        )),
    }
}

/// Reads and parses a spec file.
pub fn read(path: &std::path::Path) -> Result<LoadedSpec, GenerateError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        GenerateError::single("#", format!("cannot read `{}`: {e}", path.display()))
    })?;
    parse(&text)
}

fn check_version(raw: &serde_json::Value) -> Result<(), GenerateError> {
    match raw.get("openapi").and_then(|v| v.as_str()) {
        Some(v) if v.starts_with("3.0") => Ok(()),
        Some(v) => Err(GenerateError::single(
            "#/openapi",
            format!("OpenAPI version `{v}` is not supported; only 3.0.x is"),
        )),
        None if raw.get("swagger").is_some() => Err(GenerateError::single(
            "#/swagger",
            "Swagger 2.0 is not supported; convert the spec to OpenAPI 3.0",
        )),
        None => Err(GenerateError::single(
            "#",
            "not an OpenAPI document: the `openapi` field is missing",
        )),
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("#");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out = pointer::join(&out, &index.to_string()),
            Segment::Map { key } => out = pointer::join(&out, key),
            Segment::Enum { variant } => out = pointer::join(&out, variant),
            Segment::Unknown => {}
        }
    }
    out
}
