//! Writing results: single files and standalone crates.

use std::io;
use std::path::{Path, PathBuf};

use crate::config::{Generated, Runtime};
use crate::format::HEADER;

/// The `clientgen-runtime` versions generated code works with: any 0.1.x.
pub const RUNTIME_VERSION: &str = "0.1";

/// Dependencies of the generated code itself, besides its runtime.
pub const CODE_DEPENDENCIES: &str = r#"serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["preserve_order"] }
"#;

/// Dependencies of the runtime, for a crate that carries it inline
/// (`templates/runtime/Cargo.toml` without its optional ones).
pub const RUNTIME_DEPENDENCIES: &str = r#"base64 = "0.22"
fastrand = "2"
futures-core = "0.3"
httpdate = "1"
percent-encoding = "2"
reqwest = { version = "0.13", default-features = false, features = ["rustls", "http2", "charset"] }
rustls = { version = "0.23", default-features = false }
tokio = { version = "1", features = ["time"] }
tracing = "0.1"
"#;

/// Dependencies of the runtime's `huawei` feature.
pub const HUAWEI_DEPENDENCIES: &str = r#"hmac = "0.13"
sha2 = "0.11"
"#;

/// The directory name of the runtime crate `clientgen generate` writes
/// beside the clients, shared by all of them.
pub const RUNTIME_DIR: &str = "clientgen-runtime";

/// How a standalone crate is written.
#[derive(Debug, Clone, Default)]
pub struct CrateOptions {
    /// Where the runtime comes from.
    pub runtime: Runtime,
    /// A `clientgen-runtime` crate to depend on by path, relative to the
    /// crate's directory, as well as by version; without it, by version
    /// alone (from a registry).
    pub runtime_path: Option<PathBuf>,
    /// Write an empty `[workspace]` table: the crate is a workspace of its
    /// own inside a directory some other workspace covers.
    pub own_workspace: bool,
}

/// The `clientgen-runtime` crate as files (path relative to its directory
/// and content), to write beside generated clients until the crate is on a
/// registry. The manifest stands alone: values the repository's workspace
/// provides are written out.
pub fn runtime_crate_files(own_workspace: bool) -> Vec<(PathBuf, String)> {
    let inherited = [
        ("edition", EDITION),
        ("rust-version", env!("CARGO_PKG_RUST_VERSION")),
        ("license", env!("CARGO_PKG_LICENSE")),
    ];
    let mut manifest = format!("{}\n", manifest_header());
    for line in crate::emit::runtime::MANIFEST.lines() {
        let key = line.strip_suffix(".workspace = true");
        match key.and_then(|key| inherited.iter().find(|(k, _)| *k == key)) {
            Some((key, value)) => manifest.push_str(&format!("{key} = {}\n", toml_string(value))),
            None => {
                manifest.push_str(line);
                manifest.push('\n');
            }
        }
    }
    if own_workspace {
        manifest.push_str(OWN_WORKSPACE);
    }
    let mut files = vec![
        (PathBuf::from("Cargo.toml"), manifest),
        (
            PathBuf::from("README.md"),
            crate::emit::runtime::README.to_owned(),
        ),
    ];
    for (path, text) in crate::emit::runtime::SOURCES {
        files.push((Path::new("src").join(path), (*text).to_owned()));
    }
    files
}

/// The Rust edition of generated crates and of the runtime.
pub const EDITION: &str = "2021";

/// The table that keeps a crate out of an enclosing workspace.
const OWN_WORKSPACE: &str = "\n# Keeps the crate out of the enclosing workspace.\n[workspace]\n";

/// The first line of a written manifest: what wrote it.
fn manifest_header() -> String {
    format!("# {}", HEADER.trim_start_matches("// ").trim_end())
}

/// Whether `dir/Cargo.toml` is missing or was written by clientgen, so
/// writing there replaces nothing of the user's.
pub fn is_ours_or_free(dir: &Path) -> bool {
    let manifest = dir.join("Cargo.toml");
    !manifest.exists() || has_first_line(&manifest, manifest_header().as_bytes())
}

