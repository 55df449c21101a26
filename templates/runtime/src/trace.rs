//! `tracing` spans: one per call (`clientgen.call`) and one per attempt
//! (`clientgen.attempt`). Fields are chosen so that no secret, signature,
//! query value, filled-in path or body is ever recorded.

use std::future::Future;
use std::time::Duration;

use tracing::field::{debug, Empty};
use tracing::Instrument as _;

/// A span, or nothing when the `tracing` feature is off.
pub(crate) struct Span(tracing::Span);

/// The span of one call.
pub(crate) fn call(
    operation: &'static str,
    method: &str,
    host: &str,
    path_template: &'static str,
) -> Span {
    Span(tracing::info_span!(
        "clientgen.call",
        operation,
        method,
        host,
        path = path_template,
        status = Empty,
        request_id = Empty,
        attempts = Empty,
        error = Empty,
        latency_ms = Empty,
    ))
}

/// The span of one attempt of a call.
pub(crate) fn attempt(number: u32) -> Span {
    Span(tracing::info_span!(
        "clientgen.attempt",
        attempt = number,
        status = Empty,
        request_id = Empty,
        retry_reason = Empty,
        latency_ms = Empty,
    ))
}

impl Span {
    pub(crate) fn record_response(&self, status: u16, request_id: Option<&str>) {
        self.0.record("status", status);
        if let Some(id) = request_id {
            // Debug-formatted: a server's text cannot forge log lines.
            self.0.record("request_id", debug(id));
        }
    }

    pub(crate) fn record_retry(&self, reason: &'static str, delay: Duration) {
        self.0.record("retry_reason", reason);
        tracing::info!(
            parent: &self.0,
            reason,
            delay_ms = delay.as_millis() as u64,
            "retrying"
        );
    }

    pub(crate) fn record_attempts(&self, attempts: u32) {
        self.0.record("attempts", attempts);
    }

    pub(crate) fn record_error(&self, kind: &'static str) {
        self.0.record("error", kind);
    }

    pub(crate) fn record_latency(&self, latency: Duration) {
        self.0.record("latency_ms", latency.as_secs_f64() * 1000.0);
    }

    /// Runs `future` inside this span.
    pub(crate) fn instrument<F: Future>(&self, future: F) -> impl Future<Output = F::Output> {
        future.instrument(self.0.clone())
    }
}
