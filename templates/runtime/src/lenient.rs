//! Reading a success body the way services actually answer: a JSON scalar of
//! another type than the spec says (`"5"` for an integer, `5` for a string,
//! `"true"` for a boolean) is converted when nothing is lost, as the official
//! SDKs do, instead of failing a call the service already carried out.
//!
//! Used only after a strict decode failed, so well-formed bodies pay nothing.
//! Values inside unions and flattened maps (`additionalProperties`) are read
//! strictly: serde buffers those before this deserializer sees them.

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde_json::{Map, Number, Value};

type Error = serde_json::Error;

/// Decodes `value` into `T`, converting mismatched scalars without loss.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    T::deserialize(Lenient(value))
}

#[derive(Clone, Copy)]
struct Lenient<'v>(&'v Value);

impl<'v> Lenient<'v> {
    /// The integer a string or an integral float holds, if it holds one exactly.
    fn integer(&self) -> Option<Number> {
        match self.0 {
            Value::String(s) => {
                let s = s.trim();
                s.parse::<u64>()
                    .map(Number::from)
                    .or_else(|_| s.parse::<i64>().map(Number::from))
                    .ok()
            }
            Value::Number(n) if n.is_f64() => n.as_f64().and_then(|f| {
                // Exact only below 2^53 in size: beyond it the JSON text may
                // have named an integer the float rounded.
                (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0)
                    .then(|| Number::from(f as i64))
            }),
            _ => None,
        }
    }
}

macro_rules! integers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.integer() {
                Some(n) => Value::Number(n).deserialize_any(visitor),
                None => self.deserialize_any(visitor),
            }
        }
    )*};
}

macro_rules! floats {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::String(s) => match s.trim().parse::<f64>() {
                    Ok(f) if f.is_finite() => visitor.visit_f64(f),
                    _ => self.deserialize_any(visitor),
                },
                _ => self.deserialize_any(visitor),
            }
        }
    )*};
}

impl<'v> de::Deserializer<'v> for Lenient<'v> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Seq(items.iter())),
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            Value::String(s) => visitor.visit_borrowed_str(s),
            scalar => scalar.deserialize_any(visitor),
        }
    }

    fn deserialize_str<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            // Integers only: a float was already rounded when the body was
            // read (`1.10` would come back as `1.1`).
            Value::Number(n) if n.is_i64() || n.is_u64() => visitor.visit_string(n.to_string()),
            Value::Bool(b) => visitor.visit_string(b.to_string()),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) if s == "true" => visitor.visit_bool(true),
            Value::String(s) if s == "false" => visitor.visit_bool(false),
            _ => self.deserialize_any(visitor),
        }
    }

    integers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128);
    floats!(deserialize_f32 deserialize_f64);

    fn deserialize_option<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'v>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'v>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            other => other.deserialize_enum(name, variants, visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'v>>
        char bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct Seq<'v>(std::slice::Iter<'v, Value>);

impl<'v> de::SeqAccess<'v> for Seq<'v> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'v>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|v| seed.deserialize(Lenient(v)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Fields<'v> {
    entries: serde_json::map::Iter<'v>,
    value: Option<&'v Value>,
}

impl<'v> Fields<'v> {
    fn new(map: &'v Map<String, Value>) -> Self {
        Fields {
            entries: map.iter(),
            value: None,
        }
    }
}

impl<'v> de::MapAccess<'v> for Fields<'v> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'v>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                let key: de::value::BorrowedStrDeserializer<'v, Error> =
                    de::value::BorrowedStrDeserializer::new(key);
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'v>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Lenient(value)),
            None => Err(de::Error::custom(
                "a map value was asked for before its key",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::super::response::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Page {
        total: Option<i32>,
        id: Option<String>,
        ok: Option<bool>,
        ratio: Option<f64>,
        big: Option<u64>,
        items: Option<Vec<Item>>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        start: i64,
        name: String,
    }

    #[test]
    fn mismatched_scalars_are_converted_without_loss() {
        let page: Page = json(
            br#"{"total": "3", "id": 42, "ok": "true", "ratio": "0.5", "big": "18446744073709551615",
                "items": [{"start": 1.0, "name": 725}, {"start": " -9 ", "name": false}],
                "unknown": {"kept": "out"}}"#,
        )
        .expect("decodes");
        assert_eq!(page.total, Some(3));
        assert_eq!(page.id.as_deref(), Some("42"));
        assert_eq!(page.ok, Some(true));
        assert_eq!(page.ratio, Some(0.5));
        assert_eq!(page.big, Some(u64::MAX));
        let items = page.items.expect("items");
        assert_eq!(
            items[0],
            Item {
                start: 1,
                name: "725".into()
            }
        );
        assert_eq!(
            items[1],
            Item {
                start: -9,
                name: "false".into()
            }
        );
    }

    #[test]
    fn lossy_conversions_still_fail() {
        for body in [
            &br#"{"total": "3.5"}"#[..],
            br#"{"total": 3.5}"#,
            br#"{"total": "99999999999"}"#,
            br#"{"total": "x"}"#,
            br#"{"ok": "yes"}"#,
            br#"{"ratio": "NaN"}"#,
            br#"{"big": -1}"#,
            br#"{"items": "[]"}"#,
            // A float as a string: its JSON text is already lost.
            br#"{"id": 1.10}"#,
            br#"{"total": 9007199254740993.0}"#,
        ] {
            assert!(
                json::<Page>(body).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn the_strict_error_is_reported() {
        let error = json::<Page>(br#"{"total": "x"}"#).expect_err("fails");
        assert!(
            error.to_string().contains("invalid type: string \"x\""),
            "{error}"
        );
    }
}
