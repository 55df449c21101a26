//! What the fake service knows: its clusters, the tasks created so far and
//! the failures a test asked for; one method per operation.

use std::collections::HashMap;
use std::time::Duration;

use tokio::time::Instant;

use super::clock::{Clock, Window};
use super::tasks::Task;
use super::{ApiError, FakeCluster};
use crate::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanResource, ClusterScanType,
    CreateTaskRequestBody, IacScanInfo, IacScanResource, ListTaskResourcesRequestBody,
    ListTasksRequestBody, RetryClusterRangeType, RetryClusterScanInfo, RetryTaskRequestBody,
    ShowTaskStatisticsResponseBody, SortDir, TaskInfo, TaskType, TriggerType,
};

/// How long tasks wait and scan.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timing {
    pub(super) queue_time: Duration,
    pub(super) scan_time: Duration,
}

/// The longest queue or scan time: far beyond any test, and far from the
/// end of `Instant`'s range, so adding it to now cannot overflow.
pub(super) const MAX_TIME: Duration = Duration::from_secs(24 * 60 * 60);

/// Scans of one resource still to fail, and why.
#[derive(Debug, Clone)]
struct PlannedFailure {
    remaining: u32,
    reason: String,
}

/// The resources a ListTaskResources call returns, by task type.
#[derive(Debug)]
pub(super) enum Resources {
    Clusters(Vec<ClusterScanResource>),
    Files(Vec<IacScanResource>),
}

/// The fake's state behind its operations.
#[derive(Debug)]
pub(super) struct Store {
    timing: Timing,
    clock: Clock,
    clusters: Vec<FakeCluster>,
    tasks: Vec<Task>,
    failures: HashMap<String, PlannedFailure>,
}

impl Store {
    pub(super) fn new(timing: Timing, clusters: Vec<FakeCluster>) -> Self {
        Store {
            timing,
            clock: Clock::new(),
            clusters,
            tasks: Vec::new(),
            failures: HashMap::new(),
        }
    }

    /// The next `times` scans of resource `id` fail with `reason`.
    pub(super) fn plan_failure(&mut self, id: String, times: u32, reason: String) {
        if times == 0 {
            self.failures.remove(&id);
        } else {
            let failure = PlannedFailure {
                remaining: times,
                reason,
            };
            self.failures.insert(id, failure);
        }
    }

    /// The failure the scan of `id` starting now meets, if one is planned.
    fn next_failure(&mut self, id: &str) -> Option<String> {
        let planned = self.failures.get_mut(id)?;
        planned.remaining = planned.remaining.saturating_sub(1);
        let reason = planned.reason.clone();
        if planned.remaining == 0 {
            self.failures.remove(id);
        }
        Some(reason)
    }

    /// A new task waits its queue time, then scans.
    fn new_task_window(&self, now: Instant) -> Window {
        let start = now + self.timing.queue_time;
        Window {
            created: now,
            start,
            ends: start + self.timing.scan_time,
        }
    }

    /// A retry scans at once.
    fn retry_window(&self, now: Instant) -> Window {
        Window {
            created: now,
            start: now,
            ends: now + self.timing.scan_time,
        }
    }

    pub(super) fn create(
        &mut self,
        body: &CreateTaskRequestBody,
        now: Instant,
    ) -> Result<String, ApiError> {
        let number = self.tasks.len() + 1;
        let id = format!("fake-task-{number:04}");
        let window = self.new_task_window(now);
        let task = match body {
            CreateTaskRequestBody::ClusterScan(task) => {
                let name = format!("cluster scan {number}");
                self.cluster_task(id.clone(), name, &task.cluster_scan_info, window)?
            }
            CreateTaskRequestBody::IacScan(task) => {
                let name = format!("iac scan {number}");
                self.iac_task(id.clone(), name, &task.iac_scan_info, window)
            }
            CreateTaskRequestBody::Unknown(other) => {
                return Err(ApiError::invalid(format!(
                    "task_type {} is not supported",
                    other.tag()
                )))
            }
        };
        self.tasks.push(task);
        Ok(id)
    }

