//! CreateTask, as in the API reference page's Java, Python and Go examples.
//!
//! ```sh
//! export CLOUD_SDK_AK=... CLOUD_SDK_SK=...      # or HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK
//! export HUAWEICLOUD_SDK_PROJECT_ID=...          # the project to scan in
//! export HSS_REGION=cn-north-4                   # a region id
//! cargo run -p huaweicloud-hss --example create_task -- cluster
//! cargo run -p huaweicloud-hss --example create_task -- iac <file id>...
//! ```
//!
//! `HUAWEICLOUD_SDK_REGION_HSS_<REGION_ID>` (e.g. `..._CN_NORTH_4`) replaces
//! the region's endpoint, as with the official SDKs.

use std::process::ExitCode;

use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
    CreateIacScanTask, CreateTaskRequestBody, IacFileType, IacScanInfo,
};
use huaweicloud_hss::{Client, Credentials, Error, Region};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let body: CreateTaskRequestBody = match args.first().map(String::as_str) {
        Some("cluster") => CreateClusterScanTask::new(ClusterScanInfo::new(
            vec![
                ClusterScanType::ClusterVul,
                ClusterScanType::RiskAssessment,
                ClusterScanType::Benchmark,
            ],
            ClusterScanRangeType::AllCluster,
        ))
        .into(),
        Some("iac") => CreateIacScanTask::new(IacScanInfo::new(
            IacFileType::Dockerfile,
            args[1..].to_vec(),
        ))
        .into(),
        _ => {
            eprintln!("usage: create_task cluster | create_task iac <file id>...");
            return ExitCode::from(2);
        }
    };

    // Keeping AK/SK in the environment keeps them out of code and shell history.
    let credentials = match Credentials::from_env() {
        Ok(credentials) => credentials,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let region_id = std::env::var("HSS_REGION").unwrap_or_else(|_| "cn-north-4".to_owned());
    let region: Region = match region_id.parse() {
        Ok(region) => region,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let client = match Client::builder()
        .credentials(credentials)
        .region(region)
        .build()
    {
        Ok(client) => client,
        Err(e) => {
            eprintln!("cannot build the client: {e}");
            return ExitCode::from(2);
        }
    };

    match client.create_task().body(body).send().await {
        Ok(response) => {
            println!(
                "created task {} (status {}, request id {})",
                response.task_id.as_deref().unwrap_or("-"),
                response.status(),
                response.request_id().unwrap_or("-")
            );
            ExitCode::SUCCESS
        }
        Err(Error::Service(e)) => {
            println!("status code: {}", e.status);
            println!("request id: {}", e.request_id.as_deref().unwrap_or("-"));
            println!("error code: {}", e.code);
            println!("error message: {}", e.message);
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
