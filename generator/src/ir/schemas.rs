//! Schemas → shapes and named types.

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use super::lower::Lowerer;
use super::{
    Checks, EnumVariant, Field, FloatWidth, IntWidth, RequiredSets, Shape, ShapeKind, StringEnum,
    Struct, TypeDef, TypeKind, Union, UnionVariant,
};
use crate::diag::pointer;
use crate::names::{camel, snake, Namespace};

/// Deepest nesting of schemas and references that is lowered.
const MAX_DEPTH: usize = 48;
/// Schema visits any spec may take to lower; a bigger one may take two per
/// JSON value in it (GitHub's description, 13 MB, takes 47,854 in all).
/// Real specs stay far below; an exponential blow-up stops within a second.
const MIN_MAX_VISITS: usize = 50_000;

/// The schema visits `raw` may take to lower.
pub(super) fn max_visits(raw: &serde_json::Value) -> usize {
    let mut values = 0usize;
    let mut pending = vec![raw];
    while let Some(value) = pending.pop() {
        values += 1;
        match value {
            serde_json::Value::Array(items) => pending.extend(items),
            serde_json::Value::Object(map) => pending.extend(map.values()),
            _ => {}
        }
    }
    MIN_MAX_VISITS.max(values.saturating_mul(2))
}

/// What a schema is, read the same way whether the parser typed it or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
    OneOf,
    AnyOf,
    AllOf,
    Not,
    Unknown,
}

/// A uniform view of a schema's keywords.
pub(super) struct View<'s> {
    kind: Kind,
    properties: Option<&'s IndexMap<String, ReferenceOr<Box<Schema>>>>,
    required: &'s [String],
    additional: Option<&'s AdditionalProperties>,
    items: Option<&'s ReferenceOr<Box<Schema>>>,
    members: &'s [ReferenceOr<Schema>],
    /// Members of a `oneOf` (true) or `anyOf` that only list `required`
    /// properties of this object.
    required_sets: Option<(bool, &'s [ReferenceOr<Schema>])>,
    enum_strings: Vec<String>,
    format: Option<String>,
    checks: Checks,
}

/// Most properties a generated struct holds. rustc's cost still grows
/// faster than the field count (`cargo check` of one struct: 700 fields
/// 2.7 s, 2,000 fields 17 s; 10,000 overflowed its stack), and the largest
/// object in the APIs.guru collection has 674.
const MAX_PROPERTIES: usize = 1_000;

impl<'s> View<'s> {
    pub(super) fn of(schema: &'s Schema) -> Self {
        let mut view = View {
            kind: Kind::Unknown,
            properties: None,
            required: &[],
            additional: None,
            items: None,
            members: &[],
            required_sets: None,
            enum_strings: Vec::new(),
            format: None,
            checks: Checks {
                default: schema.schema_data.default.clone(),
                ..Checks::default()
            },
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(t)) => {
                view.kind = Kind::String;
                view.enum_strings = t.enumeration.iter().flatten().cloned().collect();
                view.format = variant_text(&t.format);
                view.checks.min_length = t.min_length;
                view.checks.max_length = t.max_length;
            }
            SchemaKind::Type(Type::Integer(t)) => {
                view.kind = Kind::Integer;
                view.format = variant_text(&t.format);
                view.checks.minimum = t.minimum.map(|m| (m as f64, t.exclusive_minimum));
                view.checks.maximum = t.maximum.map(|m| (m as f64, t.exclusive_maximum));
                view.checks.integer_bounds = (t.minimum, t.maximum);
            }
            SchemaKind::Type(Type::Number(t)) => {
                view.kind = Kind::Number;
                view.format = variant_text(&t.format);
                view.checks.minimum = t.minimum.map(|m| (m, t.exclusive_minimum));
                view.checks.maximum = t.maximum.map(|m| (m, t.exclusive_maximum));
            }
            SchemaKind::Type(Type::Boolean(_)) => view.kind = Kind::Boolean,
            SchemaKind::Type(Type::Object(t)) => {
                view.kind = Kind::Object;
                view.properties = Some(&t.properties);
                view.required = &t.required;
                view.additional = t.additional_properties.as_ref();
                view.checks.min_items = t.min_properties;
                view.checks.max_items = t.max_properties;
            }
            SchemaKind::Type(Type::Array(t)) => {
                view.kind = Kind::Array;
                view.items = t.items.as_ref();
                view.checks.min_items = t.min_items;
                view.checks.max_items = t.max_items;
            }
            SchemaKind::OneOf { one_of } => (view.kind, view.members) = (Kind::OneOf, one_of),
            SchemaKind::AnyOf { any_of } => (view.kind, view.members) = (Kind::AnyOf, any_of),
            SchemaKind::AllOf { all_of } => (view.kind, view.members) = (Kind::AllOf, all_of),
            SchemaKind::Not { .. } => view.kind = Kind::Not,
            SchemaKind::Any(any) => {
                view.properties = Some(&any.properties).filter(|p| !p.is_empty());
                view.required = &any.required;
                view.additional = any.additional_properties.as_ref();
                view.items = any.items.as_ref();
                view.format = any.format.clone();
                view.enum_strings = any
                    .enumeration
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                view.checks.min_length = any.min_length;
                view.checks.max_length = any.max_length;
                view.checks.min_items = any.min_items.or(any.min_properties);
                view.checks.max_items = any.max_items.or(any.max_properties);
                view.checks.minimum = any
                    .minimum
                    .map(|m| (m, any.exclusive_minimum.unwrap_or(false)));
                view.checks.maximum = any
                    .maximum
                    .map(|m| (m, any.exclusive_maximum.unwrap_or(false)));
                let alternatives = if any.one_of.is_empty() {
                    (false, &any.any_of[..])
                } else {
                    (true, &any.one_of[..])
                };
                view.kind = if !any.all_of.is_empty() {
                    view.members = &any.all_of;
                    Kind::AllOf
                } else if view.properties.is_some()
                    && !alternatives.1.is_empty()
                    && alternatives.1.iter().all(lists_required_only)
                {
                    view.required_sets = Some(alternatives);
                    Kind::Object
                } else if !any.one_of.is_empty() {
                    view.members = &any.one_of;
                    Kind::OneOf
                } else if !any.any_of.is_empty() {
                    view.members = &any.any_of;
                    Kind::AnyOf
                } else {
                    match any.typ.as_deref() {
                        Some("string") => Kind::String,
                        Some("integer") => Kind::Integer,
                        Some("number") => Kind::Number,
                        Some("boolean") => Kind::Boolean,
                        Some("array") => Kind::Array,
                        Some("object") => Kind::Object,
                        _ if view.properties.is_some() || view.additional.is_some() => Kind::Object,
                        _ if view.items.is_some() => Kind::Array,
                        _ if !view.enum_strings.is_empty() => Kind::String,
                        _ => Kind::Unknown,
                    }
                };
            }
        }
        view.checks.sample = sample(schema, view.format.clone());
        view
    }

    /// True when the schema becomes a named Rust type.
    pub(super) fn is_named_kind(&self) -> bool {
        match self.kind {
            Kind::String => !self.enum_strings.is_empty(),
            Kind::Object => self.properties.is_some_and(|p| !p.is_empty()),
            Kind::OneOf | Kind::AnyOf | Kind::AllOf => !self.members.is_empty(),
            _ => false,
        }
    }

    /// For `allOf` with one member that says anything (others only describe),
    /// that member: `allOf: [$ref]` is how specs add a description to a reference.
    pub(super) fn sole_all_of_member(&self) -> Option<&'s ReferenceOr<Schema>> {
        // `required` beside it constrains the member, so the two differ.
        if self.kind != Kind::AllOf
            || self.properties.is_some_and(|p| !p.is_empty())
            || !self.required.is_empty()
        {
            return None;
        }
        let mut substantive = self.members.iter().filter(|m| match m {
            ReferenceOr::Reference { .. } => true,
            ReferenceOr::Item(s) => {
                !matches!(&s.schema_kind, SchemaKind::Any(a) if *a == Default::default())
            }
        });
        let first = substantive.next()?;
        substantive.next().is_none().then_some(first)
    }
}

