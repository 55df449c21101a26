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

/// What RFC 6265 does not allow in a cookie value, and `%` so encoding is reversible.
const COOKIE_RESERVED: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// A cookie value with only the characters a cookie cannot hold encoded.
pub fn cookie_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    out.extend(utf8_percent_encode(value, COOKIE_RESERVED));
    out
}

/// Encodes one value so it can stand as one path segment or query component.
pub fn component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_component(&mut out, value);
    out
}

/// Appends `value` encoded as by [`component`]; chunks are copied as they
/// come, without the formatting machinery `to_string` goes through.
pub fn push_component(out: &mut String, value: &str) {
    if value.bytes().all(is_unreserved) {
        out.push_str(value);
    } else {
        out.extend(utf8_percent_encode(value, UNRESERVED));
    }
}

/// `A-Z a-z 0-9 - . _ ~`: the bytes [`UNRESERVED`] leaves bare.
pub fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
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

    /// `k=v&k2=v2`, sorted by name (values of one name keep their order),
    /// each part percent-encoded. Signers sort again by value, as the server
    /// does, so the caller's order for repeated names can stay on the wire.
    pub fn to_canonical_string(&self) -> String {
        let mut out = String::new();
        self.write_canonical(&mut out);
        out
    }

    /// Appends [`to_canonical_string`](Self::to_canonical_string) to `out`.
    pub fn write_canonical(&self, out: &mut String) {
        let mut sorted: Vec<&(String, String)> = self.pairs.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for (i, (name, value)) in sorted.into_iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            push_component(out, name);
            out.push('=');
            push_component(out, value);
        }
    }
}

/// How a structured query parameter is written (OpenAPI `style` and `explode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `form`, exploded: `tag=a&tag=b`, an object as `key=value` pairs.
    Form,
    /// `form`, not exploded: `tag=a,b`, an object as `name=key,value,…`.
    FormCompact,
    /// `spaceDelimited`: `tag=a b`.
    SpaceDelimited,
    /// `pipeDelimited`: `tag=a|b`.
    PipeDelimited,
    /// `deepObject`: `name[key]=value`.
    DeepObject,
}

impl Query {
    /// Adds a structured parameter (array, object, map, union) in `style`;
    /// `null` values are left out.
    pub fn push_styled<T: serde::Serialize>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
    ) -> Result<(), super::error::InvalidInput> {
        let value = serde_json::to_value(value)
            .map_err(|e| super::validate::invalid(name, format!("cannot be serialized: {e}")))?;
        let joiner = match style {
            Style::SpaceDelimited => Some(" "),
            Style::PipeDelimited => Some("|"),
            Style::FormCompact => Some(","),
            Style::Form | Style::DeepObject => None,
        };
        match (&value, joiner) {
            (serde_json::Value::Null, _) => {}
            (serde_json::Value::Array(items), None) => {
                for item in items.iter().filter(|i| !i.is_null()) {
                    self.push(name, scalar_text(item));
                }
            }
            (serde_json::Value::Array(items), Some(joiner)) => {
                let parts: Vec<String> = items.iter().map(scalar_text).collect();
                self.push(name, parts.join(joiner));
            }
            (serde_json::Value::Object(_), _) if style == Style::DeepObject => {
                self.push_deep(name, &value, 0);
            }
            (serde_json::Value::Object(map), None) => {
                for (key, item) in map.iter().filter(|(_, i)| !i.is_null()) {
                    match item {
                        serde_json::Value::Array(items) => {
                            for inner in items.iter().filter(|i| !i.is_null()) {
                                self.push(key, scalar_text(inner));
                            }
                        }
                        other => self.push(key, scalar_text(other)),
                    }
                }
            }
            (serde_json::Value::Object(map), Some(joiner)) => {
                let parts: Vec<String> = map
                    .iter()
                    .flat_map(|(k, v)| [k.clone(), scalar_text(v)])
                    .collect();
                self.push(name, parts.join(joiner));
            }
            (scalar, _) => self.push(name, scalar_text(scalar)),
        }
        Ok(())
    }
}

