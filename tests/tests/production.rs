//! The runtime in production, against real servers on 127.0.0.1: tracing
//! spans, hooks, proxies, TLS settings (extra roots, client certificates,
//! no verification), per-call timeouts and an application's own HTTP client.

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use huaweicloud_hss::runtime::huawei::signing;
use huaweicloud_hss::runtime::reqwest;
use huaweicloud_hss::runtime::reqwest::header::{HeaderName, HeaderValue};
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use huaweicloud_hss::{
    AkSk, Client, Credentials, Error, Hook, HookError, HookRequest, HookResponse, HttpSettings,
    RetryPolicy,
};
use integration::{canned_server, ok_response, serve};
use tokio::net::TcpListener;
use tracing_subscriber::layer::{Context, SubscriberExt as _};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const PROJECT: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const AK: &str = "HPUAPRODUCTIONAK00001";
const SK: &str = "productionSecretKey000000000000000000001";
const TOKEN: &str = "security-token-value-0001";

fn pair() -> AkSk {
    AkSk::new(AK, SK)
        .with_security_token(TOKEN)
        .with_project_id(PROJECT)
}

fn body() -> CreateClusterScanTask {
    CreateClusterScanTask::new(
        ClusterScanInfo::new(
            vec![ClusterScanType::ClusterVul],
            ClusterScanRangeType::AllCluster,
        )
        .with_cluster_id_list(vec!["cluster-in-the-body".to_owned()]),
    )
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("x-request-id", "rid-ok")
        .set_body_raw(r#"{"task_id":"t"}"#, "application/json")
}

/// Records every span, field and event a subscriber is shown, as text.
struct Capture(Arc<Mutex<String>>);

struct Fields<'a>(&'a mut String);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl<S: tracing::Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(
        &self,
        attrs: &tracing::span::Attributes<'_>,
        id: &tracing::span::Id,
        ctx: Context<'_, S>,
    ) {
        let parent = ctx
            .span(id)
            .and_then(|span| span.parent())
            .map_or("none", |parent| parent.name());
        if let Ok(mut text) = self.0.lock() {
            let _ = write!(text, "\nspan {} parent={parent}", attrs.metadata().name());
            attrs.record(&mut Fields(&mut text));
        }
    }

    fn on_record(
        &self,
        id: &tracing::span::Id,
        values: &tracing::span::Record<'_>,
        ctx: Context<'_, S>,
    ) {
        let name = ctx.span(id).map_or("?", |s| s.name());
        if let Ok(mut text) = self.0.lock() {
            let _ = write!(text, "\nrecord {name}");
            values.record(&mut Fields(&mut text));
        }
    }

    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if let Ok(mut text) = self.0.lock() {
            let _ = write!(text, "\nevent {}", event.metadata().target());
            event.record(&mut Fields(&mut text));
        }
    }
}

