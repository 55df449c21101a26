//! Sends the cases of every HSS task operation with the generated client, for
//! the differential test against the official Python SDK
//! (`tests/differential/`).
//!
//! Reads a JSON array of cases from the file named by the first argument and
//! prints one JSON outcome per line, in order. Each case names its
//! `operation`, and either a `region` (its endpoint comes from
//! `HUAWEICLOUD_SDK_REGION_HSS_<ID>`, which the harness points at its capture
//! server) or an `endpoint`. Parameters a case leaves out are not set, so
//! required ones left out are refused as invalid input, as a user would see.

use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use huaweicloud_hss::types::{
    CreateTaskRequestBody, ListTaskResourcesRequestBody, ListTasksRequestBody,
    RetryTaskRequestBody, TaskType,
};
use huaweicloud_hss::{AkSk, Client, Error, Region, Response};
use serde_json::{json, Value};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: hss-diff-driver CASES.json")?;
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    for case in &cases {
        let outcome = match run(case).await {
            Ok(outcome) | Err(outcome) => outcome,
        };
        println!("{outcome}");
    }
    Ok(())
}

fn text<'c>(case: &'c Value, key: &str) -> Option<&'c str> {
    case.get(key).and_then(Value::as_str)
}

fn setup(error: impl ToString) -> Value {
    json!({"kind": "setup", "error": error.to_string()})
}

// `body!` and `as_json!` are macros rather than generic functions because
// this crate does not depend on serde itself, so it cannot name the bounds.

/// The case's body as the operation's typed body `$ty`, if it has one.
macro_rules! body {
    ($case:expr, $ty:ty) => {
        $case
            .get("body")
            .map(|body| serde_json::from_value::<$ty>(body.clone()).map_err(setup))
            .transpose()?
    };
}

/// A success body as JSON, for [`outcome`].
macro_rules! as_json {
    () => {
        |body| Some(serde_json::to_value(body).unwrap_or_else(setup))
    };
}

/// An `int32` query parameter, if the case has it.
fn int32(case: &Value, key: &str) -> Result<Option<i32>, Value> {
    case.get(key)
        .map(|v| {
            v.as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| setup(format!("{key} {v} is not an int32")))
        })
        .transpose()
}

fn client(case: &Value) -> Result<Client, Value> {
    let mut pair = AkSk::new(
        text(case, "ak").unwrap_or_default(),
        text(case, "sk").unwrap_or_default(),
    )
    .with_project_id(text(case, "project_id").unwrap_or_default());
    if let Some(token) = text(case, "security_token") {
        pair = pair.with_security_token(token);
    }
    let date = UNIX_EPOCH + Duration::from_secs(case["sdk_epoch"].as_u64().unwrap_or(0));
    let mut builder = Client::builder()
        .credentials(pair.into())
        .user_agent(text(case, "wire_user_agent").unwrap_or_default())
        .clock(move || -> SystemTime { date });
    builder = match (text(case, "region"), text(case, "endpoint")) {
        (Some(id), _) => builder.region(Region::from_str(id).map_err(setup)?),
        (None, Some(endpoint)) => builder.endpoint(endpoint),
        (None, None) => return Err(setup("no region or endpoint")),
    };
    builder.build().map_err(setup)
}

/// Sets an optional parameter of a request builder when the case has it.
macro_rules! set {
    ($call:ident, $setter:ident, $value:expr) => {
        if let Some(value) = $value {
            $call = $call.$setter(value);
        }
    };
}

async fn run(case: &Value) -> Result<Value, Value> {
    let client = client(case)?;
    let ep = text(case, "enterprise_project_id");
    let task_id = text(case, "task_id");
    Ok(match text(case, "operation").unwrap_or_default() {
        "CreateTask" => {
            let mut call = client.create_task();
            set!(call, enterprise_project_id, ep);
            set!(call, body, body!(case, CreateTaskRequestBody));
            outcome(call.send().await, as_json!())
        }
        "ListTasks" => {
            let mut call = client.list_tasks();
            set!(call, enterprise_project_id, ep);
            set!(call, offset, int32(case, "offset")?);
            set!(call, limit, int32(case, "limit")?);
            set!(call, body, body!(case, ListTasksRequestBody));
            outcome(call.send().await, as_json!())
        }
        "ListTaskResources" => {
            let mut call = client.list_task_resources();
            set!(call, task_id, task_id);
            set!(call, enterprise_project_id, ep);
            set!(call, offset, int32(case, "offset")?);
            set!(call, limit, int32(case, "limit")?);
            set!(call, body, body!(case, ListTaskResourcesRequestBody));
            outcome(call.send().await, as_json!())
        }
        "ShowTaskStatistics" => {
            let mut call = client.show_task_statistics();
            set!(call, enterprise_project_id, ep);
            set!(call, task_type, text(case, "task_type").map(TaskType::from));
            outcome(call.send().await, as_json!())
        }
        "RetryTask" => {
            let mut call = client.retry_task();
            set!(call, task_id, task_id);
            set!(call, enterprise_project_id, ep);
            set!(call, body, body!(case, RetryTaskRequestBody));
            // A success has no body: only its status and request id are compared.
            outcome(call.send().await, |_| None)
        }
        other => return Err(setup(format!("unknown operation {other:?}"))),
    })
}

/// How a call surfaced: a success (with its body as `body` makes it, if
/// any), an error from the service, invalid input refused before sending, or
/// anything else.
fn outcome<T>(result: Result<Response<T>, Error>, body: impl FnOnce(&T) -> Option<Value>) -> Value {
    match result {
        Ok(response) => {
            let mut value = json!({
                "kind": "response",
                "status": response.status(),
                "request_id": response.request_id(),
            });
            if let Some(body) = body(&response) {
                value["body"] = body;
            }
            value
        }
        Err(Error::Service(e)) => json!({
            "kind": "service_error",
            "class": if e.is_server_error() { "server" } else { "client" },
            "status": e.status,
            "request_id": e.request_id,
            "error_code": e.code,
            "error_msg": e.message,
            "encoded_authorization_message": e.detail("encoded_authorization_message"),
        }),
        Err(Error::InvalidInput(e)) => json!({
            "kind": "invalid_input",
            "field": e.field,
            "problem": e.problem,
        }),
        Err(Error::Decode(e)) => {
            json!({"kind": "decode", "status": e.status, "error": e.to_string()})
        }
        Err(other) => json!({"kind": "other", "error": other.to_string()}),
    }
}