    fn cluster_task(
        &mut self,
        id: String,
        name: String,
        info: &ClusterScanInfo,
        window: Window,
    ) -> Result<Task, ApiError> {
        let ids: Vec<String> = match &info.range_type {
            ClusterScanRangeType::SpecificCluster => match &info.cluster_id_list {
                Some(ids) if !ids.is_empty() => ids.clone(),
                _ => {
                    return Err(ApiError::invalid(
                        "cluster_scan_info.cluster_id_list is required for specific_cluster",
                    ))
                }
            },
            _ => self.clusters.iter().map(|c| c.id.clone()).collect(),
        };
        if ids.is_empty() {
            return Err(ApiError::invalid("there is no cluster to scan"));
        }
        let mut clusters: Vec<(FakeCluster, Option<String>)> = Vec::new();
        for cluster_id in unique(ids) {
            let cluster = self
                .clusters
                .iter()
                .find(|c| c.id == cluster_id)
                .cloned()
                .unwrap_or_else(|| FakeCluster::new(cluster_id.clone()));
            let failure = self.next_failure(&cluster_id);
            clusters.push((cluster, failure));
        }
        let scan_types = unique(info.scan_type_list.clone());
        Ok(Task::cluster_scan(id, name, scan_types, clusters, window))
    }

    fn iac_task(&mut self, id: String, name: String, info: &IacScanInfo, window: Window) -> Task {
        let files: Vec<(String, Option<String>)> = unique(info.file_id_list.clone())
            .into_iter()
            .map(|file_id| {
                let failure = self.next_failure(&file_id);
                (file_id, failure)
            })
            .collect();
        Task::iac_scan(id, name, info.file_type.clone(), files, window)
    }

    /// Every task matching the filters of `query`, sorted by start time.
    pub(super) fn tasks(&self, query: &ListTasksRequestBody, now: Instant) -> Vec<TaskInfo> {
        // Tasks are kept in creation order, which is start time order.
        let mut matching: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|task| task_matches(task, query, now, &self.clock))
            .collect();
        // Newest first unless asked otherwise, as the console lists them.
        if query.sort_dir != Some(SortDir::Asc) {
            matching.reverse();
        }
        matching
            .into_iter()
            .map(|task| task.info(now, &self.clock))
            .collect()
    }

    pub(super) fn resources(
        &self,
        task_id: &str,
        query: &ListTaskResourcesRequestBody,
        now: Instant,
    ) -> Result<Resources, ApiError> {
        let task = self.task(task_id)?;
        if &query.task_type != task.task_type() {
            return Err(ApiError::invalid(format!(
                "task {task_id} is not of type {}",
                query.task_type
            )));
        }
        if task.file_type().is_some() {
            let filter = query.iac_scan_info.clone().unwrap_or_default();
            let files = task.files(now, &self.clock).into_iter().filter(|file| {
                filter.scan_status.is_none_or_eq(&file.scan_status)
                    && contains(file.file_name.as_deref(), filter.file_name.as_deref())
                    && contains(file.chart_name.as_deref(), filter.chart_name.as_deref())
            });
            return Ok(Resources::Files(files.collect()));
        }
        let filter = query.cluster_scan_info.clone().unwrap_or_default();
        let clusters = task
            .clusters(now, &self.clock)
            .into_iter()
            .filter(|cluster| {
                filter.scan_status.is_none_or_eq(&cluster.scan_status)
                    && filter.cluster_id.is_none_or_eq(&cluster.cluster_id)
                    && filter.cluster_type.is_none_or_eq(&cluster.cluster_type)
                    && contains(
                        cluster.cluster_name.as_deref(),
                        filter.cluster_name.as_deref(),
                    )
            });
        Ok(Resources::Clusters(clusters.collect()))
    }

    pub(super) fn statistics(
        &self,
        task_type: &TaskType,
        now: Instant,
    ) -> ShowTaskStatisticsResponseBody {
        let of_type: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|task| task.task_type() == task_type)
            .collect();
        let running = of_type.iter().filter(|task| task.is_active(now)).count();
        let mut statistics = ShowTaskStatisticsResponseBody::new()
            .with_total_num(count(of_type.len()))
            .with_running_num(count(running));
        statistics.last_task_start_time = of_type
            .iter()
            .map(|task| self.clock.ms(task.created()))
            .max();
        statistics
    }

    /// Runs the failed clusters of a finished cluster scan again.
    pub(super) fn retry(
        &mut self,
        task_id: &str,
        body: &RetryTaskRequestBody,
        now: Instant,
    ) -> Result<(), ApiError> {
        let task = self.task(task_id)?;
        if task.task_type() != &TaskType::ClusterScan {
            return Err(ApiError::invalid(format!(
                "task {task_id} is not a cluster scan task and cannot be retried"
            )));
        }
        if task.is_active(now) {
            return Err(ApiError::invalid(format!(
                "task {task_id} is still running"
            )));
        }
        let Some(info) = &body.cluster_scan_info else {
            return Err(ApiError::invalid("cluster_scan_info is required"));
        };
        let targets = retry_targets(task, info, now)?;
        if targets.is_empty() {
            return Err(ApiError::invalid(format!(
                "task {task_id} has no failed cluster to retry"
            )));
        }
        let window = self.retry_window(now);
        for (cluster_id, scan_types) in targets {
            let failure = self.next_failure(&cluster_id);
            let task = self.task_mut(task_id)?;
            task.rerun(&cluster_id, scan_types.as_deref(), failure, window);
        }
        Ok(())
    }

    fn task(&self, task_id: &str) -> Result<&Task, ApiError> {
        self.tasks
            .iter()
            .find(|task| task.id() == task_id)
            .ok_or_else(|| ApiError::task_not_found(task_id))
    }

    fn task_mut(&mut self, task_id: &str) -> Result<&mut Task, ApiError> {
        self.tasks
            .iter_mut()
            .find(|task| task.id() == task_id)
            .ok_or_else(|| ApiError::task_not_found(task_id))
    }
}

