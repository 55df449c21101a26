//! The task module end to end against wiremock servers on 127.0.0.1:
//! lenient success decoding for every operation, paging and waiting.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
    ListTaskResourcesRequestBody, ListTasksRequestBody, RetryTaskRequestBody, RetryTaskType,
    ScanStatus, TaskStatus, TaskType,
};
use huaweicloud_hss::{AkSk, Client, Credentials, Error};
use serde_json::{json, Value};
use wiremock::matchers::{any, method, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const PROJECT: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::AkSk(
            AkSk::new("AK-TEST", "sk-test").with_project_id(PROJECT),
        ))
        .build()
        .expect("client builds")
}

async fn answering(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(status)
                .insert_header("X-Request-Id", "rid-7")
                .set_body_raw(body.to_owned(), "application/json"),
        )
        .mount(&server)
        .await;
    server
}

fn cluster_task() -> CreateClusterScanTask {
    CreateClusterScanTask::new(ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul],
        ClusterScanRangeType::AllCluster,
    ))
}

#[tokio::test]
async fn every_operation_reads_mismatched_scalars_without_loss() {
    let server = answering(200, r#"{"task_id": 123456789012345678}"#).await;
    let created = client(&server)
        .create_task()
        .body(cluster_task())
        .send()
        .await
        .expect("decodes");
    assert_eq!(created.task_id.as_deref(), Some("123456789012345678"));

    let server = answering(
        200,
        r#"{"total_num": "2", "extra": {"new": true}, "data_list": [
            {"task_id": 7, "start_time": "1700000000000", "estimated_time": 3.0,
             "task_status": "paused", "task_type": "cluster_scan"}]}"#,
    )
    .await;
    let page = client(&server)
        .list_tasks()
        .body(ListTasksRequestBody::new(TaskType::ClusterScan))
        .send()
        .await
        .expect("decodes");
    assert_eq!(page.total_num, Some(2));
    // Fields this client does not know stay readable in the raw body.
    let raw: Value = serde_json::from_slice(page.raw_body()).expect("raw JSON");
    assert_eq!(raw["extra"]["new"], true);
    let task = &page.data_list.as_ref().expect("tasks")[0];
    assert_eq!(task.task_id.as_deref(), Some("7"));
    assert_eq!(task.start_time, Some(1_700_000_000_000));
    assert_eq!(task.estimated_time, Some(3));
    // A status this client does not know is kept, not refused.
    assert_eq!(task.task_status, Some(TaskStatus::Unknown("paused".into())));

    let server = answering(
        200,
        r#"{"total_num": 1.0, "cluster_scan_data_list": [{"cluster_id": 99, "end_time": "-5"}]}"#,
    )
    .await;
    let page = client(&server)
        .list_task_resources()
        .task_id("t-1")
        .body(ListTaskResourcesRequestBody::new(TaskType::ClusterScan))
        .send()
        .await
        .expect("decodes");
    let cluster = &page.cluster_scan_data_list.as_ref().expect("clusters")[0];
    assert_eq!(
        (cluster.cluster_id.as_deref(), cluster.end_time),
        (Some("99"), Some(-5))
    );

    let server = answering(
        200,
        r#"{"total_num": "4", "running_num": 1, "last_task_start_time": "9007199254740993"}"#,
    )
    .await;
    let stats = client(&server)
        .show_task_statistics()
        .task_type(TaskType::IacScan)
        .send()
        .await
        .expect("decodes");
    assert_eq!(stats.last_task_start_time, Some(9_007_199_254_740_993));
    assert_eq!((stats.total_num, stats.running_num), (Some(4), Some(1)));

    // RetryTask documents no body: whatever comes with its 200 is not read.
    let server = answering(200, "{not json").await;
    client(&server)
        .retry_task()
        .task_id("t-1")
        .body(RetryTaskRequestBody::new(RetryTaskType::ClusterScan))
        .send()
        .await
        .expect("an empty success ignores the body");
}

