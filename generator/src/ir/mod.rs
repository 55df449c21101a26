//! The typed model of an API that emitters read: names are final Rust names,
//! references are resolved, and every item remembers where it came from.

mod check;
mod dedupe;
mod extensions;
mod lower;
mod operations;
mod pagination;
mod resolve;
mod schemas;
mod security;
mod servers;

pub use lower::lower;
pub use pagination::{PagedList, Pagination};

/// The whole API, ready to emit.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// Where requests go.
    pub servers: Servers,
    /// Security schemes the client can fill, in spec order.
    pub schemes: Vec<SecurityScheme>,
    /// The top-level `security`: alternatives, each a list of scheme ids.
    pub security: Vec<Vec<String>>,
    /// True when every operation needs credentials.
    pub requires_auth: bool,
    /// Parameters the client may fill from its configuration.
    pub client_defaults: Vec<ClientDefault>,
    /// Named types, in spec order.
    pub types: Vec<TypeDef>,
    /// Operations, in spec order.
    pub operations: Vec<Operation>,
}

/// The servers of the spec.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Servers {
    /// The default base URL, variables replaced by their defaults.
    pub default_url: Option<String>,
    /// Name of the region-like variable, e.g. `Region`.
    pub region_type: Option<String>,
    /// One entry per value of the region-like server variable.
    pub regions: Vec<Region>,
    /// `info.x-region-env-prefix`: `<prefix>_<REGION_ID>` in the environment
    /// replaces a region's endpoint, as the official SDKs allow.
    pub region_env_prefix: Option<String>,
}

/// A value of the region-like server variable and its endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The id as the spec writes it, e.g. `cn-north-4`.
    pub id: String,
    /// Variant name, e.g. `CnNorth4`.
    pub variant: String,
    /// The base URL for this region.
    pub url: String,
}

/// A security scheme of the spec that the client supports.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The name in `components.securitySchemes`.
    pub id: String,
    /// Name of the client builder method that sets its credential.
    pub setter: String,
    /// How it authenticates.
    pub kind: SchemeKind,
    /// `x-env`: the environment variable the client reads it from.
    pub env: Option<String>,
    /// `description`.
    pub doc: Option<String>,
}

/// How a security scheme authenticates.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemeKind {
    /// `Authorization: Bearer` (http bearer, oauth2, openIdConnect).
    Bearer,
    /// `Authorization: Basic`.
    Basic,
    /// An API key in a header, query parameter or cookie.
    ApiKey {
        /// Where it goes (never a path).
        location: ParamLocation,
        /// The header, parameter or cookie name.
        name: String,
    },
    /// Huawei Cloud AK/SK signing (`x-signing: SDK-HMAC-SHA256`).
    HuaweiSigning,
}

/// A parameter whose value can come from the client configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientDefault {
    /// Wire name of the parameter, e.g. `project_id`.
    pub param: String,
    /// Name of the builder method, e.g. `project_id`.
    pub setter: String,
    /// Documentation of the parameter.
    pub doc: Option<String>,
}

/// A named Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// Rust name.
    pub name: String,
    /// Documentation from the spec.
    pub doc: Option<String>,
    /// Where the schema is.
    pub pointer: String,
    /// What kind of type.
    pub kind: TypeKind,
}

/// The shapes a named type can have; each has its own emitter.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(Struct),
    /// A string enumeration that keeps unknown values.
    Enum(StringEnum),
    /// `oneOf`/`anyOf`: a tagged or untagged enum.
    Union(Union),
}

/// An object schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Properties in spec order.
    pub fields: Vec<Field>,
    /// Value type of extra properties, when `additionalProperties` allows them.
    pub additional: Option<Box<Shape>>,
    /// A property left out because an enclosing tagged enum writes it.
    pub tag_owned_by_parent: Option<String>,
    /// `oneOf`/`anyOf` of `required` lists beside the properties: which
    /// properties must be present together.
    pub required_sets: Option<RequiredSets>,
}

