//! Snapshot tests: the generated code for `spec/` and each fixture is stored in
//! `tests/snapshots/src/` (a crate that compiles every snapshot). Any change in
//! the output fails here; accept intended changes with
//! `UPDATE_EXPECT=1 cargo test -p integration --test snapshots`.

use std::path::PathBuf;

use clientgen::Generator;
use expect_test::{expect_file, ExpectFile};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A generator for `spec`, whose examples name the module of the snapshots
/// crate that includes it (named after the spec's file).
fn generator(spec: &str) -> Generator {
    let module = std::path::Path::new(spec)
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name");
    Generator::new(root().join(spec)).example_path(format!("snapshots::{module}"))
}

fn generate(spec: &str) -> String {
    generate_with_warnings(spec, &[])
}

/// Generates `spec`, requiring exactly the warnings located at `expected`.
fn generate_with_warnings(spec: &str, expected: &[&str]) -> String {
    match generator(spec).generate() {
        Ok(generated) => {
            let found: Vec<&str> = generated
                .warnings
                .iter()
                .map(|w| w.pointer.as_str())
                .collect();
            assert_eq!(found, expected, "warnings of {spec}");
            generated.code
        }
        Err(e) => panic!("{spec} does not generate:\n{e}"),
    }
}

fn snapshot_with_warnings(spec: &str, warnings: &[&str], snapshot: ExpectFile) {
    snapshot.assert_eq(&generate_with_warnings(spec, warnings));
}

fn check(spec: &str, snapshot: ExpectFile) {
    snapshot.assert_eq(&generate(spec));
}

#[test]
fn hss_spec() {
    check("spec/hss.yaml", expect_file!["../snapshots/src/hss.rs"]);
}

#[test]
fn security_schemes() {
    snapshot_with_warnings(
        "tests/fixtures/auth.yaml",
        &[
            "#/components/securitySchemes/digest/scheme",
            "#/paths/~1two-authorizations/get/security/0",
            "#/paths/~1legacy/get/parameters/0",
            "#/paths/~1legacy/get/parameters/1",
            "#/paths/~1covered/get/parameters/0",
            "#/paths/~1digest/get/security/0",
        ],
        expect_file!["../snapshots/src/auth.rs"],
    );
}

/// Spec text built to run as a doctest or break the build: it stays text.
/// `scripts/test.sh` also checks that the snapshots crate has no doctests.
#[test]
fn hostile_text_stays_text() {
    snapshot_with_warnings(
        "tests/fixtures/hostile.yaml",
        // The region prefix is no environment variable name: ignored.
        &[
            "#/components/schemas/Mixed/enum",
            "#/info/x-region-env-prefix",
        ],
        expect_file!["../snapshots/src/hostile.rs"],
    );
}

#[test]
fn keywords_and_odd_names() {
    check(
        "tests/fixtures/keywords.yaml",
        expect_file!["../snapshots/src/keywords.rs"],
    );
}

#[test]
fn reference_chains() {
    check(
        "tests/fixtures/refs.yaml",
        expect_file!["../snapshots/src/refs.rs"],
    );
}

#[test]
fn enums_keep_unknown_values() {
    check(
        "tests/fixtures/enums.yaml",
        expect_file!["../snapshots/src/enums.rs"],
    );
}

#[test]
fn one_of_all_of_and_recursion() {
    check(
        "tests/fixtures/one_of.yaml",
        expect_file!["../snapshots/src/one_of.rs"],
    );
}

#[test]
fn optional_required_nullable_maps() {
    check(
        "tests/fixtures/optional.yaml",
        expect_file!["../snapshots/src/optional.rs"],
    );
}

#[test]
fn every_parameter_location() {
    check(
        "tests/fixtures/params.yaml",
        expect_file!["../snapshots/src/params.rs"],
    );
}

#[test]
fn offset_limit_paging() {
    check(
        "tests/fixtures/paging.yaml",
        expect_file!["../snapshots/src/paging.rs"],
    );
}

#[test]
fn names_that_collide_with_std_and_builder_internals() {
    let code = generate_with_warnings("tests/fixtures/collisions.yaml", &[]);
    expect_file!["../snapshots/src/collisions.rs"].assert_eq(&code);
}

#[test]
fn request_and_response_media_types() {
    // A 204 has no content in HTTP; `file` is required without a schema:
    // any JSON value.
    snapshot_with_warnings(
        "tests/fixtures/bodies.yaml",
        &[
            "#/paths/~1alerts~1{alert}/patch/responses/204/content",
            "#/paths/~1profile/post/requestBody/content/application~1json/schema/required",
        ],
        expect_file!["../snapshots/src/bodies.rs"],
    );
}

