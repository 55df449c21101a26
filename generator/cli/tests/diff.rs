//! `clientgen diff`: exit status, both formats, `--since` a git revision,
//! located errors for either side, the same output every run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/cli-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn clientgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientgen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("clientgen runs")
}

const OLD: &str = "openapi: 3.0.3
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Color: {type: string, enum: [red, green], description: A color.}
";

fn write_pair(dir: &Path, new: &str) {
    std::fs::write(dir.join("old.yaml"), OLD).expect("write");
    std::fs::write(dir.join("new.yaml"), new).expect("write");
}

#[test]
fn exit_status_says_whether_anything_breaks() {
    let dir = scratch("diff-status");
    write_pair(&dir, OLD);
    let same = clientgen(&dir, &["diff", "old.yaml", "new.yaml"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stdout).contains("none release"));

    write_pair(&dir, &OLD.replace("[red, green]", "[red, green, blue]"));
    let added = clientgen(
        &dir,
        &["diff", "old.yaml", "new.yaml", "--version", "1.2.3"],
    );
    assert_eq!(added.status.code(), Some(0));
    let text = String::from_utf8_lossy(&added.stdout);
    assert!(
        text.contains("compatible  types::Color::Blue: enum value added"),
        "{text}"
    );
    assert!(text.contains("minor release (1.2.3 → 1.3.0)"), "{text}");
    let strict = clientgen(&dir, &["diff", "old.yaml", "new.yaml", "--fail-on-change"]);
    assert_eq!(strict.status.code(), Some(2));

    write_pair(&dir, &OLD.replace("[red, green]", "[red]"));
    let as_json = [
        "diff",
        "old.yaml",
        "new.yaml",
        "--format",
        "json",
        "--version",
        "0.3.1",
    ];
    let removed = clientgen(&dir, &as_json);
    assert_eq!(removed.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&removed.stdout).expect("JSON");
    assert_eq!(report["verdict"]["breaking"], true);
    assert_eq!(report["verdict"]["bump"], "major");
    assert_eq!(report["verdict"]["next"], "0.4.0");
    let change = &report["changes"][0];
    assert_eq!(change["class"], "breaking");
    assert_eq!(change["item"], "types::Color::Green");
    assert_eq!(change["old"], "#/components/schemas/Color");
    assert!(change["new"].is_null());
    // The same report every run.
    let again = clientgen(&dir, &as_json);
    assert_eq!(removed.stdout, again.stdout);
}

#[test]
fn errors_name_the_side_and_the_place() {
    let dir = scratch("diff-errors");
    let dangling =
        "    Shape: {type: object, properties: {a: {$ref: '#/components/schemas/Nope'}}}\n";
    write_pair(&dir, &format!("{OLD}{dangling}"));
    let broken = clientgen(&dir, &["diff", "old.yaml", "new.yaml"]);
    assert_eq!(broken.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains("new spec new.yaml: error:")
            && stderr.contains("(at #/components/schemas/Shape/properties/a)"),
        "{stderr}"
    );

    let missing = clientgen(&dir, &["diff", "nope.yaml", "new.yaml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read nope.yaml"));
    let one = clientgen(&dir, &["diff", "old.yaml"]);
    assert_eq!(one.status.code(), Some(1));
    let bad_version = clientgen(&dir, &["diff", "old.yaml", "old.yaml", "--version", "1.x"]);
    assert_eq!(bad_version.status.code(), Some(1));
}

#[test]
fn since_compares_with_a_git_revision() {
    let dir = scratch("diff-since");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("git runs");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    std::fs::write(dir.join("spec.yaml"), OLD).expect("write");
    git(&["add", "spec.yaml"]);
    git(&["commit", "-qm", "old"]);
    std::fs::write(dir.join("spec.yaml"), OLD.replace("A color.", "A colour.")).expect("write");
    let docs = clientgen(&dir, &["diff", "--since", "HEAD", "spec.yaml"]);
    assert_eq!(
        docs.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&docs.stderr)
    );
    let text = String::from_utf8_lossy(&docs.stdout);
    assert!(
        text.contains("docs-only   types::Color: documentation changed"),
        "{text}"
    );
    assert!(text.contains("patch release"), "{text}");
    // From another directory, by a path with a directory in it.
    let parent = dir.parent().expect("parent");
    let elsewhere = clientgen(parent, &["diff", "--since", "HEAD", "diff-since/spec.yaml"]);
    assert_eq!(elsewhere.stdout, docs.stdout);
    let usage = clientgen(&dir, &["diff", "--no-such-flag", "spec.yaml"]);
    assert_eq!(
        usage.status.code(),
        Some(1),
        "usage errors are not 'breaking'"
    );
    let unknown = clientgen(&dir, &["diff", "--since", "no-such-rev", "spec.yaml"]);
    assert_eq!(unknown.status.code(), Some(1));
    let option = clientgen(&dir, &["diff", "--since", "--output=x", "spec.yaml"]);
    assert_ne!(option.status.code(), Some(0));
}
