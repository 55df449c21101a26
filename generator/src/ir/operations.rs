//! Paths and operations → [`Operation`]s.

use openapiv3::{Parameter, ParameterSchemaOrContent, ReferenceOr, RequestBody, Response};

use super::extensions::Extension;
use super::lower::Lowerer;
use super::{
    Body, BodyMedia, ClientDefault, ErrorResponse, Operation, Param, ParamLocation, ParamStyle,
    Shape, ShapeKind, StatusSuccess, Success,
};
use crate::diag::pointer;
use crate::names::{camel, snake, Namespace};

/// Methods in the order the OpenAPI path item lists them.
use crate::front::METHODS;

impl Lowerer<'_> {
    pub(super) fn lower_operations(
        &mut self,
        schemes: &[super::SecurityScheme],
        default_security: &[Vec<String>],
    ) -> Vec<Operation> {
        let mut out = Vec::new();
        let mut op_names =
            Namespace::with_reserved(&["builder", "core", "new", "endpoint", "clone"]);
        let mut builder_names = Namespace::with_reserved(crate::names::PRELUDE_TYPES);
        let mut seen_ids = std::collections::BTreeSet::new();
        // The document outlives `self`'s borrow: iterate it without a copy.
        let spec = self.spec;
        for (path, item) in &spec.paths.paths {
            let path_at = pointer::join("#/paths", path);
            if let Err(problem) = check_template(path) {
                self.diags
                    .error(&path_at, format!("the path template {problem}"));
                continue;
            }
            let Some((item, item_at)) = self.deref_chain(item, &path_at) else {
                continue;
            };
            for method in METHODS {
                let op = match method {
                    "get" => &item.get,
                    "put" => &item.put,
                    "post" => &item.post,
                    "delete" => &item.delete,
                    "options" => &item.options,
                    "head" => &item.head,
                    "patch" => &item.patch,
                    _ => &item.trace,
                };
                let Some(op) = op else { continue };
                let at = pointer::join(&item_at, method);
                let base = match &op.operation_id {
                    Some(id) => {
                        if !seen_ids.insert(id.clone()) {
                            self.diags.warning(
                                &pointer::join(&at, "operationId"),
                                format!("`operationId` {id:?} is used twice (invalid OpenAPI); this operation gets a name of its own"),
                            );
                        }
                        snake(id)
                    }
                    None => snake(&format!("{method} {path}")),
                };
                let name = op_names.claim(&base);
                let builder = builder_names.claim(&camel(crate::names::bare(&name)));
                let mut all_params: Vec<(ReferenceOr<Parameter>, String)> = Vec::new();
                for (i, p) in item.parameters.iter().enumerate() {
                    all_params.push((
                        p.clone(),
                        pointer::join(&pointer::join(&item_at, "parameters"), &i.to_string()),
                    ));
                }
                for (i, p) in op.parameters.iter().enumerate() {
                    all_params.push((
                        p.clone(),
                        pointer::join(&pointer::join(&at, "parameters"), &i.to_string()),
                    ));
                }
                let own_security = op
                    .security
                    .as_ref()
                    .map(|r| self.lower_requirements(r, schemes, &pointer::join(&at, "security")));
                let effective = own_security.as_deref().unwrap_or(default_security);
                self.auth_params = schemes
                    .iter()
                    .filter(|s| effective.iter().flatten().any(|id| *id == s.id))
                    .filter_map(|s| match &s.kind {
                        super::SchemeKind::ApiKey { location, name } => {
                            Some((*location, name.clone()))
                        }
                        _ => None,
                    })
                    .collect();
                let params = self.params(&builder, path, all_params, &at);
                let inferred = self.ignored_header_params(effective, schemes);
                let body = op
                    .request_body
                    .as_ref()
                    .and_then(|b| self.body(&builder, b, &pointer::join(&at, "requestBody")));
                let (mut success, errors) =
                    self.responses(&builder, &op.responses, &pointer::join(&at, "responses"));
                if let Success::ByStatus(name, _) = &mut success {
                    *name = builder_names.claim(&format!("{builder}Response"));
                }
                let security = match inferred {
                    Some(alternatives) => Some(alternatives),
                    None => own_security,
                }
                .filter(|own| own != default_security);
                out.push(Operation {
                    id: op.operation_id.clone().unwrap_or_else(|| name.clone()),
                    name,
                    builder,
                    method: method.to_uppercase(),
                    path: path.clone(),
                    summary: op.summary.clone(),
                    description: op.description.clone(),
                    pointer: at,
                    params,
                    body,
                    success,
                    errors,
                    deprecated: op.deprecated,
                    security,
                    pagination: None,
                    tags: op.tags.clone(),
                });
            }
        }
        out
    }

    fn params(
        &mut self,
        builder: &str,
        path: &str,
        raw: Vec<(ReferenceOr<Parameter>, String)>,
        at: &str,
    ) -> Vec<Param> {
        let mut params: Vec<Param> = Vec::new();
        // Builder members and locals of the generated `prepare`.
        let mut names = Namespace::with_reserved(&[
            "body", "call", "client", "hook", "item", "items", "new", "options", "pages", "path",
            "prepare", "request", "retry", "send", "timeout",
        ]);
        for (param, param_at) in raw {
            let Some((param, param_at)) = self.deref_chain(&param, &param_at) else {
                continue;
            };
            let param = param.into_owned();
            let (data, location) = match &param {
                Parameter::Path { parameter_data, .. } => {
                    (parameter_data, super::ParamLocation::Path)
                }
                Parameter::Query { parameter_data, .. } => {
                    (parameter_data, super::ParamLocation::Query)
                }
                Parameter::Header { parameter_data, .. } => {
                    (parameter_data, super::ParamLocation::Header)
                }
                Parameter::Cookie { parameter_data, .. } => {
                    (parameter_data, super::ParamLocation::Cookie)
                }
            };
            // OpenAPI: these header parameters are ignored; the client sets them.
            if location == ParamLocation::Header
                && ["accept", "content-type", "authorization"]
                    .contains(&data.name.to_ascii_lowercase().as_str())
            {
                self.ignored_headers.push(super::security::IgnoredHeader {
                    name: data.name.clone(),
                    required: data.required,
                    pointer: param_at.clone(),
                    doc: data.description.clone(),
                });
                continue;
            }
            let is_credential = self.auth_params.iter().any(|(place, name)| {
                *place == location
                    && if location == ParamLocation::Header {
                        name.eq_ignore_ascii_case(&data.name)
                    } else {
                        *name == data.name
                    }
            });
            if is_credential {
                continue; // Sent from the client's credentials.
            }
            let shape = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    let shape = self.shape_of(
                        schema,
                        &pointer::join(&param_at, "schema"),
                        &format!("{builder}{}", camel(&data.name)),
                    );
                    // An untyped parameter is text on the wire.
                    if shape.kind == super::ShapeKind::Any {
                        Shape {
                            kind: super::ShapeKind::String,
                            ..shape
                        }
                    } else {
                        shape
                    }
                }
                ParameterSchemaOrContent::Content(_) => {
                    self.diags.warning(
                        &param_at,
                        "a parameter with `content` is sent as a plain string",
                    );
                    Shape {
                        kind: super::ShapeKind::String,
                        ..Shape::default()
                    }
                }
            };
            let client_default = self.extension_flag(
                data.extensions.get(Extension::DefaultFromClient.key()),
                Extension::DefaultFromClient,
                &param_at,
            );
            if client_default && !self.client_defaults.iter().any(|d| d.param == data.name) {
                self.client_defaults.push(ClientDefault {
                    param: data.name.clone(),
                    setter: snake(&data.name),
                    doc: data.description.clone(),
                });
            }
            let new = Param {
                wire: data.name.clone(),
                name: String::new(),
                location,
                required: data.required || location == ParamLocation::Path,
                shape,
                doc: data.description.clone(),
                client_default,
                style: param_style(&param),
                pointer: param_at.clone(),
            };
            // Operation-level parameters override path-level ones.
            match params
                .iter_mut()
                .find(|p| p.wire == new.wire && p.location == new.location)
            {
                Some(existing) => {
                    *existing = Param {
                        name: existing.name.clone(),
                        ..new
                    }
                }
                None => params.push(Param {
                    name: names.claim(&snake(&new.wire)),
                    ..new
                }),
            }
        }
        self.reconcile_path_template(path, &mut params, &mut names, at);
        params
    }

    /// Makes the path parameters match the template, as real specs often do
    /// not: a `{name}` nobody defines becomes a required string parameter, a
    /// path parameter the template lacks is left out; both with a warning.
    fn reconcile_path_template(
        &mut self,
        path: &str,
        params: &mut Vec<Param>,
        names: &mut Namespace,
        at: &str,
    ) {
        for segment in template_names(path) {
            let defined = params
                .iter()
                .any(|p| p.location == ParamLocation::Path && p.wire == segment);
            if !defined {
                self.diags.warning(
                    at,
                    format!(
                        "the path uses `{{{segment}}}` but no path parameter defines it; \
                         it is taken as a required string"
                    ),
                );
                params.push(Param {
                    wire: segment.to_owned(),
                    name: names.claim(&snake(segment)),
                    location: ParamLocation::Path,
                    required: true,
                    shape: Shape {
                        kind: ShapeKind::String,
                        ..Shape::default()
                    },
                    doc: None,
                    client_default: false,
                    style: ParamStyle::Simple { explode: false },
                    pointer: at.to_owned(),
                });
            }
        }
        let before = params.len();
        params.retain(|p| {
            p.location != ParamLocation::Path || template_names(path).any(|s| s == p.wire)
        });
        if params.len() != before {
            self.diags.warning(
                at,
                "path parameters that do not appear in the path are left out",
            );
        }
    }

    fn body(&mut self, builder: &str, body: &ReferenceOr<RequestBody>, at: &str) -> Option<Body> {
        let (body, body_at) = self.deref_chain(body, at)?;
        // One encoding per operation, the most structured one the spec offers.
        let (media_type, content, media) = body
            .content
            .iter()
            .map(|(media_type, content)| {
                (
                    media_type,
                    content,
                    body_media(media_type, content.schema.as_ref()),
                )
            })
            .min_by_key(|(_, _, media)| *media as u8)?;
        let content_at = pointer::join(&pointer::join(&body_at, "content"), media_type);
        let shape = match (media, &content.schema) {
            (BodyMedia::Bytes, schema) => {
                let mut shape = Shape {
                    kind: ShapeKind::Bytes,
                    ..Shape::default()
                };
                // `format: byte`: the bytes are base64 text, which examples show.
                if let Some(ReferenceOr::Item(openapiv3::Schema {
                    schema_kind: openapiv3::SchemaKind::Type(openapiv3::Type::String(t)),
                    ..
                })) = schema
                {
                    if t.format
                        == openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Byte)
                    {
                        shape.checks.sample = Some(Box::new(crate::ir::Sample {
                            format: Some("byte".to_owned()),
                            ..Default::default()
                        }));
                    }
                }
                shape
            }
            (BodyMedia::Text, _) => Shape {
                kind: ShapeKind::String,
                ..Shape::default()
            },
            (_, Some(schema)) => self.shape_of(
                schema,
                &pointer::join(&content_at, "schema"),
                &format!("{builder}Body"),
            ),
            (_, None) => Shape::default(),
        };
        // A wildcard is not a content type a request can carry.
        let content_type = match (media, media_type.contains('*')) {
            (_, false) => media_type.clone(),
            (BodyMedia::Json, true) => "application/json".to_owned(),
            (BodyMedia::Text, true) => "text/plain".to_owned(),
            (_, true) => "application/octet-stream".to_owned(),
        };
        Some(Body {
            shape,
            media,
            content_type,
            required: body.required,
            doc: body.description.clone(),
        })
    }

    /// What each documented response carries: 2xx statuses decide the
    /// success type (one enum variant each when they differ); others are
    /// documented error bodies.
    fn responses(
        &mut self,
        builder: &str,
        responses: &openapiv3::Responses,
        at: &str,
    ) -> (Success, Vec<ErrorResponse>) {
        // `None` stands for the `2XX` range.
        let mut successes: Vec<(Option<u16>, Success)> = Vec::new();
        let mut errors = Vec::new();
        let mut default_body = None;
        let mut entries: Vec<ResponseEntry<'_>> = responses
            .responses
            .iter()
            .map(|(code, r)| {
                let success = match code {
                    openapiv3::StatusCode::Code(c) if (200..300).contains(c) => Some(Some(*c)),
                    openapiv3::StatusCode::Range(2) => Some(None),
                    _ => None,
                };
                (code.to_string(), success, r)
            })
            .collect();
        if let Some(default) = &responses.default {
            entries.push(("default".to_owned(), None, default));
        }
        for (label, success, response) in entries {
            let response_at = pointer::join(at, &label);
            let Some((response, response_at)) =
                self.deref_chain::<Response>(response, &response_at)
            else {
                continue;
            };
            let hint = if success.is_some() {
                format!("{builder}Response")
            } else {
                format!("{builder}Error{label}")
            };
            // HTTP gives these no content (RFC 9110), whatever the spec says.
            let no_content = matches!(code_of(&label), Some(204 | 205 | 304));
            if no_content && !response.content.is_empty() {
                self.diags.warning(
                    &pointer::join(&response_at, "content"),
                    format!("a {label} response has no content in HTTP; its content is ignored"),
                );
            }
            let body = if no_content {
                Success::Empty
            } else {
                self.response_body(&response, &response_at, &hint)
            };
            match (success, body) {
                (Some(status), body) if !successes.iter().any(|(s, _)| *s == status) => {
                    successes.push((status, body));
                }
                (Some(_), _) => {}
                (None, Success::Json(shape)) => {
                    if label == "default" {
                        default_body = Some(shape.clone());
                    }
                    errors.push(ErrorResponse {
                        status: label,
                        shape,
                    });
                }
                _ => {}
            }
        }
        // Exact codes first: a `2XX` range only catches what they do not.
        successes.sort_by_key(|(status, _)| status.is_none());
        let success = match successes.first() {
            // Only `default` documented: it describes successes too.
            None => default_body.map_or(Success::Empty, Success::Json),
            Some((_, first)) if successes.iter().all(|(_, b)| b == first) => first.clone(),
            Some(_) => {
                let mut names = crate::names::Namespace::with_reserved(&["Other"]);
                Success::ByStatus(
                    String::new(),
                    successes
                        .into_iter()
                        .map(|(status, body)| StatusSuccess {
                            variant: names.claim(&match status {
                                Some(code) => format!("{}{code}", status_word(code)),
                                None => "Success2xx".to_owned(),
                            }),
                            status,
                            body,
                        })
                        .collect(),
                )
            }
        };
        (success, errors)
    }

    fn response_body(&mut self, response: &Response, at: &str, hint: &str) -> Success {
        if response.content.is_empty() {
            return Success::Empty;
        }
        let json = response
            .content
            .iter()
            .find(|(media, content)| body_media(media, content.schema.as_ref()) == BodyMedia::Json);
        if let Some((media, content)) = json {
            let content_at = pointer::join(&pointer::join(at, "content"), media);
            return match &content.schema {
                Some(schema) => Success::Json(self.value_shape(
                    schema,
                    &pointer::join(&content_at, "schema"),
                    hint,
                )),
                None => Success::Json(Shape::default()),
            };
        }
        if response
            .content
            .keys()
            .all(|m| essence(m).starts_with("text/"))
        {
            Success::Text
        } else {
            Success::Bytes
        }
    }
}

