//! Broken and unsupported specs give located errors, never panics.

use clientgen::Generator;

/// Generates `spec` (YAML text) and returns `(pointer, message)` of every error.
fn errors(spec: &str) -> Vec<(String, String)> {
    match Generator::new("inline.yaml").generate_str(spec) {
        Ok(_) => panic!("expected errors for:\n{spec}"),
        Err(e) => e
            .errors()
            .map(|d| (d.pointer.clone(), d.message.clone()))
            .collect(),
    }
}

/// The spec generates, with a warning at `pointer` containing `needle`.
fn assert_warning(spec: &str, pointer: &str, needle: &str) {
    let found = warnings(spec);
    assert!(
        found
            .iter()
            .any(|(p, m)| p == pointer && m.contains(needle)),
        "no warning at {pointer} containing {needle:?}; got {found:#?}"
    );
}

fn assert_error(spec: &str, pointer: &str, needle: &str) {
    let found = errors(spec);
    assert!(
        found
            .iter()
            .any(|(p, m)| p == pointer && m.contains(needle)),
        "no error at {pointer} containing {needle:?}; got {found:#?}"
    );
}

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

#[test]
fn missing_ref_target() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {{$ref: '#/components/schemas/Missing'}}\n"
    );
    assert_error(
        &spec,
        "#/components/schemas/A/properties/b",
        "points to nothing",
    );
}

#[test]
fn external_ref() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {{$ref: 'other.yaml#/B'}}\n"
    );
    assert_error(&spec, "#/components/schemas/A/properties/b", "not local");
}

#[test]
fn reference_cycle_without_object() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        a: {{$ref: '#/components/schemas/A'}}\n    A: {{type: array, items: {{$ref: '#/components/schemas/B'}}}}\n    B: {{type: array, items: {{$ref: '#/components/schemas/A'}}}}\n"
    );
    let found = errors(&spec);
    assert!(
        found.iter().any(|(_, m)| m.contains("no finite type")),
        "{found:#?}"
    );
}

#[test]
fn parameter_reference_cycle() {
    let spec = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/P'\n      responses: {{'200': {{description: ok}}}}\ncomponents:\n  parameters:\n    P: {{$ref: '#/components/parameters/Q'}}\n    Q: {{$ref: '#/components/parameters/P'}}\n"
    );
    assert_error(&spec, "#/paths/~1a/get/parameters/0", "reference cycle");
}

#[test]
fn wrong_type_is_located() {
    let spec =
        format!("{HEAD}paths:\n  /a:\n    get:\n      parameters: 7\n      responses: {{}}\n");
    let found = errors(&spec);
    assert!(
        found
            .iter()
            .any(|(p, m)| p.starts_with("#/paths/~1a/get") && m.contains("OpenAPI 3.0 schema")),
        "{found:#?}"
    );
}

#[test]
fn path_template_and_parameters_are_reconciled_with_warnings() {
    let spec = format!(
        "{HEAD}paths:\n  /v5/{{project_id}}/common/task:\n    post:\n      parameters:\n        - {{name: other, in: path, required: true, schema: {{type: string}}}}\n      responses: {{'200': {{description: ok}}}}\n"
    );
    let generated = Generator::new("inline.yaml")
        .generate_str(&spec)
        .expect("generates");
    let pointer = "#/paths/~1v5~1{project_id}~1common~1task/post";
    let messages: Vec<&str> = generated
        .warnings
        .iter()
        .filter(|w| w.pointer == pointer)
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("taken as a required string")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("left out")),
        "{messages:?}"
    );
    assert!(generated.code.contains("pub fn project_id("));
    assert!(!generated.code.contains("pub fn other("));
    let strict = Generator::new("inline.yaml")
        .strict(true)
        .generate_str(&spec);
    assert!(strict.is_err(), "strict mode refuses what was guessed");
}

#[test]
fn unsupported_versions_and_garbage() {
    assert_error(
        "swagger: '1.2'\ninfo: {title: T, version: '1'}\npaths: {}\n",
        "#/swagger",
        "must be \"2.0\"",
    );
    assert_error(
        "openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n",
        "#/openapi",
        "`4.0.0` is not supported",
    );
    assert_error(
        "openapi: 3.1\ninfo: {title: T, version: '1'}\n",
        "#/openapi",
        "version string",
    );
    assert_error("just: [text", "#", "not valid YAML");
    assert_error("{\"openapi\": ", "#", "not valid JSON");
    assert_error("a: 1\n", "#", "neither `openapi` nor `swagger`");
}

