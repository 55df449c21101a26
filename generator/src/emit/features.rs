//! Cargo features per tag: a crate that enables some tags compiles only
//! their operations and the types those reach.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Api, Operation, Shape, ShapeKind, Success, TypeDef, TypeKind};

/// The feature of every tag, and what each operation and type needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TagFeatures {
    /// Feature names, one per tag, in order of first use.
    pub names: Vec<String>,
    /// Per operation: the features that compile it (`None`: always compiled).
    ops: Vec<Option<Vec<usize>>>,
    /// Per type name: the features that need it; absent types always compile.
    types: BTreeMap<String, Vec<usize>>,
}

impl TagFeatures {
    /// Features for `api`, when it has at least two tags to choose from.
    pub fn plan(api: &Api) -> Option<Self> {
        let mut tags: Vec<&str> = Vec::new();
        for op in &api.operations {
            for tag in &op.tags {
                if !tags.contains(&tag.as_str()) {
                    tags.push(tag);
                }
            }
        }
        if tags.len() < 2 {
            return None;
        }
        let names = feature_names(&tags);
        let ops: Vec<Option<Vec<usize>>> = api
            .operations
            .iter()
            .map(|op| {
                let mut features: Vec<usize> = op
                    .tags
                    .iter()
                    .filter_map(|t| tags.iter().position(|x| x == t))
                    .collect();
                features.sort_unstable();
                features.dedup();
                (!features.is_empty()).then_some(features)
            })
            .collect();
        let by_name = by_name(api);
        let mut reached: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut always: BTreeSet<String> = BTreeSet::new();
        let mut by_all: BTreeSet<String> = BTreeSet::new();
        for (op, features) in api.operations.iter().zip(&ops) {
            let mut names = Vec::new();
            roots(op, &mut names);
            let seen = closure(&by_name, names);
            for name in seen {
                match features {
                    Some(features) => {
                        let entry = reached.entry(name).or_default();
                        entry.extend(features);
                        entry.sort_unstable();
                        entry.dedup();
                    }
                    None => {
                        always.insert(name);
                    }
                }
            }
        }
        // Needed by every tag or by an untagged operation: no gate.
        reached.retain(|name, features| {
            let gated = features.len() < names.len() && !always.contains(name);
            if !gated {
                by_all.insert(name.clone());
            }
            gated
        });
        // Schemas no operation uses (e.g. GitHub's webhook payloads) get a
        // feature of their own, so a crate can leave them out too; the
        // types they hold need it as well.
        let unused = unused_roots(api, &by_name);
        let mut names = names;
        if !unused.is_empty() {
            names.push(UNUSED_SCHEMAS.to_owned());
            let feature = names.len() - 1;
            for name in closure(&by_name, unused) {
                if let Some(features) = reached.get_mut(&name) {
                    features.push(feature);
                } else if !always.contains(&name) && !by_all.contains(&name) {
                    reached.insert(name, vec![feature]);
                }
            }
        }
        Some(TagFeatures {
            names,
            ops,
            types: reached,
        })
    }

    /// The features that compile operation `index`, if it is gated.
    pub fn op_set(&self, index: usize) -> Option<&[usize]> {
        self.ops.get(index).and_then(|f| f.as_deref())
    }

    /// The features that need the named type, if it is gated.
    pub fn type_set(&self, name: &str) -> Option<&[usize]> {
        self.types.get(name).map(Vec::as_slice)
    }

