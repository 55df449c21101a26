//! Huawei Cloud: AK/SK signing (`SDK-HMAC-SHA256`), credentials from the
//! `HUAWEICLOUD_SDK_*` environment, `X-Project-Id`, region endpoint overrides
//! and the error bodies of Huawei services, as the official SDKs handle them.
//!
//! Generated clients use this module only when their spec asks for it: a
//! security scheme with `x-signing: SDK-HMAC-SHA256`, or
//! `info.x-region-env-prefix`.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use hmac::{Hmac, KeyInit};
use reqwest::header::{HeaderName, HeaderValue};
use sha2::Sha256;

use super::auth::Credential;
use super::error::{ErrorFields, ErrorParser};
use super::{ClientBuilder, ProvideCredential, SignError, Signer, SigningRequest};

pub mod signing;

pub use super::Secret;

/// An access key pair, optionally temporary (with a security token) and
/// bound to a project.
#[derive(Clone)]
pub struct AkSk {
    ak: String,
    sk: Secret,
    security_token: Option<Secret>,
    project_id: Option<String>,
    /// HMAC keyed with the SK, ready to sign: the key is hashed once per
    /// pair, not once per request. Boxed: it is larger than the rest.
    keyed: Option<Box<Hmac<Sha256>>>,
}

impl PartialEq for AkSk {
    fn eq(&self, other: &Self) -> bool {
        // `keyed` follows from `sk`.
        (&self.ak, &self.sk, &self.security_token, &self.project_id)
            == (
                &other.ak,
                &other.sk,
                &other.security_token,
                &other.project_id,
            )
    }
}

impl Eq for AkSk {}