const HEAD_31: &str = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n";
const HEAD_20: &str = "swagger: '2.0'\ninfo: {title: T, version: '1'}\n";

#[test]
fn what_3_1_cannot_say_in_rust_is_refused_where_it_is_written() {
    assert_error(
        &format!("{HEAD_31}jsonSchemaDialect: https://example.com/mine\n"),
        "#/jsonSchemaDialect",
        "only the OpenAPI dialect",
    );
    assert_error(
        &format!("{HEAD_31}components:\n  schemas:\n    A:\n      $dynamicRef: '#meta'\n"),
        "#/components/schemas/A/$dynamicRef",
        "cannot be expressed",
    );
    assert_error(
        &format!(
            "{HEAD_31}components:\n  schemas:\n    A: {{type: array, x-clientgen-tuple: []}}\n"
        ),
        "#/components/schemas/A/x-clientgen-tuple",
        "reserved",
    );
    // A malformed 3.1 schema is located like a 3.0 one.
    assert_error(
        &format!("{HEAD_31}components:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {{$ref: '#/components/schemas/Nope'}}\n"),
        "#/components/schemas/A/properties/b",
        "Nope",
    );
}

#[test]
fn keywords_without_a_rust_meaning_are_located_warnings() {
    let found = warnings(&format!(
        "{HEAD_31}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {{type: string}}\n      if: {{required: [b]}}\n      then: {{required: [c]}}\n      dependentRequired: {{b: [c]}}\n      unevaluatedProperties: false\n"
    ));
    for keyword in ["if", "dependentRequired", "unevaluatedProperties"] {
        let at = format!("#/components/schemas/A/{keyword}");
        assert!(found.iter().any(|(p, _)| *p == at), "{at}: {found:#?}");
    }
}

#[test]
fn swagger_2_errors_point_into_the_2_0_document() {
    // In `definitions`, not where the converted schema sits.
    assert_error(
        &format!("{HEAD_20}paths: {{}}\ndefinitions:\n  A:\n    type: object\n    properties:\n      b: {{$ref: '#/definitions/Nope'}}\n"),
        "#/definitions/A/properties/b",
        "Nope",
    );
    // A body parameter's schema, not the request body it became.
    assert_error(
        &format!("{HEAD_20}paths:\n  /a:\n    post:\n      parameters:\n        - {{name: b, in: body, schema: {{$ref: '#/definitions/Nope'}}}}\n      responses: {{'200': {{description: ok}}}}\n"),
        "#/paths/~1a/post/parameters/0/schema",
        "Nope",
    );
    let found = warnings(&format!(
        "{HEAD_20}paths:\n  /a:\n    get:\n      parameters:\n        - {{name: q, in: query, type: array, items: {{type: string}}, collectionFormat: tsv}}\n      responses: {{'200': {{description: ok}}}}\n"
    ));
    assert!(
        found.iter().any(
            |(p, m)| p == "#/paths/~1a/get/parameters/0/collectionFormat" && m.contains("tsv")
        ),
        "{found:#?}"
    );
}

#[test]
fn non_json_bodies_are_sent_as_bytes_with_their_media_type() {
    let spec = format!(
        "{HEAD}paths:\n  /a:\n    post:\n      requestBody:\n        required: true\n        content:\n          application/xml:\n            schema: {{type: string}}\n      responses: {{'200': {{description: ok}}}}\n"
    );
    let generated = Generator::new("inline.yaml")
        .strict(true)
        .generate_str(&spec)
        .expect("generates");
    assert!(generated
        .code
        .contains("request.raw(\"application/xml\", body.clone())"));
}

#[test]
fn every_error_is_reported_at_once() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        x: {{$ref: '#/components/schemas/Nope1'}}\n        y: {{$ref: '#/components/schemas/Nope2'}}\n"
    );
    assert_eq!(errors(&spec).len(), 2);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let mut schema = String::from("{type: string}");
    // Deeper than the generator goes, shallower than the YAML parser's own limit.
    for _ in 0..100 {
        schema = format!("{{type: array, items: {schema}}}");
    }
    let spec = format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Deep:\n      type: object\n      properties:\n        d: {schema}\n");
    let found = errors(&spec);
    assert!(
        found.iter().any(|(_, m)| m.contains("nested more than")),
        "{found:#?}"
    );
}

