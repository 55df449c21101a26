//! Generation time per stage and end to end, on the bundled HSS spec and on
//! the fixtures. Run with `cargo bench -p clientgen --bench generate`.

use criterion::{criterion_group, criterion_main, Criterion};

fn spec_text(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn stages(c: &mut Criterion) {
    let text = spec_text("spec/hss.yaml");
    let loaded = clientgen::load::parse(&text).expect("spec loads");
    let (api, _) = clientgen::ir::lower(&loaded);
    let parts = clientgen::emit::api(&api, true, None, false, None);

    let mut group = c.benchmark_group("hss");
    group.bench_function("load", |b| b.iter(|| clientgen::load::parse(&text)));
    group.bench_function("lower", |b| b.iter(|| clientgen::ir::lower(&loaded)));
    // Pieces are emitted on the threads that format them.
    group.bench_function("emit_format", |b| {
        b.iter(|| clientgen::format::format_parts(&parts))
    });
    group.bench_function("end_to_end", |b| {
        b.iter(|| clientgen::Generator::new("hss.yaml").generate_str(&text))
    });
    group.finish();
}

fn fixtures(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixtures");
    for name in ["keywords", "one_of", "params"] {
        let text = spec_text(&format!("tests/fixtures/{name}.yaml"));
        group.bench_function(name, |b| {
            b.iter(|| {
                clientgen::Generator::new("f.yaml")
                    .runtime(clientgen::Runtime::Crate)
                    .generate_str(&text)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages, fixtures);
criterion_main!(benches);
