//! The HSS client set up for production: `tracing` output, a hook that adds
//! a header and counts responses, proxy and certificate settings or a shared
//! HTTP client, retries and a per-call timeout.
//!
//! ```sh
//! export CLOUD_SDK_AK=... CLOUD_SDK_SK=... HUAWEICLOUD_SDK_PROJECT_ID=...
//! export HSS_REGION=cn-north-4
//! export HSS_USE_PROXY_ENV=1                    # optional: honour HTTPS_PROXY and friends
//! export HSS_EXTRA_CA=/etc/ssl/company-ca.pem   # optional: also trust this CA
//! export HSS_SHARED_CLIENT=1                    # optional: send through the app's reqwest::Client
//! cargo run -p huaweicloud-hss --example production
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use huaweicloud_hss::runtime::reqwest;
use huaweicloud_hss::runtime::reqwest::header::{HeaderName, HeaderValue};
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use huaweicloud_hss::{
    Client, Credentials, Hook, HookError, HookRequest, HookResponse, HttpSettings, Region,
    RetryPolicy,
};

/// Tags every request with the application's name and counts statuses,
/// as a metrics exporter would.
#[derive(Debug, Default)]
struct Metrics {
    statuses: Mutex<BTreeMap<u16, u64>>,
}

impl Hook for Metrics {
    fn before_send(&self, request: &mut HookRequest<'_>) -> Result<(), HookError> {
        // Added before signing, so the signature covers it.
        request.add_header(
            HeaderName::from_static("x-request-source"),
            HeaderValue::from_static("inventory-service"),
        )
    }

    fn after_response(&self, response: &HookResponse<'_>) -> Result<(), HookError> {
        if let Ok(mut statuses) = self.statuses.lock() {
            *statuses.entry(response.status).or_default() += 1;
        }
        Ok(())
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // Spans `clientgen.call` and `clientgen.attempt`, printed when they close.
    tracing_subscriber::fmt()
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(std::io::stderr)
        .init();

    let credentials = match Credentials::from_env() {
        Ok(credentials) => credentials,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let region: Region = match std::env::var("HSS_REGION")
        .as_deref()
        .unwrap_or("cn-north-4")
        .parse()
    {
        Ok(region) => region,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let metrics = Arc::new(Metrics::default());
    let mut builder = Client::builder()
        .region(region)
        .credentials(credentials)
        // An `Arc` of a hook is a hook: the example keeps a handle to read it.
        .hook(Arc::clone(&metrics))
        .retry(RetryPolicy::connect_failures(3).also_statuses([429, 503]));
    if std::env::var_os("HSS_SHARED_CLIENT").is_some() {
        // One pool and one TLS setup for the whole application.
        let shared = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build();
        match shared {
            Ok(shared) => builder = builder.http_client(shared),
            Err(e) => {
                eprintln!("HTTP client: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let mut settings = HttpSettings::new().pool_max_idle_per_host(16);
        if std::env::var_os("HSS_USE_PROXY_ENV").is_some() {
            settings = settings.proxy_from_env();
        }
        if let Some(path) = std::env::var_os("HSS_EXTRA_CA") {
            match std::fs::read(&path) {
                Ok(pem) => settings = settings.add_root_certificates_pem(pem),
                Err(e) => {
                    eprintln!("{}: {e}", path.to_string_lossy());
                    return ExitCode::from(2);
                }
            }
        }
        builder = builder.http(settings);
    }
    let client = match builder.build() {
        Ok(client) => client,
        Err(e) => {
            eprintln!("cannot build the client: {e}");
            return ExitCode::from(2);
        }
    };

    let scan = ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul],
        ClusterScanRangeType::AllCluster,
    );
    let result = client
        .create_task()
        .body(CreateClusterScanTask::new(scan))
        .timeout(Duration::from_secs(10))
        .send()
        .await;
    let statuses = metrics
        .statuses
        .lock()
        .map(|s| s.clone())
        .unwrap_or_default();
    println!("responses by status: {statuses:?}");
    match result {
        Ok(response) => {
            println!(
                "created task {:?} (request id {:?})",
                response.task_id,
                response.request_id()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("failed ({}): {e}", e.kind());
            ExitCode::FAILURE
        }
    }
}
