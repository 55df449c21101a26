//! Errors of a generated client, one kind per way a call can fail.

use std::error::Error as StdError;
use std::fmt;

/// Why a call failed.
///
/// The kinds are distinct so callers can react to each: fix the input, retry
/// the connection, wait longer, report a broken server, or handle what the
/// service said.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The input breaks a constraint of the API; nothing was sent.
    InvalidInput(InvalidInput),
    /// No connection could be made (DNS, refused, TLS handshake).
    Connect(reqwest::Error),
    /// The connect or request timeout elapsed.
    Timeout(reqwest::Error),
    /// The connection failed after it was made, or the request could not be built.
    Transport(reqwest::Error),
    /// The service answered with success but the body is not what the API describes.
    Decode(DecodeError),
    /// The service answered with an error status.
    Service(ServiceError),
}

impl Error {
    /// The HTTP status of the response, if one was received.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Decode(e) => Some(e.status),
            Error::Service(e) => Some(e.status),
            _ => None,
        }
    }

    /// The `X-Request-Id` of the response, if one was received.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Decode(e) => e.request_id.as_deref(),
            Error::Service(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Error::Timeout(error)
        } else if error.is_connect() {
            Error::Connect(error)
        } else {
            Error::Transport(error)
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput(e) => write!(f, "invalid input: {e}"),
            Error::Connect(e) => write!(f, "connection failed: {e}"),
            Error::Timeout(e) => write!(f, "timed out: {e}"),
            Error::Transport(e) => write!(f, "transport error: {e}"),
            Error::Decode(e) => e.fmt(f),
            Error::Service(e) => e.fmt(f),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::InvalidInput(e) => Some(e),
            Error::Connect(e) | Error::Timeout(e) | Error::Transport(e) => Some(e),
            Error::Decode(e) => Some(e),
            Error::Service(e) => Some(e),
        }
    }
}

impl From<InvalidInput> for Error {
    fn from(e: InvalidInput) -> Self {
        Error::InvalidInput(e)
    }
}

/// A value that breaks a constraint of the API, found before any I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidInput {
    /// Path of the offending value, e.g. `body.cluster_scan_info.scan_type_list`.
    pub field: String,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.field, self.problem)
    }
}

impl StdError for InvalidInput {}

/// A success response whose body could not be decoded.
#[derive(Debug)]
pub struct DecodeError {
    /// HTTP status code.
    pub status: u16,
    /// The `X-Request-Id` response header.
    pub request_id: Option<String>,
    /// The start of the body, for diagnosis.
    pub body_excerpt: String,
    /// Why decoding failed.
    pub source: serde_json::Error,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "undecodable response (status {}, request id {}): {}",
            self.status,
            self.request_id.as_deref().unwrap_or("-"),
            self.source
        )
    }
}

impl StdError for DecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.source)
    }
}

/// An error status returned by the service, with the details it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// HTTP status code (3xx, 4xx or 5xx).
    pub status: u16,
    /// The `X-Request-Id` response header.
    pub request_id: Option<String>,
    /// Error code from the body, or the status code when the body has none.
    pub error_code: String,
    /// Error message from the body, or the raw body text when it has none.
    pub error_msg: String,
    /// Encoded details of an authorization failure, when the service sends them.
    pub encoded_authorization_message: Option<String>,
}

impl ServiceError {
    /// True for 4xx: the request was refused and should not be repeated as is.
    pub fn is_client_error(&self) -> bool {
        (400..500).contains(&self.status)
    }

    /// True for 5xx: the service failed.
    pub fn is_server_error(&self) -> bool {
        (500..600).contains(&self.status)
    }

    /// Parses an error response, trying every documented body shape:
    /// `{error_code, error_msg}`, `{errorCode, errorMsg}`, `{code, message}`,
    /// first at the top level and then in nested objects.
    pub fn from_response(status: u16, request_id: Option<String>, body: &[u8]) -> Self {
        let parsed = serde_json::from_slice::<serde_json::Value>(body).ok();
        let found = parsed.as_ref().and_then(find_error_fields);
        let encoded_authorization_message = parsed
            .as_ref()
            .and_then(|v| find_string(v, "encoded_authorization_message"));
        let (error_code, error_msg) = match found {
            Some(pair) => pair,
            None => (
                status.to_string(),
                String::from_utf8_lossy(body).into_owned(),
            ),
        };
        ServiceError {
            status,
            request_id,
            error_code,
            error_msg,
            encoded_authorization_message,
        }
    }
}

const ERROR_SHAPES: [(&str, &str); 3] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
];

/// Maximum nesting searched for an error object; bounds work on hostile bodies.
const MAX_ERROR_DEPTH: usize = 8;

fn find_error_fields(value: &serde_json::Value) -> Option<(String, String)> {
    let mut level = vec![value];
    for _ in 0..MAX_ERROR_DEPTH {
        for candidate in &level {
            if let Some(pair) = error_fields_here(candidate) {
                return Some(pair);
            }
        }
        level = level
            .iter()
            .filter_map(|v| v.as_object())
            .flat_map(|map| map.values())
            .filter(|v| v.is_object())
            .collect();
        if level.is_empty() {
            break;
        }
    }
    None
}

fn error_fields_here(value: &serde_json::Value) -> Option<(String, String)> {
    let map = value.as_object()?;
    ERROR_SHAPES.iter().find_map(|(code, msg)| {
        let code = map.get(*code).and_then(scalar_text);
        let msg = map.get(*msg).and_then(scalar_text);
        match (code, msg) {
            (None, None) => None,
            (code, msg) => Some((code.unwrap_or_default(), msg.unwrap_or_default())),
        }
    })
}

fn find_string(value: &serde_json::Value, key: &str) -> Option<String> {
    let map = value.as_object()?;
    map.get(key).and_then(scalar_text).or_else(|| {
        map.values()
            .filter_map(|v| v.as_object())
            .find_map(|inner| inner.get(key).and_then(scalar_text))
    })
}

fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "service error {} (request id {}): {}: {}",
            self.status,
            self.request_id.as_deref().unwrap_or("-"),
            self.error_code,
            self.error_msg
        )
    }
}

impl StdError for ServiceError {}

/// Why a client could not be built from its configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// Neither an endpoint nor a region was given, and the API names no server.
    MissingEndpoint,
    /// The endpoint is not an absolute `http` or `https` URL.
    InvalidEndpoint(String),
    /// A setting is not usable, e.g. a User-Agent with control characters.
    InvalidSetting(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::MissingEndpoint => f.write_str("no endpoint or region configured"),
            BuildError::InvalidEndpoint(e) => write!(f, "invalid endpoint: {e}"),
            BuildError::InvalidSetting(e) => write!(f, "invalid setting: {e}"),
        }
    }
}

impl StdError for BuildError {}

/// A region id that the API does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRegion {
    id: String,
}

impl UnknownRegion {
    /// The error for `id`.
    pub fn new(id: &str) -> Self {
        UnknownRegion { id: id.to_owned() }
    }

    /// The id that was not recognised.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl fmt::Display for UnknownRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown region `{}`", self.id)
    }
}

impl StdError for UnknownRegion {}