#[test]
fn parameter_styles() {
    // Parameter 8 is an `Accept` header, which OpenAPI ignores.
    snapshot_with_warnings(
        "tests/fixtures/styles.yaml",
        &["#/paths/~1search~1{ids}/get/parameters/8"],
        expect_file!["../snapshots/src/styles.rs"],
    );
}

#[test]
fn formats_recursion_and_fallbacks() {
    let code = generate_with_warnings("tests/fixtures/formats.yaml", &[]);
    expect_file!["../snapshots/src/formats.rs"].assert_eq(&code);
}

#[test]
fn every_fixture_has_a_snapshot() {
    let fixtures = std::fs::read_dir(root().join("tests/fixtures")).expect("fixtures dir");
    let lib = std::fs::read_to_string(root().join("tests/snapshots/src/lib.rs")).expect("lib.rs");
    for entry in fixtures {
        let path = entry.expect("entry").path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_owned();
        assert!(
            lib.contains(&format!("snapshot!({stem}, \"{stem}.rs\")")),
            "fixture {stem} is not compiled by tests/snapshots/src/lib.rs"
        );
    }
}

#[test]
fn output_is_deterministic() {
    let specs = [
        "spec/hss.yaml",
        "tests/fixtures/keywords.yaml",
        "tests/fixtures/one_of.yaml",
    ];
    for spec in specs {
        let first = generate(spec);
        for _ in 0..3 {
            assert_eq!(
                first,
                generate(spec),
                "{spec} generated differently on a later run"
            );
        }
    }
}

#[test]
fn inline_runtime_is_the_runtime_source_with_its_comments() {
    let inline = generator("spec/hss.yaml")
        .runtime(clientgen::Runtime::Inline)
        .generate()
        .expect("generates")
        .code;
    let crate_mode = generate("spec/hss.yaml");
    let api_start = crate_mode
        .find("/// Request and response bodies")
        .expect("types");
    let api = &crate_mode[api_start..];
    let at = inline
        .find(api)
        .expect("the same API code, then the runtime");
    let runtime = &inline[at + api.len()..];
    assert!(runtime.contains("pub mod runtime {"));
    assert!(!crate_mode.contains("pub mod runtime {"));
    assert!(crate_mode.contains("pub use ::clientgen_runtime as runtime;"));
    let source = std::fs::read_to_string(root().join("templates/runtime/src/huawei/signing.rs"))
        .expect("runtime source");
    // Comments survive: the source is spliced, not re-printed.
    let comment = source
        .lines()
        .find(|l| l.trim_start().starts_with("// "))
        .expect("the signer has a comment");
    assert!(runtime.contains(comment), "{comment}");
}

#[test]
fn tag_features_gate_operations_and_the_types_only_they_reach() {
    let generated = generator("tests/fixtures/tags.yaml")
        .tag_features(true)
        .generate()
        .expect("tags.yaml generates");
    assert_eq!(
        generated.tag_features,
        ["pets", "stores-shops", "users", "unused-schemas"]
    );
    let code = &generated.code;
    // One module per feature set; shared and untagged types stay ungated.
    for gate in [
        "#[cfg(feature = \"pets\")]\n    mod tag_pets {",
        "#[cfg(feature = \"users\")]\n    mod tag_users {",
        "#[cfg(any(feature = \"stores-shops\", feature = \"users\"))]",
        "#[cfg(any(feature = \"pets\", feature = \"stores-shops\"))]",
        "#[cfg(feature = \"unused-schemas\")]\n    mod tag_unused_schemas {",
    ] {
        assert!(code.contains(gate), "missing {gate}");
    }
    for ungated in ["pub struct Error {", "pub struct Health {"] {
        let at = code.find(ungated).expect(ungated);
        let before = &code[code[..at].rfind("pub mod types").expect("types")..at];
        assert!(!before.contains("mod tag"), "{ungated} is gated");
    }
    expect_file!["../snapshots/src/tags.rs"].assert_eq(code);
}

/// OpenAPI 3.1: nullability in each spelling, `const` discriminators,
/// tuples, numeric exclusive bounds, `$ref` siblings, `$defs`, path items,
/// webhooks, content keywords, type lists and `patternProperties`.
#[test]
fn openapi_3_1_constructs() {
    snapshot_with_warnings(
        "tests/fixtures/openapi31.yaml",
        &["#/components/schemas/Person/properties/age/if"],
        expect_file!["../snapshots/src/openapi31.rs"],
    );
}

/// Swagger 2.0: the same code as its 3.0 form (tests/tests/versions.rs).
#[test]
fn swagger_2_0_store() {
    check(
        "tests/fixtures/swagger2.yaml",
        expect_file!["../snapshots/src/swagger2.rs"],
    );
}