/// True for an inline schema that says only which properties are required:
/// `anyOf: [{required: [a]}, {required: [b]}]` asks for one of them.
fn lists_required_only(member: &ReferenceOr<Schema>) -> bool {
    match member {
        ReferenceOr::Item(Schema {
            schema_kind: SchemaKind::Any(any),
            ..
        }) => {
            !any.required.is_empty()
                && openapiv3::AnySchema {
                    required: Vec::new(),
                    ..any.clone()
                } == openapiv3::AnySchema::default()
        }
        _ => false,
    }
}

/// Hints for example values, when the schema gives any.
fn sample(schema: &Schema, format: Option<String>) -> Option<Box<super::Sample>> {
    let values: Vec<serde_json::Value> = match &schema.schema_kind {
        SchemaKind::Type(Type::Integer(t)) => t
            .enumeration
            .iter()
            .flatten()
            .map(|v| (*v).into())
            .collect(),
        SchemaKind::Type(Type::Number(t)) => t
            .enumeration
            .iter()
            .flatten()
            .map(|v| (*v).into())
            .collect(),
        SchemaKind::Any(any) => any
            .enumeration
            .iter()
            .filter(|v| !v.is_string())
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let pattern = match &schema.schema_kind {
        SchemaKind::Type(Type::String(t)) => t.pattern.clone(),
        SchemaKind::Any(any) => any.pattern.clone(),
        _ => None,
    };
    let example = schema.schema_data.example.clone();
    (format.is_some() || pattern.is_some() || example.is_some() || !values.is_empty()).then(|| {
        Box::new(super::Sample {
            format,
            pattern,
            example,
            values,
        })
    })
}

fn variant_text<T: std::fmt::Debug>(
    format: &openapiv3::VariantOrUnknownOrEmpty<T>,
) -> Option<String> {
    match format {
        openapiv3::VariantOrUnknownOrEmpty::Item(v) => Some(format!("{v:?}").to_lowercase()),
        openapiv3::VariantOrUnknownOrEmpty::Unknown(s) => Some(s.clone()),
        openapiv3::VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// Documentation of a schema: its description, else its title.
pub(super) fn schema_doc(schema: &Schema) -> Option<String> {
    let data = &schema.schema_data;
    data.description.clone().or_else(|| data.title.clone())
}

impl Lowerer<'_> {
    /// The shape of a schema used at `at`; inline named kinds get a type
    /// named after `hint`.
    pub(super) fn shape_of(&mut self, schema: &ReferenceOr<Schema>, at: &str, hint: &str) -> Shape {
        match schema {
            ReferenceOr::Item(s) => self.nested(at, |cx| cx.shape_of_schema(s, at, hint)),
            ReferenceOr::Reference { reference } => {
                self.nested(at, |cx| cx.shape_of_ref(reference, at))
            }
        }
    }

    /// Runs `f` one nesting level deeper; past [`MAX_DEPTH`] it reports an
    /// error instead, so hostile specs cannot exhaust the stack.
    fn nested(&mut self, at: &str, f: impl FnOnce(&mut Self) -> Shape) -> Shape {
        if !self.spend_visit() {
            self.report_visits(at);
            return Shape::default();
        }
        if self.depth >= MAX_DEPTH {
            self.diags.error(
                at,
                format!("schemas are nested more than {MAX_DEPTH} levels deep"),
            );
            return Shape::default();
        }
        self.depth += 1;
        let shape = f(self);
        self.depth -= 1;
        shape
    }

    /// Counts one schema visit; false once the spec has taken its share.
    fn spend_visit(&self) -> bool {
        let visits = self.visits.get().saturating_add(1);
        self.visits.set(visits);
        visits <= self.max_visits
    }

    /// Reports, once and at `at`, that lowering ran out of schema visits.
    pub(super) fn report_visits(&mut self, at: &str) {
        if self.visits.get() > self.max_visits && !self.visits_reported {
            self.visits_reported = true;
            self.diags.error_first(
                at,
                format!(
                    "the schemas expand to more than {} nested schemas: a schema reached \
                     again through several inline paths grows exponentially; name the \
                     repeated parts under `components/schemas`",
                    self.max_visits
                ),
            );
        }
    }

    /// The shape of a value that stands alone (a map value, a tuple element,
    /// a body): `Option<T>` when its schema is nullable.
    pub(super) fn value_shape(
        &mut self,
        schema: &ReferenceOr<Schema>,
        at: &str,
        hint: &str,
    ) -> Shape {
        let shape = self.shape_of(schema, at, hint);
        let nullable = match schema {
            ReferenceOr::Item(s) => s.schema_data.nullable,
            ReferenceOr::Reference { reference } => self.is_nullable(reference),
        };
        nullable_if(shape, nullable)
    }

    /// [`Self::value_shape`] of an array's items.
    fn item_shape(&mut self, schema: &ReferenceOr<Box<Schema>>, at: &str, hint: &str) -> Shape {
        let shape = self.shape_of_boxed(schema, at, hint);
        let nullable = match schema {
            ReferenceOr::Item(s) => s.schema_data.nullable,
            ReferenceOr::Reference { reference } => self.is_nullable(reference),
        };
        nullable_if(shape, nullable)
    }

    fn is_nullable(&self, reference: &str) -> bool {
        self.refs
            .schema(reference)
            .is_some_and(|s| s.schema_data.nullable)
    }

    pub(super) fn shape_of_boxed(
        &mut self,
        schema: &ReferenceOr<Box<Schema>>,
        at: &str,
        hint: &str,
    ) -> Shape {
        match schema {
            ReferenceOr::Item(s) => self.nested(at, |cx| cx.shape_of_schema(s, at, hint)),
            ReferenceOr::Reference { reference } => {
                self.nested(at, |cx| cx.shape_of_ref(reference, at))
            }
        }
    }

    fn shape_of_ref(&mut self, reference: &str, at: &str) -> Shape {
        let tokens = crate::diag::pointer::tokens(reference).unwrap_or_default();
        if let [components, schemas, name] = tokens.as_slice() {
            let rust = (components == "components" && schemas == "schemas")
                .then(|| self.component_types.get(name))
                .flatten();
            if let Some(rust) = rust {
                return Shape {
                    kind: ShapeKind::Named(rust.clone()),
                    checks: Checks::default(),
                };
            }
        }
        if let Some(shape) = self.ref_shapes.get(reference) {
            return shape.clone();
        }
        if self.inlining.iter().any(|p| p == reference) {
            // Recursion through a schema that is not a named type (an array of
            // objects that contain the array): a marker now, replaced by the
            // real shape once the outer lowering of `reference` is done.
            self.pending_recursion.insert(reference.to_owned());
            return Shape {
                kind: ShapeKind::Named(recursion_marker(reference)),
                checks: Checks::default(),
            };
        }
        let Some((target, target_at)) = self.resolve::<ReferenceOr<Schema>>(reference, at) else {
            return Shape::default();
        };
        let hint = crate::diag::pointer::tokens(reference)
            .and_then(|t| t.last().cloned())
            .unwrap_or_else(|| "Value".to_owned());
        self.inlining.push(reference.to_owned());
        let shape = self.shape_of(&target, &target_at, &hint);
        self.inlining.pop();
        let shape = if self.pending_recursion.remove(reference) {
            self.resolve_recursion(reference, shape, at)
        } else {
            shape
        };
        self.ref_shapes.insert(reference.to_owned(), shape.clone());
        shape
    }

    /// Replaces the recursion marker of `reference` with its shape in every
    /// type and cached shape made meanwhile. A shape that holds its own marker
    /// without a named type in between would be infinite.
    fn resolve_recursion(&mut self, reference: &str, shape: Shape, at: &str) -> Shape {
        let marker = recursion_marker(reference);
        if mentions(&shape, &marker) {
            self.diags.error(
                at,
                format!(
                    "`{reference}` contains itself through arrays, maps or aliases alone, \
                     so it has no finite type"
                ),
            );
            return Shape::default();
        }
        for def in &mut self.types {
            match &mut def.kind {
                TypeKind::Struct(s) => {
                    for f in &mut s.fields {
                        substitute(&mut f.shape, &marker, &shape);
                    }
                    if let Some(extra) = &mut s.additional {
                        substitute(extra, &marker, &shape);
                    }
                }
                TypeKind::Union(u) => {
                    for v in &mut u.variants {
                        substitute(&mut v.shape, &marker, &shape);
                    }
                }
                TypeKind::Enum(_) => {}
            }
        }
        for cached in self.ref_shapes.values_mut() {
            substitute(cached, &marker, &shape);
        }
        shape
    }

    fn shape_of_schema(&mut self, schema: &Schema, at: &str, hint: &str) -> Shape {
        let view = View::of(schema);
        self.warn_about_dropped_enum_values(schema, &view, at);
        if let Some(member) = view.sole_all_of_member() {
            return self.shape_of(
                member,
                &pointer::join(&pointer::join(at, "allOf"), "0"),
                hint,
            );
        }
        if let Some(first) = self.scalar_all_of(&view) {
            return self.shape_of(
                first,
                &pointer::join(&pointer::join(at, "allOf"), "0"),
                hint,
            );
        }
        if view.is_named_kind() {
            let name = self.type_names.claim(&camel(hint));
            self.define_named(&name, schema, at);
            return Shape {
                kind: ShapeKind::Named(name),
                checks: Checks::default(),
            };
        }
        let kind = match view.kind {
            Kind::String if view.format.as_deref() == Some("binary") => ShapeKind::Bytes,
            Kind::String => ShapeKind::String,
            Kind::Boolean => ShapeKind::Bool,
            Kind::Integer => ShapeKind::Integer(match view.format.as_deref() {
                Some("int32") => IntWidth::I32,
                Some("uint32") => IntWidth::U32,
                Some("uint64") => IntWidth::U64,
                _ => IntWidth::I64,
            }),
            Kind::Number => ShapeKind::Number(match view.format.as_deref() {
                Some("float") => FloatWidth::F32,
                _ => FloatWidth::F64,
            }),
            Kind::Array
                if schema
                    .schema_data
                    .extensions
                    .contains_key(crate::front::TUPLE_KEY) =>
            {
                self.tuple(schema, at, hint)
            }
            Kind::Array => {
                let item = match view.items {
                    Some(items) => {
                        self.item_shape(items, &pointer::join(at, "items"), &format!("{hint}Item"))
                    }
                    None => Shape::default(),
                };
                ShapeKind::Array(Box::new(item))
            }
            Kind::Object => {
                let value = self
                    .additional_shape(view.additional, at, hint)
                    .unwrap_or_default();
                ShapeKind::Map(Box::new(value))
            }
            Kind::Not => {
                self.diags.warning(
                    at,
                    "`not` schemas are not supported; any JSON value is accepted",
                );
                ShapeKind::Any
            }
            Kind::Unknown | Kind::OneOf | Kind::AnyOf | Kind::AllOf => ShapeKind::Any,
        };
        Shape {
            kind,
            checks: view.checks,
        }
    }

    fn additional_shape(
        &mut self,
        additional: Option<&AdditionalProperties>,
        at: &str,
        hint: &str,
    ) -> Option<Shape> {
        match additional? {
            AdditionalProperties::Any(true) => Some(Shape::default()),
            AdditionalProperties::Any(false) => None,
            AdditionalProperties::Schema(s) => Some(self.value_shape(
                s,
                &pointer::join(at, "additionalProperties"),
                &format!("{hint}Value"),
            )),
        }
    }

    /// Lowers a named-kind schema into the type `name`.
    /// A string enumeration keeps its strings only; other values are said to go.
    fn warn_about_dropped_enum_values(&mut self, schema: &Schema, view: &View<'_>, at: &str) {
        let SchemaKind::Any(any) = &schema.schema_kind else {
            return;
        };
        let dropped = any
            .enumeration
            .iter()
            .filter(|v| !v.is_string() && !v.is_null())
            .count();
        if dropped > 0 && !view.enum_strings.is_empty() {
            self.diags.warning(
                &pointer::join(at, "enum"),
                format!("{dropped} value(s) of this string enumeration are not strings; they are left out"),
            );
        }
    }

    pub(super) fn define_named(&mut self, name: &str, schema: &Schema, at: &str) {
        let view = View::of(schema);
        self.warn_about_dropped_enum_values(schema, &view, at);
        // `allOf: [$ref X]` (a described reference) is X under this name.
        if let Some(member) = view.sole_all_of_member() {
            let followed;
            let target: Option<&Schema> = match member {
                ReferenceOr::Item(s) => Some(s),
                ReferenceOr::Reference { reference } => {
                    followed = self.refs.schema(reference);
                    followed.as_deref()
                }
            };
            if let Some(target) = target.filter(|_| self.depth < MAX_DEPTH && self.spend_visit()) {
                self.depth += 1;
                self.define_named(name, target, at);
                self.depth -= 1;
                if let (Some(doc), Some(def)) = (schema_doc(schema), self.types.last_mut()) {
                    def.doc = Some(doc);
                }
                return;
            }
        }
        let kind = match view.kind {
            Kind::String => TypeKind::Enum(string_enum(&view.enum_strings)),
            Kind::OneOf | Kind::AnyOf => TypeKind::Union(self.union(name, schema, &view, at)),
            Kind::AllOf => TypeKind::Struct(self.all_of(name, &view, at)),
            _ => TypeKind::Struct(self.object(name, &view, at)),
        };
        self.types.push(TypeDef {
            name: name.to_owned(),
            doc: schema_doc(schema),
            pointer: at.to_owned(),
            kind,
        });
    }

    fn object(&mut self, name: &str, view: &View<'_>, at: &str) -> Struct {
        let mut fields = Vec::new();
        let mut field_names = Namespace::with_reserved(&["additional_properties"]);
        let count = view
            .properties
            .map_or(0, |p| p.len())
            .max(view.required.len());
        if count > MAX_PROPERTIES {
            self.diags.error(
                &pointer::join(at, "properties"),
                format!(
                    "{count} properties are more than one struct can hold ({MAX_PROPERTIES}: \
                     rustc's cost grows faster than the field count); describe the \
                     object with `additionalProperties` instead"
                ),
            );
            return Struct {
                fields,
                additional: None,
                tag_owned_by_parent: None,
                required_sets: None,
            };
        }
        if let Some(properties) = view.properties {
            for (wire, property) in properties {
                let field_at = pointer::join(&pointer::join(at, "properties"), wire);
                fields.push(self.field(
                    name,
                    wire,
                    property,
                    view.required,
                    &field_at,
                    &mut field_names,
                ));
            }
        }
        // JSON Schema: a required name without a property schema must be
        // present and may hold any value; a field of any JSON value says so.
        let mut undefined = BTreeSet::new();
        for required in view.required {
            if view.properties.is_some_and(|p| p.contains_key(required))
                || view.additional.is_some()
                || !undefined.insert(required.as_str())
            {
                continue;
            }
            let required_at = pointer::join(at, "required");
            self.diags.warning(
                &required_at,
                format!("`{required}` is required but has no schema among the properties: an optional field of any JSON value"),
            );
            let any = ReferenceOr::Item(Box::new(Schema {
                schema_data: Default::default(),
                schema_kind: SchemaKind::Any(Default::default()),
            }));
            let mut field = self.field(
                name,
                required,
                &any,
                view.required,
                &required_at,
                &mut field_names,
            );
            // Servers leave out what the spec does not define, so reading
            // does not insist on it; examples still send it.
            field.required = false;
            field.required_in_requests = true;
            field.doc = Some("Required by the API, which gives it no schema.".to_owned());
            fields.push(field);
        }
        let required_sets = view.required_sets.and_then(|(exactly_one, members)| {
            let sets: Vec<Vec<String>> = members
                .iter()
                .filter_map(|m| match m {
                    ReferenceOr::Item(Schema {
                        schema_kind: SchemaKind::Any(any),
                        ..
                    }) => Some(any.required.clone()),
                    _ => None,
                })
                .collect();
            let known = |wire: &String| fields.iter().any(|f: &Field| &f.wire == wire);
            if sets.iter().flatten().all(known) {
                return Some(RequiredSets { exactly_one, sets });
            }
            self.diags.warning(
                &pointer::join(at, if exactly_one { "oneOf" } else { "anyOf" }),
                "a member requires a property the object does not define; not checked",
            );
            None
        });
        Struct {
            fields,
            additional: self
                .additional_shape(view.additional, at, name)
                .map(Box::new),
            tag_owned_by_parent: None,
            required_sets,
        }
    }

    fn field(
        &mut self,
        owner: &str,
        wire: &str,
        property: &ReferenceOr<Box<Schema>>,
        required: &[String],
        at: &str,
        names: &mut Namespace,
    ) -> Field {
        let shape = self.shape_of_boxed(property, at, &format!("{owner}{}", camel(wire)));
        // A referenced schema's own `nullable`/`readOnly` apply to the property.
        let followed;
        let target: Option<&Schema> = match property {
            ReferenceOr::Item(s) => Some(s),
            ReferenceOr::Reference { reference } => {
                followed = self.refs.schema(reference);
                followed.as_deref()
            }
        };
        let (doc, nullable, one_way, write_only) = match target {
            Some(s) => {
                let data = &s.schema_data;
                let doc = matches!(property, ReferenceOr::Item(_))
                    .then(|| schema_doc(s))
                    .flatten();
                let one_way = data.read_only || data.write_only;
                (doc, data.nullable, one_way, data.write_only)
            }
            None => (None, false, false, false),
        };
        let listed = required.iter().any(|r| r == wire);
        let doc = match (doc, one_way) {
            (Some(doc), true) => Some(format!(
                "{doc}\n\nOnly sent in one direction (read-only or write-only), so optional here."
            )),
            (doc, _) => doc,
        };
        Field {
            wire: wire.to_owned(),
            name: names.claim(&snake(wire)),
            shape,
            // One type serves requests and responses: a property present in
            // only one direction cannot be required in both.
            required: listed && !one_way,
            required_in_requests: listed && write_only,
            nullable,
            boxed: false,
            doc,
        }
    }

    /// `allOf`: the properties of every member merged into one object.
    fn all_of(&mut self, name: &str, view: &View<'_>, at: &str) -> Struct {
        let mut properties: IndexMap<String, ReferenceOr<Box<Schema>>> = IndexMap::new();
        let mut required: Vec<String> = Vec::new();
        let mut additional = None;
        let mut pending: Vec<(ReferenceOr<Schema>, String)> = view
            .members
            .iter()
            .enumerate()
            .rev()
            .map(|(i, m)| {
                (
                    m.clone(),
                    pointer::join(&pointer::join(at, "allOf"), &i.to_string()),
                )
            })
            .collect();
        let mut seen = BTreeSet::new();
        while let Some((member, member_at)) = pending.pop() {
            let (schema, schema_at) = match member {
                ReferenceOr::Item(s) => (s, member_at),
                ReferenceOr::Reference { reference } => {
                    if !seen.insert(reference.clone()) || seen.len() > 256 {
                        continue;
                    }
                    match self.resolve::<ReferenceOr<Schema>>(&reference, &member_at) {
                        Some((target, target_at)) => {
                            pending.push((target, target_at));
                            continue;
                        }
                        None => continue,
                    }
                }
            };
            let member_view = View::of(&schema);
            match member_view.kind {
                Kind::AllOf => {
                    for (i, m) in member_view.members.iter().enumerate().rev() {
                        pending.push((
                            m.clone(),
                            pointer::join(&pointer::join(&schema_at, "allOf"), &i.to_string()),
                        ));
                    }
                }
                Kind::Object | Kind::Unknown => {
                    if let Some(p) = member_view.properties {
                        for (k, v) in p {
                            // A later member restates an inherited property
                            // more precisely (both apply; the later is narrower).
                            properties.insert(k.clone(), v.clone());
                        }
                    }
                    required.extend(member_view.required.iter().cloned());
                    additional = additional.or(member_view.additional.cloned());
                }
                _ => self.diags.warning(
                    &schema_at,
                    "an `allOf` member that is not an object is ignored",
                ),
            }
        }
        // Keywords beside `allOf` apply too (`required` there is common).
        if let Some(own) = view.properties {
            for (k, v) in own {
                properties.insert(k.clone(), v.clone());
            }
        }
        required.extend(view.required.iter().cloned());
        additional = additional.or(view.additional.cloned());
        let merged = Schema {
            schema_data: Default::default(),
            schema_kind: SchemaKind::Type(Type::Object(openapiv3::ObjectType {
                properties,
                required,
                additional_properties: additional,
                min_properties: None,
                max_properties: None,
            })),
        };
        let merged_view = View::of(&merged);
        self.object(name, &merged_view, at)
    }

    fn union(&mut self, name: &str, schema: &Schema, view: &View<'_>, at: &str) -> Union {
        let keyword = if view.kind == Kind::OneOf {
            "oneOf"
        } else {
            "anyOf"
        };
        let discriminator = schema.schema_data.discriminator.as_ref();
        let mut variant_names = Namespace::default();
        let mut variants = Vec::new();
        let discriminator = discriminator.filter(|d| {
            // Inline members have no tag value: they make the union untagged too.
            let all_objects = view.members.iter().all(|m| {
                matches!(m, ReferenceOr::Reference { .. }) && self.is_object_schema(m, 0)
            });
            let mapped_objects = d.mapping.values().all(|target| {
                self.is_object_schema(&ReferenceOr::Reference { reference: target.clone() }, 0)
            });
            if !(all_objects && mapped_objects) {
                self.diags.warning(
                    &pointer::join(at, "discriminator"),
                    "a variant is inline or not an object, so the discriminator is ignored (untagged enum)",
                );
            }
            all_objects && mapped_objects
        });
        if let Some(d) = discriminator {
            let mut tag_values: Vec<(String, String)> = d
                .mapping
                .iter()
                .map(|(value, target)| (value.clone(), target.clone()))
                .collect();
            for (i, member) in view.members.iter().enumerate() {
                match member {
                    ReferenceOr::Reference { reference } => {
                        if !tag_values.iter().any(|(_, t)| t == reference) {
                            let value = reference.rsplit('/').next().unwrap_or_default().to_owned();
                            tag_values.push((value, reference.clone()));
                        }
                    }
                    ReferenceOr::Item(_) => self.diags.warning(
                        &pointer::join(&pointer::join(at, keyword), &i.to_string()),
                        "an inline member of a discriminated union has no tag value; it is left out",
                    ),
                }
            }
            for (value, target) in tag_values {
                let target = if target.starts_with('#') {
                    target
                } else {
                    format!("#/components/schemas/{target}")
                };
                let shape = self.shape_of_ref(&target, &pointer::join(at, "discriminator"));
                if let ShapeKind::Named(type_name) = &shape.kind {
                    self.tags_owned
                        .insert(type_name.clone(), d.property_name.clone());
                } else {
                    self.diags.error(
                        &pointer::join(at, "discriminator"),
                        format!("the variant `{value}` is not an object schema, so it cannot carry the tag"),
                    );
                }
                variants.push(UnionVariant {
                    name: variant_names.claim(&camel(&value)),
                    tag_value: Some(value),
                    shape,
                    boxed: false,
                });
            }
            return Union {
                tag: Some(d.property_name.clone()),
                variants,
                fallback: Some(variant_names.claim("Unknown")),
            };
        }
        // Properties and `required` beside the members constrain each object
        // member: `{oneOf: [A, B], required: [id]}` is `A` or `B` with `id`.
        let beside = (!view.required.is_empty() || view.properties.is_some_and(|p| !p.is_empty()))
            .then(|| {
                ReferenceOr::Item(Schema {
                    schema_data: Default::default(),
                    schema_kind: SchemaKind::Type(Type::Object(openapiv3::ObjectType {
                        properties: view.properties.cloned().unwrap_or_default(),
                        required: view.required.to_vec(),
                        ..Default::default()
                    })),
                })
            });
        for (i, member) in view.members.iter().enumerate() {
            let member_at = pointer::join(&pointer::join(at, keyword), &i.to_string());
            let hint = format!("{name}Variant{}", i + 1);
            let shape = match &beside {
                Some(beside) if self.is_object_schema(member, 0) => {
                    let merged = ReferenceOr::Item(Schema {
                        schema_data: Default::default(),
                        schema_kind: SchemaKind::AllOf {
                            all_of: vec![member.clone(), beside.clone()],
                        },
                    });
                    self.shape_of(&merged, &member_at, &hint)
                }
                _ => self.shape_of(member, &member_at, &hint),
            };
            let base = match (&shape.kind, member) {
                // A reference still being lowered: name the variant after it.
                (ShapeKind::Named(n), ReferenceOr::Reference { reference })
                    if n.starts_with('\u{0}') =>
                {
                    camel(reference.rsplit('/').next().unwrap_or("Value"))
                }
                (ShapeKind::Named(n), _) => n.clone(),
                (other, _) => kind_word(other).to_owned(),
            };
            variants.push(UnionVariant {
                name: variant_names.claim(&base),
                tag_value: None,
                shape,
                boxed: false,
            });
        }
        Union {
            tag: None,
            variants,
            fallback: None,
        }
    }
}

impl Lowerer<'_> {
    /// The element shapes of a tuple the front end read from `prefixItems`.
    fn tuple(&mut self, schema: &Schema, at: &str, hint: &str) -> ShapeKind {
        let list = schema.schema_data.extensions.get(crate::front::TUPLE_KEY);
        let elements: Vec<ReferenceOr<Schema>> =
            match list.map(|l| serde_json::from_value(l.clone())) {
                Some(Ok(elements)) => elements,
                Some(Err(e)) => {
                    self.diags.error(
                        &pointer::join(at, "prefixItems"),
                        format!("not a list of schemas: {e}"),
                    );
                    return ShapeKind::Any;
                }
                None => return ShapeKind::Any,
            };
        let list_at = pointer::join(at, crate::front::TUPLE_KEY);
        let shapes = elements
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let hint = format!("{hint}{}", i + 1);
                self.value_shape(e, &pointer::join(&list_at, &i.to_string()), &hint)
            })
            .collect();
        ShapeKind::Tuple(shapes)
    }
}

