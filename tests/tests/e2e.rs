//! The generated HSS client against a real HTTP server on 127.0.0.1.

use std::str::FromStr;
use std::time::Duration;

use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
    CreateIacScanTask, CreateTaskRequestBody, IacFileType, IacScanInfo,
};
use huaweicloud_hss::{Client, Credentials, Error, Region};
use serde_json::json;
use wiremock::matchers::{any, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PROJECT: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::token("iam-token-value"))
        .project_id(PROJECT)
        .build()
        .expect("client builds")
}

fn cluster_body() -> CreateClusterScanTask {
    CreateClusterScanTask::new(ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul, ClusterScanType::Benchmark],
        ClusterScanRangeType::AllCluster,
    ))
}

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn ok_task(task_id: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("X-Request-Id", "req-1")
        .set_body_raw(
            json!({"task_id": task_id, "unknown_field": [1, 2]}).to_string(),
            "application/json;charset=UTF-8",
        )
}

#[tokio::test]
async fn sends_cluster_scan_and_decodes_success() {
    let server = server_answering(ok_task("task-42")).await;
    let response = client(&server)
        .create_task()
        .enterprise_project_id("0")
        .body(cluster_body())
        .send()
        .await
        .expect("success");
    assert_eq!(response.status(), 200);
    assert_eq!(response.request_id(), Some("req-1"));
    assert_eq!(response.task_id.as_deref(), Some("task-42"));

    let requests = server.received_requests().await.expect("recording on");
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), format!("/v5/{PROJECT}/common/task"));
    assert_eq!(request.url.query(), Some("enterprise_project_id=0"));
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(header("x-auth-token").as_deref(), Some("iam-token-value"));
    assert_eq!(header("content-type").as_deref(), Some("application/json"));
    let agent = header("user-agent").expect("user agent");
    assert!(agent.starts_with("huaweicloud-hss/"), "{agent}");
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("json body");
    assert_eq!(
        body,
        json!({
            "task_type": "cluster_scan",
            "cluster_scan_info": {
                "scan_type_list": ["cluster_vul", "benchmark"],
                "range_type": "all_cluster"
            }
        })
    );
}

#[tokio::test]
async fn sends_iac_scan_with_specific_values() {
    let server = server_answering(ok_task("t")).await;
    let body = CreateIacScanTask::new(IacScanInfo::new(
        IacFileType::K8sYaml,
        vec!["f-1".to_owned()],
    ));
    client(&server)
        .create_task()
        .body(body)
        .send()
        .await
        .expect("success");
    let requests = server.received_requests().await.expect("recording on");
    let request = &requests[0];
    assert_eq!(
        request.url.query(),
        None,
        "no query when enterprise_project_id is unset"
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("json body");
    assert_eq!(
        body,
        json!({"task_type": "iac_scan", "iac_scan_info": {"file_type": "k8s_yaml", "file_id_list": ["f-1"]}})
    );
}

#[tokio::test]
async fn percent_encodes_path_and_query_values() {
    let server = server_answering(ok_task("t")).await;
    client(&server)
        .create_task()
        .project_id("a/b c+~é%")
        .enterprise_project_id("x&y=z /ü")
        .body(cluster_body())
        .send()
        .await
        .expect("success");
    let requests = server.received_requests().await.expect("recording on");
    let url = &requests[0].url;
    assert_eq!(url.path(), "/v5/a%2Fb%20c%2B~%C3%A9%25/common/task");
    assert_eq!(
        url.query(),
        Some("enterprise_project_id=x%26y%3Dz%20%2F%C3%BC")
    );
}

#[tokio::test]
async fn specific_clusters_are_listed() {
    let server = server_answering(ok_task("t")).await;
    let info = ClusterScanInfo::new(
        vec![ClusterScanType::RiskAssessment],
        ClusterScanRangeType::SpecificCluster,
    )
    .with_cluster_id_list(vec!["c-1".to_owned(), "c-2".to_owned()]);
    client(&server)
        .create_task()
        .body(CreateClusterScanTask::new(info))
        .send()
        .await
        .expect("success");
    let requests = server.received_requests().await.expect("recording on");
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).expect("json");
    assert_eq!(
        body["cluster_scan_info"]["cluster_id_list"],
        json!(["c-1", "c-2"])
    );
}

/// One canned error response and what the client must report.
struct ErrorCase {
    status: u16,
    body: &'static str,
    content_type: &'static str,
    code: &'static str,
    message: &'static str,
    encoded: Option<&'static str>,
}

