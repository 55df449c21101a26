//! Opt-in retries with exponential backoff and jitter.
//!
//! Off by default: most operations, `POST` ones above all, are not idempotent.
//! By default a policy retries only failures where the request cannot have
//! been processed (no connection was made); the caller may allow more.

use std::time::{Duration, SystemTime};

/// When and how often to try a request again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    retry_timeouts: bool,
    retry_statuses: Vec<u16>,
}

/// Upper bound on attempts, whatever a policy asks for.
pub const MAX_ATTEMPTS: u32 = 10;

impl RetryPolicy {
    /// Up to `max_attempts` attempts in all (at most 10), retrying only
    /// connection failures; backoff starts at 200 ms and is capped at 10 s.
    pub fn connect_failures(max_attempts: u32) -> Self {
        RetryPolicy {
            max_attempts: max_attempts.clamp(1, MAX_ATTEMPTS),
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
            retry_timeouts: false,
            retry_statuses: Vec::new(),
        }
    }

    /// Also retries timeouts. The service may have processed the request.
    pub fn also_timeouts(mut self) -> Self {
        self.retry_timeouts = true;
        self
    }

    /// Also retries these statuses, e.g. `[429, 503]`, waiting as long as
    /// `Retry-After` asks (up to the maximum delay). The service may have
    /// processed the request for other statuses than 429.
    pub fn also_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.retry_statuses.extend(statuses);
        self
    }

    /// First delay before a retry; later ones double (default 200 ms).
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Longest delay between attempts, `Retry-After` included (default 10 s).
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Attempts in all, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    pub(crate) fn retries_timeouts(&self) -> bool {
        self.retry_timeouts
    }

    pub(crate) fn retries_status(&self, status: u16) -> bool {
        self.retry_statuses.contains(&status)
    }

    /// Delay before attempt `attempt + 1` (`attempt` counts from 1): a random
    /// point in the upper half of an exponentially growing window, or what
    /// `Retry-After` asks. `None` when the server asks for longer than the
    /// maximum delay: retrying early would only be refused again.
    pub(crate) fn delay(&self, attempt: u32, retry_after: Option<&str>) -> Option<Duration> {
        if let Some(wait) = retry_after.and_then(parse_retry_after) {
            return (wait <= self.max_delay).then_some(wait);
        }
        let window = self
            .base_delay
            .saturating_mul(1u32 << (attempt.saturating_sub(1)).min(16))
            .min(self.max_delay);
        let millis = u64::try_from(window.as_millis()).unwrap_or(u64::MAX);
        Some(Duration::from_millis(fastrand::u64(
            millis / 2..=millis.max(1),
        )))
    }
}

/// `Retry-After` as delta-seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let policy = RetryPolicy::connect_failures(5).max_delay(Duration::from_secs(1));
        for attempt in 1..=20 {
            assert!(policy
                .delay(attempt, None)
                .is_some_and(|d| d <= Duration::from_secs(1)));
        }
        assert_eq!(policy.delay(1, Some("1")), Some(Duration::from_secs(1)));
        assert_eq!(
            policy.delay(1, Some("3")),
            None,
            "longer than allowed: give up"
        );
        assert_eq!(
            RetryPolicy::connect_failures(50).max_attempts(),
            MAX_ATTEMPTS
        );
    }
}
