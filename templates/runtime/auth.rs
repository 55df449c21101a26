//! Credentials, kept out of every `Debug` and `Display` output.

use std::fmt;

/// A secret string: readable on purpose with [`Secret::expose`], never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// How requests are authenticated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// No authentication header is added.
    #[default]
    None,
    /// An IAM user token, sent as `X-Auth-Token`.
    Token(Secret),
}

impl Credentials {
    /// Authenticates with an IAM user token.
    pub fn token(token: impl Into<Secret>) -> Self {
        Credentials::Token(token.into())
    }
}
