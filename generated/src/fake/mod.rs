//! A fake HSS task service, for testing code that uses this client without
//! Huawei Cloud credentials (feature `test-util`).
//!
//! [`FakeHss`] serves the five task operations over HTTP/1.1 on 127.0.0.1
//! (a random port) on the caller's tokio runtime, until it is dropped:
//!
//! - **tasks with realistic state**: CreateTask makes a task that is `ready`,
//!   then `running`, then `finished` as time passes (tokio's clock; see
//!   [`FakeHssBuilder::scan_time`]), with one resource per cluster (or
//!   file) whose scans succeed unless the test said otherwise
//!   ([`FakeHss::fail_cluster`]); RetryTask runs the failed clusters again;
//! - **paging and filters** as the spec describes them: `offset` 0–2000000,
//!   `limit` 10–200 (default 10), anything else is a 400;
//! - **authentication** as the API gateway checks it: the `SDK-HMAC-SHA256`
//!   signature is recomputed over the request as received, or the
//!   `X-Auth-Token` compared; a failure is a 401 `APIGW.0301`;
//! - **faults** on demand ([`Fault`]: any status and body, delays, dropped
//!   connections) and a record of every request ([`FakeHss::requests`]).
//!
//! Every answer carries an `X-Request-Id`. Errors use the
//! `{error_code, error_msg}` shape with the codes in this module.
//!
//! Where the API reference is silent the fake decides, and a test should not
//! take these for the service's behaviour: its error codes
//! ([`INVALID_REQUEST`], [`TASK_NOT_FOUND`]); task ids `fake-task-0001`, …
//! and names `cluster scan 1`, …; a 400 for retrying a task that is still
//! running or has no failed cluster, for naming a cluster that is not in
//! the task, and for an `all_cluster` scan with no cluster in the inventory.
//! Scans follow tokio's clock, so `tokio::time::pause` and `advance` move
//! them too (mind the client's own timeouts under paused time).
//!
//! # Example: a downstream test
//!
//! ```
//! use huaweicloud_hss::fake::{FakeHss, Fault};
//! use huaweicloud_hss::types::{
//!     ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
//!     ListTasksRequestBody, TaskStatus, TaskType,
//! };
//! use huaweicloud_hss::{Client, Error};
//!
//! /// The code under test: scans every cluster, waits, returns the failed count.
//! async fn scan_everything(client: &Client) -> Result<i32, Error> {
//!     let scan = ClusterScanInfo::new(vec![ClusterScanType::ClusterVul], ClusterScanRangeType::AllCluster);
//!     let created = client.create_task().body(CreateClusterScanTask::new(scan)).send().await?;
//!     let task_id = created.task_id.clone().unwrap_or_default();
//!     for _ in 0..100 {
//!         let query = ListTasksRequestBody::new(TaskType::ClusterScan).with_task_id(task_id.clone());
//!         let page = client.list_tasks().body(query).send().await?;
//!         let task = page.data_list.as_deref().and_then(<[_]>::first);
//!         if let Some(task) = task.filter(|t| t.task_status == Some(TaskStatus::Finished)) {
//!             return Ok(task.cluster_scan_info.as_ref().and_then(|i| i.failed_cluster_num).unwrap_or(0));
//!         }
//!         tokio::time::sleep(std::time::Duration::from_millis(20)).await;
//!     }
//!     Ok(-1)
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeHss::builder().clusters(["c-1", "c-2", "c-3"]).start().await?;
//! fake.fail_cluster("c-2", "network unreachable");
//! let client = fake.client()?;
//! assert_eq!(scan_everything(&client).await?, 1);
//!
//! fake.inject(Fault::status(503, "<html>busy</html>").only("CreateTask"));
//! match scan_everything(&client).await {
//!     Err(Error::Service(e)) => assert_eq!(e.status, 503),
//!     other => panic!("expected a 503, got {other:?}"),
//! }
//! assert_eq!(fake.requests().last().and_then(|r| r.operation.clone()).as_deref(), Some("CreateTask"));
//! # Ok(())
//! # }
//! ```

