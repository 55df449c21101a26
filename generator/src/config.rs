//! The build-script API: configure a [`Generator`], then generate.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, GenerateError};
use crate::{emit, format, ir, load};

/// Configures and runs code generation.
///
/// ```no_run
/// // build.rs
/// let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("api.rs");
/// clientgen::Generator::new("spec/api.yaml")
///     .generate_to(&out)
///     .expect("spec generates");
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    spec: PathBuf,
    runtime: Runtime,
    strict: bool,
    tag_features: bool,
    serde_both_ways: bool,
    module_files: bool,
    examples: Examples,
}

/// Whether operations get compiled examples, and how they name the client.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Examples {
    /// In a build script, the package's crate (`CARGO_PKG_NAME`); else none.
    #[default]
    Package,
    Off,
    At(String),
}

/// Where generated code finds its runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Runtime {
    /// The `clientgen-runtime` crate, a dependency of the generated crate
    /// (with the features in [`Generated::runtime_features`]).
    #[default]
    Crate,
    /// A copy of the runtime's source as `pub mod runtime`, for a crate that
    /// must stand alone.
    Inline,
    /// Nothing: the includer provides a `runtime` module.
    External,
}

/// The result of a successful generation.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The formatted Rust source (with [`Generator::module_files`], the
    /// root module's).
    pub code: String,
    /// With [`Generator::module_files`], the other modules' files: path
    /// (relative to the directory of the root, a `lib.rs` or `mod.rs`) and
    /// formatted source.
    pub modules: Vec<(PathBuf, String)>,
    /// Warnings about parts of the spec that were skipped.
    pub warnings: Vec<Diagnostic>,
    /// Features of `clientgen-runtime` the code needs, e.g. `huawei`.
    pub runtime_features: Vec<&'static str>,
    /// Cargo features the code's `#[cfg]`s name, one per tag (see
    /// [`Generator::tag_features`]); the crate must declare them all and
    /// enable them by default.
    pub tag_features: Vec<String>,
    /// What a README says about the API.
    pub about: crate::output::About,
}

impl Generator {
    /// A generator for the spec at `spec` (YAML or JSON).
    pub fn new(spec: impl Into<PathBuf>) -> Self {
        Generator {
            spec: spec.into(),
            runtime: Runtime::Crate,
            strict: false,
            tag_features: false,
            serde_both_ways: false,
            module_files: false,
            examples: Examples::Package,
        }
    }

    /// Where the generated code finds its runtime (default [`Runtime::Crate`]).
    pub fn runtime(mut self, runtime: Runtime) -> Self {
        self.runtime = runtime;
        self
    }

    /// Gates each operation, and the types only it reaches, behind a Cargo
    /// feature named after its tag (default `false`), so a crate compiles
    /// only the tags it enables. Specs with fewer than two tags get none.
    /// The including crate must declare [`Generated::tag_features`] and
    /// enable them by default; generated crates do.
    pub fn tag_features(mut self, on: bool) -> Self {
        self.tag_features = on;
        self
    }

    /// Derives `Serialize` and `Deserialize` on every type (default `false`:
    /// request types serialize; response types, and schemas no operation
    /// uses, deserialize). For code that also plays the server, e.g. a
    /// fake service in tests. A response's exact JSON is always available
    /// from `Response::raw_body`.
    pub fn serde_both_ways(mut self, on: bool) -> Self {
        self.serde_both_ways = on;
        self
    }

    /// Writes the `types` and `operations` modules, and each tag's part of
    /// them, to files of their own instead of inline (default `false`):
    /// smaller files to review, and code that starts at the left margin. For
    /// a crate's `src/lib.rs` (or a `mod.rs`); an `include!`d file cannot
    /// declare modules in files.
    pub fn module_files(mut self, on: bool) -> Self {
        self.module_files = on;
        self
    }

    /// The path users name the generated code by, e.g. `my_api` or
    /// `my_crate::hss`: each client method gets an example (a doctest that
    /// is compiled, not run) that calls it through this path. In a build
    /// script it defaults to the package's crate, for code `include!`d at
    /// its root; code included in a module needs the module's path here.
    pub fn example_path(mut self, path: impl Into<String>) -> Self {
        self.examples = Examples::At(path.into());
        self
    }

