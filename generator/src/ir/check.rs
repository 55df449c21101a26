//! Checks that need every type: run after lowering, before anything is emitted.

use super::lower::Lowerer;
use super::{Operation, ParamLocation, ShapeKind, TypeDef, TypeKind};
use crate::names::Namespace;

/// Client builder methods that parameter defaults must not take.
const BUILDER_METHODS: &[&str] = &[
    "endpoint",
    "region",
    "credentials",
    "connect_timeout",
    "timeout",
    "user_agent_suffix",
    "user_agent",
    "retry",
    "clock",
    "anonymous",
    "hook",
    "http",
    "http_client",
    "build",
    // Trait methods a setter of the same name would shadow.
    "borrow",
    "borrow_mut",
    "clone",
    "clone_from",
    "eq",
    "fmt",
    "into",
    "to_owned",
    "try_into",
    "type_id",
];

impl Lowerer<'_> {
    pub(super) fn check_unions(&mut self) {
        for def in &self.types {
            let TypeKind::Union(union) = &def.kind else {
                continue;
            };
            if union.tag.is_none() {
                continue;
            }
            for variant in &union.variants {
                let is_struct = match &variant.shape.kind {
                    ShapeKind::Named(n) => matches!(
                        find(&self.types, n).map(|t| &t.kind),
                        Some(TypeKind::Struct(_))
                    ),
                    _ => false,
                };
                if !is_struct {
                    self.diags.error(
                        &def.pointer,
                        format!(
                            "the variant `{}` of a discriminated union must be an object schema",
                            variant.tag_value.as_deref().unwrap_or(&variant.name)
                        ),
                    );
                }
            }
        }
    }

    /// Drops header parameters whose names cannot be headers; checks defaults.
    pub(super) fn check_params(
        &mut self,
        operations: &mut [Operation],
        schemes: &mut [super::SecurityScheme],
    ) {
        let mut setters = Namespace::with_reserved(BUILDER_METHODS);
        for scheme in schemes.iter_mut() {
            scheme.setter = setters.claim(&scheme.setter);
        }
        for op in operations.iter_mut() {
            let mut kept = Vec::new();
            for param in std::mem::take(&mut op.params) {
                let named_on_wire = matches!(
                    param.location,
                    ParamLocation::Header | ParamLocation::Cookie
                );
                if named_on_wire && !is_header_name(&param.wire) {
                    self.diags.error(
                        &param.pointer,
                        format!("`{}` is not a valid HTTP header name", param.wire),
                    );
                    continue;
                }
                kept.push(param);
            }
            op.params = kept;
        }
        let mut defaults = std::mem::take(&mut self.client_defaults);
        defaults.retain(|d| {
            let textual = operations
                .iter()
                .flat_map(|o| &o.params)
                .filter(|p| p.wire == d.param && p.client_default)
                .all(|p| p.shape.kind == ShapeKind::String);
            if !textual {
                self.diags.error(
                    "#/paths",
                    format!(
                        "`x-default-from-client` needs a string parameter; `{}` is not one",
                        d.param
                    ),
                );
            }
            textual
        });
        for d in &mut defaults {
            d.setter = setters.claim(&d.setter);
        }
        self.client_defaults = defaults;
    }
}

pub(super) fn find<'t>(types: &'t [TypeDef], name: &str) -> Option<&'t TypeDef> {
    types.iter().find(|t| t.name == name)
}

/// An HTTP token (RFC 9110 §5.6.2).
pub(super) fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
