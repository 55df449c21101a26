//! Credentials, retries, TLS and broken servers, against real servers on 127.0.0.1.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use huaweicloud_hss::runtime::huawei::signing;
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use huaweicloud_hss::{AkSk, BuildError, Client, Credentials, Error, Region, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const PROJECT: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

fn body() -> CreateClusterScanTask {
    CreateClusterScanTask::new(ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul],
        ClusterScanRangeType::AllCluster,
    ))
}

fn pair() -> AkSk {
    AkSk::new(
        "HPUAEXAMPLEAK0000009",
        "exampleSecretKey0000000000000000000000009",
    )
    .with_project_id(PROJECT)
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(r#"{"task_id":"t"}"#, "application/json")
}

/// A clock that moves one second per reading, so every signature has its own date.
fn ticking_clock() -> impl Fn() -> SystemTime + Send + Sync + 'static {
    let ticks = Arc::new(AtomicU64::new(0));
    move || {
        SystemTime::UNIX_EPOCH
            + Duration::from_secs(1_735_689_600 + ticks.fetch_add(1, Ordering::SeqCst))
    }
}

#[tokio::test]
async fn project_id_comes_from_the_credentials() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(pair().into())
        .build()
        .expect("builds");
    client.create_task().body(body()).send().await.expect("ok");
    let received = server.received_requests().await.expect("recording");
    assert_eq!(received[0].url.path(), format!("/v5/{PROJECT}/common/task"));
    assert_eq!(
        received[0]
            .headers
            .get("x-project-id")
            .and_then(|v| v.to_str().ok()),
        Some(PROJECT)
    );
}

#[tokio::test]
async fn allowed_statuses_are_retried_and_each_attempt_is_signed_afresh() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ok())
        .with_priority(2)
        .mount(&server)
        .await;
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(pair().into())
        .clock(ticking_clock())
        .build()
        .expect("builds");
    let policy = RetryPolicy::connect_failures(3)
        .also_statuses([503])
        .base_delay(Duration::from_millis(1));
    let response = client
        .create_task()
        .body(body())
        .retry(policy)
        .send()
        .await
        .expect("third try");
    assert_eq!(response.status(), 200);

    let received = server.received_requests().await.expect("recording");
    assert_eq!(received.len(), 3);
    let mut dates = Vec::new();
    for request in &received {
        let header = |n: &str| {
            request
                .headers
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        dates.push(header("x-sdk-date"));
        let signed = ["content-type", "host", "user-agent", "x-project-id"].map(|n| (n, header(n)));
        let borrowed: Vec<(&str, &str)> = signed.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let url = format!(
            "{}{}",
            server.uri(),
            &request.url[url::Position::BeforePath..]
        );
        let date = dates.last().map(|d| parse_date(d)).expect("date");
        let expected = signing::sign("POST", &url, &borrowed, Some(&request.body), &pair(), date)
            .expect("signs");
        assert_eq!(header("authorization"), expected.authorization);
    }
    dates.dedup();
    assert_eq!(
        dates.len(),
        3,
        "every attempt has its own X-Sdk-Date: {dates:?}"
    );
}

fn parse_date(date: &str) -> SystemTime {
    // The ticking clock starts at 2025-01-01T00:00:00Z.
    let secs: u64 = date[9..11].parse::<u64>().expect("hh") * 3600
        + date[11..13].parse::<u64>().expect("mm") * 60
        + date[13..15].parse::<u64>().expect("ss");
    assert_eq!(&date[..9], "20250101T");
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_735_689_600 + secs)
}

#[tokio::test]
async fn server_errors_are_not_retried_by_default() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = Client::builder()
        .credentials(Credentials::None)
        .endpoint(server.uri())
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let error = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("503");
    assert!(
        matches!(error, Error::Service(ref e) if e.status == 503),
        "{error:?}"
    );
    // Even with a policy, a 503 after the request was sent is not retried unless allowed.
    let policy = RetryPolicy::connect_failures(5).base_delay(Duration::from_millis(1));
    let error = client
        .create_task()
        .body(body())
        .retry(policy)
        .send()
        .await
        .expect_err("503");
    assert!(matches!(error, Error::Service(_)));
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        2
    );
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ok())
        .with_priority(2)
        .mount(&server)
        .await;
    let client = Client::builder()
        .credentials(Credentials::None)
        .endpoint(server.uri())
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let policy = RetryPolicy::connect_failures(2)
        .also_statuses([429])
        .base_delay(Duration::from_millis(1));
    let started = Instant::now();
    client
        .create_task()
        .body(body())
        .retry(policy)
        .send()
        .await
        .expect("second try");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn connection_failures_are_retried_when_allowed() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    drop(listener); // Nothing listens now: the first attempt is refused.
    let server_task = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let listener = std::net::TcpListener::bind(address).expect("rebind");
        let server = MockServer::builder().listener(listener).start().await;
        Mock::given(any()).respond_with(ok()).mount(&server).await;
        tokio::time::sleep(Duration::from_secs(5)).await;
        server
    });
    let client = Client::builder()
        .credentials(Credentials::None)
        .endpoint(format!("http://{address}"))
        .project_id(PROJECT)
        .retry(RetryPolicy::connect_failures(6).base_delay(Duration::from_millis(200)))
        .build()
        .expect("builds");
    let response = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect("a later attempt connects");
    assert_eq!(response.status(), 200);
    server_task.abort();
}

