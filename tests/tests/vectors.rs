//! Every request captured from the official Python SDK
//! (`tests/vectors/create_task_wire.json`, huaweicloudsdkcore 3.1.219):
//! the signer reproduces canonical request, string to sign and Authorization
//! byte for byte; the client reproduces wire path and query, and surfaces the
//! canned responses as the SDK did.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use huaweicloud_hss::runtime::huawei::signing;
use huaweicloud_hss::types::CreateTaskRequestBody;
use huaweicloud_hss::{AkSk, Client, Credentials, Error};
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn vectors() -> Vec<Value> {
    let text = include_str!("../vectors/create_task_wire.json");
    let all: Value = serde_json::from_str(text).expect("vectors parse");
    all["vectors"].as_array().expect("vectors array").clone()
}

fn text<'v>(v: &'v Value, pointer: &str) -> &'v str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} missing"))
}

/// `20250101T000000Z` → the time it names.
fn parse_sdk_date(date: &str) -> SystemTime {
    let n = |range: std::ops::Range<usize>| date[range].parse::<i64>().expect("digits");
    let (y, m, d) = (n(0..4), n(4..6), n(6..8));
    let (hh, mm, ss) = (n(9..11), n(11..13), n(13..15));
    // Days from civil (H. Hinnant), the inverse of the signer's formatting.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).expect("after 1970"))
}

fn credentials(v: &Value) -> AkSk {
    let input = &v["input"];
    let mut pair = AkSk::new(text(input, "/ak"), text(input, "/sk"))
        .with_project_id(text(input, "/project_id"));
    if let Some(token) = input["security_token"].as_str() {
        pair = pair.with_security_token(token);
    }
    pair
}

fn user_agent(v: &Value) -> String {
    format!(
        "huaweicloud-usdk-python/3.0; {}",
        text(v, "/input/user_agent")
    )
}

#[test]
fn signer_reproduces_every_vector() {
    let all = vectors();
    assert!(all.len() >= 6, "{} vectors", all.len());
    for v in &all {
        let name = text(v, "/name");
        let request = &v["expected"]["request"];
        let url = format!(
            "{}{}",
            text(v, "/expected/sdk_endpoint"),
            text(request, "/target")
        );
        let body = request["body_text"].as_str().map(str::as_bytes);
        let project = text(v, "/input/project_id");
        let agent = user_agent(v);
        let headers = [
            ("User-Agent", agent.as_str()),
            ("Content-Type", "application/json"),
            ("X-Project-Id", project),
        ];
        let date = parse_sdk_date(text(v, "/input/sdk_date"));
        assert_eq!(
            signing::sdk_date(date),
            text(v, "/input/sdk_date"),
            "{name}"
        );
        let signed = signing::sign("POST", &url, &headers, body, &credentials(v), date)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = &v["expected"]["signing"];
        assert_eq!(
            signed.canonical_request,
            text(expected, "/canonical_request"),
            "{name}"
        );
        assert_eq!(
            signed.string_to_sign,
            text(expected, "/string_to_sign"),
            "{name}"
        );
        assert_eq!(
            signed.authorization,
            text(v, "/expected/authorization"),
            "{name}"
        );
        let expected_signed: Vec<&str> = expected["signed_headers"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(signed.signed_headers, expected_signed, "{name}");
        // Every header the SDK sent and signed, we add with the same value.
        for header in request["headers"].as_array().expect("headers") {
            let wire_name = text(header, "/name");
            if let Some((_, value)) = signed
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(wire_name))
            {
                assert_eq!(value, text(header, "/value"), "{name}: {wire_name}");
            }
        }
    }
}

