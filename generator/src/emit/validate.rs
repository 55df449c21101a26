//! Constraint checks for one value, as statements that return early with
//! `rt::InvalidInput`. `rt` must name the runtime module where they are used.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::ir::{Checks, Shape, ShapeKind};

/// True when a value of `shape` is checked entirely by the `Validate` impls
/// of the named types it holds (directly, or in arrays, maps and options).
pub fn delegates(shape: &Shape) -> bool {
    match &shape.kind {
        ShapeKind::Named(_) => true,
        ShapeKind::Array(item) | ShapeKind::Map(item) => {
            shape.checks.min_items.is_none() && shape.checks.max_items.is_none() && delegates(item)
        }
        _ => false,
    }
}

/// Statements checking `value` (an expression of type `&T`) at `path` (`&str`).
pub fn checks(shape: &Shape, value: &TokenStream, path: &TokenStream) -> TokenStream {
    let own = own_checks(&shape.checks, &shape.kind, value, path);
    let nested = match &shape.kind {
        ShapeKind::Named(_) => quote! {
            rt::validate::Validate::validate(#value, #path)?;
        },
        ShapeKind::Array(item) => {
            let inner = checks(item, &quote!(item), &quote!(&item_path));
            if inner.is_empty() {
                inner
            } else {
                quote! {
                    for (i, item) in #value.iter().enumerate() {
                        let item_path = rt::validate::index(#path, i);
                        #inner
                    }
                }
            }
        }
        ShapeKind::Nullable(inner) => {
            let inner = checks(inner, &quote!(value), path);
            if inner.is_empty() {
                inner
            } else {
                quote! {
                    if let Some(value) = #value {
                        #inner
                    }
                }
            }
        }
        ShapeKind::Tuple(elements) => {
            let each = elements.iter().enumerate().map(|(i, e)| {
                let inner = checks(e, &quote!(item), &quote!(&item_path));
                let index = proc_macro2::Literal::usize_unsuffixed(i);
                (!inner.is_empty()).then(|| {
                    quote! {{
                        let (item, item_path) = (&#value.#index, rt::validate::index(#path, #index));
                        #inner
                    }}
                })
            });
            quote!(#(#each)*)
        }
        ShapeKind::Map(item) => {
            let inner = checks(item, &quote!(item), &quote!(&item_path));
            if inner.is_empty() {
                inner
            } else {
                quote! {
                    for (key, item) in #value.iter() {
                        let item_path = rt::validate::join(#path, key);
                        #inner
                    }
                }
            }
        }
        _ => TokenStream::new(),
    };
    quote! { #own #nested }
}

fn own_checks(
    checks: &Checks,
    kind: &ShapeKind,
    value: &TokenStream,
    path: &TokenStream,
) -> TokenStream {
    let mut out = TokenStream::new();
    if matches!(kind, ShapeKind::String)
        && (checks.min_length.is_some() || checks.max_length.is_some())
    {
        let (min, max) = (opt_usize(checks.min_length), opt_usize(checks.max_length));
        out.extend(quote! { rt::validate::length(#path, #value, #min, #max)?; });
    }
    if matches!(kind, ShapeKind::Array(_) | ShapeKind::Map(_))
        && (checks.min_items.is_some() || checks.max_items.is_some())
    {
        let (min, max) = (opt_usize(checks.min_items), opt_usize(checks.max_items));
        out.extend(quote! { rt::validate::items(#path, #value.len(), #min, #max)?; });
    }
    if let ShapeKind::Number(_) = kind {
        out.extend(quote! { rt::validate::finite(#path, *#value)?; });
    }
    if let ShapeKind::Integer(_) | ShapeKind::Number(_) = kind {
        let (lowest, highest) = representable(kind);
        // Bounds the type cannot break are dropped: a literal outside the
        // type's range would not compile.
        let usable = |b: Option<(f64, bool)>| {
            b.filter(|(v, _)| v.is_finite() && *v >= lowest && *v < highest)
        };
        let (minimum, maximum) = (usable(checks.minimum), usable(checks.maximum));
        if let Some(exact) = exact_integer_range(kind, checks, path, value) {
            out.extend(exact);
        } else if minimum.is_some() || maximum.is_some() {
            let is_int = matches!(kind, ShapeKind::Integer(_));
            let bound = |b: Option<(f64, bool)>| match b {
                Some((v, exclusive)) if is_int => {
                    let v = Literal::i128_unsuffixed(v as i128);
                    quote!(Some((#v, #exclusive)))
                }
                Some((v, exclusive)) => {
                    let v = Literal::f64_unsuffixed(v);
                    quote!(Some((#v, #exclusive)))
                }
                None => quote!(None),
            };
            // Fractional bounds on integers: the nearest integers inside them.
            let (minimum, maximum) = if is_int {
                (
                    minimum.map(|(v, e)| (v.ceil(), e && v == v.ceil())),
                    maximum.map(|(v, e)| (v.floor(), e && v == v.floor())),
                )
            } else {
                (minimum, maximum)
            };
            let (min, max) = (bound(minimum), bound(maximum));
            out.extend(quote! { rt::validate::range(#path, *#value, #min, #max)?; });
        }
    }
    out
}

/// The range check of an integer schema from its exact bounds: no `f64` in
/// between, so bounds beyond 2^53 keep every digit. `None` when the schema
/// has no exact bounds.
fn exact_integer_range(
    kind: &ShapeKind,
    checks: &crate::ir::Checks,
    path: &TokenStream,
    value: &TokenStream,
) -> Option<TokenStream> {
    use crate::ir::IntWidth;
    let ShapeKind::Integer(width) = kind else {
        return None;
    };
    let (low, high) = match width {
        IntWidth::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
        IntWidth::I64 => (i128::from(i64::MIN), i128::from(i64::MAX)),
        IntWidth::U32 => (0, i128::from(u32::MAX)),
        IntWidth::U64 => (0, i128::from(u64::MAX)),
    };
    let (min, max) = checks.integer_bounds;
    if min.is_none() && max.is_none() {
        return None;
    }
    let exclusive = |b: Option<(f64, bool)>| b.is_some_and(|(_, e)| e);
    // A bound the type cannot break is dropped: its literal would not
    // compile, or (inclusive, at the type's own limit on its side) it would
    // check nothing.
    let bound = |b: Option<i64>, exclusive: bool, limit: i128| match b.map(i128::from) {
        Some(v) if (low..=high).contains(&v) && (exclusive || v != limit) => {
            let v = Literal::i128_unsuffixed(v);
            quote!(Some((#v, #exclusive)))
        }
        _ => quote!(None),
    };
    let min = bound(min, exclusive(checks.minimum), low);
    let max = bound(max, exclusive(checks.maximum), high);
    if min.to_string() == "None" && max.to_string() == "None" {
        return Some(TokenStream::new());
    }
    Some(quote! { rt::validate::range(#path, *#value, #min, #max)?; })
}

/// The values a numeric type can hold, as `f64`.
fn representable(kind: &ShapeKind) -> (f64, f64) {
    use crate::ir::{FloatWidth, IntWidth};
    match kind {
        ShapeKind::Integer(IntWidth::I32) => (i32::MIN as f64, i32::MAX as f64),
        ShapeKind::Integer(IntWidth::I64) => (i64::MIN as f64, i64::MAX as f64),
        ShapeKind::Integer(IntWidth::U32) => (0.0, u32::MAX as f64),
        ShapeKind::Integer(IntWidth::U64) => (0.0, u64::MAX as f64),
        ShapeKind::Number(FloatWidth::F32) => (f32::MIN as f64, f32::MAX as f64),
        _ => (f64::MIN, f64::MAX),
    }
}

fn opt_usize(v: Option<usize>) -> TokenStream {
    match v {
        Some(n) => {
            let n = Literal::usize_unsuffixed(n);
            quote!(Some(#n))
        }
        None => quote!(None),
    }
}
