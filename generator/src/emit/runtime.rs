//! The runtime crate's source (`templates/runtime`, reached through the
//! `generator/runtime` link so that the published package carries it), for
//! clients that carry their own copy as `pub mod runtime`, and for the runtime
//! crate `clientgen generate` writes beside the clients it generates.
//!
//! The files are spliced as text, never parsed or printed, so the copy keeps
//! every comment and costs nothing to produce.

/// `(path, contents)` of `templates/runtime/src/<path>`.
macro_rules! sources {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../runtime/src/", $path)))),*]
    };
}

/// The runtime crate's manifest, as in this repository.
pub const MANIFEST: &str = include_str!("../../runtime/manifest.toml");

/// The runtime crate's README.
pub const README: &str = include_str!("../../runtime/README.md");

/// `(path, contents)` of every source file of the runtime crate.
pub const SOURCES: &[(&str, &str)] = sources![
    "lib.rs",
    "auth.rs",
    "call.rs",
    "client.rs",
    "de.rs",
    "encode.rs",
    "error.rs",
    "hooks.rs",
    "http.rs",
    "lenient.rs",
    "macros.rs",
    "paging.rs",
    "huawei/mod.rs",
    "huawei/signing.rs",
    "request.rs",
    "response.rs",
    "retry.rs",
    "tagged.rs",
    "trace.rs",
    "trace_off.rs",
    "validate.rs",
    "wait.rs",
];

/// Runtime features an inline copy always has (the crate's defaults).
pub const INLINE_DEFAULT_FEATURES: &[&str] = &["tracing"];

/// The runtime's Cargo features that the inline copy keeps; modules behind
/// any other feature are left out.
pub fn inline_module(features: &[&str]) -> Result<String, String> {
    let mut out = String::from(
        "/// The runtime this client is built on, carried as source.\npub mod runtime {\n",
    );
    splice("lib.rs", features, &mut out, 0)?;
    out.push_str("}\n");
    Ok(out)
}

/// Appends `path` with each `mod x;` replaced by `mod x { <file> }`.
fn splice(path: &str, features: &[&str], out: &mut String, depth: usize) -> Result<(), String> {
    if depth > 4 {
        return Err(format!("runtime modules nest too deep at `{path}`"));
    }
    let text = SOURCES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, t)| *t)
        .ok_or_else(|| format!("no runtime source `{path}`"))?;
    // Children of `lib.rs` and `x/mod.rs` sit beside them; those of `x.rs` in `x/`.
    let dir = match path.rsplit_once('/') {
        Some((dir, "mod.rs")) => format!("{dir}/"),
        _ if path == "lib.rs" => String::new(),
        _ => format!("{}/", path.trim_end_matches(".rs")),
    };
    // A feature gate applies to the one line after it: kept (without the
    // gate) when the gate holds for `features`, dropped otherwise.
    let mut gate: Option<bool> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some((feature, wanted)) = feature_gate(trimmed) {
            if gate.is_some() {
                return Err(format!("`{path}`: two feature gates in a row"));
            }
            gate = Some(features.contains(&feature) == wanted);
            continue;
        }
        if gate.take() == Some(false) {
            continue;
        }
        match module_declaration(trimmed) {
            Some((visibility, name)) => {
                out.push_str(&format!("{visibility}mod {name} {{\n"));
                let file = format!("{dir}{name}.rs");
                let child = if SOURCES.iter().any(|(p, _)| *p == file) {
                    file
                } else {
                    format!("{dir}{name}/mod.rs")
                };
                splice(&child, features, out, depth + 1)?;
                out.push_str("}\n");
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(())
}

/// `#[cfg(feature = "x")]` → `("x", true)`; `#[cfg(not(feature = "x"))]` → `("x", false)`.
fn feature_gate(line: &str) -> Option<(&str, bool)> {
    if let Some(rest) = line.strip_prefix("#[cfg(not(feature = \"") {
        return Some((rest.strip_suffix("\"))]")?, false));
    }
    let rest = line.strip_prefix("#[cfg(feature = \"")?;
    Some((rest.strip_suffix("\")]")?, true))
}

/// `pub mod auth;` → `("pub ", "auth")`.
fn module_declaration(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_suffix(';')?;
    let (visibility, name) = match rest.strip_prefix("pub mod ") {
        Some(name) => ("pub ", name),
        None => ("", rest.strip_prefix("mod ")?),
    };
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        .then_some((visibility, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `.rs` file under `templates/runtime/src`, relative to it.
    fn files_on_disk(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("runtime sources") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .expect("utf-8 name");
            if path.is_dir() {
                files_on_disk(&path, &format!("{prefix}{name}/"), out);
            } else if name.ends_with(".rs") {
                out.push(format!("{prefix}{name}"));
            }
        }
    }

    #[test]
    fn every_runtime_file_is_listed_and_every_module_line_recognised() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/src");
        let mut on_disk = Vec::new();
        files_on_disk(&dir, "", &mut on_disk);
        on_disk.sort();
        let mut listed: Vec<String> = SOURCES.iter().map(|(p, _)| (*p).to_owned()).collect();
        listed.sort();
        assert_eq!(
            listed, on_disk,
            "SOURCES must list exactly the runtime's files"
        );
        for (path, text) in SOURCES {
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            for (i, line) in lines.iter().enumerate() {
                let words: Vec<&str> = line.split_whitespace().collect();
                let declares_module = line.ends_with(';')
                    && (words.first() == Some(&"mod") || words.get(1) == Some(&"mod"));
                if declares_module {
                    assert!(
                        module_declaration(line).is_some(),
                        "{path}: `{line}` is not spliced"
                    );
                }
                if line.contains("cfg(feature") {
                    assert!(
                        feature_gate(line).is_some(),
                        "{path}: `{line}` is not understood"
                    );
                    let next = lines.get(i + 1).copied().unwrap_or_default();
                    assert!(
                        module_declaration(next).is_some(),
                        "{path}: a gate must precede `mod x;`"
                    );
                }
            }
        }
    }

    #[test]
    fn every_source_is_spliced_once_with_all_features() {
        let text = inline_module(&["huawei", "tracing"]).expect("splices");
        assert_eq!(text.matches("pub mod huawei {").count(), 1);
        assert_eq!(text.matches("pub mod signing {").count(), 1);
        assert_eq!(text.matches("mod trace {").count(), 1);
        assert!(!text.contains("trace_off") && !text.contains("feature ="));
        let without = inline_module(&[]).expect("splices");
        assert!(!without.contains("mod huawei") && !without.contains("mod trace {"));
        assert!(without.contains("mod trace_off {") && without.contains("use trace_off as trace;"));
        assert!(syn::parse_file(&text).is_ok() && syn::parse_file(&without).is_ok());
    }
}
