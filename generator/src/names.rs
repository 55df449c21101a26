//! Turning arbitrary spec strings into valid, readable, unique Rust names.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Words Rust reserves; a snake-case name equal to one is written raw (`r#type`).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Prelude and std names that generated code uses unqualified; types may not shadow them.
/// Runtime items every generated crate re-exports at its root.
pub const ROOT_EXPORTS: &[&str] = &[
    "BuildError",
    "Error",
    "Hook",
    "HookError",
    "HookRequest",
    "HookResponse",
    "HttpSettings",
    "InvalidInput",
    "Response",
    "RetryPolicy",
    "ServiceError",
];
/// Re-exported at the root when the API declares a security scheme.
pub const AUTH_EXPORTS: &[&str] = &["Secret"];
/// Re-exported at the root when an operation pages.
pub const PAGING_EXPORTS: &[&str] = &["Items", "Pages"];
/// Re-exported at the root from the Huawei module, when the API signs so.
pub const HUAWEI_EXPORTS: &[&str] = &["AkSk", "Credentials"];
/// Items the crate root defines itself.
pub const ROOT_ITEMS: &[&str] = &["Client", "ClientBuilder", "USER_AGENT"];

/// Every type name the root of some generated crate may hold besides the
/// region enum: the one list the region enum's name is checked against.
pub fn root_names() -> impl Iterator<Item = &'static str> {
    ROOT_EXPORTS
        .iter()
        .chain(AUTH_EXPORTS)
        .chain(PAGING_EXPORTS)
        .chain(HUAWEI_EXPORTS)
        .chain(ROOT_ITEMS)
        .copied()
}

pub const PRELUDE_TYPES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "Unpin",
    "Vec",
];

/// Keywords that cannot be raw identifiers; they get a trailing `_`.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self"];

/// Rewrites `s` into ASCII words: signs before digits become words, other
/// symbols separate words, non-ASCII characters become their code points.
fn ascii_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let before_digit = chars.peek().is_some_and(|n| n.is_ascii_digit());
        match c {
            '+' if before_digit => out.push_str(" plus "),
            '-' if before_digit && out.trim().is_empty() => out.push_str(" minus "),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_ascii() => out.push(' '),
            c => out.push_str(&format!(" u{:x} ", c as u32)),
        }
    }
    out
}

/// A type or variant name: `cluster_scan` → `ClusterScan`.
pub fn camel(s: &str) -> String {
    let name = ascii_words(s).to_upper_camel_case();
    let name = if name.is_empty() {
        "Value".to_owned()
    } else {
        name
    };
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("N{name}")
    } else {
        name
    };
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// A field, method or module name: `scanTypeList` → `scan_type_list`;
/// keywords become raw (`r#type`).
pub fn snake(s: &str) -> String {
    let name = ascii_words(s).to_snake_case();
    let name = if name.is_empty() {
        "value".to_owned()
    } else {
        name
    };
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{name}")
    } else {
        name
    };
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The name without a raw prefix, for building derived names such as `with_type`.
pub fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// An identifier token for a name made by [`camel`] or [`snake`].
///
/// Names are made valid before they get here; a name that is not (a bug)
/// still becomes an identifier rather than a panic.
pub fn ident(name: &str) -> Ident {
    let valid = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && s != "_"
    };
    match name.strip_prefix("r#") {
        Some(raw) if valid(raw) && !NOT_RAW.contains(&raw) => {
            Ident::new_raw(raw, Span::call_site())
        }
        None if valid(name) => Ident::new(name, Span::call_site()),
        _ => {
            let cleaned: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            Ident::new(&format!("invalid_{cleaned}"), Span::call_site())
        }
    }
}

/// Names already taken in one namespace; new names get a numeric suffix.
#[derive(Debug, Default, Clone)]
pub struct Namespace {
    taken: BTreeSet<String>,
}

impl Namespace {
    /// A namespace with `reserved` names already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Namespace {
            taken: reserved.iter().map(|s| fold(s)).collect(),
        }
    }

    /// Claims `name`, or `name2`, `name3`, … if taken. Comparison ignores
    /// case and underscores, so `FooBar` and `Foobar` never both appear.
    pub fn claim(&mut self, name: &str) -> String {
        let mut candidate = name.to_owned();
        let mut n = 2;
        while self.taken.contains(&fold(&candidate)) {
            candidate = if let Some(raw) = name.strip_prefix("r#") {
                format!("{raw}{n}")
            } else if name.ends_with(|c: char| c.is_ascii_digit()) {
                format!("{name}_{n}")
            } else {
                format!("{name}{n}")
            };
            n += 1;
        }
        self.taken.insert(fold(&candidate));
        candidate
    }
}

fn fold(name: &str) -> String {
    bare(name).replace('_', "").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_cases() {
        assert_eq!(camel("cluster_scan"), "ClusterScan");
        assert_eq!(camel("200"), "N200");
        assert_eq!(camel("+1"), "Plus1");
        assert_eq!(camel("-1"), "Minus1");
        assert_eq!(camel("Self"), "Self_");
        assert_eq!(camel(""), "Value");
        assert_eq!(camel("ü"), "Ufc");
    }

    #[test]
    fn snake_cases() {
        assert_eq!(snake("scanTypeList"), "scan_type_list");
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("2fa"), "n2fa");
        assert_eq!(snake("X-Auth-Token"), "x_auth_token");
        assert_eq!(snake("$$$"), "value");
    }

    #[test]
    fn namespace_suffixes() {
        let mut ns = Namespace::default();
        assert_eq!(ns.claim("FooBar"), "FooBar");
        assert_eq!(ns.claim("Foobar"), "Foobar2");
        assert_eq!(ns.claim("r#type"), "r#type");
        assert_eq!(ns.claim("r#type"), "type2");
        assert_eq!(ns.claim("v1"), "v1");
        assert_eq!(ns.claim("v1"), "v1_2");
        let mut reserved = Namespace::with_reserved(&["Option", "additional_properties"]);
        assert_eq!(reserved.claim("Option"), "Option2");
        assert_eq!(
            reserved.claim("additionalProperties"),
            "additionalProperties2"
        );
    }
}