fn assert_accepted(error: Error, body: &str) {
    assert!(error.server_accepted(), "{error:?}");
    assert!(
        error.to_string().contains("accepted the request"),
        "{error}"
    );
    match error {
        Error::Decode(e) => {
            assert_eq!((e.status, e.request_id.as_deref()), (200, Some("rid-7")));
            assert_eq!(e.body, body.as_bytes());
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn an_undecodable_success_says_the_request_was_accepted() {
    for body in [
        r#"{"total_num": "many"}"#,
        r#"{"task_id": {"a": 1}}"#,
        "<html>",
        "[1,",
    ] {
        let server = answering(200, body).await;
        let client = client(&server);
        let created = client.create_task().body(cluster_task()).send().await;
        if body.contains("total_num") {
            // CreateTask has no `total_num`: unknown fields are fine.
            created.expect("decodes");
        } else {
            assert_accepted(created.expect_err("fails"), body);
        }
        let filter = ListTasksRequestBody::new(TaskType::ClusterScan);
        if !body.contains("task_id") {
            let listed = client.list_tasks().body(filter).send().await;
            assert_accepted(listed.expect_err("fails"), body);
            let resources = client
                .list_task_resources()
                .task_id("t")
                .body(ListTaskResourcesRequestBody::new(TaskType::ClusterScan))
                .send()
                .await;
            assert_accepted(resources.expect_err("fails"), body);
            let stats = client
                .show_task_statistics()
                .task_type(TaskType::ClusterScan)
                .send()
                .await;
            assert_accepted(stats.expect_err("fails"), body);
        }
    }
}

/// A listing of `total` tasks that pages by the request's offset and limit.
fn task_listing(total: usize, calls: Arc<AtomicUsize>) -> impl Fn(&Request) -> ResponseTemplate {
    move |request: &Request| {
        calls.fetch_add(1, Ordering::SeqCst);
        let query = |name: &str| {
            request
                .url
                .query_pairs()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.parse::<usize>().ok())
        };
        let (offset, limit) = (query("offset").unwrap_or(0), query("limit").unwrap_or(10));
        let signed = request
            .headers
            .get("authorization")
            .is_some_and(|v| v.to_str().is_ok_and(|v| v.starts_with("SDK-HMAC-SHA256 ")));
        if !signed {
            return ResponseTemplate::new(401).set_body_string("unsigned page");
        }
        let items: Vec<Value> = (offset..total.min(offset + limit))
            .map(|i| json!({"task_id": format!("t-{i}"), "task_status": "finished"}))
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({"total_num": total, "data_list": items}))
    }
}

async fn listing(total: usize) -> (MockServer, Arc<AtomicUsize>) {
    let server = MockServer::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    Mock::given(method("POST"))
        .and(path_regex("/tasks/batch-query$"))
        .respond_with(task_listing(total, calls.clone()))
        .mount(&server)
        .await;
    (server, calls)
}

fn ids(tasks: &[huaweicloud_hss::types::TaskInfo]) -> Vec<String> {
    tasks.iter().filter_map(|t| t.task_id.clone()).collect()
}

#[tokio::test]
async fn items_walk_every_page_each_signed() {
    let (server, calls) = listing(25).await;
    let client = client(&server);
    let filter = ListTasksRequestBody::new(TaskType::ClusterScan);
    let all = client
        .list_tasks()
        .body(filter.clone())
        .limit(10)
        .items()
        .all()
        .await
        .expect("walks");
    let expected: Vec<String> = (0..25).map(|i| format!("t-{i}")).collect();
    assert_eq!(ids(&all), expected);
    assert_eq!(
        calls.load(Ordering::SeqCst),
        3,
        "pages at offsets 0, 10, 20"
    );

    // As a Stream of pages, starting at the request's own offset.
    let pages: Vec<_> = client
        .list_tasks()
        .body(filter.clone())
        .offset(5)
        .pages()
        .page_size(12)
        .collect()
        .await;
    let sizes: Vec<usize> = pages
        .into_iter()
        .map(|p| p.expect("page").data_list.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes, [12, 8]);

    // A cap stops fetching and yields exactly that many items.
    let before = calls.load(Ordering::SeqCst);
    let capped = client
        .list_tasks()
        .body(filter)
        .pages()
        .page_size(10)
        .max_items(12)
        .items(|p| p.data_list.unwrap_or_default());
    let capped: Vec<_> = capped.collect().await;
    assert_eq!(capped.len(), 12);
    assert_eq!(calls.load(Ordering::SeqCst) - before, 2);
}

#[tokio::test]
async fn each_page_is_validated_and_errors_end_the_walk() {
    let (server, calls) = listing(25).await;
    let filter = ListTasksRequestBody::new(TaskType::ClusterScan);
    let paging_client = client(&server);
    // limit must be 10–200: refused before anything is sent.
    let mut items = paging_client
        .list_tasks()
        .body(filter.clone())
        .pages()
        .page_size(5);
    match items.next().await {
        Some(Err(Error::InvalidInput(e))) => assert!(e.to_string().contains("limit"), "{e}"),
        other => panic!("expected invalid input, got {other:?}"),
    }
    assert!(items.next().await.is_none(), "an error ends the walk");
    assert_eq!(calls.load(Ordering::SeqCst), 0);

    // A failing second page: the first page's items, then the error, then the end.
    let failing = MockServer::start().await;
    let served = Arc::new(AtomicUsize::new(0));
    let counter = served.clone();
    Mock::given(any())
        .respond_with(move |_: &Request| {
            if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                let items: Vec<Value> = (0..10)
                    .map(|i| json!({"task_id": format!("t-{i}")}))
                    .collect();
                ResponseTemplate::new(200)
                    .set_body_json(json!({"total_num": 30, "data_list": items}))
            } else {
                ResponseTemplate::new(503)
                    .set_body_json(json!({"error_code": "HSS.0500", "error_msg": "busy"}))
            }
        })
        .mount(&failing)
        .await;
    let failing_client = client(&failing);
    let mut items = failing_client.list_tasks().body(filter).items();
    for _ in 0..10 {
        items.next().await.expect("item").expect("first page");
    }
    match items.next().await {
        Some(Err(Error::Service(e))) => assert_eq!((e.status, e.code.as_str()), (503, "HSS.0500")),
        other => panic!("expected the second page's error, got {other:?}"),
    }
    assert!(items.next().await.is_none());
    assert_eq!(served.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn pages_without_a_total_end_at_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(|request: &Request| {
            let offset = request
                .url
                .query_pairs()
                .any(|(k, v)| k == "offset" && v != "0");
            let list: Vec<Value> = if offset {
                vec![]
            } else {
                vec![json!({"cluster_id": "c-1"})]
            };
            ResponseTemplate::new(200).set_body_json(json!({"cluster_scan_data_list": list}))
        })
        .expect(2)
        .mount(&server)
        .await;
    let pages: Vec<_> = client(&server)
        .list_task_resources()
        .task_id("t-1")
        .body(ListTaskResourcesRequestBody::new(TaskType::ClusterScan))
        .pages()
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
}

/// ListTasks says `running` for the first `running_polls` polls, then
/// `finished`; ListTaskResources lists one failed cluster.
async fn task_service(running_polls: usize) -> (MockServer, Arc<AtomicUsize>) {
    let server = MockServer::start().await;
    let polls = Arc::new(AtomicUsize::new(0));
    let counter = polls.clone();
    Mock::given(path_regex("/tasks/batch-query$"))
        .respond_with(move |_: &Request| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let status = if n < running_polls {
                "running"
            } else {
                "finished"
            };
            ResponseTemplate::new(200).set_body_json(json!({"total_num": 2, "data_list": [
                {"task_id": "other", "task_status": "finished"},
                {"task_id": "t-1", "task_status": status}]}))
        })
        .mount(&server)
        .await;
    Mock::given(path_regex("/tasks/t-1/resources/batch-query$"))
        .respond_with(|request: &Request| {
            let filter: Value = serde_json::from_slice(&request.body).unwrap_or_default();
            assert_eq!(filter["cluster_scan_info"]["scan_status"], "failed");
            ResponseTemplate::new(200).set_body_json(json!({"total_num": 1, "cluster_scan_data_list": [
                {"cluster_id": "c-2", "scan_status": "failed",
                 "scan_detail_list": [{"scan_type": "cluster_vul", "status": "failed", "failed_reason": "unreachable"}]}]}))
        })
        .mount(&server)
        .await;
    (server, polls)
}

