//! A decoded success response with its status and request id.

use std::ops::Deref;

/// A success response: the decoded body with what the service said about it.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: u16,
    request_id: Option<String>,
    headers: reqwest::header::HeaderMap,
    body: T,
    raw: Vec<u8>,
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
            raw: Vec::new(),
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

    /// The body as received, for what the decoded body leaves out: fields
    /// this client does not know (e.g. from a newer service version). Empty
    /// for text, byte and empty responses, whose body is not decoded.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }
}

impl Response<()> {
    /// The raw body made the body, by `convert`, without copying it.
    pub(crate) fn take_raw<U>(self, convert: impl FnOnce(Vec<u8>) -> U) -> Response<U> {
        Response {
            status: self.status,
            request_id: self.request_id,
            headers: self.headers,
            body: convert(self.raw),
            raw: Vec::new(),
        }
    }
}

impl Response<Vec<u8>> {
    /// Decodes the raw body with `decode`, which sees the status; a failure
    /// is a [`Error::Decode`](super::error::Error::Decode).
    #[doc(hidden)]
    pub fn decode_with<U>(
        self,
        decode: impl FnOnce(u16, &[u8]) -> Result<U, serde_json::Error>,
    ) -> Result<Response<U>, super::error::Error> {
        match decode(self.status, &self.body) {
            Ok(body) => Ok(Response {
                status: self.status,
                request_id: self.request_id,
                headers: self.headers,
                body,
                raw: self.body,
            }),
            Err(source) => Err(super::error::Error::Decode(super::error::DecodeError {
                status: self.status,
                request_id: self.request_id,
                body_excerpt: super::error::excerpt(&String::from_utf8_lossy(&self.body), 512),
                body: self.body,
                source,
            })),
        }
    }
}

/// Decodes a JSON body; an empty body reads as `null`. A body that fails the
/// strict reading is read again converting mismatched scalars (see
/// `lenient`); the strict error is kept when that fails too.
pub fn json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    serde_json::from_slice(body).or_else(|strict| {
        serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .and_then(|value| super::lenient::from_value(&value).ok())
            .ok_or(strict)
    })
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}
