//! Generated clients for the fixtures (compiled in `tests/snapshots`) against
//! a real server on 127.0.0.1: parameter styles, body encodings, response kinds.

use snapshots::{bodies, styles};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn header(request: &wiremock::Request, name: &str) -> String {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn query_path_header_and_cookie_styles() {
    let server = server(ResponseTemplate::new(200)).await;
    let client = styles::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    client
        .search()
        .ids(vec![3, 1])
        .tag(vec!["a b".to_owned(), "c".to_owned()])
        .csv(vec!["x".to_owned(), "y".to_owned()])
        .spaced(vec!["s1".to_owned(), "s2".to_owned()])
        .piped(vec!["p1".to_owned(), "p2".to_owned()])
        .filter(styles::types::Filter::new().with_color("red").with_size(2))
        .page(styles::types::Page::new().with_offset(10).with_limit(5))
        .x_ids(vec!["h1".to_owned(), "h2".to_owned()])
        .session("s=1;")
        .free("anything")
        .send()
        .await
        .expect("ok");
    let received = server.received_requests().await.expect("recording");
    let request = &received[0];
    assert_eq!(request.url.path(), "/search/3%2C1");
    assert_eq!(
        request.url.query(),
        Some(
            "csv=x%2Cy&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&free=anything&limit=5&offset=10\
             &piped=p1%7Cp2&spaced=s1%20s2&tag=a%20b&tag=c"
        )
    );
    assert_eq!(header(request, "x-ids"), "h1,h2");
    assert_eq!(header(request, "cookie"), "session=s=1%3B");
}

#[tokio::test]
async fn form_multipart_raw_and_text_bodies() {
    let server = server(ResponseTemplate::new(200).set_body_raw("stored", "text/plain")).await;
    let client = bodies::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    let login = bodies::types::Login::new("ana")
        .with_remember(true)
        .with_scopes(vec!["r".to_owned(), "w x".to_owned()]);
    client
        .post_form()
        .body(login.clone())
        .send()
        .await
        .expect("form");
    let upload = bodies::types::UploadBody::new(b"\x00\x01file".to_vec()).with_note("hi");
    let created = client
        .upload()
        .body(upload)
        .send()
        .await
        .expect("multipart");
    assert_eq!(created.body(), "stored");
    let stored = client
        .put_blob()
        .body(login)
        .send()
        .await
        .expect("json wins");
    assert_eq!(stored.body(), b"stored");
    client
        .post_text()
        .body("plain words")
        .send()
        .await
        .expect("text");

    let received = server.received_requests().await.expect("recording");
    let form = &received[0];
    assert_eq!(form.url.path(), "/form");
    assert_eq!(
        header(form, "content-type"),
        "application/x-www-form-urlencoded"
    );
    assert_eq!(form.body, b"user=ana&remember=true&scopes=r&scopes=w%20x");

    let multipart = &received[1];
    let content_type = header(multipart, "content-type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("boundary");
    let body = String::from_utf8_lossy(&multipart.body);
    assert!(body.contains("name=\"file\"; filename=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\n\u{0}\u{1}file\r\n"), "{body}");
    assert!(
        body.contains("name=\"note\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n"),
        "{body}"
    );
    assert!(body.ends_with(&format!("--{boundary}--\r\n")));

    assert_eq!(header(&received[2], "content-type"), "application/json");
    assert_eq!(header(&received[3], "content-type"), "text/plain");
    assert_eq!(received[3].body, b"plain words");
}

#[tokio::test]
async fn raw_bytes_and_problem_json() {
    let server = server(ResponseTemplate::new(200).set_body_raw(
        r#"{"user":"bo"}"#,
        "application/problem+json; charset=utf-8",
    ))
    .await;
    let client = bodies::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    let login = client
        .post_raw()
        .body(vec![0u8, 255, 7])
        .send()
        .await
        .expect("ok");
    assert_eq!(login.user, "bo");
    let received = server.received_requests().await.expect("recording");
    assert_eq!(
        header(&received[0], "content-type"),
        "application/octet-stream"
    );
    assert_eq!(received[0].body, vec![0u8, 255, 7]);
}

#[tokio::test]
async fn success_by_status_and_documented_errors() {
    let cases: [(u16, &str, &str); 3] = [
        (200, r#"{"user":"cy"}"#, "application/json"),
        (202, "", "text/plain"),
        (203, "a note", "text/plain"),
    ];
    for (status, body, content_type) in cases {
        let server = server(ResponseTemplate::new(status).set_body_raw(body, content_type)).await;
        let client = bodies::Client::builder()
            .endpoint(server.uri())
            .build()
            .expect("builds");
        let response = client.start_job().send().await.expect("success");
        let expected = match status {
            200 => bodies::operations::StartJobResponse::Ok200(bodies::types::Login::new("cy")),
            202 => bodies::operations::StartJobResponse::Accepted202,
            _ => bodies::operations::StartJobResponse::NonAuthoritative203("a note".to_owned()),
        };
        assert_eq!(response.into_body(), expected);
    }
    let server =
        server(ResponseTemplate::new(404).set_body_raw(r#"{"queue":"q-7"}"#, "application/json"))
            .await;
    let client = bodies::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    match client.start_job().send().await {
        Err(snapshots::bodies::Error::Service(e)) => {
            let typed: bodies::types::StartJobError404 = e.json().expect("documented shape");
            assert_eq!(typed.queue.as_deref(), Some("q-7"));
        }
        other => panic!(
            "expected a service error, got {:?}",
            other.map(|r| r.status())
        ),
    }
}

#[test]
fn nested_values_in_deep_objects_and_forms() {
    use snapshots::bodies::runtime::private::encode::{form, Query, Style};
    let value = serde_json::json!({"created": {"gte": 1, "lt": 5}, "ids": [1, 2], "name": "a b"});
    let mut query = Query::new();
    query
        .push_styled("filter", &value, Style::DeepObject)
        .expect("serializes");
    assert_eq!(
        query.to_canonical_string(),
        "filter%5Bcreated%5D%5Bgte%5D=1&filter%5Bcreated%5D%5Blt%5D=5\
         &filter%5Bids%5D=1&filter%5Bids%5D=2&filter%5Bname%5D=a%20b"
    );
    let body = form(&value).expect("serializes");
    assert_eq!(
        String::from_utf8(body).expect("ascii"),
        "created%5Bgte%5D=1&created%5Blt%5D=5&ids=1&ids=2&name=a%20b"
    );
    // Repeated names keep the caller's order on the wire.
    let mut sorted = Query::new();
    sorted.push("sort", "-date");
    sorted.push("a", "1");
    sorted.push("sort", "name");
    assert_eq!(sorted.to_canonical_string(), "a=1&sort=-date&sort=name");
}

/// Integer bounds beyond 2^53 are checked on every digit: through `f64`,
/// -9007199254740993 would round to -9007199254740992 and the edges would move.
#[test]
fn integer_bounds_beyond_f64_precision_are_exact() {
    use snapshots::hostile::runtime::private::validate::Validate;
    use snapshots::hostile::types::Bounds;
    let check = |bounds: Bounds| bounds.validate("body").map_err(|e| e.field);
    assert_eq!(
        check(Bounds::new().with_big(-9_007_199_254_740_993_i64)),
        Ok(())
    );
    assert_eq!(
        check(Bounds::new().with_big(-9_007_199_254_740_994_i64)),
        Err("body.big".to_owned())
    );
    assert_eq!(
        check(Bounds::new().with_near(9_007_199_254_740_992_i64)),
        Ok(())
    );
    assert_eq!(
        check(Bounds::new().with_near(9_007_199_254_740_993_i64)),
        Err("body.near".to_owned())
    );
    assert_eq!(check(Bounds::new().with_big(i64::MAX)), Ok(()));
    assert_eq!(
        check(Bounds::new().with_small(0)),
        Err("body.small".to_owned())
    );
    assert_eq!(check(Bounds::new().with_small(i32::MAX)), Ok(()));
    // Bounds at a type's limit: inclusive on the far side, exclusive on its own.
    assert_eq!(check(Bounds::new().with_lowest(i32::MIN)), Ok(()));
    assert_eq!(
        check(Bounds::new().with_lowest(i32::MIN + 1)),
        Err("body.lowest".to_owned())
    );
    assert_eq!(
        check(Bounds::new().with_below_top(i32::MAX)),
        Err("body.below_top".to_owned())
    );
    assert_eq!(check(Bounds::new().with_below_top(i32::MAX - 1)), Ok(()));
}

/// A tagged union keeps a kind this client does not know (tag and value), as
/// string enums keep unknown values; a missing or non-string tag is an error.
#[test]
fn tagged_unions_keep_unknown_kinds() {
    use snapshots::one_of::types::{Circle, Shape};
    let circle: Shape =
        serde_json::from_str(r#"{"radius": 2.5, "kind": "circle"}"#).expect("decodes");
    assert_eq!(circle, Shape::Circle(Circle::new(2.5)));
    let json = r#"{"kind": "hexagon", "side": 1, "extra": {"deep": [1]}}"#;
    let Shape::Unknown(other) = serde_json::from_str(json).expect("decodes") else {
        panic!("an unknown kind is kept");
    };
    assert_eq!(other.tag(), "hexagon");
    let expected: serde_json::Value = serde_json::from_str(json).expect("json");
    assert_eq!(serde_json::Value::Object(other.value().clone()), expected);
    for (bad, message) in [
        (r#"{"radius": 1}"#, "missing field `kind`"),
        (r#"{"kind": 7, "radius": 1}"#, "a string tag"),
        (r#"{"kind": "circle"}"#, "missing field `radius`"),
    ] {
        let error = serde_json::from_str::<Shape>(bad)
            .expect_err(bad)
            .to_string();
        assert!(error.contains(message), "{bad}: {error}");
    }
}

/// Written with its tag, and an unknown kind written back as it was read; a
/// request holding one is refused before sending.
#[test]
fn tagged_unions_write_their_tag() {
    use huaweicloud_hss::runtime::Validate;
    use huaweicloud_hss::types::CreateTaskRequestBody;
    let json = serde_json::json!({"task_type": "iac_scan", "iac_scan_info": {"file_type": "dockerfile", "file_id_list": ["f1"]}});
    let body: CreateTaskRequestBody = serde_json::from_value(json.clone()).expect("decodes");
    assert!(matches!(body, CreateTaskRequestBody::IacScan(_)));
    assert_eq!(serde_json::to_value(&body).expect("encodes"), json);
    let future = serde_json::json!({"task_type": "vm_scan", "vm": {"id": 1}});
    let body: CreateTaskRequestBody = serde_json::from_value(future.clone()).expect("decodes");
    assert_eq!(serde_json::to_value(&body).expect("encodes"), future);
    let error = body.validate("body").expect_err("unknown kind");
    assert!(error.to_string().contains("vm_scan"), "{error}");
}

/// A call asks for what it can decode (`Accept`), so a server offering JSON
/// and XML answers JSON; text calls ask for text.
#[tokio::test]
async fn calls_ask_for_the_media_types_they_decode() {
    let server = server(ResponseTemplate::new(200).set_body_json(serde_json::json!({}))).await;
    let client = bodies::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    // The body does not matter here: only what was asked for.
    let _ = client.start_job().send().await;
    let upload = bodies::types::UploadBody::new(b"x".to_vec());
    let _ = client.upload().body(upload).send().await;
    client.post_text().body("hi").send().await.expect("sent");
    let received = server.received_requests().await.expect("recording");
    assert_eq!(
        header(&received[0], "accept"),
        "application/json, */*;q=0.8"
    );
    assert_eq!(header(&received[1], "accept"), "text/*, */*;q=0.8");
    // A call that reads no body takes anything (reqwest's default).
    assert_eq!(header(&received[2], "accept"), "*/*");
}

/// Found by the Prism run (DigitalOcean): `required` beside `allOf` applies
/// to the merged object, and an `allOf` of scalars is that scalar.
#[test]
fn all_of_keeps_its_own_required_and_scalars_stay_scalars() {
    let spec = r#"
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /vpcs:
    post:
      operationId: create
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, region]
              allOf:
                - {$ref: '#/components/schemas/Named'}
                - properties:
                    region:
                      allOf: [{$ref: '#/components/schemas/Slug'}, {type: string, nullable: true}]
      responses:
        '204': {description: done}
components:
  schemas:
    Named:
      properties:
        name: {type: string}
    Slug: {type: string, example: nyc3}
"#;
    let code = clientgen::Generator::new("inline.yaml")
        .generate_str(spec)
        .expect("generates")
        .code;
    assert!(code.contains("pub name: String,"), "{code}");
    assert!(code.contains("pub region: String,"), "{code}");
    assert!(
        code.contains("rt::constructor!(name: String, region: String)"),
        "{code}"
    );
}

/// Objects whose required properties are objects with many required
/// properties: an example would hold 8^7 values. It is bounded (the body is
/// left out of the example) rather than built.
#[test]
fn examples_of_exponential_bodies_are_bounded() {
    let mut schemas = String::new();
    for level in 0..7 {
        let fields: String = (0..8)
            .map(|i| {
                format!(
                    "        f{i}: {{$ref: '#/components/schemas/L{}'}}\n",
                    level + 1
                )
            })
            .collect();
        let required: Vec<String> = (0..8).map(|i| format!("f{i}")).collect();
        schemas.push_str(&format!(
            "    L{level}:\n      type: object\n      required: [{}]\n      properties:\n{fields}",
            required.join(", ")
        ));
    }
    schemas.push_str("    L7: {type: object, required: [x], properties: {x: {type: string}}}\n");
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  /deep:\n    post:\n      operationId: deep\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/L0'}}\n      responses:\n        '204': {{description: done}}\ncomponents:\n  schemas:\n{schemas}"
    );
    let code = clientgen::Generator::new("inline.yaml")
        .example_path("deep")
        .generate_str(&spec)
        .expect("generates")
        .code;
    assert!(code.contains("/// # Example"), "{code}");
    assert!(code.len() < 200_000, "{} bytes", code.len());
}

/// Found by the Prism run (GitHub, Xero, Gérer mes affaires, EPA): the
/// constraints a request must meet beyond its properties' types.
#[tokio::test]
async fn alternative_required_sets_undefined_required_and_json_bytes() {
    let server =
        server(ResponseTemplate::new(200).set_body_raw(vec![0u8, 159, 146], "application/json"))
            .await;
    let client = bodies::Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    use bodies::types::{CreateProfileBody, UpdateAlertBody, UpdateAlertBodyState};
    // `anyOf: [{required: [state]}, {required: [assignee]}]`: one must be set.
    let error = client
        .update_alert()
        .alert(7)
        .body(UpdateAlertBody::new())
        .send()
        .await
        .expect_err("neither is set");
    assert!(matches!(error, bodies::Error::InvalidInput(_)), "{error}");
    assert!(error.to_string().contains("state | assignee"), "{error}");
    let both = UpdateAlertBody::new()
        .with_state(UpdateAlertBodyState::Open)
        .with_assignee("kim");
    client
        .update_alert()
        .alert("ops".to_owned())
        .body(both)
        .send()
        .await
        .expect("either may be set, or both");
    // `allOf: [$ref]` with `required` beside it: its own, stricter struct;
    // `file` is required and has no schema, so it holds any JSON value (and
    // is optional, since servers leave out what the spec does not define).
    let profile =
        CreateProfileBody::new("bo", true).with_file(serde_json::json!({"name": "id.png"}));
    client
        .create_profile()
        .body(profile)
        .send()
        .await
        .expect("sent");
    // Raw bytes under a JSON media type come back as bytes, not decoded.
    let chart = client.chart().send().await.expect("bytes");
    assert_eq!(chart.into_body(), vec![0u8, 159, 146]);
    let received = server.received_requests().await.expect("recording");
    assert_eq!(received.len(), 3);
    assert_eq!(received[0].url.path(), "/alerts/ops");
    let sent: serde_json::Value = serde_json::from_slice(&received[0].body).expect("json");
    assert_eq!(
        sent,
        serde_json::json!({"state": "open", "assignee": "kim"})
    );
    let sent: serde_json::Value = serde_json::from_slice(&received[1].body).expect("json");
    assert_eq!(
        sent,
        serde_json::json!({"user": "bo", "remember": true, "file": {"name": "id.png"}})
    );
    // The spec gives the 204 a body; HTTP sends none, and none is read.
    let empty = self::server(ResponseTemplate::new(204)).await;
    let client = bodies::Client::builder()
        .endpoint(empty.uri())
        .build()
        .expect("builds");
    let body = UpdateAlertBody::new().with_assignee("kim");
    let done = client.update_alert().alert(1).body(body).send().await;
    assert_eq!(done.expect("no content").status(), 204);
}

/// Examples satisfy what a validating server checks: an untagged `oneOf`
/// parameter gets a value only one member takes (a number in a path is
/// also a string), the alternative sets get their first set, and a
/// `format: byte` body is base64 text.
#[test]
fn examples_choose_values_a_validating_server_accepts() {
    let code = clientgen::Generator::new("tests/fixtures/bodies.yaml")
        .example_path("bodies")
        .generate_str(include_str!("../fixtures/bodies.yaml"))
        .expect("generates")
        .code;
    assert!(
        code.contains(".alert(types::UpdateAlertAlert::String(\"string\".to_owned()))"),
        "{code}"
    );
    assert!(
        code.contains(
            "types::UpdateAlertBody::new().with_state(types::UpdateAlertBodyState::Open)"
        ),
        "{code}"
    );
    assert!(
        code.contains("client.attach().body(b\"Ynl0ZXM=\".to_vec())"),
        "{code}"
    );
    // `required: [title]` beside the `oneOf` makes `title` required in each.
    assert!(
        code.contains("rt::constructor!(title: String; file);"),
        "{code}"
    );
    assert!(
        code.contains("rt::constructor!(title: String; url);"),
        "{code}"
    );
}
