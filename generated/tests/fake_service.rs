//! The fake HSS service's tasks (feature `test-util`), used as a downstream
//! crate would: create, poll, page through, retry. Faults and
//! authentication are in `fake_service_faults.rs`.

use std::time::Duration;

use huaweicloud_hss::fake::{FakeCluster, FakeHss, INVALID_REQUEST, TASK_NOT_FOUND};
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanResource, ClusterScanType,
    CreateClusterScanTask, CreateIacScanTask, IacFileType, IacScanInfo,
    ListTaskResourcesClusterScanInfo, ListTaskResourcesIacScanInfo, ListTaskResourcesRequestBody,
    ListTasksRequestBody, RetryClusterInfo, RetryClusterRangeType, RetryClusterScanInfo,
    RetryTaskRequestBody, RetryTaskType, ScanStatus, TaskInfo, TaskStatus, TaskType,
};
use huaweicloud_hss::{Client, Error};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SCAN_TYPES: [ClusterScanType; 2] = [ClusterScanType::ClusterVul, ClusterScanType::Benchmark];

async fn create_cluster_scan(client: &Client, scan: ClusterScanInfo) -> Result<String, Error> {
    let created = client
        .create_task()
        .body(CreateClusterScanTask::new(scan))
        .send()
        .await?;
    Ok(created.task_id.clone().unwrap_or_default())
}

async fn find_task(client: &Client, task_type: TaskType, task_id: &str) -> Result<TaskInfo, Error> {
    let query = ListTasksRequestBody::new(task_type).with_task_id(task_id);
    let page = client.list_tasks().body(query).send().await?;
    assert_eq!(page.total_num, Some(1), "{task_id} is listed once");
    Ok(page.into_body().data_list.unwrap_or_default().remove(0))
}

