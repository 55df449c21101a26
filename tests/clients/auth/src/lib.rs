//! A client generated from `tests/fixtures/auth.yaml`: bearer, basic, API keys
//! in header, query and cookie, OAuth 2.0, and per-operation requirements.

#![forbid(unsafe_code)]
#![allow(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/auth.rs"));
