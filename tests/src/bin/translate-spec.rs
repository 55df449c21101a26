//! `translate-spec 3.1|2.0 IN OUT`: an OpenAPI 3.0 document written as 3.1
//! or Swagger 2.0 (`integration::translate`), for benchmarks and by hand.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [to, input, output] = args.as_slice() else {
        eprintln!("usage: translate-spec 3.1|2.0 IN OUT");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match clientgen::load::parse(&text) {
        Ok(spec) => spec.raw,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let translated = match to.as_str() {
        "3.1" => integration::translate::to_3_1(&doc),
        "2.0" => match integration::translate::to_2_0(&doc) {
            Ok(doc) => doc,
            Err(why) => {
                eprintln!("no 2.0 form: {why}");
                return ExitCode::FAILURE;
            }
        },
        other => {
            eprintln!("unknown version {other}: 3.1 or 2.0");
            return ExitCode::from(2);
        }
    };
    let json = serde_json::to_string_pretty(&translated).unwrap_or_default();
    match std::fs::write(output, json + "\n") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {output}: {e}");
            ExitCode::FAILURE
        }
    }
}
