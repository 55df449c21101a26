//! The examples in `generated/examples/` run against a local server on
//! 127.0.0.1, configured only through the environment, as a user would.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use huaweicloud_hss::fake::{FakeHss, Fault};
use huaweicloud_hss::Credentials;

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

/// Runs the `task_lifecycle` example against the fake HSS service, with the
/// fake's credentials and endpoint in the environment.
async fn lifecycle(fake: &FakeHss, args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let binary = example("task_lifecycle");
    let Credentials::AkSk(pair) = fake.credentials() else {
        panic!("the fake signs with AK/SK");
    };
    let mut command = Command::new(binary);
    command
        .args(args)
        .env_clear()
        .env("CLOUD_SDK_AK", pair.ak())
        .env("CLOUD_SDK_SK", pair.sk().expose())
        .env("HUAWEICLOUD_SDK_PROJECT_ID", fake.project_id())
        .env("HSS_REGION", "cn-north-4")
        .env("HUAWEICLOUD_SDK_REGION_HSS_CN_NORTH_4", fake.endpoint())
        .envs(env.iter().copied());
    let output = tokio::task::spawn_blocking(move || command.output().expect("example runs"))
        .await
        .expect("joins");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn lifecycle_example_creates_waits_lists_and_retries() {
    let fake = FakeHss::builder()
        .clusters(["c-1", "c-2", "c-3"])
        .scan_time(Duration::from_millis(200))
        .start()
        .await
        .expect("fake starts");
    fake.fail_cluster("c-2", "network unreachable");
    let (ok, stdout, stderr) = lifecycle(&fake, &[], &[]).await;
    assert!(ok, "{stdout}{stderr}");
    for line in [
        "created task ",
        "finished: 1 cluster(s) failed",
        "  failed: c-2 (network unreachable",
        "  cluster c-1: success",
        "retrying 1 failed cluster(s)",
        "finished: 0 cluster(s) failed",
        "every cluster scanned after the retry",
    ] {
        assert!(stdout.contains(line), "{line:?} missing from:\n{stdout}");
    }
    let operations: Vec<String> = fake
        .requests()
        .into_iter()
        .filter_map(|r| r.operation)
        .collect();
    assert_eq!(operations.first().map(String::as_str), Some("CreateTask"));
    assert!(
        operations.iter().any(|o| o == "RetryTask"),
        "{operations:?}"
    );
    assert!(fake.requests().iter().all(|r| r.authenticated));
}

#[tokio::test(flavor = "multi_thread")]
async fn lifecycle_example_reports_each_kind_of_failure_in_its_own_arm() {
    let fake = FakeHss::builder()
        .scan_time(Duration::from_secs(60))
        .start()
        .await
        .expect("fake starts");
    let too_long = "c".repeat(65);
    let (ok, _, stderr) = lifecycle(&fake, &[&too_long], &[]).await;
    assert!(
        !ok && stderr.contains("not sent, the input is invalid"),
        "{stderr}"
    );

    let (ok, _, stderr) = lifecycle(&fake, &[], &[("HSS_WAIT_SECONDS", "1")]).await;
    assert!(
        !ok && stderr.contains("the task is still running after"),
        "{stderr}"
    );

    fake.inject(Fault::delay(Duration::from_secs(5)).only("CreateTask"));
    let (ok, _, stderr) = lifecycle(&fake, &[], &[("HSS_TIMEOUT_SECONDS", "1")]).await;
    assert!(
        !ok && stderr.contains("HSS did not answer in time"),
        "{stderr}"
    );

    let denied = r#"{"error_code":"HSS.1040","error_msg":"no permission"}"#;
    fake.inject(Fault::status(403, denied).only("CreateTask"));
    let (ok, _, stderr) = lifecycle(&fake, &[], &[]).await;
    assert!(!ok, "{stderr}");
    for line in [
        "status code: 403",
        "error code: HSS.1040",
        "error message: no permission",
    ] {
        assert!(stderr.contains(line), "{line} missing from:\n{stderr}");
    }

    // Nothing listens on the port of a fake that was dropped.
    let closed = FakeHss::start().await.expect("fake starts");
    let endpoint = closed.endpoint();
    drop(closed);
    let (ok, _, stderr) = lifecycle(
        &fake,
        &[],
        &[("HUAWEICLOUD_SDK_REGION_HSS_CN_NORTH_4", &endpoint)],
    )
    .await;
    assert!(!ok && stderr.contains("cannot reach HSS"), "{stderr}");
}