/// Found by the generator fuzz target: each level inlines `A` twice, so
/// lowering grew as 2^48 and never ended. It stops at a budget of schema
/// visits, with the cause first and a count for the many repeats.
#[test]
fn exponential_schemas_are_an_error_not_a_hang() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        p:\n          allOf:\n            - $ref: '#/components/schemas/A'\n            - type: object\n              properties:\n                q:\n                  allOf:\n                    - $ref: '#/components/schemas/A'\n                    - $ref: '#/components/schemas/A'\n"
    );
    let found = errors(&spec);
    assert!(
        found[0]
            .1
            .contains("the schemas expand to more than 50000 nested schemas")
            && found[0]
                .0
                .starts_with("#/components/schemas/A/properties/p"),
        "{:#?}",
        &found[..3]
    );
    let (pointer, rest) = found.last().expect("errors");
    assert!(
        pointer == "#" && rest.ends_with("more error(s) not listed"),
        "{rest}"
    );
    assert!(found.len() <= 1002, "{} errors listed", found.len());
}

#[test]
fn long_reference_chains_are_an_error_not_a_stack_overflow() {
    let mut chain = format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Top:\n      type: object\n      properties:\n        a: {{$ref: '#/components/schemas/A0'}}\n");
    for i in 0..3000 {
        chain.push_str(&format!(
            "    A{i}: {{$ref: '#/components/schemas/A{}'}}\n",
            i + 1
        ));
    }
    chain.push_str("    A3000: {type: string}\n");
    let found = errors(&chain);
    assert!(
        found.iter().any(|(_, m)| m.contains("nested more than")),
        "{found:#?}"
    );
}

#[test]
fn object_parameters_follow_their_style() {
    let spec = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      parameters:\n        - name: filter\n          in: query\n          required: true\n          style: deepObject\n          schema: {{type: object, properties: {{x: {{type: string}}}}}}\n      responses: {{'200': {{description: ok}}}}\n"
    );
    let generated = Generator::new("inline.yaml")
        .strict(true)
        .generate_str(&spec)
        .expect("generates");
    assert!(
        generated.code.contains("rt::encode::Style::DeepObject"),
        "{}",
        generated.code
    );
}

#[test]
fn header_names_must_be_tokens() {
    let spec = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      parameters:\n        - {{name: 'bad header', in: header, schema: {{type: string}}}}\n      responses: {{'200': {{description: ok}}}}\n"
    );
    assert_error(
        &spec,
        "#/paths/~1a/get/parameters/0",
        "not a valid HTTP header name",
    );
}

#[test]
fn discriminator_over_non_objects_becomes_untagged() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    U:\n      oneOf:\n        - $ref: '#/components/schemas/E'\n      discriminator:\n        propertyName: kind\n    E: {{type: string, enum: [a]}}\n"
    );
    let generated = Generator::new("inline.yaml")
        .generate_str(&spec)
        .expect("generates");
    assert!(generated
        .warnings
        .iter()
        .any(|w| w.pointer == "#/components/schemas/U/discriminator"));
    assert!(generated.code.contains("#[serde(untagged)]"));
}

#[test]
fn mutated_specs_never_panic() {
    // Each spec in its own version: the front end sees every mutation first.
    for (file, target) in [
        (
            "spec/hss.yaml",
            "#/components/schemas/CreateTaskRequestBody",
        ),
        ("tests/fixtures/openapi31.yaml", "#/components/schemas/Pet"),
        ("tests/fixtures/swagger2.yaml", "#/definitions/Item"),
        ("tests/fastapi/specs/pets.json", "#/components/schemas/Cat"),
    ] {
        mutate_everywhere(file, target);
    }
}

