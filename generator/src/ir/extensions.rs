//! The `x-` extensions clientgen gives meaning to, read in one place with
//! one policy: a value of the wrong shape is a located warning and the
//! extension is ignored (an error under `--strict`, which makes every
//! warning one). Extensions clientgen does not know are the spec's own.

use serde_json::{Map, Value};

use super::lower::Lowerer;
use crate::diag::pointer;

/// Every extension clientgen reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Extension {
    /// `x-env` on a security scheme: the environment variable that holds
    /// its credential.
    Env,
    /// `x-signing` on an API-key scheme: the request signing algorithm.
    Signing,
    /// `x-region-env-prefix` on `info`: `<prefix>_<REGION_ID>` replaces a
    /// region's endpoint.
    RegionEnvPrefix,
    /// `x-default-from-client` on a parameter: the client may fill it.
    DefaultFromClient,
    /// `x-pagination` on an operation: offset/limit paging.
    Pagination,
}

impl Extension {
    /// The key as written in a spec.
    pub(super) fn key(self) -> &'static str {
        match self {
            Extension::Env => "x-env",
            Extension::Signing => "x-signing",
            Extension::RegionEnvPrefix => "x-region-env-prefix",
            Extension::DefaultFromClient => "x-default-from-client",
            Extension::Pagination => "x-pagination",
        }
    }

    /// What its value must be, for the warning when it is not.
    fn expected(self) -> &'static str {
        match self {
            Extension::Env | Extension::RegionEnvPrefix => {
                "an environment variable name (ASCII letters, digits, `_`; not starting with a digit)"
            }
            Extension::Signing => "a signing algorithm name",
            Extension::DefaultFromClient => "`true` or `false`",
            Extension::Pagination => "an object with `offset`, `limit` and `items`",
        }
    }
}

impl Lowerer<'_> {
    /// The extension's text, when it is text `valid` accepts. `owner` is the
    /// pointer of the object holding the extension.
    pub(super) fn extension_text(
        &mut self,
        value: Option<&Value>,
        extension: Extension,
        owner: &str,
        valid: impl Fn(&str) -> bool,
    ) -> Option<String> {
        match value? {
            Value::String(text) if valid(text) => Some(text.clone()),
            _ => {
                self.bad_extension(extension, owner, extension.expected());
                None
            }
        }
    }

    /// The extension's flag; absent or not a boolean is `false`.
    pub(super) fn extension_flag(
        &mut self,
        value: Option<&Value>,
        extension: Extension,
        owner: &str,
    ) -> bool {
        match value {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(_) => {
                self.bad_extension(extension, owner, extension.expected());
                false
            }
        }
    }

    /// The extension's object.
    pub(super) fn extension_object<'v>(
        &mut self,
        value: Option<&'v Value>,
        extension: Extension,
        owner: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value? {
            Value::Object(map) => Some(map),
            _ => {
                self.bad_extension(extension, owner, extension.expected());
                None
            }
        }
    }

    /// A located warning about an extension's value: it is ignored.
    pub(super) fn bad_extension_at(
        &mut self,
        extension: Extension,
        at: &str,
        why: impl AsRef<str>,
    ) {
        self.diags.warning(
            at,
            format!("`{}` is ignored: {}", extension.key(), why.as_ref()),
        );
    }

    fn bad_extension(&mut self, extension: Extension, owner: &str, expected: &str) {
        let at = pointer::join(owner, extension.key());
        self.bad_extension_at(extension, &at, format!("it must be {expected}"));
    }
}
