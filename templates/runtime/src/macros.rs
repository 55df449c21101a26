//! What generated code writes once per type or operation, written here:
//! the code a request builder, a client builder and a string enum share.
//! Paths in these macros (`rt::`, `runtime::`, `serde::`, `Client`) resolve
//! where they are used, so one definition serves the runtime as a crate and
//! carried inline.

/// The shared part of a request builder: `new` (every parameter unset) and
/// the per-call settings, for a builder whose [`Call`] is `self.call`; with
/// `; decode(Type)` also `send`, which checks the input with `self.prepare()`
/// and decodes the success body with [`Call`]'s `decode` method (`json`,
/// `text`, `bytes` or `empty`).
#[doc(hidden)]
#[macro_export]
macro_rules! request_builder {
    ($operation:literal, $method:ident, $template:literal $(, $field:ident)* ; $decode:ident($result:ty)) => {
        $crate::request_builder!($operation, $method, $template $(, $field)*);

        /// Checks every constraint of the API, then sends the request.
        pub fn send(self) -> rt::ResponseFuture<'a, $result> {
            self.call.$decode(self.prepare())
        }
    };
    ($operation:literal, $method:ident, $template:literal $(, $field:ident)* $(,)?) => {
        pub(crate) fn new(core: &'a rt::Core) -> Self {
            Self {
                call: rt::Call::new(core, $operation, rt::Method::$method, $template),
                $($field: None,)*
            }
        }

        /// Retries for this call, replacing the client's policy (default: none).
        pub fn retry(mut self, policy: rt::RetryPolicy) -> Self {
            self.call.options.retry(policy);
            self
        }

        /// Time allowed for each attempt of this call, replacing the client's.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.call.options.timeout(timeout);
            self
        }

        /// Runs `hook` around this call, after the client's hooks.
        pub fn hook(mut self, hook: impl rt::Hook + 'static) -> Self {
            self.call.options.hook(hook);
            self
        }
    };
}

/// A struct's `new`: its required fields from arguments (each `impl Into`),
/// the `others` at their defaults (`None`, an empty map).
#[doc(hidden)]
#[macro_export]
macro_rules! constructor {
    ($($required:ident: $ty:ty),* $(; $($other:ident),*)?) => {
        /// Creates a value from its required properties; optional ones start unset.
        #[allow(clippy::too_many_arguments)]
        pub fn new($($required: impl Into<$ty>),*) -> Self {
            Self {
                $($required: $required.into(),)*
                $($($other: Default::default(),)*)?
            }
        }
    };
}

/// The settings every generated `ClientBuilder` (a wrapper of
/// [`ClientBuilder`](crate::ClientBuilder) in `self.inner`) shares, and its
/// `build` into the generated `Client { core }`.
#[doc(hidden)]
#[macro_export]
macro_rules! client_builder {
    () => {
        /// Sends requests to this base URL instead of the default.
        pub fn endpoint(mut self, url: impl Into<String>) -> Self {
            self.inner = self.inner.endpoint(url);
            self
        }

        /// Time allowed to establish a connection (default 60 s).
        pub fn connect_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.inner = self.inner.connect_timeout(timeout);
            self
        }

        /// Time allowed for a whole request (default 120 s).
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.inner = self.inner.timeout(timeout);
            self
        }

        /// Appends `suffix` to the User-Agent, e.g. your application's name.
        pub fn user_agent_suffix(mut self, suffix: &str) -> Self {
            self.inner = self.inner.user_agent_suffix(suffix);
            self
        }

        /// Replaces the whole User-Agent (default: this crate's `USER_AGENT`).
        pub fn user_agent(mut self, user_agent: &str) -> Self {
            self.inner = self.inner.user_agent(user_agent);
            self
        }

        /// Retries for every call (default: none); a call may set its own.
        pub fn retry(mut self, policy: runtime::RetryPolicy) -> Self {
            self.inner = self.inner.retry(policy);
            self
        }

        /// Runs `hook` around every call (after hooks added before).
        pub fn hook(mut self, hook: impl runtime::Hook + 'static) -> Self {
            self.inner = self.inner.hook(hook);
            self
        }

        /// Proxy, certificates and connection pool settings.
        pub fn http(mut self, settings: runtime::HttpSettings) -> Self {
            self.inner = self.inner.http(settings);
            self
        }

        /// Sends through an existing client (sharing its pool, proxy and
        /// TLS setup); see the runtime's `ClientBuilder::http_client`.
        pub fn http_client(mut self, client: runtime::reqwest::Client) -> Self {
            self.inner = self.inner.http_client(client);
            self
        }

        /// The source of signing times (default: the system clock), for
        /// replaying captured requests and tests.
        pub fn clock(
            mut self,
            clock: impl Fn() -> ::std::time::SystemTime + Send + Sync + 'static,
        ) -> Self {
            self.inner = self.inner.clock(clock);
            self
        }

        /// Checks the settings and builds the client.
        pub fn build(self) -> Result<Client, runtime::BuildError> {
            Ok(Client {
                core: self.inner.build()?,
            })
        }
    };
}

