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
    /// The operation needs credentials the client was not given; nothing was sent.
    MissingCredentials(MissingCredentials),
    /// A [`Hook`](super::Hook) stopped the call.
    Hook(super::HookError),
    /// No connection could be made (DNS, refused, unreachable).
    Connect(reqwest::Error),
    /// The TLS handshake failed, e.g. the certificate is not trusted.
    Tls(reqwest::Error),
    /// The connect or request timeout elapsed.
    Timeout(reqwest::Error),
    /// The connection failed after it was made, or the request could not be built.
    Transport(reqwest::Error),
    /// The service answered with success but the body is not what the API describes.
    Decode(DecodeError),
    /// The service answered with an error status.
    Service(Box<ServiceError>),
    /// The response body is longer than the client reads.
    ResponseTooLarge {
        /// HTTP status code.
        status: u16,
        /// The `X-Request-Id` response header.
        request_id: Option<String>,
        /// Bytes read before giving up.
        limit: usize,
    },
    /// A [`Waiter`](super::Waiter)'s deadline passed before the awaited
    /// state was reached; the last poll's answer was "not yet".
    WaitTimeout {
        /// Time spent waiting.
        waited: std::time::Duration,
        /// Polls made.
        polls: u32,
    },
}

impl Error {
    /// True when the service answered with success: the request was carried
    /// out even though its response could not be read, so retrying it (a
    /// create, say) may do it twice.
    pub fn server_accepted(&self) -> bool {
        match self {
            Error::Decode(_) => true,
            Error::ResponseTooLarge { status, .. } => (200..300).contains(status),
            _ => false,
        }
    }

    /// The HTTP status of the response, if one was received.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Decode(e) => Some(e.status),
            Error::Service(e) => Some(e.status),
            Error::ResponseTooLarge { status, .. } => Some(*status),
            Error::Hook(e) => e.status(),
            _ => None,
        }
    }

    /// The `X-Request-Id` of the response, if one was received.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Decode(e) => e.request_id.as_deref(),
            Error::Service(e) => e.request_id.as_deref(),
            Error::ResponseTooLarge { request_id, .. } => request_id.as_deref(),
            Error::Hook(e) => e.request_id(),
            _ => None,
        }
    }

    /// A short name of the kind, e.g. `timeout`, for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) => "invalid_input",
            Error::MissingCredentials(_) => "missing_credentials",
            Error::Hook(_) => "hook",
            Error::Connect(_) => "connect",
            Error::Tls(_) => "tls",
            Error::Timeout(_) => "timeout",
            Error::Transport(_) => "transport",
            Error::Decode(_) => "decode",
            Error::Service(_) => "service",
            Error::ResponseTooLarge { .. } => "response_too_large",
            Error::WaitTimeout { .. } => "wait_timeout",
        }
    }

    pub(crate) fn from_reqwest(mut error: reqwest::Error) -> Self {
        // The URL may carry an API key or other values in its query.
        if let Some(url) = error.url_mut() {
            url.set_query(None);
        }
        if error.is_timeout() {
            Error::Timeout(error)
        } else if is_tls(&error) {
            Error::Tls(error)
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
            Error::MissingCredentials(e) => e.fmt(f),
            Error::Hook(e) => e.fmt(f),
            Error::Connect(e) => write!(f, "connection failed: {e}"),
            Error::Tls(e) => write!(f, "TLS handshake failed: {e}"),
            Error::Timeout(e) => write!(f, "timed out: {e}"),
            Error::Transport(e) => write!(f, "transport error: {e}"),
            Error::Decode(e) => e.fmt(f),
            Error::Service(e) => e.fmt(f),
            Error::ResponseTooLarge { status, limit, .. } => {
                write!(
                    f,
                    "response body (status {status}) is longer than {limit} bytes"
                )
            }
            Error::WaitTimeout { waited, polls } => write!(
                f,
                "gave up waiting after {:.1} s ({polls} polls)",
                waited.as_secs_f64()
            ),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::InvalidInput(e) => Some(e),
            Error::MissingCredentials(e) => Some(e),
            Error::Hook(e) => Some(e),
            Error::Connect(e) | Error::Tls(e) | Error::Timeout(e) | Error::Transport(e) => Some(e),
            Error::Decode(e) => Some(e),
            Error::Service(e) => Some(e),
            Error::ResponseTooLarge { .. } | Error::WaitTimeout { .. } => None,
        }
    }
}

