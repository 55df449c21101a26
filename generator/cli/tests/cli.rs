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

/// A user outside this repository: `generate` with no flags writes crates
/// that build with `cargo build` and no edits, side by side in one
/// workspace sharing one runtime crate, and alone.
#[test]
fn default_output_builds_as_written_outside_the_repository() {
    let home = std::env::temp_dir().join(format!("clientgen-fresh-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let workspace = home.join("app");
    std::fs::create_dir_all(&workspace).expect("dir");
    std::fs::write(
        workspace.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"clients/*\"]\n",
    )
    .expect("workspace manifest");
    let build = |dir: &Path, args: &[&str]| {
        let run = Command::new(env!("CARGO"))
            .arg("build")
            .args(args)
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", root().join("target/standalone-build"))
            .env("RUSTFLAGS", "-D warnings")
            .output()
            .expect("cargo runs");
        assert!(
            run.status.success(),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&run.stderr)
        );
    };
    for (spec, out) in [
        ("spec/hss.yaml", "clients/hss"),
        ("tests/fixtures/tags.yaml", "clients/pets"),
    ] {
        let target = workspace.join(out);
        let run = Command::new(env!("CARGO_BIN_EXE_clientgen"))
            .args(["generate", spec, "--out"])
            .arg(&target)
            .current_dir(root())
            .output()
            .expect("clientgen runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("add to your Cargo.toml, under [dependencies]: ")
                && last.ends_with(&format!("{} }}", output_path(&target))),
            "{stderr}"
        );
        let manifest = std::fs::read_to_string(target.join("Cargo.toml")).expect("manifest");
        assert!(
            manifest.contains("path = \"../clientgen-runtime\" }")
                && !manifest.contains("[workspace]"),
            "{manifest}"
        );
    }
    let runtime = std::fs::read_to_string(workspace.join("clients/clientgen-runtime/Cargo.toml"))
        .expect("the runtime is written beside the clients");
    assert!(!runtime.contains(".workspace = true") && !runtime.contains("[workspace]"));
    build(&workspace, &["--workspace", "--quiet"]);

    // Alone: no workspace around it, so none in its manifest either.
    let alone = home.join("alone/params");
    let run = clientgen(&[
        "generate",
        "tests/fixtures/params.yaml",
        "--out",
        alone.to_str().expect("utf-8"),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    build(&alone, &["--quiet"]);
    // Generating again rewrites the runtime it wrote, never a user's crate.
    std::fs::write(
        home.join("alone/clientgen-runtime/Cargo.toml"),
        "[package]\nname = \"mine\"\n",
    )
    .expect("write");
    let run = clientgen(&[
        "generate",
        "tests/fixtures/params.yaml",
        "--out",
        alone.to_str().expect("utf-8"),
    ]);
    assert!(!run.status.success());
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("not `clientgen-runtime`"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::remove_dir_all(&home).expect("clean up");
}

/// How the CLI prints a path it was given.
fn output_path(path: &Path) -> String {
    clientgen::output::toml_string(&path.to_string_lossy().replace('\\', "/"))
}

/// `--registry`: the runtime by version alone, nothing written beside.
#[test]
fn registry_depends_by_version_alone() {
    let dir = scratch("registry/api");
    let run = clientgen(&[
        "generate",
        "tests/fixtures/params.yaml",
        "--out",
        dir.to_str().expect("utf-8"),
        "--registry",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
    assert!(
        manifest.contains("clientgen-runtime = { version = \"0.1\", default-features = false }"),
        "{manifest}"
    );
    assert!(!dir
        .parent()
        .expect("parent")
        .join("clientgen-runtime")
        .exists());
    // Inside this repository's workspace, which does not list it.
    assert!(manifest.ends_with("[workspace]\n"), "{manifest}");
}