/// The status code a response's label names, if it names one.
fn code_of(label: &str) -> Option<u16> {
    label.parse().ok()
}

/// A response as listed: its label, its 2xx status (`Some(None)` for `2XX`), the object.
type ResponseEntry<'r> = (String, Option<Option<u16>>, &'r ReferenceOr<Response>);

/// A readable word for common statuses; the number follows it.
fn status_word(status: u16) -> &'static str {
    match status {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritative",
        204 => "NoContent",
        206 => "PartialContent",
        _ => "Status",
    }
}

/// `style` and `explode` with the defaults OpenAPI gives each location.
fn param_style(param: &Parameter) -> ParamStyle {
    use openapiv3::QueryStyle;
    match param {
        Parameter::Query {
            parameter_data,
            style,
            ..
        } => {
            let explode = parameter_data
                .explode
                .unwrap_or(matches!(style, QueryStyle::Form));
            match style {
                QueryStyle::Form => ParamStyle::Form { explode },
                QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
                QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
                QueryStyle::DeepObject => ParamStyle::DeepObject,
            }
        }
        Parameter::Cookie { parameter_data, .. } => ParamStyle::Form {
            explode: parameter_data.explode.unwrap_or(true),
        },
        Parameter::Path { parameter_data, .. } | Parameter::Header { parameter_data, .. } => {
            ParamStyle::Simple {
                explode: parameter_data.explode.unwrap_or(false),
            }
        }
    }
}

