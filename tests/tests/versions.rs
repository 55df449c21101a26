//! Same meaning, same Rust: `spec/hss.yaml` and every fixture, translated
//! from OpenAPI 3.0 into 3.1 (and into Swagger 2.0 where 2.0 can say the
//! same), generate the same code, and `clientgen diff` sees no change
//! between the versions.

use std::path::{Path, PathBuf};

use clientgen::Generator;
use integration::translate::{to_2_0, to_3_1};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `spec/hss.yaml` and every fixture.
fn specs() -> Vec<PathBuf> {
    let mut specs = vec![root().join("spec/hss.yaml")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    fixtures.sort();
    specs.extend(fixtures);
    specs
}

fn generate(text: &str, what: &str) -> String {
    Generator::new("inline")
        .generate_str(text)
        .unwrap_or_else(|e| panic!("{what}: {e}"))
        .code
}

/// The first lines where two outputs differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(0);
    let show = |t: &str| {
        t.lines()
            .skip(line.saturating_sub(2))
            .take(6)
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!("3.0 at line {line}:\n{}\n--- other:\n{}", show(a), show(b))
}

fn name(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_spec_written_as_3_1_generates_what_its_3_0_form_does() {
    for path in specs() {
        let text = std::fs::read_to_string(&path).expect("spec");
        let doc = clientgen::load::parse(&text).expect("parses").raw;
        let translated = serde_json::to_string_pretty(&to_3_1(&doc)).expect("json");
        let (original, other) = (generate(&text, "3.0"), generate(&translated, "3.1"));
        assert!(
            original == other,
            "{}: 3.1 differs: {}\n{translated}",
            name(&path),
            first_difference(&original, &other)
        );
        let old = Generator::new("old").lower_str(&text).expect("lowers");
        let new = Generator::new("new")
            .lower_str(&translated)
            .expect("lowers");
        let changes = clientgen::diff::diff(&old, &new);
        assert!(
            changes.is_empty(),
            "{}: diff 3.0 → 3.1: {changes:#?}",
            name(&path)
        );
    }
}

#[test]
fn a_spec_written_as_swagger_2_0_generates_what_its_3_0_form_does() {
    let mut translated_names = Vec::new();
    for path in specs() {
        let text = std::fs::read_to_string(&path).expect("spec");
        let doc = clientgen::load::parse(&text).expect("parses").raw;
        let swagger = match to_2_0(&doc) {
            Ok(swagger) => swagger,
            Err(why) => {
                eprintln!("{}: no 2.0 form: {why}", name(&path));
                continue;
            }
        };
        translated_names.push(name(&path));
        let translated = serde_json::to_string_pretty(&swagger).expect("json");
        let (original, other) = (generate(&text, "3.0"), generate(&translated, "2.0"));
        assert!(
            original == other,
            "{}: 2.0 differs: {}\n{translated}",
            name(&path),
            first_difference(&original, &other)
        );
        let old = Generator::new("old").lower_str(&text).expect("lowers");
        let new = Generator::new("new")
            .lower_str(&translated)
            .expect("lowers");
        let changes = clientgen::diff::diff(&old, &new);
        assert!(
            changes.is_empty(),
            "{}: diff 3.0 → 2.0: {changes:#?}",
            name(&path)
        );
    }
    // Which fixtures 2.0 can express is fixed, so the test cannot pass by
    // translating nothing.
    assert_eq!(
        translated_names, EXPRESSIBLE_IN_2_0,
        "fixtures translated to 2.0"
    );
}

/// The fixtures Swagger 2.0 can express (the others use server variables,
/// cookies, `oneOf`, bearer tokens, or several media types per body).
const EXPRESSIBLE_IN_2_0: &[&str] = &["enums", "keywords", "optional", "paging", "tags"];

/// Swagger 2.0 constructs no 3.0 fixture translates to (forms, files,
/// `collectionFormat`, shared parameters and responses, `x-nullable`, three
/// kinds of security) give what their hand-written 3.0 form gives.
#[test]
fn swagger_2_0_bodies_forms_and_files_read_as_their_3_0_form() {
    let swagger =
        std::fs::read_to_string(root().join("tests/fixtures/swagger2.yaml")).expect("2.0");
    let openapi =
        std::fs::read_to_string(root().join("tests/versions/swagger2.openapi3.yaml")).expect("3.0");
    let (from_2, from_3) = (generate(&swagger, "2.0"), generate(&openapi, "3.0"));
    assert!(from_2 == from_3, "{}", first_difference(&from_3, &from_2));
    // The pieces the comparison rests on are really there.
    for piece in [
        "rt::encode::Multipart::new()",
        "form.file(\"photo\", \"photo\", value)",
        "Some(\"https://store.example.com/v2\")",
        "pub note: Option<String>",
    ] {
        assert!(from_2.contains(piece), "missing {piece}");
    }
}

/// Parts the front end moves (constraints beside a `$ref`, the branch left
/// of a nullable union) stay reachable by the references that name them,
/// and a 3.1 operation may leave out `responses`.
#[test]
fn references_follow_what_the_front_end_moved() {
    let spec = r##"
openapi: 3.1.0
info: {title: Moves, version: '1'}
paths:
  /a:
    get:
      operationId: a
components:
  schemas:
    Base:
      type: object
      properties: {id: {type: string}}
    Extended:
      $ref: '#/components/schemas/Base'
      properties:
        count: {type: integer, format: int32}
    Maybe:
      anyOf:
        - {type: object, properties: {inner: {type: boolean}}}
        - {type: 'null'}
    User:
      type: object
      required: [count, inner]
      properties:
        count: {$ref: '#/components/schemas/Extended/properties/count'}
        inner: {$ref: '#/components/schemas/Maybe/anyOf/0/properties/inner'}
"##;
    let code = generate(spec, "3.1");
    assert!(code.contains("pub count: i32"), "{code}");
    assert!(code.contains("pub inner: bool"), "{code}");
    assert!(code.contains("pub fn a(&self)"), "{code}");
}

/// A 3.1 path item may be a reference to another path item of the
/// document, directly or through `components/pathItems`.
#[test]
fn path_items_by_reference() {
    let spec = r##"
openapi: 3.1.0
info: {title: Items, version: '1'}
paths:
  /a:
    get:
      operationId: readA
      responses: {'204': {description: ok}}
  /b:
    $ref: '#/paths/~1a'
  /c:
    $ref: '#/components/pathItems/C'
components:
  pathItems:
    C:
      $ref: '#/paths/~1a'
"##;
    let code = generate(spec, "3.1");
    for path in ["\"/a\"", "\"/b\"", "\"/c\""] {
        assert!(code.contains(path), "{path} missing:\n{code}");
    }
}
