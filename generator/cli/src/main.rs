//! `clientgen`: generate a Rust client crate from an OpenAPI 3.0 spec.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod diff;

use clap::{Parser, Subcommand, ValueEnum};
use clientgen::output::CrateOptions;
use clientgen::{output, Generator, Runtime};

// Generation allocates and frees millions of small token and syntax-tree
// nodes on several threads; glibc's allocator spent about a third of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(version, about = "Generates typed Rust clients from OpenAPI 3.0 specs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where generated code finds its runtime.
#[derive(Clone, Copy, ValueEnum)]
enum RuntimeArg {
    /// Depend on the `clientgen-runtime` crate.
    Crate,
    /// Carry a copy of the runtime's source as `pub mod runtime`.
    Inline,
    /// Neither: the includer provides `mod runtime` (`file` only).
    None,
}

impl From<RuntimeArg> for Runtime {
    fn from(arg: RuntimeArg) -> Self {
        match arg {
            RuntimeArg::Crate => Runtime::Crate,
            RuntimeArg::Inline => Runtime::Inline,
            RuntimeArg::None => Runtime::External,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Writes a standalone crate (Cargo.toml, src/lib.rs) for a spec.
    Generate {
        /// The spec, YAML or JSON.
        #[arg(default_value = "spec/hss.yaml")]
        spec: PathBuf,
        /// Output directory [default: target/generated/<crate name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Crate name [default: derived from the spec title].
        #[arg(long)]
        crate_name: Option<String>,
        /// Where the crate's runtime comes from.
        #[arg(long, value_enum, default_value = "crate")]
        runtime: RuntimeArg,
        /// A local checkout of `clientgen-runtime` (`templates/runtime`) to
        /// depend on by path as well as by version.
        #[arg(long, value_name = "DIR")]
        runtime_path: Option<PathBuf>,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// No Cargo feature per tag: every operation is always compiled.
        #[arg(long)]
        no_tag_features: bool,
        /// Derive `Serialize` and `Deserialize` on every type, not only in
        /// the direction the API sends it (e.g. for a fake server).
        #[arg(long)]
        serde_both_ways: bool,
        /// Write nothing; fail if the output directory is not up to date.
        #[arg(long)]
        check: bool,
    },
    /// Writes the generated module as one file (or to stdout).
    File {
        /// The spec, YAML or JSON.
        spec: PathBuf,
        /// Output file [default: stdout].
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Where the code's runtime comes from.
        #[arg(long, value_enum, default_value = "crate")]
        runtime: RuntimeArg,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Lists what a spec change does to the generated Rust API: every
    /// change, breaking, compatible or docs-only, and the release it needs.
    /// Exit status: 0 nothing breaking, 2 breaking, 1 error.
    Diff {
        /// OLD NEW, or just NEW with --since.
        #[arg(required = true, num_args = 1..=2, value_name = "SPEC")]
        specs: Vec<PathBuf>,
        /// Compare with the spec as committed at this git revision.
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        /// The crate's current version, to name the next one.
        #[arg(long, value_name = "X.Y.Z")]
        version: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: diff::Format,
        /// Exit 2 on any change, not only a breaking one.
        #[arg(long)]
        fail_on_change: bool,
    },
    /// Validates a spec and prints every diagnostic.
    Check {
        /// The spec, YAML or JSON.
        spec: PathBuf,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
}

fn main() -> ExitCode {
    // Usage errors exit 1, not clap's 2: `diff` uses 2 for "breaking".
    let command = match Cli::try_parse() {
        Ok(cli) => cli.command,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if let Command::Diff {
        specs,
        since,
        version,
        format,
        fail_on_change,
    } = command
    {
        return diff::run(diff::Options {
            specs,
            since,
            version,
            format,
            fail_on_change,
        });
    }
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Generate {
            spec,
            out,
            crate_name,
            runtime,
            runtime_path,
            strict,
            no_tag_features,
            serde_both_ways,
            check,
        } => {
            let started = std::time::Instant::now();
            if matches!(runtime, RuntimeArg::None) {
                return Err(
                    "a crate needs a runtime: use `--runtime crate` or `--runtime inline`\n".into(),
                );
            }
            if let Some(name) = &crate_name {
                output::check_crate_name(name).map_err(|e| format!("error: {e}\n"))?;
            }
            let generated = Options {
                runtime: runtime.into(),
                strict,
                tag_features: !no_tag_features,
                serde_both_ways,
                module_files: true,
            }
            .generate(&spec)?;
            let name = crate_name.unwrap_or_else(|| output::crate_name_for(&generated.about.title));
            let dir = out.unwrap_or_else(|| PathBuf::from("target/generated").join(&name));
            let runtime_path = match runtime_path {
                Some(path) => Some(relative_to(&path, &dir)?),
                None => None,
            };
            let options = CrateOptions {
                runtime: runtime.into(),
                runtime_path,
            };
            let files = output::crate_files(&name, &generated, &options);
            let leftovers = output::leftover_files(&dir, &files);
            if check {
                let mut stale = output::stale_files(&dir, &files);
                stale.extend(leftovers);
                if !stale.is_empty() {
                    let list: Vec<String> = stale
                        .iter()
                        .map(|p| format!("  {}\n", p.to_string_lossy().replace('\\', "/")))
                        .collect();
                    return Err(format!(
                        "{} is not up to date:\n{}",
                        dir.display(),
                        list.concat()
                    ));
                }
                eprintln!("{} is up to date", dir.display());
                return Ok(());
            }
            for (path, contents) in &files {
                output::write_if_changed(&dir.join(path), contents)
                    .map_err(|e| format!("cannot write {}: {e}\n", dir.join(path).display()))?;
            }
            output::remove_files(&dir, &leftovers).map_err(|e| {
                format!("cannot remove a leftover file in {}: {e}\n", dir.display())
            })?;
            eprintln!(
                "wrote crate `{name}` to {} in {:.0?}",
                dir.display(),
                started.elapsed()
            );
            Ok(())
        }
        Command::File {
            spec,
            out,
            runtime,
            strict,
        } => {
            let generated = Options::plain(runtime.into(), strict).generate(&spec)?;
            match out {
                Some(path) => output::write_if_changed(&path, &generated.code)
                    .map_err(|e| format!("cannot write {}: {e}\n", path.display())),
                None => {
                    print!("{}", generated.code);
                    Ok(())
                }
            }
        }
        Command::Diff { .. } => Err("internal error: diff runs on its own\n".into()),
        Command::Check { spec, strict } => {
            let generated = Options::plain(Runtime::Crate, strict).generate(&spec)?;
            eprintln!(
                "{}: ok ({} warning(s))",
                spec.display(),
                generated.warnings.len()
            );
            Ok(())
        }
    }
}

/// `target` as seen from `dir`, both taken from the current directory.
fn relative_to(target: &Path, dir: &Path) -> Result<PathBuf, String> {
    // Lexically: `a/b/../c` is `a/c` (the paths need not exist yet).
    let absolute = |p: &Path| -> Result<Vec<std::ffi::OsString>, String> {
        let full =
            std::path::absolute(p).map_err(|e| format!("cannot resolve {}: {e}\n", p.display()))?;
        let mut parts = Vec::new();
        for part in full.components() {
            match part {
                std::path::Component::ParentDir => {
                    parts.pop();
                }
                std::path::Component::CurDir => {}
                other => parts.push(other.as_os_str().to_owned()),
            }
        }
        Ok(parts)
    };
    let (target, dir) = (absolute(target)?, absolute(dir)?);
    let common = target.iter().zip(&dir).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..dir.len() {
        relative.push("..");
    }
    for part in &target[common..] {
        relative.push(part);
    }
    Ok(relative)
}

/// How `generate`, `file` and `check` run the generator.
struct Options {
    runtime: Runtime,
    strict: bool,
    tag_features: bool,
    serde_both_ways: bool,
    module_files: bool,
}

impl Options {
    /// One module: no tag features (nothing declares them), serde one way.
    fn plain(runtime: Runtime, strict: bool) -> Self {
        Options {
            runtime,
            strict,
            tag_features: false,
            serde_both_ways: false,
            module_files: false,
        }
    }

    /// Generates `spec`, printing its warnings.
    fn generate(&self, spec: &Path) -> Result<clientgen::Generated, String> {
        let generated = Generator::new(spec)
            .runtime(self.runtime)
            .strict(self.strict)
            .tag_features(self.tag_features)
            .serde_both_ways(self.serde_both_ways)
            .module_files(self.module_files)
            .generate()
            .map_err(|e| e.to_string())?;
        for warning in &generated.warnings {
            eprintln!("{warning}");
        }
        Ok(generated)
    }
}
