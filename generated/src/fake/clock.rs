//! Time in the fake: tokio's clock drives scans, and the wall clock of the
//! fake's start anchors the millisecond timestamps the API returns.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// Milliseconds since the Unix epoch of tokio instants: the wall clock when
/// the fake started, moved on by tokio's clock (so paused time moves it too).
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    started: Instant,
    started_ms: i64,
}

impl Clock {
    pub(super) fn new() -> Self {
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        Clock {
            started: Instant::now(),
            started_ms: millis(since_epoch),
        }
    }

    pub(super) fn ms(&self, at: Instant) -> i64 {
        self.started_ms
            .saturating_add(millis(at.saturating_duration_since(self.started)))
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// When a new scan runs: it waits until `start`, then ends at `ends`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    pub(super) created: Instant,
    pub(super) start: Instant,
    pub(super) ends: Instant,
}
