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
    audit_log,
    bank_transfers,
    bearer_notes,
    billing,
    calculator,
    camel_aliases,
    chat,
    comment_threads,
    config_store,
    contact_forms,
    cookie_prefs,
    currency_exchange,
    event_calendar,
    feature_flags,
    file_tree,
    geocoder_apikey_query,
    geometry,
    gradebook,
    helpdesk,
    hotel_booking,
    inventory,
    job_queue,
    job_search,
    legacy_orders,
    library,
    link_shortener,
    map_tiles,
    metrics_apikey,
    multi_auth,
    oauth2_scopes,
    oauth2_tasks,
    org_chart,
    path_params,
    payments,
    pets,
    playlists,
    polls,
    product_examples,
    profiles_nullable,
    quiz,
    recipes,
    request_headers,
    sensor_values,
    shipping_quotes,
    store_routers,
    team_directory,
    todo_lists,
    uploads,
    vehicle_fleet,
    weather_station,
);
