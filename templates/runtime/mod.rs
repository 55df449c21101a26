//! Support code shared by every generated client: configuration, transport,
//! authentication, errors and input validation.
//!
//! Generated operations check their input with the helpers in `validate`,
//! build a `Request` and hand it to `Core`, which authenticates, sends and
//! classifies the response.

pub mod auth;
pub mod client;
pub mod encode;
pub mod error;
pub mod request;
pub mod response;
pub mod retry;
pub mod signing;
pub mod validate;

pub use auth::{AkSk, Credentials, MissingCredentials, Secret};
pub use client::{ClientBuilder, Core};
pub use error::{BuildError, DecodeError, Error, InvalidInput, ServiceError, UnknownRegion};
pub use request::Request;
pub use reqwest::Method;
pub use response::Response;
pub use retry::RetryPolicy;
