//! The `SDK-HMAC-SHA256` signer against an independent model written from
//! the signing rules (canonical URI, query and headers, payload hash, date,
//! string to sign, signature): the two must agree byte for byte on every
//! request, however odd its path, query, headers or body.

#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use arbitrary::Arbitrary;
use clientgen_runtime::encode::component;
use clientgen_runtime::huawei::{signing, AkSk};
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

#[derive(Arbitrary, Debug)]
struct Input {
    method: Method,
    /// Path segments, encoded the way the client encodes path parameters.
    segments: Vec<String>,
    /// A path as given, `%` sequences and all (restricted to URL path characters).
    raw_path: Option<String>,
    trailing_slash: bool,
    query: Vec<(String, String)>,
    /// Query text as given: bare `%`, `+`, keys without `=`, empty pairs.
    raw_query: Option<String>,
    headers: Vec<(HeaderName, String)>,
    content_type: Option<ContentType>,
    body: Option<Vec<u8>>,
    ak: String,
    sk: String,
    token: Option<String>,
    seconds: u32,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Method {
    Get,
    Post,
    Put,
    Delete,
    Patch,
    Lower,
}

#[derive(Arbitrary, Debug)]
enum HeaderName {
    Known(u8),
    Other(String),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum ContentType {
    Json,
    JsonUtf8,
    Bson,
    Multipart,
    Octet,
    Text,
}

const KNOWN_HEADERS: &[&str] = &[
    "User-Agent",
    "X-Project-Id",
    "Host",
    "X-Sdk-Date",
    "x-sdk-content-sha256",
    "X_Underscore",
    "Accept",
    "X-Request-Id",
    "X-Security-Token",
    "Content-Length",
];

fn header_name(name: &HeaderName) -> Option<String> {
    let name = match name {
        HeaderName::Known(i) => KNOWN_HEADERS[usize::from(*i) % KNOWN_HEADERS.len()].to_owned(),
        HeaderName::Other(s) => s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
            .collect(),
    };
    (!name.is_empty() && !name.eq_ignore_ascii_case("content-type")).then_some(name)
}

/// Header values as they can travel: printable ASCII, spaces and tabs.
fn header_value(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ' || *c == '\t')
        .collect()
}

// ---- the model -------------------------------------------------------------

fn model_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| {
            [
                DIGITS[usize::from(b >> 4)] as char,
                DIGITS[usize::from(b & 15)] as char,
            ]
        })
        .collect()
}

/// `%HH` becomes the byte; anything else, a `%` without two hex digits
/// included, stays as it is; then the bytes are read as UTF-8, lossily.
fn model_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every UTF-8 byte but `A-Za-z0-9-._~` as `%HH`, upper-case hex.
fn model_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn model_uri(path: &str) -> String {
    let decoded = model_decode(path);
    let mut joined = decoded
        .split('/')
        .map(model_encode)
        .collect::<Vec<_>>()
        .join("/");
    if !joined.ends_with('/') {
        joined.push('/');
    }
    joined
}

