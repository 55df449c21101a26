//! Security schemes and requirements → what the client authenticates with.

use openapiv3::{APIKeyLocation, ReferenceOr, SecurityRequirement, SecurityScheme as Spec};

use super::check::is_header_name;
use super::extensions::Extension;
use super::lower::Lowerer;
use super::{ParamLocation, SchemeKind, SecurityScheme};
use crate::diag::pointer;
use crate::names::snake;

/// The `x-signing` value that selects Huawei Cloud's AK/SK signing.
const HUAWEI_SIGNING: &str = "SDK-HMAC-SHA256";

impl Lowerer<'_> {
    /// The supported schemes of `components.securitySchemes`, in spec order;
    /// the rest are skipped with a warning.
    pub(super) fn lower_schemes(&mut self) -> Vec<SecurityScheme> {
        let Some(components) = &self.spec.components else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (id, scheme) in &components.security_schemes {
            let at = pointer::join("#/components/securitySchemes", id);
            let scheme = match scheme {
                ReferenceOr::Item(s) => s.clone(),
                ReferenceOr::Reference { reference } => {
                    match self.resolve::<Spec>(reference, &at) {
                        Some((s, _)) => s,
                        None => continue,
                    }
                }
            };
            if let Some(kind) = self.scheme_kind(&scheme, &at) {
                let (description, extensions) = match &scheme {
                    Spec::APIKey {
                        description,
                        extensions,
                        ..
                    }
                    | Spec::HTTP {
                        description,
                        extensions,
                        ..
                    }
                    | Spec::OAuth2 {
                        description,
                        extensions,
                        ..
                    }
                    | Spec::OpenIDConnect {
                        description,
                        extensions,
                        ..
                    } => (description, extensions),
                };
                let env_value = extensions.get(Extension::Env.key());
                let env = if kind == SchemeKind::HuaweiSigning && env_value.is_some() {
                    self.bad_extension_at(
                        Extension::Env,
                        &pointer::join(&at, Extension::Env.key()),
                        "an AK/SK signing scheme takes its keys from `HUAWEICLOUD_SDK_*`",
                    );
                    None
                } else {
                    self.extension_text(env_value, Extension::Env, &at, is_env_name)
                };
                out.push(SecurityScheme {
                    id: id.clone(),
                    setter: snake(id),
                    kind,
                    env,
                    doc: description.clone(),
                });
            }
        }
        out
    }

    fn scheme_kind(&mut self, scheme: &Spec, at: &str) -> Option<SchemeKind> {
        let kind = match scheme {
            Spec::APIKey {
                location,
                name,
                extensions,
                ..
            } => {
                let signing = extensions.get(Extension::Signing.key());
                if signing.is_some() {
                    // A scheme that asks for signing we cannot do is skipped,
                    // never sent as a plain key.
                    let name = self.extension_text(signing, Extension::Signing, at, |_| true)?;
                    if name == HUAWEI_SIGNING {
                        return Some(SchemeKind::HuaweiSigning);
                    }
                    self.bad_extension_at(
                        Extension::Signing,
                        &pointer::join(at, Extension::Signing.key()),
                        format!(
                            "only `{HUAWEI_SIGNING}` signing is supported; the scheme is skipped"
                        ),
                    );
                    return None;
                }
                let location = match location {
                    APIKeyLocation::Header => ParamLocation::Header,
                    APIKeyLocation::Query => ParamLocation::Query,
                    APIKeyLocation::Cookie => ParamLocation::Cookie,
                };
                // A header or cookie name must be an HTTP token; a query name is encoded.
                if location != ParamLocation::Query && !is_header_name(name) {
                    self.diags.error(
                        &pointer::join(at, "name"),
                        format!("`{name}` is not a valid {} name", place(location)),
                    );
                    return None;
                }
                SchemeKind::ApiKey {
                    location,
                    name: name.clone(),
                }
            }
            Spec::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("bearer") => {
                SchemeKind::Bearer
            }
            Spec::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("basic") => SchemeKind::Basic,
            Spec::HTTP { scheme, .. } => {
                self.diags.warning(
                    &pointer::join(at, "scheme"),
                    format!("http scheme `{scheme}` is not supported (only bearer and basic); the scheme is skipped"),
                );
                return None;
            }
            // The client sends a token it is given; obtaining one is the caller's job.
            Spec::OAuth2 { .. } | Spec::OpenIDConnect { .. } => SchemeKind::Bearer,
        };
        Some(kind)
    }

    /// Requirements as alternatives of scheme ids. An alternative naming a
    /// scheme the client does not support is kept: it can never be met, so
    /// calls that need it fail with `MissingCredentials` rather than being
    /// sent without credentials.
    pub(super) fn lower_requirements(
        &mut self,
        requirements: &[SecurityRequirement],
        schemes: &[SecurityScheme],
        at: &str,
    ) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for (i, requirement) in requirements.iter().enumerate() {
            let at = pointer::join(at, &i.to_string());
            let known: Vec<&SecurityScheme> = requirement
                .keys()
                .filter_map(|id| schemes.iter().find(|s| &s.id == id))
                .collect();
            if let Some(id) = requirement
                .keys()
                .find(|id| !known.iter().any(|s| &s.id == *id))
            {
                self.diags.warning(
                    &at,
                    format!("security scheme `{id}` is not defined or not supported; calls that need this alternative fail with `MissingCredentials`"),
                );
            }
            if known.iter().filter(|s| uses_authorization(s)).count() > 1 {
                self.diags.warning(
                    &at,
                    "two schemes of this alternative both need the `Authorization` header; calls with it fail",
                );
            }
            let mut ids: Vec<String> = requirement.keys().cloned().collect();
            ids.sort();
            if !out.contains(&ids) {
                out.push(ids);
            }
        }
        out
    }
}

