//! `SDK-HMAC-SHA256` request signing, step for step as the official Huawei
//! Cloud SDKs do it, usable on its own for requests a client does not cover.
//!
//! ```text
//! canonical request = METHOD \n canonical URI \n canonical query \n
//!                     canonical headers \n signed headers \n payload hash
//! string to sign    = SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(canonical request))
//! Authorization     = SDK-HMAC-SHA256 Access=AK, SignedHeaders=h1;h2, Signature=hex(hmac(SK, string to sign))
//! ```

use std::borrow::Cow;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::Mac;
use percent_encoding::percent_decode_str;
use sha2::{Digest, Sha256};

use super::super::encode::{is_unreserved, push_component};
use super::super::SignError;
use super::AkSk;

/// The algorithm name that starts the string to sign and the Authorization header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// Payload hash used, and announced in `X-Sdk-Content-Sha256`, for bodies that are not JSON.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// A signed request: the headers to add and the intermediate strings, for
/// checking against a server's view.
#[derive(Clone, PartialEq, Eq)]
pub struct Signed {
    /// Headers to add to the request, in this order; `Authorization` is last.
    pub headers: Vec<(String, String)>,
    /// The canonical request that was hashed. It holds every signed header
    /// value, `X-Security-Token` included: treat it as a secret.
    pub canonical_request: String,
    /// The string that was signed.
    pub string_to_sign: String,
    /// The lower-case names of the signed headers, sorted.
    pub signed_headers: Vec<String>,
    /// The `Authorization` header value.
    pub authorization: String,
}

impl fmt::Debug for Signed {
    // The signature is not a secret, but nothing here needs printing whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signed")
            .field("signed_headers", &self.signed_headers)
            .finish_non_exhaustive()
    }
}

/// Signs a request.
///
/// - `url`: the absolute URL exactly as it will be sent, path and query
///   percent-encoded; the query must already be in canonical order (the
///   client renders it so), because the
///   server signs what it receives;
/// - `headers`: every header that will be sent at signing time (e.g.
///   `Content-Type`, `User-Agent`, `X-Project-Id`); names containing `_` are
///   not signed. `Host` is added from the URL when missing;
/// - `body`: the exact body bytes, `None` for no body;
/// - `date`: the signing time, sent as `X-Sdk-Date` (must be fresh for each attempt).
///
/// The returned headers (`X-Security-Token` for temporary credentials,
/// `X-Sdk-Content-Sha256` for non-JSON bodies, `X-Sdk-Date`, `Host` when it
/// was missing, then `Authorization`) must all be added to the request.
pub fn sign(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
    credentials: &AkSk,
    date: SystemTime,
) -> Result<Signed, SignError> {
    let mut signed_headers = Vec::new();
    let parts = sign_parts(
        method,
        url,
        headers,
        body,
        credentials,
        date,
        Some(&mut signed_headers),
    )?;
    let mut headers: Vec<(String, String)> = parts
        .added
        .into_iter()
        .flatten()
        .map(|(name, value)| (name.wire.to_owned(), value.into_owned()))
        .collect();
    headers.push((AUTHORIZATION.wire.to_owned(), parts.authorization.clone()));
    Ok(Signed {
        headers,
        canonical_request: parts.canonical_request,
        string_to_sign: parts.string_to_sign,
        signed_headers,
        authorization: parts.authorization,
    })
}

/// A header the signer adds: its name as sent and as signed.
#[derive(Clone, Copy)]
pub(super) struct Added {
    pub wire: &'static str,
    pub lower: &'static str,
}

const TOKEN: Added = Added {
    wire: "X-Security-Token",
    lower: "x-security-token",
};
const CONTENT_SHA256: Added = Added {
    wire: "X-Sdk-Content-Sha256",
    lower: "x-sdk-content-sha256",
};
const DATE: Added = Added {
    wire: "X-Sdk-Date",
    lower: "x-sdk-date",
};
const HOST: Added = Added {
    wire: "Host",
    lower: "host",
};
pub(super) const AUTHORIZATION: Added = Added {
    wire: "Authorization",
    lower: "authorization",
};

