//! Lowering: the parsed spec → [`Api`], collecting every diagnostic.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, ReferenceOr, Schema};

use super::{Api, TypeDef, TypeKind};
use crate::diag::{pointer, Diagnostics};
use crate::load::LoadedSpec;
use crate::names::Namespace;

/// Lowers a loaded spec; diagnostics are returned whether or not it worked.
pub fn lower(spec: &LoadedSpec) -> (Api, Diagnostics) {
    let mut cx = Lowerer::new(&spec.openapi, &spec.raw);
    cx.register_components();
    cx.lower_components();
    let schemes = cx.lower_schemes();
    let security = cx.lower_requirements(
        spec.openapi.security.as_deref().unwrap_or_default(),
        &schemes,
        "#/security",
    );
    let mut operations = cx.lower_operations(&schemes, &security);
    let servers = cx.lower_servers();
    cx.finish_types();
    cx.report_visits("#/components/schemas");
    cx.check_unions();
    let mut schemes = schemes;
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
    pub(super) fn resolve<T: serde::de::DeserializeOwned>(
        &mut self,
        reference: &str,
        at: &str,
    ) -> Option<(T, String)> {
        match self.peek(reference) {
            Ok(value) => Some((value, reference.to_owned())),
            Err(problem) => {
                self.diags
                    .error(at, format!("reference `{reference}` {problem}"));
                None
            }
        }
    }

    /// Follows a local reference without recording anything; `Err` says why not.
    pub(super) fn peek<T: serde::de::DeserializeOwned>(
        &self,
        reference: &str,
    ) -> Result<T, String> {
        let tokens = pointer::tokens(reference)
            .ok_or("is not local; external references are not supported")?;
        let mut node = self.raw;
        for token in &tokens {
            let next = match node {
                serde_json::Value::Object(map) => map.get(token),
                serde_json::Value::Array(items) => {
                    token.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            };
            node = next.ok_or("points to nothing")?;
        }
        // From the tree by reference: no copy of the node.
        T::deserialize(node).map_err(|e| format!("points to an invalid object: {e}"))
    }

    /// Follows `$ref` chains of a reusable object (parameter, body, response)
    /// to the object itself, stopping on cycles.
    pub(super) fn deref_chain<'b, T>(
        &mut self,
        item: &'b ReferenceOr<T>,
        at: &str,
    ) -> Option<(Cow<'b, T>, String)>
    where
        T: serde::de::DeserializeOwned + Clone,
    {
        let mut seen = BTreeSet::new();
        let mut location = at.to_owned();
        // An object in place is borrowed, not copied.
        let mut reference = match item {
            ReferenceOr::Item(value) => return Some((Cow::Borrowed(value), location)),
            ReferenceOr::Reference { reference } => reference.clone(),
        };
        loop {
            if !seen.insert(reference.clone()) {
                self.diags
                    .error(at, format!("reference cycle through `{reference}`"));
                return None;
            }
            let (next, target) = self.resolve::<ReferenceOr<T>>(&reference, &location)?;
            location = target;
            match next {
                ReferenceOr::Item(value) => return Some((Cow::Owned(value), location)),
                ReferenceOr::Reference { reference: next } => reference = next,
            }
        }
    }

    fn register_components(&mut self) {
        let Some(components) = &self.spec.components else {
            return;
        };
        // Aliases (`$ref` only) are not types of their own: uses follow the chain.
        for (name, schema) in &components.schemas {
            if matches!(schema, ReferenceOr::Item(_)) && is_named_kind(self.spec, schema, 0) {
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

/// True when a schema becomes a named Rust type (object, enum, union).
pub(super) fn is_named_kind(spec: &OpenAPI, schema: &ReferenceOr<Schema>, depth: usize) -> bool {
    match schema {
        ReferenceOr::Item(s) => {
            let view = super::schemas::View::of(s);
            match view.sole_all_of_member() {
                Some(member) if depth < 64 => is_named_kind(spec, member, depth + 1),
                Some(_) => false,
                None => view.is_named_kind(),
            }
        }
        ReferenceOr::Reference { reference } => {
            let tokens = crate::diag::pointer::tokens(reference).unwrap_or_default();
            let name = match tokens.as_slice() {
                [c, s, name] if c == "components" && s == "schemas" => Some(name),
                _ => None,
            };
            let target = name.and_then(|n| spec.components.as_ref()?.schemas.get(n));
            match target {
                Some(t) if depth < 64 => is_named_kind(spec, t, depth + 1),
                _ => false,
            }
        }
    }
}