#[tokio::test]
async fn waiting_returns_the_finished_task_and_its_failed_clusters() {
    let (server, polls) = task_service(2).await;
    let finished = client(&server)
        .wait_for_task(TaskType::ClusterScan, "t-1")
        .delays(Duration::from_millis(5), Duration::from_millis(20))
        .deadline(Duration::from_secs(10))
        .wait()
        .await
        .expect("finishes");
    assert_eq!(finished.task.task_id.as_deref(), Some("t-1"));
    assert_eq!(finished.task.task_status, Some(TaskStatus::Finished));
    assert_eq!(polls.load(Ordering::SeqCst), 3);
    let failed = &finished.failed_clusters;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].cluster_id.as_deref(), Some("c-2"));
    assert_eq!(failed[0].scan_status, Some(ScanStatus::Failed));
    assert!(finished.failed_files.is_empty());
}

#[tokio::test]
async fn waiting_past_the_deadline_is_a_typed_timeout() {
    let (server, polls) = task_service(usize::MAX).await;
    let started = std::time::Instant::now();
    let error = client(&server)
        .wait_for_task(TaskType::ClusterScan, "t-1")
        .delays(Duration::from_millis(10), Duration::from_millis(40))
        .deadline(Duration::from_millis(300))
        .wait()
        .await
        .expect_err("never finishes");
    let elapsed = started.elapsed();
    match error {
        Error::WaitTimeout {
            waited,
            polls: counted,
        } => {
            assert!(waited >= Duration::from_millis(300), "{waited:?}");
            // The last poll may have been abandoned at the deadline before
            // the server saw it.
            let seen = polls.load(Ordering::SeqCst);
            assert!(
                counted as usize == seen || counted as usize == seen + 1,
                "{counted} vs {seen}"
            );
            assert!(counted >= 2, "backoff starts small: {counted} polls");
        }
        other => panic!("expected a wait timeout, got {other:?}"),
    }
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
}

#[tokio::test]
async fn a_dropped_wait_polls_no_more() {
    let (server, polls) = task_service(usize::MAX).await;
    let client = client(&server);
    let wait = client
        .wait_for_task(TaskType::ClusterScan, "t-1")
        .delays(Duration::from_millis(10), Duration::from_millis(10))
        .wait();
    assert!(tokio::time::timeout(Duration::from_millis(300), wait)
        .await
        .is_err());
    // A request already on its way when the wait was dropped may still land.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let seen = polls.load(Ordering::SeqCst);
    assert!(seen >= 1, "{seen}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(polls.load(Ordering::SeqCst), seen, "no poll after the drop");
}
