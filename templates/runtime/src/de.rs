//! The small pieces `deserialize_struct!` builds a struct's `Deserialize`
//! from: one map visitor per struct, instead of the field enum, the three
//! identifier visitors and the sequence visitor serde's derive writes, which
//! a JSON client never uses and every downstream build compiles.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Reads a map key as its position in `self.0`, or `self.0.len()` for a key
/// the struct does not know; nothing is allocated.
#[derive(Clone, Copy)]
pub struct Field(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Field {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Field {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        Ok(self
            .0
            .iter()
            .position(|name| *name == key)
            .unwrap_or(self.0.len()))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<usize, E> {
        Ok(self
            .0
            .iter()
            .position(|name| name.as_bytes() == key)
            .unwrap_or(self.0.len()))
    }
}

/// A required field: read as `T`.
pub mod req {
    /// An empty slot for the field `field` returns a reference to.
    pub fn slot<S, T>(_field: fn(&S) -> &T) -> Option<T> {
        None
    }

    /// `name` when the field was not in the input.
    pub fn missing<T>(slot: &Option<T>, name: &'static str) -> Option<&'static str> {
        slot.is_none().then_some(name)
    }

    /// The value, present once [`missing`] said nothing.
    pub fn take<T>(slot: Option<T>) -> Option<T> {
        slot
    }
}

/// An `Option` field: missing and `null` are both `None`.
pub mod opt {
    /// An empty slot for the field `field` returns a reference to.
    pub fn slot<S, T>(_field: fn(&S) -> &Option<T>) -> Option<Option<T>> {
        None
    }

    /// Never missing.
    pub fn missing<T>(_slot: &Option<T>, _name: &'static str) -> Option<&'static str> {
        None
    }

    /// Missing or `null`: `None`.
    pub fn take<T>(slot: Option<Option<T>>) -> Option<Option<T>> {
        Some(slot.flatten())
    }
}

/// serde's "duplicate field" error when `slot` is already filled.
pub fn once<T, E: de::Error>(slot: &Option<T>, name: &'static str) -> Result<(), E> {
    match slot {
        Some(_) => Err(E::duplicate_field(name)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::private as rt;
    use serde::Deserialize;

    #[derive(Debug, PartialEq)]
    struct Pet {
        name: String,
        age: Option<u32>,
        r#type: Option<String>,
    }
    crate::deserialize_struct!(Pet { name "name" 0 req, age "age" 1 opt, r#type "type" 2 opt });

    fn pet(json: &str) -> Result<Pet, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_what_the_derive_reads() {
        let expected = Pet {
            name: "rex".into(),
            age: None,
            r#type: Some("dog".into()),
        };
        assert_eq!(
            pet(r#"{"name":"rex","type":"dog","extra":[1,{"a":2}]}"#),
            Ok(expected)
        );
        assert_eq!(pet(r#"{"age":null,"name":"a"}"#).map(|p| p.age), Ok(None));
        assert_eq!(pet(r#"{"age":3,"name":"a"}"#).map(|p| p.age), Ok(Some(3)));
        // From buffered content too (untagged and internally tagged unions).
        let value = serde_json::json!({"name": "b", "age": 1});
        assert_eq!(Pet::deserialize(value).map(|p| p.age).ok(), Some(Some(1)));
    }

    #[test]
    fn errors_are_serdes() {
        assert!(pet(r#"{"age":3}"#)
            .unwrap_err()
            .contains("missing field `name`"));
        assert!(pet(r#"{"name":"a","name":"b"}"#)
            .unwrap_err()
            .contains("duplicate field `name`"));
        assert!(pet(r#"{"name":5}"#)
            .unwrap_err()
            .contains("invalid type: integer `5`"));
        assert!(pet(r#"["rex"]"#)
            .unwrap_err()
            .contains("expected struct Pet"));
    }
}