/// `Option<shape>` when `nullable` (an any value holds `null` already).
fn nullable_if(shape: Shape, nullable: bool) -> Shape {
    if nullable && shape.kind != ShapeKind::Any {
        Shape {
            kind: ShapeKind::Nullable(Box::new(shape)),
            checks: Checks::default(),
        }
    } else {
        shape
    }
}

/// A name no Rust type can have, standing for a reference still being lowered.
fn recursion_marker(reference: &str) -> String {
    format!("\u{0}recursion:{reference}")
}

fn mentions(shape: &Shape, marker: &str) -> bool {
    match &shape.kind {
        ShapeKind::Named(n) => n == marker,
        ShapeKind::Array(inner) | ShapeKind::Map(inner) => mentions(inner, marker),
        ShapeKind::Tuple(elements) => elements.iter().any(|e| mentions(e, marker)),
        ShapeKind::Nullable(inner) => mentions(inner, marker),
        _ => false,
    }
}

fn substitute(shape: &mut Shape, marker: &str, with: &Shape) {
    match &mut shape.kind {
        ShapeKind::Named(n) if n == marker => {
            // The use site's own constraints win; the rest comes from the schema.
            let checks = std::mem::take(&mut shape.checks);
            *shape = with.clone();
            if !checks.is_empty() {
                shape.checks = checks;
            }
        }
        ShapeKind::Array(inner) | ShapeKind::Map(inner) => substitute(inner, marker, with),
        ShapeKind::Tuple(elements) => {
            for e in elements {
                substitute(e, marker, with);
            }
        }
        ShapeKind::Nullable(inner) => substitute(inner, marker, with),
        _ => {}
    }
}

