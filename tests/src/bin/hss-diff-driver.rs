//! Sends CreateTask cases with the generated client, for the differential
//! test against the official Python SDK (`tests/differential/`).
//!
//! Reads a JSON array of cases from the file named by the first argument and
//! prints one JSON outcome per line, in order. Each case names either a
//! `region` (its endpoint comes from `HUAWEICLOUD_SDK_REGION_HSS_<ID>`, which
//! the harness points at its capture server) or an `endpoint`.

use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use huaweicloud_hss::types::CreateTaskRequestBody;
use huaweicloud_hss::{AkSk, Client, Error, Region};
use serde_json::{json, Value};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: hss-diff-driver CASES.json")?;
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    for case in &cases {
        println!("{}", run(case).await);
    }
    Ok(())
}

fn text<'c>(case: &'c Value, key: &str) -> Option<&'c str> {
    case.get(key).and_then(Value::as_str)
}

async fn run(case: &Value) -> Value {
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
        (Some(id), _) => match Region::from_str(id) {
            Ok(region) => builder.region(region),
            Err(e) => return json!({"kind": "setup", "error": e.to_string()}),
        },
        (None, Some(endpoint)) => builder.endpoint(endpoint),
        (None, None) => return json!({"kind": "setup", "error": "no region or endpoint"}),
    };
    let client = match builder.build() {
        Ok(client) => client,
        Err(e) => return json!({"kind": "setup", "error": e.to_string()}),
    };
    let body: CreateTaskRequestBody = match serde_json::from_value(case["body"].clone()) {
        Ok(body) => body,
        Err(e) => return json!({"kind": "setup", "error": e.to_string()}),
    };
    let mut call = client.create_task().body(body);
    if let Some(ep) = text(case, "enterprise_project_id") {
        call = call.enterprise_project_id(ep);
    }
    match call.send().await {
        Ok(response) => json!({
            "kind": "response",
            "status": response.status(),
            "request_id": response.request_id(),
            "task_id": response.task_id,
        }),
        Err(Error::Service(e)) => json!({
            "kind": "service_error",
            "class": if e.is_server_error() { "server" } else { "client" },
            "status": e.status,
            "request_id": e.request_id,
            "error_code": e.code,
            "error_msg": e.message,
            "encoded_authorization_message": e.detail("encoded_authorization_message"),
        }),
        Err(other) => json!({"kind": "other", "error": other.to_string()}),
    }
}
