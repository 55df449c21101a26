//! Authentication as the API gateway checks it: an `X-Auth-Token`, or an
//! `SDK-HMAC-SHA256` signature recomputed over the request as received.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hyper::http::request::Parts;

use super::errors::ApiError;
use crate::runtime::huawei::signing::{self, ALGORITHM};
use crate::runtime::huawei::AkSk;

/// How far `X-Sdk-Date` may be from the fake's clock, as the gateway allows.
const MAX_CLOCK_SKEW: Duration = Duration::from_secs(15 * 60);

/// The credentials the fake accepts.
#[derive(Clone)]
pub(super) struct Identity {
    pub(super) ak: String,
    pub(super) sk: String,
    pub(super) token: String,
}

/// Accepts the request when its token or signature is the fake's.
/// `path_project` is the `project_id` of the path.
pub(super) fn check(
    identity: &Identity,
    parts: &Parts,
    body: &[u8],
    path_project: &str,
) -> Result<(), ApiError> {
    if let Some(authorization) = header(parts, "authorization") {
        return check_signature(identity, parts, &authorization, body, path_project);
    }
    match header(parts, "x-auth-token") {
        Some(token) if token == identity.token => Ok(()),
        Some(_) => Err(ApiError::unauthorized("the token is not valid")),
        None => Err(ApiError::unauthorized(
            "neither Authorization nor X-Auth-Token is present",
        )),
    }
}

fn check_signature(
    identity: &Identity,
    parts: &Parts,
    authorization: &str,
    body: &[u8],
    path_project: &str,
) -> Result<(), ApiError> {
    let fields = AuthorizationFields::parse(authorization)
        .ok_or_else(|| ApiError::unauthorized("the Authorization header is malformed"))?;
    if fields.access != identity.ak {
        return Err(ApiError::unauthorized("the access key is not known"));
    }
    let date_text = header(parts, "x-sdk-date")
        .ok_or_else(|| ApiError::unauthorized("X-Sdk-Date is required"))?;
    let date = parse_sdk_date(&date_text)
        .ok_or_else(|| ApiError::unauthorized("X-Sdk-Date is not YYYYMMDDTHHMMSSZ"))?;
    let now = SystemTime::now();
    let skew = now
        .duration_since(date)
        .or_else(|_| date.duration_since(now))
        .unwrap_or_default();
    if skew > MAX_CLOCK_SKEW {
        return Err(ApiError::unauthorized(
            "X-Sdk-Date is more than 15 minutes away",
        ));
    }
    // The headers the client says it signed, with the values received.
    let mut signed_headers: Vec<(String, String)> = Vec::new();
    for name in fields.signed_headers.split(';').filter(|n| !n.is_empty()) {
        let value = header(parts, name).ok_or_else(|| {
            ApiError::unauthorized(&format!("the signed header {name} is missing"))
        })?;
        signed_headers.push((name.to_owned(), value));
    }
    let borrowed: Vec<(&str, &str)> = signed_headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let host = header(parts, "host").unwrap_or_default();
    let path_and_query = parts
        .uri
        .path_and_query()
        .map(|pq| pq.as_str())
        .unwrap_or("/");
    let url = format!("http://{host}{path_and_query}");
    let pair = AkSk::new(identity.ak.clone(), identity.sk.clone());
    let body = (!body.is_empty()).then_some(body);
    let expected = signing::sign(parts.method.as_str(), &url, &borrowed, body, &pair, date)
        .map_err(|e| ApiError::unauthorized(&e.to_string()))?;
    if expected.authorization != authorization.trim() {
        return Err(ApiError::unauthorized("verify aksk signature fail"));
    }
    match header(parts, "x-project-id") {
        Some(project) if project.trim() == path_project.trim() => Ok(()),
        Some(_) => Err(ApiError::unauthorized(
            "X-Project-Id differs from the project in the path",
        )),
        None => Err(ApiError::unauthorized("X-Project-Id is required")),
    }
}

/// The first value of header `name`, as text (lossy, as the signer reads it).
fn header(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get(name)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`.
struct AuthorizationFields {
    access: String,
    signed_headers: String,
}

impl AuthorizationFields {
    fn parse(value: &str) -> Option<Self> {
        let rest = value.trim().strip_prefix(ALGORITHM)?.strip_prefix(' ')?;
        let mut access = None;
        let mut signed_headers = None;
        let mut signature = None;
        for field in rest.split(',') {
            match field.trim().split_once('=')? {
                ("Access", v) => access = Some(v.to_owned()),
                ("SignedHeaders", v) => signed_headers = Some(v.to_owned()),
                ("Signature", v) => signature = Some(v),
                _ => return None,
            }
        }
        signature?;
        Some(AuthorizationFields {
            access: access?,
            signed_headers: signed_headers?,
        })
    }
}

/// `YYYYMMDDTHHMMSSZ` (UTC) as a time; `None` unless it is a real date
/// written exactly that way.
fn parse_sdk_date(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = (number(9..11)?, number(11..13)?, number(13..15)?);
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    let time = UNIX_EPOCH.checked_add(Duration::from_secs(u64::try_from(secs).ok()?))?;
    // Out-of-range fields (month 13, 25 o'clock) do not survive the round trip.
    (signing::sdk_date(time) == text).then_some(time)
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// (H. Hinnant's algorithm), the inverse of the signer's date formatting.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_dates_round_trip_and_nonsense_is_refused() {
        let time = UNIX_EPOCH + Duration::from_secs(1_764_288_000 + 3723);
        let text = signing::sdk_date(time);
        assert_eq!(parse_sdk_date(&text), Some(time));
        assert_eq!(parse_sdk_date("20250229T000000Z"), None);
        assert_eq!(parse_sdk_date("20251301T000000Z"), None);
        assert_eq!(parse_sdk_date("2025-01-01T0000Z"), None);
    }
}