/// The `[features]` table: the runtime's tracing, switchable by users of
/// the crate, and one feature per tag (names are `[a-z0-9-]`, see
/// `emit::features`), all on by default.
fn features(runtime: Runtime, tags: &[String]) -> String {
    let tracing = runtime != Runtime::Inline;
    if !tracing && tags.is_empty() {
        return String::new();
    }
    let mut defaults: Vec<String> = Vec::new();
    if tracing {
        defaults.push(toml_string("tracing"));
    }
    defaults.extend(tags.iter().map(|t| toml_string(t)));
    let mut out = format!("[features]\ndefault = [{}]\n", defaults.join(", "));
    if tracing {
        out.push_str("# Spans per call and attempt, from the runtime.\ntracing = [\"clientgen-runtime/tracing\"]\n");
    }
    if !tags.is_empty() {
        out.push_str("# One per tag of the API: its operations and the types they use.\n");
        for tag in tags {
            if tag == crate::emit::features::UNUSED_SCHEMAS {
                out.push_str("# The schemas no operation uses (e.g. webhook payloads).\n");
            }
            out.push_str(&format!("{} = []\n", toml_string(tag)));
        }
    }
    out.push('\n');
    out
}

/// Writes `contents` unless the file already holds exactly that, so build
/// scripts do not trigger needless rebuilds.
pub fn write_if_changed(path: &Path, contents: &str) -> io::Result<()> {
    // Sizes first: a big generated file is read back only when it may match.
    let same_size = std::fs::metadata(path).is_ok_and(|m| m.len() == contents.len() as u64);
    if same_size && std::fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, contents)
}

/// The files of a standalone crate: path relative to the crate root and content.
pub fn crate_files(
    crate_name: &str,
    generated: &Generated,
    options: &CrateOptions,
) -> Vec<(PathBuf, String)> {
    let about = &generated.about;
    let description = format!(
        "Client for {} ({}), generated by clientgen",
        one_line(&about.title, 120),
        one_line(&about.version, 40)
    );
    let mut dependencies = String::new();
    match options.runtime {
        Runtime::Inline => {
            dependencies.push_str(RUNTIME_DEPENDENCIES);
            if generated.runtime_features.contains(&"huawei") {
                dependencies.push_str(HUAWEI_DEPENDENCIES);
            }
        }
        _ => {
            let features: Vec<String> = generated
                .runtime_features
                .iter()
                .map(|f| toml_string(f))
                .collect();
            let features = if features.is_empty() {
                String::new()
            } else {
                format!(", features = [{}]", features.join(", "))
            };
            let path = options.runtime_path.as_ref().map_or(String::new(), |p| {
                format!(
                    ", path = {}",
                    toml_string(&p.to_string_lossy().replace('\\', "/"))
                )
            });
            if !path.is_empty() {
                dependencies.push_str(
                    "# Once clientgen-runtime is on your registry, delete `path` to use it from there.\n",
                );
            }
            dependencies.push_str(&format!(
                "clientgen-runtime = {{ version = \"{RUNTIME_VERSION}\", default-features = false{features}{path} }}\n"
            ));
        }
    }
    dependencies.push_str(CODE_DEPENDENCIES);
    // The runtime's tracing, switchable by users of this crate.
    let features = features(options.runtime, &generated.tag_features);
    let mut manifest = format!(
        "{header}\n[package]\nname = {name}\nversion = \"0.1.0\"\nedition = \"{EDITION}\"\n\
         rust-version = {rust_version}\ndescription = {description}\nreadme = \"README.md\"\n\n{features}\
         [dependencies]\n{dependencies}",
        header = manifest_header(),
        name = toml_string(crate_name),
        rust_version = toml_string(env!("CARGO_PKG_RUST_VERSION")),
        description = toml_string(&description),
    );
    if let Some(license) = about.license {
        manifest = manifest.replacen(
            "\ndescription = ",
            &format!("\nlicense = \"{license}\"\ndescription = "),
            1,
        );
    }
    if options.own_workspace {
        manifest.push_str(OWN_WORKSPACE);
    }
    let body = generated
        .code
        .strip_prefix(HEADER)
        .unwrap_or(&generated.code);
    // The README is the crate's docs: its example is compiled as a doctest.
    let lib = format!(
        "{HEADER}\n#![doc = include_str!(\"../README.md\")]\n#![forbid(unsafe_code)]\n{body}"
    );
    let mut files = vec![
        (PathBuf::from("Cargo.toml"), manifest),
        (
            PathBuf::from("README.md"),
            readme(crate_name, about, options, &generated.tag_features),
        ),
        (PathBuf::from("src/lib.rs"), lib),
    ];
    let src = Path::new("src");
    files.extend((generated.modules.iter()).map(|(path, code)| (src.join(path), code.clone())));
    files
}

