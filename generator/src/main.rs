//! `clientgen`: generate a Rust client crate from an OpenAPI 3.0 spec.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clientgen::{output, Generator};

#[derive(Parser)]
#[command(version, about = "Generates typed Rust clients from OpenAPI 3.0 specs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
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
        /// Leave out `mod runtime`; the includer provides it.
        #[arg(long)]
        no_runtime: bool,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
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
    match run(Cli::parse().command) {
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
            strict,
            check,
        } => {
            let started = std::time::Instant::now();
            let loaded = clientgen::load::read(&spec).map_err(|e| e.to_string())?;
            let generated = Generator::new(&spec)
                .strict(strict)
                .generate()
                .map_err(|e| e.to_string())?;
            print_warnings(&generated.warnings);
            let info = &loaded.openapi.info;
            let name = crate_name.unwrap_or_else(|| output::crate_name_for(&info.title));
            let dir = out.unwrap_or_else(|| PathBuf::from("target/generated").join(&name));
            let files = output::crate_files(&name, &info.title, &info.version, &generated.code);
            if check {
                let stale = output::stale_files(&dir, &files);
                if !stale.is_empty() {
                    let list: Vec<String> = stale
                        .iter()
                        .map(|p| format!("  {}\n", p.display()))
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
            no_runtime,
            strict,
        } => {
            let generated = Generator::new(&spec)
                .embed_runtime(!no_runtime)
                .strict(strict)
                .generate()
                .map_err(|e| e.to_string())?;
            print_warnings(&generated.warnings);
            match out {
                Some(path) => output::write_if_changed(&path, &generated.code)
                    .map_err(|e| format!("cannot write {}: {e}\n", path.display())),
                None => {
                    print!("{}", generated.code);
                    Ok(())
                }
            }
        }
        Command::Check { spec, strict } => {
            let generated = Generator::new(&spec)
                .strict(strict)
                .generate()
                .map_err(|e| e.to_string())?;
            print_warnings(&generated.warnings);
            eprintln!(
                "{}: ok ({} warning(s))",
                spec.display(),
                generated.warnings.len()
            );
            Ok(())
        }
    }
}

fn print_warnings(warnings: &[clientgen::Diagnostic]) {
    for w in warnings {
        eprintln!("{w}");
    }
}
