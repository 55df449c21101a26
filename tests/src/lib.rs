//! Helpers shared by the tests and benchmarks of this crate: small real
//! servers on 127.0.0.1 that answer with canned bytes and record what they got.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

/// Reads one HTTP/1.1 request (head and a `content-length` body); `None`
/// when the peer closed first. Bounded: at most 1 MiB.
pub async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> Option<String> {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        if let Some(end) = find(&data, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if data.len() >= end + 4 + length {
                return Some(String::from_utf8_lossy(&data).into_owned());
            }
        }
        if data.len() > 1 << 20 {
            return None;
        }
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A `200 OK` with a JSON body and a request id, keeping the connection open.
pub fn ok_response(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nx-request-id: rid-loopback\r\n\r\n{body}",
        body.len()
    )
}

/// Requests a server keeps, at most.
pub const RECORDED: usize = 1000;

/// Answers every request on every connection with `response`, recording
/// each request's text (the first [`RECORDED`]). Returns the address and the record.
pub async fn canned_server(response: String) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address").to_string();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let response = response.clone();
            let record = Arc::clone(&record);
            tokio::spawn(serve(stream, response, record));
        }
    });
    (address, seen)
}

/// An HSS client signing with a fixed AK/SK, pointed at `address` (a
/// canned server's): what the benchmarks call.
pub fn signing_client(address: &str) -> huaweicloud_hss::Client {
    use huaweicloud_hss::{AkSk, Client, Credentials};
    let pair = AkSk::new(
        "HPUABENCHAK000000001",
        "benchSecretKey00000000000000000000000001",
    )
    .with_project_id("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    Client::builder()
        .endpoint(format!("http://{address}"))
        .credentials(Credentials::AkSk(pair))
        .build()
        .expect("client")
}

/// Serves requests on one connection until the peer closes it.
pub async fn serve<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    response: String,
    record: Arc<Mutex<Vec<String>>>,
) {
    while let Some(request) = read_request(&mut stream).await {
        // Bounded, so long benchmark runs do not grow without end.
        if let Ok(mut seen) = record.lock() {
            if seen.len() < RECORDED {
                seen.push(request);
            }
        }
        if stream.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

pub mod translate;