#[tokio::test]
async fn every_error_shape_is_parsed() {
    let cases = [
        ErrorCase {
            status: 400,
            body: r#"{"error_code":"HSS.0001","error_msg":"bad"}"#,
            content_type: "application/json",
            code: "HSS.0001",
            message: "bad",
            encoded: None,
        },
        ErrorCase {
            status: 403,
            body: r#"{"errorCode":"HSS.0403","errorMsg":"denied","encoded_authorization_message":"enc"}"#,
            content_type: "application/json",
            code: "HSS.0403",
            message: "denied",
            encoded: Some("enc"),
        },
        ErrorCase {
            status: 401,
            body: r#"{"code":"APIGW.0101","message":"no api"}"#,
            content_type: "application/json",
            code: "APIGW.0101",
            message: "no api",
            encoded: None,
        },
        ErrorCase {
            status: 400,
            body: r#"{"error":{"code":"HSS.0004","message":"body is required"}}"#,
            content_type: "application/json",
            code: "HSS.0004",
            message: "body is required",
            encoded: None,
        },
        ErrorCase {
            status: 404,
            body: r#"{"outer":{"inner":{"error_code":"X.1","error_msg":"deep"}}}"#,
            content_type: "application/json",
            code: "X.1",
            message: "deep",
            encoded: None,
        },
        ErrorCase {
            status: 500,
            body: "upstream connect error",
            content_type: "text/plain",
            code: "500",
            message: "upstream connect error",
            encoded: None,
        },
        ErrorCase {
            status: 502,
            body: "<html><body>Bad Gateway</body></html>",
            content_type: "text/html",
            code: "502",
            message: "<html><body>Bad Gateway</body></html>",
            encoded: None,
        },
        ErrorCase {
            status: 503,
            body: "",
            content_type: "text/plain",
            code: "503",
            message: "",
            encoded: None,
        },
        ErrorCase {
            status: 429,
            body: r#"{"error_code": 42, "error_msg": null}"#,
            content_type: "application/json",
            code: "42",
            message: r#"{"error_code": 42, "error_msg": null}"#,
            encoded: None,
        },
        ErrorCase {
            status: 400,
            body: r#"{"message":"lonely","a":{"code":"A.1","message":"first"},"b":{"error_code":"B.2","error_msg":"last"}}"#,
            content_type: "application/json",
            code: "B.2",
            message: "last",
            encoded: None,
        },
        ErrorCase {
            status: 409,
            body: r#"{"error_code":"","error_msg":"no code"}"#,
            content_type: "application/json",
            code: "409",
            message: "no code",
            encoded: None,
        },
        ErrorCase {
            status: 400,
            body: r#"["not", "an", "object"]"#,
            content_type: "application/json",
            code: "400",
            message: r#"["not", "an", "object"]"#,
            encoded: None,
        },
        ErrorCase {
            status: 302,
            body: "",
            content_type: "text/plain",
            code: "302",
            message: "",
            encoded: None,
        },
    ];
    for case in cases {
        let server = server_answering(
            ResponseTemplate::new(case.status)
                .insert_header("x-request-id", "rid-err")
                .insert_header("location", "http://127.0.0.1:9/elsewhere")
                .set_body_raw(case.body, case.content_type),
        )
        .await;
        let error = client(&server)
            .create_task()
            .body(cluster_body())
            .send()
            .await
            .expect_err("must fail");
        let Error::Service(service) = &error else {
            panic!("{}: expected a service error, got {error:?}", case.status)
        };
        assert_eq!(service.status, case.status);
        assert_eq!(service.request_id.as_deref(), Some("rid-err"));
        assert_eq!(service.code, case.code, "status {}", case.status);
        assert_eq!(service.message, case.message, "status {}", case.status);
        assert_eq!(
            service.detail("encoded_authorization_message"),
            case.encoded
        );
        assert_eq!(service.is_client_error(), (400..500).contains(&case.status));
        assert_eq!(service.is_server_error(), (500..600).contains(&case.status));
        assert_eq!(error.status(), Some(case.status));
        assert_eq!(error.request_id(), Some("rid-err"));
    }
}