mod auth;
mod clock;
mod cluster;
mod errors;
mod fault;
mod recorded;
mod routes;
mod server;
mod store;
mod tasks;

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use cluster::FakeCluster;
use errors::ApiError;
pub use errors::{AUTH_FAILED, INVALID_REQUEST, NO_SUCH_API, TASK_NOT_FOUND};
pub use fault::Fault;
pub use recorded::RecordedRequest;

use auth::Identity;
use server::Shared;
use store::{Store, Timing, MAX_TIME};

use crate::{BuildError, Client, ClientBuilder, Credentials};

/// How long a new task stays `ready` by default.
pub const DEFAULT_QUEUE_TIME: Duration = Duration::from_millis(10);
/// How long a scan runs by default.
pub const DEFAULT_SCAN_TIME: Duration = Duration::from_millis(100);
/// The access key a fake accepts unless told otherwise.
pub const DEFAULT_AK: &str = "FAKEHSSACCESSKEY0001";
/// The project of a fake unless told otherwise.
pub const DEFAULT_PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";

/// An in-process fake HSS task service; dropping it stops the server.
///
/// Start it with [`FakeHss::start`] or [`FakeHss::builder`] inside a tokio
/// runtime, and point a client at it with [`FakeHss::client`].
pub struct FakeHss {
    address: SocketAddr,
    project_id: String,
    shared: Arc<Shared>,
    server: JoinHandle<()>,
}

impl FakeHss {
    /// Starts a fake with the defaults of [`FakeHssBuilder`].
    pub async fn start() -> std::io::Result<FakeHss> {
        FakeHss::builder().start().await
    }

    /// Configures a fake.
    pub fn builder() -> FakeHssBuilder {
        FakeHssBuilder::default()
    }

    /// The base URL, `http://127.0.0.1:<port>`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The project id of this fake's credentials.
    pub fn project_id(&self) -> &str {
        &self.project_id
    }

    /// The AK/SK pair the fake accepts, bound to its project.
    pub fn credentials(&self) -> Credentials {
        let identity = &self.shared.identity;
        let pair = crate::AkSk::new(identity.ak.clone(), identity.sk.clone())
            .with_project_id(self.project_id.clone());
        Credentials::AkSk(pair)
    }

    /// The IAM token the fake accepts in `X-Auth-Token`.
    pub fn token(&self) -> &str {
        &self.shared.identity.token
    }

    /// A client builder pointed at the fake with its AK/SK and project,
    /// for adding timeouts, retries or hooks.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .endpoint(self.endpoint())
            .credentials(self.credentials())
            .project_id(self.project_id.clone())
    }

    /// A client pointed at the fake with its AK/SK and project.
    pub fn client(&self) -> Result<Client, BuildError> {
        self.client_builder().build()
    }

    /// The next scan of cluster `cluster_id` fails with `reason`; a retry
    /// then succeeds. Applies to scans started after this call.
    pub fn fail_cluster(&self, cluster_id: impl Into<String>, reason: impl Into<String>) {
        self.fail_cluster_times(cluster_id, 1, reason);
    }

    /// The next `times` scans of cluster `cluster_id` fail with `reason`
    /// (`u32::MAX`: every one), so retries fail too; 0 cancels the plan.
    pub fn fail_cluster_times(
        &self,
        cluster_id: impl Into<String>,
        times: u32,
        reason: impl Into<String>,
    ) {
        self.plan_failure(cluster_id.into(), times, reason.into());
    }

    /// The scan of IaC file `file_id` fails with `reason` (IaC tasks cannot
    /// be retried). Applies to tasks created after this call.
    pub fn fail_file(&self, file_id: impl Into<String>, reason: impl Into<String>) {
        self.plan_failure(file_id.into(), 1, reason.into());
    }

    fn plan_failure(&self, resource_id: String, times: u32, reason: String) {
        let mut state = self.shared.state();
        state.store.plan_failure(resource_id, times, reason);
    }

    /// Queues a fault; the oldest fault matching a request acts on it.
    pub fn inject(&self, fault: Fault) {
        self.shared.state().faults.push(fault);
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.state().requests.clone()
    }
}

