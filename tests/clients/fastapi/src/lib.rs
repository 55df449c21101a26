//! Clients generated from FastAPI's own OpenAPI 3.1 documents
//! (`tests/fastapi/specs/<app>.json`), one module per app.
//! `tests/round_trip.rs` calls every operation of each against the app
//! itself, served by uvicorn.

#![forbid(unsafe_code)]
#![allow(missing_docs)]

macro_rules! apps {
    ($($app:ident),* $(,)?) => {
        $(
            pub mod $app {
                include!(concat!(env!("OUT_DIR"), "/", stringify!($app), ".rs"));
            }
        )*
        /// The apps with a module here, by name.
        pub const APPS: &[&str] = &[$(stringify!($app)),*];
    };
}

apps!(
    admin_basic,
    billing,
    camel_aliases,
    chat,
    contact_forms,
    cookie_prefs,
    event_calendar,
    file_tree,
    geometry,
    job_queue,
    job_search,
    legacy_orders,
    map_tiles,
    metrics_apikey,
    oauth2_tasks,
    path_params,
    payments,
    pets,
    profiles_nullable,
    quiz,
    request_headers,
    sensor_values,
    team_directory,
    uploads,
);
