//! Every snapshot under `src/` compiled as a module against the shared
//! `clientgen-runtime` crate. The snapshots are written by the snapshot tests
//! in `tests/tests/snapshots.rs`; see the README to accept changes.

#![forbid(unsafe_code)]
#![allow(missing_docs)]

macro_rules! snapshot {
    ($name:ident, $file:literal) => {
        pub mod $name {
            include!($file);
        }
    };
}

snapshot!(hss, "hss.rs");
snapshot!(tags, "tags.rs");
snapshot!(hostile, "hostile.rs");
snapshot!(auth, "auth.rs");
snapshot!(bodies, "bodies.rs");
snapshot!(collisions, "collisions.rs");
snapshot!(enums, "enums.rs");
snapshot!(formats, "formats.rs");
snapshot!(keywords, "keywords.rs");
snapshot!(one_of, "one_of.rs");
snapshot!(optional, "optional.rs");
snapshot!(paging, "paging.rs");
snapshot!(params, "params.rs");
snapshot!(refs, "refs.rs");
snapshot!(styles, "styles.rs");
snapshot!(openapi31, "openapi31.rs");
snapshot!(swagger2, "swagger2.rs");