/// What signing produces, borrowing from its inputs where it can.
pub(super) struct Parts<'a> {
    /// Headers to add before `Authorization`, in this order: security
    /// token, content hash, date, host, each when needed.
    pub added: [Option<(Added, Cow<'a, str>)>; 4],
    pub canonical_request: String,
    pub string_to_sign: String,
    pub authorization: String,
}

/// The signer proper: every piece written once into a buffer sized up front.
/// `names` receives the signed header names when the caller wants them.
pub(super) fn sign_parts<'a>(
    method: &str,
    url: &'a str,
    headers: &[(&'a str, &'a str)],
    body: Option<&[u8]>,
    credentials: &'a AkSk,
    date: SystemTime,
    names: Option<&mut Vec<String>>,
) -> Result<Parts<'a>, SignError> {
    let (ak, sk) = (credentials.ak(), credentials.sk().expose());
    if ak.is_empty() || sk.is_empty() {
        return Err(SignError::new("the AK and SK must not be empty"));
    }
    let (authority, path, query) = split_url(url)?;
    let find = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    };
    let unsigned = find("content-type").is_some_and(|ct| {
        !(ct.starts_with("application/json") || ct.starts_with("application/bson"))
    });
    // Headers the caller already set are reused, as the SDKs reuse them.
    let content_hash = find("x-sdk-content-sha256");
    let given_date = find("x-sdk-date").map(str::trim);
    let token = credentials.security_token();
    let added = [
        token.map(|token| (TOKEN, Cow::Borrowed(token.expose()))),
        (unsigned && content_hash.is_none())
            .then_some((CONTENT_SHA256, Cow::Borrowed(UNSIGNED_PAYLOAD))),
        given_date
            .is_none()
            .then(|| (DATE, Cow::Owned(sdk_date(date)))),
        find("host")
            .is_none()
            .then_some((HOST, Cow::Borrowed(authority))),
    ];

    let mut canonical: Vec<(Cow<str>, &str)> = Vec::with_capacity(headers.len() + added.len());
    let all = headers
        .iter()
        .map(|(name, value)| (lower(name), value.trim()));
    let all = all.chain(
        added
            .iter()
            .flatten()
            .map(|(n, v)| (Cow::Borrowed(n.lower), v.trim())),
    );
    canonical.extend(all.filter(|(name, _)| !name.contains('_')));
    canonical.sort_by(|a, b| a.0.cmp(&b.0));
    canonical.dedup_by(|later, earlier| later.0 == earlier.0);
    if let Some(names) = names {
        names.extend(canonical.iter().map(|(n, _)| n.clone().into_owned()));
    }

    let headers_len: usize = canonical
        .iter()
        .map(|(n, v)| 2 * n.len() + v.len() + 2)
        .sum();
    let mut out = String::with_capacity(method.len() + path.len() + query.len() + headers_len + 80);
    out.push_str(method);
    out.make_ascii_uppercase();
    out.push('\n');
    push_canonical_uri(&mut out, path);
    out.push('\n');
    push_canonical_query(&mut out, query);
    out.push('\n');
    for (name, value) in &canonical {
        out.push_str(name);
        out.push(':');
        out.push_str(value);
        out.push('\n');
    }
    out.push('\n');
    let list_start = out.len();
    for (i, (name, _)) in canonical.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(name);
    }
    let list = list_start..out.len();
    out.push('\n');
    match (body, content_hash) {
        (None | Some([]), _) => out.push_str(EMPTY_SHA256),
        (Some(_), Some(given)) => out.push_str(given),
        (Some(_), None) if unsigned => out.push_str(UNSIGNED_PAYLOAD),
        (Some(bytes), None) => push_hex(&mut out, &Sha256::digest(bytes)),
    }

    let generated_date = added[2].as_ref().map(|(_, value)| value.as_ref()); // the date slot
    let sdk_date = given_date.or(generated_date).unwrap_or_default();
    let mut string_to_sign = String::with_capacity(ALGORITHM.len() + sdk_date.len() + 66);
    string_to_sign.push_str(ALGORITHM);
    string_to_sign.push('\n');
    string_to_sign.push_str(sdk_date);
    string_to_sign.push('\n');
    push_hex(&mut string_to_sign, &Sha256::digest(out.as_bytes()));
    let mut mac = credentials
        .keyed()
        .ok_or_else(|| SignError::new("the SK cannot be used as an HMAC key"))?;
    mac.update(string_to_sign.as_bytes());

    let mut authorization = String::with_capacity(ALGORITHM.len() + ak.len() + list.len() + 110);
    authorization.push_str(ALGORITHM);
    authorization.push_str(" Access=");
    authorization.push_str(ak);
    authorization.push_str(", SignedHeaders=");
    authorization.push_str(&out[list]);
    authorization.push_str(", Signature=");
    push_hex(&mut authorization, &mac.finalize().into_bytes());
    Ok(Parts {
        added,
        canonical_request: out,
        string_to_sign,
        authorization,
    })
}

