//! One request as generated operations describe it, before it is sent.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use reqwest::Method;

use super::encode::Query;
use super::error::Error;
use super::hooks::Hook;
use super::retry::RetryPolicy;
use super::validate::invalid;

/// One request, its path already encoded.
#[derive(Debug, Clone)]
pub struct Request {
    /// HTTP method.
    pub method: Method,
    /// Path below the endpoint, each parameter value percent-encoded.
    pub path: String,
    /// Query parameters.
    pub query: Query,
    /// Headers from header parameters.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Cookies from cookie parameters, values percent-encoded.
    pub cookies: Vec<(String, String)>,
    /// Body bytes and their content type, if any.
    pub body: Option<(String, Vec<u8>)>,
    /// Values of client-wide parameters this call used, for signers.
    pub scope: Vec<(&'static str, String)>,
    /// The operation's own security alternatives, when they differ from the API's.
    pub security: Option<super::client::Security>,
    /// The operation's name, for hooks and traces (e.g. `create_task`).
    pub operation: &'static str,
    /// The operation's path template, for hooks and traces.
    pub path_template: &'static str,
    /// Retries, timeout and hooks of this call.
    pub options: CallOptions,
}

/// What one call may set for itself: retries, a timeout, hooks.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) hooks: Vec<Arc<dyn Hook>>,
}

impl CallOptions {
    /// Retries for this call, replacing the client's policy.
    pub fn retry(&mut self, policy: RetryPolicy) {
        self.retry = Some(policy);
    }

    /// Time allowed for each attempt of this call, replacing the client's.
    pub fn timeout(&mut self, timeout: Duration) {
        self.timeout = Some(timeout);
    }

    /// A hook for this call, run after the client's hooks.
    pub fn hook(&mut self, hook: impl Hook + 'static) {
        self.hooks.push(Arc::new(hook));
    }
}

impl Request {
    /// Asks for the media types the call can decode (`Accept`), so a server
    /// that offers several (JSON and XML, say) picks one the client reads.
    pub(crate) fn accept(mut self, media_types: &'static str) -> Self {
        if !self
            .headers
            .iter()
            .any(|(name, _)| name == reqwest::header::ACCEPT)
        {
            self.headers.push((
                reqwest::header::ACCEPT,
                HeaderValue::from_static(media_types),
            ));
        }
        self
    }

    /// A request of the operation `operation` (path template `template`).
    pub fn operation(
        operation: &'static str,
        template: &'static str,
        method: Method,
        path: String,
    ) -> Self {
        Request {
            operation,
            path_template: template,
            ..Request::new(method, path)
        }
    }

    /// A request without parameters or body.
    pub fn new(method: Method, path: String) -> Self {
        Request {
            method,
            path,
            query: Query::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            body: None,
            scope: Vec::new(),
            security: None,
            operation: "",
            path_template: "",
            options: CallOptions::default(),
        }
    }

    /// Serializes `body` as the JSON body, sent as `application/json`.
    pub fn json<T: serde::Serialize>(&mut self, path: &str, body: &T) -> Result<(), Error> {
        self.json_as("application/json", path, body)
    }

    /// Serializes `body` as JSON sent with `content_type` (e.g. `application/merge-patch+json`).
    pub fn json_as<T: serde::Serialize>(
        &mut self,
        content_type: &str,
        path: &str,
        body: &T,
    ) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            Error::InvalidInput(invalid(path, format!("cannot be serialized: {e}")))
        })?;
        self.body = Some((content_type.to_owned(), bytes));
        Ok(())
    }

    /// Sends `body` as `application/x-www-form-urlencoded`.
    pub fn form<T: serde::Serialize>(&mut self, body: &T) -> Result<(), Error> {
        let bytes = super::encode::form(body)?;
        self.body = Some(("application/x-www-form-urlencoded".to_owned(), bytes));
        Ok(())
    }

    /// Sends a finished multipart body.
    pub fn multipart(&mut self, form: super::encode::Multipart) {
        let (content_type, bytes) = form.finish();
        self.body = Some((content_type, bytes));
    }

    /// Sends raw bytes with `content_type`.
    pub fn raw(&mut self, content_type: &str, bytes: Vec<u8>) {
        self.body = Some((content_type.to_owned(), bytes));
    }

    /// Adds a header parameter; values that cannot be a header are invalid input.
    /// `name` must be a lower-case HTTP token (the generator checks this).
    pub fn header(&mut self, name: &'static str, value: &str) -> Result<(), Error> {
        let header = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidInput(invalid(name, "is not a valid header name")))?;
        let value = HeaderValue::from_str(value.trim()).map_err(|_| {
            Error::InvalidInput(invalid(name, "contains characters not allowed in a header"))
        })?;
        self.headers.push((header, value));
        Ok(())
    }

    /// Adds a cookie parameter; only what a cookie value may not hold
    /// (controls, space, `"`, `,`, `;`, `\`, `%`, non-ASCII) is percent-encoded.
    pub fn cookie(&mut self, name: &str, value: impl ToString) {
        let value = super::encode::cookie_value(&value.to_string());
        self.cookies.push((name.to_owned(), value));
    }

    /// Records the value used for the client-wide parameter `name`.
    pub fn scope(&mut self, name: &'static str, value: &str) {
        self.scope.push((name, value.to_owned()));
    }
}
