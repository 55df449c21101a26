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
    embed_runtime: bool,
    strict: bool,
}

/// The result of a successful generation.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The formatted Rust source.
    pub code: String,
    /// Warnings about parts of the spec that were skipped.
    pub warnings: Vec<Diagnostic>,
}

impl Generator {
    /// A generator for the spec at `spec` (YAML or JSON).
    pub fn new(spec: impl Into<PathBuf>) -> Self {
        Generator {
            spec: spec.into(),
            embed_runtime: true,
            strict: false,
        }
    }

    /// Whether the support code is included as `mod runtime` (default `true`).
    /// Without it, a module named `runtime` must be in scope where the output
    /// is included.
    pub fn embed_runtime(mut self, embed: bool) -> Self {
        self.embed_runtime = embed;
        self
    }

    /// Whether warnings fail generation (default `false`).
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
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
        let code = format::format(emit::api(&api, self.embed_runtime))?;
        Ok(Generated {
            code,
            warnings: diags.into_vec(),
        })
    }

    /// Generates and writes the source to `path`, leaving the file untouched
    /// when its content is already up to date.
    pub fn generate_to(&self, path: &Path) -> Result<Generated, GenerateError> {
        let generated = self.generate()?;
        crate::output::write_if_changed(path, &generated.code).map_err(|e| {
            GenerateError::single("#", format!("cannot write `{}`: {e}", path.display()))
        })?;
        Ok(generated)
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
                Err(GenerateError::single(
                    "#",
                    "internal error: the generator panicked; please report this spec",
                ))
            }),
            Err(e) => Err(GenerateError::single(
                "#",
                format!("cannot start the generator thread: {e}"),
            )),
        }
    })
}