#[tokio::test]
async fn calls_and_attempts_are_traced_without_secrets() {
    let captured = Arc::new(Mutex::new(String::new()));
    let subscriber = tracing_subscriber::registry().with(Capture(Arc::clone(&captured)));
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503).insert_header("x-request-id", "rid-busy"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::AkSk(pair()))
        .build()
        .expect("builds");
    let policy = RetryPolicy::connect_failures(3)
        .also_statuses([503])
        .base_delay(Duration::from_millis(1));
    // Other tests of this binary meet the same callsites on other threads
    // with no subscriber; one that registered a callsite while this
    // subscriber was being registered leaves it cached as "never" (seen
    // under load): recompute every callsite's interest now.
    tracing::callsite::rebuild_interest_cache();
    client
        .create_task()
        .enterprise_project_id("enterprise-project-in-the-query")
        .body(body())
        .retry(policy)
        .send()
        .await
        .expect("second attempt succeeds");

    let text = captured.lock().expect("capture").clone();
    let host = server.uri().trim_start_matches("http://").to_owned();
    for expected in [
        "span clientgen.call parent=none operation=\"CreateTask\" method=\"POST\"".to_owned(),
        format!("host=\"{host}\" path=\"/v5/{{project_id}}/common/task\""),
        "span clientgen.attempt parent=clientgen.call attempt=1".to_owned(),
        "record clientgen.attempt status=503".to_owned(),
        "record clientgen.attempt request_id=\"rid-busy\"".to_owned(),
        "record clientgen.attempt latency_ms=".to_owned(),
        "record clientgen.attempt retry_reason=\"status\"".to_owned(),
        "span clientgen.attempt parent=clientgen.call attempt=2".to_owned(),
        "record clientgen.call attempts=2".to_owned(),
        "record clientgen.call status=200".to_owned(),
        "record clientgen.call request_id=\"rid-ok\"".to_owned(),
        "record clientgen.call latency_ms=".to_owned(),
        "reason=\"status\"".to_owned(),
    ] {
        assert!(text.contains(&expected), "missing `{expected}` in:{text}");
    }
    for secret in [
        AK,
        SK,
        TOKEN,
        "Signature",
        "SDK-HMAC",
        PROJECT,
        "enterprise-project-in-the-query",
        "cluster-in-the-body",
    ] {
        assert!(!text.contains(secret), "`{secret}` was traced:{text}");
    }
}

/// Adds a header, records what it sees, and can be told to fail.
#[derive(Debug, Default)]
struct Recorder {
    name: &'static str,
    seen: Arc<Mutex<Vec<String>>>,
    fail_before: bool,
    fail_after: bool,
    /// A header name to add instead of `x-hook-<name>`.
    header: Option<&'static str>,
}

impl Hook for Recorder {
    fn before_send(&self, request: &mut HookRequest<'_>) -> Result<(), HookError> {
        self.note(format!(
            "{} before {} #{}",
            self.name, request.operation, request.attempt
        ));
        if self.fail_before {
            return Err(HookError::new("quota exhausted"));
        }
        let name = match self.header {
            Some(raw) => raw.to_owned(),
            None => format!("x-hook-{}", self.name),
        };
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| HookError::from_source("bad name", e))?;
        request.add_header(name, HeaderValue::from_static("trace-1"))
    }

    fn after_response(&self, response: &HookResponse<'_>) -> Result<(), HookError> {
        self.note(format!("{} after {}", self.name, response.status));
        if self.fail_after {
            return Err(HookError::new("unexpected status"));
        }
        Ok(())
    }

    fn on_error(&self, operation: &str, error: &Error) {
        self.note(format!("{} error {operation} {}", self.name, error.kind()));
    }
}

impl Recorder {
    fn note(&self, line: String) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.push(line);
        }
    }
}

#[tokio::test]
async fn hooks_add_signed_headers_and_see_every_outcome() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let date = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_288_000);
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::AkSk(pair()))
        .clock(move || date)
        .hook(Recorder {
            name: "client",
            seen: Arc::clone(&seen),
            ..Recorder::default()
        })
        .build()
        .expect("builds");
    client
        .create_task()
        .body(body())
        .hook(Recorder {
            name: "call",
            seen: Arc::clone(&seen),
            ..Recorder::default()
        })
        .send()
        .await
        .expect("ok");
    assert_eq!(
        *seen.lock().expect("seen"),
        [
            "client before CreateTask #1",
            "call before CreateTask #1",
            "client after 200",
            "call after 200",
        ]
    );

    // The header the hooks added is signed: the signature covers it.
    let received = server.received_requests().await.expect("recording");
    let request = &received[0];
    let header = |n: &str| {
        request
            .headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("x-hook-client"), "trace-1");
    assert_eq!(header("x-hook-call"), "trace-1");
    let authorization = header("authorization");
    assert!(
        authorization.contains("x-hook-call;x-hook-client"),
        "{authorization}"
    );
    let names = [
        "content-type",
        "host",
        "user-agent",
        "x-hook-call",
        "x-hook-client",
        "x-project-id",
        "x-sdk-date",
        "x-security-token",
    ];
    let values: Vec<(&str, String)> = names.iter().map(|n| (*n, header(n))).collect();
    let borrowed: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let url = format!("{}{}", server.uri(), request.url.path());
    let expected =
        signing::sign("POST", &url, &borrowed, Some(&request.body), &pair(), date).expect("signs");
    assert_eq!(authorization, expected.authorization);
}

