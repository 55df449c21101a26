//! `clientgen::diff`: spec changes classified by what they do to the
//! generated Rust API.

use clientgen::diff::{self, Bump, Class, Version};
use clientgen::Generator;

const BASE: &str = r#"
openapi: 3.0.3
info: {title: Pets, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      description: Reads a pet.
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, maxLength: 10}}
        - {name: verbose, in: query, schema: {type: boolean}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
components:
  schemas:
    Pet:
      type: object
      description: A pet.
      required: [name]
      properties:
        name: {type: string, maxLength: 20}
        kind: {$ref: '#/components/schemas/Kind'}
    Kind:
      type: string
      enum: [cat, dog]
"#;

fn lower(text: &str) -> clientgen::ir::Api {
    Generator::new("spec.yaml").lower_str(text).expect("lowers")
}

fn changes(old: &str, new: &str) -> Vec<(Class, String, String)> {
    diff::diff(&lower(old), &lower(new))
        .into_iter()
        .map(|c| (c.class, c.item, c.change))
        .collect()
}

/// The base spec with `from` replaced by `to` (which must occur).
fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from:?} not in the base spec");
    BASE.replacen(from, to, 1)
}

fn assert_change(new: &str, class: Class, item: &str, change: &str) {
    assert_change_from(BASE, new, class, item, change);
}

fn assert_change_from(old: &str, new: &str, class: Class, item: &str, change: &str) {
    let found = changes(old, new);
    assert!(
        found
            .iter()
            .any(|(c, i, what)| *c == class && i == item && what.contains(change)),
        "no {class:?} change of {item} containing {change:?}; got {found:#?}"
    );
}

#[test]
fn nothing_changed_is_nothing() {
    assert!(changes(BASE, BASE).is_empty());
    // Reformatting (flow → block style) changes nothing either.
    let block = BASE.replace(
        "        - {name: verbose, in: query, schema: {type: boolean}}",
        "        - name: verbose\n          in: query\n          schema:\n            type: boolean",
    );
    assert!(changes(BASE, &block).is_empty());
}

#[test]
fn fields() {
    let optional = edit(
        "        kind: {$ref",
        "        age: {type: integer}\n        kind: {$ref",
    );
    assert_change(
        &optional,
        Class::Compatible,
        "types::Pet::age",
        "field added",
    );
    assert!(!changes(BASE, &optional)
        .iter()
        .any(|(_, i, _)| i == "types::Pet::new()"));

    let required = optional.replace("required: [name]", "required: [name, age]");
    assert_change(
        &required,
        Class::Breaking,
        "types::Pet::new()",
        "constructor changed",
    );
    // Gone from `required` too: a required name without a schema stays a
    // field (of any JSON value).
    assert_change(
        &edit("        name: {type: string, maxLength: 20}\n", "")
            .replace("required: [name]", "required: []"),
        Class::Breaking,
        "types::Pet::name",
        "field removed",
    );
    assert_change(
        &edit(
            "name: {type: string, maxLength: 20}",
            "name: {type: integer}",
        ),
        Class::Breaking,
        "types::Pet::name",
        "from `String` to `i64`",
    );
    assert_change(
        &edit("required: [name]", "required: []"),
        Class::Breaking,
        "types::Pet::name",
        "from `String` to `Option<String>`",
    );
}

#[test]
fn enum_values_and_types() {
    assert_change(
        &edit("[cat, dog]", "[cat, dog, fish]"),
        Class::Compatible,
        "types::Kind::Fish",
        "enum value added",
    );
    assert_change(
        &edit("[cat, dog]", "[cat]"),
        Class::Breaking,
        "types::Kind::Dog",
        "enum value removed",
    );
    let renamed = BASE
        .replace("schemas/Kind'", "schemas/Species'")
        .replace("    Kind:\n", "    Species:\n");
    assert_change(&renamed, Class::Breaking, "types::Kind", "type removed");
    assert_change(&renamed, Class::Compatible, "types::Species", "type added");
    // Items of a removed type are not listed one by one.
    assert!(!changes(BASE, &renamed)
        .iter()
        .any(|(_, i, _)| i.starts_with("types::Kind::")));
}

#[test]
fn parameters_and_limits() {
    let param = "        - {name: verbose, in: query, schema: {type: boolean}}";
    assert_change(
        &edit(
            param,
            &format!("{param}\n        - {{name: page, in: query, schema: {{type: integer}}}}"),
        ),
        Class::Compatible,
        "operations::GetPet::page",
        "parameter added",
    );
    assert_change(
        &edit(param, &format!("{param}\n        - {{name: tag, in: query, required: true, schema: {{type: string}}}}")),
        Class::Breaking,
        "operations::GetPet::tag",
        "parameter added",
    );
    assert_change(
        &edit("maxLength: 10}", "maxLength: 5}"),
        Class::Breaking,
        "operations::GetPet::id",
        "limits changed",
    );
    assert_change(
        &edit("maxLength: 10}", "maxLength: 50}"),
        Class::Compatible,
        "operations::GetPet::id",
        "limits changed",
    );
    assert_change(
        &edit("maxLength: 20}", "maxLength: 20, minLength: 1}"),
        Class::Breaking,
        "types::Pet::name",
        "limits changed",
    );
}