impl<'a> Lowerer<'a> {
    /// True when `schema` (after references) is an object with no
    /// properties and no additional ones: `{type: object, properties: {}}`.
    fn is_empty_object(&self, schema: &ReferenceOr<Schema>, depth: usize) -> bool {
        if depth > MAX_DEPTH || !self.spend_visit() {
            return false;
        }
        let followed;
        let target: &Schema = match schema {
            ReferenceOr::Item(s) => s,
            ReferenceOr::Reference { reference } => match self.refs.schema(reference) {
                Some(s) => {
                    followed = s;
                    &followed
                }
                None => return false,
            },
        };
        let view = View::of(target);
        view.kind == Kind::Object
            && !view.properties.is_some_and(|p| !p.is_empty())
            && view.additional.is_none()
    }

    /// True when `schema` (after references) describes an object. A bare
    /// name (as discriminator mappings may give) names a component schema.
    /// For `allOf` of scalars only (a string `$ref` and `{type: string,
    /// nullable: true}`, say), its first member: the value is that scalar,
    /// not an object.
    fn scalar_all_of<'v>(&self, view: &View<'v>) -> Option<&'v ReferenceOr<Schema>> {
        if view.kind != Kind::AllOf || view.properties.is_some_and(|p| !p.is_empty()) {
            return None;
        }
        let kind_of = |member: &ReferenceOr<Schema>| -> Option<Kind> {
            let kind = match member {
                ReferenceOr::Item(s) => View::of(s).kind,
                ReferenceOr::Reference { reference } => {
                    View::of(&*self.refs.schema(reference)?).kind
                }
            };
            Some(kind)
        };
        let kinds: Vec<Kind> = view.members.iter().map(kind_of).collect::<Option<_>>()?;
        let scalar = |k: &Kind| {
            matches!(
                k,
                Kind::String | Kind::Integer | Kind::Number | Kind::Boolean
            )
        };
        let at = kinds.iter().position(|k| *k != Kind::Unknown)?;
        let first = &kinds[at];
        (scalar(first) && kinds.iter().all(|k| k == first || *k == Kind::Unknown))
            .then(|| view.members.get(at))
            .flatten()
    }

    fn is_object_schema(&self, schema: &ReferenceOr<Schema>, depth: usize) -> bool {
        match schema {
            ReferenceOr::Item(s) => self.is_object(s, depth),
            ReferenceOr::Reference { reference } => {
                let reference = if reference.starts_with('#') {
                    reference.clone()
                } else {
                    format!("#/components/schemas/{reference}")
                };
                match self.refs.schema(&reference) {
                    Some(target) => self.is_object(&target, depth),
                    None => false,
                }
            }
        }
    }

    fn is_object(&self, schema: &Schema, depth: usize) -> bool {
        if depth > MAX_DEPTH || !self.spend_visit() {
            return false;
        }
        let view = View::of(schema);
        match view.kind {
            Kind::Object | Kind::Unknown => view.properties.is_some_and(|p| !p.is_empty()),
            // Members that are empty objects add nothing and take nothing away.
            Kind::AllOf => {
                let objects: Vec<bool> = view
                    .members
                    .iter()
                    .map(|m| self.is_object_schema(m, depth + 1))
                    .collect();
                objects.iter().any(|o| *o)
                    && view
                        .members
                        .iter()
                        .zip(&objects)
                        .all(|(m, object)| *object || self.is_empty_object(m, depth + 1))
            }
            _ => false,
        }
    }
}

