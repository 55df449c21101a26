//! What a server sends back, decoded: success bodies into the HSS client's
//! types with the decoder generated code calls (strict, then converting
//! mismatched scalars), and error bodies through the
//! Huawei and common error parsers into a `ServiceError`.
//!
//! Holds: no panic; a decoded body serializes and decodes back to itself; an
//! error always has a code and a message, and its `Display` has no raw
//! control characters (no forged log lines).

#![no_main]

use std::fmt::Debug;

use clientgen_runtime::huawei::HuaweiErrors;
use clientgen_runtime::private::json;
use clientgen_runtime::{CommonErrors, ErrorParser, ServiceError};
use huaweicloud_hss::types;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(body: &[u8]) {
    if let Ok(value) = json::<T>(body) {
        let again = serde_json::to_vec(&value).expect("a decoded value serializes");
        let back: T = json(&again).expect("what was serialized decodes");
        assert_eq!(value, back);
    }
}

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (400 + u16::from_be_bytes([*a, *b]) % 200, rest),
        _ => (500, data),
    };
    round_trip::<types::CreateTaskResponseBody>(body);
    round_trip::<types::ListTasksResponseBody>(body);
    round_trip::<types::ListTaskResourcesResponseBody>(body);
    round_trip::<types::ShowTaskStatisticsResponseBody>(body);
    round_trip::<types::ErrorResponse>(body);
    for parser in [&HuaweiErrors as &dyn ErrorParser, &CommonErrors] {
        let error = ServiceError::from_response(status, Some("r\n1".into()), body, parser);
        assert!(!error.code.is_empty() && error.status == status);
        assert!(error.message.chars().count() <= 64 * 1024 || parser.parse(body).message.is_some());
        let shown = error.to_string();
        assert!(
            !shown.chars().any(char::is_control),
            "control character in {shown:?}"
        );
    }
});
