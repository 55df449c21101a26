//! The whole task module: create a cluster scan, wait for it to finish, list
//! the clusters it scanned, retry the ones that failed and wait again.
//!
//! ```sh
//! export CLOUD_SDK_AK=... CLOUD_SDK_SK=...      # or HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK
//! export HUAWEICLOUD_SDK_PROJECT_ID=...          # the project to scan in
//! export HSS_REGION=cn-north-4                   # a region id
//! export HSS_WAIT_SECONDS=1800                   # optional: how long to wait for each run
//! export HSS_TIMEOUT_SECONDS=120                 # optional: how long each request may take
//! cargo run -p huaweicloud-hss --example task_lifecycle              # every cluster
//! cargo run -p huaweicloud-hss --example task_lifecycle -- c-1 c-2   # these clusters
//! ```

use std::process::ExitCode;
use std::time::Duration;

use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
    ListTaskResourcesRequestBody, RetryClusterInfo, RetryClusterRangeType, RetryClusterScanInfo,
    RetryTaskRequestBody, RetryTaskType, TaskType,
};
use huaweicloud_hss::{Client, Credentials, Error, FinishedTask, Region, RetryPolicy};

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(&e),
    }
}

async fn run() -> Result<(), Error> {
    let client = match client() {
        Ok(client) => client,
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(2);
        }
    };
    let clusters: Vec<String> = std::env::args().skip(1).collect();
    let range = if clusters.is_empty() {
        ClusterScanRangeType::AllCluster
    } else {
        ClusterScanRangeType::SpecificCluster
    };
    let scan = ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul, ClusterScanType::Benchmark],
        range,
    )
    .with_cluster_id_list(clusters);
    let created = client
        .create_task()
        .body(CreateClusterScanTask::new(scan))
        .send()
        .await?;
    let Some(task_id) = created.task_id.clone() else {
        eprintln!(
            "the service returned no task id (request {})",
            created.request_id().unwrap_or("-")
        );
        return Ok(());
    };
    println!("created task {task_id}");

    let finished = wait(&client, &task_id).await?;
    list_clusters(&client, &task_id).await?;
    if finished.failed_clusters.is_empty() {
        return Ok(());
    }
    let failed: Vec<RetryClusterInfo> = finished
        .failed_clusters
        .iter()
        .filter_map(|c| c.cluster_id.clone())
        .map(|id| RetryClusterInfo::new().with_cluster_id(id))
        .collect();
    println!("retrying {} failed cluster(s)", failed.len());
    let retry = RetryClusterScanInfo::new(RetryClusterRangeType::SpecificCluster)
        .with_cluster_info_list(failed);
    client
        .retry_task()
        .task_id(task_id.clone())
        .body(RetryTaskRequestBody::new(RetryTaskType::ClusterScan).with_cluster_scan_info(retry))
        .send()
        .await?;
    let finished = wait(&client, &task_id).await?;
    if finished.failed_clusters.is_empty() {
        println!("every cluster scanned after the retry");
    }
    Ok(())
}

/// A client from the environment. Only connect failures are retried: then
/// nothing reached the service, so even the create cannot happen twice.
fn client() -> Result<Client, String> {
    // Keeping AK/SK in the environment keeps them out of code and shell history.
    let credentials = Credentials::from_env().map_err(|e| e.to_string())?;
    let region_id = std::env::var("HSS_REGION").unwrap_or_else(|_| "cn-north-4".to_owned());
    let region: Region = region_id.parse().map_err(|e| format!("{e}"))?;
    let timeout = seconds_from_env("HSS_TIMEOUT_SECONDS").unwrap_or(120);
    Client::builder()
        .credentials(credentials)
        .region(region)
        .timeout(Duration::from_secs(timeout))
        .retry(RetryPolicy::connect_failures(3))
        .build()
        .map_err(|e| format!("cannot build the client: {e}"))
}

async fn wait(client: &Client, task_id: &str) -> Result<FinishedTask, Error> {
    let seconds = seconds_from_env("HSS_WAIT_SECONDS").unwrap_or(1800);
    let finished = client
        .wait_for_task(TaskType::ClusterScan, task_id)
        .deadline(Duration::from_secs(seconds))
        .wait()
        .await?;
    println!(
        "task {task_id} finished: {} cluster(s) failed",
        finished.failed_clusters.len()
    );
    for cluster in &finished.failed_clusters {
        let reasons: Vec<&str> = cluster
            .scan_detail_list
            .iter()
            .flatten()
            .filter_map(|d| d.failed_reason.as_deref())
            .collect();
        println!(
            "  failed: {} ({})",
            cluster.cluster_id.as_deref().unwrap_or("-"),
            reasons.join("; ")
        );
    }
    Ok(finished)
}

fn seconds_from_env(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.parse().ok())
}

/// Every cluster of the task, page by page.
async fn list_clusters(client: &Client, task_id: &str) -> Result<(), Error> {
    let mut pages = client
        .list_task_resources()
        .task_id(task_id)
        .body(ListTaskResourcesRequestBody::new(TaskType::ClusterScan))
        .pages()
        .page_size(100);
    while let Some(page) = pages.next().await {
        for cluster in page?.into_body().cluster_scan_data_list.unwrap_or_default() {
            println!(
                "  cluster {}: {}",
                cluster.cluster_id.as_deref().unwrap_or("-"),
                cluster
                    .scan_status
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// One arm per kind of failure: each asks for a different reaction.
fn report(error: &Error) -> ExitCode {
    match error {
        Error::InvalidInput(e) => eprintln!("not sent, the input is invalid: {e}"),
        Error::Connect(_) | Error::Tls(_) => {
            eprintln!("cannot reach HSS (check the region and network): {error}")
        }
        Error::Timeout(_) => eprintln!("HSS did not answer in time: {error}"),
        Error::WaitTimeout { waited, .. } => {
            eprintln!(
                "the task is still running after {} s; check it later",
                waited.as_secs()
            )
        }
        Error::Service(e) => {
            eprintln!("status code: {}", e.status);
            eprintln!("request id: {}", e.request_id.as_deref().unwrap_or("-"));
            eprintln!("error code: {}", e.code);
            eprintln!("error message: {}", e.message);
        }
        e if e.server_accepted() => {
            eprintln!("HSS accepted the request but its answer was unreadable; do not resend blindly: {e}")
        }
        other => eprintln!("{other}"),
    }
    ExitCode::FAILURE
}