/// Polls ListTasks until the task is finished (at most ~4 s).
async fn wait_until_finished(
    client: &Client,
    task_type: TaskType,
    task_id: &str,
) -> Result<TaskInfo, Error> {
    for _ in 0..200 {
        let task = find_task(client, task_type.clone(), task_id).await?;
        if task.task_status == Some(TaskStatus::Finished) {
            return Ok(task);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("task {task_id} did not finish");
}

/// (scanning, success, failed) clusters of a task.
fn cluster_counts(task: &TaskInfo) -> (i32, i32, i32) {
    let info = task.cluster_scan_info.clone().unwrap_or_default();
    (
        info.scanning_cluster_num.unwrap_or(-1),
        info.success_cluster_num.unwrap_or(-1),
        info.failed_cluster_num.unwrap_or(-1),
    )
}

async fn all_clusters(client: &Client, task_id: &str) -> Result<Vec<ClusterScanResource>, Error> {
    let query = ListTaskResourcesRequestBody::new(TaskType::ClusterScan);
    let mut pages = client
        .list_task_resources()
        .task_id(task_id)
        .limit(10)
        .body(query)
        .pages();
    let mut clusters = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page?;
        assert_eq!(page.total_num, Some(25), "every page counts every cluster");
        clusters.extend(page.into_body().cluster_scan_data_list.unwrap_or_default());
    }
    Ok(clusters)
}

#[tokio::test]
async fn a_cluster_scan_runs_pages_and_retries_its_failed_clusters() -> TestResult {
    let ids: Vec<String> = (1..=25).map(|n| format!("c-{n:02}")).collect();
    let fake = FakeHss::builder()
        .clusters(
            ids.iter()
                .map(|id| FakeCluster::new(id.clone()).name(format!("prod {id}"))),
        )
        .scan_time(Duration::from_millis(250))
        .start()
        .await?;
    fake.fail_cluster("c-02", "network unreachable");
    fake.fail_cluster("c-17", "agent offline");
    fake.fail_cluster_times("c-23", 2, "kube-apiserver timeout");
    let client = fake.client()?;

    let scan = ClusterScanInfo::new(SCAN_TYPES.to_vec(), ClusterScanRangeType::AllCluster);
    let task_id = create_cluster_scan(&client, scan).await?;
    let fresh = find_task(&client, TaskType::ClusterScan, &task_id).await?;
    assert!(matches!(
        fresh.task_status,
        Some(TaskStatus::Ready | TaskStatus::Running)
    ));
    assert_eq!(
        fresh.trigger_type.as_ref().map(|t| t.as_str()),
        Some("manual")
    );
    assert!(fresh.start_time.is_some_and(|ms| ms > 1_700_000_000_000));

    let finished = wait_until_finished(&client, TaskType::ClusterScan, &task_id).await?;
    assert_eq!(cluster_counts(&finished), (0, 22, 3));
    assert!(finished.end_time >= finished.start_time);

    // 25 clusters, 10 a page: offsets 0, 10, 20.
    let before = fake.requests().len();
    let clusters = all_clusters(&client, &task_id).await?;
    let got: Vec<String> = clusters
        .iter()
        .filter_map(|c| c.cluster_id.clone())
        .collect();
    assert_eq!(got, ids);
    let offsets: Vec<Option<String>> = fake.requests()[before..]
        .iter()
        .map(|r| r.query_param("offset"))
        .collect();
    assert_eq!(
        offsets,
        [Some("0".into()), Some("10".into()), Some("20".into())]
    );
    let c02 = &clusters[1];
    assert_eq!(c02.cluster_name.as_deref(), Some("prod c-02"));
    assert_eq!(c02.scan_status, Some(ScanStatus::Failed));
    let details = c02.scan_detail_list.clone().unwrap_or_default();
    assert_eq!(details.len(), 2, "one detail per scan type");
    assert!(details
        .iter()
        .all(|d| d.failed_reason.as_deref() == Some("network unreachable")));

    // The failed clusters, through the filter.
    let failed_only = ListTaskResourcesRequestBody::new(TaskType::ClusterScan)
        .with_cluster_scan_info(
            ListTaskResourcesClusterScanInfo::new().with_scan_status(ScanStatus::Failed),
        );
    let failed = client
        .list_task_resources()
        .task_id(&task_id)
        .body(failed_only.clone())
        .send()
        .await?;
    assert_eq!(failed.total_num, Some(3));

    // Retry every failed cluster: the task runs again; c-23 fails once more.
    let retry_all = RetryTaskRequestBody::new(RetryTaskType::ClusterScan).with_cluster_scan_info(
        RetryClusterScanInfo::new(RetryClusterRangeType::AllFailedCluster),
    );
    client
        .retry_task()
        .task_id(&task_id)
        .body(retry_all)
        .send()
        .await?;
    let rerunning = find_task(&client, TaskType::ClusterScan, &task_id).await?;
    assert_eq!(rerunning.task_status, Some(TaskStatus::Running));
    assert_eq!(cluster_counts(&rerunning), (3, 22, 0));
    let finished = wait_until_finished(&client, TaskType::ClusterScan, &task_id).await?;
    assert_eq!(cluster_counts(&finished), (0, 24, 1));

    // Retry c-23 by name: its planned failures are used up.
    let retry_one = RetryTaskRequestBody::new(RetryTaskType::ClusterScan).with_cluster_scan_info(
        RetryClusterScanInfo::new(RetryClusterRangeType::SpecificCluster)
            .with_cluster_info_list(vec![RetryClusterInfo::new().with_cluster_id("c-23")]),
    );
    client
        .retry_task()
        .task_id(&task_id)
        .body(retry_one)
        .send()
        .await?;
    let finished = wait_until_finished(&client, TaskType::ClusterScan, &task_id).await?;
    assert_eq!(cluster_counts(&finished), (0, 25, 0));
    let failed = client
        .list_task_resources()
        .task_id(&task_id)
        .body(failed_only)
        .send()
        .await?;
    assert_eq!(failed.total_num, Some(0));
    assert!(
        failed.request_id().is_some(),
        "every answer has an X-Request-Id"
    );
    Ok(())
}

#[tokio::test]
async fn list_tasks_walks_every_item_with_filters_and_statistics() -> TestResult {
    let fake = FakeHss::builder()
        .scan_time(Duration::from_secs(60))
        .start()
        .await?;
    let client = fake.client()?;
    let mut created = Vec::new();
    for n in 0..12 {
        let ids = vec![format!("c-{n}")];
        let scan = ClusterScanInfo::new(
            vec![ClusterScanType::ClusterVul],
            ClusterScanRangeType::SpecificCluster,
        )
        .with_cluster_id_list(ids);
        created.push(create_cluster_scan(&client, scan).await?);
    }
    let files = IacScanInfo::new(IacFileType::K8sYaml, vec!["f-1".to_owned()]);
    client
        .create_task()
        .body(CreateIacScanTask::new(files))
        .send()
        .await?;

    let every = client
        .list_tasks()
        .limit(10)
        .body(ListTasksRequestBody::new(TaskType::ClusterScan))
        .items()
        .all()
        .await?;
    let listed: Vec<String> = every.iter().filter_map(|t| t.task_id.clone()).collect();
    created.reverse();
    assert_eq!(listed, created, "newest first, the IaC task left out");

    let named = ListTasksRequestBody::new(TaskType::ClusterScan).with_task_name("scan 1");
    let page = client.list_tasks().body(named).send().await?;
    assert_eq!(page.total_num, Some(4), "scan 1, 10, 11, 12");
    let finished =
        ListTasksRequestBody::new(TaskType::ClusterScan).with_task_status(TaskStatus::Finished);
    assert_eq!(
        client.list_tasks().body(finished).send().await?.total_num,
        Some(0)
    );

    let statistics = client
        .show_task_statistics()
        .task_type(TaskType::ClusterScan)
        .send()
        .await?;
    assert_eq!(statistics.total_num, Some(12));
    assert_eq!(statistics.running_num, Some(12));
    assert_eq!(statistics.last_task_start_time, every[0].start_time);
    Ok(())
}

#[tokio::test]
async fn retrying_an_unknown_or_iac_task_is_refused() -> TestResult {
    // Scans that outlast the test, so the last task is surely still running.
    let fake = FakeHss::builder()
        .scan_time(Duration::from_secs(60))
        .start()
        .await?;
    let client = fake.client()?;
    let retry = RetryTaskRequestBody::new(RetryTaskType::ClusterScan).with_cluster_scan_info(
        RetryClusterScanInfo::new(RetryClusterRangeType::AllFailedCluster),
    );
    match client
        .retry_task()
        .task_id("no-such-task")
        .body(retry.clone())
        .send()
        .await
    {
        Err(Error::Service(e)) => assert_eq!((e.status, e.code.as_str()), (404, TASK_NOT_FOUND)),
        other => panic!("expected a 404, got {other:?}"),
    }
    let files = IacScanInfo::new(IacFileType::Dockerfile, vec!["f-1".to_owned()]);
    let created = client
        .create_task()
        .body(CreateIacScanTask::new(files))
        .send()
        .await?;
    let iac_task = created.task_id.clone().unwrap_or_default();
    match client
        .retry_task()
        .task_id(iac_task)
        .body(retry.clone())
        .send()
        .await
    {
        Err(Error::Service(e)) => assert_eq!((e.status, e.code.as_str()), (400, INVALID_REQUEST)),
        other => panic!("expected a 400, got {other:?}"),
    }
    let scan = ClusterScanInfo::new(SCAN_TYPES.to_vec(), ClusterScanRangeType::AllCluster);
    let running = create_cluster_scan(&client, scan).await?;
    let early = client
        .retry_task()
        .task_id(running)
        .body(retry)
        .send()
        .await;
    assert_eq!(
        early.err().and_then(|e| e.status()),
        Some(400),
        "still running"
    );
    Ok(())
}

#[tokio::test]
async fn an_iac_scan_reports_each_file() -> TestResult {
    let fake = FakeHss::start().await?;
    fake.fail_file("f-2", "unparsable YAML");
    let client = fake.client()?;
    let ids = vec!["f-1".to_owned(), "f-2".to_owned(), "f-3".to_owned()];
    let files = IacScanInfo::new(IacFileType::K8sYaml, ids);
    let created = client
        .create_task()
        .body(CreateIacScanTask::new(files))
        .send()
        .await?;
    let task_id = created.task_id.clone().unwrap_or_default();
    let task = wait_until_finished(&client, TaskType::IacScan, &task_id).await?;
    let counts = task.iac_scan_info.unwrap_or_default();
    assert_eq!(
        (
            counts.scan_file_num,
            counts.success_file_num,
            counts.failed_file_num
        ),
        (Some(3), Some(2), Some(1))
    );
    let by_name = ListTaskResourcesIacScanInfo::new().with_file_name("f-2");
    let query = ListTaskResourcesRequestBody::new(TaskType::IacScan).with_iac_scan_info(by_name);
    let page = client
        .list_task_resources()
        .task_id(&task_id)
        .body(query)
        .send()
        .await?;
    assert_eq!(page.total_num, Some(1));
    let file = page
        .into_body()
        .iac_scan_data_list
        .unwrap_or_default()
        .remove(0);
    assert_eq!(file.file_name.as_deref(), Some("f-2.yaml"));
    assert_eq!(file.scan_status, Some(ScanStatus::Failed));
    assert_eq!(file.failed_reason.as_deref(), Some("unparsable YAML"));
    Ok(())
}
