//! Tagged unions (a discriminator in the spec): `tagged_union!` reads the tag,
//! then the variant it names, and keeps a value of an unknown kind whole.

use serde::de::{self, Deserializer};

/// A value of a tagged union: the tag's value and the other fields, read by
/// `tagged_union!` before it picks the variant. A missing tag or one that is
/// not a string is an error.
pub fn read<'de, D: Deserializer<'de>>(
    deserializer: D,
    tag: &'static str,
) -> Result<(String, serde_json::Map<String, serde_json::Value>), D::Error> {
    let mut fields =
        <serde_json::Map<String, serde_json::Value> as serde::Deserialize>::deserialize(
            deserializer,
        )?;
    match fields.remove(tag) {
        Some(serde_json::Value::String(kind)) => Ok((kind, fields)),
        Some(other) => Err(de::Error::invalid_type(unexpected(&other), &"a string tag")),
        None => Err(de::Error::missing_field(tag)),
    }
}

/// One variant of a tagged union, read from the fields besides the tag.
pub fn variant<T: de::DeserializeOwned, E: de::Error>(
    fields: serde_json::Map<String, serde_json::Value>,
) -> Result<T, E> {
    T::deserialize(serde_json::Value::Object(fields)).map_err(E::custom)
}

/// One variant of a tagged union written with its tag.
pub fn write<T: serde::Serialize, S: serde::Serializer>(
    value: &T,
    tag: &'static str,
    kind: &'static str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    match serde_json::to_value(value).map_err(S::Error::custom)? {
        serde_json::Value::Object(mut fields) => {
            fields.insert(tag.to_owned(), kind.into());
            serde::Serialize::serialize(&fields, serializer)
        }
        _ => Err(S::Error::custom(
            "a variant of a tagged union is not an object",
        )),
    }
}

fn unexpected(value: &serde_json::Value) -> de::Unexpected<'_> {
    match value {
        serde_json::Value::Null => de::Unexpected::Unit,
        serde_json::Value::Bool(b) => de::Unexpected::Bool(*b),
        serde_json::Value::Number(_) => de::Unexpected::Other("a number"),
        serde_json::Value::String(s) => de::Unexpected::Str(s),
        serde_json::Value::Array(_) => de::Unexpected::Seq,
        serde_json::Value::Object(_) => de::Unexpected::Map,
    }
}

/// A value of a tagged union whose tag this client does not know, e.g. a
/// kind a newer service version added: the tag and the value as received.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownKind {
    tag: String,
    value: serde_json::Map<String, serde_json::Value>,
}

impl UnknownKind {
    /// Keeps `fields` with their tag property `name` set to `tag`.
    #[doc(hidden)]
    pub fn new(
        name: &str,
        tag: String,
        mut fields: serde_json::Map<String, serde_json::Value>,
    ) -> Self {
        fields.insert(name.to_owned(), tag.clone().into());
        UnknownKind { tag, value: fields }
    }

    /// The tag's value.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The whole value as received, its tag included.
    pub fn value(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.value
    }
}

impl serde::Serialize for UnknownKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}