    /// Leaves out the examples of [`Generator::example_path`].
    pub fn no_examples(mut self) -> Self {
        self.examples = Examples::Off;
        self
    }

    /// Whether warnings fail generation (default `false`).
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The path examples start from, checked.
    fn example_root(&self) -> Result<Option<String>, GenerateError> {
        let path = match &self.examples {
            Examples::Off => return Ok(None),
            Examples::At(path) => path.clone(),
            Examples::Package => {
                let in_build_script = std::env::var_os("OUT_DIR").is_some();
                match std::env::var("CARGO_PKG_NAME") {
                    Ok(name) if in_build_script => name.replace('-', "_"),
                    _ => return Ok(None),
                }
            }
        };
        match syn::parse_str::<syn::Path>(&path) {
            Ok(parsed) if parsed.segments.iter().all(|s| s.arguments.is_none()) => Ok(Some(path)),
            _ => Err(GenerateError::internal(format!(
                "the example path `{path}` is not a Rust path"
            ))),
        }
    }

    /// The spec this generator reads.
    pub fn spec(&self) -> &Path {
        &self.spec
    }

    /// Reads the spec and generates the source.
    pub fn generate(&self) -> Result<Generated, GenerateError> {
        on_big_stack(|| self.generate_loaded_here(&load::read(&self.spec)?))
    }

    /// Generates from spec text already in memory.
    pub fn generate_str(&self, text: &str) -> Result<Generated, GenerateError> {
        on_big_stack(|| self.generate_loaded_here(&load::parse(text)?))
    }

    /// Loads and validates spec text into the typed model, emitting nothing:
    /// what [`crate::diff`] compares.
    pub fn lower_str(&self, text: &str) -> Result<ir::Api, GenerateError> {
        on_big_stack(|| {
            let (api, mut diags) = ir::lower(&load::parse(text)?);
            if self.strict {
                diags.promote_warnings();
            }
            if diags.has_errors() {
                return Err(GenerateError {
                    diagnostics: diags.into_vec(),
                });
            }
            Ok(api)
        })
    }

    /// Generates from a spec already loaded with [`load::read`] or [`load::parse`].
    pub fn generate_loaded(&self, spec: &load::LoadedSpec) -> Result<Generated, GenerateError> {
        on_big_stack(|| self.generate_loaded_here(spec))
    }

    fn generate_loaded_here(&self, spec: &load::LoadedSpec) -> Result<Generated, GenerateError> {
        let (api, mut diags) = ir::lower(spec);
        if self.strict {
            diags.promote_warnings();
        }
        if diags.has_errors() {
            return Err(GenerateError {
                diagnostics: diags.into_vec(),
            });
        }
        let runtime_features = emit::runtime_features(&api);
        let tags = self
            .tag_features
            .then(|| emit::features::TagFeatures::plan(&api))
            .flatten();
        let examples = self.example_root()?;
        let parts = emit::api(
            &api,
            self.runtime == Runtime::Crate,
            tags.as_ref(),
            self.serde_both_ways,
            examples.as_deref(),
        );
        let (mut code, modules) = if self.module_files {
            format::format_files(&parts)?
        } else {
            (format::format_parts(&parts)?, Vec::new())
        };
        drop(parts);
        if self.runtime == Runtime::Inline {
            let mut features = runtime_features.clone();
            features.extend_from_slice(emit::INLINE_DEFAULT_FEATURES);
            let module = emit::inline_module(&features)
                .map_err(|e| GenerateError::internal(format!("runtime source: {e}")))?;
            code.push('\n');
            code.push_str(&module);
        }
        Ok(Generated {
            code,
            modules,
            warnings: diags.into_vec(),
            about: crate::output::About {
                license: spec_license(&spec.raw),
                ..about(&api, examples.as_deref())
            },
            runtime_features,
            tag_features: tags.map(|t| t.names).unwrap_or_default(),
        })
    }

