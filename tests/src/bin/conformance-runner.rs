//! Writes the `main.rs` of a program that calls every operation of a spec's
//! generated client once, with the values of its doc example, for the
//! conformance run against a validating mock server (`scripts/prism.py`).
//!
//! `conformance-runner SPEC CRATE OUT`: CRATE is the client crate's name as
//! Rust code writes it.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [spec, krate, out] = args.as_slice() else {
        eprintln!("usage: conformance-runner SPEC CRATE OUT");
        return ExitCode::FAILURE;
    };
    let loaded = match clientgen::load::read(std::path::Path::new(spec)) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let (api, diagnostics) = clientgen::ir::lower(&loaded);
    if diagnostics.has_errors() {
        eprintln!("{spec} does not generate");
        return ExitCode::FAILURE;
    }
    let Some(program) = clientgen::emit::examples::program(&api, krate) else {
        eprintln!("`{krate}` is not a Rust path");
        return ExitCode::FAILURE;
    };
    match std::fs::write(out, program) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write {out}: {error}");
            ExitCode::FAILURE
        }
    }
}
