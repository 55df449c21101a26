//! Generates one client module per FastAPI app in [`APPS`] from
//! `tests/fastapi/specs/<app>.json` into `OUT_DIR/<app>.rs`.

use std::path::{Path, PathBuf};

/// The apps `src/lib.rs` includes and `tests/round_trip.rs` serves; keep the three in step.
const APPS: &[&str] = &[
    "admin_basic",
    "audit_log",
    "bank_transfers",
    "bearer_notes",
    "billing",
    "calculator",
    "camel_aliases",
    "chat",
    "comment_threads",
    "config_store",
    "contact_forms",
    "cookie_prefs",
    "currency_exchange",
    "event_calendar",
    "feature_flags",
    "file_tree",
    "geocoder_apikey_query",
    "geometry",
    "gradebook",
    "helpdesk",
    "hotel_booking",
    "inventory",
    "job_queue",
    "job_search",
    "legacy_orders",
    "library",
    "link_shortener",
    "map_tiles",
    "metrics_apikey",
    "multi_auth",
    "oauth2_scopes",
    "oauth2_tasks",
    "org_chart",
    "path_params",
    "payments",
    "pets",
    "playlists",
    "polls",
    "product_examples",
    "profiles_nullable",
    "quiz",
    "recipes",
    "request_headers",
    "sensor_values",
    "shipping_quotes",
    "store_routers",
    "team_directory",
    "todo_lists",
    "uploads",
    "vehicle_fleet",
    "weather_station",
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
            .example_path(format!("fastapi_clients::{app}"))
            .generate_to(&out_dir.join(format!("{app}.rs")))
        {
            eprintln!("{}: {error}", spec.display());
            std::process::exit(1);
        }
    }
}
