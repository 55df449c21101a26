//! What a spec change does to the generated Rust API: every change to an
//! item (type, field, variant, operation, parameter, body, response, client
//! setting), classified by Rust's semver rules as they apply to what the
//! generator emits, and the version bump that follows.
//!
//! The rules follow from the shape of generated code: structs, enums and
//! unions are `#[non_exhaustive]`, so adding fields and variants is
//! compatible; structs are built with `new(required…)` and `with_*`, so a
//! new required field changes `new`; request builders check required
//! parameters and limits at run time, so a new required parameter or a
//! tighter limit refuses calls that used to be sent.

mod classify;
mod surface;

use std::fmt;

pub use classify::diff_surfaces;
pub use surface::{surface, Item, Kind};

use crate::ir::Api;

/// How a change affects code that uses the generated crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Documentation only.
    DocsOnly,
    /// Code that compiled and worked still does.
    Compatible,
    /// Some code no longer compiles, or calls that worked are now refused.
    Breaking,
}

impl Class {
    /// `breaking`, `compatible` or `docs-only`.
    pub fn word(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
            Class::DocsOnly => "docs-only",
        }
    }
}

/// One change to the generated API.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// How it affects users.
    pub class: Class,
    /// The item, e.g. `types::TaskInfo::task_id`.
    pub item: String,
    /// What changed, e.g. `field added`.
    pub change: String,
    /// Why it is classified so, in one line.
    pub reason: String,
    /// Where the item is in the old spec.
    pub old: Option<String>,
    /// Where the item is in the new spec.
    pub new: Option<String>,
}

/// Every change from `old` to `new`, breaking ones first, then by item.
pub fn diff(old: &Api, new: &Api) -> Vec<Change> {
    let mut changes = diff_surfaces(&surface(old), &surface(new));
    changes.sort_by(|a, b| b.class.cmp(&a.class).then_with(|| a.item.cmp(&b.item)));
    changes
}

/// A semver version, `major.minor.patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version(pub u64, pub u64, pub u64);

impl std::str::FromStr for Version {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let core = text.split(['-', '+']).next().unwrap_or_default();
        let parts: Vec<Result<u64, _>> = core.split('.').map(str::parse).collect();
        match parts.as_slice() {
            [Ok(a), Ok(b), Ok(c)] => Ok(Version(*a, *b, *c)),
            _ => Err(format!("`{text}` is not a version like 1.2.3")),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// The release a set of changes needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Documentation only.
    Patch,
    /// Additions.
    Minor,
    /// Breaking changes.
    Major,
}

impl Bump {
    /// The bump `changes` need.
    pub fn of(changes: &[Change]) -> Bump {
        match changes.iter().map(|c| c.class).max() {
            None => Bump::None,
            Some(Class::DocsOnly) => Bump::Patch,
            Some(Class::Compatible) => Bump::Minor,
            Some(Class::Breaking) => Bump::Major,
        }
    }

    /// `none`, `patch`, `minor` or `major`.
    pub fn word(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }

    /// The next version after `current`, as Cargo reads semver: below 1.0
    /// the minor number is the breaking one (and below 0.1, the patch).
    pub fn next(self, current: Version) -> Version {
        let Version(major, minor, patch) = current;
        match (self, major, minor) {
            (Bump::None, ..) => current,
            (_, 0, 0) => Version(0, 0, patch + 1),
            (Bump::Major, 0, _) => Version(0, minor + 1, 0),
            (_, 0, _) => Version(0, minor, patch + 1),
            (Bump::Major, ..) => Version(major + 1, 0, 0),
            (Bump::Minor, ..) => Version(major, minor + 1, 0),
            (Bump::Patch, ..) => Version(major, minor, patch + 1),
        }
    }
}