/// A cluster a retry runs again, with the scan types to run (`None`: every failed one).
type RetryTarget = (String, Option<Vec<ClusterScanType>>);

/// The clusters a retry runs again; listed clusters that did not fail are skipped.
fn retry_targets(
    task: &Task,
    info: &RetryClusterScanInfo,
    now: Instant,
) -> Result<Vec<RetryTarget>, ApiError> {
    if info.range_type == RetryClusterRangeType::AllFailedCluster {
        let failed = task
            .resource_ids()
            .filter(|id| task.can_rerun(id, None, now));
        return Ok(failed.map(|id| (id.to_owned(), None)).collect());
    }
    let Some(list) = &info.cluster_info_list else {
        return Err(ApiError::invalid(
            "cluster_scan_info.cluster_info_list is required for specific_cluster",
        ));
    };
    let mut targets = Vec::new();
    for entry in list {
        let Some(id) = &entry.cluster_id else {
            return Err(ApiError::invalid(
                "every cluster_info_list item needs a cluster_id",
            ));
        };
        if !task.resource_ids().any(|known| known == id) {
            return Err(ApiError::invalid(format!(
                "cluster {id} is not part of task {}",
                task.id()
            )));
        }
        let scan_types = entry.scan_type_list.as_deref();
        if task.can_rerun(id, scan_types, now) {
            targets.push((id.clone(), scan_types.map(<[_]>::to_vec)));
        }
    }
    Ok(targets)
}

fn task_matches(task: &Task, query: &ListTasksRequestBody, now: Instant, clock: &Clock) -> bool {
    let created = clock.ms(task.created());
    let scan_types_covered = query
        .cluster_scan_info
        .as_ref()
        .and_then(|info| info.scan_type_list.as_ref())
        .map_or(true, |wanted| {
            wanted.iter().all(|t| task.scan_types().contains(t))
        });
    let file_type_matches = query
        .iac_scan_info
        .as_ref()
        .and_then(|info| info.file_type.as_ref())
        .map_or(true, |wanted| task.file_type() == Some(wanted));
    task.task_type() == &query.task_type
        && query.task_id.as_deref().map_or(true, |id| id == task.id())
        && contains(Some(task.name()), query.task_name.as_deref())
        && query.start_create_time.map_or(true, |from| created >= from)
        && query.end_create_time.map_or(true, |to| created <= to)
        && query
            .trigger_type
            .as_ref()
            .map_or(true, |t| *t == TriggerType::Manual)
        && query
            .task_status
            .as_ref()
            .map_or(true, |s| *s == task.status(now))
        && scan_types_covered
        && file_type_matches
}

/// A filter that is unset, or equal to the value.
trait FilterEq<T> {
    fn is_none_or_eq(&self, value: &Option<T>) -> bool;
}

impl<T: PartialEq> FilterEq<T> for Option<T> {
    fn is_none_or_eq(&self, value: &Option<T>) -> bool {
        self.is_none() || self.as_ref() == value.as_ref()
    }
}

/// Fuzzy name matching as the service does it: the filter is a substring.
fn contains(value: Option<&str>, filter: Option<&str>) -> bool {
    match filter {
        None => true,
        Some(part) => value.is_some_and(|v| v.contains(part)),
    }
}

fn unique<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    kept
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
