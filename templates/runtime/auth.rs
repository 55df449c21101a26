//! Credentials: IAM token or AK/SK, from code or the environment; secrets
//! never appear in `Debug` output, `Display` output or errors.

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

/// An access key pair, optionally temporary (with a security token) and
/// bound to a project.
#[derive(Clone, PartialEq, Eq)]
pub struct AkSk {
    ak: String,
    sk: Secret,
    security_token: Option<Secret>,
    project_id: Option<String>,
}

impl AkSk {
    /// A permanent access key pair.
    pub fn new(ak: impl Into<String>, sk: impl Into<Secret>) -> Self {
        AkSk {
            ak: ak.into(),
            sk: sk.into(),
            security_token: None,
            project_id: None,
        }
    }

    /// Makes the pair temporary: `X-Security-Token` is sent and signed.
    pub fn with_security_token(mut self, token: impl Into<Secret>) -> Self {
        self.security_token = Some(token.into());
        self
    }

    /// The project the calls act on, unless a call names its own.
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// The access key id.
    pub fn ak(&self) -> &str {
        &self.ak
    }

    /// The secret access key.
    pub fn sk(&self) -> &Secret {
        &self.sk
    }

    /// The security token of temporary credentials.
    pub fn security_token(&self) -> Option<&Secret> {
        self.security_token.as_ref()
    }

    /// The project id bound to these credentials.
    pub fn project_id(&self) -> Option<&str> {
        self.project_id.as_deref()
    }
}

impl fmt::Debug for AkSk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The AK identifies an account: show only enough to tell keys apart.
        let shown: String = self.ak.chars().take(4).collect();
        f.debug_struct("AkSk")
            .field("ak", &format_args!("{shown}…"))
            .field("sk", &self.sk)
            .field("security_token", &self.security_token)
            .field("project_id", &self.project_id)
            .finish()
    }
}

/// How requests are authenticated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// No authentication header is added.
    #[default]
    None,
    /// An IAM user token, sent as a header (`X-Auth-Token`).
    Token(Secret),
    /// AK/SK request signing (`SDK-HMAC-SHA256`).
    AkSk(AkSk),
}

/// Environment variables read by [`Credentials::from_env`], as the official SDKs name them.
pub const ENV_AK: &str = "HUAWEICLOUD_SDK_AK";
/// See [`ENV_AK`].
pub const ENV_SK: &str = "HUAWEICLOUD_SDK_SK";
/// See [`ENV_AK`].
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// See [`ENV_AK`].
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
/// Fallbacks used by the API reference page's examples.
pub const ENV_AK_FALLBACK: &str = "CLOUD_SDK_AK";
/// See [`ENV_AK_FALLBACK`].
pub const ENV_SK_FALLBACK: &str = "CLOUD_SDK_SK";

impl Credentials {
    /// Authenticates with an IAM user token.
    pub fn token(token: impl Into<Secret>) -> Self {
        Credentials::Token(token.into())
    }

    /// Signs requests with a permanent access key pair.
    pub fn ak_sk(ak: impl Into<String>, sk: impl Into<Secret>) -> Self {
        Credentials::AkSk(AkSk::new(ak, sk))
    }

    /// AK/SK credentials from the environment: `HUAWEICLOUD_SDK_AK` and
    /// `HUAWEICLOUD_SDK_SK` (else `CLOUD_SDK_AK` and `CLOUD_SDK_SK`), with
    /// `HUAWEICLOUD_SDK_PROJECT_ID` and `HUAWEICLOUD_SDK_SECURITY_TOKEN` if set.
    pub fn from_env() -> Result<Self, MissingCredentials> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Credentials::from_env`], reading variables through `lookup`.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, MissingCredentials> {
        let get = |name: &str| lookup(name).filter(|v| !v.is_empty());
        // AK and SK come from the same pair of variables, never one of each.
        let pair = match (get(ENV_AK), get(ENV_SK)) {
            (Some(ak), Some(sk)) => Some((ak, sk)),
            _ => get(ENV_AK_FALLBACK).zip(get(ENV_SK_FALLBACK)),
        };
        let Some((ak, sk)) = pair else {
            return Err(MissingCredentials);
        };
        let mut pair = AkSk::new(ak, sk);
        if let Some(token) = get(ENV_SECURITY_TOKEN) {
            pair = pair.with_security_token(token);
        }
        if let Some(project) = get(ENV_PROJECT_ID) {
            pair = pair.with_project_id(project);
        }
        Ok(Credentials::AkSk(pair))
    }

    /// The project id bound to AK/SK credentials.
    pub fn project_id(&self) -> Option<&str> {
        match self {
            Credentials::AkSk(pair) => pair.project_id(),
            _ => None,
        }
    }
}

impl From<AkSk> for Credentials {
    fn from(pair: AkSk) -> Self {
        Credentials::AkSk(pair)
    }
}

/// The environment holds no AK/SK pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingCredentials;

impl fmt::Display for MissingCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no AK/SK in the environment: set {ENV_AK} and {ENV_SK} (or {ENV_AK_FALLBACK} and {ENV_SK_FALLBACK})"
        )
    }
}

impl std::error::Error for MissingCredentials {}