impl Drop for FakeHss {
    fn drop(&mut self) {
        // Aborting the accept loop drops the listener and every connection.
        self.server.abort();
    }
}

impl fmt::Debug for FakeHss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeHss")
            .field("endpoint", &self.endpoint())
            .field("project_id", &self.project_id)
            .finish_non_exhaustive()
    }
}

/// Configures a [`FakeHss`].
#[derive(Clone)]
#[must_use = "the fake starts only with `start`"]
pub struct FakeHssBuilder {
    timing: Timing,
    clusters: Vec<FakeCluster>,
    identity: Identity,
    project_id: String,
}

impl Default for FakeHssBuilder {
    /// Clusters `c-1`, `c-2`, `c-3`; [`DEFAULT_AK`], [`DEFAULT_PROJECT_ID`];
    /// tasks ready for [`DEFAULT_QUEUE_TIME`], then scanning for [`DEFAULT_SCAN_TIME`].
    fn default() -> Self {
        FakeHssBuilder {
            timing: Timing {
                queue_time: DEFAULT_QUEUE_TIME,
                scan_time: DEFAULT_SCAN_TIME,
            },
            clusters: ["c-1", "c-2", "c-3"].map(FakeCluster::new).into(),
            identity: Identity {
                ak: DEFAULT_AK.to_owned(),
                sk: "fake-hss-secret-key".to_owned(),
                token: "fake-hss-iam-token".to_owned(),
            },
            project_id: DEFAULT_PROJECT_ID.to_owned(),
        }
    }
}

impl FakeHssBuilder {
    /// How long each scan (of one cluster, or one file) runs, by tokio's
    /// clock; at most a day.
    pub fn scan_time(mut self, scan_time: Duration) -> Self {
        self.timing.scan_time = scan_time.min(MAX_TIME);
        self
    }

    /// How long a new task stays `ready` before it runs; at most a day.
    pub fn queue_time(mut self, queue_time: Duration) -> Self {
        self.timing.queue_time = queue_time.min(MAX_TIME);
        self
    }

    /// The clusters `all_cluster` scans, replacing the default three
    /// (`specific_cluster` scans may also name clusters not listed here).
    pub fn clusters<C: Into<FakeCluster>>(mut self, clusters: impl IntoIterator<Item = C>) -> Self {
        self.clusters = clusters.into_iter().map(Into::into).collect();
        self
    }

    /// The AK/SK pair the fake accepts.
    pub fn access_key(mut self, ak: impl Into<String>, sk: impl Into<String>) -> Self {
        self.identity.ak = ak.into();
        self.identity.sk = sk.into();
        self
    }

    /// The IAM token the fake accepts.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.identity.token = token.into();
        self
    }

    /// The project id bound to [`FakeHss::credentials`].
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = project_id.into();
        self
    }

    /// Binds 127.0.0.1 on a random port and serves on the current tokio runtime.
    pub async fn start(self) -> std::io::Result<FakeHss> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let address = listener.local_addr()?;
        let store = Store::new(self.timing, self.clusters);
        let shared = Arc::new(Shared::new(self.identity, store));
        let server = tokio::spawn(server::accept_loop(listener, Arc::clone(&shared)));
        Ok(FakeHss {
            address,
            project_id: self.project_id,
            shared,
            server,
        })
    }
}

impl fmt::Debug for FakeHssBuilder {
    // The SK and token are the fake's, but still not printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeHssBuilder")
            .field("timing", &self.timing)
            .field("clusters", &self.clusters)
            .field("ak", &self.identity.ak)
            .field("project_id", &self.project_id)
            .finish_non_exhaustive()
    }
}
