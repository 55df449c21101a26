//! Waiting for a task: poll it until it finishes, then collect the
//! resources whose scan failed (to retry them with `retry_task`).

use std::time::Duration;

use crate::runtime::Waiter;
use crate::types::{
    ClusterScanResource, IacScanResource, ListTaskResourcesClusterScanInfo,
    ListTaskResourcesIacScanInfo, ListTaskResourcesRequestBody, ListTasksRequestBody, ScanStatus,
    TaskInfo, TaskStatus, TaskType,
};
use crate::{Client, Error};

/// A finished task and the resources its scan could not cover.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FinishedTask {
    /// The task as `list_tasks` last reported it (`task_status` is `finished`).
    pub task: TaskInfo,
    /// Clusters whose scan failed (cluster scan tasks).
    pub failed_clusters: Vec<ClusterScanResource>,
    /// Files whose scan failed (infrastructure-as-code scan tasks).
    pub failed_files: Vec<IacScanResource>,
}

/// Waits for a task to finish; start one with [`Client::wait_for_task`].
#[derive(Debug, Clone)]
#[must_use = "nothing is polled until `wait` is awaited"]
pub struct WaitForTask<'a> {
    client: &'a Client,
    task_type: TaskType,
    task_id: String,
    enterprise_project_id: Option<String>,
    deadline: Duration,
    delays: (Duration, Duration),
}

impl Client {
    /// Waits until the task `task_id` of type `task_type` is finished, by
    /// default for at most 30 minutes, polling after 1 s, 2 s, 4 s… up to
    /// every 30 s.
    ///
    /// Each poll is a `list_tasks` call (with the client's retry policy);
    /// dropping the future stops the wait. A task that is not listed (a wrong
    /// id, type or enterprise project, or one not visible yet) is waited for
    /// until the deadline.
    pub fn wait_for_task(
        &self,
        task_type: impl Into<TaskType>,
        task_id: impl Into<String>,
    ) -> WaitForTask<'_> {
        WaitForTask {
            client: self,
            task_type: task_type.into(),
            task_id: task_id.into(),
            enterprise_project_id: None,
            deadline: Duration::from_secs(30 * 60),
            delays: (Duration::from_secs(1), Duration::from_secs(30)),
        }
    }
}

impl WaitForTask<'_> {
    /// Gives up with [`Error::WaitTimeout`] after `deadline`.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The delay before the second poll, and the longest delay between polls.
    pub fn delays(mut self, first: Duration, max: Duration) -> Self {
        self.delays = (first, max);
        self
    }

    /// The enterprise project the task belongs to.
    pub fn enterprise_project_id(mut self, id: impl Into<String>) -> Self {
        self.enterprise_project_id = Some(id.into());
        self
    }

    /// Polls until the task is finished, then lists its failed resources.
    pub async fn wait(self) -> Result<FinishedTask, Error> {
        let waiter = Waiter::new(self.deadline).delays(self.delays.0, self.delays.1);
        let task = waiter.until(|| self.poll()).await?;
        let mut failed = ListTaskResourcesRequestBody::new(self.task_type.clone());
        failed = match self.task_type {
            TaskType::IacScan => failed.with_iac_scan_info(
                ListTaskResourcesIacScanInfo::new().with_scan_status(ScanStatus::Failed),
            ),
            _ => failed.with_cluster_scan_info(
                ListTaskResourcesClusterScanInfo::new().with_scan_status(ScanStatus::Failed),
            ),
        };
        let mut request = self
            .client
            .list_task_resources()
            .task_id(self.task_id.clone())
            .body(failed);
        if let Some(id) = &self.enterprise_project_id {
            request = request.enterprise_project_id(id.clone());
        }
        let mut finished = FinishedTask {
            task,
            failed_clusters: Vec::new(),
            failed_files: Vec::new(),
        };
        let mut pages = request.pages().page_size(200);
        while let Some(page) = pages.next().await {
            let page = page?.into_body();
            finished
                .failed_clusters
                .extend(page.cluster_scan_data_list.unwrap_or_default());
            finished
                .failed_files
                .extend(page.iac_scan_data_list.unwrap_or_default());
        }
        Ok(finished)
    }

    /// The task when it is finished; `None` while it is not (or not listed yet).
    async fn poll(&self) -> Result<Option<TaskInfo>, Error> {
        let filter =
            ListTasksRequestBody::new(self.task_type.clone()).with_task_id(self.task_id.clone());
        let mut request = self.client.list_tasks().body(filter);
        if let Some(id) = &self.enterprise_project_id {
            request = request.enterprise_project_id(id.clone());
        }
        let page = request.send().await?.into_body();
        Ok(page
            .data_list
            .unwrap_or_default()
            .into_iter()
            .find(|task| task.task_id.as_deref() == Some(self.task_id.as_str()))
            .filter(|task| task.task_status == Some(TaskStatus::Finished)))
    }
}