#[tokio::test]
async fn tls_failures_are_their_own_kind() {
    // A plain-HTTP server on loopback: the TLS handshake cannot succeed.
    let server = MockServer::start().await;
    let address = server.address();
    let client = Client::builder()
        .credentials(Credentials::None)
        .endpoint(format!("https://{address}"))
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let error = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("no TLS there");
    assert!(matches!(error, Error::Tls(_)), "{error:?}");
}

/// A server on loopback that answers every connection with `reply` and closes.
async fn raw_server(reply: &'static [u8]) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        // Bounded: the tests make at most a few connections.
        for _ in 0..8 {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let mut buffer = vec![0u8; 64 * 1024];
            let _ = socket.read(&mut buffer).await;
            let _ = socket.write_all(reply).await;
            let _ = socket.shutdown().await;
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn broken_responses_are_errors_not_panics() {
    let cases: [&'static [u8]; 4] = [
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{\"task_id\":",
        b"this is not HTTP at all\r\n\r\n",
        b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 50\r\n\r\nshort",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>",
    ];
    for reply in cases {
        let endpoint = raw_server(reply).await;
        let client = Client::builder()
            .credentials(Credentials::None)
            .endpoint(endpoint)
            .project_id(PROJECT)
            .build()
            .expect("builds");
        let error = client
            .create_task()
            .body(body())
            .send()
            .await
            .expect_err("broken");
        assert!(
            matches!(error, Error::Transport(_) | Error::Decode(_)),
            "{}: {error:?}",
            String::from_utf8_lossy(reply)
        );
    }
}

#[test]
fn credentials_from_the_environment() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    let full = Credentials::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AK", "AK1"),
        ("HUAWEICLOUD_SDK_SK", "SK1"),
        ("HUAWEICLOUD_SDK_PROJECT_ID", "p1"),
        ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "tok1"),
        ("CLOUD_SDK_AK", "ignored"),
    ]))
    .expect("complete");
    let Credentials::AkSk(pair) = &full else {
        panic!("{full:?}")
    };
    assert_eq!(pair.ak(), "AK1");
    assert_eq!(pair.sk().expose(), "SK1");
    assert_eq!(pair.project_id(), Some("p1"));
    assert_eq!(pair.security_token().map(|t| t.expose()), Some("tok1"));

    let fallback =
        Credentials::from_lookup(env(&[("CLOUD_SDK_AK", "AK2"), ("CLOUD_SDK_SK", "SK2")]))
            .expect("fallback");
    assert!(
        matches!(&fallback, Credentials::AkSk(p) if p.ak() == "AK2" && p.project_id().is_none())
    );

    let missing =
        Credentials::from_lookup(env(&[("HUAWEICLOUD_SDK_AK", "AK3")])).expect_err("no SK");
    assert!(missing.to_string().contains("HUAWEICLOUD_SDK_SK"));
}

#[test]
fn secrets_never_show_in_debug_or_errors() {
    let secret_sk = "SK-very-secret-value";
    let secret_token = "STS-very-secret-token";
    let credentials: Credentials = AkSk::new("HPUAPRIVATEAK", secret_sk)
        .with_security_token(secret_token)
        .into();
    let client = Client::builder()
        .endpoint("http://127.0.0.1:9")
        .credentials(credentials.clone())
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let token_client = Client::builder()
        .endpoint("http://127.0.0.1:9")
        .credentials(Credentials::token(secret_token))
        .build()
        .expect("builds");
    let printed = [
        format!("{credentials:?}"),
        format!("{client:?}"),
        format!("{token_client:?}"),
        format!("{:?}", Client::builder().credentials(credentials.clone())),
    ];
    for text in printed {
        assert!(!text.contains(secret_sk), "{text}");
        assert!(!text.contains(secret_token), "{text}");
        assert!(!text.contains("PRIVATEAK"), "{text}");
    }
    let pair = AkSk::new("AK", secret_sk);
    let signed =
        signing::sign("GET", "https://h/x", &[], None, &pair, SystemTime::now()).expect("signs");
    assert!(!format!("{signed:?}").contains(secret_sk));
    let error = signing::sign("GET", "not a url", &[], None, &pair, SystemTime::now())
        .expect_err("bad url");
    assert!(!error.to_string().contains(secret_sk));
}