    /// Generates and writes the source to `path`, and the module files where
    /// Rust looks for them: beside `path` when it is a `lib.rs`, `main.rs`
    /// or `mod.rs`, under `path` without its extension otherwise, as for a
    /// module file (`src/api.rs` → `src/api/types.rs`); for another crate
    /// root, write [`Generated::modules`] yourself. Files whose content is
    /// already up to date are left untouched.
    pub fn generate_to(&self, path: &Path) -> Result<Generated, GenerateError> {
        let generated = self.generate()?;
        let write = |path: &Path, contents: &str| {
            crate::output::write_if_changed(path, contents).map_err(|e| {
                GenerateError::single("#", format!("cannot write `{}`: {e}", path.display()))
            })
        };
        write(path, &generated.code)?;
        let crate_root = ["lib.rs", "main.rs", "mod.rs"]
            .iter()
            .any(|name| path.file_name() == Some(name.as_ref()));
        // `mod types;` in `src/api.rs` is `src/api/types.rs`.
        let base = if crate_root {
            path.parent().unwrap_or(Path::new("")).to_path_buf()
        } else {
            path.with_extension("")
        };
        for (module, contents) in &generated.modules {
            write(&base.join(module), contents)?;
        }
        Ok(generated)
    }
}

/// The facts of `api` a generated crate's README shows.
/// `info.license` as an SPDX identifier we know (3.1's `identifier`, else its name).
fn spec_license(raw: &serde_json::Value) -> Option<&'static str> {
    let license = raw.pointer("/info/license")?;
    ["identifier", "name"]
        .iter()
        .find_map(|key| crate::output::spdx_license(license.get(key)?.as_str()?))
}

fn about(api: &ir::Api, examples: Option<&str>) -> crate::output::About {
    use crate::emit::docs::code;
    let auth = api
        .schemes
        .iter()
        .map(|s| {
            let (takes, sends) = match &s.kind {
                ir::SchemeKind::Bearer => ("token", "`Authorization: Bearer …`".to_owned()),
                ir::SchemeKind::Basic => ("user, password", "`Authorization: Basic …`".to_owned()),
                ir::SchemeKind::ApiKey { location, name } => {
                    let place = match location {
                        ir::ParamLocation::Query => "query parameter",
                        ir::ParamLocation::Cookie => "cookie",
                        _ => "header",
                    };
                    ("key", format!("the {place} {}", code(name)))
                }
                ir::SchemeKind::HuaweiSigning => (
                    "Credentials::from_env()?",
                    "signs every request with an access key pair (AK/SK) from \
                     `HUAWEICLOUD_SDK_AK`/`HUAWEICLOUD_SDK_SK`"
                        .to_owned(),
                ),
            };
            let env = s
                .env
                .as_ref()
                .map(|var| format!("; read from {} when not set", code(var)))
                .unwrap_or_default();
            let setter = match s.kind {
                ir::SchemeKind::HuaweiSigning => "credentials".to_owned(),
                _ => s.setter.clone(),
            };
            crate::output::AuthDoc {
                setter,
                takes,
                sends: format!("{sends} (security scheme {}){env}", code(&s.id)),
            }
        })
        .collect();
    crate::output::About {
        title: api.title.clone(),
        version: api.version.clone(),
        description: api.description.clone(),
        auth,
        example: examples
            .map(|root| crate::emit::examples::crate_example(api, root))
            .unwrap_or_default(),
        paged: api
            .operations
            .iter()
            .filter(|op| op.pagination.is_some())
            .map(|op| op.name.clone())
            .collect(),
        operations: api.operations.len(),
        license: None,
    }
}

/// Stack for generation: parsers and lowering recurse once per nesting level,
/// and specs may nest as deep as the YAML and JSON parsers allow (128).
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Runs `work` on a thread with a large stack. A panic there (a bug, never
/// expected) comes back as an error rather than unwinding into the caller.
fn on_big_stack<T: Send>(
    work: impl FnOnce() -> Result<T, GenerateError> + Send,
) -> Result<T, GenerateError> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("clientgen".to_owned())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, work);
        match handle {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(GenerateError::internal(
                    "the generator panicked; please report this spec",
                ))
            }),
            Err(e) => Err(GenerateError::single(
                "#",
                format!("cannot start the generator thread: {e}"),
            )),
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_is_an_internal_error_not_a_diagnostic() {
        let result: Result<(), _> = super::on_big_stack(|| panic!("a bug"));
        let error = result.expect_err("the panic is caught");
        assert!(error.is_internal(), "{error}");
        let spec_error = crate::diag::GenerateError::single("#/paths", "a spec problem");
        assert!(!spec_error.is_internal());
    }
}
