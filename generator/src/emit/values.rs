//! Example values: an expression of each shape's Rust type whose value
//! meets the spec's constraints, from the spec's `example` where it fits,
//! else made up from type, format, bounds, enum and pattern.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens as _};
use serde_json::Value;

use crate::ir::{Api, FloatWidth, IntWidth, Shape, ShapeKind, TypeKind};
use crate::names::ident;

/// How deep values nest before a branch is left out: a required property
/// that holds its own type (through a `Box`) would never end.
const MAX_DEPTH: usize = 12;

/// Values one example may build: objects whose required properties are
/// objects with many required properties grow exponentially with depth.
const MAX_VALUES: usize = 2_000;

pub(super) struct Values<'a> {
    api: &'a Api,
    /// Whether a value named a type of `types`.
    used_types: std::cell::Cell<bool>,
    /// Values built so far, bounded by [`MAX_VALUES`].
    built: std::cell::Cell<usize>,
    /// Building a parameter, sent as text rather than JSON.
    in_text: std::cell::Cell<bool>,
}

impl<'a> Values<'a> {
    pub(super) fn new(api: &'a Api) -> Self {
        Values {
            api,
            used_types: std::cell::Cell::new(false),
            built: std::cell::Cell::new(0),
            in_text: std::cell::Cell::new(true),
        }
    }

