//! One type per shape: inline schemas that describe exactly the same type
//! as another schema (GitHub's spec repeats its objects inline hundreds of
//! times) become that type, so the output, and what downstream crates
//! compile, shrinks with them.
//!
//! Component schemas keep their own type: they are named in the spec, and
//! users look for them by name. An inline type merges into a component of
//! the same shape, or else into the first inline type of that shape.

use std::collections::BTreeMap;

use super::{Api, Operation, Shape, ShapeKind, Success, TypeDef, TypeKind};

/// Merges duplicate inline types of `api` and rewrites every reference.
pub fn merge_duplicates(api: &mut Api) {
    let index: BTreeMap<String, usize> = api
        .types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.clone(), i))
        .collect();
    // canon[i]: the type that stands for type i. Starting from "all distinct",
    // types merge only when their shapes are equal under the current merges,
    // until nothing changes (at most once per type).
    let mut canon: Vec<usize> = (0..api.types.len()).collect();
    for _ in 0..=api.types.len() {
        let mut first: BTreeMap<String, usize> = BTreeMap::new();
        let mut next = canon.clone();
        // Components first, so an inline type merges into a component.
        let order = (0..api.types.len())
            .filter(|&i| is_component(&api.types[i]))
            .chain((0..api.types.len()).filter(|&i| !is_component(&api.types[i])));
        for i in order {
            let key = signature(&api.types[i].kind, &|name| {
                index.get(name).map(|&j| api.types[canon[j]].name.clone())
            });
            let representative = *first.entry(key).or_insert(i);
            next[i] = if is_component(&api.types[i]) {
                i
            } else {
                representative
            };
        }
        if next == canon {
            break;
        }
        canon = next;
    }
    let renamed: BTreeMap<String, String> = canon
        .iter()
        .enumerate()
        .filter(|(i, c)| *i != **c)
        .map(|(i, &c)| (api.types[i].name.clone(), api.types[c].name.clone()))
        .collect();
    if renamed.is_empty() {
        return;
    }
    api.types.retain(|t| !renamed.contains_key(&t.name));
    let rename = |shape: &mut Shape| rename_shape(shape, &renamed);
    for t in &mut api.types {
        match &mut t.kind {
            TypeKind::Struct(s) => {
                s.fields.iter_mut().for_each(|f| rename(&mut f.shape));
                if let Some(extra) = &mut s.additional {
                    rename(extra);
                }
            }
            TypeKind::Union(u) => u.variants.iter_mut().for_each(|v| rename(&mut v.shape)),
            TypeKind::Enum(_) => {}
        }
    }
    for op in &mut api.operations {
        rename_operation(op, &renamed);
    }
}

/// Components are the schemas under `#/components/schemas/<name>` itself.
fn is_component(def: &TypeDef) -> bool {
    def.pointer
        .strip_prefix("#/components/schemas/")
        .is_some_and(|rest| !rest.contains('/'))
}

/// Everything that makes the Rust type, docs and names of the type aside,
/// with references written through `canonical`.
fn signature(kind: &TypeKind, canonical: &dyn Fn(&str) -> Option<String>) -> String {
    let mut kind = kind.clone();
    let rewrite = |shape: &mut Shape| {
        walk(shape, &mut |name| {
            if let Some(c) = canonical(name) {
                *name = c;
            }
        })
    };
    match &mut kind {
        TypeKind::Struct(s) => {
            for f in &mut s.fields {
                f.doc = None;
                rewrite(&mut f.shape);
            }
            if let Some(extra) = &mut s.additional {
                rewrite(extra);
            }
        }
        TypeKind::Union(u) => u.variants.iter_mut().for_each(|v| rewrite(&mut v.shape)),
        TypeKind::Enum(_) => {}
    }
    format!("{kind:?}")
}

fn walk(shape: &mut Shape, visit: &mut dyn FnMut(&mut String)) {
    // Defaults are documentation only.
    shape.checks.default = None;
    match &mut shape.kind {
        ShapeKind::Named(name) => visit(name),
        ShapeKind::Array(item) | ShapeKind::Map(item) => walk(item, visit),
        _ => {}
    }
}

fn rename_shape(shape: &mut Shape, renamed: &BTreeMap<String, String>) {
    match &mut shape.kind {
        ShapeKind::Named(name) => {
            if let Some(to) = renamed.get(name) {
                *name = to.clone();
            }
        }
        ShapeKind::Array(item) | ShapeKind::Map(item) => rename_shape(item, renamed),
        _ => {}
    }
}

fn rename_operation(op: &mut Operation, renamed: &BTreeMap<String, String>) {
    for p in &mut op.params {
        rename_shape(&mut p.shape, renamed);
    }
    if let Some(body) = &mut op.body {
        rename_shape(&mut body.shape, renamed);
    }
    rename_success(&mut op.success, renamed);
    for e in &mut op.errors {
        rename_shape(&mut e.shape, renamed);
    }
    if let Some(paging) = &mut op.pagination {
        for list in &mut paging.items {
            rename_shape(&mut list.item, renamed);
        }
    }
}

fn rename_success(success: &mut Success, renamed: &BTreeMap<String, String>) {
    match success {
        Success::Json(shape) => rename_shape(shape, renamed),
        Success::ByStatus(_, statuses) => statuses
            .iter_mut()
            .for_each(|s| rename_success(&mut s.body, renamed)),
        _ => {}
    }
}
