//! The crate root holds runtime re-exports, its own items and the region
//! enum, named after a server variable: a variable named like any root item
//! must not collide with it (E0255), whichever of the conditional re-exports
//! (credentials, paging, Huawei signing) the crate has.

use std::collections::BTreeMap;

/// A spec that pages, declares a scheme and names its region variable `name`.
fn spec(name: &str) -> String {
    format!(
        "openapi: 3.0.3
info: {{title: T, version: '1'}}
servers:
  - url: 'https://{{{name}}}.example.com'
    variables:
      {name}: {{default: a, enum: [a, b]}}
security: [{{key: []}}]
paths:
  /events:
    get:
      operationId: listEvents
      x-pagination: {{offset: start, limit: count, items: events}}
      parameters:
        - {{name: start, in: query, schema: {{type: integer}}}}
        - {{name: count, in: query, schema: {{type: integer}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  events: {{type: array, items: {{type: string}}}}
components:
  securitySchemes:
    key: {{type: apiKey, in: header, name: X-Key}}
"
    )
}

/// Type names the root of `code` defines or re-exports, with their counts.
fn root_names(code: &str) -> BTreeMap<String, usize> {
    let file = syn::parse_file(code).expect("generated code parses");
    let mut names = BTreeMap::new();
    let mut add = |name: String| *names.entry(name).or_insert(0) += 1;
    for item in &file.items {
        match item {
            syn::Item::Struct(s) => add(s.ident.to_string()),
            syn::Item::Enum(e) => add(e.ident.to_string()),
            syn::Item::Const(c) => add(c.ident.to_string()),
            syn::Item::Use(u) => collect_use(&u.tree, &mut add),
            _ => {}
        }
    }
    names
}

fn collect_use(tree: &syn::UseTree, add: &mut impl FnMut(String)) {
    match tree {
        syn::UseTree::Path(p) => collect_use(&p.tree, add),
        syn::UseTree::Name(n) => add(n.ident.to_string()),
        syn::UseTree::Rename(r) => add(r.rename.to_string()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use(t, add)),
        syn::UseTree::Glob(_) => {}
    }
}

#[test]
fn a_region_variable_named_like_a_root_item_does_not_collide() {
    let reserved: Vec<&str> = clientgen::names::root_names().collect();
    assert!(reserved.contains(&"Pages") && reserved.contains(&"Items"));
    for name in reserved
        .iter()
        .chain(&["pages", "items", "secret", "region"])
    {
        let code = clientgen::Generator::new("inline.yaml")
            .no_examples()
            .generate_str(&spec(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .code;
        let names = root_names(&code);
        let twice: Vec<_> = names.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "{name}: {twice:?}");
        assert!(
            names.contains_key("Pages") && names.contains_key("Secret"),
            "{name}: {names:?}"
        );
    }
}
