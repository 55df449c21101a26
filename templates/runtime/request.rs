//! One request as generated operations describe it, before it is sent.

use reqwest::header::{HeaderName, HeaderValue};
use reqwest::Method;

use super::encode::{component, Query};
use super::error::Error;
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
    /// JSON body bytes, if any.
    pub json_body: Option<Vec<u8>>,
    /// The project the request acts on, sent as `X-Project-Id` when signing.
    pub project_id: Option<String>,
    /// Retries for this request, replacing the client's policy.
    pub retry: Option<RetryPolicy>,
}

impl Request {
    /// A request without parameters or body.
    pub fn new(method: Method, path: String) -> Self {
        Request {
            method,
            path,
            query: Query::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            json_body: None,
            project_id: None,
            retry: None,
        }
    }

    /// Serializes `body` as the JSON body.
    pub fn json<T: serde::Serialize>(&mut self, path: &str, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            Error::InvalidInput(invalid(path, format!("cannot be serialized: {e}")))
        })?;
        self.json_body = Some(bytes);
        Ok(())
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

    /// Adds a cookie parameter, its value percent-encoded.
    pub fn cookie(&mut self, name: &str, value: impl ToString) {
        self.cookies
            .push((name.to_owned(), component(&value.to_string())));
    }

    /// Records a value that stands for the client's scope (`project_id`).
    pub fn scope(&mut self, name: &str, value: &str) {
        if name == "project_id" {
            self.project_id = Some(value.to_owned());
        }
    }
}
