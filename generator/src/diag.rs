//! Diagnostics: every problem found in a spec, with where it is.
//!
//! Lowering records problems here and carries on, so a maintainer sees all of
//! them at once; nothing is emitted while an error is recorded.

use std::collections::HashSet;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was skipped; the output is still complete for everything else.
    Warning = 0,
    /// The spec cannot be turned into a client.
    Error = 1,
}

/// One problem, located by a JSON pointer into the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// JSON pointer such as `#/paths/~1v5~1{project_id}~1common~1task/post`.
    pub pointer: String,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{label}: {} (at {})", self.message, self.pointer)
    }
}

/// Diagnostics kept of each severity. A spec that trips more (one problem
/// met again and again in a schema that grows exponentially) gets a count of
/// the rest.
const MAX_PER_SEVERITY: usize = 1000;

/// Collects diagnostics while a spec is processed.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// What `items` holds, to drop a repeat at once.
    seen: HashSet<(Severity, String, String)>,
    /// Kept and left out, by severity (warnings, errors).
    kept: [usize; 2],
    left_out: [usize; 2],
}

impl Diagnostics {
    /// Records an error at `pointer`.
    pub fn error(&mut self, pointer: &str, message: impl Into<String>) {
        self.push(Severity::Error, pointer, message.into());
    }

    /// Records an error at `pointer` ahead of all others, even past the
    /// number kept: the one that explains the others.
    pub fn error_first(&mut self, pointer: &str, message: impl Into<String>) {
        self.insert(0, Severity::Error, pointer, message.into());
    }

    /// Records a warning at `pointer`.
    pub fn warning(&mut self, pointer: &str, message: impl Into<String>) {
        self.push(Severity::Warning, pointer, message.into());
    }

    fn push(&mut self, severity: Severity, pointer: &str, message: String) {
        let i = severity as usize;
        if self.kept[i] >= MAX_PER_SEVERITY {
            self.left_out[i] += 1;
            return;
        }
        self.insert(self.items.len(), severity, pointer, message);
    }

    fn insert(&mut self, index: usize, severity: Severity, pointer: &str, message: String) {
        // A schema reached twice (e.g. by a pre-pass) reports its problem once.
        if self
            .seen
            .insert((severity, pointer.to_owned(), message.clone()))
        {
            self.kept[severity as usize] += 1;
            let pointer = pointer.to_owned();
            self.items.insert(
                index,
                Diagnostic {
                    severity,
                    pointer,
                    message,
                },
            );
        }
    }

    /// Rewrites every pointer (into the normalized document) to one into the
    /// input, through the front end's source map.
    pub fn relocate(&mut self, map: &crate::front::SourceMap) {
        for item in &mut self.items {
            item.pointer = map.to_input(&item.pointer);
        }
    }

    /// Puts `first`'s diagnostics ahead of this one's.
    pub fn absorb_first(&mut self, first: Diagnostics) {
        let later = std::mem::replace(self, first);
        for item in later.items {
            self.push(item.severity, &item.pointer, item.message);
        }
        for (mine, theirs) in self.left_out.iter_mut().zip(later.left_out) {
            *mine += theirs;
        }
    }

    /// True when an error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Turns every warning into an error (strict mode).
    pub fn promote_warnings(&mut self) {
        for item in &mut self.items {
            item.severity = Severity::Error;
        }
        self.left_out = [0, self.left_out.iter().sum()];
    }

    /// All diagnostics in the order they were found, then how many were
    /// left out.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        for (severity, word) in [(Severity::Error, "error"), (Severity::Warning, "warning")] {
            let n = self.left_out[severity as usize];
            if n > 0 {
                self.items.push(Diagnostic {
                    severity,
                    pointer: "#".to_owned(),
                    message: format!("{n} more {word}(s) not listed"),
                });
            }
        }
        self.items
    }
}

/// Generation failed; holds every diagnostic, errors and warnings alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateError {
    /// Everything found, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// How every internal error begins.
const INTERNAL: &str = "internal error: ";

impl GenerateError {
    /// A failure with a single error.
    pub fn single(pointer: &str, message: impl Into<String>) -> Self {
        GenerateError {
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                pointer: pointer.to_owned(),
                message: message.into(),
            }],
        }
    }

    /// A failure of the generator itself (a panic, or output that does not
    /// parse), not of the spec: always a bug to report.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::single("#", format!("{INTERNAL}{}", message.into()))
    }

    /// True when the generator failed, rather than the spec.
    pub fn is_internal(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.message.starts_with(INTERNAL))
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors().count();
        writeln!(f, "the spec cannot be generated ({count} error(s)):")?;
        for d in &self.diagnostics {
            writeln!(f, "  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for GenerateError {}

/// JSON pointer helpers (RFC 6901, in URI fragment form).
pub mod pointer {
    /// Escapes one reference token: `~` → `~0`, `/` → `~1`.
    pub fn escape(token: &str) -> String {
        token.replace('~', "~0").replace('/', "~1")
    }

    /// `base` + `/token`, escaping the token.
    pub fn join(base: &str, token: &str) -> String {
        format!("{base}/{}", escape(token))
    }

    /// Splits a local reference (`#/a/b~1c`, possibly percent-encoded as
    /// URI fragments are: `%7Bid%7D`) into unescaped tokens.
    pub fn tokens(reference: &str) -> Option<Vec<String>> {
        let rest = reference.strip_prefix('#')?;
        if rest.is_empty() {
            return Some(Vec::new());
        }
        let rest = rest.strip_prefix('/')?;
        Some(
            rest.split('/')
                .map(|t| percent_decode(t).replace("~1", "/").replace("~0", "~"))
                .collect(),
        )
    }

    /// `%7B` → `{`; malformed escapes stay as written.
    fn percent_decode(token: &str) -> String {
        if !token.contains('%') {
            return token.to_owned();
        }
        let bytes = token.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            match (
                bytes[i],
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (b'%', Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                }
                (b, _, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}
