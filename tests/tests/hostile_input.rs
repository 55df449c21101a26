//! Hostile configuration and hostile servers: refused or shown safely.

use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use huaweicloud_hss::{AkSk, BuildError, Client, Credentials, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn body() -> CreateClusterScanTask {
    CreateClusterScanTask::new(ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul],
        ClusterScanRangeType::AllCluster,
    ))
}

#[test]
fn endpoints_with_control_characters_or_backslashes_are_refused() {
    for endpoint in [
        "https://hss.example.test\r\nX-Injected: 1",
        "https://hss.exa\tmple.test",
        "http:\\\\hss.example.test",
        "https://hss.example.test\\path",
    ] {
        let error = Client::builder()
            .endpoint(endpoint)
            .anonymous()
            .build()
            .expect_err(endpoint);
        assert!(
            matches!(error, BuildError::InvalidEndpoint(_)),
            "{endpoint:?}: {error:?}"
        );
        assert!(!error.to_string().contains('\r') && !error.to_string().contains('\n'));
    }
}

#[tokio::test]
async fn a_project_id_with_surrounding_spaces_is_not_signed() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::AkSk(AkSk::new("AK", "SK")))
        .project_id(" p1 ")
        .build()
        .expect("builds");
    let error = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("refused");
    assert!(
        matches!(&error, Error::InvalidInput(e) if e.problem.contains("whitespace")),
        "{error:?}"
    );
    assert!(server
        .received_requests()
        .await
        .expect("recording")
        .is_empty());
}

#[tokio::test]
async fn service_text_cannot_forge_log_lines() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("x-request-id", "rid")
                .set_body_raw(
                    r#"{"error_code":"E.1\nINFO forged","error_msg":"bad\r\n\u001b[31mred"}"#,
                    "application/json",
                ),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::token("iam"))
        .project_id("p1")
        .build()
        .expect("builds");
    let error = client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err("400");
    let shown = error.to_string();
    assert!(
        !shown.contains('\n') && !shown.contains('\r') && !shown.contains('\u{1b}'),
        "{shown:?}"
    );
    assert!(
        shown.contains("E.1\\nINFO forged") && shown.contains("bad\\r\\n\\u{1b}[31mred"),
        "{shown}"
    );
    // The fields keep the service's text as it was.
    let Error::Service(service) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(service.code, "E.1\nINFO forged");
}
