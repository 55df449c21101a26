//! The `clientgen` binary: standalone crates, `--check`, determinism across
//! processes, and a generated crate that really compiles.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn clientgen(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_clientgen"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("clientgen runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/cli-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn separate_processes_print_identical_code() {
    let first = clientgen(&["file", "spec/hss.yaml"]);
    let second = clientgen(&["file", "spec/hss.yaml"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn generate_writes_a_crate_and_check_detects_drift() {
    let dir = scratch("drift");
    let out = dir.to_str().expect("utf-8 path");
    let run = clientgen(&[
        "generate",
        "spec/hss.yaml",
        "--out",
        out,
        "--crate-name",
        "hss-standalone",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
    assert!(manifest.contains("name = \"hss-standalone\""));
    let lib = std::fs::read_to_string(dir.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.contains("#![forbid(unsafe_code)]"));

    assert!(clientgen(&[
        "generate",
        "spec/hss.yaml",
        "--out",
        out,
        "--crate-name",
        "hss-standalone",
        "--check"
    ])
    .status
    .success());
    std::fs::write(dir.join("src/lib.rs"), format!("{lib}\n// edited\n")).expect("edit");
    let stale = clientgen(&[
        "generate",
        "spec/hss.yaml",
        "--out",
        out,
        "--crate-name",
        "hss-standalone",
        "--check",
    ]);
    assert!(!stale.status.success());
    assert!(String::from_utf8_lossy(&stale.stderr).contains("src/lib.rs"));
}

#[test]
fn bad_spec_fails_with_located_errors() {
    let dir = scratch("bad");
    std::fs::create_dir_all(&dir).expect("dir");
    let spec = dir.join("bad.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/Nope'}\n",
    )
    .expect("write");
    let run = clientgen(&["check", spec.to_str().expect("utf-8")]);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("#/components/schemas/A/properties/b"),
        "{stderr}"
    );
}

#[test]
fn generated_crate_manifest_matches_the_dependencies_clientgen_declares() {
    let manifest = std::fs::read_to_string(root().join("generated/Cargo.toml")).expect("manifest");
    for line in clientgen::output::DEPENDENCIES
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        assert!(
            manifest.contains(line),
            "generated/Cargo.toml lacks `{line}`"
        );
    }
}

/// The main job's output is a crate of its own that passes `cargo check`
/// without warnings.
#[test]
fn standalone_crate_compiles_without_warnings() {
    let dir = scratch("standalone");
    let out = dir.to_str().expect("utf-8 path");
    let run = clientgen(&["generate", "spec/hss.yaml", "--out", out]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let check = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root().join("target/standalone"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(Path::new(&dir.join("Cargo.lock")).exists());
}
