//! Item by item: added, removed or changed, and what that does to users.

use std::collections::BTreeMap;

use super::surface::{Check, Item, Kind};
use super::{Change, Class};

/// Changes between two surfaces; items inside an added or removed type or
/// operation are not listed on their own.
pub fn diff_surfaces(old: &BTreeMap<String, Item>, new: &BTreeMap<String, Item>) -> Vec<Change> {
    let mut changes = Vec::new();
    let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for path in keys {
        let (before, after) = (old.get(path), new.get(path));
        if before.is_none() && !parent_in(path, old) || after.is_none() && !parent_in(path, new) {
            continue;
        }
        let change = |class, change: &str, reason: &str| Change {
            class,
            item: path.clone(),
            change: change.to_owned(),
            reason: reason.to_owned(),
            old: before.map(|i| i.pointer.clone()),
            new: after.map(|i| i.pointer.clone()),
        };
        match (before, after) {
            (Some(o), None) => changes.push(change(
                Class::Breaking,
                &format!("{} removed", o.kind.word()),
                removed_reason(o.kind),
            )),
            (None, Some(n)) => {
                let (class, reason) = added(n);
                changes.push(change(class, &format!("{} added", n.kind.word()), reason));
            }
            (Some(o), Some(n)) => {
                for (class, what, reason) in changed(o, n) {
                    changes.push(change(class, &what, &reason));
                }
            }
            (None, None) => {}
        }
    }
    changes
}

/// True when the type or operation `path` belongs to exists in `items`
/// (or `path` is top-level).
fn parent_in(path: &str, items: &BTreeMap<String, Item>) -> bool {
    let parts: Vec<&str> = path.split("::").collect();
    match parts.as_slice() {
        ["types", name, _, ..] => items.contains_key(&format!("types::{name}")),
        ["operations", builder, "send"] => {
            let marker = format!("-> {builder}");
            items
                .values()
                .any(|i| i.kind == Kind::Operation && i.signature.ends_with(&marker))
        }
        ["operations", builder, _] => items.contains_key(&format!("operations::{builder}::send")),
        _ => true,
    }
}

fn removed_reason(kind: Kind) -> &'static str {
    match kind {
        Kind::Type => {
            "code that names the type no longer compiles (a rename is a removal and an addition)"
        }
        Kind::Field => "code that reads or sets the field no longer compiles",
        Kind::Variant | Kind::Value => "code that builds or matches the variant no longer compiles",
        Kind::Operation => "calls to the method no longer compile",
        Kind::Parameter | Kind::Body => "calls that set it no longer compile",
        Kind::Paging => "code that walks the pages no longer compiles",
        Kind::Client => "code that sets it no longer compiles",
        Kind::Conversion => "code that converts with `From`/`into` no longer compiles",
        Kind::DefaultEndpoint => "clients that set no endpoint must now set one",
        Kind::Constructor | Kind::Response => "code that uses it no longer compiles",
    }
}

fn added(item: &Item) -> (Class, &'static str) {
    match item.kind {
        Kind::Parameter | Kind::Body if item.required => (
            Class::Breaking,
            "it is required: calls that do not set it are refused before sending",
        ),
        Kind::Field => (
            Class::Compatible,
            "structs are #[non_exhaustive]; a required field changes `new` (listed on its own)",
        ),
        Kind::Variant | Kind::Value => (
            Class::Compatible,
            "the enum is #[non_exhaustive]: matches already have a wildcard arm",
        ),
        _ => (
            Class::Compatible,
            "nothing that compiled before is affected",
        ),
    }
}