fn kind_word(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Bool => "Bool",
        ShapeKind::Integer(_) => "Integer",
        ShapeKind::Number(_) => "Number",
        ShapeKind::String => "String",
        ShapeKind::Any => "Value",
        ShapeKind::Array(_) => "Array",
        ShapeKind::Tuple(_) => "Tuple",
        ShapeKind::Nullable(_) => "Nullable",
        ShapeKind::Map(_) => "Map",
        ShapeKind::Named(_) => "Named",
        ShapeKind::Bytes => "Bytes",
    }
}

fn string_enum(values: &[String]) -> StringEnum {
    let mut names = Namespace::default();
    let fallback_base = "Unknown";
    let mut seen = BTreeSet::new();
    let variants: Vec<EnumVariant> = values
        .iter()
        .filter(|v| seen.insert(v.as_str()))
        .map(|v| EnumVariant {
            name: names.claim(&camel(v)),
            wire: v.clone(),
        })
        .collect();
    StringEnum {
        fallback: names.claim(fallback_base),
        variants,
    }
}

/// Boxes every field and variant whose type contains the enclosing type.
pub(super) fn box_recursive(types: &mut [TypeDef]) {
    // A field of `owner` holding `n` inline must be boxed when `n` reaches
    // `owner` again, that is when both lie in one strongly connected
    // component of the inline-holding graph: one pass over the graph, not
    // one search per field.
    let index: BTreeMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|t| {
            direct_children(&t.kind)
                .iter()
                .filter_map(|n| index.get(n.as_str()).copied())
                .collect()
        })
        .collect();
    let component = strongly_connected(&edges);
    let cyclic = |n: &str, owner: usize| {
        index
            .get(n)
            .is_some_and(|&i| component[i] == component[owner])
    };
    let boxed: Vec<Vec<bool>> = types
        .iter()
        .enumerate()
        .map(|(owner, def)| {
            held_shapes(&def.kind)
                .into_iter()
                .map(|shape| matches!(&shape.kind, ShapeKind::Named(n) if cyclic(n, owner)))
                .collect()
        })
        .collect();
    for (def, boxed) in types.iter_mut().zip(boxed) {
        match &mut def.kind {
            TypeKind::Struct(s) => {
                for (f, boxed) in s.fields.iter_mut().zip(boxed) {
                    if let ShapeKind::Named(_) = &f.shape.kind {
                        f.boxed = boxed;
                    }
                }
            }
            TypeKind::Union(u) => {
                for (v, boxed) in u.variants.iter_mut().zip(boxed) {
                    if let ShapeKind::Named(_) = &v.shape.kind {
                        v.boxed = boxed;
                    }
                }
            }
            TypeKind::Enum(_) => {}
        }
    }
}