/// SHA-256 of no bytes, the payload hash of a request without a body.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The name lower-cased, borrowed when it already is (as `http` names are).
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// `/v5/a%2Fb/task` → `/v5/a/b/task/`: decoded, split on `/`, each segment
/// re-encoded, always ending in `/`.
pub fn canonical_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    push_canonical_uri(&mut out, path);
    out
}

fn push_canonical_uri(out: &mut String, path: &str) {
    let start = out.len();
    // The client's paths are already in this form: copied as they are.
    if path.bytes().all(|b| b == b'/' || is_unreserved(b)) {
        out.push_str(path);
    } else {
        for (i, segment) in decode(path).split('/').enumerate() {
            if i > 0 {
                out.push('/');
            }
            push_component(out, segment);
        }
    }
    if !out[start..].ends_with('/') {
        out.push('/');
    }
}

/// `b=2&a=1` → `a=1&b=2`: pairs decoded, sorted by name then value, re-encoded.
pub fn canonical_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    push_canonical_query(&mut out, query);
    out
}

fn push_canonical_query(out: &mut String, query: &str) {
    if query.is_empty() {
        return;
    }
    let mut pairs: Vec<(Cow<str>, Cow<str>)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect();
    pairs.sort();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        push_component(out, k);
        out.push('=');
        push_component(out, v);
    }
}

/// Percent-decoded, lossily; borrowed when there is nothing to decode.
fn decode(text: &str) -> Cow<'_, str> {
    if text.contains('%') {
        percent_decode_str(text).decode_utf8_lossy()
    } else {
        Cow::Borrowed(text)
    }
}

/// `YYYYMMDDTHHMMSSZ` in UTC, the `X-Sdk-Date` format.
pub fn sdk_date(time: SystemTime) -> String {
    let mut out = String::with_capacity(16);
    push_sdk_date(&mut out, time);
    out
}

fn push_sdk_date(out: &mut String, time: SystemTime) {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    let y = y as u64;
    if y > 9999 {
        // More than four digits, as `{:04}` writes them.
        out.push_str(&y.to_string());
    } else {
        out.push_str(two_digits(y / 100));
        out.push_str(two_digits(y % 100));
    }
    for (i, n) in [
        u64::from(m),
        u64::from(d),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
    ]
    .into_iter()
    .enumerate()
    {
        if i == 2 {
            out.push('T');
        }
        out.push_str(two_digits(n));
    }
    out.push('Z');
}

/// `n` (below 100) as two decimal digits.
fn two_digits(n: u64) -> &'static str {
    const DIGITS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    let i = (n as usize % 100) * 2;
    &DIGITS[i..i + 2]
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (H. Hinnant's algorithm); a dependency for one date format is not worth it.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn split_url(url: &str) -> Result<(&str, &str, &str), SignError> {
    let rest = url
        .split_once("://")
        .map(|(_, rest)| rest)
        .ok_or_else(|| SignError::new(format!("`{url}` is not an absolute URL")))?;
    let rest = rest.split('#').next().unwrap_or_default();
    let path_start = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..path_start];
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if authority.is_empty() {
        return Err(SignError::new(format!("`{url}` has no host")));
    }
    let (path, query) = rest[path_start..]
        .split_once('?')
        .unwrap_or((&rest[path_start..], ""));
    let path = if path.is_empty() { "/" } else { path };
    Ok((authority, path, query))
}

/// Appends a digest in lower-case hex: one table lookup per byte, no
/// formatting machinery.
fn push_hex(out: &mut String, digest: &[u8]) {
    let mut buf = [0u8; 64];
    for (pair, &byte) in buf.chunks_exact_mut(2).zip(digest) {
        pair.copy_from_slice(&HEX[usize::from(byte)]);
    }
    let len = 2 * digest.len().min(32);
    // Hex digits are ASCII: this never fails.
    out.push_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
}

/// The two lower-case hex digits of every byte.
const HEX: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut table = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = [DIGITS[i >> 4], DIGITS[i & 0x0f]];
        i += 1;
    }
    table
};
