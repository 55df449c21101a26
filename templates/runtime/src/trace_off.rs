//! The spans of `trace.rs` when the `tracing` feature is off: nothing.

use std::future::Future;
use std::time::Duration;

pub(crate) struct Span;

pub(crate) fn call(_: &'static str, _: &str, _: &str, _: &'static str) -> Span {
    Span
}

pub(crate) fn attempt(_: u32) -> Span {
    Span
}

impl Span {
    pub(crate) fn record_response(&self, _: u16, _: Option<&str>) {}
    pub(crate) fn record_retry(&self, _: &'static str, _: Duration) {}
    pub(crate) fn record_attempts(&self, _: u32) {}
    pub(crate) fn record_error(&self, _: &'static str) {}
    pub(crate) fn record_latency(&self, _: Duration) {}

    pub(crate) fn instrument<F: Future>(&self, future: F) -> F {
        future
    }
}
