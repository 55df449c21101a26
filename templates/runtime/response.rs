//! A decoded success response with its status and request id.

use std::ops::Deref;

/// A success response: the decoded body with what the service said about it.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: u16,
    request_id: Option<String>,
    headers: reqwest::header::HeaderMap,
    body: T,
}

impl<T> Response<T> {
    pub(crate) fn new(
        status: u16,
        request_id: Option<String>,
        headers: reqwest::header::HeaderMap,
        body: T,
    ) -> Self {
        Response {
            status,
            request_id,
            headers,
            body,
        }
    }

    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `X-Request-Id` header, the id to quote when asking for support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// All response headers.
    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// Takes the decoded body.
    pub fn into_body(self) -> T {
        self.body
    }
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}
