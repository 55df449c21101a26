//! The HTTP/1.1 server: accepts connections and takes each request through
//! routing, authentication, recording and faults to its operation.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::auth::{self, Identity};
use super::errors::ApiError;
use super::fault::{guess_content_type, Action, Faults};
use super::routes::{self, Route};
use super::store::Store;
use super::RecordedRequest;

/// Largest request body read; the task API's bodies are far smaller.
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Everything the connections share.
pub(super) struct Shared {
    pub(super) identity: Identity,
    state: Mutex<State>,
    requests_seen: AtomicU64,
}

pub(super) struct State {
    pub(super) store: Store,
    pub(super) faults: Faults,
    pub(super) requests: Vec<RecordedRequest>,
}

impl Shared {
    pub(super) fn new(identity: Identity, store: Store) -> Self {
        Shared {
            identity,
            state: Mutex::new(State {
                store,
                faults: Faults::default(),
                requests: Vec::new(),
            }),
            requests_seen: AtomicU64::new(0),
        }
    }

    /// The state; a panic elsewhere while holding it leaves nothing half
    /// done that matters to a test, so a poisoned lock is still used.
    pub(super) fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A fresh request id, 32 hex digits like the gateway's.
    fn next_request_id(&self) -> String {
        let n = self.requests_seen.fetch_add(1, Ordering::Relaxed) + 1;
        format!("{n:032x}")
    }
}

/// Closes a connection without an answer: hyper drops it on a service error.
#[derive(Debug)]
struct DropConnection;

impl fmt::Display for DropConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for DropConnection {}

/// Serves connections until the task is aborted; aborting it drops the
/// listener and, with the join set, every open connection.
pub(super) async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        // Reap finished connections so the set holds only open ones.
        while connections.try_join_next().is_some() {}
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors and the like: wait, do not spin.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let shared = Arc::clone(&shared);
        let service = service_fn(move |request| serve(Arc::clone(&shared), request));
        connections.spawn(async move {
            // A connection that fails (or is dropped on purpose) only ends itself.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn serve(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    let request_id = shared.next_request_id();
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => {
            let refusal = ApiError::invalid("the request body is unreadable or too large");
            return Ok(error_response(&refusal, &request_id));
        }
    };
    let route = routes::route(&parts.method, parts.uri.path());
    let authentication = match &route {
        Some(route) => auth::check(&shared.identity, &parts, &body, &route.project_id),
        None => Err(ApiError::no_such_api()),
    };
    let operation = route.as_ref().map(|r| r.operation.id());
    let fault = {
        let mut state = shared.state();
        state.requests.push(RecordedRequest {
            operation: operation.map(str::to_owned),
            method: parts.method.to_string(),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().unwrap_or_default().to_owned(),
            body: String::from_utf8_lossy(&body).into_owned(),
            authenticated: authentication.is_ok(),
            request_id: request_id.clone(),
        });
        state.faults.take(operation)
    };
    if let Some(fault) = fault {
        tokio::time::sleep(fault.delay).await;
        match fault.action {
            Action::Answer => {}
            Action::DropConnection => return Err(DropConnection),
            Action::Respond {
                status,
                body,
                headers,
            } => return Ok(injected_response(status, body, &headers, &request_id)),
        }
    }
    let outcome = authentication.and_then(|()| match &route {
        Some(route) => answer(&shared, route, parts.uri.query(), &body),
        None => Err(ApiError::no_such_api()),
    });
    Ok(match outcome {
        Ok(json) => success_response(json, &request_id),
        Err(refusal) => error_response(&refusal, &request_id),
    })
}

fn answer(
    shared: &Shared,
    route: &Route,
    query: Option<&str>,
    body: &[u8],
) -> Result<String, ApiError> {
    let query = routes::query_pairs(query.unwrap_or_default());
    let mut state = shared.state();
    routes::handle(&mut state.store, route, &query, body, Instant::now())
}

fn response(status: u16, body: String, request_id: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    response
}

fn success_response(json: String, request_id: &str) -> Response<Full<Bytes>> {
    let has_body = !json.is_empty();
    let mut response = response(200, json, request_id);
    if has_body {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    response
}

fn error_response(refusal: &ApiError, request_id: &str) -> Response<Full<Bytes>> {
    let mut response = response(refusal.status, refusal.body(), request_id);
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

fn injected_response(
    status: u16,
    body: String,
    headers: &[(String, String)],
    request_id: &str,
) -> Response<Full<Bytes>> {
    let content_type = guess_content_type(&body);
    let mut response = response(status, body, request_id);
    if let Some(content_type) = content_type {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    for (name, value) in headers {
        let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) else {
            continue;
        };
        response.headers_mut().insert(name, value);
    }
    response
}
