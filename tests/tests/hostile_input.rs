//! Hostile configuration and hostile servers: refused or shown safely.

use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use huaweicloud_hss::{AkSk, BuildError, Client, ClientBuilder, Credentials, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn body() -> CreateClusterScanTask {
    CreateClusterScanTask::new(ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul],
        ClusterScanRangeType::AllCluster,
    ))
}

fn builder(endpoint: String, credentials: Credentials, project: &str) -> ClientBuilder {
    Client::builder()
        .endpoint(endpoint)
        .credentials(credentials)
        .project_id(project)
}

/// The error a CreateTask call through `builder`'s client ends in.
async fn create_task_error(builder: ClientBuilder, what: &str) -> Error {
    let client = builder.build().expect("builds");
    client
        .create_task()
        .body(body())
        .send()
        .await
        .expect_err(what)
}

#[test]
fn endpoints_with_control_characters_or_backslashes_are_refused() {
    for endpoint in [
        "https://hss.example.test\r\nX-Injected: 1",
        "https://hss.exa\tmple.test",
        "http:\\\\hss.example.test",
        "https://hss.example.test\\path",
    ] {
        let error = Client::builder()
            .endpoint(endpoint)
            .anonymous()
            .build()
            .expect_err(endpoint);
        assert!(
            matches!(error, BuildError::InvalidEndpoint(_)),
            "{endpoint:?}: {error:?}"
        );
        assert!(!error.to_string().contains('\r') && !error.to_string().contains('\n'));
    }
}

/// Surrounding spaces in a project id would travel encoded in the path but
/// trimmed in `X-Project-Id` (as the official SDK sends them): two different
/// projects. Refused before anything is sent.
#[tokio::test]
async fn a_project_id_with_surrounding_spaces_is_refused() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    for project in [" p1 ", "p1 ", " p1", "p1\u{3000}"] {
        let pair = Credentials::AkSk(AkSk::new("AK", "SK"));
        let error = create_task_error(builder(server.uri(), pair, project), project).await;
        let Error::InvalidInput(invalid) = &error else {
            panic!("{project:?}: {error:?}");
        };
        assert_eq!(invalid.field, "project_id", "{error}");
    }
    let received = server.received_requests().await.expect("recording");
    assert!(received.is_empty(), "{} sent", received.len());
}

#[tokio::test]
async fn service_text_cannot_forge_log_lines() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("x-request-id", "rid")
                .set_body_raw(
                    r#"{"error_code":"E.1\nINFO forged","error_msg":"bad\r\n\u001b[31mred"}"#,
                    "application/json",
                ),
        )
        .mount(&server)
        .await;
    let token = Credentials::token("iam");
    let error = create_task_error(builder(server.uri(), token, "p1"), "400").await;
    let shown = error.to_string();
    assert!(
        !shown.contains('\n') && !shown.contains('\r') && !shown.contains('\u{1b}'),
        "{shown:?}"
    );
    assert!(
        shown.contains("E.1\\nINFO forged") && shown.contains("bad\\r\\n\\u{1b}[31mred"),
        "{shown}"
    );
    // The fields keep the service's text as it was.
    let Error::Service(service) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(service.code, "E.1\nINFO forged");
}

/// What a hostile server sends after reading a request: `(delay ms, bytes)`
/// parts, then it closes the connection.
type Script = Vec<(u64, Vec<u8>)>;

/// How the hostile server ends a connection after its script.
#[derive(Clone, Copy)]
enum Ending {
    Close,
    /// A TCP reset: closed with a zero linger, so unread data is discarded.
    Reset,
}

async fn hostile_server(script: Script, ending: Ending) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let script = script.clone();
            tokio::spawn(async move {
                use tokio::io::AsyncWriteExt as _;
                if integration::read_request(&mut stream).await.is_none() {
                    return;
                }
                for (delay, bytes) in script {
                    tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
                    if stream.write_all(&bytes).await.is_err() {
                        return;
                    }
                }
                if let Ending::Reset = ending {
                    let _ = stream.flush().await;
                    let socket = socket2::SockRef::from(&stream);
                    let _ = socket.set_linger(Some(std::time::Duration::ZERO));
                }
            });
        }
    });
    format!("http://{address}")
}

/// A gzip stream of `inflated` zero bytes: a few KiB that inflate to MiBs.
fn gzip_bomb(inflated: usize) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..inflated >> 20 {
        encoder.write_all(&zeros).expect("in memory");
    }
    encoder.finish().expect("in memory")
}