#[tokio::test]
async fn failing_hooks_are_typed_errors() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::token("iam"))
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let refused = Recorder {
        name: "gate",
        seen: Arc::clone(&seen),
        fail_before: true,
        ..Recorder::default()
    };
    let error = client
        .create_task()
        .body(body())
        .hook(refused)
        .send()
        .await
        .expect_err("stopped");
    assert!(matches!(&error, Error::Hook(e) if e.to_string().contains("quota exhausted")));
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty(),
        "nothing sent"
    );

    let after = Recorder {
        name: "check",
        seen: Arc::clone(&seen),
        fail_after: true,
        ..Recorder::default()
    };
    let error = client
        .create_task()
        .body(body())
        .hook(after)
        .send()
        .await
        .expect_err("stopped");
    assert_eq!(error.kind(), "hook");
    // The service answered: the error says so, so nobody repeats the call blindly.
    assert_eq!(
        (error.status(), error.request_id()),
        (Some(200), Some("rid-ok"))
    );
    assert_eq!(
        *seen.lock().expect("seen"),
        [
            "gate before CreateTask #1",
            "gate error CreateTask hook",
            "check before CreateTask #1",
            "check after 200",
            "check error CreateTask hook",
        ]
    );
}

#[tokio::test]
async fn a_call_can_have_its_own_timeout() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ok().set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = Client::builder()
        .endpoint(server.uri())
        .anonymous()
        .project_id(PROJECT)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("builds");
    let started = std::time::Instant::now();
    let error = client
        .create_task()
        .body(body())
        .timeout(Duration::from_millis(200))
        .send()
        .await
        .expect_err("times out");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

/// A forward proxy for plain HTTP: records each request (absolute-form
/// request line included) and answers it itself.
async fn proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let (address, seen) = canned_server(ok_response(r#"{"task_id":"via-proxy"}"#)).await;
    (format!("http://{address}"), seen)
}

#[tokio::test]
async fn requests_go_through_a_configured_proxy() {
    let (proxy_url, seen) = proxy().await;
    // The endpoint's name does not resolve: only the proxy can deliver.
    let client = Client::builder()
        .endpoint("http://hss.example.invalid")
        .credentials(Credentials::token("iam"))
        .project_id(PROJECT)
        .http(
            HttpSettings::new()
                .proxy(proxy_url)
                .pool_max_idle_per_host(2),
        )
        .build()
        .expect("builds");
    let response = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect("via the proxy");
    assert_eq!(response.task_id.as_deref(), Some("via-proxy"));
    let seen = seen.lock().expect("seen");
    assert!(
        seen[0].starts_with(&format!(
            "POST http://hss.example.invalid/v5/{PROJECT}/common/task HTTP/1.1\r\n"
        )),
        "{}",
        seen[0]
    );
}

#[tokio::test]
async fn invalid_settings_fail_the_build() {
    let bad_pem = Client::builder()
        .endpoint("https://hss.example.test")
        .anonymous()
        .http(HttpSettings::new().add_root_certificates_pem("not a certificate"))
        .build()
        .expect_err("no certificate");
    assert!(
        bad_pem.to_string().contains("root certificates"),
        "{bad_pem}"
    );
    let both = Client::builder()
        .endpoint("https://hss.example.test")
        .anonymous()
        .http(HttpSettings::new())
        .http_client(reqwest::Client::new())
        .build()
        .expect_err("ambiguous");
    assert!(both.to_string().contains("not both"), "{both}");
    let proxy = Client::builder()
        .endpoint("https://hss.example.test")
        .anonymous()
        .http(HttpSettings::new().proxy("http://user:pass word@[::1"))
        .build()
        .expect_err("bad proxy");
    assert!(!proxy.to_string().contains("pass"), "{proxy}");
}

fn tls_file(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tls")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An HTTPS server on 127.0.0.1 with the test CA's server certificate;
/// with `client_ca`, it requires a client certificate from that CA.
async fn tls_server(require_client_certificate: bool) -> String {
    use rustls::pki_types::pem::PemObject as _;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let chain: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(&tls_file("server.pem"))
            .collect::<Result<_, _>>()
            .expect("server certificate");
    let key = PrivateKeyDer::from_pem_slice(&tls_file("server.key")).expect("server key");
    let builder = rustls::ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .expect("protocols");
    let builder = if require_client_certificate {
        let mut roots = rustls::RootCertStore::empty();
        for ca in CertificateDer::pem_slice_iter(&tls_file("ca.pem")) {
            roots.add(ca.expect("CA")).expect("CA added");
        }
        let verifier =
            rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .expect("verifier");
        builder.with_client_cert_verifier(verifier)
    } else {
        builder.with_no_client_auth()
    };
    let config = builder.with_single_cert(chain, key).expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address").to_string();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                if let Ok(stream) = acceptor.accept(stream).await {
                    let response = ok_response(r#"{"task_id":"tls"}"#);
                    serve(stream, response, Arc::default()).await;
                }
            });
        }
    });
    format!("https://{address}")
}