/// Alternative sets of properties (wire names), each complete or not: at
/// least one set must be (`anyOf`), or exactly one (`oneOf`).
#[derive(Debug, Clone, PartialEq)]
pub struct RequiredSets {
    pub exactly_one: bool,
    pub sets: Vec<Vec<String>>,
}

/// A property of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Name on the wire.
    pub wire: String,
    /// Rust name.
    pub name: String,
    /// Type and constraints.
    pub shape: Shape,
    /// Listed in `required`.
    pub required: bool,
    /// Listed in `required` but optional here (write-only, or without a
    /// schema, which responses leave out): requests should still carry it
    /// (examples set it).
    pub required_in_requests: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// Held in a `Box` because the type contains itself.
    pub boxed: bool,
    /// Documentation from the spec.
    pub doc: Option<String>,
}

/// A string enumeration.
#[derive(Debug, Clone, PartialEq)]
pub struct StringEnum {
    /// Known values.
    pub variants: Vec<EnumVariant>,
    /// Name of the variant holding values this client does not know.
    pub fallback: String,
}

/// One known value of a string enumeration.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// Rust name.
    pub name: String,
    /// Value on the wire.
    pub wire: String,
}

/// A choice between several schemas.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// The discriminating property, for a tagged union.
    pub tag: Option<String>,
    /// The alternatives.
    pub variants: Vec<UnionVariant>,
    /// The variant keeping a value whose tag no alternative has (tagged
    /// unions only).
    pub fallback: Option<String>,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// Rust name.
    pub name: String,
    /// Value of the tag property that selects it (tagged unions only).
    pub tag_value: Option<String>,
    /// What it holds.
    pub shape: Shape,
    /// Held in a `Box` because the type contains itself.
    pub boxed: bool,
}

/// A type with the constraints its values must meet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shape {
    /// The type.
    pub kind: ShapeKind,
    /// The constraints.
    pub checks: Checks,
}

/// Rust types a schema maps to.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ShapeKind {
    /// `bool`.
    Bool,
    /// `i32`/`i64`/…
    Integer(IntWidth),
    /// `f32`/`f64`.
    Number(FloatWidth),
    /// `String`.
    String,
    /// Any JSON value.
    #[default]
    Any,
    /// `Vec<T>`.
    Array(Box<Shape>),
    /// `(A, B, …)`: 3.1's `prefixItems`, a fixed list of element types.
    Tuple(Vec<Shape>),
    /// `Option<T>`: a nullable value where no field says so (array items,
    /// map values, tuple elements, response bodies).
    Nullable(Box<Shape>),
    /// `BTreeMap<String, T>`.
    Map(Box<Shape>),
    /// A named type.
    Named(String),
    /// `Vec<u8>`: `format: binary`.
    Bytes,
}

/// Integer widths by `format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntWidth {
    /// `int32`.
    I32,
    /// `int64` or no format.
    I64,
    /// `uint32`.
    U32,
    /// `uint64`.
    U64,
}

/// Float widths by `format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatWidth {
    /// `float`.
    F32,
    /// `double` or no format.
    F64,
}

/// Constraints checked before a request is sent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checks {
    /// `minLength`.
    pub min_length: Option<usize>,
    /// `maxLength`.
    pub max_length: Option<usize>,
    /// `minItems` / `minProperties`.
    pub min_items: Option<usize>,
    /// `maxItems` / `maxProperties`.
    pub max_items: Option<usize>,
    /// `minimum` and whether it is exclusive.
    pub minimum: Option<(f64, bool)>,
    /// `maximum` and whether it is exclusive.
    pub maximum: Option<(f64, bool)>,
    /// `minimum` and `maximum` of an integer schema, exact (beyond 2^53 too).
    pub integer_bounds: (Option<i64>, Option<i64>),
    /// `default`, for documentation.
    pub default: Option<serde_json::Value>,
    /// What a value looks like, for examples; never checked.
    pub sample: Option<Box<Sample>>,
}

