//! Client configuration and the one place where requests meet the network.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::de::DeserializeOwned;

use super::auth::{Credential, Parts, Scheme, SigningRequest};
use super::error::{
    BuildError, CommonErrors, Error, ErrorParser, InvalidInput, MissingCredentials, ServiceError,
};
use super::hooks::{Hook, HookRequest, HookResponse};
use super::http::HttpSettings;
use super::request::{CallOptions, Request};
use super::response::Response;
use super::retry::RetryPolicy;
use super::trace;

/// Default time allowed to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default time allowed for a whole request, from connecting to the last body byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// Largest response body read; a longer one is [`Error::ResponseTooLarge`].
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Where the signing time comes from; replaceable for replaying captured requests.
type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Security alternatives: any one list of scheme names, all of whose
/// credentials are configured, authenticates a request.
pub type Security = &'static [&'static [&'static str]];

/// Settings for a client; finished with [`ClientBuilder::build`].
#[derive(Clone)]
pub struct ClientBuilder {
    endpoint: Option<String>,
    schemes: &'static [Scheme],
    security: Security,
    credentials: Vec<(&'static str, Credential)>,
    anonymous: bool,
    require_credentials: bool,
    connect_timeout: Option<Duration>,
    timeout: Option<Duration>,
    user_agent: String,
    defaults: BTreeMap<String, String>,
    retry: Option<RetryPolicy>,
    clock: Clock,
    error_parser: Arc<dyn ErrorParser>,
    problem: Option<BuildError>,
    hooks: Vec<Arc<dyn Hook>>,
    http: Option<HttpSettings>,
    http_client: Option<reqwest::Client>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("endpoint", &self.endpoint.as_deref().map(without_userinfo))
            .field("credentials", &self.credentials)
            .field("anonymous", &self.anonymous)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("defaults", &self.defaults)
            .field("retry", &self.retry)
            .field("hooks", &self.hooks)
            .field("http", &self.http)
            .field("own_http_client", &self.http_client.is_some())
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder that identifies itself with `user_agent` and sends to
    /// `endpoint` unless told otherwise; no security schemes.
    pub fn new(user_agent: &str, endpoint: Option<&str>) -> Self {
        ClientBuilder {
            endpoint: endpoint.map(str::to_owned),
            schemes: &[],
            security: &[],
            credentials: Vec::new(),
            anonymous: false,
            require_credentials: false,
            connect_timeout: None,
            timeout: None,
            user_agent: user_agent.to_owned(),
            defaults: BTreeMap::new(),
            retry: None,
            clock: Arc::new(SystemTime::now),
            error_parser: Arc::new(CommonErrors),
            problem: None,
            hooks: Vec::new(),
            http: None,
            http_client: None,
        }
    }

    /// Runs `hook` around every request of the client (after the hooks added before).
    pub fn hook(mut self, hook: impl Hook + 'static) -> Self {
        self.hooks.push(Arc::new(hook));
        self
    }

    /// Proxy, certificates and pool settings for the HTTP client.
    pub fn http(mut self, settings: HttpSettings) -> Self {
        self.http = Some(settings);
        self
    }

    /// Sends through `client`, e.g. the one the rest of the application
    /// uses, sharing its pool, proxy and TLS setup. Its redirect policy
    /// applies: build it with `redirect(Policy::none())` so that a redirect
    /// is reported, not followed (with reqwest's default policy, a redirect
    /// to another host would carry API keys and tokens that are not in
    /// `Authorization` there). Its connect timeout and timeout apply unless
    /// [`timeout`](Self::timeout) is set here; setting
    /// [`connect_timeout`](Self::connect_timeout) as well is an error.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// The API's security schemes, and the alternatives operations accept
    /// unless they declare their own.
    pub fn security(mut self, schemes: &'static [Scheme], default: Security) -> Self {
        self.schemes = schemes;
        self.security = default;
        self
    }

    /// How error bodies are read (default: [`CommonErrors`](super::error::CommonErrors)).
    pub fn error_parser(mut self, parser: impl ErrorParser + 'static) -> Self {
        self.error_parser = Arc::new(parser);
        self
    }

    /// Sends requests to this base URL.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// The credential for the security scheme named `scheme` in the spec.
    pub fn credential(mut self, scheme: &'static str, credential: Credential) -> Self {
        if !self.schemes.iter().any(|s| s.id == scheme) {
            self.problem = Some(BuildError::UnknownScheme(scheme.to_owned()));
        }
        self.credentials.retain(|(id, _)| *id != scheme);
        self.credentials.push((scheme, credential));
        self.anonymous = false;
        self
    }

    /// Sends no credentials, even to operations that ask for them, and reads
    /// none from the environment (e.g. behind a proxy that authenticates).
    pub fn anonymous(mut self) -> Self {
        self.anonymous = true;
        self.credentials.clear();
        self
    }

    /// Forgets every credential given so far.
    #[allow(dead_code)] // for vendor modules, which may be left out
    pub(crate) fn without_credentials(mut self) -> Self {
        self.credentials.clear();
        self
    }

    /// Makes [`build`](Self::build) fail with `problem`.
    #[allow(dead_code)] // for vendor modules, which may be left out
    pub(crate) fn reject(mut self, problem: &str) -> Self {
        self.problem = Some(BuildError::InvalidSetting(problem.to_owned()));
        self
    }

    /// Makes [`build`](Self::build) fail when no credentials were given and
    /// the environment has none: for APIs whose every operation needs them.
    pub fn require_credentials(mut self, required: bool) -> Self {
        self.require_credentials = required;
        self
    }

    /// Time allowed to establish a connection (default 60 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Time allowed for each attempt, from connecting to the last body byte
    /// (default 120 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Appends `suffix` to the User-Agent, e.g. the name of your application.
    pub fn user_agent_suffix(mut self, suffix: &str) -> Self {
        self.user_agent = format!("{}; {}", self.user_agent, suffix);
        self
    }

    /// Replaces the whole User-Agent.
    pub fn user_agent(mut self, user_agent: &str) -> Self {
        self.user_agent = user_agent.to_owned();
        self
    }

    /// A value for the parameter `name` used when a call does not give one.
    pub fn default_param(mut self, name: &str, value: impl Into<String>) -> Self {
        self.defaults.insert(name.to_owned(), value.into());
        self
    }

    /// Retries for every call (default: none); a call may set its own.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The source of signing times (default: the system clock). For replaying
    /// captured requests and tests; real calls need the real time.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Checks the settings and builds the client. Without credentials given
    /// in code, schemes take them from the environment where the spec names
    /// the variables.
    pub fn build(self) -> Result<Core, BuildError> {
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        let raw = self.endpoint.ok_or(BuildError::MissingEndpoint)?;
        let (base, host) = normalize_endpoint(&raw)?;
        let base_url = reqwest::Url::parse(&base)
            .map_err(|e| BuildError::InvalidEndpoint(format!("`{base}`: {e}")))?;
        let mut credentials = self.credentials;
        // Credentials given in code are the caller's choice: the environment
        // is read only when there are none, so it never adds a second identity.
        if !self.anonymous && credentials.is_empty() {
            for scheme in self.schemes {
                if credentials.iter().all(|(id, _)| *id != scheme.id) {
                    if let Some(found) = scheme.credential_in_env() {
                        credentials.push((scheme.id, found));
                    }
                }
            }
            if self.require_credentials && credentials.is_empty() {
                let names: Vec<&str> = self.schemes.iter().map(|s| s.id).collect();
                return Err(BuildError::MissingCredentials(format!(
                    "give credentials for one of: {}",
                    names.join(", ")
                )));
            }
        }
        let user_agent = HeaderValue::from_str(self.user_agent.trim())
            .map_err(|_| BuildError::InvalidSetting("User-Agent is not a valid header".into()))?;
        let own_client = self.http_client.is_some();
        let http = match (self.http_client, self.http) {
            (Some(_), Some(_)) => {
                return Err(BuildError::InvalidSetting(
                    "give either an HTTP client or HTTP settings, not both".into(),
                ))
            }
            (Some(_), None) if self.connect_timeout.is_some() => {
                return Err(BuildError::InvalidSetting(
                    "the connect timeout belongs to the given HTTP client".into(),
                ))
            }
            (Some(client), None) => client,
            (None, settings) => settings
                .unwrap_or_default()
                .client(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))?,
        };
        Ok(Core {
            inner: Arc::new(Inner {
                http,
                host,
                base,
                base_url,
                schemes: self.schemes,
                security: self.security,
                credentials,
                anonymous: self.anonymous,
                user_agent,
                defaults: self.defaults,
                retry: self.retry,
                clock: self.clock,
                error_parser: self.error_parser,
                // An own HTTP client keeps its timeout unless one was set here.
                timeout: if own_client {
                    self.timeout
                } else {
                    Some(self.timeout.unwrap_or(DEFAULT_TIMEOUT))
                },
                hooks: self.hooks,
            }),
        })
    }
}

/// The base URL exactly as requests will carry it (so what a signer signs is
/// what is sent) and the `host[:port]`, an explicit port kept as written.
/// A missing scheme means `https://`.
fn normalize_endpoint(raw: &str) -> Result<(String, String), BuildError> {
    let trimmed = raw.trim();
    // The URL parser would silently drop tabs and line breaks, and read `\` as `/`.
    if trimmed.chars().any(|c| c.is_control() || c == '\\') {
        return Err(BuildError::InvalidEndpoint(format!(
            "`{}` holds a control character or a backslash",
            without_userinfo(trimmed).escape_default()
        )));
    }
    if trimmed.starts_with('/') {
        return Err(BuildError::InvalidEndpoint(format!(
            "`{}` has no host",
            without_userinfo(trimmed)
        )));
    }
    if !trimmed.contains("://") && names_a_scheme(trimmed) {
        return Err(BuildError::InvalidEndpoint(format!(
            "`{}`: a scheme must be followed by `//`",
            without_userinfo(trimmed)
        )));
    }
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let shown = without_userinfo(trimmed);
    let invalid = |why: &str| BuildError::InvalidEndpoint(format!("`{shown}`: {why}"));
    let url = reqwest::Url::parse(&with_scheme).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("an endpoint has no query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("credentials do not belong in the endpoint"));
    }
    let Some(host_name) = url.host_str() else {
        return Err(invalid("there is no host"));
    };
    // `Url` drops a port equal to the scheme's default; the Host header keeps it.
    let written_port = with_scheme
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .and_then(|authority| authority.rsplit_once(':'))
        .and_then(|(_, port)| port.parse::<u16>().ok());
    let host = match url.port().or(written_port) {
        Some(port) => format!("{host_name}:{port}"),
        None => host_name.to_owned(),
    };
    Ok((url.as_str().trim_end_matches('/').to_owned(), host))
}

/// The endpoint as it may be shown: a password in it never is. Everything
/// up to the last `@` is hidden, since a password may hold `/`, `?` or `#`.
fn without_userinfo(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) if is_scheme(scheme) => (format!("{scheme}://"), rest),
        _ => (String::new(), url),
    };
    match rest.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}***@{host}"),
        None => url.to_owned(),
    }
}

