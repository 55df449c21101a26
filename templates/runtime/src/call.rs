//! What every generated request builder shares: the client, the operation's
//! name, this call's options and the sending, written once here instead of
//! once per operation.

use std::future::Future;
use std::pin::Pin;

use serde::de::DeserializeOwned;

use super::client::Core;
use super::encode::path_segment;
use super::error::{Error, InvalidInput};
use super::request::{CallOptions, Request};
use super::response::Response;
use super::validate::invalid;
use reqwest::Method;

/// What sending a request returns: a boxed future, so that each operation's
/// `send` is a plain function with a nameable type.
pub type ResponseFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<Response<T>, Error>> + Send + 'a>>;

/// One call of an operation, before its parameters are checked.
#[derive(Debug, Clone)]
pub struct Call<'a> {
    core: &'a Core,
    operation: &'static str,
    method: Method,
    template: &'static str,
    /// Retries, timeout and hooks of this call.
    pub options: CallOptions,
}

impl<'a> Call<'a> {
    /// A call of `operation` (its name in traces and hooks) on `core`:
    /// `method` on the path `template` (e.g. `/v5/{project_id}/common/task`).
    pub fn new(
        core: &'a Core,
        operation: &'static str,
        method: Method,
        template: &'static str,
    ) -> Self {
        Call {
            core,
            operation,
            method,
            template,
            options: CallOptions::default(),
        }
    }

    /// The client-wide value of parameter `name`, see [`Core::default_param`].
    pub fn default_param(&self, name: &str) -> Option<&'a str> {
        self.core.default_param(name)
    }

    /// The request of this call, each `{name}` of the path template replaced
    /// by the next of `values`, percent-encoded.
    pub fn request(&self, values: &[&str]) -> Result<Request, InvalidInput> {
        let mut path = String::with_capacity(self.template.len() + 32);
        let mut rest = self.template;
        let mut values = values.iter();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            let value = values
                .next()
                .ok_or_else(|| invalid(name, "is in the path but has no value"))?;
            path.push_str(&rest[..open]);
            path.push_str(&path_segment(name, value)?);
            rest = &rest[open + close + 1..];
        }
        path.push_str(rest);
        let mut request =
            Request::operation(self.operation, self.template, self.method.clone(), path);
        request.options = self.options.clone();
        Ok(request)
    }

    /// Sends `request` and decodes a JSON success body into `T`.
    pub fn json<T: DeserializeOwned + Send + 'a>(
        &self,
        request: Result<Request, Error>,
    ) -> ResponseFuture<'a, T> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_json(request?).await })
    }

    /// Sends `request` and returns the success body as text (lossy UTF-8).
    pub fn text(&self, request: Result<Request, Error>) -> ResponseFuture<'a, String> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_text(request?).await })
    }

    /// Sends `request` and returns the success body as bytes.
    pub fn bytes(&self, request: Result<Request, Error>) -> ResponseFuture<'a, Vec<u8>> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_bytes(request?).await })
    }

    /// Sends `request` and ignores the success body.
    pub fn empty(&self, request: Result<Request, Error>) -> ResponseFuture<'a, ()> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_empty(request?).await })
    }

    /// Sends `request` and decodes a success body with `decode`, which sees the status.
    pub fn with<T: Send + 'a>(
        &self,
        request: Result<Request, Error>,
        decode: impl FnOnce(u16, &[u8]) -> Result<T, serde_json::Error> + Send + 'a,
    ) -> ResponseFuture<'a, T> {
        let (core, request) = (self.core, self.checked(request));
        Box::pin(async move { core.send_with(request?, decode).await })
    }

    /// A request that could not be built is reported like a failed call,
    /// when `send` is called.
    fn checked(&self, request: Result<Request, Error>) -> Result<Request, Error> {
        request.map_err(|e| self.core.refused(self.operation, &self.options, e))
    }
}

