//! `SDK-HMAC-SHA256` request signing, step for step as the official Huawei
//! Cloud SDKs do it, usable on its own for requests a client does not cover.
//!
//! ```text
//! canonical request = METHOD \n canonical URI \n canonical query \n
//!                     canonical headers \n signed headers \n payload hash
//! string to sign    = SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(canonical request))
//! Authorization     = SDK-HMAC-SHA256 Access=AK, SignedHeaders=h1;h2, Signature=hex(hmac(SK, string to sign))
//! ```

use std::fmt::{self, Write as _};
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::percent_decode_str;
use sha2::{Digest, Sha256};

use super::super::encode::component;
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
    if credentials.ak().is_empty() || credentials.sk().expose().is_empty() {
        return Err(SignError::new("the AK and SK must not be empty"));
    }
    let (authority, path, query) = split_url(url)?;
    let sdk_date = sdk_date(date);
    let mut all: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let mut added: Vec<(String, String)> = Vec::new();
    if let Some(token) = credentials.security_token() {
        added.push(("X-Security-Token".into(), token.expose().to_owned()));
    }
    let content_type = find(&all, "content-type");
    let unsigned = content_type.is_some_and(|ct| {
        !(ct.starts_with("application/json") || ct.starts_with("application/bson"))
    });
    // Headers the caller already set are reused, as the SDKs reuse them.
    let content_hash = find(&all, "x-sdk-content-sha256").map(str::to_owned);
    if unsigned && content_hash.is_none() {
        added.push(("X-Sdk-Content-Sha256".into(), UNSIGNED_PAYLOAD.into()));
    }
    let sdk_date = match find(&all, "x-sdk-date") {
        Some(given) => given.trim().to_owned(),
        None => {
            added.push(("X-Sdk-Date".into(), sdk_date.clone()));
            sdk_date
        }
    };
    if find(&all, "host").is_none() {
        added.push(("Host".into(), authority.to_owned()));
    }
    all.extend(added.iter().cloned());

    let mut canonical: Vec<(String, String)> = all
        .iter()
        .filter(|(name, _)| !name.contains('_'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    canonical.sort_by(|a, b| a.0.cmp(&b.0));
    canonical.dedup_by(|later, earlier| later.0 == earlier.0);
    let signed_headers: Vec<String> = canonical.iter().map(|(n, _)| n.clone()).collect();
    let mut canonical_headers = String::new();
    for (name, value) in &canonical {
        let _ = writeln!(canonical_headers, "{name}:{value}");
    }
    let payload_hash = match (body, content_hash) {
        (None | Some([]), _) => hex(&Sha256::digest(b"")),
        (Some(_), Some(given)) => given,
        (Some(_), None) if unsigned => UNSIGNED_PAYLOAD.to_owned(),
        (Some(bytes), None) => hex(&Sha256::digest(bytes)),
    };
    let signed_list = signed_headers.join(";");
    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        method.to_ascii_uppercase(),
        canonical_uri(path),
        canonical_query(query),
        canonical_headers,
        signed_list,
        payload_hash
    );
    let string_to_sign = format!(
        "{ALGORITHM}\n{sdk_date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(credentials.sk().expose().as_bytes())
        .map_err(|_| SignError::new("the SK cannot be used as an HMAC key"))?;
    mac.update(string_to_sign.as_bytes());
    let signature = hex(&mac.finalize().into_bytes());
    let authorization = format!(
        "{ALGORITHM} Access={}, SignedHeaders={signed_list}, Signature={signature}",
        credentials.ak()
    );
    added.push(("Authorization".into(), authorization.clone()));
    Ok(Signed {
        headers: added,
        canonical_request,
        string_to_sign,
        signed_headers,
        authorization,
    })
}

/// `/v5/a%2Fb/task` → `/v5/a/b/task/`: decoded, split on `/`, each segment
/// re-encoded, always ending in `/`.
pub fn canonical_uri(path: &str) -> String {
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let mut out = decoded
        .split('/')
        .map(component)
        .collect::<Vec<_>>()
        .join("/");
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// `b=2&a=1` → `a=1&b=2`: pairs decoded, sorted by name then value, re-encoded.
pub fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
            (decode(k), decode(v))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", component(k), component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `YYYYMMDDTHHMMSSZ` in UTC, the `X-Sdk-Date` format.
pub fn sdk_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        (rest % 3600) / 60,
        rest % 60
    )
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

fn find<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}