impl Query {
    /// `name[key][inner]=value` for nested objects; arrays repeat the key.
    fn push_deep(&mut self, name: &str, value: &serde_json::Value, depth: usize) {
        match value {
            serde_json::Value::Null => {}
            // Nesting deeper than real APIs use travels as JSON text.
            serde_json::Value::Object(map) if depth < 16 => {
                for (key, item) in map {
                    self.push_deep(&format!("{name}[{key}]"), item, depth + 1);
                }
            }
            serde_json::Value::Array(items) if depth < 16 => {
                for item in items {
                    self.push_deep(name, item, depth + 1);
                }
            }
            other => self.push(name, scalar_text(other)),
        }
    }
}

/// A structured value as one path, header or cookie value (`simple` style):
/// arrays as `a,b`, objects as `k,v,k2,v2` (or `k=v,k2=v2` exploded).
pub fn simple<T: serde::Serialize>(value: &T, explode: bool) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Array(items)) => {
            items.iter().map(scalar_text).collect::<Vec<_>>().join(",")
        }
        Ok(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                if explode {
                    format!("{k}={}", scalar_text(v))
                } else {
                    format!("{k},{}", scalar_text(v))
                }
            })
            .collect::<Vec<_>>()
            .join(","),
        Ok(other) => scalar_text(&other),
        Err(_) => String::new(),
    }
}

/// Strings as they are, `null` as nothing, anything else as JSON text.
pub fn scalar_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `application/x-www-form-urlencoded` bytes of a serializable object:
/// arrays repeat their key, nested objects use `key[inner]` names.
pub fn form<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, super::error::InvalidInput> {
    let value = serde_json::to_value(value)
        .map_err(|e| super::validate::invalid("body", format!("cannot be serialized: {e}")))?;
    let mut fields = Query::new();
    match &value {
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                fields.push_deep(key, item, 0);
            }
        }
        other => fields.push_deep("body", other, 0),
    }
    // Form fields keep their order; only query strings are sorted.
    let text = fields
        .pairs()
        .iter()
        .map(|(k, v)| format!("{}={}", component(k), component(v)))
        .collect::<Vec<_>>()
        .join("&");
    Ok(text.into_bytes())
}

/// A `multipart/form-data` body under construction.
#[derive(Debug, Clone)]
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Default for Multipart {
    fn default() -> Self {
        Self::new()
    }
}

impl Multipart {
    /// An empty body with a random boundary.
    pub fn new() -> Self {
        let boundary: String = std::iter::repeat_with(fastrand::alphanumeric)
            .take(32)
            .collect();
        Multipart {
            boundary: format!("clientgen-{boundary}"),
            body: Vec::new(),
        }
    }

    /// Adds a text field.
    pub fn text(&mut self, name: &str, value: &str) {
        self.part(name, None, "text/plain; charset=utf-8", value.as_bytes());
    }

    /// Adds a file field.
    pub fn file(&mut self, name: &str, file_name: &str, bytes: &[u8]) {
        self.part(name, Some(file_name), "application/octet-stream", bytes);
    }

    /// Adds any serializable field: strings as text, the rest as JSON.
    pub fn value<T: serde::Serialize>(&mut self, name: &str, value: &T) {
        let text = serde_json::to_value(value)
            .map(|v| scalar_text(&v))
            .unwrap_or_default();
        self.text(name, &text);
    }

    fn part(&mut self, name: &str, file_name: Option<&str>, content_type: &str, bytes: &[u8]) {
        let quote = |s: &str| {
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace(['\r', '\n'], " ")
        };
        let mut head = format!(
            "--{}\r\nContent-Disposition: form-data; name=\"{}\"",
            self.boundary,
            quote(name)
        );
        if let Some(file_name) = file_name {
            head.push_str(&format!("; filename=\"{}\"", quote(file_name)));
        }
        head.push_str(&format!("\r\nContent-Type: {content_type}\r\n\r\n"));
        self.body.extend_from_slice(head.as_bytes());
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
    }

    /// The content type (with boundary) and the finished body.
    pub fn finish(mut self) -> (String, Vec<u8>) {
        self.body
            .extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        (
            format!("multipart/form-data; boundary={}", self.boundary),
            self.body,
        )
    }
}
