//! The one way lowering follows `$ref`s: local JSON pointers into the
//! document, chains followed with one cycle set and one bound on their
//! length, and the schema a chain ends in cached per reference.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use openapiv3::{OpenAPI, ReferenceOr, Schema};
use serde::de::DeserializeOwned;

use crate::diag::pointer;

/// Most references one chain may pass through.
pub(super) const MAX_HOPS: usize = 64;

/// Why a reference leads nowhere usable.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Unresolved {
    /// Not a pointer into this document.
    External,
    /// No value at the pointer.
    Dangling,
    /// The value is not the kind of object the place needs.
    Invalid(String),
    /// The chain comes back to a reference it passed.
    Cycle(String),
    /// The chain is longer than [`MAX_HOPS`].
    TooLong,
}

impl fmt::Display for Unresolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unresolved::External => {
                f.write_str("is not local; external references are not supported")
            }
            Unresolved::Dangling => f.write_str("points to nothing"),
            Unresolved::Invalid(e) => write!(f, "points to an invalid object: {e}"),
            Unresolved::Cycle(r) => write!(f, "is part of a reference cycle through `{r}`"),
            Unresolved::TooLong => write!(f, "starts a chain of more than {MAX_HOPS} references"),
        }
    }
}

/// A schema a reference ends in: borrowed from the typed document for
/// component schemas, else parsed once from the raw tree and shared.
#[derive(Debug, Clone)]
pub(super) enum Target<'a> {
    Borrowed(&'a Schema),
    Shared(Rc<Schema>),
}

impl Deref for Target<'_> {
    type Target = Schema;

    fn deref(&self) -> &Schema {
        match self {
            Target::Borrowed(schema) => schema,
            Target::Shared(schema) => schema,
        }
    }
}