fn text(parts: &[(u64, &str)]) -> Script {
    parts
        .iter()
        .map(|(d, t)| (*d, t.as_bytes().to_vec()))
        .collect()
}

/// Every hostile answer ends in a typed error, within the client's timeout,
/// with bounded memory.
#[tokio::test]
async fn hostile_servers_end_in_typed_errors() {
    let ok_head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    let deep = format!(
        "{ok_head}Content-Length: 200000\r\n\r\n{}",
        "[".repeat(200_000)
    );
    let huge_header = format!(
        "{ok_head}X-Big: {}\r\nContent-Length: 2\r\n\r\n{{}}",
        "a".repeat(1 << 20)
    );
    let many_headers = format!(
        "{ok_head}{}Content-Length: 2\r\n\r\n{{}}",
        "X-Request-Id: dup\r\n".repeat(10_000)
    );
    let mut drip_headers: Vec<(u64, &str)> = vec![(0, "HTTP/1.1 200 OK\r\n")];
    drip_headers.extend(std::iter::repeat_n((200, "X-Slow: 1\r\n"), 20));
    let mut drip_body: Vec<(u64, &str)> =
        vec![(0, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n")];
    drip_body.extend(std::iter::repeat_n((200, " "), 50));
    let mut invalid_utf8 = format!("{ok_head}X-Request-Id: ").into_bytes();
    invalid_utf8.extend_from_slice(b"\xff\xfe\r\nContent-Length: 4\r\n\r\n\"\xff\xfe\"");
    // 64 MiB of zeros, four times the body limit, in about 64 KiB.
    let compressed = gzip_bomb(64 << 20);
    let mut bomb = format!(
        "{ok_head}Content-Encoding: gzip\r\nContent-Length: {}\r\n\r\n",
        compressed.len()
    )
    .into_bytes();
    bomb.extend_from_slice(&compressed);
    let mut oversized = vec![(
        0,
        format!("{ok_head}Content-Length: {}\r\n\r\n", 20 << 20).into_bytes(),
    )];
    oversized.extend(std::iter::repeat_n((0, vec![b' '; 1 << 20]), 17));

    let half_body = text(&[(0, &format!("{ok_head}Content-Length: 1000\r\n\r\n{{\"task"))]);
    let cases: Vec<(&str, Script, Ending, &[&str])> = vec![
        (
            "closed mid-body",
            half_body.clone(),
            Ending::Close,
            &["transport"],
        ),
        ("reset mid-body", half_body, Ending::Reset, &["transport"]),
        (
            "garbage status line",
            text(&[(0, "HTTP/1.1 abc Garbage\r\n\r\n")]),
            Ending::Close,
            &["transport"],
        ),
        (
            "not HTTP",
            text(&[(0, "\u{0}\u{1}\u{2}binary\r\n\r\n")]),
            Ending::Close,
            &["transport"],
        ),
        (
            "drip-fed headers",
            text(&drip_headers),
            Ending::Close,
            &["timeout"],
        ),
        (
            "drip-fed body",
            text(&drip_body),
            Ending::Close,
            &["timeout"],
        ),
        (
            "huge header",
            text(&[(0, &huge_header)]),
            Ending::Close,
            &["transport"],
        ),
        (
            "10,000 duplicated headers",
            text(&[(0, &many_headers)]),
            Ending::Close,
            &["transport", "decode"],
        ),
        ("deep JSON", text(&[(0, &deep)]), Ending::Close, &["decode"]),
        (
            "invalid UTF-8",
            vec![(0, invalid_utf8)],
            Ending::Close,
            &["decode"],
        ),
        (
            "compressed bomb",
            vec![(0, bomb)],
            Ending::Close,
            &["decode"],
        ),
        (
            "over 16 MiB",
            oversized,
            Ending::Close,
            &["response_too_large"],
        ),
    ];
    for (name, script, ending, kinds) in cases {
        let endpoint = hostile_server(script, ending).await;
        let client = builder(endpoint, Credentials::token("iam"), "p1")
            .timeout(std::time::Duration::from_secs(1));
        let started = std::time::Instant::now();
        let error = create_task_error(client, name).await;
        assert!(kinds.contains(&error.kind()), "{name}: {error:?}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{name}: {:?}",
            started.elapsed()
        );
        let shown = error.to_string();
        assert!(!shown.contains('\n'), "{name}: {shown:?}");
        if name == "compressed bomb" {
            // The body is kept as sent: never inflated, so never 64 MiB.
            let Error::Decode(decode) = &error else {
                panic!("{error:?}")
            };
            assert_eq!(decode.body.len(), compressed.len());
        }
    }
}