/// What the README of a generated crate tells about its API.
#[derive(Debug, Clone, Default)]
pub struct About {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// How to authenticate, one entry per security scheme.
    pub auth: Vec<AuthDoc>,
    /// A compiled example program (fenced Markdown lines), when there is an
    /// operation and the generator knew the crate's path.
    pub example: Vec<String>,
    /// Client methods whose results come in pages.
    pub paged: Vec<String>,
    /// Operations in all.
    pub operations: usize,
    /// The API's license as an SPDX identifier, when the spec names one we know.
    pub license: Option<&'static str>,
}

/// One way to authenticate: the builder method and what it sends.
#[derive(Debug, Clone, Default)]
pub struct AuthDoc {
    /// The `ClientBuilder` method.
    pub setter: String,
    /// Its arguments, e.g. `token`.
    pub takes: &'static str,
    /// What it sends, as Markdown (spec text in code spans).
    pub sends: String,
}

/// Licenses a spec may name (`info.license.identifier`, or a `name` in one of
/// its common spellings), as SPDX identifiers. Only these constants reach a
/// manifest, never the spec's text.
const LICENSES: &[(&str, &[&str])] = &[
    (
        "Apache-2.0",
        &[
            "apache 2.0",
            "apache-2",
            "apache license 2.0",
            "apache license, version 2.0",
            "apache license version 2.0",
            "apache 2",
        ],
    ),
    ("MIT", &["mit license", "the mit license"]),
    ("BSD-2-Clause", &["bsd 2-clause", "bsd-2"]),
    (
        "BSD-3-Clause",
        &["bsd 3-clause", "bsd-3", "bsd", "new bsd license"],
    ),
    ("MPL-2.0", &["mozilla public license 2.0", "mpl 2.0"]),
    ("ISC", &["isc license"]),
    ("0BSD", &[]),
    ("Unlicense", &["the unlicense"]),
    ("CC0-1.0", &["cc0", "cc0 1.0"]),
    (
        "CC-BY-4.0",
        &["cc by 4.0", "creative commons attribution 4.0"],
    ),
    ("GPL-2.0-only", &["gpl-2.0", "gplv2", "gpl 2.0"]),
    ("GPL-3.0-only", &["gpl-3.0", "gplv3", "gpl 3.0"]),
    ("LGPL-3.0-only", &["lgpl-3.0", "lgplv3"]),
    ("AGPL-3.0-only", &["agpl-3.0", "agplv3"]),
    ("EPL-2.0", &["eclipse public license 2.0"]),
];

/// The SPDX identifier for a spec's license identifier or name, if known.
pub fn spdx_license(text: &str) -> Option<&'static str> {
    let text = text.trim();
    LICENSES.iter().find_map(|(id, names)| {
        let known =
            id.eq_ignore_ascii_case(text) || names.iter().any(|n| n.eq_ignore_ascii_case(text));
        known.then_some(*id)
    })
}

