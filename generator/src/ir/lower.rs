//! Lowering: the parsed spec → [`Api`], collecting every diagnostic.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, ReferenceOr};

use super::resolve::{Resolver, Unresolved};
use super::{Api, TypeDef, TypeKind};
use crate::diag::{pointer, Diagnostics};
use crate::load::LoadedSpec;
use crate::names::Namespace;

/// Lowers a loaded spec; diagnostics are returned whether or not it worked.
pub fn lower(spec: &LoadedSpec) -> (Api, Diagnostics) {
    let mut cx = Lowerer::new(&spec.openapi, &spec.raw);
    cx.register_components();
    cx.lower_components();
    let mut schemes = cx.lower_schemes();
    let security = cx.lower_requirements(
        spec.openapi.security.as_deref().unwrap_or_default(),
        &schemes,
        "#/security",
    );
    cx.inferred_authorization.0 = super::security::free_id(&schemes, "authorizationHeader");
    let mut operations = cx.lower_operations(&schemes, &security);
    if let Some(doc) = cx.inferred_authorization.1.take() {
        schemes.push(super::security::inferred_authorization(
            &cx.inferred_authorization.0,
            doc,
        ));
    }
    let servers = cx.lower_servers();
    cx.finish_types();
    cx.report_visits("#/components/schemas");
    cx.check_unions();
    cx.check_params(&mut operations, &mut schemes);
    cx.lower_pagination(&mut operations);
    let info = &spec.openapi.info;
    let mut api = Api {
        title: info.title.clone(),
        version: info.version.clone(),
        description: info.description.clone(),
        servers,
        requires_auth: !operations.is_empty()
            && operations.iter().all(|op| {
                let alternatives = op.security.as_ref().unwrap_or(&security);
                !alternatives.is_empty() && alternatives.iter().all(|a| !a.is_empty())
            }),
        schemes,
        security,
        client_defaults: cx.client_defaults.clone(),
        types: std::mem::take(&mut cx.types),
        operations,
    };
    super::dedupe::merge_duplicates(&mut api);
    let mut diags = cx.diags;
    diags.relocate(&spec.map);
    diags.absorb_first(spec.notes.clone());
    (api, diags)
}

/// State shared by all lowering steps.
pub(super) struct Lowerer<'a> {
    pub(super) spec: &'a OpenAPI,
    pub(super) raw: &'a serde_json::Value,
    /// The one way references are followed.
    pub(super) refs: Resolver<'a>,
    pub(super) diags: Diagnostics,
    /// Names of types, shared by components and inline schemas.
    pub(super) type_names: Namespace,
    /// Component schema name → Rust type name, for components that are types.
    pub(super) component_types: BTreeMap<String, String>,
    pub(super) types: Vec<TypeDef>,
    /// Pointers of schemas being inlined, to catch reference cycles.
    pub(super) inlining: Vec<String>,
    /// Type name → property written by an enclosing tagged union.
    pub(super) tags_owned: BTreeMap<String, String>,
    pub(super) client_defaults: Vec<super::ClientDefault>,
    /// Shapes of references already lowered, so shared schemas yield one type.
    pub(super) ref_shapes: BTreeMap<String, super::Shape>,
    /// Where the current operation's API keys go; parameters of the same
    /// place and name are dropped, since the credential fills them.
    pub(super) auth_params: Vec<(super::ParamLocation, String)>,
    /// Header parameters OpenAPI ignores (`Accept`, `Content-Type`,
    /// `Authorization`) declared by the current operation.
    pub(super) ignored_headers: Vec<super::security::IgnoredHeader>,
    /// The scheme inferred for `Authorization` parameters no scheme covers:
    /// its id, and the description of the first such parameter once used.
    pub(super) inferred_authorization: (String, Option<Option<String>>),
    /// References met again while being inlined; see `shape_of_ref`.
    pub(super) pending_recursion: BTreeSet<String>,
    /// Current schema nesting depth, bounded to keep recursion finite.
    pub(super) depth: usize,
    /// Schemas visited in all, bounded too: a schema reached again through
    /// several inline paths at every level grows exponentially in depth.
    pub(super) visits: std::cell::Cell<usize>,
    /// The bound on `visits`, from the spec's size.
    pub(super) max_visits: usize,
    /// Whether running out of visits was reported.
    pub(super) visits_reported: bool,
}

