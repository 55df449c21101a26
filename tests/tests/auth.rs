//! Authentication taken from the spec (`tests/fixtures/auth.yaml`): bearer,
//! basic, API keys in header, query and cookie, per-operation requirements,
//! against a real server on 127.0.0.1; and two generated clients sharing the
//! runtime's types in one downstream crate.

use auth_fixture_client::{Client, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    server
}

fn header(request: &wiremock::Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

async fn last(server: &MockServer) -> wiremock::Request {
    let received = server.received_requests().await.expect("recording");
    received.last().cloned().expect("a request arrived")
}

#[tokio::test]
async fn top_level_alternatives_pick_the_first_configured() {
    let server = server().await;
    let bearer = Client::builder()
        .endpoint(server.uri())
        .bearer("tok-1")
        .build()
        .expect("builds");
    bearer.whoami().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(
        header(&request, "authorization").as_deref(),
        Some("Bearer tok-1")
    );
    assert_eq!(header(&request, "x-api-key"), None);

    let key = Client::builder()
        .endpoint(server.uri())
        .api_key_header("key-2")
        .build()
        .expect("builds");
    key.whoami().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(header(&request, "x-api-key").as_deref(), Some("key-2"));
    assert_eq!(header(&request, "authorization"), None);
}

#[tokio::test]
async fn operations_override_the_top_level_security() {
    let server = server().await;
    let client = Client::builder()
        .endpoint(server.uri())
        .bearer("tok")
        .basic("user", "pa:ss")
        .api_key_query("q-key")
        .api_key_cookie("c=key;")
        .build()
        .expect("builds");

    client.basic_only().send().await.expect("ok");
    let request = last(&server).await;
    // base64("user:pa:ss"); the bearer token is not sent alongside.
    assert_eq!(
        header(&request, "authorization").as_deref(),
        Some("Basic dXNlcjpwYTpzcw==")
    );

    client.query_key().q("x y").send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(request.url.query(), Some("api_key=q-key&q=x%20y"));
    assert_eq!(header(&request, "authorization"), None);

    client.cookie_key().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(
        header(&request, "cookie").as_deref(),
        Some("session=c=key%3B")
    );
    assert_eq!(header(&request, "authorization"), None);

    client.public().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(header(&request, "authorization"), None);
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn all_schemes_of_an_alternative_are_sent_together_or_not_at_all() {
    let server = server().await;
    let half = Client::builder()
        .endpoint(server.uri())
        .api_key_header("h")
        .build()
        .expect("builds");
    let error = half
        .both_keys()
        .send()
        .await
        .expect_err("needs the query key too");
    let Error::MissingCredentials(missing) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        missing.alternatives,
        vec![vec!["apiKeyHeader", "apiKeyQuery"]]
    );
    assert!(
        error.to_string().contains("apiKeyHeader + apiKeyQuery"),
        "{error}"
    );
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty(),
        "nothing sent"
    );

    let both = Client::builder()
        .endpoint(server.uri())
        .api_key_header("h")
        .api_key_query("q")
        .build()
        .expect("builds");
    both.both_keys().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(header(&request, "x-api-key").as_deref(), Some("h"));
    assert_eq!(request.url.query(), Some("api_key=q"));
}

#[tokio::test]
async fn optional_security_sends_credentials_only_when_configured() {
    let server = server().await;
    let none = Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    none.optional_auth()
        .send()
        .await
        .expect("anonymous is allowed");
    assert_eq!(header(&last(&server).await, "authorization"), None);
    let error = none
        .whoami()
        .send()
        .await
        .expect_err("whoami needs credentials");
    assert!(matches!(error, Error::MissingCredentials(_)), "{error:?}");

    let oauth = Client::builder()
        .endpoint(server.uri())
        .oauth("access")
        .build()
        .expect("builds");
    oauth.optional_auth().send().await.expect("ok");
    assert_eq!(
        header(&last(&server).await, "authorization").as_deref(),
        Some("Bearer access")
    );
}

#[tokio::test]
async fn a_configured_alternative_beats_anonymous_wherever_it_is_listed() {
    let server = server().await;
    let none = Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    none.optional_first()
        .send()
        .await
        .expect("anonymous is allowed");
    assert_eq!(header(&last(&server).await, "authorization"), None);
    let oauth = Client::builder()
        .endpoint(server.uri())
        .oauth("t")
        .build()
        .expect("builds");
    oauth.optional_first().send().await.expect("ok");
    assert_eq!(
        header(&last(&server).await, "authorization").as_deref(),
        Some("Bearer t")
    );
}