fn readme(crate_name: &str, about: &About, options: &CrateOptions, tags: &[String]) -> String {
    let mut text = format!(
        "# {crate_name}\n\nA Rust client for **{}** (API version {}), generated by clientgen \
         from the API's OpenAPI description: {} operation(s), typed request and response \
         bodies, input checked before anything is sent, and typed errors.\n\n",
        crate::emit::docs::inline_text(&about.title, 200),
        crate::emit::docs::inline_text(&about.version, 40),
        about.operations,
    );
    if let Some(description) = &about.description {
        text.push_str("## About the API\n\n");
        text.push_str(&crate::emit::docs::markdown(description, 2000));
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "## Using it\n\nIn your crate's `Cargo.toml` (the client is async; any runtime \
         reqwest supports works, tokio shown):\n\n```toml\n[dependencies]\n\
         {crate_name} = {{ path = \"path/to/{crate_name}\" }}\n\
         tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n```\n\n"
    ));
    if let Some(first) = tags.first() {
        let list: Vec<String> = tags.iter().map(|t| format!("`{t}`")).collect();
        text.push_str(&format!(
            "Each tag of the API is a Cargo feature, all on by default: {}. To build only \
             the operations you call, depend with `default-features = false, features = \
             [\"{first}\"]` (add `\"tracing\"` for spans).\n\n",
            list.join(", ")
        ));
    }
    match (options.runtime, &options.runtime_path) {
        (Runtime::Inline, _) => text.push_str(
            "The runtime (transport, authentication, errors) is carried inside the crate as \
             `runtime`.\n\n",
        ),
        (_, Some(_)) => text.push_str(
            "It depends on the `clientgen-runtime` crate by path, the copy `clientgen generate` \
             wrote (see `Cargo.toml`), shared by every client written beside it. Once the \
             runtime is on your registry, delete that `path` to take it from there.\n\n",
        ),
        _ => text.push_str("It depends on `clientgen-runtime` from your registry.\n\n"),
    }
    text.push_str("## Authentication\n\n");
    if about.auth.is_empty() {
        text.push_str("The API declares no authentication.\n\n");
    } else {
        text.push_str(
            "Set credentials on the `ClientBuilder`; each operation sends the ones its \
             security requirements name (its docs list them), and a call whose credentials \
             are missing fails with `Error::MissingCredentials` before anything is sent.\n\n",
        );
        for auth in &about.auth {
            text.push_str(&format!(
                "- `.{}({})`: {}\n",
                auth.setter, auth.takes, auth.sends
            ));
        }
        text.push('\n');
    }
    if !about.example.is_empty() {
        text.push_str("## Example\n\n");
        for line in &about.example {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text.push('\n');
    }
    text.push_str(
        "## Errors\n\nEvery failure is an `Error`: invalid input (`Error::InvalidInput`, \
         nothing sent), missing credentials, connection, TLS, timeout, an undecodable \
         response, or an error status from the service (`Error::Service`, with its status, \
         code, message and request id; an operation's docs list the error bodies it \
         documents). Retries are off unless you set a `RetryPolicy`.\n",
    );
    if !about.paged.is_empty() {
        let list: Vec<String> = about
            .paged
            .iter()
            .take(5)
            .map(|m| format!("`{m}`"))
            .collect();
        text.push_str(&format!(
            "\n## Paging\n\nOperations that answer in pages ({}{}) have `.pages()`, a \
             stream of pages, and `.items()`, a stream of their items; both fetch the next \
             page only when you ask for it.\n",
            list.join(", "),
            if about.paged.len() > 5 { ", …" } else { "" }
        ));
    }
    text
}

/// Text on one line, whitespace collapsed, at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let line = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(max)
        .collect::<String>();
    line
}

/// Characters that reorder text when displayed; rustc refuses them in
/// comments and crate metadata should not hold them either.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The longest crate name accepted.
pub const MAX_CRATE_NAME: usize = 64;

/// A valid crate name from an API title: `Huawei Cloud HSS` → `huawei-cloud-hss`.
pub fn crate_name_for(title: &str) -> String {
    let name = crate::names::bare(&crate::names::snake(title)).replace('_', "-");
    let mut name = if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("api-{name}")
    } else {
        name
    };
    if name.len() > MAX_CRATE_NAME {
        name.truncate(MAX_CRATE_NAME);
    }
    while name.ends_with('-') || name.contains("--") {
        name = name.trim_end_matches('-').replace("--", "-");
    }
    if check_crate_name(&name).is_err() {
        name = format!("api-{}", name.trim_start_matches('-'));
        name.truncate(MAX_CRATE_NAME);
    }
    name
}

/// Checks that `name` works as a crate name and passes rustc's snake-case
/// lint once `-` becomes `_`.
pub fn check_crate_name(name: &str) -> Result<(), String> {
    let problem = if name.is_empty() {
        Some("is empty".to_owned())
    } else if name.len() > MAX_CRATE_NAME {
        Some(format!("is longer than {MAX_CRATE_NAME} characters"))
    } else if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        Some("must start with a lower-case ASCII letter".to_owned())
    } else if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
    {
        Some(format!(
            "contains `{}`; use lower-case letters, digits, `-` and `_`",
            c.escape_default()
        ))
    } else if name.replace('-', "_").contains("__") || name.ends_with(['-', '_']) {
        Some("has doubled or trailing separators, which rustc's snake-case lint rejects".to_owned())
    } else if RESERVED_CRATE_NAMES.contains(&name.replace('-', "_").as_str()) {
        Some("is reserved (a keyword or a crate of the standard library)".to_owned())
    } else {
        None
    };
    match problem {
        Some(why) => Err(format!("crate name `{}` {why}", name.escape_default())),
        None => Ok(()),
    }
}

/// Names cargo refuses or that would shadow the standard library.
const RESERVED_CRATE_NAMES: &[&str] = &[
    "alloc",
    "as",
    "async",
    "await",
    "break",
    "const",
    "continue",
    "core",
    "crate",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "proc_macro",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "std",
    "struct",
    "super",
    "test",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "yield",
];