impl<'a> Lowerer<'a> {
    fn new(spec: &'a OpenAPI, raw: &'a serde_json::Value) -> Self {
        Lowerer {
            spec,
            raw,
            refs: Resolver::new(spec, raw),
            diags: Diagnostics::default(),
            type_names: Namespace::with_reserved(crate::names::PRELUDE_TYPES),
            component_types: BTreeMap::new(),
            types: Vec::new(),
            inlining: Vec::new(),
            tags_owned: BTreeMap::new(),
            client_defaults: Vec::new(),
            ref_shapes: BTreeMap::new(),
            pending_recursion: BTreeSet::new(),
            auth_params: Vec::new(),
            ignored_headers: Vec::new(),
            inferred_authorization: (String::new(), None),
            depth: 0,
            visits: std::cell::Cell::new(0),
            max_visits: super::schemas::max_visits(raw),
            visits_reported: false,
        }
    }

    /// Follows a reference to a local object of type `T`.
    ///
    /// Returns the target and its pointer; records an error when the
    /// reference is external, dangling or not of the expected type.
    pub(super) fn resolve<T: serde::de::DeserializeOwned + 'static>(
        &mut self,
        reference: &str,
        at: &str,
    ) -> Option<(T, String)> {
        match self.refs.target(reference) {
            Ok(value) => Some((value, reference.to_owned())),
            Err(problem) => {
                self.diags
                    .error(at, format!("reference `{reference}` {problem}"));
                None
            }
        }
    }

    /// Follows `$ref` chains of a reusable object (parameter, body, response)
    /// to the object itself; records an error where a chain breaks.
    pub(super) fn deref_chain<'b, T>(
        &mut self,
        item: &'b ReferenceOr<T>,
        at: &str,
    ) -> Option<(Cow<'b, T>, String)>
    where
        T: serde::de::DeserializeOwned + Clone + 'static,
    {
        match self.refs.chain(item, at) {
            Ok(found) => Some(found),
            Err((_, reference, Unresolved::Cycle(_))) => {
                self.diags
                    .error(at, format!("reference cycle through `{reference}`"));
                None
            }
            Err((location, reference, problem)) => {
                self.diags
                    .error(&location, format!("reference `{reference}` {problem}"));
                None
            }
        }
    }

    fn register_components(&mut self) {
        let Some(components) = &self.spec.components else {
            return;
        };
        // Aliases (`$ref` only) are not types of their own: uses follow the chain.
        for (name, schema) in &components.schemas {
            if matches!(schema, ReferenceOr::Item(_)) && self.refs.is_named_kind(schema) {
                let rust = self.type_names.claim(&crate::names::camel(name));
                self.component_types.insert(name.clone(), rust);
            }
        }
    }

    fn lower_components(&mut self) {
        let Some(components) = &self.spec.components else {
            return;
        };
        for (name, schema) in &components.schemas {
            let Some(rust) = self.component_types.get(name).cloned() else {
                continue;
            };
            let at = format!("#/components/schemas/{}", pointer::escape(name));
            if let ReferenceOr::Item(schema) = schema {
                self.define_named(&rust, schema, &at);
            }
        }
    }

    /// Applies what is only known once all types exist: tag ownership and boxing.
    fn finish_types(&mut self) {
        for def in &mut self.types {
            if let (TypeKind::Struct(s), Some(tag)) =
                (&mut def.kind, self.tags_owned.get(&def.name))
            {
                s.fields.retain(|f| &f.wire != tag);
                s.tag_owned_by_parent = Some(tag.clone());
            }
        }
        super::schemas::box_recursive(&mut self.types);
        self.types.sort_by(|a, b| a.name.cmp(&b.name));
    }
}