/// Replaces every node of `file` in turn; each result generates or fails
/// with located errors, never a panic.
fn mutate_everywhere(file: &str, target: &str) {
    let text =
        std::fs::read_to_string(format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"))).expect("spec");
    let original: serde_json::Value = serde_yaml::from_str(&text).expect("YAML or JSON");
    let mut paths = Vec::new();
    collect_paths(&original, String::new(), &mut paths);
    let replacements = [
        serde_json::Value::Null,
        serde_json::json!(7),
        serde_json::json!("#/components/schemas/Nope"),
        serde_json::json!({ "$ref": target }),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(true),
        serde_json::json!({"type": ["string", "null"]}),
    ];
    let mut outcomes = (0, 0);
    for (i, path) in paths.iter().enumerate() {
        let mut mutated = original.clone();
        if let Some(slot) = mutated.pointer_mut(path) {
            *slot = replacements[i % replacements.len()].clone();
        }
        let spec = serde_json::to_string(&mutated).expect("serializes");
        match Generator::new("mutated.json").generate_str(&spec) {
            Ok(_) => outcomes.0 += 1,
            Err(e) => {
                assert!(e.errors().count() > 0, "an Err always carries an error");
                // A caught panic is an error too: it must not pass for a diagnostic.
                assert!(!e.is_internal(), "{file}: mutating {path}: {e}");
                outcomes.1 += 1;
            }
        }
    }
    assert!(
        paths.len() > 150,
        "{file}: only {} mutation points",
        paths.len()
    );
    assert!(outcomes.1 > 0 && outcomes.0 > 0, "{file}: {outcomes:?}");
}

fn collect_paths(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    if !at.is_empty() {
        out.push(at.clone());
    }
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                collect_paths(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_paths(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `(pointer, message)` of every warning of a spec that generates.
fn warnings(spec: &str) -> Vec<(String, String)> {
    match Generator::new("inline.yaml").generate_str(spec) {
        Ok(generated) => generated
            .warnings
            .iter()
            .map(|d| (d.pointer.clone(), d.message.clone()))
            .collect(),
        Err(e) => panic!("expected warnings only:\n{e}"),
    }
}

#[test]
fn broken_path_templates_are_refused() {
    for path in ["/x}y{/{id}", "/{{id}}", "/a/{id", "/a/{}/b"] {
        let spec = format!(
            "{HEAD}paths:\n  '{path}':\n    get:\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n      responses: {{'200': {{description: ok}}}}\n"
        );
        let pointer = format!("#/paths/{}", path.replace('~', "~0").replace('/', "~1"));
        assert_error(&spec, &pointer, "the path template");
    }
}

#[test]
fn silent_changes_are_warnings() {
    let spec = format!(
        "{HEAD}paths:\n  /a:\n    get: {{operationId: same, responses: {{'200': {{description: ok}}}}}}\n  /b:\n    get: {{operationId: same, responses: {{'200': {{description: ok}}}}}}\ncomponents:\n  schemas:\n    Mixed:\n      enum: [a, 1, true, b]\n"
    );
    let found = warnings(&spec);
    assert_eq!(
        found.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        [
            "#/components/schemas/Mixed/enum",
            "#/paths/~1b/get/operationId"
        ],
        "{found:#?}"
    );
}

#[test]
fn yaml_merge_keys_count() {
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Base: &base\n      type: object\n      required: [id]\n      properties: {{id: {{type: string}}}}\n    Derived:\n      <<: *base\n      description: merged\n"
    );
    let code = Generator::new("inline.yaml")
        .generate_str(&spec)
        .expect("generates")
        .code;
    let derived = code.split("pub struct Derived").nth(1).expect("Derived");
    assert!(derived.contains("pub id: String"), "{derived}");
}

#[test]
fn structs_too_large_for_rustc_are_refused() {
    let properties: String = (0..1_001)
        .map(|i| format!("        p{i}: {{type: string}}\n"))
        .collect();
    let spec = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Huge:\n      type: object\n      properties:\n{properties}"
    );
    assert_error(
        &spec,
        "#/components/schemas/Huge/properties",
        "more than one struct can hold",
    );
}

/// Every extension clientgen reads has one policy: a value of the wrong
/// shape is a located warning and the extension is ignored.
#[test]
fn bad_extension_values_are_located_warnings() {
    assert_warning(
        "openapi: 3.0.3\ninfo: {title: T, version: '1', x-region-env-prefix: 5}\npaths: {}\n",
        "#/info/x-region-env-prefix",
        "must be an environment variable name",
    );
    assert_warning(
        &format!("{HEAD}paths:\n  /a:\n    get:\n      parameters:\n        - {{name: p, in: query, x-default-from-client: 'yes', schema: {{type: string}}}}\n      responses: {{'200': {{description: ok}}}}\n"),
        "#/paths/~1a/get/parameters/0/x-default-from-client",
        "must be `true` or `false`",
    );
    assert_warning(
        &format!("{HEAD}paths: {{}}\ncomponents:\n  securitySchemes:\n    k: {{type: apiKey, name: K, in: header, x-env: 'NOT VALID'}}\n"),
        "#/components/securitySchemes/k/x-env",
        "environment variable name",
    );
    assert_warning(
        &format!("{HEAD}paths: {{}}\ncomponents:\n  securitySchemes:\n    k: {{type: apiKey, name: K, in: header, x-signing: 7}}\n"),
        "#/components/securitySchemes/k/x-signing",
        "signing algorithm",
    );
    // Under --strict each is an error.
    let strict = Generator::new("inline.yaml").strict(true).generate_str(
        "openapi: 3.0.3\ninfo: {title: T, version: '1', x-region-env-prefix: 5}\npaths: {}\n",
    );
    assert!(strict.is_err());
}

#[test]
fn broken_pagination_is_located() {
    let spec = |paging: &str, response: &str| {
        format!(
            "{HEAD}paths:\n  /items:\n    get:\n      x-pagination: {paging}\n      parameters:\n\
             \x20       - {{name: offset, in: query, schema: {{type: integer}}}}\n\
             \x20       - {{name: limit, in: query, schema: {{type: integer}}}}\n\
             \x20       - {{name: after, in: query, schema: {{type: string}}}}\n\
             \x20     responses:\n        '200':\n          description: ok\n          content:\n\
             \x20           application/json:\n              schema: {response}\n"
        )
    };
    let page = "{type: object, properties: {n: {type: integer}, label: {type: string}, list: {type: array, items: {type: string}}}}";
    let at = "#/paths/~1items/get/x-pagination";
    assert_warning(&spec("5", page), at, "must be an object");
    assert_warning(
        &spec("{offset: after, limit: limit, items: list}", page),
        &format!("{at}/offset"),
        "optional integer query parameter",
    );
    assert_warning(
        &spec("{offset: offset, limit: nope, items: list}", page),
        &format!("{at}/limit"),
        "optional integer query parameter",
    );
    assert_warning(
        &spec(
            "{offset: offset, limit: limit, total: label, items: list}",
            page,
        ),
        &format!("{at}/total"),
        "no integer property \"label\"",
    );
    assert_warning(
        &spec("{offset: offset, limit: limit, items: [list, n]}", page),
        &format!("{at}/items"),
        "no array property \"n\"",
    );
    assert_warning(
        &spec("{offset: offset, limit: limit, items: [list, list]}", page),
        &format!("{at}/items"),
        "listed twice",
    );
    assert_warning(
        &spec("{offset: offset, limit: offset, items: list}", page),
        at,
        "must be different parameters",
    );
    assert_warning(
        &spec("{offset: offset, limit: limit}", page),
        &format!("{at}/items"),
        "must name the response's array property",
    );
    assert_warning(
        &spec(
            "{offset: offset, limit: limit, items: list}",
            "{type: array, items: {type: string}}",
        ),
        at,
        "must answer with a JSON object",
    );
}

/// OpenAPI ignores `Accept`, `Content-Type` and `Authorization` header
/// parameters; each is a located warning, and an `Authorization` one no
/// scheme covers says which scheme the client infers (issue 20: Oxide's keeper).
#[test]
fn ignored_header_parameters_are_located_warnings() {
    let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/auth.yaml"))
        .expect("fixture");
    assert_warning(
        &spec,
        "#/paths/~1legacy/get/parameters/0",
        "no security scheme of the operation sends it, so the client sends the value of the scheme `authorizationHeader`",
    );
    assert_warning(
        &spec,
        "#/paths/~1legacy/get/parameters/1",
        "`Accept`: the client sets it from the media types of the responses",
    );
    assert_warning(
        &spec,
        "#/paths/~1covered/get/parameters/0",
        "the client sends it from the credentials of the operation's security scheme",
    );
    let keeper = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/bench/specs/keeper.json"
    ))
    .expect("keeper spec");
    let found = warnings(&keeper);
    let inferred = found
        .iter()
        .filter(|(_, m)| m.contains("the scheme `authorizationHeader`, inferred"))
        .count();
    assert_eq!(inferred, 6, "{found:#?}");
}
