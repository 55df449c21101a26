//! The error bodies the fake answers with, in the `{error_code, error_msg}`
//! shape of Huawei Cloud services and their API gateway.

/// The gateway's code for a request it could not authenticate (401).
pub const AUTH_FAILED: &str = "APIGW.0301";
/// The gateway's code for a path or method no API serves (404).
pub const NO_SUCH_API: &str = "APIGW.0101";
/// The fake's code for a request the task API refuses (400). HSS does not
/// publish its codes; this one is the fake's own.
pub const INVALID_REQUEST: &str = "HSS.0400";
/// The fake's code for a task id it does not know (404), its own like
/// [`INVALID_REQUEST`].
pub const TASK_NOT_FOUND: &str = "HSS.0404";

/// A refusal: status, code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ApiError {
    pub(super) status: u16,
    pub(super) code: &'static str,
    pub(super) message: String,
}

impl ApiError {
    pub(super) fn invalid(message: impl Into<String>) -> Self {
        ApiError {
            status: 400,
            code: INVALID_REQUEST,
            message: message.into(),
        }
    }

    pub(super) fn task_not_found(task_id: &str) -> Self {
        ApiError {
            status: 404,
            code: TASK_NOT_FOUND,
            message: format!("task {task_id} does not exist"),
        }
    }

    pub(super) fn unauthorized(reason: &str) -> Self {
        ApiError {
            status: 401,
            code: AUTH_FAILED,
            message: format!("Incorrect IAM authentication information: {reason}"),
        }
    }

    pub(super) fn no_such_api() -> Self {
        ApiError {
            status: 404,
            code: NO_SUCH_API,
            message: "The API does not exist or has not been published in the environment"
                .to_owned(),
        }
    }

    pub(super) fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: 500,
            code: "HSS.0500",
            message: message.into(),
        }
    }

    /// `{"error_code": …, "error_msg": …}`.
    pub(super) fn body(&self) -> String {
        serde_json::json!({ "error_code": self.code, "error_msg": self.message }).to_string()
    }
}