#[test]
fn operations_docs_and_the_verdict() {
    assert_change(
        &edit("  /pets/{id}:", "  /animals/{id}:"),
        Class::Compatible,
        "Client::get_pet",
        "operation changed",
    );
    assert_change(
        &edit("operationId: getPet", "operationId: fetchPet"),
        Class::Breaking,
        "Client::get_pet",
        "operation removed",
    );
    let docs = edit("description: A pet.", "description: A pet, with its name.");
    assert_eq!(
        changes(BASE, &docs),
        [(
            Class::DocsOnly,
            "types::Pet".to_owned(),
            "documentation changed".to_owned()
        )]
    );

    let verdict = |new: &str| Bump::of(&diff::diff(&lower(BASE), &lower(new)));
    assert_eq!(verdict(BASE), Bump::None);
    assert_eq!(verdict(&docs), Bump::Patch);
    assert_eq!(
        verdict(&edit("[cat, dog]", "[cat, dog, fish]")),
        Bump::Minor
    );
    assert_eq!(verdict(&edit("[cat, dog]", "[cat]")), Bump::Major);
    let v = |s: &str| s.parse::<Version>().expect("version");
    assert_eq!(Bump::Major.next(v("1.4.2")), v("2.0.0"));
    assert_eq!(Bump::Minor.next(v("1.4.2")), v("1.5.0"));
    assert_eq!(Bump::Major.next(v("0.4.2")), v("0.5.0"));
    assert_eq!(Bump::Minor.next(v("0.4.2")), v("0.4.3"));
    assert_eq!(Bump::Major.next(v("0.0.3")), v("0.0.4"));
    assert!("1.2".parse::<Version>().is_err());
}

#[test]
fn what_hides_behind_names_and_nesting() {
    // A value named like the fallback moves the fallback: `Kind::Unknown(s)` breaks.
    assert_change(
        &edit("[cat, dog]", "[cat, dog, unknown]"),
        Class::Breaking,
        "types::Kind::Unknown",
        "changed from",
    );
    // A limit on each item of an array.
    let tags = "        tags: {type: array, items: {type: string, maxLength: 8}}\n";
    let with_tags = edit(
        "        kind: {$ref",
        &format!("{tags}        kind: {{$ref"),
    );
    let tighter = with_tags.replace("maxLength: 8}", "maxLength: 4}");
    assert_change_from(
        &with_tags,
        &tighter,
        Class::Breaking,
        "types::Pet::tags",
        "each item's length",
    );
    // An exclusive bound refuses the bound itself.
    let bounded = with_tags.replace(tags, "        age: {type: integer, minimum: 0}\n");
    let exclusive = bounded.replace("minimum: 0}", "minimum: 0, exclusiveMinimum: true}");
    assert_change_from(&bounded, &exclusive, Class::Breaking, "types::Pet::age", "");
}

#[test]
fn union_conversions() {
    let union = "    Pick:\n      oneOf: [{type: string}, {type: integer}]\n";
    let base = format!("{BASE}{union}");
    let two_strings = base.replace(
        "[{type: string}, {type: integer}]",
        "[{type: string}, {type: integer}, {type: string, maxLength: 3}]",
    );
    assert_change_from(
        &base,
        &two_strings,
        Class::Breaking,
        "types::Pick::from(String)",
        "conversion removed",
    );
}

#[test]
fn regions_deprecation() {
    let servers = "servers:\n  - url: https://{region}.example.com\n    variables:\n      region: {default: a-1, enum: [a-1, b-1]}\n";
    let base = BASE.replacen("paths:\n", &format!("{servers}paths:\n"), 1);
    let appended = base.replace("[a-1, b-1]", "[a-1, b-1, c-1]");
    let found = changes(&base, &appended);
    assert!(
        found.iter().all(|(c, _, _)| *c == Class::Compatible),
        "{found:#?}"
    );
    let inserted = base.replace("[a-1, b-1]", "[a-1, a-2, b-1]");
    assert_change_from(
        &base,
        &inserted,
        Class::Breaking,
        "Region::B1",
        "moved from position 1 to 2",
    );
    let moved = base.replace(
        "https://{region}.example.com",
        "https://{region}.example.net",
    );
    let found = changes(&base, &moved);
    assert!(
        !found.is_empty() && found.iter().all(|(c, _, _)| *c == Class::Compatible),
        "{found:#?}"
    );
    let deprecated = edit(
        "      operationId: getPet\n",
        "      operationId: getPet\n      deprecated: true\n",
    );
    assert_change(
        &deprecated,
        Class::Compatible,
        "Client::get_pet",
        "now deprecated",
    );
}