#[tokio::test]
async fn undecodable_success_is_a_decode_error() {
    for body in ["not json", "{\"task_id\": [5]}", "[1,2", ""] {
        let server = server_answering(
            ResponseTemplate::new(200)
                .insert_header("X-Request-Id", "rid-d")
                .set_body_raw(body, "application/json"),
        )
        .await;
        let error = client(&server)
            .create_task()
            .body(cluster_body())
            .send()
            .await
            .expect_err("must fail");
        match error {
            Error::Decode(e) => {
                assert_eq!(e.status, 200);
                assert_eq!(e.request_id.as_deref(), Some("rid-d"));
                assert!(e.body_excerpt.len() <= 512);
            }
            other => panic!("{body:?}: expected a decode error, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused_or_cut() {
    let huge = "x".repeat(16 * 1024 * 1024 + 1);
    // A success body that long is refused, never decoded half-read.
    let server = server_answering(
        ResponseTemplate::new(200)
            .insert_header("X-Request-Id", "rid-big")
            .set_body_raw(huge.clone(), "application/json"),
    )
    .await;
    let error = client(&server)
        .create_task()
        .body(cluster_body())
        .send()
        .await
        .expect_err("too large");
    match error {
        Error::ResponseTooLarge {
            status,
            request_id,
            limit,
        } => {
            assert_eq!(status, 200);
            assert_eq!(request_id.as_deref(), Some("rid-big"));
            assert_eq!(limit, 16 * 1024 * 1024);
        }
        other => panic!(
            "expected ResponseTooLarge, got {:?}",
            other.to_string().len()
        ),
    }
    // An error body that long still yields the service error, message cut short.
    let server = server_answering(
        ResponseTemplate::new(500)
            .insert_header("X-Request-Id", "rid-big")
            .set_body_raw(huge, "text/plain"),
    )
    .await;
    match client(&server)
        .create_task()
        .body(cluster_body())
        .send()
        .await
    {
        Err(Error::Service(e)) => {
            assert_eq!((e.status, e.request_id.as_deref()), (500, Some("rid-big")));
            assert_eq!(e.message.len(), 64 * 1024);
        }
        other => panic!("expected a service error, got {}", other.is_ok()),
    }
}

#[tokio::test]
async fn slow_server_is_a_timeout() {
    let server = server_answering(ok_task("late").set_delay(Duration::from_secs(3))).await;
    let client = Client::builder()
        .credentials(Credentials::None)
        .endpoint(server.uri())
        .project_id(PROJECT)
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client builds");
    let error = client
        .create_task()
        .body(cluster_body())
        .send()
        .await
        .expect_err("must time out");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
}

#[tokio::test]
async fn refused_connection_is_a_connect_error() {
    // A port that was just free on loopback: nothing listens there now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let client = Client::builder()
        .credentials(Credentials::None)
        .endpoint(format!("http://127.0.0.1:{port}"))
        .project_id(PROJECT)
        .build()
        .expect("client builds");
    let error = client
        .create_task()
        .body(cluster_body())
        .send()
        .await
        .expect_err("must fail");
    assert!(matches!(error, Error::Connect(_)), "{error:?}");
}

#[tokio::test]
async fn invalid_input_is_rejected_before_any_request() {
    let server = server_answering(ok_task("never")).await;
    let client = client(&server);
    let info =
        |types: Vec<ClusterScanType>| ClusterScanInfo::new(types, ClusterScanRangeType::AllCluster);
    let cases: Vec<(CreateTaskRequestBody, &str)> = vec![
        (
            CreateClusterScanTask::new(info(vec![])).into(),
            "body.cluster_scan_info.scan_type_list",
        ),
        (
            CreateClusterScanTask::new(info(vec![ClusterScanType::ClusterVul; 4])).into(),
            "body.cluster_scan_info.scan_type_list",
        ),
        (
            CreateClusterScanTask::new(info(vec![ClusterScanType::from("brand_new")])).into(),
            "body.cluster_scan_info.scan_type_list[0]",
        ),
        (
            CreateClusterScanTask::new(
                info(vec![ClusterScanType::Benchmark]).with_cluster_id_list(vec!["x".repeat(65)]),
            )
            .into(),
            "body.cluster_scan_info.cluster_id_list[0]",
        ),
        (
            CreateClusterScanTask::new(
                info(vec![ClusterScanType::Benchmark])
                    .with_cluster_id_list(vec!["c".to_owned(); 201]),
            )
            .into(),
            "body.cluster_scan_info.cluster_id_list",
        ),
        (
            CreateClusterScanTask::new(ClusterScanInfo::new(
                vec![ClusterScanType::Benchmark],
                ClusterScanRangeType::from("everything"),
            ))
            .into(),
            "body.cluster_scan_info.range_type",
        ),
        (
            CreateIacScanTask::new(IacScanInfo::new(IacFileType::Dockerfile, vec![])).into(),
            "body.iac_scan_info.file_id_list",
        ),
        (
            CreateIacScanTask::new(IacScanInfo::new(
                IacFileType::Dockerfile,
                vec![String::new()],
            ))
            .into(),
            "body.iac_scan_info.file_id_list[0]",
        ),
    ];
    for (body, field) in cases {
        let error = client
            .create_task()
            .body(body)
            .send()
            .await
            .expect_err("invalid");
        match error {
            Error::InvalidInput(e) => assert_eq!(e.field, field, "{e}"),
            other => panic!("expected invalid input at {field}, got {other:?}"),
        }
    }
    let missing_body = client
        .create_task()
        .send()
        .await
        .expect_err("body is required");
    assert!(
        matches!(&missing_body, Error::InvalidInput(e) if e.field == "body"),
        "{missing_body:?}"
    );
    let empty_project = client
        .create_task()
        .project_id("")
        .body(cluster_body())
        .send()
        .await
        .expect_err("too short");
    assert!(
        matches!(&empty_project, Error::InvalidInput(e) if e.field == "project_id"),
        "{empty_project:?}"
    );
    for dots in [".", ".."] {
        let moved = client
            .create_task()
            .project_id(dots)
            .body(cluster_body())
            .send()
            .await
            .expect_err("would change the path");
        assert!(
            matches!(&moved, Error::InvalidInput(e) if e.field == "project_id"),
            "{moved:?}"
        );
    }
    let long_ep = client
        .create_task()
        .enterprise_project_id("e".repeat(257))
        .body(cluster_body())
        .send()
        .await
        .expect_err("too long");
    assert!(
        matches!(&long_ep, Error::InvalidInput(e) if e.field == "enterprise_project_id"),
        "{long_ep:?}"
    );
    let no_default = Client::builder()
        .credentials(Credentials::None)
        .endpoint(server.uri())
        .build()
        .expect("builds");
    let no_project = no_default
        .create_task()
        .body(cluster_body())
        .send()
        .await
        .expect_err("no project");
    assert!(
        matches!(&no_project, Error::InvalidInput(e) if e.field == "project_id"),
        "{no_project:?}"
    );

    let requests = server.received_requests().await.expect("recording on");
    assert!(requests.is_empty(), "{} requests were sent", requests.len());
}

#[tokio::test]
async fn a_call_may_override_the_default_project() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok_task("t"))
        .mount(&server)
        .await;
    client(&server)
        .create_task()
        .project_id("other")
        .body(cluster_body())
        .send()
        .await
        .expect("ok");
    let requests = server.received_requests().await.expect("recording on");
    assert_eq!(requests[0].url.path(), "/v5/other/common/task");
}

#[test]
fn regions_come_from_the_spec() {
    assert_eq!(Region::ALL.len(), 32);
    assert_eq!(Region::from_str("cn-north-4"), Ok(Region::CnNorth4));
    assert_eq!(
        Region::CnNorth4.endpoint(),
        "https://hss.cn-north-4.myhuaweicloud.com"
    );
    assert_eq!(
        Region::from_str("eu-west-101").map(Region::endpoint),
        Ok("https://hss.eu-west-101.myhuaweicloud.eu")
    );
    let unknown = Region::from_str("mars-north-1").expect_err("unknown");
    assert_eq!(unknown.id(), "mars-north-1");
    for region in Region::ALL {
        assert_eq!(Region::from_str(region.id()), Ok(*region));
        assert_eq!(region.to_string(), region.id());
    }
}

#[test]
fn bad_endpoints_fail_to_build() {
    for endpoint in ["not a url", "ftp://127.0.0.1", "/relative"] {
        assert!(
            Client::builder()
                .credentials(Credentials::None)
                .endpoint(endpoint)
                .build()
                .is_err(),
            "{endpoint}"
        );
    }
}

#[test]
fn tokens_never_show_in_debug_output() {
    let credentials = Credentials::token("super-secret-token");
    assert!(!format!("{credentials:?}").contains("super-secret"));
    let client = Client::builder()
        .endpoint("http://127.0.0.1:9")
        .credentials(credentials)
        .build()
        .expect("builds");
    assert!(!format!("{client:?}").contains("super-secret"));
}
