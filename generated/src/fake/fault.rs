//! Faults a test injects: an error answer, a delay, a dropped connection.

use std::collections::VecDeque;
use std::time::Duration;

/// What the fake does instead of (or before) answering normally, for the
/// next [`times`](Fault::times) requests (default 1), optionally only those
/// of one operation ([`only`](Fault::only)).
///
/// ```
/// use std::time::Duration;
/// use huaweicloud_hss::fake::Fault;
///
/// // Two 503s for ListTasks, each after 50 ms.
/// let busy = Fault::status(503, r#"{"error_code":"HSS.0503","error_msg":"busy"}"#)
///     .header("Retry-After", "0")
///     .after(Duration::from_millis(50))
///     .times(2)
///     .only("ListTasks");
/// # let _ = busy;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a fault does nothing until it is injected"]
pub struct Fault {
    pub(super) action: Action,
    pub(super) delay: Duration,
    times: u32,
    operation: Option<String>,
}

/// What happens once the delay is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Action {
    /// The normal answer.
    Answer,
    /// This answer instead.
    Respond {
        status: u16,
        body: String,
        headers: Vec<(String, String)>,
    },
    /// The connection is closed without an answer.
    DropConnection,
}

impl Fault {
    fn new(action: Action) -> Self {
        Fault {
            action,
            delay: Duration::ZERO,
            times: 1,
            operation: None,
        }
    }

    /// Answers with `status` and `body`, sent as is: any JSON error shape,
    /// plain text or HTML. The `Content-Type` is guessed from the body
    /// (JSON, HTML, text) unless [`header`](Fault::header) sets it. A status
    /// HTTP cannot carry (below 100 or above 999) is sent as 500.
    pub fn status(status: u16, body: impl Into<String>) -> Self {
        Fault::new(Action::Respond {
            status,
            body: body.into(),
            headers: Vec::new(),
        })
    }

    /// Answers normally, but only after `delay` (tokio's clock).
    pub fn delay(delay: Duration) -> Self {
        Fault::new(Action::Answer).after(delay)
    }

    /// Closes the connection without answering, once the request is read.
    pub fn drop_connection() -> Self {
        Fault::new(Action::DropConnection)
    }

    /// Waits `delay` before acting (answering, or dropping the connection).
    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Acts on this many requests (default 1; `u32::MAX` is as good as
    /// always). 0 makes the fault do nothing.
    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    /// Acts only on requests of this operation, by its id in the spec:
    /// `CreateTask`, `ListTasks`, `ListTaskResources`, `ShowTaskStatistics`
    /// or `RetryTask`.
    pub fn only(mut self, operation: impl Into<String>) -> Self {
        self.operation = Some(operation.into());
        self
    }

    /// Adds a header to an error answer, e.g. `Retry-After` (replacing one
    /// the fake would send, `X-Request-Id` included). Names or values HTTP
    /// cannot carry are left out; ignored unless the fault is [`Fault::status`].
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        if let Action::Respond { headers, .. } = &mut self.action {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

/// Injected faults, oldest first.
#[derive(Debug, Default)]
pub(super) struct Faults(VecDeque<Fault>);

impl Faults {
    pub(super) fn push(&mut self, fault: Fault) {
        if fault.times > 0 {
            self.0.push_back(fault);
        }
    }

    /// The oldest fault for a request of `operation` (`None`: no known
    /// operation), used up once it has acted `times` times.
    pub(super) fn take(&mut self, operation: Option<&str>) -> Option<Fault> {
        let index = self.0.iter().position(|fault| {
            fault.operation.is_none() || fault.operation.as_deref() == operation
        })?;
        let fault = self.0.get_mut(index)?;
        fault.times = fault.times.saturating_sub(1);
        let acting = fault.clone();
        if fault.times == 0 {
            self.0.remove(index);
        }
        Some(acting)
    }
}

/// The `Content-Type` a test most likely means for `body`.
pub(super) fn guess_content_type(body: &str) -> Option<&'static str> {
    let start = body.trim_start();
    if start.is_empty() {
        None
    } else if start.starts_with('{') || start.starts_with('[') {
        Some("application/json")
    } else if start.starts_with('<') {
        Some("text/html; charset=utf-8")
    } else {
        Some("text/plain; charset=utf-8")
    }
}