#[tokio::test]
async fn region_endpoint_can_come_from_the_environment() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    // Only this test touches this variable.
    std::env::set_var(
        "HUAWEICLOUD_SDK_REGION_HSS_AP_SOUTHEAST_5",
        format!("{},https://unused", server.uri()),
    );
    assert_eq!(Region::ApSoutheast5.resolved_endpoint(), server.uri());
    let client = Client::builder()
        .credentials(Credentials::None)
        .region(Region::ApSoutheast5)
        .project_id(PROJECT)
        .build()
        .expect("builds");
    client
        .create_task()
        .body(body())
        .send()
        .await
        .expect("reaches the local server");
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        1
    );
    assert_eq!(
        Region::CnNorth4.resolved_endpoint(),
        "https://hss.cn-north-4.myhuaweicloud.com"
    );
}

#[tokio::test]
async fn endpoints_are_normalized_or_refused() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let messy = format!("  {}/ \n", server.uri());
    let client = Client::builder()
        .endpoint(messy)
        .credentials(pair().into())
        .build()
        .expect("whitespace and a trailing slash are fine");
    client
        .create_task()
        .body(body())
        .send()
        .await
        .expect("reaches the server");
    let received = server.received_requests().await.expect("recording");
    assert_eq!(received[0].url.path(), format!("/v5/{PROJECT}/common/task"));
    let address = server.address().to_string();
    assert_eq!(
        received[0]
            .headers
            .get("host")
            .and_then(|h| h.to_str().ok()),
        Some(address.as_str())
    );

    for bad in [
        "http://user:secret@127.0.0.1:9",
        // A password may hold what ends an authority elsewhere.
        "http://user:se/cret@127.0.0.1:9",
        "http://user:se?cret@127.0.0.1:9",
        "http://user:se#cret@127.0.0.1:9",
        "user:secret@127.0.0.1:9",
        "//user:secret@127.0.0.1:9",
        "http://127.0.0.1:9/#fragment",
        "http://127.0.0.1:9/?q=1",
        "ftp://127.0.0.1:9",
        "/no/host",
        // A scheme without `//` would be read as a host named `http`.
        "http:/127.0.0.1:9",
        "https:/hss.example.test",
        "http:127.0.0.1:9",
        // A password holding `://` is no scheme.
        "user:se://cret@127.0.0.1:9",
    ] {
        let builder = Client::builder()
            .endpoint(bad)
            .credentials(Credentials::None);
        let debug = format!("{builder:?}");
        assert!(!debug.contains("cret"), "{debug}");
        let error = builder.build().expect_err(bad);
        assert!(!error.to_string().contains("cret"), "{error}");
        assert!(
            matches!(error, BuildError::InvalidEndpoint(_)),
            "{bad}: {error:?}"
        );
    }
    // No scheme means https, as in the official SDKs.
    let core = Client::builder()
        .endpoint("hss.example.test:8443")
        .credentials(Credentials::None)
        .build()
        .expect("builds");
    assert_eq!(core.core().endpoint(), "https://hss.example.test:8443");
}

#[test]
fn a_region_or_endpoint_and_credentials_are_required() {
    let error = Client::builder()
        .credentials(Credentials::None)
        .build()
        .expect_err("no region");
    assert!(
        matches!(error, huaweicloud_hss::BuildError::MissingEndpoint),
        "{error}"
    );
    let in_env = ["HUAWEICLOUD_SDK_AK", "CLOUD_SDK_AK"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    if !in_env {
        let error = Client::builder()
            .region(Region::CnNorth4)
            .build()
            .expect_err("no credentials");
        assert!(
            matches!(error, huaweicloud_hss::BuildError::MissingCredentials(_)),
            "{error}"
        );
    }
}

#[test]
fn signer_reuses_given_date_and_hashes_non_json_as_unsigned() {
    let pair = AkSk::new("AK", "SK");
    let date = SystemTime::UNIX_EPOCH;
    let signed = signing::sign(
        "PUT",
        "https://h.example/upload",
        &[
            ("Content-Type", "application/octet-stream"),
            ("X-Sdk-Date", "20240102T030405Z"),
        ],
        Some(b"\x00\x01binary"),
        &pair,
        date,
    )
    .expect("signs");
    assert!(
        signed.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"),
        "{}",
        signed.canonical_request
    );
    assert!(signed
        .string_to_sign
        .starts_with("SDK-HMAC-SHA256\n20240102T030405Z\n"));
    let added: Vec<&str> = signed.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(added, ["X-Sdk-Content-Sha256", "Host", "Authorization"]);
    assert_eq!(
        signed.signed_headers,
        ["content-type", "host", "x-sdk-content-sha256", "x-sdk-date"]
    );
}