/// Hints for example values: documentation only, so types that differ in
/// these alone are one type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sample {
    /// `format`.
    pub format: Option<String>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// `example` (or the first of `examples`).
    pub example: Option<serde_json::Value>,
    /// `enum` of a schema that is not a string enumeration.
    pub values: Vec<serde_json::Value>,
}

impl Checks {
    /// True when nothing is checked.
    pub fn is_empty(&self) -> bool {
        self.min_length.is_none()
            && self.max_length.is_none()
            && self.min_items.is_none()
            && self.max_items.is_none()
            && self.minimum.is_none()
            && self.maximum.is_none()
    }
}

/// One operation of the API.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// `operationId`, or the name derived from method and path; for traces and hooks.
    pub id: String,
    /// Method name on the client, e.g. `create_task`.
    pub name: String,
    /// Name of the request builder type, e.g. `CreateTask`.
    pub builder: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// The path template, e.g. `/v5/{project_id}/common/task`.
    pub path: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Where the operation is.
    pub pointer: String,
    /// Parameters in spec order.
    pub params: Vec<Param>,
    /// The JSON request body.
    pub body: Option<Body>,
    /// What a success response carries.
    pub success: Success,
    /// Documented error bodies, to decode with `ServiceError::json`.
    pub errors: Vec<ErrorResponse>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// The operation's own `security`, when it differs from the API's.
    pub security: Option<Vec<Vec<String>>>,
    /// `x-pagination`: how to walk its pages.
    pub pagination: Option<Pagination>,
    /// `tags`, in spec order.
    pub tags: Vec<String>,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A path segment.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

/// A parameter of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Name on the wire.
    pub wire: String,
    /// Rust name of its setter.
    pub name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Must be set.
    pub required: bool,
    /// Type and constraints.
    pub shape: Shape,
    /// Documentation.
    pub doc: Option<String>,
    /// The client configuration may supply it.
    pub client_default: bool,
    /// How structured values are written.
    pub style: ParamStyle,
    /// Where the parameter is defined.
    pub pointer: String,
}

/// OpenAPI `style` with `explode`, for arrays and objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `form` (query and cookie default).
    Form {
        /// `explode`, default `true`.
        explode: bool,
    },
    /// `simple` (path and header default).
    Simple {
        /// `explode`, default `false`.
        explode: bool,
    },
    /// `spaceDelimited`.
    SpaceDelimited,
    /// `pipeDelimited`.
    PipeDelimited,
    /// `deepObject`.
    DeepObject,
}

/// What a success response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// No body, or none described.
    Empty,
    /// A JSON body of this shape.
    Json(Shape),
    /// A text body.
    Text,
    /// A binary body.
    Bytes,
    /// Different bodies for different 2xx statuses: an enum (named by the
    /// first field) with one variant each.
    ByStatus(String, Vec<StatusSuccess>),
}

/// One 2xx status of an operation that answers differently per status.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusSuccess {
    /// The status code, e.g. `201`; `None` for the `2XX` range.
    pub status: Option<u16>,
    /// Variant name, e.g. `Created201`.
    pub variant: String,
    /// What it carries.
    pub body: Success,
}

/// A documented error response: status (`404`, `4XX`, `default`) and its JSON shape.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorResponse {
    /// The status as the spec writes it.
    pub status: String,
    /// The JSON body's shape.
    pub shape: Shape,
}

/// How a request body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyMedia {
    /// JSON (`application/json`, `*+json`).
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
    /// `text/*`: a string.
    Text,
    /// Anything else: raw bytes.
    Bytes,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Type and constraints.
    pub shape: Shape,
    /// How it is encoded.
    pub media: BodyMedia,
    /// The media type sent as `Content-Type`.
    pub content_type: String,
    /// Must be set.
    pub required: bool,
    /// Documentation.
    pub doc: Option<String>,
}