/// True when a rustls error is somewhere in the cause chain.
fn is_tls(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn StdError + 'static)> = Some(error);
    // Cause chains are short; the bound only guards against a cyclic chain.
    for _ in 0..32 {
        let Some(current) = source else { return false };
        if current.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        // `io::Error::source` skips the wrapped error itself; `get_ref` reaches it.
        source = match current.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn StdError + 'static)),
            None => current.source(),
        };
    }
    false
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

/// A success response whose body could not be decoded: the service accepted
/// and carried out the request, so sending it again may do it twice.
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// HTTP status code.
    pub status: u16,
    /// The `X-Request-Id` response header.
    pub request_id: Option<String>,
    /// The start of the body, for diagnosis.
    pub body_excerpt: String,
    /// The whole body as received.
    pub body: Vec<u8>,
    /// Why decoding failed.
    pub source: serde_json::Error,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the service accepted the request (status {}, request id {}) but its response could not be decoded: {}",
            self.status,
            Printable(self.request_id.as_deref().unwrap_or("-")),
            // serde quotes an unknown variant or field name as the server sent it.
            Printable(&self.source.to_string())
        )
    }
}

impl StdError for DecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.source)
    }
}

/// An error status returned by the service, with the details it gave.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServiceError {
    /// HTTP status code (3xx, 4xx or 5xx).
    pub status: u16,
    /// The `X-Request-Id` response header.
    pub request_id: Option<String>,
    /// Error code from the body, or the status code when the body has none.
    pub code: String,
    /// Error message from the body, or the raw body text when it has none.
    pub message: String,
    /// Further fields the API's error format defines, by name.
    pub details: Vec<(String, String)>,
    /// The response body (at most 16 MiB), for decoding a documented error type.
    pub body: Vec<u8>,
}

impl fmt::Debug for ServiceError {
    // The body can be large; its length is enough in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceError")
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("details", &self.details)
            .field("body_len", &self.body.len())
            .finish()
    }
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

    /// Decodes the body as one of the error types the API documents.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The detail `name`, e.g. `encoded_authorization_message`.
    pub fn detail(&self, name: &str) -> Option<&str> {
        self.details
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The error for a response, its body read by `parser`. A missing or
    /// empty code becomes the status; a missing or empty message becomes the
    /// body text (at most 64 Ki characters).
    pub fn from_response(
        status: u16,
        request_id: Option<String>,
        body: &[u8],
        parser: &dyn ErrorParser,
    ) -> Self {
        let fields = parser.parse(body);
        let code = fields
            .code
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| status.to_string());
        let message = fields
            .message
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| excerpt(&String::from_utf8_lossy(body), MAX_MESSAGE_CHARS));
        ServiceError {
            status,
            request_id,
            code,
            message,
            details: fields.details,
            body: body.to_vec(),
        }
    }
}

/// What an [`ErrorParser`] found in an error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorFields {
    /// The error code, if the body has one.
    pub code: Option<String>,
    /// The error message, if the body has one.
    pub message: Option<String>,
    /// Further named fields.
    pub details: Vec<(String, String)>,
}

impl ErrorFields {
    /// Fields with `code` and `message`.
    pub fn new(code: Option<String>, message: Option<String>) -> Self {
        ErrorFields {
            code,
            message,
            details: Vec::new(),
        }
    }
}

/// Reads the code and message out of an error response body: an API's error
/// format. Implement it for a vendor whose errors have their own shape.
pub trait ErrorParser: Send + Sync + fmt::Debug {
    /// The fields found in `body` (any bytes; not necessarily JSON).
    fn parse(&self, body: &[u8]) -> ErrorFields;
}

/// The common JSON error shapes: `{code, message}`, `{error: {code, message}}`,
/// `{error, error_description}` (OAuth 2.0) and `{title, detail}` (RFC 9457).
#[derive(Debug, Clone, Copy, Default)]
pub struct CommonErrors;