    /// `#[cfg(...)]` for a set of features.
    pub fn cfg(&self, features: &[usize]) -> TokenStream {
        let names = features.iter().map(|&i| self.names[i].as_str());
        if features.len() == 1 {
            quote!(#[cfg(#(feature = #names)*)])
        } else {
            quote!(#[cfg(any(#(feature = #names),*))])
        }
    }
}

/// Items of one feature set.
pub type Gated<'s, T> = (&'s [usize], Vec<T>);

/// Splits items by the features they need: the ungated ones in order, then
/// each feature set with its items, sets in order of first use.
pub fn partition<'s, T>(
    items: impl Iterator<Item = (Option<&'s [usize]>, T)>,
) -> (Vec<T>, Vec<Gated<'s, T>>) {
    let mut ungated = Vec::new();
    let mut sets: Vec<Gated<'s, T>> = Vec::new();
    for (set, item) in items {
        match set {
            None => ungated.push(item),
            Some(set) => match sets.iter_mut().find(|(s, _)| *s == set) {
                Some((_, group)) => group.push(item),
                None => sets.push((set, vec![item])),
            },
        }
    }
    (ungated, sets)
}

impl TagFeatures {
    /// The module of the items of one feature set (the `position`-th set),
    /// gated once and re-exported whole: two `#[cfg]` lines per set instead
    /// of one per item. A file name too: lower-case ASCII, digits and `_`.
    pub fn module_name(&self, set: &[usize], position: usize) -> String {
        match set {
            [one] => format!("tag_{}", self.names[*one].replace('-', "_")),
            _ => format!("tags_{}", position + 1),
        }
    }
}

/// The feature of the types no operation uses.
pub const UNUSED_SCHEMAS: &str = "unused-schemas";

/// Cargo feature names for `tags`: lower-case ASCII letters, digits and
/// `-`, unique, and clear of the crate's own features.
fn feature_names(tags: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for tag in tags {
        let mut name = String::new();
        for c in tag.chars() {
            if c.is_ascii_alphanumeric() {
                name.push(c.to_ascii_lowercase());
            } else if !name.is_empty() && !name.ends_with('-') {
                name.push('-');
            }
        }
        let mut name = name.trim_end_matches('-').to_owned();
        name.truncate(48);
        if name.is_empty() || ["default", "tracing", UNUSED_SCHEMAS].contains(&name.as_str()) {
            name = format!("tag-{}", names.len() + 1);
        }
        let base = name.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}-{n}");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// Names of the types request inputs (parameters and bodies) can hold:
/// the only ones whose values are ever validated.
pub fn input_types(api: &Api) -> BTreeSet<String> {
    let mut names = Vec::new();
    api.operations
        .iter()
        .for_each(|op| input_roots(op, &mut names));
    closure(&by_name(api), names)
}

/// Names of the types responses (success and documented error bodies) can hold.
pub fn output_types(api: &Api) -> BTreeSet<String> {
    let mut names = Vec::new();
    api.operations
        .iter()
        .for_each(|op| output_roots(op, &mut names));
    closure(&by_name(api), names)
}

/// The types no operation reaches.
fn unused_roots(api: &Api, by_name: &BTreeMap<&str, &TypeDef>) -> Vec<String> {
    let mut roots = Vec::new();
    for op in &api.operations {
        self::roots(op, &mut roots);
    }
    let used = closure(by_name, roots);
    api.types
        .iter()
        .filter(|t| !used.contains(&t.name))
        .map(|t| t.name.clone())
        .collect()
}

/// Types no operation reaches and every type they hold.
pub fn unused_types(api: &Api) -> BTreeSet<String> {
    let by_name = by_name(api);
    let roots = unused_roots(api, &by_name);
    closure(&by_name, roots)
}

fn by_name(api: &Api) -> BTreeMap<&str, &TypeDef> {
    api.types.iter().map(|t| (t.name.as_str(), t)).collect()
}

/// `names` and every type they hold, transitively.
fn closure(by_name: &BTreeMap<&str, &TypeDef>, mut names: Vec<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    while let Some(name) = names.pop() {
        if seen.contains(&name) {
            continue;
        }
        if let Some(def) = by_name.get(name.as_str()) {
            match &def.kind {
                TypeKind::Struct(s) => {
                    for f in &s.fields {
                        named(&f.shape, &mut names);
                    }
                    if let Some(extra) = &s.additional {
                        named(extra, &mut names);
                    }
                }
                TypeKind::Union(u) => {
                    for v in &u.variants {
                        named(&v.shape, &mut names);
                    }
                }
                TypeKind::Enum(_) => {}
            }
        }
        seen.insert(name);
    }
    seen
}

/// Named types an operation mentions directly.
fn roots(op: &Operation, out: &mut Vec<String>) {
    input_roots(op, out);
    output_roots(op, out);
}

/// Named types of an operation's parameters and body.
fn input_roots(op: &Operation, out: &mut Vec<String>) {
    for p in &op.params {
        named(&p.shape, out);
    }
    if let Some(body) = &op.body {
        named(&body.shape, out);
    }
}

/// Named types of an operation's success and documented error bodies.
fn output_roots(op: &Operation, out: &mut Vec<String>) {
    success(&op.success, out);
    for e in &op.errors {
        named(&e.shape, out);
    }
}

fn success(s: &Success, out: &mut Vec<String>) {
    match s {
        Success::Json(shape) => named(shape, out),
        Success::ByStatus(_, statuses) => statuses.iter().for_each(|s| success(&s.body, out)),
        _ => {}
    }
}

fn named(shape: &Shape, out: &mut Vec<String>) {
    match &shape.kind {
        ShapeKind::Named(n) => out.push(n.clone()),
        ShapeKind::Array(item) | ShapeKind::Map(item) => named(item, out),
        ShapeKind::Tuple(elements) => elements.iter().for_each(|e| named(e, out)),
        ShapeKind::Nullable(inner) => named(inner, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_unique_and_clear_of_crate_features() {
        let names = feature_names(&["Repos", "repos", "Default", "", "Ünïcode tag", "a/b c"]);
        assert_eq!(
            names,
            ["repos", "repos-2", "tag-3", "tag-4", "n-code-tag", "a-b-c"]
        );
    }
}
