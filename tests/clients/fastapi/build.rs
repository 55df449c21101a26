//! Generates one client module per FastAPI app in [`APPS`] from
//! `tests/fastapi/specs/<app>.json` into `OUT_DIR/<app>.rs`.

use std::path::{Path, PathBuf};

/// The apps `src/lib.rs` includes and `tests/round_trip.rs` serves; keep the three in step.
const APPS: &[&str] = &[
    "admin_basic",
    "bearer_notes",
    "billing",
    "camel_aliases",
    "chat",
    "contact_forms",
    "cookie_prefs",
    "event_calendar",
    "file_tree",
    "geometry",
    "gradebook",
    "helpdesk",
    "inventory",
    "job_queue",
    "job_search",
    "legacy_orders",
    "library",
    "map_tiles",
    "metrics_apikey",
    "multi_auth",
    "oauth2_scopes",
    "oauth2_tasks",
    "path_params",
    "payments",
    "pets",
    "polls",
    "profiles_nullable",
    "quiz",
    "request_headers",
    "sensor_values",
    "store_routers",
    "team_directory",
    "todo_lists",
    "uploads",
];

fn main() {
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("OUT_DIR is not set; run this through cargo");
        std::process::exit(1);
    };
    let out_dir = PathBuf::from(out_dir);
    let specs = Path::new("../../fastapi/specs");
    for app in APPS {
        let spec = specs.join(format!("{app}.json"));
        println!("cargo::rerun-if-changed={}", spec.display());
        if let Err(error) = clientgen::Generator::new(&spec)
            .tag_features(false)
            .generate_to(&out_dir.join(format!("{app}.rs")))
        {
            eprintln!("{}: {error}", spec.display());
            std::process::exit(1);
        }
    }
}