/// Follows references in one document.
pub(super) struct Resolver<'a> {
    spec: &'a OpenAPI,
    raw: &'a serde_json::Value,
    /// The schema each reference's chain ends in (`None`: it ends nowhere).
    schemas: RefCell<HashMap<String, Option<Target<'a>>>>,
    /// References already found not to hold a given kind of object: a
    /// reference used again and again to something large and wrong is read
    /// once.
    failed: RefCell<HashMap<(std::any::TypeId, String), Unresolved>>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(spec: &'a OpenAPI, raw: &'a serde_json::Value) -> Self {
        Resolver {
            spec,
            raw,
            schemas: RefCell::new(HashMap::new()),
            failed: RefCell::new(HashMap::new()),
        }
    }

    /// The value one reference points to, read as a `T`.
    pub(super) fn target<T: DeserializeOwned + 'static>(
        &self,
        reference: &str,
    ) -> Result<T, Unresolved> {
        let key = (std::any::TypeId::of::<T>(), reference.to_owned());
        if let Some(problem) = self.failed.borrow().get(&key) {
            return Err(problem.clone());
        }
        let found = self.read::<T>(reference);
        if let Err(problem) = &found {
            self.failed.borrow_mut().insert(key, problem.clone());
        }
        found
    }

    fn read<T: DeserializeOwned>(&self, reference: &str) -> Result<T, Unresolved> {
        let tokens = pointer::tokens(reference).ok_or(Unresolved::External)?;
        let mut node = self.raw;
        for token in &tokens {
            let next = match node {
                serde_json::Value::Object(map) => map.get(token),
                serde_json::Value::Array(items) => {
                    token.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            };
            node = next.ok_or(Unresolved::Dangling)?;
        }
        // From the tree by reference: no copy of the node.
        T::deserialize(node).map_err(|e| Unresolved::Invalid(e.to_string()))
    }

    /// The object a chain of references ends in, and its pointer; an object
    /// in place is borrowed, not copied. On failure: where the chain broke,
    /// the reference that did not lead on, and why.
    pub(super) fn chain<'b, T>(
        &self,
        item: &'b ReferenceOr<T>,
        at: &str,
    ) -> Result<(std::borrow::Cow<'b, T>, String), (String, String, Unresolved)>
    where
        T: DeserializeOwned + Clone + 'static,
    {
        let mut reference = match item {
            ReferenceOr::Item(value) => {
                return Ok((std::borrow::Cow::Borrowed(value), at.to_owned()))
            }
            ReferenceOr::Reference { reference } => reference.clone(),
        };
        let mut seen = BTreeSet::new();
        let mut location = at.to_owned();
        loop {
            if seen.len() >= MAX_HOPS {
                return Err((location, reference, Unresolved::TooLong));
            }
            if !seen.insert(reference.clone()) {
                return Err((location, reference.clone(), Unresolved::Cycle(reference)));
            }
            match self.target::<ReferenceOr<T>>(&reference) {
                Ok(ReferenceOr::Item(value)) => {
                    return Ok((std::borrow::Cow::Owned(value), reference))
                }
                Ok(ReferenceOr::Reference { reference: next }) => {
                    location = reference;
                    reference = next;
                }
                Err(problem) => return Err((location, reference, problem)),
            }
        }
    }

    /// The schema a reference's chain ends in, or `None`; cached.
    pub(super) fn schema(&self, reference: &str) -> Option<Target<'a>> {
        if let Some(found) = self.schemas.borrow().get(reference) {
            return found.clone();
        }
        let found = self.follow_schema(reference);
        self.schemas
            .borrow_mut()
            .insert(reference.to_owned(), found.clone());
        found
    }

    fn follow_schema(&self, reference: &str) -> Option<Target<'a>> {
        let mut reference = reference.to_owned();
        let mut seen = BTreeSet::new();
        while seen.insert(reference.clone()) && seen.len() <= MAX_HOPS {
            // Component schemas are borrowed from the typed document, not
            // parsed again from the raw tree.
            let next = match self.component(&reference) {
                Some(ReferenceOr::Item(schema)) => return Some(Target::Borrowed(schema)),
                Some(ReferenceOr::Reference { reference }) => reference.clone(),
                None => match self.target::<ReferenceOr<Schema>>(&reference).ok()? {
                    ReferenceOr::Item(schema) => return Some(Target::Shared(Rc::new(schema))),
                    ReferenceOr::Reference { reference } => reference,
                },
            };
            reference = next;
        }
        None
    }

    /// The entry `reference` names in `components.schemas`, if it names one.
    fn component(&self, reference: &str) -> Option<&'a ReferenceOr<Schema>> {
        match pointer::tokens(reference)?.as_slice() {
            [components, schemas, name] if components == "components" && schemas == "schemas" => {
                self.spec.components.as_ref()?.schemas.get(name)
            }
            _ => None,
        }
    }

    /// True when a schema becomes a named Rust type (object, enum, union),
    /// following references and described references (`allOf: [$ref]`).
    pub(super) fn is_named_kind(&self, schema: &ReferenceOr<Schema>) -> bool {
        match schema {
            ReferenceOr::Item(s) => self.named_from(s, 0),
            ReferenceOr::Reference { reference } => match self.schema(reference) {
                Some(target) => self.named_from(&target, 0),
                None => false,
            },
        }
    }

    fn named_from(&self, schema: &Schema, hops: usize) -> bool {
        let view = super::schemas::View::of(schema);
        match view.sole_all_of_member() {
            None => view.is_named_kind(),
            Some(_) if hops >= MAX_HOPS => false,
            Some(ReferenceOr::Item(member)) => self.named_from(member, hops + 1),
            Some(ReferenceOr::Reference { reference }) => match self.schema(reference) {
                Some(target) => self.named_from(&target, hops + 1),
                None => false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(schemas: &str) -> crate::load::LoadedSpec {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        crate::load::parse(&text).expect("parses")
    }

    #[test]
    fn chains_end_in_their_schema_or_say_why_not() {
        let loaded = spec("    A: {$ref: '#/components/schemas/B'}\n    B: {type: object, properties: {x: {type: string}}}\n    C: {$ref: '#/components/schemas/D'}\n    D: {$ref: '#/components/schemas/C'}\n");
        let refs = Resolver::new(&loaded.openapi, &loaded.raw);
        let a = refs.schema("#/components/schemas/A").expect("A ends in B");
        assert!(matches!(a, Target::Borrowed(_)), "components are borrowed");
        assert!(
            refs.schema("#/components/schemas/C").is_none(),
            "a cycle ends nowhere"
        );
        let inner = refs
            .schema("#/components/schemas/B/properties/x")
            .expect("any pointer");
        assert!(matches!(inner, Target::Shared(_)));
        assert!(refs
            .schemas
            .borrow()
            .contains_key("#/components/schemas/B/properties/x"));
        let item: ReferenceOr<Schema> = ReferenceOr::ref_("#/components/schemas/C");
        let (_, reference, problem) = refs.chain(&item, "#/x").expect_err("cycle");
        assert_eq!(problem, Unresolved::Cycle(reference));
        let nowhere: ReferenceOr<Schema> = ReferenceOr::ref_("#/components/schemas/Nope");
        assert_eq!(
            refs.chain(&nowhere, "#/x").expect_err("dangling").2,
            Unresolved::Dangling
        );
        let external: ReferenceOr<Schema> = ReferenceOr::ref_("other.yaml#/A");
        assert_eq!(
            refs.chain(&external, "#/x").expect_err("external").2,
            Unresolved::External
        );
        assert!(refs.is_named_kind(&ReferenceOr::ref_("#/components/schemas/A")));
        assert!(!refs.is_named_kind(&ReferenceOr::ref_("#/components/schemas/C")));
    }
}