/// Generated Rust files under `dir/src` that are not among `files`: modules
/// a spec change removed. Files without the generated header are the user's.
pub fn leftover_files(dir: &Path, files: &[(PathBuf, String)]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.join("src")];
    while let Some(at) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&at) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push(path);
                continue;
            }
            let Ok(relative) = path.strip_prefix(dir) else {
                continue;
            };
            let listed = files.iter().any(|(p, _)| p == relative);
            if !listed && path.extension().is_some_and(|e| e == "rs") && has_header(&path) {
                found.push(relative.to_path_buf());
            }
        }
    }
    found.sort();
    found
}

/// Whether the file starts with the generated-code header (with `\n` or
/// `\r\n` after it: a checkout may have changed the line ends).
fn has_header(path: &Path) -> bool {
    has_first_line(path, HEADER.trim_end().as_bytes())
}

/// Whether the file starts with `header`.
fn has_first_line(path: &Path, header: &[u8]) -> bool {
    use std::io::Read;
    let mut start = vec![0; header.len()];
    std::fs::File::open(path).is_ok_and(|mut file| file.read_exact(&mut start).is_ok())
        && start == header
}

/// Removes `files` (relative to `dir`), then their directories that are left
/// empty, up to `dir/src`.
pub fn remove_files(dir: &Path, files: &[PathBuf]) -> io::Result<()> {
    for file in files {
        std::fs::remove_file(dir.join(file))?;
        let mut parent = file.parent();
        while let Some(folder) = parent.filter(|p| p.starts_with("src") && *p != Path::new("src")) {
            // Fails, and stops, at the first directory that is not empty.
            if std::fs::remove_dir(dir.join(folder)).is_err() {
                break;
            }
            parent = folder.parent();
        }
    }
    Ok(())
}

/// Compares `files` with what is under `dir`; returns the paths that differ.
pub fn stale_files(dir: &Path, files: &[(PathBuf, String)]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|(path, contents)| {
            std::fs::read_to_string(dir.join(path)).ok().as_deref() != Some(contents.as_str())
        })
        .map(|(path, _)| path.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_names_are_checked() {
        assert!(check_crate_name("huawei-cloud-hss").is_ok());
        for bad in [
            "",
            "Foo",
            "a--b",
            "a_-b",
            "x-",
            "9lives",
            "self",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(check_crate_name(bad).is_err(), "{bad:?} accepted");
        }
        for title in [
            "Huawei Cloud HSS",
            "123",
            "",
            "--x--",
            &"Very long title ".repeat(30),
            "std",
        ] {
            let name = crate_name_for(title);
            assert!(check_crate_name(&name).is_ok(), "{title:?} → {name:?}");
        }
    }

    #[test]
    fn readme_says_how_to_authenticate_and_shows_the_example() {
        let about = About {
            title: "Pets\u{202E} & co".into(),
            version: "2".into(),
            description: Some("Pets.\u{0007}\n\n```rust\nstd::process::exit(1);\n```".into()),
            auth: vec![AuthDoc {
                setter: "bearer".into(),
                takes: "token",
                sends: "`Authorization: Bearer …`".into(),
            }],
            example: vec![" ```no_run".into(), " call();".into(), " ```".into()],
            paged: vec!["list_pets".into()],
            operations: 3,
            ..About::default()
        };
        let text = readme(
            "pets-client",
            &about,
            &CrateOptions::default(),
            &["pets".into()],
        );
        assert!(text.starts_with("# pets-client\n"));
        assert!(text.contains("**Pets \\& co** (API version 2)"), "{text}");
        assert!(!text.contains('\u{0007}') && !text.contains('\u{202E}'));
        assert!(
            !text.contains("```rust\n"),
            "spec code must not run: {text}"
        );
        assert!(
            text.contains("- `.bearer(token)`: `Authorization: Bearer …`\n"),
            "{text}"
        );
        assert!(
            text.contains("## Example\n\n```no_run\ncall();\n```\n"),
            "{text}"
        );
        assert!(text.contains("features = [\"pets\"]"), "{text}");
        assert!(text.contains("(`list_pets`) have `.pages()`"), "{text}");
    }

    #[test]
    fn toml_strings_escape_everything_that_could_break_out() {
        assert_eq!(
            toml_string("a\"b\\c\nd\r\u{202E}"),
            r#""a\"b\\c\u000Ad\u000D\u202E""#
        );
    }
}
