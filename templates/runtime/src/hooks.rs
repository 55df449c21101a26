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
}

impl<'a> HookRequest<'a> {
    pub(crate) fn new(
        operation: &'static str,
        method: &'a reqwest::Method,
        path_template: &'static str,
        attempt: u32,
        headers: &'a mut Vec<(HeaderName, HeaderValue)>,
    ) -> Self {
        HookRequest {
            operation,
            method,
            path_template,
            attempt,
            headers,
        }
    }

    /// Adds a header to the request.
    pub fn add_header(&mut self, name: HeaderName, value: HeaderValue) {
        self.headers.push((name, value));
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
#[derive(Debug)]
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

/// Why a hook stopped a call.
#[derive(Debug)]
pub struct HookError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl HookError {
    /// An error explaining `message`.
    pub fn new(message: impl Into<String>) -> Self {
        HookError {
            message: message.into(),
            source: None,
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
        }
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
