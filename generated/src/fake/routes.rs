//! Which operation a request calls, and the operations themselves: parse
//! and check the request, ask the store, write the JSON answer.

use hyper::Method;
use percent_encoding::percent_decode_str;
use serde::de::DeserializeOwned;
use tokio::time::Instant;

use super::errors::ApiError;
use super::store::{Resources, Store};
use crate::runtime::Validate;
use crate::types::{
    CreateTaskRequestBody, CreateTaskResponseBody, ListTaskResourcesRequestBody,
    ListTaskResourcesResponseBody, ListTasksRequestBody, ListTasksResponseBody,
    RetryTaskRequestBody, TaskType,
};

/// The bounds of the `offset` and `limit` query parameters, from the spec.
const OFFSET_MAX: i64 = 2_000_000;
const LIMIT_MIN: i64 = 10;
const LIMIT_MAX: i64 = 200;
const LIMIT_DEFAULT: i64 = 10;

/// The operations of the task API, by their ids in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Operation {
    CreateTask,
    ListTasks,
    ListTaskResources,
    ShowTaskStatistics,
    RetryTask,
}

impl Operation {
    pub(super) fn id(self) -> &'static str {
        match self {
            Operation::CreateTask => "CreateTask",
            Operation::ListTasks => "ListTasks",
            Operation::ListTaskResources => "ListTaskResources",
            Operation::ShowTaskStatistics => "ShowTaskStatistics",
            Operation::RetryTask => "RetryTask",
        }
    }
}

/// A request matched to an operation, with its path parameters decoded.
#[derive(Debug, Clone)]
pub(super) struct Route {
    pub(super) operation: Operation,
    pub(super) project_id: String,
    task_id: Option<String>,
}

/// The operation `method` and `path` call, if any.
pub(super) fn route(method: &Method, path: &str) -> Option<Route> {
    let segments: Vec<String> = path
        .strip_prefix('/')?
        .split('/')
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let [version, project_id, common, rest @ ..] = segments.as_slice() else {
        return None;
    };
    if version != "v5" || common != "common" {
        return None;
    }
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let (operation, task_id) = match (method, rest.as_slice()) {
        (&Method::POST, ["task"]) => (Operation::CreateTask, None),
        (&Method::POST, ["tasks", "batch-query"]) => (Operation::ListTasks, None),
        (&Method::POST, ["tasks", id, "resources", "batch-query"]) => {
            (Operation::ListTaskResources, Some(*id))
        }
        (&Method::GET, ["task-statistics"]) => (Operation::ShowTaskStatistics, None),
        (&Method::PUT, ["tasks", id, "retry"]) => (Operation::RetryTask, Some(*id)),
        _ => return None,
    };
    Some(Route {
        operation,
        project_id: project_id.clone(),
        task_id: task_id.map(str::to_owned),
    })
}

/// The decoded pairs of a query string, in order.
pub(super) fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// Runs the operation of `route`; the success body is JSON, or empty for RetryTask.
pub(super) fn handle(
    store: &mut Store,
    route: &Route,
    query: &[(String, String)],
    body: &[u8],
    now: Instant,
) -> Result<String, ApiError> {
    let task_id = route.task_id.as_deref().unwrap_or_default();
    match route.operation {
        Operation::CreateTask => {
            let request: CreateTaskRequestBody = parse_body(body)?;
            let id = store.create(&request, now)?;
            to_json(&CreateTaskResponseBody::new().with_task_id(id))
        }
        Operation::ListTasks => {
            let (offset, limit) = window(query)?;
            let request: ListTasksRequestBody = parse_body(body)?;
            let tasks = store.tasks(&request, now);
            let total = count(tasks.len());
            to_json(
                &ListTasksResponseBody::new()
                    .with_total_num(total)
                    .with_data_list(page(tasks, offset, limit)),
            )
        }
        Operation::ListTaskResources => {
            let (offset, limit) = window(query)?;
            let request: ListTaskResourcesRequestBody = parse_body(body)?;
            let response = match store.resources(task_id, &request, now)? {
                Resources::Clusters(clusters) => ListTaskResourcesResponseBody::new()
                    .with_total_num(count(clusters.len()))
                    .with_cluster_scan_data_list(page(clusters, offset, limit)),
                Resources::Files(files) => ListTaskResourcesResponseBody::new()
                    .with_total_num(count(files.len()))
                    .with_iac_scan_data_list(page(files, offset, limit)),
            };
            to_json(&response)
        }
        Operation::ShowTaskStatistics => {
            let task_type = param(query, "task_type")
                .map(TaskType::from)
                .ok_or_else(|| ApiError::invalid("the query parameter task_type is required"))?;
            task_type
                .validate("task_type")
                .map_err(|e| ApiError::invalid(e.to_string()))?;
            to_json(&store.statistics(&task_type, now))
        }
        Operation::RetryTask => {
            let request: RetryTaskRequestBody = parse_body(body)?;
            store.retry(task_id, &request, now)?;
            Ok(String::new())
        }
    }
}

fn param<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `offset` and `limit`, checked against the bounds of the spec.
fn window(query: &[(String, String)]) -> Result<(usize, usize), ApiError> {
    let number = |name: &str, default: i64, min: i64, max: i64| {
        let Some(text) = param(query, name) else {
            return Ok(default);
        };
        match text.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::invalid(format!(
                "the query parameter {name} must be an integer from {min} to {max}, not `{text}`"
            ))),
        }
    };
    let offset = number("offset", 0, 0, OFFSET_MAX)?;
    let limit = number("limit", LIMIT_DEFAULT, LIMIT_MIN, LIMIT_MAX)?;
    let as_usize = |n: i64| usize::try_from(n).unwrap_or(usize::MAX);
    Ok((as_usize(offset), as_usize(limit)))
}

fn page<T>(items: Vec<T>, offset: usize, limit: usize) -> Vec<T> {
    items.into_iter().skip(offset).take(limit).collect()
}

/// The JSON body as `T`, holding to every constraint of the spec.
fn parse_body<T: DeserializeOwned + Validate>(body: &[u8]) -> Result<T, ApiError> {
    if body.is_empty() {
        return Err(ApiError::invalid("the request body is required"));
    }
    let value: T = serde_json::from_slice(body)
        .map_err(|e| ApiError::invalid(format!("the request body is invalid: {e}")))?;
    value
        .validate("body")
        .map_err(|e| ApiError::invalid(e.to_string()))?;
    Ok(value)
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::internal(e.to_string()))
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
