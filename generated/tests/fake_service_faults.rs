//! The fake HSS service's authentication, injected faults and its own
//! checks (feature `test-util`), seen through the client as a downstream
//! crate sees them.

use std::time::Duration;

use huaweicloud_hss::fake::{FakeHss, Fault, AUTH_FAILED, DEFAULT_AK, INVALID_REQUEST};
use huaweicloud_hss::runtime::reqwest;
use huaweicloud_hss::types::{ListTasksRequestBody, TaskType};
use huaweicloud_hss::{AkSk, Client, Credentials, Error, RetryPolicy};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test]
async fn a_wrong_secret_key_or_token_is_refused_with_401() -> TestResult {
    let fake = FakeHss::start().await?;
    let wrong_sk = AkSk::new(DEFAULT_AK, "not-the-secret").with_project_id(fake.project_id());
    let client = Client::builder()
        .endpoint(fake.endpoint())
        .credentials(Credentials::AkSk(wrong_sk))
        .build()?;
    let query = ListTasksRequestBody::new(TaskType::ClusterScan);
    match client.list_tasks().body(query.clone()).send().await {
        Err(Error::Service(e)) => {
            assert_eq!((e.status, e.code.as_str()), (401, AUTH_FAILED));
            assert!(e.message.contains("signature"), "{}", e.message);
            assert!(e.request_id.is_some());
        }
        other => panic!("expected a 401, got {other:?}"),
    }
    let tokens = |token: &str| {
        Client::builder()
            .endpoint(fake.endpoint())
            .credentials(Credentials::token(token))
            .project_id(fake.project_id())
            .build()
    };
    let refused = tokens("stale")?
        .list_tasks()
        .body(query.clone())
        .send()
        .await;
    assert_eq!(refused.err().and_then(|e| e.status()), Some(401));
    tokens(fake.token())?
        .list_tasks()
        .body(query.clone())
        .send()
        .await?;
    fake.client()?.list_tasks().body(query).send().await?;
    let accepted: Vec<bool> = fake.requests().iter().map(|r| r.authenticated).collect();
    assert_eq!(accepted, [false, false, true, true]);
    Ok(())
}

#[tokio::test]
async fn injected_503s_are_retried_by_the_call_policy() -> TestResult {
    let fake = FakeHss::start().await?;
    let client = fake.client()?;
    let busy = r#"{"error_code":"HSS.0503","error_msg":"busy"}"#;
    fake.inject(Fault::status(503, busy).times(2).only("ListTasks"));
    let policy = RetryPolicy::connect_failures(3)
        .also_statuses([503])
        .base_delay(Duration::from_millis(5));
    let listed = client
        .list_tasks()
        .retry(policy)
        .body(ListTasksRequestBody::new(TaskType::ClusterScan))
        .send()
        .await?;
    assert_eq!(listed.total_num, Some(0));
    let seen: Vec<Option<String>> = fake
        .requests()
        .iter()
        .map(|r| r.operation.clone())
        .collect();
    assert_eq!(seen, vec![Some("ListTasks".to_owned()); 3]);
    Ok(())
}

#[tokio::test]
async fn every_error_shape_reaches_the_caller() -> TestResult {
    let fake = FakeHss::start().await?;
    let client = fake.client()?;
    let shapes = [
        (
            r#"{"error_code":"HSS.1","error_msg":"one"}"#,
            "HSS.1",
            "one",
        ),
        (r#"{"errorCode":"HSS.2","errorMsg":"two"}"#, "HSS.2", "two"),
        (
            r#"{"error":{"code":"APIGW.0101","message":"three"}}"#,
            "APIGW.0101",
            "three",
        ),
        ("plain failure", "500", "plain failure"),
        (
            "<html><body>bad gateway</body></html>",
            "500",
            "<html><body>bad gateway</body></html>",
        ),
    ];
    for (body, code, message) in shapes {
        fake.inject(Fault::status(500, body));
        let statistics = client.show_task_statistics().task_type(TaskType::IacScan);
        match statistics.send().await {
            Err(Error::Service(e)) => {
                assert_eq!((e.code.as_str(), e.message.as_str()), (code, message))
            }
            other => panic!("expected a 500 for {body}, got {other:?}"),
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_delay_longer_than_the_call_timeout_is_a_timeout() -> TestResult {
    let fake = FakeHss::start().await?;
    let client = fake.client()?;
    fake.inject(Fault::delay(Duration::from_secs(5)));
    let slow = client
        .show_task_statistics()
        .task_type(TaskType::ClusterScan)
        .timeout(Duration::from_millis(100))
        .send()
        .await;
    assert!(matches!(slow, Err(Error::Timeout(_))), "{slow:?}");
    Ok(())
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error() -> TestResult {
    let fake = FakeHss::start().await?;
    let client = fake.client()?;
    fake.inject(Fault::drop_connection().only("ShowTaskStatistics"));
    let dropped = client
        .show_task_statistics()
        .task_type(TaskType::ClusterScan)
        .send()
        .await;
    assert!(matches!(dropped, Err(Error::Transport(_))), "{dropped:?}");
    client
        .show_task_statistics()
        .task_type(TaskType::ClusterScan)
        .send()
        .await?;
    Ok(())
}

#[tokio::test]
async fn offset_and_limit_out_of_range_are_refused_by_client_and_fake() -> TestResult {
    let fake = FakeHss::start().await?;
    let client = fake.client()?;
    let query = ListTasksRequestBody::new(TaskType::ClusterScan);
    let too_small = client
        .list_tasks()
        .limit(5)
        .body(query.clone())
        .send()
        .await;
    assert!(
        matches!(too_small, Err(Error::InvalidInput(ref e)) if e.field == "limit"),
        "{too_small:?}"
    );
    let too_far = client
        .list_tasks()
        .offset(2_000_001)
        .body(query)
        .send()
        .await;
    assert!(
        matches!(too_far, Err(Error::InvalidInput(ref e)) if e.field == "offset"),
        "{too_far:?}"
    );
    assert!(fake.requests().is_empty(), "nothing was sent");

    // The fake's own check, reached without the client.
    let url = format!(
        "{}/v5/{}/common/tasks/batch-query?limit=5&offset=0",
        fake.endpoint(),
        fake.project_id()
    );
    let raw = reqwest::Client::new()
        .post(url)
        .header("X-Auth-Token", fake.token())
        .header("Content-Type", "application/json")
        .body(r#"{"task_type":"cluster_scan"}"#)
        .send()
        .await?;
    assert_eq!(raw.status().as_u16(), 400);
    assert!(raw.headers().contains_key("x-request-id"));
    let body: serde_json::Value = serde_json::from_str(&raw.text().await?)?;
    assert_eq!(body["error_code"], INVALID_REQUEST);
    assert!(
        body["error_msg"]
            .as_str()
            .is_some_and(|m| m.contains("limit")),
        "{body}"
    );
    Ok(())
}

#[tokio::test]
async fn dropping_the_fake_closes_its_port() -> TestResult {
    let fake = FakeHss::start().await?;
    let address = fake.address();
    drop(fake);
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(address).await.is_err() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{address} still accepts connections");
}
