//! Polling until something is done, with backoff and a deadline.

use std::future::Future;
use std::time::Duration;

// Tokio's clock, so tests that pause time see the deadline pass too.
use tokio::time::Instant;

use super::error::Error;

/// The shortest delay between polls.
const MIN_DELAY: Duration = Duration::from_millis(10);

/// How to poll until a state is reached: the first delay doubles after each
/// poll up to a maximum (with jitter, so many waiters do not poll in step),
/// and an overall deadline ends the wait with [`Error::WaitTimeout`].
///
/// Waiting spawns nothing: dropping the future stops it, and no poll is
/// made after that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiter {
    first_delay: Duration,
    max_delay: Duration,
    deadline: Duration,
}

impl Waiter {
    /// Waits at most `deadline`, polling after 1 s, 2 s, 4 s… up to every 30 s.
    pub fn new(deadline: Duration) -> Self {
        Waiter {
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
            deadline,
        }
    }

    /// The delay before the second poll (at least 10 ms, so a wait never
    /// turns into a busy loop), and the longest delay between polls.
    pub fn delays(mut self, first: Duration, max: Duration) -> Self {
        self.first_delay = first.max(MIN_DELAY);
        self.max_delay = max.max(self.first_delay);
        self
    }

    /// The overall deadline.
    pub fn deadline(&self) -> Duration {
        self.deadline
    }

    /// Calls `poll` until it returns `Some`, or an error, or the deadline
    /// passes (a poll still running then is abandoned).
    pub async fn until<T, F, Fut>(&self, mut poll: F) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>, Error>>,
    {
        let start = Instant::now();
        let timed_out = |polls| Error::WaitTimeout {
            waited: start.elapsed(),
            polls,
        };
        let mut delay = self.first_delay;
        let mut polls = 0u32;
        loop {
            let left = self.deadline.saturating_sub(start.elapsed());
            if left.is_zero() {
                return Err(timed_out(polls));
            }
            polls = polls.saturating_add(1);
            match tokio::time::timeout(left, poll()).await {
                Ok(Ok(Some(done))) => return Ok(done),
                Ok(Ok(None)) => {}
                Ok(Err(error)) => return Err(error),
                Err(_) => return Err(timed_out(polls)),
            }
            let left = self.deadline.saturating_sub(start.elapsed());
            // Sleep between half and all of `delay`, never past the deadline.
            let half = delay / 2;
            let jitter = half.mul_f64(fastrand::f64());
            tokio::time::sleep((half + jitter).min(left)).await;
            delay = delay.saturating_mul(2).min(self.max_delay);
        }
    }
}
