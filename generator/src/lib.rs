//! `clientgen` turns an OpenAPI spec (Swagger 2.0, OpenAPI 3.0, 3.1, 3.2) into a typed Rust client.
//!
//! The pipeline has one module per stage: [`load`] parses the document,
//! [`front`] reads every version into one form,
//! [`ir`] resolves and validates it into a small typed model, [`emit`] turns the
//! model into tokens and [`mod@format`] prints them. [`Generator`] drives the stages
//! for build scripts; the `clientgen` binary drives it from the command line.

pub mod config;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod format;
pub mod front;
pub mod ir;
pub mod load;
pub mod names;
pub mod output;

pub use config::{Generated, Generator, Runtime};
pub use diag::{Diagnostic, GenerateError, Severity};
