//! Percent-encoding of path segments and query strings.
//!
//! Only the unreserved characters `A-Z a-z 0-9 - . _ ~` travel bare; everything
//! else, `/` inside a path value included, is encoded as UTF-8 bytes in
//! upper-case hex. The query is sent sorted, so the wire form is also the
//! canonical form that request signing needs.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Every byte except the unreserved characters is encoded.
pub const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes one value so it can stand as one path segment or query component.
pub fn component(value: &str) -> String {
    utf8_percent_encode(value, UNRESERVED).to_string()
}

/// Encodes a path parameter. `.` and `..` are refused: URL normalization
/// would remove them and send the request elsewhere.
pub fn path_segment(name: &str, value: &str) -> Result<String, super::error::InvalidInput> {
    if value == "." || value == ".." {
        return Err(super::validate::invalid(
            name,
            "cannot be `.` or `..` in a path",
        ));
    }
    Ok(component(value))
}

/// Query parameters in the order they were added; rendered sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `name=value`; a name may repeat.
    pub fn push(&mut self, name: &str, value: impl ToString) {
        self.pairs.push((name.to_owned(), value.to_string()));
    }

    /// True when no parameter was added.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The decoded pairs as added.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// `k=v&k2=v2`, sorted by name then value, each part percent-encoded.
    pub fn to_canonical_string(&self) -> String {
        let mut sorted: Vec<&(String, String)> = self.pairs.iter().collect();
        sorted.sort();
        let mut out = String::new();
        for (name, value) in sorted {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(&component(name));
            out.push('=');
            out.push_str(&component(value));
        }
        out
    }
}
