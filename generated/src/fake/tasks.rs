//! The fake's tasks: what CreateTask makes and RetryTask re-runs, with
//! statuses derived from tokio's clock, so nothing runs in the background.

use std::time::Duration;

use tokio::time::Instant;

use super::clock::{Clock, Window};
use super::FakeCluster;
use crate::types::{
    ClusterScanDetail, ClusterScanResource, ClusterScanType, IacFileType, IacScanResource,
    ScanStatus, TaskClusterScanInfo, TaskIacScanInfo, TaskInfo, TaskStatus, TaskType, TriggerType,
};

/// One scan of one resource (per scan type for clusters), decided when it starts.
#[derive(Debug, Clone)]
struct Scan {
    scan_type: Option<ClusterScanType>,
    started: Instant,
    ends: Instant,
    failure: Option<String>,
}

impl Scan {
    /// Whether a retry of `scan_types` (all, when `None`) runs this scan again.
    fn is_rerun(&self, scan_types: Option<&[ClusterScanType]>, now: Instant) -> bool {
        let chosen = match (scan_types, &self.scan_type) {
            (Some(types), Some(scan_type)) => types.contains(scan_type),
            _ => true,
        };
        chosen && self.status(now) == ScanStatus::Failed
    }

    fn status(&self, now: Instant) -> ScanStatus {
        if now < self.ends {
            ScanStatus::Scanning
        } else if self.failure.is_some() {
            ScanStatus::Failed
        } else {
            ScanStatus::Success
        }
    }
}

#[derive(Debug, Clone)]
enum Target {
    Cluster(FakeCluster),
    File { id: String, file_type: IacFileType },
}

/// A cluster or file of a task and its scans.
#[derive(Debug, Clone)]
struct Resource {
    target: Target,
    scans: Vec<Scan>,
}

impl Resource {
    fn id(&self) -> &str {
        match &self.target {
            Target::Cluster(cluster) => &cluster.id,
            Target::File { id, .. } => id,
        }
    }

    /// Scanning while any scan runs, failed when any failed, else success.
    fn status(&self, now: Instant) -> ScanStatus {
        let statuses: Vec<ScanStatus> = self.scans.iter().map(|s| s.status(now)).collect();
        if statuses.contains(&ScanStatus::Scanning) {
            ScanStatus::Scanning
        } else if statuses.contains(&ScanStatus::Failed) {
            ScanStatus::Failed
        } else {
            ScanStatus::Success
        }
    }

    fn times(&self, now: Instant, clock: &Clock) -> (Option<i64>, Option<i64>) {
        let started = self.scans.iter().map(|s| s.started).min();
        let ends = self.scans.iter().map(|s| s.ends).max();
        let start_ms = started.filter(|at| *at <= now).map(|at| clock.ms(at));
        let end_ms = ends.filter(|at| *at <= now).map(|at| clock.ms(at));
        (start_ms, end_ms)
    }

    fn cluster_view(
        &self,
        cluster: &FakeCluster,
        now: Instant,
        clock: &Clock,
    ) -> ClusterScanResource {
        let (start, end) = self.times(now, clock);
        let details: Vec<ClusterScanDetail> = self
            .scans
            .iter()
            .map(|scan| {
                let status = scan.status(now);
                let mut detail = ClusterScanDetail::new().with_status(status.clone());
                if let Some(scan_type) = &scan.scan_type {
                    detail = detail.with_scan_type(scan_type.clone());
                }
                match (&scan.failure, status) {
                    (Some(reason), ScanStatus::Failed) => detail.with_failed_reason(reason.clone()),
                    _ => detail,
                }
            })
            .collect();
        let mut view = ClusterScanResource::new()
            .with_cluster_id(cluster.id.clone())
            .with_cluster_name(cluster.name.clone())
            .with_cluster_type(cluster.cluster_type.clone())
            .with_cluster_version(cluster.version.clone())
            .with_scan_status(self.status(now))
            .with_scan_detail_list(details);
        view.start_time = start;
        view.end_time = end;
        view
    }