/// The encoding for a media type; lower sorts first when several are offered.
/// A wildcard (`*/*`, `application/*`) with a structured schema means JSON.
fn body_media(media: &str, schema: Option<&ReferenceOr<openapiv3::Schema>>) -> BodyMedia {
    let essence = essence(media);
    let structured = match schema {
        Some(ReferenceOr::Reference { .. }) => true,
        Some(ReferenceOr::Item(s)) => !matches!(
            &s.schema_kind,
            openapiv3::SchemaKind::Type(openapiv3::Type::String(_)) | openapiv3::SchemaKind::Any(_)
        ),
        None => false,
    };
    // Raw bytes declared under a JSON media type (`format: binary`) are
    // not a JSON value.
    let binary = matches!(schema, Some(ReferenceOr::Item(s)) if matches!(
        &s.schema_kind,
        openapiv3::SchemaKind::Type(openapiv3::Type::String(t))
            if t.format == openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Binary)
    ));
    if binary {
        BodyMedia::Bytes
    } else if is_json(&essence) || (essence.contains('*') && structured) {
        BodyMedia::Json
    } else if essence == "application/x-www-form-urlencoded" {
        BodyMedia::Form
    } else if essence == "multipart/form-data" {
        BodyMedia::Multipart
    } else if essence.starts_with("text/") {
        BodyMedia::Text
    } else {
        BodyMedia::Bytes
    }
}

