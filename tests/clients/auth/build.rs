//! Generates the client from `tests/fixtures/auth.yaml` into `OUT_DIR/auth.rs`.

use std::path::PathBuf;

const SPEC: &str = "../../fixtures/auth.yaml";

fn main() {
    println!("cargo::rerun-if-changed={SPEC}");
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("OUT_DIR is not set; run this through cargo");
        std::process::exit(1);
    };
    // The spec has one unsupported scheme (digest) on purpose: not strict.
    if let Err(error) =
        clientgen::Generator::new(SPEC).generate_to(&PathBuf::from(out_dir).join("auth.rs"))
    {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