/// The shared part of a request builder: `new` (every parameter unset) and
/// the per-call settings, for a builder whose [`Call`] is `self.call`.
#[doc(hidden)]
#[macro_export]
macro_rules! request_builder {
    ($operation:literal, $method:ident, $template:literal $(, $field:ident)* $(,)?) => {
        pub(crate) fn new(core: &'a rt::Core) -> Self {
            Self {
                call: rt::Call::new(core, $operation, rt::Method::$method, $template),
                $($field: None,)*
            }
        }

        /// Retries for this call, replacing the client's policy (default: none).
        pub fn retry(mut self, policy: rt::RetryPolicy) -> Self {
            self.call.options.retry(policy);
            self
        }

        /// Time allowed for each attempt of this call, replacing the client's.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.call.options.timeout(timeout);
            self
        }

        /// Runs `hook` around this call, after the client's hooks.
        pub fn hook(mut self, hook: impl rt::Hook + 'static) -> Self {
            self.call.options.hook(hook);
            self
        }
    };
}

/// The settings every generated `ClientBuilder` (a wrapper of
/// [`ClientBuilder`](crate::ClientBuilder) in `self.inner`) shares, and its
/// `build` into the generated `Client { core }`.
#[doc(hidden)]
#[macro_export]
macro_rules! client_builder {
    () => {
        /// Sends requests to this base URL instead of the default.
        pub fn endpoint(mut self, url: impl Into<String>) -> Self {
            self.inner = self.inner.endpoint(url);
            self
        }

        /// Time allowed to establish a connection (default 60 s).
        pub fn connect_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.inner = self.inner.connect_timeout(timeout);
            self
        }

        /// Time allowed for a whole request (default 120 s).
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.inner = self.inner.timeout(timeout);
            self
        }

        /// Appends `suffix` to the User-Agent, e.g. your application's name.
        pub fn user_agent_suffix(mut self, suffix: &str) -> Self {
            self.inner = self.inner.user_agent_suffix(suffix);
            self
        }

        /// Replaces the whole User-Agent (default: this crate's `USER_AGENT`).
        pub fn user_agent(mut self, user_agent: &str) -> Self {
            self.inner = self.inner.user_agent(user_agent);
            self
        }

        /// Retries for every call (default: none); a call may set its own.
        pub fn retry(mut self, policy: runtime::RetryPolicy) -> Self {
            self.inner = self.inner.retry(policy);
            self
        }

        /// Runs `hook` around every call (after hooks added before).
        pub fn hook(mut self, hook: impl runtime::Hook + 'static) -> Self {
            self.inner = self.inner.hook(hook);
            self
        }

        /// Proxy, certificates and connection pool settings.
        pub fn http(mut self, settings: runtime::HttpSettings) -> Self {
            self.inner = self.inner.http(settings);
            self
        }

        /// Sends through an existing client (sharing its pool, proxy and
        /// TLS setup); see the runtime's `ClientBuilder::http_client`.
        pub fn http_client(mut self, client: runtime::reqwest::Client) -> Self {
            self.inner = self.inner.http_client(client);
            self
        }

        /// The source of signing times (default: the system clock), for
        /// replaying captured requests and tests.
        pub fn clock(
            mut self,
            clock: impl Fn() -> ::std::time::SystemTime + Send + Sync + 'static,
        ) -> Self {
            self.inner = self.inner.clock(clock);
            self
        }

        /// Checks the settings and builds the client.
        pub fn build(self) -> Result<Client, runtime::BuildError> {
            Ok(Client {
                core: self.inner.build()?,
            })
        }
    };
}

/// Conversions, serde and validation of a string enum whose last variant
/// (`$fallback`) keeps values this client does not know.
#[doc(hidden)]
#[macro_export]
macro_rules! string_enum {
    ($name:ident, $fallback:ident $(, $variant:ident = $wire:literal)* $(,)?) => {
        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::$fallback(value) => value,
                }
            }

            /// False for values this client does not know.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::$fallback(_))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => Self::$variant,)*
                    other => Self::$fallback(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::$fallback(_) => Self::$fallback(value),
                    known => known,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }

        impl rt::validate::Validate for $name {
            fn validate(&self, path: &str) -> Result<(), rt::InvalidInput> {
                rt::validate::known_variant(path, self.as_str(), self.is_known())
            }
        }
    };
}
