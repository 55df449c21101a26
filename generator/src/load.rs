//! Loading: spec text → the raw JSON document and its typed OpenAPI form.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::diag::{pointer, GenerateError};

/// A parsed spec: the typed document and the raw tree (for vendor extensions
/// and precise locations), both in the one form the front end reads every
/// version into (OpenAPI 3.0).
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The typed document.
    pub openapi: openapiv3::OpenAPI,
    /// The same document as JSON.
    pub raw: serde_json::Value,
    /// The version the input was written in.
    pub version: crate::front::SpecVersion,
    /// Pointers into `raw` back to the input.
    pub map: crate::front::SourceMap,
    /// What the front end warned about, located in the input.
    pub notes: crate::diag::Diagnostics,
}

/// Parses YAML or JSON text (JSON is YAML, so one parser reads both).
pub fn parse(text: &str) -> Result<LoadedSpec, GenerateError> {
    let raw: serde_json::Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text)
            .map_err(|e| GenerateError::single("#", format!("not valid JSON: {e}")))?
    } else {
        let invalid =
            |e: serde_yaml::Error| GenerateError::single("#", format!("not valid YAML: {e}"));
        let mut yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(invalid)?;
        // `<<: *anchor` merge keys are part of the document, not a key named `<<`.
        yaml.apply_merge().map_err(invalid)?;
        serde::Deserialize::deserialize(yaml).map_err(invalid)?
    };
    let crate::front::Normalized {
        doc: raw,
        version,
        map,
        notes,
    } = crate::front::normalize(raw)?;
    // The OpenAPI model's deserializer is third-party code; a panic there
    // must still surface as a diagnostic, never abort the caller.
    let typed = catch_unwind(AssertUnwindSafe(|| {
        serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(&raw)
    }));
    match typed {
        Ok(Ok(openapi)) => Ok(LoadedSpec {
            openapi,
            raw,
            version,
            map,
            notes,
        }),
        Ok(Err(e)) => {
            let (location, message) =
                narrow(&raw).unwrap_or_else(|| (path_to_pointer(e.path()), e.inner().to_string()));
            let schema = match version {
                crate::front::SpecVersion::Swagger2 => "Swagger 2.0",
                crate::front::SpecVersion::V30 => "OpenAPI 3.0",
                crate::front::SpecVersion::V31 => "OpenAPI 3.1",
                crate::front::SpecVersion::V32 => "OpenAPI 3.2",
            };
            Err(GenerateError::single(
                &map.to_input(&location),
                format!("does not match the {schema} schema: {message}"),
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

/// Tries to parse one object; `(pointer, message)` when it fails.
type Attempt = fn(&serde_json::Value, &str) -> Option<(String, String)>;

/// Finds the innermost known object that fails to parse. Flattened fields in
/// the OpenAPI model hide the path of an error, so objects are retried one by one.
fn narrow(raw: &serde_json::Value) -> Option<(String, String)> {
    fn attempt<T: serde::de::DeserializeOwned>(
        value: &serde_json::Value,
        at: &str,
    ) -> Option<(String, String)> {
        let result = catch_unwind(AssertUnwindSafe(|| {
            serde_path_to_error::deserialize::<_, T>(value)
        }));
        match result {
            Ok(Ok(_)) => None,
            Ok(Err(e)) => {
                let inner = path_to_pointer(e.path());
                Some((
                    format!("{at}{}", inner.trim_start_matches('#')),
                    e.inner().to_string(),
                ))
            }
            Err(_) => Some((
                at.to_owned(),
                "the OpenAPI parser failed on this object".to_owned(),
            )),
        }
    }
    use crate::front::METHODS;
    use openapiv3::{Operation, Parameter, ReferenceOr, RequestBody, Response, Schema};
    if let Some(paths) = raw.get("paths").and_then(|p| p.as_object()) {
        for (path, item) in paths {
            let item_at = pointer::join("#/paths", path);
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    let found = attempt::<Operation>(op, &pointer::join(&item_at, method));
                    if found.is_some() {
                        return found;
                    }
                }
            }
            if let Some(params) = item.get("parameters") {
                let found = attempt::<Vec<ReferenceOr<Parameter>>>(
                    params,
                    &pointer::join(&item_at, "parameters"),
                );
                if found.is_some() {
                    return found;
                }
            }
        }
    }
    let components = raw.get("components")?;
    let sections: [(&str, Attempt); 4] = [
        ("schemas", attempt::<ReferenceOr<Schema>>),
        ("parameters", attempt::<ReferenceOr<Parameter>>),
        ("requestBodies", attempt::<ReferenceOr<RequestBody>>),
        ("responses", attempt::<ReferenceOr<Response>>),
    ];
    for (section, check) in sections {
        for (name, value) in components
            .get(section)
            .and_then(|s| s.as_object())
            .into_iter()
            .flatten()
        {
            let at = pointer::join(&pointer::join("#/components", section), name);
            if let Some(found) = check(value, &at) {
                return Some(found);
            }
        }
    }
    None
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

#[cfg(test)]
mod tests {
    #[test]
    fn yaml_merge_keys_are_applied() {
        let text = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: &a\n      type: object\n      properties: {id: {type: string}}\n    B:\n      <<: *a\n      description: merged\n";
        let spec = super::parse(text).expect("parses");
        let b = &spec.raw["components"]["schemas"]["B"];
        assert_eq!(b["properties"]["id"]["type"], "string");
        assert!(b.get("<<").is_none());
    }
}
