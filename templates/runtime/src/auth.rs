//! Security schemes as the spec declares them, the credentials that fill
//! them, and the [`Signer`] trait for schemes that sign whole requests.
//! Secrets never appear in `Debug` output, `Display` output or errors.

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use reqwest::header::{HeaderName, HeaderValue};

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

    /// The value of the environment variable `name`, if it is set and not empty.
    pub fn from_env(name: &str) -> Option<Self> {
        std::env::var(name)
            .ok()
            .filter(|v| !v.is_empty())
            .map(Secret)
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

/// Where an API key travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyIn {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// How a security scheme of the spec authenticates a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bearer,
    Basic,
    ApiKey(ApiKeyIn, &'static str),
    Signature,
}

/// One security scheme of the spec (`components.securitySchemes`), as
/// generated clients declare it.
#[derive(Debug, Clone, Copy)]
pub struct Scheme {
    pub(crate) id: &'static str,
    kind: Kind,
    env: Option<&'static str>,
    provider: Option<&'static dyn ProvideCredential>,
}

impl Scheme {
    const fn new(id: &'static str, kind: Kind) -> Self {
        Scheme {
            id,
            kind,
            env: None,
            provider: None,
        }
    }

    /// `Authorization: Bearer <token>` (http `bearer`, `oauth2`, `openIdConnect`).
    pub const fn bearer(id: &'static str) -> Self {
        Self::new(id, Kind::Bearer)
    }

    /// `Authorization: Basic <base64(user:password)>` (http `basic`).
    pub const fn basic(id: &'static str) -> Self {
        Self::new(id, Kind::Basic)
    }

    /// An API key sent as the header, query parameter or cookie `name`.
    pub const fn api_key(id: &'static str, place: ApiKeyIn, name: &'static str) -> Self {
        Self::new(id, Kind::ApiKey(place, name))
    }

    /// A scheme whose credential is a [`Signer`].
    pub const fn signature(id: &'static str) -> Self {
        Self::new(id, Kind::Signature)
    }

    /// Reads the secret from the environment variable `name` when the client
    /// is built without one (the spec's `x-env`); for basic auth the variable
    /// holds `user:password`.
    pub const fn env(mut self, name: &'static str) -> Self {
        self.env = Some(name);
        self
    }

    /// Asks `provider` for the credential when the client is built without one.
    pub const fn provider(mut self, provider: &'static dyn ProvideCredential) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The scheme's name in the spec.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The header an API key of this scheme travels in, if any.
    pub(crate) fn header(&self) -> Option<&'static str> {
        match self.kind {
            Kind::ApiKey(ApiKeyIn::Header, name) => Some(name),
            _ => None,
        }
    }

    /// The credential the environment offers for this scheme, if any.
    pub(crate) fn credential_in_env(&self) -> Option<Credential> {
        if let Some(provider) = self.provider {
            return provider.credential();
        }
        let secret = Secret::from_env(self.env?)?;
        Some(match self.kind {
            Kind::Basic => {
                let (user, password) = secret.expose().split_once(':')?;
                Credential::Basic(user.to_owned(), Secret::new(password))
            }
            _ => Credential::Secret(secret),
        })
    }

    /// Adds `credential` to the request being assembled.
    pub(crate) fn apply(
        &self,
        credential: &Credential,
        parts: &mut Parts,
    ) -> Result<(), &'static str> {
        let sensitive = |text: &str| {
            let mut value =
                HeaderValue::from_str(text).map_err(|_| "is not a valid header value")?;
            value.set_sensitive(true);
            Ok::<_, &'static str>(value)
        };
        match (self.kind, credential) {
            (Kind::Bearer, Credential::Secret(token)) => parts.headers.push((
                reqwest::header::AUTHORIZATION,
                sensitive(&format!("Bearer {}", token.expose()))?,
            )),
            (Kind::Basic, Credential::Basic(user, password)) => {
                let pair = format!("{user}:{}", password.expose());
                parts.headers.push((
                    reqwest::header::AUTHORIZATION,
                    sensitive(&format!("Basic {}", STANDARD.encode(pair)))?,
                ));
            }
            (Kind::ApiKey(ApiKeyIn::Header, name), Credential::Secret(key)) => {
                let name = HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| "names an invalid header")?;
                parts.headers.push((name, sensitive(key.expose())?));
            }
            (Kind::ApiKey(ApiKeyIn::Query, name), Credential::Secret(key)) => {
                parts.query.push(name, key.expose());
            }
            (Kind::ApiKey(ApiKeyIn::Cookie, name), Credential::Secret(key)) => {
                parts
                    .cookies
                    .push((name.to_owned(), super::encode::cookie_value(key.expose())));
            }
            // Signers run last, over the finished request.
            (Kind::Signature, Credential::Signer(_)) => {}
            _ => return Err("was given a credential of another kind"),
        }
        Ok(())
    }
}

