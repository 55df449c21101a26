//! Servers → default endpoint and region table; security schemes → auth.

use super::extensions::Extension;
use super::lower::Lowerer;
use super::{Region, Servers};
use crate::diag::pointer;
use crate::names::{camel, Namespace};

impl Lowerer<'_> {
    pub(super) fn lower_servers(&mut self) -> Servers {
        let prefix = self
            .spec
            .info
            .extensions
            .get(Extension::RegionEnvPrefix.key());
        let mut servers = Servers {
            region_env_prefix: self.extension_text(
                prefix,
                Extension::RegionEnvPrefix,
                "#/info",
                super::security::is_env_name,
            ),
            ..Servers::default()
        };
        let mut variants = Namespace::default();
        for (i, server) in self.spec.servers.iter().enumerate() {
            let at = pointer::join("#/servers", &i.to_string());
            let mut url = server.url.clone();
            let mut region_var = None;
            for (name, var) in server.variables.iter().flatten() {
                if var.enumeration.len() > 1
                    || (region_var.is_none() && !var.enumeration.is_empty())
                {
                    region_var = Some((name.clone(), var.enumeration.clone()));
                }
                url = url.replace(&format!("{{{name}}}"), &var.default);
            }
            if url.contains('{') {
                self.diags.warning(
                    &at,
                    "the server URL uses a variable it does not define; skipped",
                );
                continue;
            }
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                self.diags.warning(
                    &at,
                    "the server URL is relative; clients must be given an endpoint",
                );
                continue;
            }
            let Some((var_name, values)) = region_var else {
                servers.default_url.get_or_insert_with(|| url.clone());
                continue;
            };
            // A region must be chosen on purpose: no silent default region.
            if !var_name.eq_ignore_ascii_case("region") {
                servers.default_url.get_or_insert_with(|| url.clone());
            }
            let mut type_name = camel(&var_name);
            // Not a name the crate root uses, nor one of the prelude's (`Result`, `String`).
            if crate::names::root_names().any(|n| n == type_name)
                || crate::names::PRELUDE_TYPES.contains(&type_name.as_str())
            {
                type_name.push_str("Value");
            }
            if servers
                .region_type
                .as_ref()
                .is_some_and(|t| *t != type_name)
            {
                continue;
            }
            servers.region_type = Some(type_name);
            for id in values {
                if servers.regions.iter().any(|r| r.id == id) {
                    continue;
                }
                let mut region_url = server.url.clone();
                for (name, var) in server.variables.iter().flatten() {
                    let value = if *name == var_name { &id } else { &var.default };
                    region_url = region_url.replace(&format!("{{{name}}}"), value);
                }
                servers.regions.push(Region {
                    variant: variants.claim(&camel(&id)),
                    id,
                    url: region_url,
                });
            }
        }
        servers
    }
}
