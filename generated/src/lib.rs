//! Typed client for Huawei Cloud Host Security Service (HSS), API v5.
//!
//! Generated at build time by `clientgen` from `spec/hss.yaml`; transport,
//! credentials, signing and errors come from the shared `clientgen-runtime`
//! crate (re-exported as [`runtime`]), so this client's [`Error`],
//! [`Response`] and [`RetryPolicy`] are those of every generated client.
//!
//! Every call checks the constraints of the API (required values, lengths,
//! item counts, enum values) before anything is sent, and every failure is a
//! typed [`Error`]: invalid input, connection failure, timeout, undecodable
//! response, or an error reported by the service.
//!
//! # Example
//!
//! ```no_run
//! use huaweicloud_hss::types::{
//!     ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
//! };
//! use huaweicloud_hss::{Client, Credentials, Error, Region};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder()
//!     .region(Region::CnNorth4)
//!     .credentials(Credentials::token(std::env::var("HSS_TOKEN")?))
//!     .project_id("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
//!     .build()?;
//!
//! let scan = ClusterScanInfo::new(vec![ClusterScanType::ClusterVul], ClusterScanRangeType::AllCluster);
//! match client
//!     .create_task()
//!     .enterprise_project_id("0")
//!     .body(CreateClusterScanTask::new(scan))
//!     .send()
//!     .await
//! {
//!     Ok(response) => println!("task {:?} (request {:?})", response.task_id, response.request_id()),
//!     Err(Error::Service(e)) => eprintln!(
//!         "HSS refused: {} {} {} {}",
//!         e.status,
//!         e.request_id.as_deref().unwrap_or("-"),
//!         e.code,
//!         e.message
//!     ),
//!     Err(other) => return Err(other.into()),
//! }
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/hss.rs"));

mod wait;
pub use wait::{FinishedTask, WaitForTask};

#[cfg(feature = "test-util")]
pub mod fake;
