//! `clientgen diff`: what a spec change does to the generated Rust API.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clientgen::diff::{self, Bump, Change, Class, Version};
use clientgen::Generator;

/// How the report is printed.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One block per change, then the verdict.
    Human,
    /// One JSON document.
    Json,
}

/// What to compare and how to report it.
pub struct Options {
    /// `[OLD] NEW`, or just `NEW` with `since`.
    pub specs: Vec<PathBuf>,
    /// A git revision holding the old version of the one spec given.
    pub since: Option<String>,
    /// The crate's current version, to name the next one.
    pub version: Option<String>,
    /// Output format.
    pub format: Format,
    /// Exit 2 on any change, not only a breaking one.
    pub fail_on_change: bool,
}

/// Exit status: 0 nothing breaking, 2 breaking (or any change with
/// `fail_on_change`), 1 on error.
pub fn run(options: Options) -> ExitCode {
    match compare(&options) {
        Ok((changes, report)) => {
            print!("{report}");
            let fail = changes.iter().any(|c| c.class == Class::Breaking)
                || options.fail_on_change && !changes.is_empty();
            if fail {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => {
            eprint!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn compare(options: &Options) -> Result<(Vec<Change>, String), String> {
    let version = options
        .version
        .as_deref()
        .map(str::parse::<Version>)
        .transpose()
        .map_err(|e| format!("error: --version: {e}\n"))?;
    let (old_text, old_name, new_path) = match (&options.since, options.specs.as_slice()) {
        (Some(rev), [spec]) => (
            git_show(rev, spec)?,
            format!("{rev}:{}", spec.display()),
            spec,
        ),
        (None, [old, new]) => (read(old)?, old.display().to_string(), new),
        (Some(_), _) => return Err("error: with --since, give one spec: the new one\n".into()),
        (None, _) => {
            return Err("error: give two specs, OLD and NEW (or --since REV and one spec)\n".into())
        }
    };
    let new_text = read(new_path)?;
    // Both sides at once: on a 13 MB spec, loading is most of the time.
    let (old_api, new_api) = std::thread::scope(|scope| {
        let old = scope.spawn(|| Generator::new(&old_name).lower_str(&old_text));
        let new = Generator::new(new_path).lower_str(&new_text);
        (old.join(), new)
    });
    let old_api = old_api.map_err(|_| "error: the old spec could not be read\n".to_owned())?;
    // Every error of both sides at once.
    let (old_api, new_api) = match (old_api, new_api) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let mut message = String::new();
            if let Err(e) = old {
                message.push_str(&located("old", &old_name, &e));
            }
            if let Err(e) = new {
                message.push_str(&located("new", &new_path.display().to_string(), &e));
            }
            return Err(message);
        }
    };
    let changes = diff::diff(&old_api, &new_api);
    let report = match options.format {
        Format::Human => human(&changes, version),
        Format::Json => json(
            &changes,
            version,
            &old_name,
            &new_path.display().to_string(),
        ),
    };
    Ok((changes, report))
}

fn located(side: &str, name: &str, error: &clientgen::GenerateError) -> String {
    let lines: Vec<String> = error
        .errors()
        .map(|d| format!("{side} spec {name}: {d}\n"))
        .collect();
    lines.concat()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|e| format!("error: cannot read {}: {e}\n", path.display()))
}

/// The spec at `path` as committed in revision `rev`.
fn git_show(rev: &str, path: &Path) -> Result<String, String> {
    if rev.starts_with('-') {
        return Err(format!("error: `{rev}` is not a revision\n"));
    }
    // Run where the spec is, with `./`: the path is then relative to that
    // directory, not to the repository's root, wherever that is.
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file = path
        .file_name()
        .ok_or_else(|| format!("error: {} is not a file\n", path.display()))?;
    let object = format!("{rev}:./{}", Path::new(file).display());
    let output = Command::new("git")
        .args(["show", "--end-of-options", &object])
        .current_dir(dir)
        .output()
        .map_err(|e| format!("error: cannot run git: {e}\n"))?;
    if !output.status.success() {
        return Err(format!(
            "error: git cannot show {object}: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| format!("error: {object} is not UTF-8\n"))
}

fn verdict(changes: &[Change], version: Option<Version>) -> (Bump, Option<Version>) {
    let bump = Bump::of(changes);
    (bump, version.map(|v| bump.next(v)))
}

fn human(changes: &[Change], version: Option<Version>) -> String {
    let mut out = String::new();
    for c in changes {
        out.push_str(&format!(
            "{:<10}  {}: {}\n",
            c.class.word(),
            c.item,
            c.change
        ));
        out.push_str(&format!("{:<10}  {}\n", "", c.reason));
        let at = |p: &Option<String>| p.clone().unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "{:<10}  old {}  new {}\n",
            "",
            at(&c.old),
            at(&c.new)
        ));
    }
    let count = |class| changes.iter().filter(|c| c.class == class).count();
    let (bump, next) = verdict(changes, version);
    out.push_str(&format!(
        "{} breaking, {} compatible, {} docs-only: {} release",
        count(Class::Breaking),
        count(Class::Compatible),
        count(Class::DocsOnly),
        bump.word()
    ));
    match (version, next) {
        (Some(current), Some(next)) if bump != Bump::None => {
            out.push_str(&format!(" ({current} → {next})\n"))
        }
        _ => out.push('\n'),
    }
    out
}

fn json(changes: &[Change], version: Option<Version>, old: &str, new: &str) -> String {
    let (bump, next) = verdict(changes, version);
    let list: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "class": c.class.word(),
                "item": c.item,
                "change": c.change,
                "reason": c.reason,
                "old": c.old,
                "new": c.new,
            })
        })
        .collect();
    let document = serde_json::json!({
        "old": old,
        "new": new,
        "changes": list,
        "verdict": {
            "breaking": changes.iter().any(|c| c.class == Class::Breaking),
            "bump": bump.word(),
            "current": version.map(|v| v.to_string()),
            "next": next.map(|v| v.to_string()),
        },
    });
    format!("{document:#}\n")
}
