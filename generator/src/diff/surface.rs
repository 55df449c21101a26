//! The Rust API a spec generates, as a flat map of items: what downstream
//! code can name, call or match, with the signature it sees and the checks
//! made at run time.

use std::collections::BTreeMap;

use crate::ir::{
    Api, FloatWidth, IntWidth, Operation, ParamLocation, SchemeKind, Shape, ShapeKind, Success,
    TypeKind,
};

/// One item of the generated API.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What kind of item, for messages: `field`, `variant`, `setter`…
    pub kind: Kind,
    /// What code using it depends on: a type, an argument list, a wire value.
    pub signature: String,
    /// Must be set: a required field in `new`, a required parameter or body.
    pub required: bool,
    /// Checks made before sending, e.g. `length 1..=64`.
    pub checks: Vec<Check>,
    /// Documentation from the spec.
    pub doc: String,
    /// Where in the spec it comes from.
    pub pointer: String,
    /// Position among its siblings, where code can observe it (a fieldless
    /// enum's discriminant).
    pub position: Option<usize>,
    /// `#[deprecated]`.
    pub deprecated: bool,
}

/// Kinds of items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A struct, enum or union of `types`.
    Type,
    /// `new(…)` of a struct.
    Constructor,
    /// A field of a struct.
    Field,
    /// A variant of a union.
    Variant,
    /// A known value of a string enum, or a region.
    Value,
    /// A client method and its request builder.
    Operation,
    /// A parameter setter of a request builder.
    Parameter,
    /// The body of a request.
    Body,
    /// What `send()` returns.
    Response,
    /// `pages()` / `items()`.
    Paging,
    /// A client builder setter or a region.
    Client,
    /// A `From` conversion into a union.
    Conversion,
    /// Where requests go when no endpoint or region is set.
    DefaultEndpoint,
}

impl Kind {
    /// The word used in messages.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Type => "type",
            Kind::Constructor => "constructor",
            Kind::Field => "field",
            Kind::Variant => "variant",
            Kind::Value => "enum value",
            Kind::Operation => "operation",
            Kind::Parameter => "parameter",
            Kind::Body => "request body",
            Kind::Response => "response",
            Kind::Paging => "paginator",
            Kind::Client => "client setting",
            Kind::Conversion => "conversion",
            Kind::DefaultEndpoint => "default endpoint",
        }
    }
}

/// A limit checked before sending: larger `low`s and smaller `high`s refuse
/// more, and so does an exclusive bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// `length`, `items`, `value`, `each item's length`…
    pub what: String,
    /// Smallest allowed and whether it is excluded, if bounded.
    pub low: Option<(f64, bool)>,
    /// Largest allowed and whether it is excluded, if bounded.
    pub high: Option<(f64, bool)>,
}