fn changed(o: &Item, n: &Item) -> Vec<(Class, String, String)> {
    let mut out = Vec::new();
    let kind = n.kind.word();
    if o.signature != n.signature {
        let what = format!("{kind} changed from `{}` to `{}`", o.signature, n.signature);
        let (class, reason) = match n.kind {
            // A region whose id stays: only where its requests go changed.
            Kind::Value if o.position.is_some() && region_id(o) == region_id(n) => (
                Class::Compatible,
                "the same region, now at another endpoint; code compiles unchanged",
            ),
            // A different wire value under the same Rust name.
            Kind::Value => (
                Class::Breaking,
                "the same Rust variant now sends and matches another value",
            ),
            Kind::DefaultEndpoint => (
                Class::Compatible,
                "clients that set no endpoint now call the new one; code compiles unchanged",
            ),
            Kind::Operation if builder(o) == builder(n) => (
                Class::Compatible,
                "the same method and builder; only the HTTP method or path changed",
            ),
            Kind::Constructor => (Class::Breaking, "calls to `new` no longer compile"),
            Kind::Conversion => (
                Class::Compatible,
                "the conversion still exists, into another variant",
            ),
            _ => (
                Class::Breaking,
                "code written against the old type no longer compiles",
            ),
        };
        out.push((class, what, reason.to_owned()));
    }
    if o.required != n.required && matches!(n.kind, Kind::Parameter | Kind::Body) {
        out.push(if n.required {
            (
                Class::Breaking,
                format!("{kind} now required"),
                "calls that do not set it are refused before sending".to_owned(),
            )
        } else {
            (
                Class::Compatible,
                format!("{kind} now optional"),
                "calls that set it still do".to_owned(),
            )
        });
    }
    if o.checks != n.checks {
        let what = format!(
            "limits changed from {} to {}",
            limits(&o.checks),
            limits(&n.checks)
        );
        out.push(if tighter(&o.checks, &n.checks) {
            (
                Class::Breaking,
                what,
                "values that were sent before are now refused before sending".to_owned(),
            )
        } else {
            (
                Class::Compatible,
                what,
                "every value accepted before is still accepted".to_owned(),
            )
        });
    }
    if o.position != n.position && o.position.is_some() {
        out.push((
            Class::Breaking,
            format!("{kind} moved from position {} to {}", pos(o), pos(n)),
            "its discriminant changes: `as` casts and ordering give other results".to_owned(),
        ));
    }
    if o.deprecated != n.deprecated {
        let (what, reason) = if n.deprecated {
            (
                "now deprecated",
                "code using it compiles, with a deprecation warning",
            )
        } else {
            (
                "no longer deprecated",
                "code using it compiles without the warning",
            )
        };
        out.push((
            Class::Compatible,
            format!("{kind} {what}"),
            reason.to_owned(),
        ));
    }
    if out.is_empty() && o.doc != n.doc {
        out.push((
            Class::DocsOnly,
            "documentation changed".to_owned(),
            "only rustdoc changes".to_owned(),
        ));
    }
    out
}

/// `"cn-north-4"` of a region's `"cn-north-4" at https://…`.
fn region_id(item: &Item) -> &str {
    item.signature.split(" at ").next().unwrap_or_default()
}

fn pos(item: &Item) -> String {
    item.position.map_or("-".into(), |p| p.to_string())
}

fn builder(item: &Item) -> &str {
    item.signature.rsplit(" -> ").next().unwrap_or_default()
}

/// True when `new` refuses a value `old` accepted.
fn tighter(old: &[Check], new: &[Check]) -> bool {
    new.iter().any(|n| {
        let before = old.iter().find(|o| o.what == n.what);
        let low = |c: Option<&Check>| c.and_then(|c| c.low).unwrap_or((f64::NEG_INFINITY, false));
        let high = |c: Option<&Check>| c.and_then(|c| c.high).unwrap_or((f64::INFINITY, false));
        let (new_low, old_low) = (low(Some(n)), low(before));
        let (new_high, old_high) = (high(Some(n)), high(before));
        new_low.0 > old_low.0
            || new_low.0 == old_low.0 && new_low.1 && !old_low.1
            || new_high.0 < old_high.0
            || new_high.0 == old_high.0 && new_high.1 && !old_high.1
    })
}

fn limits(checks: &[Check]) -> String {
    if checks.is_empty() {
        return "none".to_owned();
    }
    let bound = |b: Option<(f64, bool)>| match b {
        None => String::new(),
        Some((v, true)) => format!("{v} (excluded)"),
        Some((v, false)) => v.to_string(),
    };
    checks
        .iter()
        .map(|c| format!("{} {}..={}", c.what, bound(c.low), bound(c.high)))
        .collect::<Vec<_>>()
        .join(", ")
}
