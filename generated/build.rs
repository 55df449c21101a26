//! Generates the client from `spec/hss.yaml` into `OUT_DIR/hss.rs`.

use std::path::PathBuf;

const SPEC: &str = "../spec/hss.yaml";

fn main() {
    println!("cargo::rerun-if-changed={SPEC}");
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("OUT_DIR is not set; run this through cargo");
        std::process::exit(1);
    };
    let out = PathBuf::from(out_dir).join("hss.rs");
    // The fake service (`test-util`, which enables this) plays the server:
    // it reads requests and writes responses.
    let both_ways = std::env::var_os("CARGO_FEATURE_SERDE_BOTH_WAYS").is_some();
    match clientgen::Generator::new(SPEC)
        .strict(true)
        .serde_both_ways(both_ways)
        .generate_to(&out)
    {
        Ok(_) => {}
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
