//! Support code shared by every generated client: configuration, transport,
//! authentication, errors and input validation.
//!
//! Generated operations build a [`Request`], check it with the helpers in
//! [`validate`] and hand it to [`Core::execute`], which signs, sends and
//! classifies the response.

pub mod auth;
pub mod client;
pub mod encode;
pub mod error;
pub mod response;
pub mod validate;

pub use auth::{Credentials, Secret};
pub use client::{ClientBuilder, Core, Request};
pub use error::{BuildError, DecodeError, Error, InvalidInput, ServiceError, UnknownRegion};
pub use reqwest::Method;
pub use response::Response;
