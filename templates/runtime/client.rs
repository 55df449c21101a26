//! Client configuration and the one place where requests meet the network.

use std::collections::BTreeMap;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE, USER_AGENT};
use reqwest::Method;
use serde::de::DeserializeOwned;

use super::auth::Credentials;
use super::encode::Query;
use super::error::{BuildError, DecodeError, Error, ServiceError};
use super::response::Response;

/// Default time allowed to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default time allowed for a whole request, from connecting to the last body byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// Largest response body read; a longer one is [`Error::ResponseTooLarge`].
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// How much of an undecodable body an error keeps.
const BODY_EXCERPT_CHARS: usize = 512;

/// Settings for a client; finished with [`ClientBuilder::build`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    endpoint: Option<String>,
    credentials: Credentials,
    connect_timeout: Duration,
    timeout: Duration,
    user_agent: String,
    token_header: &'static str,
    defaults: BTreeMap<String, String>,
}

impl ClientBuilder {
    /// A builder that identifies itself with `user_agent`, sends to `endpoint`
    /// unless told otherwise, and sends tokens in `token_header` (lower case).
    pub fn new(user_agent: &str, endpoint: Option<&str>, token_header: &'static str) -> Self {
        ClientBuilder {
            endpoint: endpoint.map(str::to_owned),
            token_header,
            credentials: Credentials::None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            user_agent: user_agent.to_owned(),
            defaults: BTreeMap::new(),
        }
    }

    /// Sends requests to this base URL, e.g. `https://hss.cn-north-4.myhuaweicloud.com`.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// Authenticates requests with these credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// Time allowed to establish a connection (default 60 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time allowed for a whole request (default 120 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Appends `suffix` to the User-Agent, e.g. the name of your application.
    pub fn user_agent_suffix(mut self, suffix: &str) -> Self {
        self.user_agent = format!("{} {}", self.user_agent, suffix);
        self
    }

    /// A value for the parameter `name` used when a call does not give one.
    pub fn default_param(mut self, name: &str, value: impl Into<String>) -> Self {
        self.defaults.insert(name.to_owned(), value.into());
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Core, BuildError> {
        let raw = self.endpoint.ok_or(BuildError::MissingEndpoint)?;
        let endpoint = reqwest::Url::parse(&raw)
            .map_err(|e| BuildError::InvalidEndpoint(format!("`{raw}`: {e}")))?;
        if !matches!(endpoint.scheme(), "http" | "https") || endpoint.host_str().is_none() {
            return Err(BuildError::InvalidEndpoint(format!(
                "`{raw}` is not an absolute http(s) URL"
            )));
        }
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| BuildError::InvalidSetting("User-Agent is not a valid header".into()))?;
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| BuildError::InvalidSetting(format!("HTTP client: {e}")))?;
        Ok(Core {
            http,
            base: endpoint.as_str().trim_end_matches('/').to_owned(),
            credentials: self.credentials,
            user_agent,
            token_header: HeaderName::from_static(self.token_header),
            defaults: self.defaults,
        })
    }
}

/// A configured client: connection pool, endpoint, credentials and defaults.
/// Cheap to clone; clones share the connection pool.
#[derive(Debug, Clone)]
pub struct Core {
    http: reqwest::Client,
    base: String,
    credentials: Credentials,
    user_agent: HeaderValue,
    token_header: HeaderName,
    defaults: BTreeMap<String, String>,
}

/// One request, with its path already encoded.
#[derive(Debug, Clone)]
pub struct Request {
    /// HTTP method.
    pub method: Method,
    /// Path below the endpoint, each parameter value percent-encoded.
    pub path: String,
    /// Query parameters.
    pub query: Query,
    /// Headers from header parameters.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Cookies from cookie parameters.
    pub cookies: Vec<(String, String)>,
    /// JSON body bytes, if any.
    pub json_body: Option<Vec<u8>>,
}

impl Request {
    /// A request without parameters or body.
    pub fn new(method: Method, path: String) -> Self {
        Request {
            method,
            path,
            query: Query::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            json_body: None,
        }
    }