impl AkSk {
    /// A permanent access key pair.
    pub fn new(ak: impl Into<String>, sk: impl Into<Secret>) -> Self {
        let sk = sk.into();
        AkSk {
            ak: ak.into(),
            keyed: Hmac::new_from_slice(sk.expose().as_bytes())
                .ok()
                .map(Box::new),
            sk,
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

    /// An HMAC-SHA256 keyed with the SK, to feed the string to sign.
    pub(crate) fn keyed(&self) -> Option<Hmac<Sha256>> {
        self.keyed.as_deref().cloned()
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

impl Signer for AkSk {
    /// Adds `Host`, `X-Project-Id` (the call's project, else the pair's),
    /// `Content-Type: application/json` when the request has none, then the
    /// signature headers.
    fn sign(&self, request: &mut SigningRequest<'_>) -> Result<(), SignError> {
        let invalid = |what: &str| SignError::new(format!("{what} is not a valid header value"));
        let host = HeaderValue::from_str(request.host).map_err(|_| invalid("the host"))?;
        request.headers.push((reqwest::header::HOST, host));
        let content_type = reqwest::header::CONTENT_TYPE;
        if !request
            .headers
            .iter()
            .any(|(name, _)| *name == content_type)
        {
            // The official SDKs send (and sign) it on every request, GETs included.
            let json = HeaderValue::from_static("application/json");
            request.headers.push((content_type, json));
        }
        if let Some(project) = request.scope("project_id").or(self.project_id()) {
            // A header cannot carry surrounding whitespace, while the path
            // would: the service would see two different projects.
            if project.trim() != project {
                return Err(SignError::in_field(
                    "project_id",
                    "has surrounding whitespace, which `X-Project-Id` cannot carry",
                ));
            }
            let value = HeaderValue::from_str(project).map_err(|_| {
                SignError::in_field("project_id", "is not a valid X-Project-Id header value")
            })?;
            request
                .headers
                .push((HeaderName::from_static("x-project-id"), value));
        }
        // Values are borrowed; only one that is not UTF-8 is copied (lossily).
        let text: Vec<(&str, Cow<str>)> = request
            .headers
            .iter()
            .map(|(k, v)| {
                let value = match std::str::from_utf8(v.as_bytes()) {
                    Ok(text) => Cow::Borrowed(text),
                    Err(_) => String::from_utf8_lossy(v.as_bytes()),
                };
                (k.as_str(), value)
            })
            .collect();
        let borrowed: Vec<(&str, &str)> = text.iter().map(|(k, v)| (*k, v.as_ref())).collect();
        let signed = signing::sign_parts(
            request.method.as_str(),
            request.url,
            &borrowed,
            request.body,
            self,
            request.time,
            None,
        )?;
        let authorization = (signing::AUTHORIZATION, Cow::Owned(signed.authorization));
        let mut add = Vec::with_capacity(signed.added.len() + 1);
        for (name, value) in signed.added.into_iter().flatten().chain([authorization]) {
            let name = HeaderName::from_static(name.lower);
            let mut value = match value {
                // An owned value moves into the header without a copy.
                Cow::Owned(text) if text.trim().len() == text.len() => HeaderValue::try_from(text),
                text => HeaderValue::from_str(text.trim()),
            }
            .map_err(|_| invalid("a header"))?;
            value.set_sensitive(
                name == reqwest::header::AUTHORIZATION || name.as_str() == "x-security-token",
            );
            add.push((name, value));
        }
        request.headers.append(&mut add);
        Ok(())
    }

    fn scope(&self, name: &str) -> Option<&str> {
        (name == "project_id").then_some(self.project_id.as_deref())?
    }

    fn headers(&self) -> &'static [&'static str] {
        &[
            "x-project-id",
            "x-sdk-content-sha256",
            "x-sdk-date",
            "x-security-token",
        ]
    }
}

/// How a Huawei Cloud client authenticates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// No authentication, on purpose (e.g. behind a proxy that signs).
    #[default]
    None,
    /// An IAM user token, sent in the spec's token header (`X-Auth-Token`).
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
/// Fallbacks used by the API reference pages' examples.
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
    pub fn from_env() -> Result<Self, NoCredentialsInEnv> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Credentials::from_env`], reading variables through `lookup`.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, NoCredentialsInEnv> {
        let get = |name: &str| lookup(name).filter(|v| !v.is_empty());
        // AK and SK come from the same pair of variables, never one of each.
        let pair = match (get(ENV_AK), get(ENV_SK)) {
            (Some(ak), Some(sk)) => Some((ak, sk)),
            _ => get(ENV_AK_FALLBACK).zip(get(ENV_SK_FALLBACK)),
        };
        let Some((ak, sk)) = pair else {
            return Err(NoCredentialsInEnv);
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

    /// Configures `builder`: AK/SK for the scheme `signing`, a token for the
    /// scheme `token` (`None` when the API declares no token header), or no
    /// authentication at all.
    #[doc(hidden)]
    pub fn configure(
        self,
        builder: ClientBuilder,
        signing: &'static str,
        token: Option<&'static str>,
    ) -> ClientBuilder {
        // These credentials replace any given before, as one identity.
        let builder = builder.without_credentials();
        match (self, token) {
            (Credentials::None, _) => builder.anonymous(),
            (Credentials::Token(secret), Some(scheme)) => {
                builder.credential(scheme, Credential::Secret(secret))
            }
            (Credentials::Token(_), None) => builder.reject("this API declares no token header"),
            (Credentials::AkSk(pair), _) => {
                builder.credential(signing, Credential::Signer(Arc::new(pair)))
            }
        }
    }
}

/// AK/SK from the `HUAWEICLOUD_SDK_*` environment ([`Credentials::from_env`]),
/// the provider of a signing scheme.
#[derive(Debug, Clone, Copy, Default)]
pub struct AkSkFromEnv;

impl ProvideCredential for AkSkFromEnv {
    fn credential(&self) -> Option<Credential> {
        match Credentials::from_env() {
            Ok(Credentials::AkSk(pair)) => Some(Credential::Signer(Arc::new(pair))),
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
pub struct NoCredentialsInEnv;

impl fmt::Display for NoCredentialsInEnv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no AK/SK in the environment: set {ENV_AK} and {ENV_SK} (or {ENV_AK_FALLBACK} and {ENV_SK_FALLBACK})"
        )
    }
}

impl std::error::Error for NoCredentialsInEnv {}

/// A region's endpoint: the first URL in the environment variable
/// `<prefix>_<ID>` (id upper-cased, `-` → `_`), else `default`.
#[doc(hidden)]
pub fn region_endpoint(prefix: &str, id: &str, default: &str) -> String {
    let name = format!("{prefix}_{}", id.replace('-', "_").to_uppercase());
    std::env::var(name)
        .ok()
        .and_then(|v| {
            v.split(',')
                .map(str::trim)
                .find(|e| !e.is_empty())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| default.to_owned())
}

/// Huawei Cloud's error bodies, parsed as the official SDKs parse them: at
/// each level of a JSON object the first complete pair of
/// `{error_code, error_msg}`, `{errorCode, errorMsg}` or `{code, message}` is
/// taken, then nested objects are searched in document order, a later match
/// replacing an earlier one. `encoded_authorization_message` is kept as a detail.
#[derive(Debug, Clone, Copy, Default)]
pub struct HuaweiErrors;

/// Deepest object nesting searched for error fields.
const MAX_ERROR_DEPTH: usize = 32;

const ERROR_SHAPES: [(&str, &str); 3] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
];

impl ErrorParser for HuaweiErrors {
    fn parse(&self, body: &[u8]) -> ErrorFields {
        let mut found = ErrorFields::default();
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(body) {
            search(&map, 0, &mut found);
        }
        found
    }
}

fn search(map: &serde_json::Map<String, serde_json::Value>, depth: usize, found: &mut ErrorFields) {
    if depth > MAX_ERROR_DEPTH {
        return;
    }
    if let Some(encoded) = map.get("encoded_authorization_message") {
        found
            .details
            .retain(|(name, _)| name != "encoded_authorization_message");
        if let Some(text) = scalar_text(encoded) {
            found
                .details
                .push(("encoded_authorization_message".to_owned(), text));
        }
    }
    for (code, message) in ERROR_SHAPES {
        if let (Some(c), Some(m)) = (map.get(code), map.get(message)) {
            found.code = scalar_text(c);
            found.message = scalar_text(m);
            return;
        }
    }
    for value in map.values() {
        if let serde_json::Value::Object(inner) = value {
            search(inner, depth + 1, found);
        }
    }
}

/// Text of a JSON scalar as the official (Python) SDK prints it: booleans
/// are `True`/`False`; `null` and containers have none.
fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(if *b { "True" } else { "False" }.to_owned()),
        _ => None,
    }
}