/// Finds a credential for a scheme when the client is built without one,
/// e.g. in a vendor's environment variables or a credentials file.
pub trait ProvideCredential: Send + Sync + fmt::Debug {
    /// The credential, if this source has one.
    fn credential(&self) -> Option<Credential>;
}

/// The credential configured for one scheme.
#[derive(Clone)]
pub enum Credential {
    /// A token or API key.
    Secret(Secret),
    /// A user name and password.
    Basic(String, Secret),
    /// Signs each request.
    Signer(Arc<dyn Signer>),
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Secret(s) => f.debug_tuple("Secret").field(s).finish(),
            Credential::Basic(user, password) => {
                f.debug_tuple("Basic").field(user).field(password).finish()
            }
            Credential::Signer(signer) => f.debug_tuple("Signer").field(signer).finish(),
        }
    }
}

/// What authentication may add to before a request is sent or signed.
pub(crate) struct Parts<'a> {
    pub headers: &'a mut Vec<(HeaderName, HeaderValue)>,
    pub query: &'a mut super::encode::Query,
    pub cookies: &'a mut Vec<(String, String)>,
}

/// Signs whole requests, e.g. with an HMAC over a canonical form.
///
/// A signer sees the request exactly as it will be sent and adds the headers
/// its scheme needs; it runs on every attempt, so retries are signed afresh.
/// Implement it to support another vendor's signing.
pub trait Signer: Send + Sync + fmt::Debug {
    /// Adds authentication headers to `request`.
    fn sign(&self, request: &mut SigningRequest<'_>) -> Result<(), SignError>;

    /// A value this credential binds for the client-wide parameter `name`
    /// (e.g. the project of an access key), used when neither the call nor
    /// the client sets one.
    fn scope(&self, name: &str) -> Option<&str> {
        let _ = name;
        None
    }

    /// Headers this signer sets (lower case); hooks may not add them.
    fn headers(&self) -> &'static [&'static str] {
        &[]
    }
}

/// A request as a [`Signer`] sees it.
#[non_exhaustive]
pub struct SigningRequest<'a> {
    /// HTTP method.
    pub method: &'a reqwest::Method,
    /// The absolute URL exactly as it will be sent.
    pub url: &'a str,
    /// The `host[:port]` the request goes to.
    pub host: &'a str,
    /// Every header that will be sent; a signer appends to it.
    pub headers: &'a mut Vec<(HeaderName, HeaderValue)>,
    /// The exact body bytes, `None` without a body.
    pub body: Option<&'a [u8]>,
    /// The signing time (the client's clock), fresh for each attempt.
    pub time: SystemTime,
    /// Values of the client-wide parameters this call used, e.g. `project_id`.
    pub scope: &'a [(&'static str, String)],
}

impl fmt::Debug for SigningRequest<'_> {
    // The URL's query and header values may hold secrets: names only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("SigningRequest")
            .field("method", self.method)
            .field("host", &self.host)
            .field("headers", &names)
            .finish_non_exhaustive()
    }
}

impl SigningRequest<'_> {
    /// The value the call used for the client-wide parameter `name`.
    pub fn scope(&self, name: &str) -> Option<&str> {
        self.scope
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignError {
    why: String,
    field: Option<String>,
}

impl SignError {
    /// An error explaining `why`; it must not contain secrets.
    pub fn new(why: impl Into<String>) -> Self {
        SignError {
            why: why.into(),
            field: None,
        }
    }

    /// An error caused by the value of `field` (e.g. a client-wide
    /// parameter), which [`Error::InvalidInput`](super::Error::InvalidInput)
    /// then names instead of `credentials`.
    pub fn in_field(field: impl Into<String>, why: impl Into<String>) -> Self {
        SignError {
            why: why.into(),
            field: Some(field.into()),
        }
    }

    /// The input field at fault, when it is not the credentials.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// Why, without the "cannot sign" preamble of `Display`.
    pub fn reason(&self) -> &str {
        &self.why
    }
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot sign the request: {}", self.why)
    }
}

impl std::error::Error for SignError {}