    /// Serializes `body` as the JSON body.
    pub fn json<T: serde::Serialize>(&mut self, path: &str, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            Error::InvalidInput(super::validate::invalid(
                path,
                format!("cannot be serialized: {e}"),
            ))
        })?;
        self.json_body = Some(bytes);
        Ok(())
    }

    /// Adds a header parameter; values that cannot be a header are invalid input.
    pub fn header(&mut self, name: &'static str, value: &str) -> Result<(), Error> {
        let value = HeaderValue::from_str(value).map_err(|_| {
            Error::InvalidInput(super::validate::invalid(
                name,
                "contains characters not allowed in a header",
            ))
        })?;
        self.headers.push((HeaderName::from_static(name), value));
        Ok(())
    }
}

impl Request {
    /// Adds a cookie parameter, its value percent-encoded.
    pub fn cookie(&mut self, name: &str, value: impl ToString) {
        let value = super::encode::component(&value.to_string());
        self.cookies.push((name.to_owned(), value));
    }
}

impl Core {
    /// The client-wide default for parameter `name`, if one was set.
    pub fn default_param(&self, name: &str) -> Option<&str> {
        self.defaults.get(name).map(String::as_str)
    }

    /// The base URL requests go to.
    pub fn endpoint(&self) -> &str {
        &self.base
    }

    /// Sends `request` and decodes a JSON success body into `T`.
    pub async fn send_json<T: DeserializeOwned>(
        &self,
        request: Request,
    ) -> Result<Response<T>, Error> {
        let (status, request_id, headers, body) = self.execute(request).await?;
        let decoded = if body.iter().all(u8::is_ascii_whitespace) {
            serde_json::from_slice(b"null")
        } else {
            serde_json::from_slice(&body)
        };
        match decoded {
            Ok(value) => Ok(Response::new(status, request_id, headers, value)),
            Err(source) => Err(Error::Decode(DecodeError {
                status,
                request_id,
                body_excerpt: super::error::excerpt(
                    &String::from_utf8_lossy(&body),
                    BODY_EXCERPT_CHARS,
                ),
                source,
            })),
        }
    }

    /// Sends `request` and ignores the success body.
    pub async fn send_empty(&self, request: Request) -> Result<Response<()>, Error> {
        let (status, request_id, headers, _) = self.execute(request).await?;
        Ok(Response::new(status, request_id, headers, ()))
    }

    async fn execute(
        &self,
        request: Request,
    ) -> Result<(u16, Option<String>, HeaderMap, Vec<u8>), Error> {
        let mut url = format!("{}{}", self.base, request.path);
        if !request.query.is_empty() {
            url.push('?');
            url.push_str(&request.query.to_canonical_string());
        }
        let mut builder = self
            .http
            .request(request.method, url)
            .header(USER_AGENT, self.user_agent.clone());
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        if !request.cookies.is_empty() {
            let cookies: Vec<String> = request
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            builder = builder.header(reqwest::header::COOKIE, cookies.join("; "));
        }
        if let Credentials::Token(token) = &self.credentials {
            let mut value = HeaderValue::from_str(token.expose()).map_err(|_| {
                Error::InvalidInput(super::validate::invalid(
                    "credentials.token",
                    "contains characters not allowed in a header",
                ))
            })?;
            value.set_sensitive(true);
            builder = builder.header(self.token_header.clone(), value);
        }
        if let Some(body) = request.json_body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        let response = builder.send().await.map_err(Error::from_reqwest)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let request_id = headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let Some(body) = read_limited(response).await? else {
            return Err(Error::ResponseTooLarge {
                status,
                request_id,
                limit: MAX_BODY_BYTES,
            });
        };
        if (200..300).contains(&status) {
            Ok((status, request_id, headers, body))
        } else {
            Err(Error::Service(ServiceError::from_response(
                status, request_id, &body,
            )))
        }
    }
}

/// Reads the body; `None` when it is longer than [`MAX_BODY_BYTES`].
async fn read_limited(mut response: reqwest::Response) -> Result<Option<Vec<u8>>, Error> {
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY_BYTES as u64)
    {
        return Ok(None);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(Error::from_reqwest)? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}
