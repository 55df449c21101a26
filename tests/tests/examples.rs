//! The examples in `generated/examples/` run against a local server on
//! 127.0.0.1, configured only through the environment, as a user would.

use std::path::PathBuf;
use std::process::Command;

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PROJECT: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

/// Builds the examples (a no-op when CI already did) and returns the binary.
fn example(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "-p", "huaweicloud-hss", "--examples"])
        .current_dir(&root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "examples build");
    // Tests run from target/<profile>/deps; examples live in target/<profile>/examples.
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    profile_dir.join("examples").join(name)
}

fn run(server: &MockServer, args: &[&str]) -> std::process::Output {
    run_example("create_task", server, args)
}

fn run_example(name: &str, server: &MockServer, args: &[&str]) -> std::process::Output {
    Command::new(example(name))
        .args(args)
        .env_clear()
        .env("CLOUD_SDK_AK", "HPUAEXAMPLEAK0000001")
        .env("CLOUD_SDK_SK", "exampleSecretKey0000000000000000000000001")
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .env("HSS_REGION", "cn-north-4")
        .env("HUAWEICLOUD_SDK_REGION_HSS_CN_NORTH_4", server.uri())
        .output()
        .expect("example runs")
}

#[tokio::test]
async fn example_creates_both_task_types() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v5/{PROJECT}/common/task")))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Request-Id", "rid-example")
                .set_body_raw(r#"{"task_id":"task-from-example"}"#, "application/json"),
        )
        .mount(&server)
        .await;
    for args in [&["cluster"][..], &["iac", "file-1", "file-2"][..]] {
        let output = run(&server, args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{args:?}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            stdout.contains("created task task-from-example"),
            "{stdout}"
        );
        assert!(stdout.contains("rid-example"), "{stdout}");
    }
    let received = server.received_requests().await.expect("recording");
    assert_eq!(received.len(), 2);
    for request in &received {
        let authorization = request
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            authorization.starts_with("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001,"),
            "{authorization}"
        );
    }
    let bodies: Vec<serde_json::Value> = received
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("json"))
        .collect();
    assert_eq!(bodies[0]["task_type"], "cluster_scan");
    assert_eq!(
        bodies[1]["iac_scan_info"]["file_id_list"],
        serde_json::json!(["file-1", "file-2"])
    );
}

#[tokio::test]
async fn example_prints_service_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(403)
                .insert_header("X-Request-Id", "rid-denied")
                .set_body_raw(
                    r#"{"error_code":"HSS.1040","error_msg":"no permission"}"#,
                    "application/json",
                ),
        )
        .mount(&server)
        .await;
    let output = run(&server, &["cluster"]);
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in [
        "status code: 403",
        "request id: rid-denied",
        "error code: HSS.1040",
        "error message: no permission",
    ] {
        assert!(stdout.contains(line), "{line} missing from:\n{stdout}");
    }
}

#[tokio::test]
async fn production_example_traces_retries_and_counts() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Request-Id", "rid-production")
                .set_body_raw(r#"{"task_id":"task-in-production"}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let output = run_example("production", &server, &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains("responses by status: {200: 1, 503: 1}"),
        "{stdout}"
    );
    assert!(stdout.contains("task-in-production"), "{stdout}");
    assert!(
        stderr.contains("clientgen.call") && stderr.contains("attempts=2"),
        "{stderr}"
    );
    assert!(!stderr.contains("exampleSecretKey"), "{stderr}");
    let received = server.received_requests().await.expect("recording");
    for request in &received {
        let authorization = request
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            authorization.contains("x-request-source"),
            "{authorization}"
        );
    }
}