async fn answer(v: &Value) -> MockServer {
    let response = &v["input"]["response"];
    let mut template = ResponseTemplate::new(response["status"].as_u64().expect("status") as u16);
    let mut content_type = "application/json".to_owned();
    for (name, value) in response["headers"].as_object().expect("headers") {
        let value = value.as_str().expect("header value");
        if name.eq_ignore_ascii_case("content-type") {
            content_type = value.to_owned();
        } else {
            template = template.insert_header(name.as_str(), value);
        }
    }
    let body = match &response["body"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template.set_body_raw(body, content_type.as_str()))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn client_reproduces_wire_target_and_outcome() {
    for v in vectors() {
        let name = text(&v, "/name");
        let server = answer(&v).await;
        let date = parse_sdk_date(text(&v, "/input/sdk_date"));
        let client = Client::builder()
            .endpoint(server.uri())
            .credentials(Credentials::AkSk(credentials(&v)))
            .user_agent(&user_agent(&v))
            .clock(move || date)
            .build()
            .expect("client builds");
        let mut call = client.create_task();
        if let Some(ep) = v["input"]["enterprise_project_id"].as_str() {
            call = call.enterprise_project_id(ep);
        }
        let body = v["input"].get("body").cloned();
        let outcome = match body {
            Some(body) => {
                let body: CreateTaskRequestBody =
                    serde_json::from_value(body).expect("body decodes");
                call.body(body).send().await
            }
            // The SDK may send no body; we refuse before sending, so only
            // compare the wire target of the request we would send.
            None => {
                assert!(
                    matches!(call.clone().send().await, Err(Error::InvalidInput(_))),
                    "{name}"
                );
                continue;
            }
        };
        let received = server.received_requests().await.expect("recording");
        let request = &received[0];
        let target = match request.url.query() {
            Some(q) => format!("{}?{q}", request.url.path()),
            None => request.url.path().to_owned(),
        };
        assert_eq!(target, text(&v, "/expected/request/target"), "{name}");
        let sent_agent = request
            .headers
            .get("user-agent")
            .and_then(|h| h.to_str().ok());
        assert_eq!(sent_agent, Some(user_agent(&v).as_str()), "{name}");
        assert_eq!(
            request
                .headers
                .get("x-sdk-date")
                .and_then(|h| h.to_str().ok()),
            Some(text(&v, "/input/sdk_date")),
            "{name}"
        );

        let expected = &v["expected"]["outcome"];
        match (text(expected, "/kind"), outcome) {
            ("response", Ok(response)) => {
                assert_eq!(
                    u64::from(response.status()),
                    expected["status_code"].as_u64().expect("status"),
                    "{name}"
                );
                assert_eq!(
                    response.task_id.as_deref(),
                    expected["fields"]["task_id"].as_str(),
                    "{name}"
                );
            }
            ("exception", Err(Error::Service(e))) => {
                assert_eq!(
                    u64::from(e.status),
                    expected["status_code"].as_u64().expect("status"),
                    "{name}"
                );
                assert_eq!(
                    e.request_id.as_deref(),
                    expected["request_id"].as_str(),
                    "{name}"
                );
                assert_eq!(e.code, text(expected, "/error_code"), "{name}");
                assert_eq!(e.message, text(expected, "/error_msg"), "{name}");
                let class = text(expected, "/class");
                assert_eq!(
                    e.is_server_error(),
                    class == "ServerResponseException",
                    "{name}"
                );
                assert_eq!(
                    e.is_client_error(),
                    class == "ClientRequestException",
                    "{name}"
                );
            }
            (kind, other) => panic!("{name}: expected {kind}, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn client_signature_verifies_on_the_server_side() {
    let v = &vectors()[2]; // temporary credentials: X-Security-Token is signed too
    let server = answer(v).await;
    let pair = credentials(v);
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::AkSk(pair.clone()))
        .build()
        .expect("builds");
    let body: CreateTaskRequestBody =
        serde_json::from_value(v["input"]["body"].clone()).expect("body");
    client
        .create_task()
        .enterprise_project_id("all_granted_eps")
        .body(body)
        .send()
        .await
        .expect("ok");
    let received = server.received_requests().await.expect("recording");
    let request = &received[0];
    let header = |n: &str| {
        request
            .headers
            .get(n)
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned)
    };
    let authorization = header("authorization").expect("signed");
    let signed_list = authorization
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .expect("signed headers");
    assert_eq!(
        signed_list,
        "content-type;host;user-agent;x-project-id;x-sdk-date;x-security-token"
    );
    // Re-sign what the server received, with the headers it received.
    let values: Vec<(String, String)> = signed_list
        .split(';')
        .filter(|n| *n != "x-sdk-date" && *n != "x-security-token")
        .map(|n| (n.to_owned(), header(n).unwrap_or_default()))
        .collect();
    let borrowed: Vec<(&str, &str)> = values
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let date = parse_sdk_date(&header("x-sdk-date").expect("date"));
    let url = format!(
        "{}{}",
        server.uri(),
        request.url[url::Position::BeforePath..].to_owned()
    );
    let expected =
        signing::sign("POST", &url, &borrowed, Some(&request.body), &pair, date).expect("signs");
    assert_eq!(authorization, expected.authorization);
    assert_eq!(
        header("x-security-token").as_deref(),
        pair.security_token().map(|t| t.expose())
    );
}
