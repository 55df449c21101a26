//! The `clientgen` binary: standalone crates, `--check`, determinism across
//! processes, and a generated crate that really compiles.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
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
fn module_files_a_spec_change_leaves_unused_are_removed() {
    let dir = scratch("leftovers");
    let out = dir.to_str().expect("utf-8 path");
    let generate = |extra: &[&str]| {
        let mut args = vec!["generate", "tests/fixtures/tags.yaml", "--out", out];
        args.extend_from_slice(extra);
        let run = clientgen(&args);
        (
            run.status.success(),
            String::from_utf8_lossy(&run.stderr).into_owned(),
        )
    };
    let (ok, stderr) = generate(&[]);
    assert!(ok, "{stderr}");
    let pets = dir.join("src/operations/tag_pets.rs");
    assert!(pets.is_file(), "each tag's operations have a file");
    assert!(dir.join("src/types.rs").is_file() && dir.join("src/operations.rs").is_file());
    let mine = dir.join("src/operations/notes.rs");
    std::fs::write(&mine, "// not generated\n").expect("user file");

    // Without tag features no tag module is left, but the user's file is.
    let (ok, stderr) = generate(&["--no-tag-features", "--check"]);
    assert!(!ok && stderr.contains("tag_pets.rs"), "{stderr}");
    let (ok, stderr) = generate(&["--no-tag-features"]);
    assert!(ok, "{stderr}");
    assert!(!pets.exists(), "a leftover module file is removed");
    assert!(
        !dir.join("src/types").exists(),
        "so is a directory it leaves empty"
    );
    assert!(mine.is_file(), "a file without the generated header stays");
    let (ok, stderr) = generate(&["--no-tag-features", "--check"]);
    assert!(ok, "{stderr}");
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

/// The dependency lists clientgen writes agree with the runtime crate's own.
#[test]
fn inline_dependencies_match_the_runtime_manifest() {
    let manifest =
        std::fs::read_to_string(root().join("templates/runtime/Cargo.toml")).expect("manifest");
    let output = clientgen::output::RUNTIME_DEPENDENCIES.to_owned()
        + clientgen::output::HUAWEI_DEPENDENCIES
        + clientgen::output::CODE_DEPENDENCIES;
    // Only the `[dependencies]` table: features may share a dependency's name.
    let dependencies = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    for line in output.lines().filter(|l| !l.trim().is_empty()) {
        let name = line.split(' ').next().expect("a name");
        let version = line.split('"').nth(1).expect("a version");
        let declared = dependencies
            .lines()
            .find(|l| l.starts_with(&format!("{name} = ")))
            .unwrap_or_else(|| panic!("the runtime does not depend on {name}"));
        assert!(
            declared.contains(&format!("\"{version}\"")),
            "{name}: {declared} vs {line}"
        );
    }
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .expect("a version");
    assert!(version.starts_with(&format!("{}.", clientgen::output::RUNTIME_VERSION)));
}

#[test]
fn crate_names_are_validated_with_a_clear_error() {
    let dir = scratch("bad-name");
    let run = clientgen(&[
        "generate",
        "spec/hss.yaml",
        "--out",
        dir.to_str().expect("utf-8"),
        "--crate-name",
        "My--Crate",
    ]);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("crate name `My--Crate`"), "{stderr}");
    assert!(!dir.exists(), "nothing is written");
}

/// The main job's output is a crate of its own that passes `cargo check`
/// without warnings, with the runtime as a crate and inline.
#[test]
fn standalone_crates_compile_without_warnings() {
    for (name, runtime, spec) in [
        ("hss-crate", "crate", "spec/hss.yaml"),
        ("hss-inline", "inline", "spec/hss.yaml"),
        ("params-inline", "inline", "tests/fixtures/params.yaml"),
        ("tags-inline", "inline", "tests/fixtures/tags.yaml"),
    ] {
        let dir = scratch(name);
        let out = dir.to_str().expect("utf-8 path");
        let run = clientgen(&[
            "generate",
            spec,
            "--out",
            out,
            "--crate-name",
            name,
            "--runtime",
            runtime,
            "--runtime-path",
            "templates/runtime",
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
        assert!(!manifest.contains("publish"), "{manifest}");
        let readme = std::fs::read_to_string(dir.join("README.md")).expect("README");
        assert!(readme.contains(&format!("# {name}")) && readme.contains("Client::builder()"));
        let lib = std::fs::read_to_string(dir.join("src/lib.rs")).expect("lib.rs");
        match runtime {
            "crate" => {
                assert!(manifest.contains(
                    "clientgen-runtime = { version = \"0.1\", default-features = false, features = [\"huawei\"], path = \"../../../templates/runtime\" }"
                ), "{manifest}");
                assert!(!lib.contains("pub mod runtime {"));
            }
            _ => {
                assert!(!manifest.contains("clientgen-runtime"), "{manifest}");
                assert!(lib.contains("pub mod runtime {"));
                assert_eq!(lib.contains("pub mod huawei {"), spec == "spec/hss.yaml");
            }
        }
        // One feature per tag, all on by default.
        assert_eq!(
            manifest
                .contains("default = [\"pets\", \"stores-shops\", \"users\", \"unused-schemas\"]"),
            spec.ends_with("tags.yaml"),
            "{manifest}"
        );
        // A crate with tags also builds with one tag's feature alone.
        let feature_sets: &[&[&str]] = if spec.ends_with("tags.yaml") {
            &[&[], &["--no-default-features", "--features", "users"]]
        } else {
            &[&[]]
        };
        for features in feature_sets {
            let check = Command::new(env!("CARGO"))
                .args(["check", "--quiet", "--all-targets", "--manifest-path"])
                .arg(dir.join("Cargo.toml"))
                .args(*features)
                .env("CARGO_TARGET_DIR", root().join("target/standalone"))
                .env("RUSTFLAGS", "-D warnings")
                .output()
                .expect("cargo runs");
            assert!(
                check.status.success(),
                "{name} {features:?}: {}",
                String::from_utf8_lossy(&check.stderr)
            );
        }
        assert!(Path::new(&dir.join("Cargo.lock")).exists());
    }
}
