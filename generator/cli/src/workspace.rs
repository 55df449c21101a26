//! Where a written crate sits among Cargo workspaces: inside one that lists
//! it, it is a member; inside one that does not, it must be a workspace of
//! its own or Cargo refuses to build it.

use std::path::{Path, PathBuf};

/// The workspace around a directory that a crate will be written to.
#[derive(Debug, PartialEq, Eq)]
pub enum Placement {
    /// No enclosing workspace: the crate builds on its own.
    Alone,
    /// An enclosing workspace lists the directory among its members.
    Member { root: PathBuf },
    /// An enclosing workspace does not list it: the crate gets a
    /// `[workspace]` table of its own.
    Outside { root: PathBuf },
}

impl Placement {
    /// Whether the crate needs an empty `[workspace]` table.
    pub fn own_workspace(&self) -> bool {
        matches!(self, Placement::Outside { .. })
    }
}

/// Cargo's member globs: `*` stays within one path segment.
const SEGMENTS: glob::MatchOptions = glob::MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: false,
};

/// Finds the nearest workspace manifest above `dir` (absolute) and whether
/// it takes `dir` as a member. Manifests that cannot be read or parsed are
/// skipped, as they are no workspace Cargo would use either.
pub fn placement(dir: &Path) -> Placement {
    for root in dir.ancestors().skip(1) {
        let Ok(text) = std::fs::read_to_string(root.join("Cargo.toml")) else {
            continue;
        };
        let Ok(manifest) = text.parse::<toml::Table>() else {
            continue;
        };
        let Some(workspace) = manifest.get("workspace").and_then(|w| w.as_table()) else {
            continue;
        };
        let Ok(relative) = dir.strip_prefix(root) else {
            continue;
        };
        let listed = |key: &str| {
            let patterns = workspace.get(key).and_then(|m| m.as_array());
            patterns
                .into_iter()
                .flatten()
                .filter_map(|p| p.as_str())
                .any(|p| {
                    let pattern = p.trim_end_matches('/').trim_start_matches("./");
                    glob::Pattern::new(pattern)
                        .is_ok_and(|g| g.matches_path_with(relative, SEGMENTS))
                        || relative.starts_with(pattern) && key == "exclude"
                })
        };
        let root = root.to_path_buf();
        return if listed("members") && !listed("exclude") {
            Placement::Member { root }
        } else {
            Placement::Outside { root }
        };
    }
    Placement::Alone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_found_by_glob_and_exclusions_respected() {
        let root = std::env::temp_dir().join(format!("clientgen-ws-{}", std::process::id()));
        std::fs::create_dir_all(root.join("clients")).expect("dir");
        std::fs::write(
            root.join("Cargo.toml"),
            "[workspace]\nmembers = [\"app\", \"clients/*\"]\nexclude = [\"clients/old\"]\n",
        )
        .expect("manifest");
        let member = placement(&root.join("clients/api"));
        assert_eq!(member, Placement::Member { root: root.clone() });
        assert!(!member.own_workspace());
        let outside = placement(&root.join("elsewhere/api"));
        assert!(outside.own_workspace(), "{outside:?}");
        assert!(placement(&root.join("clients/old")).own_workspace());
        assert!(placement(&root.join("clients/api/nested")).own_workspace());
        std::fs::remove_dir_all(&root).expect("clean up");
    }
}