fn tls_client(endpoint: &str, settings: HttpSettings) -> Client {
    Client::builder()
        .endpoint(endpoint)
        .credentials(Credentials::token("iam"))
        .project_id(PROJECT)
        .http(settings)
        .build()
        .expect("builds")
}

#[tokio::test]
async fn extra_roots_client_certificates_and_no_verification() {
    let endpoint = tls_server(false).await;
    let untrusted = tls_client(&endpoint, HttpSettings::new());
    let error = untrusted
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("unknown CA");
    assert!(matches!(error, Error::Tls(_)), "{error:?}");

    let trusted = tls_client(
        &endpoint,
        HttpSettings::new().add_root_certificates_pem(tls_file("ca.pem")),
    );
    let response = trusted
        .create_task()
        .body(body())
        .send()
        .await
        .expect("trusted CA");
    assert_eq!(response.task_id.as_deref(), Some("tls"));

    let unverified = tls_client(
        &endpoint,
        HttpSettings::new().danger_accept_invalid_certificates(),
    );
    unverified
        .create_task()
        .body(body())
        .send()
        .await
        .expect("not verified");

    let mutual = tls_server(true).await;
    let anonymous = tls_client(
        &mutual,
        HttpSettings::new().add_root_certificates_pem(tls_file("ca.pem")),
    );
    anonymous
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("the server wants a certificate");
    let identified = tls_client(
        &mutual,
        HttpSettings::new()
            .add_root_certificates_pem(tls_file("ca.pem"))
            .client_identity_pem(tls_file("client-identity.pem")),
    );
    let response = identified
        .create_task()
        .body(body())
        .send()
        .await
        .expect("mutual TLS");
    assert_eq!(response.task_id.as_deref(), Some("tls"));
}

