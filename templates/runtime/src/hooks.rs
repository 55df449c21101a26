//! Hooks: code of the application's own that runs around every attempt, to
//! add headers, record metrics or log, set on a client or on one call.

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::error::Error;

/// Runs around each request a client sends.
///
/// Every method has a default that does nothing, so a hook implements only
/// what it needs. Hooks never see credentials: `before_send` runs before
/// authentication is added and requests are signed, so headers it adds are
/// covered by the signature.
pub trait Hook: Send + Sync + fmt::Debug {
    /// Before each attempt is authenticated and sent; may add headers.
    /// An error stops the call: nothing is sent.
    fn before_send(&self, request: &mut HookRequest<'_>) -> Result<(), HookError> {
        let _ = request;
        Ok(())
    }

    /// After each attempt that got a response, success or not, before its
    /// body is decoded. An error fails the call.
    fn after_response(&self, response: &HookResponse<'_>) -> Result<(), HookError> {
        let _ = response;
        Ok(())
    }

    /// Once per failed call, with the error the caller receives.
    fn on_error(&self, operation: &str, error: &Error) {
        let _ = (operation, error);
    }
}

/// A request as a [`Hook`] sees it before it is sent.
#[non_exhaustive]
pub struct HookRequest<'a> {
    /// The operation, e.g. `create_task`.
    pub operation: &'static str,
    /// HTTP method.
    pub method: &'a reqwest::Method,
    /// The path template of the operation, e.g. `/v5/{project_id}/common/task`.
    pub path_template: &'static str,
    /// The attempt, counting from 1.
    pub attempt: u32,
    headers: &'a mut Vec<(HeaderName, HeaderValue)>,
    reserved: &'a [&'a str],
}

/// Headers a hook may not add: the transport, authentication and signing own them.
const RESERVED: &[&str] = &[
    "authorization",
    "content-length",
    "content-type",
    "cookie",
    "host",
    "proxy-authorization",
    "transfer-encoding",
];

impl<'a> HookRequest<'a> {
    pub(crate) fn new(
        operation: &'static str,
        method: &'a reqwest::Method,
        path_template: &'static str,
        attempt: u32,
        headers: &'a mut Vec<(HeaderName, HeaderValue)>,
        reserved: &'a [&'a str],
    ) -> Self {
        HookRequest {
            operation,
            method,
            path_template,
            attempt,
            headers,
            reserved,
        }
    }

    /// Adds a header to the request. A header the request already has, or
    /// one that authentication, signing or the transport sets (`Authorization`,
    /// `Host`, `Cookie`, `Content-Type`, `X-Sdk-Date`, an API key's header, …),
    /// is refused: sent twice, it would confuse the server or break the signature.
    pub fn add_header(&mut self, name: HeaderName, value: HeaderValue) -> Result<(), HookError> {
        let taken = RESERVED.contains(&name.as_str())
            || self
                .reserved
                .iter()
                .any(|r| r.eq_ignore_ascii_case(name.as_str()))
            || self.headers.iter().any(|(n, _)| *n == name);
        if taken {
            return Err(HookError::new(format!(
                "the header `{name}` is already set or reserved"
            )));
        }
        self.headers.push((name, value));
        Ok(())
    }

    /// The names of the headers set so far.
    pub fn header_names(&self) -> impl Iterator<Item = &HeaderName> {
        self.headers.iter().map(|(name, _)| name)
    }
}

impl fmt::Debug for HookRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookRequest")
            .field("operation", &self.operation)
            .field("method", self.method)
            .field("path_template", &self.path_template)
            .field("attempt", &self.attempt)
            .finish_non_exhaustive()
    }
}

/// A response as a [`Hook`] sees it.
#[non_exhaustive]
pub struct HookResponse<'a> {
    /// The operation, e.g. `create_task`.
    pub operation: &'static str,
    /// The attempt, counting from 1.
    pub attempt: u32,
    /// HTTP status code.
    pub status: u16,
    /// Response headers.
    pub headers: &'a HeaderMap,
    /// The `X-Request-Id` response header.
    pub request_id: Option<&'a str>,
    /// Time from sending the attempt to the whole body being read.
    pub latency: Duration,
}

impl fmt::Debug for HookResponse<'_> {
    // Response headers may carry cookies or tokens: names only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(HeaderName::as_str).collect();
        f.debug_struct("HookResponse")
            .field("operation", &self.operation)
            .field("attempt", &self.attempt)
            .field("status", &self.status)
            .field("headers", &names)
            .field("request_id", &self.request_id)
            .field("latency", &self.latency)
            .finish()
    }
}

/// Why a hook stopped a call. When `after_response` fails, the call ends
/// there (no retry), and the error keeps the response's status and request
/// id: the service may have acted on the request.
#[derive(Debug)]
pub struct HookError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
    response: Option<(u16, Option<String>)>,
}

impl HookError {
    /// An error explaining `message`.
    pub fn new(message: impl Into<String>) -> Self {
        HookError {
            message: message.into(),
            source: None,
            response: None,
        }
    }

    /// An error caused by `source`.
    pub fn from_source(
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        HookError {
            message: message.into(),
            source: Some(Box::new(source)),
            response: None,
        }
    }

    /// The status of the response the hook rejected, if it rejected one.
    pub fn status(&self) -> Option<u16> {
        self.response.as_ref().map(|(status, _)| *status)
    }

    /// The request id of the response the hook rejected.
    pub fn request_id(&self) -> Option<&str> {
        self.response.as_ref().and_then(|(_, id)| id.as_deref())
    }

    pub(crate) fn for_response(mut self, status: u16, request_id: Option<String>) -> Self {
        self.response = Some((status, request_id));
        self
    }
}

impl fmt::Display for HookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a hook stopped the call: {}", self.message)
    }
}

impl std::error::Error for HookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// A shared hook, so the application keeps a handle on it (e.g. to read
/// the metrics it collects).
impl<H: Hook + ?Sized> Hook for std::sync::Arc<H> {
    fn before_send(&self, request: &mut HookRequest<'_>) -> Result<(), HookError> {
        (**self).before_send(request)
    }

    fn after_response(&self, response: &HookResponse<'_>) -> Result<(), HookError> {
        (**self).after_response(response)
    }

    fn on_error(&self, operation: &str, error: &Error) {
        (**self).on_error(operation, error);
    }
}