/// The strongly connected component of every node of `edges` (Kosaraju,
/// iterative: a deep chain of types must not overflow the stack).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    let n = edges.len();
    // Finishing order of a depth-first search.
    let mut order = Vec::with_capacity(n);
    let mut visited = vec![false; n];
    for start in 0..n {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack = vec![(start, 0)];
        while let Some((node, next)) = stack.pop() {
            if let Some(&child) = edges[node].get(next) {
                stack.push((node, next + 1));
                if !visited[child] {
                    visited[child] = true;
                    stack.push((child, 0));
                }
            } else {
                order.push(node);
            }
        }
    }
    let mut reverse = vec![Vec::new(); n];
    for (from, children) in edges.iter().enumerate() {
        for &to in children {
            reverse[to].push(from);
        }
    }
    let mut component = vec![usize::MAX; n];
    for (id, &root) in order.iter().rev().enumerate() {
        if component[root] != usize::MAX {
            continue;
        }
        component[root] = id;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &from in &reverse[node] {
                if component[from] == usize::MAX {
                    component[from] = id;
                    stack.push(from);
                }
            }
        }
    }
    component
}

/// The shapes of a type's fields or variants, in order.
fn held_shapes(kind: &TypeKind) -> Vec<&Shape> {
    match kind {
        TypeKind::Struct(s) => s.fields.iter().map(|f| &f.shape).collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.shape).collect(),
        TypeKind::Enum(_) => Vec::new(),
    }
}

/// Named types held inline (not behind `Vec` or a map).
fn direct_children(kind: &TypeKind) -> BTreeSet<String> {
    held_shapes(kind)
        .into_iter()
        .filter_map(|s| match &s.kind {
            ShapeKind::Named(n) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::strongly_connected;

    #[test]
    fn components_are_the_cycles() {
        // 0 → 1 → 2 → 0 is a cycle; 2 → 3; 3 holds itself; 4 stands alone.
        let component = strongly_connected(&[vec![1], vec![2], vec![0, 3], vec![3], vec![]]);
        assert_eq!(component[0], component[1]);
        assert_eq!(component[1], component[2]);
        assert_ne!(component[2], component[3]);
        assert_ne!(component[3], component[4]);
        assert_ne!(component[0], component[4]);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let mut edges: Vec<Vec<usize>> = (1..100_000).map(|i| vec![i]).collect();
        edges.push(vec![0]);
        let component = strongly_connected(&edges);
        assert!(component.iter().all(|&c| c == component[0]));
    }
}