/// `application/json`, `application/problem+json`, `application/json; charset=utf-8`.
fn is_json(media: &str) -> bool {
    let essence = essence(media);
    essence == "application/json" || essence.ends_with("+json")
}

/// `Application/JSON; charset=utf-8` → `application/json`.
fn essence(media: &str) -> String {
    media
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The `{name}`s of a path template.
/// A path template is text with `{name}` parts: braces never nest, never
/// stand alone, and enclose a name.
fn check_template(path: &str) -> Result<(), String> {
    let mut open = false;
    let mut name_len = 0;
    for c in path.chars() {
        match (c, open) {
            ('{', false) => {
                open = true;
                name_len = 0;
            }
            ('}', true) if name_len > 0 => open = false,
            ('{' | '}', _) => return Err("has a brace that opens or closes no `{name}`".to_owned()),
            ('/' | '?' | '#', true) => return Err("has a `{name}` that never closes".to_owned()),
            (_, true) => name_len += 1,
            (_, false) => {}
        }
    }
    if open {
        return Err("has a `{name}` that never closes".to_owned());
    }
    Ok(())
}

fn template_names(path: &str) -> impl Iterator<Item = &str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn path_templates_are_checked() {
        for good in ["/", "/a/{id}", "/a/{id}/b{x}.json", "/{a}{b}"] {
            assert_eq!(super::check_template(good), Ok(()), "{good}");
        }
        for bad in ["/x}y{/{id}", "/{{id}}", "/a/{", "/a/{}", "/a}", "/{a/b}"] {
            assert!(super::check_template(bad).is_err(), "{bad}");
        }
    }
}