/// Every item of the API generated from `api`, by path (`types::Task::id`).
pub fn surface(api: &Api) -> BTreeMap<String, Item> {
    let mut items = BTreeMap::new();
    let mut add = |path: String, item: Item| {
        items.insert(path, item);
    };
    for def in &api.types {
        let path = format!("types::{}", def.name);
        let doc = def.doc.clone().unwrap_or_default();
        match &def.kind {
            TypeKind::Struct(s) => {
                add(path.clone(), item(Kind::Type, "struct", &doc, &def.pointer));
                let args: Vec<String> = s
                    .fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| {
                        format!(
                            "{}: {}",
                            f.name,
                            field_type(&f.shape, f.required, f.nullable, f.boxed)
                        )
                    })
                    .collect();
                add(
                    format!("{path}::new()"),
                    item(
                        Kind::Constructor,
                        &format!("new({})", args.join(", ")),
                        "",
                        &def.pointer,
                    ),
                );
                for f in &s.fields {
                    let mut field = item(
                        Kind::Field,
                        &field_type(&f.shape, f.required, f.nullable, f.boxed),
                        f.doc.as_deref().unwrap_or_default(),
                        &format!(
                            "{}/properties/{}",
                            def.pointer,
                            crate::diag::pointer::escape(&f.wire)
                        ),
                    );
                    field.required = f.required;
                    field.checks = checks(&f.shape);
                    add(format!("{path}::{}", f.name), field);
                }
                if let Some(extra) = &s.additional {
                    let ty = format!("BTreeMap<String, {}>", rust_type(extra));
                    let mut map = item(Kind::Field, &ty, "", &def.pointer);
                    map.checks = checks(extra);
                    add(format!("{path}::additional_properties"), map);
                }
            }
            TypeKind::Enum(e) => {
                add(path.clone(), item(Kind::Type, "enum", &doc, &def.pointer));
                for v in &e.variants {
                    let wire = format!("{:?}", v.wire);
                    add(
                        format!("{path}::{}", v.name),
                        item(Kind::Value, &wire, "", &def.pointer),
                    );
                }
                // Matched by name in user code: a renamed fallback breaks it.
                let fallback = item(Kind::Variant, "(String): unknown values", "", &def.pointer);
                add(format!("{path}::{}", e.fallback), fallback);
            }
            TypeKind::Union(u) => {
                let kind = if u.tag.is_some() {
                    "tagged union"
                } else {
                    "untagged union"
                };
                add(path.clone(), item(Kind::Type, kind, &doc, &def.pointer));
                let payload = |v: &crate::ir::UnionVariant| boxed(rust_type(&v.shape), v.boxed);
                for v in &u.variants {
                    let tag = v
                        .tag_value
                        .as_ref()
                        .map(|t| format!(" when {t:?}"))
                        .unwrap_or_default();
                    let mut variant = item(
                        Kind::Variant,
                        &format!("{}{tag}", payload(v)),
                        "",
                        &def.pointer,
                    );
                    variant.checks = checks(&v.shape);
                    add(format!("{path}::{}", v.name), variant);
                }
                // `From<T>` exists only for a payload type that appears once.
                for v in &u.variants {
                    let ty = payload(v);
                    if u.variants.iter().filter(|w| payload(w) == ty).count() == 1 {
                        let conversion = item(Kind::Conversion, &v.name, "", &def.pointer);
                        add(format!("{path}::from({ty})"), conversion);
                    }
                }
            }
        }
    }
    for op in &api.operations {
        operation(op, &mut add);
    }
    for scheme in &api.schemes {
        let kind = match &scheme.kind {
            SchemeKind::Bearer => "bearer token".to_owned(),
            SchemeKind::Basic => "basic auth".to_owned(),
            SchemeKind::ApiKey { location, name } => {
                format!("API key in {} {name:?}", location_word(*location))
            }
            SchemeKind::HuaweiSigning => "AK/SK signing".to_owned(),
        };
        let doc = scheme.doc.clone().unwrap_or_default();
        let at = crate::diag::pointer::join("#/components/securitySchemes", &scheme.id);
        add(
            format!("ClientBuilder::{}", scheme.setter),
            item(Kind::Client, &kind, &doc, &at),
        );
    }
    for default in &api.client_defaults {
        let doc = default.doc.clone().unwrap_or_default();
        add(
            format!("ClientBuilder::{}", default.setter),
            item(Kind::Client, "String", &doc, "#/paths"),
        );
    }
    if let Some(url) = &api.servers.default_url {
        let default = item(Kind::DefaultEndpoint, url, "", "#/servers");
        add("ClientBuilder::endpoint (default)".to_owned(), default);
    }
    if let Some(region) = &api.servers.region_type {
        // `Region` has no data: `as` casts see each variant's position.

        for (position, r) in api.servers.regions.iter().enumerate() {
            let signature = format!("{:?} at {}", r.id, r.url);
            let mut value = item(Kind::Value, &signature, "", "#/servers");
            value.position = Some(position);
            add(format!("{region}::{}", r.variant), value);
        }
    }
    items
}

