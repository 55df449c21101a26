//! `x-pagination` on an operation: offset/limit paging the client can walk.
//!
//! ```yaml
//! x-pagination:
//!   offset: offset        # integer query parameter: index of a page's first item
//!   limit: limit          # integer query parameter: page size
//!   total: total_num      # optional integer property of the response: items in all pages
//!   items: data_list      # array property (or a list of them) holding a page's items
//! ```

use super::check::find;
use super::extensions::Extension;
use super::lower::Lowerer;
use super::{IntWidth, Operation, ParamLocation, ShapeKind, Success, TypeKind};
use crate::diag::pointer;

/// How an operation pages, in Rust names.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// Setter and width of the offset parameter.
    pub offset: (String, IntWidth),
    /// Setter and width of the limit parameter.
    pub limit: (String, IntWidth),
    /// Field of the response with the number of items in all pages, whether
    /// it is required, and its width.
    pub total: Option<(String, bool, IntWidth)>,
    /// Fields of the response holding a page's items: name, item type, required.
    pub items: Vec<PagedList>,
}

/// An array property of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct PagedList {
    /// Rust field name.
    pub field: String,
    /// Rust type of one item.
    pub item: super::Shape,
    /// The field is required (not an `Option`).
    pub required: bool,
}

impl Lowerer<'_> {
    pub(super) fn lower_pagination(&mut self, operations: &mut [Operation]) {
        for op in operations.iter_mut() {
            let raw_at = op.pointer.trim_start_matches('#');
            let raw = self.raw.pointer(raw_at);
            let value = raw.and_then(|o| o.get(Extension::Pagination.key()));
            let Some(map) = self.extension_object(value, Extension::Pagination, &op.pointer) else {
                continue;
            };
            let at = pointer::join(&op.pointer, Extension::Pagination.key());
            op.pagination = self.pagination(op, map, &at);
        }
    }

    fn pagination(
        &mut self,
        op: &Operation,
        map: &serde_json::Map<String, serde_json::Value>,
        at: &str,
    ) -> Option<Pagination> {
        let offset = self.paging_param(op, map.get("offset"), &pointer::join(at, "offset"));
        let limit = self.paging_param(op, map.get("limit"), &pointer::join(at, "limit"));
        let page = match &op.success {
            Success::Json(shape) => match &shape.kind {
                ShapeKind::Named(name) => match find(&self.types, name).map(|t| &t.kind) {
                    Some(TypeKind::Struct(page)) => Some(page.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        let Some(page) = page else {
            self.bad_extension_at(
                Extension::Pagination,
                at,
                "a paged operation must answer with a JSON object",
            );
            return None;
        };
        let field = |wire: &str| page.fields.iter().find(|f| f.wire == wire);
        let total = match map.get("total") {
            None => None,
            Some(serde_json::Value::String(wire)) => {
                match field(wire).map(|f| (f, &f.shape.kind)) {
                    Some((f, ShapeKind::Integer(width))) => {
                        Some((f.name.clone(), f.required && !f.nullable, *width))
                    }
                    _ => {
                        self.bad_extension_at(
                            Extension::Pagination,
                            &pointer::join(at, "total"),
                            format!("the response has no integer property {wire:?}"),
                        );
                        None
                    }
                }
            }
            Some(_) => {
                self.bad_extension_at(
                    Extension::Pagination,
                    &pointer::join(at, "total"),
                    "`total` must name a response property",
                );
                None
            }
        };
        let names: Vec<&serde_json::Value> = match map.get("items") {
            Some(serde_json::Value::Array(names)) => names.iter().collect(),
            Some(name) => vec![name],
            None => Vec::new(),
        };
        let items_at = pointer::join(at, "items");
        let mut items = Vec::new();
        for name in names {
            let found = name
                .as_str()
                .and_then(field)
                .and_then(|f| match &f.shape.kind {
                    ShapeKind::Array(item) => Some(PagedList {
                        field: f.name.clone(),
                        item: (**item).clone(),
                        required: f.required && !f.nullable,
                    }),
                    _ => None,
                });
            match found {
                Some(list) if items.iter().any(|l: &PagedList| l.field == list.field) => {
                    self.bad_extension_at(
                        Extension::Pagination,
                        &items_at,
                        format!("{name} is listed twice"),
                    );
                }
                Some(list) => items.push(list),
                None => self.bad_extension_at(
                    Extension::Pagination,
                    &items_at,
                    format!("the response has no array property {name}"),
                ),
            }
        }
        if items.is_empty() {
            self.bad_extension_at(
                Extension::Pagination,
                &items_at,
                "`items` must name the response's array property (or a list of them)",
            );
        }
        let (offset, limit) = (offset?, limit?);
        if offset.0 == limit.0 {
            self.bad_extension_at(
                Extension::Pagination,
                at,
                "`offset` and `limit` must be different parameters",
            );
            return None;
        }
        if items.is_empty() {
            return None;
        }
        Some(Pagination {
            offset,
            limit,
            total,
            items,
        })
    }

    /// An integer query parameter of `op`, by wire name.
    fn paging_param(
        &mut self,
        op: &Operation,
        name: Option<&serde_json::Value>,
        at: &str,
    ) -> Option<(String, IntWidth)> {
        let wire = name.and_then(serde_json::Value::as_str);
        let found = op.params.iter().find(|p| {
            Some(p.wire.as_str()) == wire && p.location == ParamLocation::Query && !p.required
        });
        match found.map(|p| (&p.name, &p.shape.kind)) {
            Some((name, ShapeKind::Integer(width))) => Some((name.clone(), *width)),
            _ => {
                self.bad_extension_at(
                    Extension::Pagination,
                    at,
                    "must name an optional integer query parameter of the operation",
                );
                None
            }
        }
    }
}