#[tokio::test]
async fn api_key_parameters_stay_where_no_scheme_fills_them() {
    let server = server().await;
    let client = Client::builder()
        .endpoint(server.uri())
        .api_key_query("credential")
        .build()
        .expect("builds");
    client
        .search()
        .api_key("own value")
        .send()
        .await
        .expect("ok");
    assert_eq!(last(&server).await.url.query(), Some("api_key=own%20value"));
}

#[tokio::test]
async fn unsatisfiable_alternatives_fail_instead_of_going_out_bare() {
    let server = server().await;
    let client = Client::builder()
        .endpoint(server.uri())
        .bearer("t")
        .basic("u", "p")
        .build()
        .expect("builds");
    let error = client
        .digest_only()
        .send()
        .await
        .expect_err("digest is not supported");
    assert!(
        matches!(&error, Error::MissingCredentials(m) if m.alternatives == vec![vec!["digest"]])
    );
    let error = client
        .two_authorizations()
        .send()
        .await
        .expect_err("two Authorization headers");
    assert!(matches!(&error, Error::InvalidInput(_)), "{error:?}");
    assert!(server
        .received_requests()
        .await
        .expect("recording")
        .is_empty());
}

#[tokio::test]
async fn query_keys_stay_out_of_transport_errors() {
    // Nothing listens on port 1 of the loopback address.
    let client = Client::builder()
        .endpoint("http://127.0.0.1:1")
        .api_key_query("SECRET-QUERY-KEY")
        .build()
        .expect("builds");
    let error = client
        .query_key()
        .q("also-hidden")
        .send()
        .await
        .expect_err("refused");
    let shown = format!("{error} {error:?}");
    assert!(
        !shown.contains("SECRET-QUERY-KEY") && !shown.contains("also-hidden"),
        "{shown}"
    );
}

#[test]
fn secrets_stay_out_of_debug_output() {
    let builder = Client::builder()
        .bearer("secret-token")
        .basic("someone", "secret-password")
        .api_key_header("secret-key");
    let shown = format!("{builder:?}");
    for secret in ["secret-token", "secret-password", "secret-key"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    let client = builder
        .endpoint("https://auth.example.test")
        .build()
        .expect("builds");
    let shown = format!("{client:?}");
    assert!(!shown.contains("secret-"), "{shown}");
}

/// Two generated clients in one crate: one runtime, so one `Error`,
/// `Response` and `RetryPolicy` type (this would not compile otherwise).
#[tokio::test]
async fn two_generated_clients_share_the_runtime_types() {
    fn describe(error: &huaweicloud_hss::Error) -> String {
        format!("{error}")
    }
    let server = server().await;
    let auth = Client::builder()
        .endpoint(server.uri())
        .build()
        .expect("builds");
    let error: Error = auth.whoami().send().await.expect_err("no credentials");
    assert!(describe(&error).contains("no credentials"));

    let response: huaweicloud_hss::Response<()> = auth.public().send().await.expect("ok");
    assert_eq!(response.status(), 200);
    let policy = huaweicloud_hss::RetryPolicy::connect_failures(2);
    auth.public().retry(policy).send().await.expect("ok");

    let results: Vec<Result<(), huaweicloud_hss::Error>> = vec![
        Err(error),
        huaweicloud_hss::Client::builder()
            .endpoint(server.uri())
            .anonymous()
            .build()
            .map(|_| ())
            .map_err(|e| {
                huaweicloud_hss::Error::InvalidInput(huaweicloud_hss::InvalidInput {
                    field: "build".into(),
                    problem: e.to_string(),
                })
            }),
    ];
    assert!(results[0].is_err() && results[1].is_ok());
}

/// An `Authorization` header parameter no scheme covers (OpenAPI ignores it)
/// becomes the inferred scheme `authorizationHeader`: the value is sent as the
/// whole header, and a call without it fails before sending.
#[tokio::test]
async fn an_uncovered_authorization_parameter_becomes_a_scheme() {
    let server = server().await;
    let anonymous = Client::builder()
        .endpoint(server.uri())
        .bearer("tok-1")
        .build()
        .expect("builds");
    let error = anonymous.legacy().send().await.expect_err("no credential");
    assert!(matches!(error, Error::MissingCredentials(_)), "{error:?}");
    assert!(server
        .received_requests()
        .await
        .expect("recording")
        .is_empty());

    let client = Client::builder()
        .endpoint(server.uri())
        .authorization_header("Bearer legacy-7")
        .bearer("tok-1")
        .build()
        .expect("builds");
    client.legacy().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(
        header(&request, "authorization").as_deref(),
        Some("Bearer legacy-7")
    );
    // Where a scheme covers the parameter, the scheme sends it.
    client.covered().send().await.expect("ok");
    let request = last(&server).await;
    assert_eq!(
        header(&request, "authorization").as_deref(),
        Some("Bearer tok-1")
    );
}
