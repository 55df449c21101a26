//! `clientgen`: generate a Rust client crate from an OpenAPI 3.0 spec.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod diff;
mod workspace;

use clap::{Parser, Subcommand, ValueEnum};
use clientgen::output::CrateOptions;
use clientgen::{output, Generator, Runtime};

// Generation allocates and frees millions of small token and syntax-tree
// nodes on several threads; glibc's allocator spent about a third of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(version, about = "Generates typed Rust clients from OpenAPI specs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where generated code finds its runtime.
#[derive(Clone, Copy, ValueEnum)]
enum RuntimeArg {
    /// Depend on the `clientgen-runtime` crate (written beside the crate,
    /// see `--runtime-path` and `--registry`).
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
        /// Where the `clientgen-runtime` crate is, to depend on by path as
        /// well as by version [default: `clientgen-runtime` beside the output
        /// directory, shared by the clients written there]. The runtime is
        /// written there, unless DIR holds a runtime crate clientgen did not
        /// write (a checkout of it), which is used as it is.
        #[arg(long, value_name = "DIR", conflicts_with = "registry")]
        runtime_path: Option<PathBuf>,
        /// Depend on `clientgen-runtime` by version alone, from a registry,
        /// and write no runtime crate.
        #[arg(long)]
        registry: bool,
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
        /// The path users name the code by (e.g. `my_crate::api`): each
        /// client method gets a compiled example through it.
        #[arg(long, value_name = "PATH")]
        example_path: Option<String>,
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
            registry,
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
            let loaded = clientgen::load::read(&spec).map_err(|e| e.to_string())?;
            let name =
                crate_name.unwrap_or_else(|| output::crate_name_for(&loaded.openapi.info.title));
            let generated = Options {
                runtime: runtime.into(),
                strict,
                tag_features: !no_tag_features,
                serde_both_ways,
                module_files: true,
                example_path: Some(name.replace('-', "_")),
            }
            .generate_loaded(&spec, &loaded)?;
            let dir = out.unwrap_or_else(|| PathBuf::from("target/generated").join(&name));
            let absolute = lexical_absolute(&dir)?;
            let placement = workspace::placement(&absolute);
            let runtime_crate = match runtime {
                RuntimeArg::Crate if !registry => Some(runtime_crate(runtime_path, &absolute)?),
                _ => None,
            };
            let options = CrateOptions {
                runtime: runtime.into(),
                runtime_path: match &runtime_crate {
                    Some(krate) => Some(relative_to(&krate.dir, &dir)?),
                    None => None,
                },
                own_workspace: placement.own_workspace(),
            };
            let mut jobs = vec![(
                dir.clone(),
                output::crate_files(&name, &generated, &options),
            )];
            if let Some(RuntimeCrate { dir, write: true }) = &runtime_crate {
                let own = workspace::placement(dir).own_workspace();
                jobs.push((dir.clone(), output::runtime_crate_files(own)));
            }
            if check {
                let mut stale = Vec::new();
                for (at, files) in &jobs {
                    let leftovers = output::leftover_files(at, files);
                    let changed = output::stale_files(at, files).into_iter().chain(leftovers);
                    stale.extend(changed.map(|p| at.join(p)));
                }
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
            for (at, files) in &jobs {
                write_crate(at, files)?;
            }
            eprintln!(
                "wrote crate `{name}` to {} in {:.0?}",
                dir.display(),
                started.elapsed()
            );
            if let Some(RuntimeCrate { dir, write }) = &runtime_crate {
                let how = if *write { "wrote" } else { "uses" };
                eprintln!(
                    "{how} the runtime crate `clientgen-runtime` in {}",
                    dir.display()
                );
            }
            if let workspace::Placement::Outside { root } = &placement {
                eprintln!(
                    "the crate is a workspace of its own: to make it a member of {}, list it in that workspace's `members` and generate again",
                    root.join("Cargo.toml").display()
                );
            }
            eprintln!(
                "add to your Cargo.toml, under [dependencies]: {} = {{ path = {} }}",
                name,
                output::toml_string(&dir.to_string_lossy().replace('\\', "/"))
            );
            Ok(())
        }
        Command::File {
            spec,
            out,
            runtime,
            strict,
            example_path,
        } => {
            let generated = Options {
                example_path,
                ..Options::plain(runtime.into(), strict)
            }
            .generate(&spec)?;
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

/// The runtime crate a generated crate depends on by path.
struct RuntimeCrate {
    /// Its directory, absolute.
    dir: PathBuf,
    /// Whether `generate` writes it (else it is a checkout, used as it is).
    write: bool,
}

/// Where the runtime crate of a crate written to `dir` (absolute) is.
fn runtime_crate(path: Option<PathBuf>, dir: &Path) -> Result<RuntimeCrate, String> {
    let at =
        match path {
            Some(path) => lexical_absolute(&path)?,
            None => match dir.parent() {
                Some(parent) => parent.join(output::RUNTIME_DIR),
                None => return Err(
                    "error: no directory beside the crate for its runtime; give --runtime-path\n"
                        .into(),
                ),
            },
        };
    let manifest = at.join("Cargo.toml");
    if !manifest.exists() {
        let empty = std::fs::read_dir(&at).map_or(true, |mut d| d.next().is_none());
        if !empty {
            return Err(format!(
                "error: {} is not empty and holds no crate; give another --runtime-path\n",
                at.display()
            ));
        }
        return Ok(RuntimeCrate {
            dir: at,
            write: true,
        });
    }
    let text = std::fs::read_to_string(&manifest).unwrap_or_default();
    let name = text.parse::<toml::Table>().ok().and_then(|m| {
        let package = m.get("package")?.as_table()?;
        Some(package.get("name")?.as_str()?.to_owned())
    });
    if name.as_deref() != Some("clientgen-runtime") {
        return Err(format!(
            "error: {} holds a crate that is not `clientgen-runtime`; give another --runtime-path\n",
            at.display()
        ));
    }
    // A runtime clientgen wrote is brought up to date; a checkout is used as it is.
    if output::is_ours_or_free(&at) {
        return Ok(RuntimeCrate {
            dir: at,
            write: true,
        });
    }
    Ok(RuntimeCrate {
        dir: at,
        write: false,
    })
}

/// Writes a crate's files and removes the generated files it no longer has.
fn write_crate(dir: &Path, files: &[(PathBuf, String)]) -> Result<(), String> {
    let leftovers = output::leftover_files(dir, files);
    for (path, contents) in files {
        output::write_if_changed(&dir.join(path), contents)
            .map_err(|e| format!("cannot write {}: {e}\n", dir.join(path).display()))?;
    }
    output::remove_files(dir, &leftovers)
        .map_err(|e| format!("cannot remove a leftover file in {}: {e}\n", dir.display()))
}

/// `p` made absolute from the current directory, `..` and `.` resolved
/// lexically (the path need not exist yet).
fn lexical_absolute(p: &Path) -> Result<PathBuf, String> {
    let full =
        std::path::absolute(p).map_err(|e| format!("cannot resolve {}: {e}\n", p.display()))?;
    let mut out = PathBuf::new();
    for part in full.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// `target` as seen from `dir`, both taken from the current directory.
fn relative_to(target: &Path, dir: &Path) -> Result<PathBuf, String> {
    let (target, dir) = (lexical_absolute(target)?, lexical_absolute(dir)?);
    let (target, dir): (Vec<_>, Vec<_>) =
        (target.components().collect(), dir.components().collect());
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
    /// Where examples find the client (none in a single file: it has no
    /// crate path of its own).
    example_path: Option<String>,
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
            example_path: None,
        }
    }

    /// Generates `spec`, printing its warnings.
    fn generate(&self, spec: &Path) -> Result<clientgen::Generated, String> {
        let loaded = clientgen::load::read(spec).map_err(|e| e.to_string())?;
        self.generate_loaded(spec, &loaded)
    }

    fn generate_loaded(
        &self,
        spec_path: &Path,
        loaded: &clientgen::load::LoadedSpec,
    ) -> Result<clientgen::Generated, String> {
        let generator = Generator::new(spec_path)
            .runtime(self.runtime)
            .strict(self.strict)
            .tag_features(self.tag_features)
            .serde_both_ways(self.serde_both_ways)
            .module_files(self.module_files);
        let generator = match &self.example_path {
            Some(path) => generator.example_path(path),
            None => generator.no_examples(),
        };
        let generated = generator
            .generate_loaded(loaded)
            .map_err(|e| e.to_string())?;
        for warning in &generated.warnings {
            eprintln!("{warning}");
        }
        Ok(generated)
    }
}