fn model_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = match pair.find('=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, ""),
        };
        pairs.push((model_decode(k), model_decode(v)));
    }
    // Code-point order: byte order of UTF-8.
    pairs.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then(a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", model_encode(k), model_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `YYYYMMDDTHHMMSSZ` by counting years and months, not by formula.
fn model_date(seconds: u64) -> String {
    let mut days = seconds / 86_400;
    let rest = seconds % 86_400;
    let leap = |y: u64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut year = 1970;
    while days >= if leap(year) { 366 } else { 365 } {
        days -= if leap(year) { 366 } else { 365 };
        year += 1;
    }
    let lengths = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while days >= lengths[month] {
        days -= lengths[month];
        month += 1;
    }
    format!(
        "{year:04}{:02}{:02}T{:02}{:02}{:02}Z",
        month + 1,
        days + 1,
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

fn trim(value: &str) -> &str {
    value.trim_matches(|c| c == ' ' || c == '\t')
}

struct Model {
    canonical_request: String,
    authorization: String,
}

fn model(
    method: &str,
    authority: &str,
    path: &str,
    query: &str,
    headers: &[(String, String)],
    body: Option<&[u8]>,
    ak: &str,
    sk: &str,
    token: Option<&str>,
    seconds: u64,
) -> Model {
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut all: Vec<(String, String)> = headers.to_vec();
    if let Some(token) = token {
        all.push(("X-Security-Token".into(), token.into()));
    }
    let json = get("content-type").map_or(true, |ct| {
        ct.starts_with("application/json") || ct.starts_with("application/bson")
    });
    let given_hash = get("x-sdk-content-sha256");
    if !json && given_hash.is_none() {
        all.push(("X-Sdk-Content-Sha256".into(), "UNSIGNED-PAYLOAD".into()));
    }
    let date = match get("x-sdk-date") {
        Some(given) => trim(&given).to_owned(),
        None => {
            let date = model_date(seconds);
            all.push(("X-Sdk-Date".into(), date.clone()));
            date
        }
    };
    if get("host").is_none() {
        all.push(("Host".into(), authority.into()));
    }
    // First occurrence of each name wins; names with `_` are not signed.
    let mut signed: Vec<(String, String)> = Vec::new();
    for (name, value) in &all {
        let lower = name.to_ascii_lowercase();
        if !lower.contains('_') && !signed.iter().any(|(n, _)| *n == lower) {
            signed.push((lower, trim(value).to_owned()));
        }
    }
    signed.sort_by(|a, b| a.0.cmp(&b.0));
    let names = signed
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let block: String = signed.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
    let payload = match body {
        None | Some([]) => model_hex(&Sha256::digest(b"")),
        Some(_) if given_hash.is_some() => given_hash.unwrap_or_default(),
        Some(_) if !json => "UNSIGNED-PAYLOAD".to_owned(),
        Some(bytes) => model_hex(&Sha256::digest(bytes)),
    };
    let canonical_request = [
        method.to_ascii_uppercase(),
        model_uri(path),
        model_query(query),
        block,
        names.clone(),
        payload,
    ]
    .join("\n");
    let to_sign = format!(
        "SDK-HMAC-SHA256\n{date}\n{}",
        model_hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(sk.as_bytes()).expect("HMAC takes any key");
    mac.update(to_sign.as_bytes());
    let signature = model_hex(&mac.finalize().into_bytes());
    Model {
        canonical_request,
        authorization: format!(
            "SDK-HMAC-SHA256 Access={ak}, SignedHeaders={names}, Signature={signature}"
        ),
    }
}

fuzz_target!(|input: Input| {
    let method = match input.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Delete => "DELETE",
        Method::Patch => "PATCH",
        Method::Lower => "post",
    };
    let path = match &input.raw_path {
        Some(raw) => {
            let kept: String = raw
                .chars()
                .filter(|c| c.is_ascii_graphic() && !"?#".contains(*c))
                .collect();
            format!("/{kept}")
        }
        None => {
            let mut path: String = input
                .segments
                .iter()
                .map(|s| format!("/{}", component(s)))
                .collect();
            if input.trailing_slash || path.is_empty() {
                path.push('/');
            }
            path
        }
    };
    let query = match &input.raw_query {
        Some(raw) => raw
            .chars()
            .filter(|c| c.is_ascii_graphic() && *c != '#')
            .collect(),
        None => input
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", component(k), component(v)))
            .collect::<Vec<_>>()
            .join("&"),
    };
    let authority = "hss.cn-north-4.example.com:8443";
    let url = if query.is_empty() {
        format!("https://{authority}{path}")
    } else {
        format!("https://{authority}{path}?{query}")
    };

    let mut headers: Vec<(String, String)> = Vec::new();
    if let Some(content_type) = input.content_type {
        let value = match content_type {
            ContentType::Json => "application/json",
            ContentType::JsonUtf8 => "application/json;charset=UTF-8",
            ContentType::Bson => "application/bson",
            ContentType::Multipart => "multipart/form-data; boundary=x",
            ContentType::Octet => "application/octet-stream",
            ContentType::Text => "text/plain",
        };
        headers.push(("Content-Type".into(), value.into()));
    }
    for (name, value) in &input.headers {
        if let Some(name) = header_name(name) {
            if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
                headers.push((name, header_value(value)));
            }
        }
    }
    let mut credentials = AkSk::new(input.ak.clone(), input.sk.clone());
    let token = input.token.as_deref().map(header_value);
    if let Some(token) = &token {
        credentials = credentials.with_security_token(token.clone());
    }
    let borrowed: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let date = UNIX_EPOCH + Duration::from_secs(u64::from(input.seconds));
    let result = signing::sign(
        method,
        &url,
        &borrowed,
        input.body.as_deref(),
        &credentials,
        date,
    );
    let signed = match result {
        Ok(signed) => signed,
        Err(_) => {
            assert!(
                input.ak.is_empty() || input.sk.is_empty(),
                "refused a signable request: {url}"
            );
            return;
        }
    };
    assert!(
        !input.ak.is_empty() && !input.sk.is_empty(),
        "signed with an empty AK or SK"
    );
    let path_only = path.as_str();
    let expected = model(
        method,
        authority,
        path_only,
        &query,
        &headers,
        input.body.as_deref(),
        &input.ak,
        &input.sk,
        token.as_deref(),
        u64::from(input.seconds),
    );
    assert_eq!(
        signed.canonical_request, expected.canonical_request,
        "canonical request of {url}"
    );
    assert_eq!(signed.authorization, expected.authorization);
    assert_eq!(
        signed.headers.last().map(|(n, v)| (n.as_str(), v.as_str())),
        Some(("Authorization", expected.authorization.as_str()))
    );
});