/// True for `http:/host`: a scheme without `//`, which the URL parser would
/// read as a host named after the scheme with an empty port. (`http:host`
/// fails as a port; `host:8443` is a host and a port.)
fn names_a_scheme(endpoint: &str) -> bool {
    let Some((before, after)) = endpoint.split_once(':') else {
        return false;
    };
    is_scheme(before) && after.starts_with('/')
}

/// `[A-Za-z][A-Za-z0-9+.-]*`, the form of a URL scheme.
fn is_scheme(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// A configured client: connection pool, endpoint, credentials and defaults.
/// Cheap to clone; clones share the connection pool.
#[derive(Clone)]
pub struct Core {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base: String,
    /// `base` parsed once, so a request's URL is not parsed again whole.
    base_url: reqwest::Url,
    host: String,
    schemes: &'static [Scheme],
    security: Security,
    credentials: Vec<(&'static str, Credential)>,
    anonymous: bool,
    user_agent: HeaderValue,
    defaults: BTreeMap<String, String>,
    retry: Option<RetryPolicy>,
    clock: Clock,
    error_parser: Arc<dyn ErrorParser>,
    timeout: Option<Duration>,
    hooks: Vec<Arc<dyn Hook>>,
}

impl std::fmt::Debug for Core {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Core")
            .field("endpoint", &self.inner.base)
            .field("credentials", &self.inner.credentials)
            .field("user_agent", &self.inner.user_agent)
            .field("defaults", &self.inner.defaults)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// What one attempt produced: a response, or an error and whether to retry it.
enum Attempt {
    Done(Result<(u16, Option<String>, HeaderMap, Vec<u8>), Error>),
    Retry(Error, Option<String>),
}

impl Core {
    /// The client-wide value of parameter `name`: set on the builder, else
    /// bound by a credential (e.g. the project of an access key).
    pub fn default_param(&self, name: &str) -> Option<&str> {
        if let Some(value) = self.inner.defaults.get(name) {
            return Some(value);
        }
        self.inner.credentials.iter().find_map(|(_, c)| match c {
            Credential::Signer(signer) => signer.scope(name),
            _ => None,
        })
    }

    /// The base URL requests go to.
    pub fn endpoint(&self) -> &str {
        &self.inner.base
    }

    /// Sends `request` and decodes a JSON success body into `T`.
    #[doc(hidden)]
    pub async fn send_json<T: DeserializeOwned>(
        &self,
        request: Request,
    ) -> Result<Response<T>, Error> {
        self.send_with(request, |_, body| super::response::json(body))
            .await
    }

    /// Sends `request` and returns the success body as text (lossy UTF-8).
    #[doc(hidden)]
    pub async fn send_text(&self, request: Request) -> Result<Response<String>, Error> {
        let response = self.send_with(request, |_, _| Ok(())).await?;
        Ok(response.take_raw(|raw| {
            String::from_utf8(raw)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }))
    }

    /// Sends `request` and returns the success body as bytes.
    #[doc(hidden)]
    pub async fn send_bytes(&self, request: Request) -> Result<Response<Vec<u8>>, Error> {
        let response = self.send_with(request, |_, _| Ok(())).await?;
        Ok(response.take_raw(|raw| raw))
    }

    /// Sends `request` and ignores the success body.
    #[doc(hidden)]
    pub async fn send_empty(&self, request: Request) -> Result<Response<()>, Error> {
        let response = self.send_with(request, |_, _| Ok(())).await?;
        Ok(response.take_raw(drop))
    }

    /// Sends `request` and decodes a success body with `decode`, which sees
    /// the status. The whole call, decoding included, is one traced span,
    /// and a failure of any kind reaches the hooks' `on_error` once.
    #[doc(hidden)]
    pub async fn send_with<T>(
        &self,
        request: Request,
        decode: impl FnOnce(u16, &[u8]) -> Result<T, serde_json::Error>,
    ) -> Result<Response<T>, Error> {
        let span = trace::call(
            request.operation,
            request.method.as_str(),
            &self.inner.host,
            request.path_template,
        );
        let started = Instant::now();
        let result = span
            .instrument(async {
                let (status, request_id, headers, body) = self.attempts(&request, &span).await?;
                Response::new(status, request_id, headers, body).decode_with(decode)
            })
            .await;
        span.record_latency(started.elapsed());
        match &result {
            Ok(response) => span.record_response(response.status(), response.request_id()),
            Err(error) => self.failed(&span, request.operation, &request.options, error),
        }
        result
    }

    /// Reports a call that failed before it could be sent (e.g. invalid
    /// input) the way a failed call is reported: a span and `on_error`.
    #[doc(hidden)]
    pub fn refused(&self, operation: &'static str, options: &CallOptions, error: Error) -> Error {
        let span = trace::call(operation, "", &self.inner.host, "");
        self.failed(&span, operation, options, &error);
        error
    }

    fn failed(
        &self,
        span: &trace::Span,
        operation: &'static str,
        options: &CallOptions,
        error: &Error,
    ) {
        if let Some(status) = error.status() {
            span.record_response(status, error.request_id());
        }
        span.record_error(error.kind());
        for hook in self.inner.hooks.iter().chain(&options.hooks) {
            hook.on_error(operation, error);
        }
    }

    /// The client's hooks, then the call's.
    fn hooks<'a>(&'a self, request: &'a Request) -> impl Iterator<Item = &'a Arc<dyn Hook>> {
        self.inner.hooks.iter().chain(&request.options.hooks)
    }

    async fn attempts(
        &self,
        request: &Request,
        span: &trace::Span,
    ) -> Result<(u16, Option<String>, HeaderMap, Vec<u8>), Error> {
        let policy = request
            .options
            .retry
            .clone()
            .or_else(|| self.inner.retry.clone());
        let attempts = policy.as_ref().map_or(1, RetryPolicy::max_attempts);
        let mut attempt = 1;
        loop {
            let attempt_span = trace::attempt(attempt);
            let outcome = attempt_span
                .instrument(self.attempt(request, policy.as_ref(), attempt, &attempt_span))
                .await;
            match outcome {
                Attempt::Done(result) => {
                    span.record_attempts(attempt);
                    return result;
                }
                Attempt::Retry(error, retry_after) => {
                    let delay = policy
                        .as_ref()
                        .filter(|_| attempt < attempts)
                        .and_then(|p| p.delay(attempt, retry_after.as_deref()));
                    let Some(delay) = delay else {
                        span.record_attempts(attempt);
                        return Err(error);
                    };
                    attempt_span.record_retry(retry_reason(&error), delay);
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
            }
        }
    }

    async fn attempt(
        &self,
        request: &Request,
        policy: Option<&RetryPolicy>,
        attempt: u32,
        span: &trace::Span,
    ) -> Attempt {
        let built = match self.build_request(request, attempt) {
            Ok(built) => built,
            Err(e) => return Attempt::Done(Err(e)),
        };
        let started = Instant::now();
        let response = match self.inner.http.execute(built).await {
            Ok(response) => response,
            Err(e) => {
                span.record_latency(started.elapsed());
                let error = Error::from_reqwest(e);
                let retry = match &error {
                    Error::Connect(_) => true,
                    // A connect timeout never reached the service.
                    Error::Timeout(e) if e.is_connect() => true,
                    Error::Timeout(_) => policy.is_some_and(RetryPolicy::retries_timeouts),
                    _ => false,
                };
                return if retry {
                    Attempt::Retry(error, None)
                } else {
                    Attempt::Done(Err(error))
                };
            }
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let request_id = header("x-request-id");
        span.record_response(status, request_id.as_deref());
        let success = (200..300).contains(&status);
        let body = read_limited(response).await;
        span.record_latency(started.elapsed());
        let seen = HookResponse {
            operation: request.operation,
            attempt,
            status,
            headers: &headers,
            request_id: request_id.as_deref(),
            latency: started.elapsed(),
        };
        for hook in self.hooks(request) {
            if let Err(e) = hook.after_response(&seen) {
                let e = e.for_response(status, request_id.clone());
                return Attempt::Done(Err(Error::Hook(e)));
            }
        }
        let body = match body {
            Ok((body, false)) => body,
            // An error body is still worth its first bytes; a success body is not.
            Ok((body, true)) if !success => body,
            Ok((_, true)) => {
                return Attempt::Done(Err(Error::ResponseTooLarge {
                    status,
                    request_id,
                    limit: MAX_BODY_BYTES,
                }))
            }
            Err(e) => return Attempt::Done(Err(e)),
        };
        if success {
            return Attempt::Done(Ok((status, request_id, headers, body)));
        }
        let error = Error::Service(Box::new(ServiceError::from_response(
            status,
            request_id,
            &body,
            &*self.inner.error_parser,
        )));
        if policy.is_some_and(|p| p.retries_status(status)) {
            Attempt::Retry(error, header("retry-after"))
        } else {
            Attempt::Done(Err(error))
        }
    }

    /// The credentials for `request`: the first alternative it accepts whose
    /// every scheme has a credential; none when it needs none.
    fn credentials_for(&self, request: &Request) -> Result<Vec<(&Scheme, &Credential)>, Error> {
        let inner = &self.inner;
        let alternatives = request.security.unwrap_or(inner.security);
        if alternatives.is_empty() || inner.anonymous {
            return Ok(Vec::new());
        }
        let find = |id: &str| {
            let scheme = inner.schemes.iter().find(|s| s.id == id)?;
            let credential = inner.credentials.iter().find(|(c, _)| *c == id)?;
            Some((scheme, &credential.1))
        };
        // A complete alternative with credentials beats `{}` (none needed),
        // wherever the spec lists it.
        let configured = alternatives
            .iter()
            .filter(|all| !all.is_empty())
            .find_map(|all| all.iter().map(|id| find(id)).collect::<Option<Vec<_>>>());
        let anonymous_allowed = alternatives.iter().any(|all| all.is_empty());
        configured
            .or_else(|| anonymous_allowed.then(Vec::new))
            .ok_or_else(|| {
                Error::MissingCredentials(MissingCredentials {
                    alternatives: alternatives.iter().map(|a| a.to_vec()).collect(),
                })
            })
    }

    /// The wire request of a first attempt, signed, without sending it:
    /// what `send` hands to the socket, for benchmarks and tests.
    #[doc(hidden)]
    pub fn wire_request(&self, request: &Request) -> Result<reqwest::Request, Error> {
        self.build_request(request, 1)
    }

    /// The wire request: URL, headers, body, and authentication.
    fn build_request(&self, request: &Request, attempt: u32) -> Result<reqwest::Request, Error> {
        let inner = &self.inner;
        let credentials = self.credentials_for(request)?;
        let mut query = request.query.clone();
        let mut headers: Vec<(HeaderName, HeaderValue)> = Vec::new();
        let mut cookies = request.cookies.clone();
        for (scheme, credential) in &credentials {
            let mut parts = Parts {
                headers: &mut headers,
                query: &mut query,
                cookies: &mut cookies,
            };
            scheme.apply(credential, &mut parts).map_err(|problem| {
                Error::InvalidInput(invalid_credentials(format!(
                    "for `{}` {problem}",
                    scheme.id()
                )))
            })?;
        }
        let mut url = String::with_capacity(inner.base.len() + request.path.len() + 64);
        url.push_str(&inner.base);
        url.push_str(&request.path);
        if !query.is_empty() {
            url.push('?');
            query.write_canonical(&mut url);
        }
        let mut all: Vec<(HeaderName, HeaderValue)> = Vec::with_capacity(8);
        if let Some((content_type, _)) = &request.body {
            let value = match content_type.as_str() {
                "application/json" => HeaderValue::from_static("application/json"),
                other => header_value("content-type", other)?,
            };
            all.push((reqwest::header::CONTENT_TYPE, value));
        }
        // A `User-Agent` the operation declares as a parameter replaces ours.
        if !request
            .headers
            .iter()
            .any(|(name, _)| name == reqwest::header::USER_AGENT)
        {
            all.push((reqwest::header::USER_AGENT, inner.user_agent.clone()));
        }
        // `Accept` is negotiation between client and transport: added after
        // signing and left unsigned, as the official Huawei Cloud SDKs do.
        let (accept, own): (Vec<_>, Vec<_>) = request
            .headers
            .iter()
            .cloned()
            .partition(|(name, _)| name == reqwest::header::ACCEPT);
        all.extend(own);
        if !cookies.is_empty() {
            let pairs: Vec<String> = cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            // Cookies often carry sessions or keys: kept out of logs and HPACK tables.
            let mut value = header_value("cookie", &pairs.join("; "))?;
            value.set_sensitive(true);
            all.push((reqwest::header::COOKIE, value));
        }
        // Hooks see the request before credentials, and signers see what hooks added.
        let mut reserved: Vec<&str> = Vec::new();
        if self.hooks(request).next().is_some() {
            reserved.extend(inner.schemes.iter().filter_map(Scheme::header));
            for (_, credential) in &inner.credentials {
                if let Credential::Signer(signer) = credential {
                    reserved.extend_from_slice(signer.headers());
                }
            }
        }
        for hook in self.hooks(request) {
            let mut seen = HookRequest::new(
                request.operation,
                &request.method,
                request.path_template,
                attempt,
                &mut all,
                &reserved,
            );
            hook.before_send(&mut seen).map_err(Error::Hook)?;
        }
        if headers
            .iter()
            .filter(|(name, _)| name == reqwest::header::AUTHORIZATION)
            .count()
            > 1
        {
            return Err(Error::InvalidInput(invalid_credentials(
                "two schemes of one security alternative both need the Authorization header"
                    .to_owned(),
            )));
        }
        all.append(&mut headers);
        for (_, credential) in &credentials {
            if let Credential::Signer(signer) = credential {
                let mut signing = SigningRequest {
                    method: &request.method,
                    url: &url,
                    host: &inner.host,
                    headers: &mut all,
                    body: request.body.as_ref().map(|(_, bytes)| bytes.as_slice()),
                    time: (inner.clock)(),
                    scope: &request.scope,
                };
                signer.sign(&mut signing).map_err(|e| {
                    Error::InvalidInput(match e.field() {
                        Some(field) => InvalidInput {
                            field: field.to_owned(),
                            problem: e.reason().to_owned(),
                        },
                        None => invalid_credentials(e.to_string()),
                    })
                })?;
            }
        }
        // A hook's own `Accept` wins.
        if !all.iter().any(|(name, _)| name == reqwest::header::ACCEPT) {
            all.extend(accept);
        }
        let builder = match self.parsed_url(&url) {
            Some(parsed) => inner.http.request(request.method.clone(), parsed),
            None => inner.http.request(request.method.clone(), url),
        };
        let mut wire = builder.build().map_err(Error::from_reqwest)?;
        // Set in place, as the request builder would, without moving it per header.
        if let Some(timeout) = request.options.timeout.or(inner.timeout) {
            *wire.timeout_mut() = Some(timeout);
        }
        let map = wire.headers_mut();
        map.reserve(all.len());
        for (name, value) in all {
            map.append(name, value);
        }
        if let Some((_, body)) = &request.body {
            *wire.body_mut() = Some(body.clone().into());
        }
        Ok(wire)
    }

    /// `url` (the base, then path and query) from the parsed base, without
    /// parsing host and scheme again; `None` when that would not give back
    /// `url` exactly, so what is sent is always what was signed.
    fn parsed_url(&self, url: &str) -> Option<reqwest::Url> {
        let base = &self.inner.base_url;
        let path_start = base.as_str().len() - base.path().len();
        let rest = url.get(path_start..)?;
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (rest, None),
        };
        let mut parsed = base.clone();
        parsed.set_path(path);
        parsed.set_query(query);
        (parsed.as_str() == url).then_some(parsed)
    }
}

/// Why a failed attempt is tried again, for traces.
fn retry_reason(error: &Error) -> &'static str {
    match error {
        Error::Connect(_) => "connect",
        Error::Timeout(_) => "timeout",
        Error::Service(_) => "status",
        _ => "other",
    }
}

/// A header value from text; UTF-8 beyond ASCII travels as raw bytes, as the
/// official SDKs send it. Only control characters are refused.
fn header_value(field: &str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_bytes(value.trim().as_bytes()).map_err(|_| {
        Error::InvalidInput(InvalidInput {
            field: field.to_owned(),
            problem: "contains characters not allowed in a header".to_owned(),
        })
    })
}

fn invalid_credentials(problem: String) -> InvalidInput {
    InvalidInput {
        field: "credentials".to_owned(),
        problem,
    }
}

/// Reads at most [`MAX_BODY_BYTES`] of the body; `true` when there was more.
async fn read_limited(mut response: reqwest::Response) -> Result<(Vec<u8>, bool), Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(Error::from_reqwest)? {
        let room = MAX_BODY_BYTES - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}