impl ErrorParser for CommonErrors {
    fn parse(&self, body: &[u8]) -> ErrorFields {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(body) else {
            return ErrorFields::default();
        };
        let text = |map: &serde_json::Map<String, serde_json::Value>, key: &str| {
            map.get(key).and_then(scalar_text)
        };
        let (code, message) = match map.get("error") {
            Some(serde_json::Value::Object(inner)) => (
                text(inner, "code").or_else(|| text(inner, "type")),
                text(inner, "message"),
            ),
            Some(error) => (scalar_text(error), text(&map, "error_description")),
            None => (
                text(&map, "code").or_else(|| text(&map, "title")),
                text(&map, "message").or_else(|| text(&map, "detail")),
            ),
        };
        ErrorFields::new(code, message.or_else(|| text(&map, "message")))
    }
}

/// Longest raw body kept as an error message.
const MAX_MESSAGE_CHARS: usize = 64 * 1024;

/// Text of a JSON scalar; `null` and containers have none.
fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// At most `max` characters of `text`.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

impl fmt::Display for ServiceError {
    // The server's text is shown with control characters escaped, so it
    // cannot forge lines in a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "service error {} (request id {}): {}: {}",
            self.status,
            Printable(self.request_id.as_deref().unwrap_or("-")),
            Printable(&self.code),
            Printable(&self.message)
        )
    }
}

/// Text with control, line-separator and direction-changing characters
/// written as escapes, so a server cannot forge or reorder log lines.
struct Printable<'a>(&'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            let unsafe_in_logs = c.is_control()
                || matches!(
                    c,
                    '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}'
                )
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if unsafe_in_logs {
                write!(f, "{}", c.escape_default())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

impl StdError for ServiceError {}

/// No credentials were configured for any security alternative an operation
/// accepts; nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingCredentials {
    /// The accepted alternatives, each a list of security scheme names.
    pub alternatives: Vec<Vec<&'static str>>,
}

impl fmt::Display for MissingCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let options: Vec<String> = self
            .alternatives
            .iter()
            .map(|all| all.join(" + "))
            .collect();
        write!(
            f,
            "no credentials for this operation; it accepts: {}",
            options.join(" or ")
        )
    }
}

impl StdError for MissingCredentials {}

/// Why a client could not be built from its configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// Neither an endpoint nor a region was given, and the API names no single server.
    MissingEndpoint,
    /// The API needs credentials; none were given and the environment has none.
    MissingCredentials(String),
    /// Credentials were given for a security scheme the API does not declare.
    UnknownScheme(String),
    /// The endpoint is not an absolute `http` or `https` URL.
    InvalidEndpoint(String),
    /// A setting is not usable, e.g. a User-Agent with control characters.
    InvalidSetting(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::MissingEndpoint => f.write_str("no endpoint or region configured"),
            BuildError::MissingCredentials(why) => write!(f, "no credentials: {why}"),
            BuildError::UnknownScheme(id) => write!(f, "the API has no security scheme `{id}`"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    enum Closed {
        #[serde(rename = "a")]
        A,
    }

    /// Text the server chose (here an unknown variant serde quotes raw)
    /// cannot add log lines or reorder them.
    #[test]
    fn server_text_in_errors_is_escaped() {
        let body = "\"x\\nINFO forged\\u202e\"";
        let source = serde_json::from_str::<Closed>(body).expect_err("unknown variant");
        assert!(
            source.to_string().contains('\n'),
            "serde quotes raw: {source}"
        );
        let error = DecodeError {
            status: 200,
            request_id: Some("r\u{2028}id".to_owned()),
            body_excerpt: body.to_owned(),
            body: body.as_bytes().to_vec(),
            source,
        };
        let shown = error.to_string();
        assert!(shown.contains("x\\nINFO forged\\u{202e}"), "{shown}");
        assert!(shown.contains("r\\u{2028}id"), "{shown}");
        assert!(!shown.contains(['\n', '\u{202e}', '\u{2028}']), "{shown:?}");
    }
}