    fn file_view(
        &self,
        id: &str,
        file_type: &IacFileType,
        now: Instant,
        clock: &Clock,
    ) -> IacScanResource {
        let (start, end) = self.times(now, clock);
        let status = self.status(now);
        let mut view = IacScanResource::new()
            .with_file_id(id.to_owned())
            .with_file_name(file_name(id, file_type))
            .with_file_type(file_type.clone())
            .with_file_size(1024)
            .with_scan_status(status.clone());
        if status == ScanStatus::Failed {
            view.failed_reason = self.scans.iter().find_map(|s| s.failure.clone());
        }
        view.start_time = start;
        view.end_time = end;
        view
    }
}

/// The name the fake gives an uploaded file: `<id>.yaml` or `<id>.Dockerfile`.
fn file_name(id: &str, file_type: &IacFileType) -> String {
    match file_type {
        IacFileType::Dockerfile => format!("{id}.Dockerfile"),
        _ => format!("{id}.yaml"),
    }
}

/// A task as the fake keeps it.
#[derive(Debug, Clone)]
pub(super) struct Task {
    id: String,
    name: String,
    task_type: TaskType,
    scan_types: Vec<ClusterScanType>,
    file_type: Option<IacFileType>,
    created: Instant,
    queued_until: Instant,
    resources: Vec<Resource>,
}

impl Task {
    pub(super) fn status(&self, now: Instant) -> TaskStatus {
        if now < self.queued_until {
            TaskStatus::Ready
        } else if self
            .resources
            .iter()
            .any(|r| r.status(now) == ScanStatus::Scanning)
        {
            TaskStatus::Running
        } else {
            TaskStatus::Finished
        }
    }

    fn count(&self, now: Instant, status: ScanStatus) -> i32 {
        let n = self
            .resources
            .iter()
            .filter(|r| r.status(now) == status)
            .count();
        i32::try_from(n).unwrap_or(i32::MAX)
    }

    /// The task as ListTasks shows it.
    pub(super) fn info(&self, now: Instant, clock: &Clock) -> TaskInfo {
        let status = self.status(now);
        let ends = self
            .resources
            .iter()
            .flat_map(|r| &r.scans)
            .map(|s| s.ends)
            .max();
        let mut info = TaskInfo::new()
            .with_task_id(self.id.clone())
            .with_task_name(self.name.clone())
            .with_task_type(self.task_type.clone())
            .with_trigger_type(TriggerType::Manual)
            .with_task_status(status.clone())
            .with_start_time(clock.ms(self.created));
        let remaining = ends.map_or(Duration::ZERO, |at| at.saturating_duration_since(now));
        // The field counts whole minutes: round up so a running task never says 0.
        let minutes = remaining.as_millis().div_ceil(60_000);
        info.estimated_time = Some(i32::try_from(minutes).unwrap_or(i32::MAX));
        if status == TaskStatus::Finished {
            info.end_time = ends.map(|at| clock.ms(at));
        }
        let (scanning, success, failed) = (
            self.count(now, ScanStatus::Scanning),
            self.count(now, ScanStatus::Success),
            self.count(now, ScanStatus::Failed),
        );
        match &self.file_type {
            None => {
                info.cluster_scan_info = Some(
                    TaskClusterScanInfo::new()
                        .with_scan_type_list(self.scan_types.clone())
                        .with_scanning_cluster_num(scanning)
                        .with_success_cluster_num(success)
                        .with_failed_cluster_num(failed),
                );
            }
            Some(file_type) => {
                info.iac_scan_info = Some(
                    TaskIacScanInfo::new()
                        .with_file_type(file_type.clone())
                        .with_scan_file_num(i32::try_from(self.resources.len()).unwrap_or(i32::MAX))
                        .with_success_file_num(success)
                        .with_failed_file_num(failed),
                );
            }
        }
        info
    }