/// A header parameter OpenAPI says to ignore.
pub(super) struct IgnoredHeader {
    /// `Accept`, `Content-Type` or `Authorization`, as written.
    pub name: String,
    pub required: bool,
    pub pointer: String,
    pub doc: Option<String>,
}

impl Lowerer<'_> {
    /// Reports the current operation's ignored header parameters. An
    /// `Authorization` parameter no scheme of `effective` sends makes the
    /// operation use the inferred scheme: its new alternatives are returned.
    pub(super) fn ignored_header_params(
        &mut self,
        effective: &[Vec<String>],
        schemes: &[SecurityScheme],
    ) -> Option<Vec<Vec<String>>> {
        let mut out = None;
        for header in std::mem::take(&mut self.ignored_headers) {
            let why = match header.name.to_ascii_lowercase().as_str() {
                "accept" => "the client sets it from the media types of the responses".to_owned(),
                "content-type" => {
                    "the client sets it from the media type of the request body".to_owned()
                }
                _ if covers_authorization(effective, schemes) => {
                    "the client sends it from the credentials of the operation's security scheme"
                        .to_owned()
                }
                _ => {
                    let id = self.inferred_authorization.0.clone();
                    let alternatives = out.get_or_insert_with(|| effective.to_vec());
                    *alternatives = with_scheme(alternatives, &id, header.required);
                    self.inferred_authorization.1.get_or_insert(header.doc);
                    format!("no security scheme of the operation sends it, so the client sends the value of the scheme `{id}`, inferred from this parameter")
                }
            };
            self.diags.warning(
                &header.pointer,
                format!(
                    "OpenAPI ignores a header parameter named `{}`: {why}",
                    header.name
                ),
            );
        }
        out
    }
}

/// Whether an alternative the client can meet sends `Authorization`.
fn covers_authorization(alternatives: &[Vec<String>], schemes: &[SecurityScheme]) -> bool {
    alternatives.iter().any(|alternative| {
        let known: Vec<&SecurityScheme> = alternative
            .iter()
            .filter_map(|id| schemes.iter().find(|s| &s.id == id))
            .collect();
        known.len() == alternative.len() && known.iter().any(|s| uses_authorization(s))
    })
}

/// `alternatives` with `id` needed by each (and, when `optional`, each as it was too).
fn with_scheme(alternatives: &[Vec<String>], id: &str, required: bool) -> Vec<Vec<String>> {
    let base: Vec<Vec<String>> = if alternatives.is_empty() {
        vec![Vec::new()]
    } else {
        alternatives.to_vec()
    };
    let mut out: Vec<Vec<String>> = base
        .iter()
        .map(|alternative| {
            let mut ids = alternative.clone();
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_owned());
                ids.sort();
            }
            ids
        })
        .collect();
    if !required {
        out.extend(base);
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|alternative| seen.insert(alternative.clone()));
    out
}

/// `base`, or `base` with the first number that makes it no scheme's id.
pub(super) fn free_id(schemes: &[SecurityScheme], base: &str) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base}{n}")
            }
        })
        .find(|id| !schemes.iter().any(|s| &s.id == id))
        .unwrap_or_default()
}

/// The scheme inferred from `Authorization` header parameters: the caller's
/// value sent as the whole header.
pub(super) fn inferred_authorization(id: &str, doc: Option<String>) -> SecurityScheme {
    let note = "Inferred from the `Authorization` header parameter of operations no security scheme covers; the value is sent as the whole header (e.g. `Bearer <token>`).";
    SecurityScheme {
        id: id.to_owned(),
        setter: snake(id),
        kind: SchemeKind::ApiKey {
            location: ParamLocation::Header,
            name: "Authorization".to_owned(),
        },
        env: None,
        doc: Some(match doc {
            Some(doc) => format!("{doc}\n\n{note}"),
            None => note.to_owned(),
        }),
    }
}

/// Whether a scheme writes the `Authorization` header.
fn uses_authorization(scheme: &SecurityScheme) -> bool {
    match &scheme.kind {
        SchemeKind::ApiKey { location, name } => {
            *location == ParamLocation::Header && name.eq_ignore_ascii_case("authorization")
        }
        _ => true,
    }
}

fn place(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Header => "header",
        ParamLocation::Query => "query parameter",
        _ => "cookie",
    }
}

pub(super) fn is_env_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
