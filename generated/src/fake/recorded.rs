//! What the fake remembers of each request, for tests to assert on.

use super::routes::query_pairs;

/// A request the fake received, whatever became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The operation id in the spec (`ListTasks`, …); `None` when the
    /// method and path are no operation of the task API.
    pub operation: Option<String>,
    /// HTTP method.
    pub method: String,
    /// Path as received, percent-encoded.
    pub path: String,
    /// Query as received, percent-encoded, without `?`.
    pub query: String,
    /// Body (lossy UTF-8).
    pub body: String,
    /// Whether its token or signature was accepted.
    pub authenticated: bool,
    /// The `X-Request-Id` the fake gave it (not sent when the connection was dropped).
    pub request_id: String,
}

impl RecordedRequest {
    /// The decoded value of query parameter `name`, if present.
    pub fn query_param(&self, name: &str) -> Option<String> {
        query_pairs(&self.query)
            .into_iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }

    /// The body as JSON, if it is JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }
}
