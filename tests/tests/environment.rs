//! Credentials come from the environment only where the spec names the
//! variables. One test in its own process, since it sets variables.

use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Every variable a Huawei Cloud client would read.
const HUAWEI_ENV: &[(&str, &str)] = &[
    ("HUAWEICLOUD_SDK_AK", "LEAKED-AK"),
    ("HUAWEICLOUD_SDK_SK", "LEAKED-SK"),
    ("CLOUD_SDK_AK", "LEAKED-AK2"),
    ("CLOUD_SDK_SK", "LEAKED-SK2"),
    ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "LEAKED-TOKEN"),
    ("HUAWEICLOUD_SDK_PROJECT_ID", "LEAKED-PROJECT"),
    ("AUTH_FIXTURE_TOKEN", "env-token"),
];

#[tokio::test]
async fn only_spec_named_variables_are_read() {
    for (name, value) in HUAWEI_ENV {
        std::env::set_var(name, value);
    }
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    // A spec without `security`: nothing is read, nothing is sent.
    let plain = snapshots::params::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    plain
        .get_file()
        .user_id(7)
        .name("a")
        .x_trace_id("t")
        .send()
        .await
        .expect("ok");
    let received = server.received_requests().await.expect("recording");
    let request = received.last().expect("sent");
    for (name, _) in request.headers.iter() {
        let name = name.as_str();
        assert!(
            ![
                "authorization",
                "x-sdk-date",
                "x-security-token",
                "x-project-id",
                "x-auth-token"
            ]
            .contains(&name),
            "a spec without security sent `{name}`"
        );
    }
    let everything = format!("{:?} {:?}", request.headers, request.url);
    assert!(!everything.contains("LEAKED"), "{everything}");

    // `x-env` names a variable: that one is read, and only for its scheme.
    let auth = auth_fixture_client::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    auth.whoami().send().await.expect("ok");
    let received = server.received_requests().await.expect("recording");
    let request = received.last().expect("sent");
    let authorization = request
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok());
    assert_eq!(authorization, Some("Bearer env-token"));

    // Credentials given in code win: the environment adds no second identity.
    let explicit = auth_fixture_client::Client::builder()
        .endpoint(server.uri())
        .api_key_header("from-code")
        .build()
        .expect("builds");
    explicit.whoami().send().await.expect("ok");
    let received = server.received_requests().await.expect("recording");
    let request = received.last().expect("sent");
    assert_eq!(request.headers.get("authorization"), None);
    assert_eq!(
        request
            .headers
            .get("x-api-key")
            .and_then(|v| v.to_str().ok()),
        Some("from-code")
    );
    let token = huaweicloud_hss::Client::builder()
        .endpoint(server.uri())
        .credentials(huaweicloud_hss::Credentials::token("iam-from-code"))
        .project_id("p1")
        .build()
        .expect("builds");
    let _ = token
        .create_task()
        .body(huaweicloud_hss::types::CreateClusterScanTask::new(
            huaweicloud_hss::types::ClusterScanInfo::new(
                vec![huaweicloud_hss::types::ClusterScanType::ClusterVul],
                huaweicloud_hss::types::ClusterScanRangeType::AllCluster,
            ),
        ))
        .send()
        .await;
    let received = server.received_requests().await.expect("recording");
    let request = received.last().expect("sent");
    assert_eq!(
        request.headers.get("authorization"),
        None,
        "AK/SK from the environment"
    );
    assert_eq!(
        request
            .headers
            .get("x-auth-token")
            .and_then(|v| v.to_str().ok()),
        Some("iam-from-code")
    );

    // The Huawei client reads its own variables, as its spec asks.
    let hss = huaweicloud_hss::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("AK/SK found in the environment");
    assert_eq!(
        hss.core().default_param("project_id"),
        Some("LEAKED-PROJECT")
    );

    // Proxy variables: ignored unless the client opts in.
    let (proxy, via_proxy) = integration::canned_server(integration::ok_response("{}")).await;
    for name in ["NO_PROXY", "no_proxy"] {
        std::env::remove_var(name);
    }
    for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY"] {
        std::env::set_var(name, format!("http://{proxy}"));
    }
    let before = server.received_requests().await.expect("recording").len();
    let direct = auth_fixture_client::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    direct.public().send().await.expect("ok");
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        before + 1
    );
    assert!(
        via_proxy.lock().expect("record").is_empty(),
        "went through the proxy"
    );
    let proxied = auth_fixture_client::Client::builder()
        .endpoint(server.uri())
        .http(auth_fixture_client::HttpSettings::new().proxy_from_env())
        .build()
        .expect("builds");
    proxied.public().send().await.expect("ok");
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        before + 1
    );
    let seen = via_proxy.lock().expect("record");
    assert!(
        seen[0].starts_with(&format!("GET {}/public HTTP/1.1", server.uri())),
        "{seen:?}"
    );
}
