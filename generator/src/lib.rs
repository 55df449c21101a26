//! `clientgen` turns an OpenAPI 3.0 spec into a typed Rust client.
//!
//! The pipeline has one module per stage: [`load`] parses the document,
//! [`ir`] resolves and validates it into a small typed model, [`emit`] turns the
//! model into tokens and [`mod@format`] prints them. [`Generator`] drives the stages
//! for build scripts; the `clientgen` binary drives it from the command line.

pub mod config;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod format;
pub mod ir;
pub mod load;
pub mod names;
pub mod output;

pub use config::{Generated, Generator, Runtime};
pub use diag::{Diagnostic, GenerateError, Severity};