    /// A cluster scan of `clusters`, each with the failure it is to meet.
    pub(super) fn cluster_scan(
        id: String,
        name: String,
        scan_types: Vec<ClusterScanType>,
        clusters: Vec<(FakeCluster, Option<String>)>,
        window: Window,
    ) -> Self {
        let resources = clusters
            .into_iter()
            .map(|(cluster, failure)| Resource {
                scans: scan_types
                    .iter()
                    .map(|scan_type| Scan {
                        scan_type: Some(scan_type.clone()),
                        started: window.start,
                        ends: window.ends,
                        failure: failure.clone(),
                    })
                    .collect(),
                target: Target::Cluster(cluster),
            })
            .collect();
        Task {
            id,
            name,
            task_type: TaskType::ClusterScan,
            scan_types,
            file_type: None,
            created: window.created,
            queued_until: window.start,
            resources,
        }
    }

    /// An IaC scan of the files `files`, each with the failure it is to meet.
    pub(super) fn iac_scan(
        id: String,
        name: String,
        file_type: IacFileType,
        files: Vec<(String, Option<String>)>,
        window: Window,
    ) -> Self {
        let resources = files
            .into_iter()
            .map(|(file_id, failure)| Resource {
                target: Target::File {
                    id: file_id,
                    file_type: file_type.clone(),
                },
                scans: vec![Scan {
                    scan_type: None,
                    started: window.start,
                    ends: window.ends,
                    failure,
                }],
            })
            .collect();
        Task {
            id,
            name,
            task_type: TaskType::IacScan,
            scan_types: Vec::new(),
            file_type: Some(file_type),
            created: window.created,
            queued_until: window.start,
            resources,
        }
    }

    pub(super) fn id(&self) -> &str {
        &self.id
    }

    pub(super) fn name(&self) -> &str {
        &self.name
    }

    pub(super) fn task_type(&self) -> &TaskType {
        &self.task_type
    }

    pub(super) fn created(&self) -> Instant {
        self.created
    }

    pub(super) fn scan_types(&self) -> &[ClusterScanType] {
        &self.scan_types
    }

    pub(super) fn file_type(&self) -> Option<&IacFileType> {
        self.file_type.as_ref()
    }

    pub(super) fn is_active(&self, now: Instant) -> bool {
        self.status(now) != TaskStatus::Finished
    }

    /// The clusters of a cluster scan, as ListTaskResources shows them.
    pub(super) fn clusters(&self, now: Instant, clock: &Clock) -> Vec<ClusterScanResource> {
        self.resources
            .iter()
            .filter_map(|r| match &r.target {
                Target::Cluster(cluster) => Some(r.cluster_view(cluster, now, clock)),
                Target::File { .. } => None,
            })
            .collect()
    }

    /// The files of an IaC scan, as ListTaskResources shows them.
    pub(super) fn files(&self, now: Instant, clock: &Clock) -> Vec<IacScanResource> {
        self.resources
            .iter()
            .filter_map(|r| match &r.target {
                Target::File { id, file_type } => Some(r.file_view(id, file_type, now, clock)),
                Target::Cluster(_) => None,
            })
            .collect()
    }

    pub(super) fn resource_ids(&self) -> impl Iterator<Item = &str> {
        self.resources.iter().map(Resource::id)
    }

    /// Whether resource `id` has a failed scan (of `scan_types`, when given).
    pub(super) fn can_rerun(
        &self,
        id: &str,
        scan_types: Option<&[ClusterScanType]>,
        now: Instant,
    ) -> bool {
        self.resources
            .iter()
            .filter(|r| r.id() == id)
            .flat_map(|r| &r.scans)
            .any(|scan| scan.is_rerun(scan_types, now))
    }

    /// Runs the failed scans of resource `id` again (only those of
    /// `scan_types`, when given), meeting `failure`.
    pub(super) fn rerun(
        &mut self,
        id: &str,
        scan_types: Option<&[ClusterScanType]>,
        failure: Option<String>,
        window: Window,
    ) {
        let resources = self.resources.iter_mut().filter(|r| r.id() == id);
        for scan in resources.flat_map(|r| &mut r.scans) {
            if scan.is_rerun(scan_types, window.start) {
                scan.started = window.start;
                scan.ends = window.ends;
                scan.failure = failure.clone();
            }
        }
    }
}
