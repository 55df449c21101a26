//! What every generated request builder shares: the client, the operation's
//! name, this call's options and the sending, written once here instead of
//! once per operation.

use std::future::Future;
use std::pin::Pin;

use serde::de::DeserializeOwned;

use super::client::Core;
use super::encode::path_segment;
use super::error::{Error, InvalidInput};
use super::request::{CallOptions, Request};
use super::response::Response;
use super::validate::invalid;
use reqwest::Method;

/// `Accept` of a call that decodes JSON: JSON first, anything else after
/// (a vendor `+json` type, or an error body).
const JSON: &str = "application/json, */*;q=0.8";
/// `Accept` of a call that reads text.
const TEXT: &str = "text/*, */*;q=0.8";

/// What sending a request returns: a boxed future, so that each operation's
/// `send` is a plain function with a nameable type.
pub type ResponseFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<Response<T>, Error>> + Send + 'a>>;

/// One call of an operation, before its parameters are checked.
#[derive(Debug, Clone)]
pub struct Call<'a> {
    core: &'a Core,
    operation: &'static str,
    method: Method,
    template: &'static str,
    /// Retries, timeout and hooks of this call.
    pub options: CallOptions,
}

impl<'a> Call<'a> {
    /// A call of `operation` (its name in traces and hooks) on `core`:
    /// `method` on the path `template` (e.g. `/v5/{project_id}/common/task`).
    pub fn new(
        core: &'a Core,
        operation: &'static str,
        method: Method,
        template: &'static str,
    ) -> Self {
        Call {
            core,
            operation,
            method,
            template,
            options: CallOptions::default(),
        }
    }

    /// The client-wide value of parameter `name`, see [`Core::default_param`].
    pub fn default_param(&self, name: &str) -> Option<&'a str> {
        self.core.default_param(name)
    }

    /// The request of this call, each `{name}` of the path template replaced
    /// by the next of `values`, percent-encoded.
    pub fn request(&self, values: &[&str]) -> Result<Request, InvalidInput> {
        let mut path = String::with_capacity(self.template.len() + 32);
        let mut rest = self.template;
        let mut values = values.iter();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            let value = values
                .next()
                .ok_or_else(|| invalid(name, "is in the path but has no value"))?;
            path.push_str(&rest[..open]);
            path.push_str(&path_segment(name, value)?);
            rest = &rest[open + close + 1..];
        }
        path.push_str(rest);
        let mut request =
            Request::operation(self.operation, self.template, self.method.clone(), path);
        request.options = self.options.clone();
        Ok(request)
    }

    /// Sends `request` and decodes a JSON success body into `T`.
    pub fn json<T: DeserializeOwned + Send + 'a>(
        &self,
        request: Result<Request, Error>,
    ) -> ResponseFuture<'a, T> {
        let (core, request) = (self.core, self.checked(request).map(|r| r.accept(JSON)));
        Box::pin(async move { core.send_json(request?).await })
    }

    /// Sends `request` and returns the success body as text (lossy UTF-8).
    pub fn text(&self, request: Result<Request, Error>) -> ResponseFuture<'a, String> {
        let (core, request) = (self.core, self.checked(request).map(|r| r.accept(TEXT)));
        Box::pin(async move { core.send_text(request?).await })
    }

    /// Sends `request` and returns the success body as bytes.
    pub fn bytes(&self, request: Result<Request, Error>) -> ResponseFuture<'a, Vec<u8>> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_bytes(request?).await })
    }

    /// Sends `request` and ignores the success body.
    pub fn empty(&self, request: Result<Request, Error>) -> ResponseFuture<'a, ()> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_empty(request?).await })
    }

    /// Sends `request` and decodes a success body with `decode`, which sees the status.
    pub fn with<T: Send + 'a>(
        &self,
        request: Result<Request, Error>,
        decode: impl FnOnce(u16, &[u8]) -> Result<T, serde_json::Error> + Send + 'a,
    ) -> ResponseFuture<'a, T> {
        let (core, request) = (self.core, self.checked(request).map(|r| r.accept(JSON)));
        Box::pin(async move { core.send_with(request?, decode).await })
    }

    /// A request that could not be built is reported like a failed call,
    /// when `send` is called.
    fn checked(&self, request: Result<Request, Error>) -> Result<Request, Error> {
        request.map_err(|e| self.core.refused(self.operation, &self.options, e))
    }
}