/// Conversions, serde and validation of a string enum whose last variant
/// (`$fallback`) keeps values this client does not know.
#[doc(hidden)]
#[macro_export]
macro_rules! string_enum {
    ($name:ident, $fallback:ident $(, $variant:ident = $wire:literal)* $(,)?) => {
        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::$fallback(value) => value,
                }
            }

            /// False for values this client does not know.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::$fallback(_))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => Self::$variant,)*
                    other => Self::$fallback(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::$fallback(_) => Self::$fallback(value),
                    known => known,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }

        impl rt::validate::Validate for $name {
            fn validate(&self, path: &str) -> Result<(), rt::InvalidInput> {
                rt::validate::known_variant(path, self.as_str(), self.is_known())
            }
        }
    };
}

/// `Deserialize` for a struct from JSON-like data: each field with its wire
/// name, its position among them and whether it is `req`uired or an `opt`ional
/// `Option` (`Pet { name "name" 0 req, kind "type" 1 opt }`). Unknown fields
/// are skipped; a missing required field, a duplicated one and a wrong type
/// are serde's usual errors.
///
/// The values read so far live in one tuple whose element types come from the
/// struct's fields, and nothing can fail once they are moved out: with one
/// local per field, an early return at every `?` made rustc's work grow with
/// the square of the field count (a 250-field struct took 68 s to build).
#[doc(hidden)]
#[macro_export]
macro_rules! deserialize_struct {
    ($name:ident { $($field:ident $wire:literal $index:tt $kind:ident),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const __FIELDS: &[&str] = &[$($wire),*];
                // Generated type names are UpperCamelCase, never `__`-prefixed.
                struct __Visitor;
                impl<'de> serde::de::Visitor<'de> for __Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        #[allow(unused_mut)]
                        let mut slots = ($(rt::de::$kind::slot(|v: &$name| &v.$field),)*);
                        while let Some(index) = map.next_key_seed(rt::de::Field(__FIELDS))? {
                            match index {
                                $($index => {
                                    rt::de::once(&slots.$index, $wire)?;
                                    slots.$index = Some(map.next_value()?);
                                })*
                                _ => {
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        if let Some(name) = None$(.or(rt::de::$kind::missing(&slots.$index, $wire)))* {
                            return Err(serde::de::Error::missing_field(name));
                        }
                        let ($($field,)*) = slots;
                        #[allow(unreachable_patterns)]
                        match ($(rt::de::$kind::take($field),)*) {
                            ($(Some($field),)*) => Ok($name { $($field,)* }),
                            // Not reached: every required field was checked above.
                            _ => Err(serde::de::Error::custom("a required field is missing")),
                        }
                    }
                }
                deserializer.deserialize_struct(stringify!($name), __FIELDS, __Visitor)
            }
        }
    };
}

/// `Serialize` (`ser`) and/or `Deserialize` (`de`) of a tagged union: the
/// property `$tag` names the variant; a value whose tag no variant has is
/// kept whole in `$fallback` (`Pet, "kind", Unknown; { Cat = "cat" }; ser de`).
#[doc(hidden)]
#[macro_export]
macro_rules! tagged_union {
    ($name:ident, $tag:literal, $fallback:ident; $variants:tt; $($dir:ident)*) => {
        $($crate::tagged_union!(@$dir $name, $tag, $fallback; $variants);)*
    };
    (@ser $name:ident, $tag:literal, $fallback:ident; { $($variant:ident = $wire:literal),* }) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(value) => rt::tagged::write(value, $tag, $wire, serializer),)*
                    Self::$fallback(value) => serde::Serialize::serialize(value, serializer),
                }
            }
        }
    };
    (@de $name:ident, $tag:literal, $fallback:ident; { $($variant:ident = $wire:literal),* }) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let (kind, fields) = rt::tagged::read(deserializer, $tag)?;
                Ok(match kind.as_str() {
                    $($wire => Self::$variant(rt::tagged::variant::<_, D::Error>(fields)?),)*
                    _ => Self::$fallback(rt::UnknownKind::new($tag, kind, fields)),
                })
            }
        }
    };
}
