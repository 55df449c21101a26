//! One type per shape: inline schemas that describe exactly the same type
//! as another schema (GitHub's spec repeats its objects inline hundreds of
//! times) become that type, so the output, and what downstream crates
//! compile, shrinks with them.
//!
//! Component schemas keep their own type: they are named in the spec, and
//! users look for them by name. An inline type merges into a component of
//! the same shape, or else into the first inline type of that shape. Small
//! shapes (a struct of one or two properties, an enum of one value) stay
//! apart: they match by chance, and a field typed as an unrelated name
//! would mislead more than the copy costs.

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
            if !substantial(&api.types[i].kind) {
                continue;
            }
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

fn substantial(kind: &TypeKind) -> bool {
    match kind {
        TypeKind::Struct(s) => s.fields.len() + usize::from(s.additional.is_some()) >= 3,
        TypeKind::Enum(e) => e.variants.len() >= 2,
        TypeKind::Union(u) => u.variants.len() >= 2,
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
    shape.checks.sample = None;
    match &mut shape.kind {
        ShapeKind::Named(name) => visit(name),
        ShapeKind::Array(item) | ShapeKind::Map(item) => walk(item, visit),
        ShapeKind::Tuple(elements) => elements.iter_mut().for_each(|e| walk(e, visit)),
        ShapeKind::Nullable(inner) => walk(inner, visit),
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
        ShapeKind::Tuple(elements) => elements.iter_mut().for_each(|e| rename_shape(e, renamed)),
        ShapeKind::Nullable(inner) => rename_shape(inner, renamed),
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

#[cfg(test)]
mod tests {
    use crate::ir::{ShapeKind, Success, TypeKind};

    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  owner: {type: object, properties: {id: {type: integer}, login: {type: string}, url: {type: string}}}
                  other: {type: object, properties: {id: {type: integer}, login: {type: string}, url: {type: string}}}
                  small: {type: object, properties: {name: {type: string}}}
  /b:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  user: {type: object, properties: {id: {type: integer}, login: {type: string}, url: {type: string}}}
                  repo: {type: object, properties: {id: {type: integer}, name: {type: string}, url: {type: string}}}
components:
  schemas:
    User: {type: object, properties: {id: {type: integer}, login: {type: string}, url: {type: string}}}
    Tag: {type: object, properties: {name: {type: string}}}
    Zalias: {type: object, properties: {id: {type: integer}, login: {type: string}, url: {type: string}}}
"#;

    fn field_type(api: &crate::ir::Api, response: &str, field: &str) -> String {
        let TypeKind::Struct(s) = &api.types.iter().find(|t| t.name == response).unwrap().kind
        else {
            panic!("{response} is not a struct");
        };
        match &s
            .fields
            .iter()
            .find(|f| f.name == field)
            .unwrap()
            .shape
            .kind
        {
            ShapeKind::Named(n) => n.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_copies_become_the_component_and_small_shapes_stay_apart() {
        let api = crate::Generator::new("t.yaml")
            .lower_str(SPEC)
            .expect("lowers");
        let responses: Vec<String> = api
            .operations
            .iter()
            .map(|op| match &op.success {
                Success::Json(shape) => match &shape.kind {
                    ShapeKind::Named(n) => n.clone(),
                    other => panic!("{other:?}"),
                },
                other => panic!("{other:?}"),
            })
            .collect();
        // Same shape as the component `User`: all three inline copies use it.
        for (response, field) in [(0, "owner"), (0, "other"), (1, "user")] {
            assert_eq!(field_type(&api, &responses[response], field), "User");
        }
        // Another shape, and one too small to match by more than chance.
        assert_ne!(field_type(&api, &responses[1], "repo"), "User");
        assert_ne!(field_type(&api, &responses[0], "small"), "Tag");
        // Components keep their identity even when their shapes are equal.
        assert!(api.types.iter().any(|t| t.name == "Zalias"));
        let names: Vec<&str> = api.types.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names.len(), 7, "{names:?}");
    }
}