    /// The kind of the named type `name`.
    fn type_kind(&self, name: &str) -> Option<&'a TypeKind> {
        let api: &'a Api = self.api;
        api.types.iter().find(|t| t.name == name).map(|t| &t.kind)
    }

    /// Whether a value named a type of `types`.
    pub(super) fn used_types(&self) -> bool {
        self.used_types.get()
    }

    /// Whether values are sent as text (parameters, forms) rather than JSON.
    pub(super) fn sent_as_text(&self, text: bool) {
        self.in_text.set(text);
    }

    /// An expression of `shape`'s type, or of a type that converts into it
    /// where `into` (an `impl Into<T>` argument).
    pub(super) fn of(
        &self,
        shape: &Shape,
        hint: Option<&Value>,
        into: bool,
        depth: usize,
    ) -> Option<TokenStream> {
        self.built.set(self.built.get() + 1);
        if depth > MAX_DEPTH || self.built.get() > MAX_VALUES {
            return None;
        }
        let sample = shape.checks.sample.as_deref();
        let hint = hint.or(sample.and_then(|s| s.example.as_ref()));
        Some(match &shape.kind {
            ShapeKind::Bool => {
                let value = hint.and_then(Value::as_bool).unwrap_or(true);
                quote!(#value)
            }
            ShapeKind::Integer(width) => integer(shape, hint, *width),
            ShapeKind::Number(width) => number(shape, hint, *width),
            ShapeKind::String => {
                let text = string(shape, hint);
                if into {
                    quote!(#text)
                } else {
                    quote!(#text.to_owned())
                }
            }
            ShapeKind::Bytes => quote!(b"bytes".to_vec()),
            ShapeKind::Any => any(hint),
            ShapeKind::Array(item) => {
                if shape.checks.max_items == Some(0) {
                    return Some(quote!(Vec::new()));
                }
                let first = hint.and_then(Value::as_array).and_then(|a| a.first());
                let item = self.of(item, first, false, depth + 1)?;
                let count = shape.checks.min_items.unwrap_or(1).clamp(1, 3);
                let items = std::iter::repeat(&item).take(count);
                quote!(vec![#(#items),*])
            }
            ShapeKind::Tuple(elements) => {
                let hints = hint.and_then(Value::as_array);
                let values = elements
                    .iter()
                    .enumerate()
                    .map(|(i, e)| self.of(e, hints.and_then(|h| h.get(i)), false, depth + 1))
                    .collect::<Option<Vec<_>>>()?;
                quote!((#(#values,)*))
            }
            ShapeKind::Nullable(inner) => {
                let value = self.of(inner, hint, false, depth + 1)?;
                quote!(Some(#value))
            }
            ShapeKind::Map(value) => {
                if shape.checks.max_items == Some(0) {
                    return Some(quote!(std::collections::BTreeMap::new()));
                }
                let (key, first) = match hint
                    .and_then(Value::as_object)
                    .and_then(|o| o.iter().next())
                {
                    Some((key, value)) => (key.as_str(), Some(value)),
                    None => ("key", None),
                };
                let value = self.of(value, first, false, depth + 1)?;
                quote!(std::collections::BTreeMap::from([(#key.to_owned(), #value)]))
            }
            ShapeKind::Named(name) => return self.named(name, hint, depth),
        })
    }

    fn named(&self, name: &str, hint: Option<&Value>, depth: usize) -> Option<TokenStream> {
        let def = self.api.types.iter().find(|t| t.name == name)?;
        let type_name = ident(name);
        let path = quote!(types::#type_name);
        self.used_types.set(true);
        Some(match &def.kind {
            TypeKind::Enum(e) => {
                let wanted = hint.and_then(Value::as_str);
                let variant = e
                    .variants
                    .iter()
                    .find(|v| Some(v.wire.as_str()) == wanted)
                    .or(e.variants.first())?;
                let variant = ident(&variant.name);
                quote!(#path::#variant)
            }
            TypeKind::Struct(s) => {
                let fields = hint.and_then(Value::as_object);
                let args = s
                    .fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| {
                        let hint = fields.and_then(|o| o.get(&f.wire));
                        // A nullable one is an `Option`, which a `T` converts into.
                        let value = self.of(&f.shape, hint, !f.nullable, depth + 1)?;
                        Some(if f.nullable && f.boxed {
                            quote!(Box::new(#value))
                        } else {
                            value
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                // Optional in Rust but to be set: required in the spec but
                // write-only, or in the first of the alternative sets.
                let first_set = s.required_sets.as_ref().and_then(|r| r.sets.first());
                let writes = s
                    .fields
                    .iter()
                    .filter(|f| {
                        f.required_in_requests
                            || (!f.required && first_set.is_some_and(|set| set.contains(&f.wire)))
                    })
                    .filter_map(|f| {
                        let hint = fields.and_then(|o| o.get(&f.wire));
                        let value = self.of(&f.shape, hint, true, depth + 1)?;
                        let setter = quote::format_ident!("with_{}", crate::names::bare(&f.name));
                        Some(quote!(.#setter(#value)))
                    });
                quote!(#path::new(#(#args),*) #(#writes)*)
            }
            TypeKind::Union(u) => {
                let chosen = match (&u.tag, hint.and_then(Value::as_object)) {
                    (Some(tag), Some(fields)) => {
                        let wanted = fields.get(tag).and_then(Value::as_str);
                        u.variants.iter().find(|v| v.tag_value.as_deref() == wanted)
                    }
                    _ => None,
                };
                // Untagged: a variant whose value no other variant also
                // takes (`oneOf` wants exactly one), else the first that can
                // be built at all.
                let distinct = (u.tag.is_none())
                    .then(|| {
                        u.variants.iter().find(|v| {
                            let value = self.wire_kind(&v.shape, 0);
                            u.variants
                                .iter()
                                .filter(|w| w.name != v.name)
                                .all(|w| !self.takes(&w.shape, &value, 0))
                        })
                    })
                    .flatten();
                let (variant, value) = chosen
                    .into_iter()
                    .chain(distinct)
                    .chain(&u.variants)
                    .find_map(|v| Some((v, self.of(&v.shape, hint, false, depth + 1)?)))?;
                let name = ident(&variant.name);
                if variant.boxed {
                    quote!(#path::#name(Box::new(#value)))
                } else {
                    quote!(#path::#name(#value))
                }
            }
        })
    }
}

/// What an example value of a shape looks like on the wire, coarsely: enough
/// to tell whether another variant of an untagged union would take it too.
#[derive(Debug, Clone, PartialEq)]
enum WireKind {
    Bool,
    Integer,
    /// Not a whole number (examples make `1.5`).
    Fraction,
    /// Text that reads as no number or boolean (examples make `"string"`).
    Text,
    Array,
    /// An object with these properties.
    Object(Vec<String>),
    Unknown,
}

impl Values<'_> {
    fn wire_kind(&self, shape: &Shape, depth: usize) -> WireKind {
        match &shape.kind {
            ShapeKind::Bool => WireKind::Bool,
            ShapeKind::Integer(_) => WireKind::Integer,
            ShapeKind::Number(_) => WireKind::Fraction,
            ShapeKind::String | ShapeKind::Bytes => WireKind::Text,
            ShapeKind::Array(_) | ShapeKind::Tuple(_) => WireKind::Array,
            ShapeKind::Nullable(inner) if depth < 4 => self.wire_kind(inner, depth + 1),
            ShapeKind::Map(_) => WireKind::Object(vec!["key".to_owned()]),
            ShapeKind::Named(name) if depth < 4 => match self.type_kind(name) {
                Some(TypeKind::Enum(_)) => WireKind::Text,
                Some(TypeKind::Struct(s)) => {
                    let first_set = s.required_sets.as_ref().and_then(|r| r.sets.first());
                    WireKind::Object(
                        s.fields
                            .iter()
                            .filter(|f| {
                                f.required
                                    || f.required_in_requests
                                    || first_set.is_some_and(|set| set.contains(&f.wire))
                            })
                            .map(|f| f.wire.clone())
                            .collect(),
                    )
                }
                _ => WireKind::Unknown,
            },
            _ => WireKind::Unknown,
        }
    }

    /// Whether a value of `shape` may be `value` (false only when surely not).
    fn takes(&self, shape: &Shape, value: &WireKind, depth: usize) -> bool {
        match (&shape.kind, value) {
            (_, WireKind::Unknown) | (ShapeKind::Any, _) => true,
            (ShapeKind::Nullable(inner), _) if depth < 4 => self.takes(inner, value, depth + 1),
            (ShapeKind::Bool, v) => *v == WireKind::Bool,
            (ShapeKind::Integer(_), v) => *v == WireKind::Integer,
            (ShapeKind::Number(_), v) => matches!(v, WireKind::Integer | WireKind::Fraction),
            // In a parameter every value is text, which a string takes.
            (ShapeKind::String | ShapeKind::Bytes, v) => {
                *v == WireKind::Text
                    || (self.in_text.get()
                        && matches!(v, WireKind::Bool | WireKind::Integer | WireKind::Fraction))
            }
            (ShapeKind::Array(_) | ShapeKind::Tuple(_), v) => *v == WireKind::Array,
            (ShapeKind::Map(_), v) => matches!(v, WireKind::Object(_)),
            (ShapeKind::Named(name), v) if depth < 4 => {
                match (self.type_kind(name), v) {
                    (Some(TypeKind::Enum(_)), v) => *v == WireKind::Text,
                    // An object without some property this one requires is not one.
                    (Some(TypeKind::Struct(s)), WireKind::Object(sent)) => s
                        .fields
                        .iter()
                        .filter(|f| f.required)
                        .all(|f| sent.contains(&f.wire)),
                    (Some(TypeKind::Struct(_)), _) => false,
                    _ => true,
                }
            }
            _ => true,
        }
    }
}

/// The values the spec's `enum` allows a scalar that is no string enum.
fn allowed_values(shape: &Shape) -> &[Value] {
    shape
        .checks
        .sample
        .as_deref()
        .map(|s| &s.values[..])
        .unwrap_or_default()
}

fn integer(shape: &Shape, hint: Option<&Value>, width: IntWidth) -> TokenStream {
    let (low, high) = bounds(shape, width);
    let allowed = allowed_values(shape);
    let candidates = allowed
        .iter()
        .chain(hint)
        .filter_map(Value::as_i64)
        .chain([1, 0, low, high]);
    let value = candidates
        .into_iter()
        .find(|v| {
            (low..=high).contains(v)
                && (allowed.is_empty() || allowed.iter().any(|a| a.as_i64() == Some(*v)))
        })
        .unwrap_or(low);
    match width {
        IntWidth::I32 => Literal::i32_suffixed(value as i32),
        IntWidth::I64 => Literal::i64_suffixed(value),
        IntWidth::U32 => Literal::u32_suffixed(value as u32),
        IntWidth::U64 => Literal::u64_suffixed(value as u64),
    }
    .into_token_stream()
}

/// The inclusive range a value may take: its type's, narrowed by the spec.
fn bounds(shape: &Shape, width: IntWidth) -> (i64, i64) {
    let (type_low, type_high) = match width {
        IntWidth::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        IntWidth::U32 => (0, i64::from(u32::MAX)),
        IntWidth::I64 => (i64::MIN, i64::MAX),
        IntWidth::U64 => (0, i64::MAX),
    };
    let checks = &shape.checks;
    let exclusive = |bound: Option<(f64, bool)>| bound.is_some_and(|(_, e)| e);
    let low = checks.integer_bounds.0.map_or(type_low, |b| {
        b.saturating_add(i64::from(exclusive(checks.minimum)))
    });
    let high = checks.integer_bounds.1.map_or(type_high, |b| {
        b.saturating_sub(i64::from(exclusive(checks.maximum)))
    });
    (low.max(type_low), high.min(type_high))
}

fn number(shape: &Shape, hint: Option<&Value>, width: FloatWidth) -> TokenStream {
    let checks = &shape.checks;
    let fits = |v: f64| {
        v.is_finite()
            && checks
                .minimum
                .map_or(true, |(m, excl)| if excl { v > m } else { v >= m })
            && checks
                .maximum
                .map_or(true, |(m, excl)| if excl { v < m } else { v <= m })
    };
    let allowed = allowed_values(shape);
    let from_bounds = [checks.minimum, checks.maximum]
        .into_iter()
        .flatten()
        .flat_map(|(m, _)| [m, m + 1.0, m - 1.0, (m * 2.0).ceil() / 2.0]);
    let value = allowed
        .iter()
        .chain(hint)
        .filter_map(Value::as_f64)
        .chain([1.5, 1.0, 0.0])
        .chain(from_bounds)
        .find(|v| fits(*v))
        .unwrap_or(0.0);
    match width {
        FloatWidth::F32 => Literal::f32_suffixed(value as f32),
        FloatWidth::F64 => Literal::f64_suffixed(value),
    }
    .into_token_stream()
}

fn string(shape: &Shape, hint: Option<&Value>) -> String {
    let checks = &shape.checks;
    let sample = shape.checks.sample.as_deref();
    let fits = |text: &str| {
        let chars = text.chars().count();
        checks.min_length.map_or(true, |m| chars >= m)
            && checks.max_length.map_or(true, |m| chars <= m)
    };
    let pattern = sample.and_then(|s| s.pattern.as_deref());
    let matches = |text: &str| pattern.map_or(true, |p| super::pattern::matches(p, text));
    if let Some(text) = hint
        .and_then(Value::as_str)
        .filter(|t| fits(t) && matches(t))
    {
        return text.to_owned();
    }
    if let Some(text) = pattern
        .and_then(super::pattern::string_for)
        .filter(|t| fits(t))
    {
        return text;
    }
    let format = sample.and_then(|s| s.format.as_deref()).unwrap_or_default();
    let made = match format {
        "date-time" | "datetime" => "2024-01-01T00:00:00Z",
        "date" => "2024-01-01",
        "time" => "12:00:00Z",
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "email" => "user@example.com",
        "uri" | "url" | "iri" => "https://example.com",
        "hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "byte" => "Ynl0ZXM=",
        "duration" => "P1D",
        _ => "string",
    };
    let mut text = made.to_owned();
    let min = checks.min_length.unwrap_or(0).min(64);
    while text.chars().count() < min {
        text.push('x');
    }
    if let Some(max) = checks.max_length {
        text = text.chars().take(max).collect();
    }
    text
}

fn any(hint: Option<&Value>) -> TokenStream {
    match hint {
        Some(Value::String(s)) => quote!(serde_json::Value::from(#s)),
        Some(Value::Bool(b)) => quote!(serde_json::Value::from(#b)),
        Some(Value::Number(n)) if n.is_i64() => {
            let n = Literal::i64_suffixed(n.as_i64().unwrap_or_default());
            quote!(serde_json::Value::from(#n))
        }
        // An object fits a schema that says nothing, and is a body.
        _ => quote!(serde_json::Value::Object(Default::default())),
    }
}