fn operation(op: &Operation, add: &mut impl FnMut(String, Item)) {
    let doc = [op.summary.as_deref(), op.description.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join("\n\n");
    let builder = format!("operations::{}", op.builder);
    let request = format!("{} {}", op.method, op.path);
    let mut method = item(
        Kind::Operation,
        &format!("{} -> {}", request, op.builder),
        &doc,
        &op.pointer,
    );
    method.deprecated = op.deprecated;
    add(format!("Client::{}", op.name), method);
    for p in &op.params {
        let signature = format!(
            "{} ({} {:?})",
            rust_type(&p.shape),
            location_word(p.location),
            p.wire
        );
        let mut param = item(
            Kind::Parameter,
            &signature,
            p.doc.as_deref().unwrap_or_default(),
            &p.pointer,
        );
        param.required = p.required && !p.client_default;
        param.checks = checks(&p.shape);
        add(format!("{builder}::{}", p.name), param);
    }
    if let Some(body) = &op.body {
        let signature = format!("{} ({})", rust_type(&body.shape), body.content_type);
        let at = format!("{}/requestBody", op.pointer);
        let mut b = item(
            Kind::Body,
            &signature,
            body.doc.as_deref().unwrap_or_default(),
            &at,
        );
        b.required = body.required;
        b.checks = checks(&body.shape);
        add(format!("{builder}::body"), b);
    }
    let response = match &op.success {
        Success::ByStatus(name, statuses) => {
            let variants: Vec<String> = statuses
                .iter()
                .map(|s| format!("{}({})", s.variant, success_type(&s.body)))
                .collect();
            format!("Response<{name}> ({})", variants.join(", "))
        }
        other => format!("Response<{}>", success_type(other)),
    };
    let at = format!("{}/responses", op.pointer);
    add(
        format!("{builder}::send"),
        item(Kind::Response, &response, "", &at),
    );
    if let Some(paging) = &op.pagination {
        let at = format!("{}/x-pagination", op.pointer);
        add(
            format!("{builder}::pages"),
            item(Kind::Paging, "pages()", "", &at),
        );
        if let [list] = paging.items.as_slice() {
            let signature = format!("items() of {}", rust_type(&list.item));
            add(
                format!("{builder}::items"),
                item(Kind::Paging, &signature, "", &at),
            );
        }
    }
}

fn item(kind: Kind, signature: &str, doc: &str, pointer: &str) -> Item {
    Item {
        kind,
        signature: signature.to_owned(),
        required: false,
        checks: Vec::new(),
        doc: doc.trim().to_owned(),
        pointer: pointer.to_owned(),
        position: None,
        deprecated: false,
    }
}

fn location_word(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// What a success body decodes into.
fn success_type(success: &Success) -> String {
    match success {
        Success::Empty => "()".to_owned(),
        Success::Json(shape) => rust_type(shape),
        Success::Text => "String".to_owned(),
        Success::Bytes => "Vec<u8>".to_owned(),
        Success::ByStatus(name, _) => name.clone(),
    }
}

fn boxed(ty: String, boxed: bool) -> String {
    if boxed {
        format!("Box<{ty}>")
    } else {
        ty
    }
}

/// The field's type as written in the struct.
fn field_type(shape: &Shape, required: bool, nullable: bool, is_boxed: bool) -> String {
    let ty = boxed(rust_type(shape), is_boxed);
    if !required || nullable {
        format!("Option<{ty}>")
    } else {
        ty
    }
}

/// A shape's Rust type, as the emitter writes it.
pub fn rust_type(shape: &Shape) -> String {
    match &shape.kind {
        ShapeKind::Bool => "bool".into(),
        ShapeKind::Integer(IntWidth::I32) => "i32".into(),
        ShapeKind::Integer(IntWidth::I64) => "i64".into(),
        ShapeKind::Integer(IntWidth::U32) => "u32".into(),
        ShapeKind::Integer(IntWidth::U64) => "u64".into(),
        ShapeKind::Number(FloatWidth::F32) => "f32".into(),
        ShapeKind::Number(FloatWidth::F64) => "f64".into(),
        ShapeKind::String => "String".into(),
        ShapeKind::Bytes => "Vec<u8>".into(),
        ShapeKind::Any => "serde_json::Value".into(),
        ShapeKind::Array(item) => format!("Vec<{}>", rust_type(item)),
        ShapeKind::Nullable(inner) => format!("Option<{}>", rust_type(inner)),
        ShapeKind::Tuple(elements) => {
            let elements: Vec<String> = elements.iter().map(rust_type).collect();
            format!("({},)", elements.join(", "))
        }
        ShapeKind::Map(value) => format!("BTreeMap<String, {}>", rust_type(value)),
        ShapeKind::Named(name) => name.clone(),
    }
}

/// The limits a value is checked against, those of array items and map
/// values included.
fn checks(shape: &Shape) -> Vec<Check> {
    let mut out = Vec::new();
    collect_checks(shape, "", &mut out);
    out
}

fn collect_checks(shape: &Shape, prefix: &str, out: &mut Vec<Check>) {
    let c = &shape.checks;
    let inclusive = |n: Option<usize>| n.map(|n| (n as f64, false));
    let mut push = |what: &str, low: Option<(f64, bool)>, high: Option<(f64, bool)>| {
        if low.is_some() || high.is_some() {
            out.push(Check {
                what: format!("{prefix}{what}"),
                low,
                high,
            });
        }
    };
    push("length", inclusive(c.min_length), inclusive(c.max_length));
    push("items", inclusive(c.min_items), inclusive(c.max_items));
    // Exact integer bounds when the schema is an integer, else the float ones.
    let (int_low, int_high) = c.integer_bounds;
    let low = int_low
        .map(|n| (n as f64, c.minimum.is_some_and(|m| m.1)))
        .or(c.minimum);
    let high = int_high
        .map(|n| (n as f64, c.maximum.is_some_and(|m| m.1)))
        .or(c.maximum);
    push("value", low, high);
    match &shape.kind {
        ShapeKind::Array(item) => collect_checks(item, &format!("{prefix}each item's "), out),
        ShapeKind::Map(value) => collect_checks(value, &format!("{prefix}each value's "), out),
        ShapeKind::Nullable(inner) => collect_checks(inner, prefix, out),
        ShapeKind::Tuple(elements) => {
            for (i, e) in elements.iter().enumerate() {
                collect_checks(e, &format!("{prefix}element {i}'s "), out);
            }
        }
        _ => {}
    }
}