#[tokio::test]
async fn an_application_client_is_shared_by_generated_clients() {
    let (address, seen) = canned_server(ok_response(r#"{"task_id":"shared"}"#)).await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-application", HeaderValue::from_static("inventory"));
    let shared = reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("application client");
    let hss = Client::builder()
        .endpoint(format!("http://{address}"))
        .credentials(Credentials::token("iam"))
        .project_id(PROJECT)
        .http_client(shared.clone())
        .build()
        .expect("builds");
    let other = auth_fixture_client::Client::builder()
        .endpoint(format!("http://{address}"))
        .http_client(shared)
        .build()
        .expect("builds");
    hss.create_task().body(body()).send().await.expect("ok");
    other.public().send().await.expect("ok");
    let seen = seen.lock().expect("seen");
    assert_eq!(seen.len(), 2);
    assert!(
        seen.iter().all(|r| r.contains("x-application: inventory")),
        "{seen:?}"
    );
}

#[tokio::test]
async fn hooks_cannot_add_headers_that_authentication_owns() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::AkSk(pair()))
        .build()
        .expect("builds");
    for header in [
        "authorization",
        "host",
        "x-sdk-date",
        "x-security-token",
        "content-type",
    ] {
        let hook = Recorder {
            name: "bad",
            header: Some(header),
            ..Recorder::default()
        };
        let error = client
            .create_task()
            .body(body())
            .hook(hook)
            .send()
            .await
            .expect_err(header);
        assert!(
            matches!(&error, Error::Hook(e) if e.to_string().contains(header)),
            "{header}: {error:?}"
        );
    }
    let token_client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::token("iam"))
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let hook = Recorder {
        name: "bad",
        header: Some("x-auth-token"),
        ..Recorder::default()
    };
    let error = token_client
        .create_task()
        .body(body())
        .hook(hook)
        .send()
        .await
        .expect_err("token");
    assert!(matches!(error, Error::Hook(_)), "{error:?}");
    assert!(server
        .received_requests()
        .await
        .expect("recording")
        .is_empty());
}

#[tokio::test]
async fn every_failed_call_reaches_on_error_once() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_raw(r#"{"error_code":"HSS.5"}"#, "application/json"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"{"task_id":[5]}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::token("iam"))
        .project_id(PROJECT)
        .hook(Recorder {
            name: "watch",
            seen: Arc::clone(&seen),
            ..Recorder::default()
        })
        .build()
        .expect("builds");
    let service = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("500");
    assert_eq!(service.kind(), "service");
    let decode = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("an array for a string");
    assert_eq!(decode.kind(), "decode");
    let invalid = client.create_task().send().await.expect_err("no body");
    assert_eq!(invalid.kind(), "invalid_input");
    let errors: Vec<String> = seen
        .lock()
        .expect("seen")
        .iter()
        .filter(|l| l.contains(" error "))
        .cloned()
        .collect();
    assert_eq!(
        errors,
        [
            "watch error CreateTask service",
            "watch error CreateTask decode",
            "watch error CreateTask invalid_input",
        ]
    );
}

#[tokio::test]
async fn the_call_timeout_applies_to_each_attempt() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ok().set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = Client::builder()
        .endpoint(server.uri())
        .anonymous()
        .project_id(PROJECT)
        .build()
        .expect("builds");
    let started = std::time::Instant::now();
    let error = client
        .create_task()
        .body(body())
        .timeout(Duration::from_millis(200))
        .retry(
            RetryPolicy::connect_failures(2)
                .also_timeouts()
                .base_delay(Duration::from_millis(1)),
        )
        .send()
        .await
        .expect_err("times out twice");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        2
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_own_client_keeps_its_timeouts() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ok().set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let own = reqwest::Client::builder()
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client");
    let client = Client::builder()
        .endpoint(server.uri())
        .anonymous()
        .project_id(PROJECT)
        .http_client(own.clone())
        .build()
        .expect("builds");
    let started = std::time::Instant::now();
    let error = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("its timeout");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    let conflict = Client::builder()
        .endpoint(server.uri())
        .anonymous()
        .http_client(own)
        .connect_timeout(Duration::from_secs(1))
        .build()
        .expect_err("the client's own setting");
    assert!(
        conflict.to_string().contains("connect timeout"),
        "{conflict}"
    );
}

#[tokio::test]
async fn proxy_passwords_stay_out_of_errors_and_debug_output() {
    let settings = HttpSettings::new().proxy("http://user:proxy-password@127.0.0.1:1");
    assert!(!format!("{settings:?}").contains("proxy-password"));
    let client = Client::builder()
        .endpoint("http://hss.example.invalid")
        .anonymous()
        .project_id(PROJECT)
        .http(settings)
        .build()
        .expect("builds");
    assert!(!format!("{client:?}").contains("proxy-password"));
    let error = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("no proxy there");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("proxy-password"), "{shown}");
}
