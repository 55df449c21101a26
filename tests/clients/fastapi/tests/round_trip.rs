//! Round trip against real FastAPI servers: each app of `fastapi_clients::APPS`
//! is served by uvicorn on 127.0.0.1 (`scripts/fastapi_specs.py serve`), and
//! every operation of its spec is called through the client generated from
//! that spec. FastAPI's validation must accept every request sent with valid
//! values, the client must decode every response, and a request FastAPI
//! refuses must come back as a typed 422 (`HttpValidationError`).
//!
//! The apps keep in-memory state, so each app's calls run in a fixed order
//! against a server of its own; the apps run concurrently.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fastapi_clients::pets::runtime::{Error, Response, ServiceError};
use fastapi_clients::*;

/// How long a server may take to accept connections.
const STARTUP: Duration = Duration::from_secs(30);

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn venv_python() -> PathBuf {
    repo().join("target/fastapi-venv/bin/python")
}

/// The HTTP methods OpenAPI allows under a path.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The `operationId` of every operation in the app's spec (every method under `paths`).
fn spec_operations(app: &str) -> Vec<String> {
    let path = repo().join(format!("tests/fastapi/specs/{app}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let spec: serde_json::Value = serde_json::from_str(&text).expect("spec is JSON");
    let mut ids = Vec::new();
    for (route, item) in spec["paths"].as_object().expect("spec has paths") {
        for (method, operation) in item.as_object().expect("path item is an object") {
            if METHODS.contains(&method.as_str()) {
                let id = operation["operationId"].as_str();
                ids.push(id.map_or_else(|| format!("{method} {route}"), str::to_owned));
            }
        }
    }
    ids
}

/// A uvicorn child serving one app; killed when dropped, also on a failed assertion.
struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Serves `app` on `port` and waits until it accepts connections.
    async fn start(app: &str, port: u16) -> Server {
        let python = venv_python();
        let child = Command::new(&python)
            .arg(repo().join("scripts/fastapi_specs.py"))
            .args(["serve", app, &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("{app}: cannot run {}: {e}", python.display()));
        let mut server = Server { child };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let started = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait().expect("child status") {
                panic!("{app}: uvicorn exited ({status}) before accepting connections on {addr}");
            }
            if tokio::net::TcpStream::connect(addr).await.is_ok() {
                return server;
            }
            assert!(
                started.elapsed() < STARTUP,
                "{app}: no connection on {addr} after {STARTUP:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// `n` distinct free ports: all listeners are held until every port is taken.
fn free_ports(n: usize) -> Vec<u16> {
    let listeners: Vec<TcpListener> = (0..n)
        .map(|_| TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0"))
        .collect();
    listeners
        .iter()
        .map(|l| l.local_addr().expect("local address").port())
        .collect()
}

/// The operations an app's run called successfully, and the calls that failed.
#[derive(Default)]
struct Calls {
    ok: BTreeSet<String>,
    failures: Vec<String>,
}

impl Calls {
    /// The response of a call that must succeed. A failure is recorded (the
    /// run goes on, so one report shows every failing call) and gives `None`.
    fn ok<T>(&mut self, operation: &str, result: Result<Response<T>, Error>) -> Option<T> {
        match result {
            Ok(response) => {
                self.ok.insert(operation.to_owned());
                Some(response.into_body())
            }
            Err(error) => {
                let mut text = format!("{operation}: {error}");
                match &error {
                    Error::Decode(e) => text += &format!("; body: {}", e.body_excerpt),
                    Error::Service(e) => {
                        text += &format!("; body: {}", String::from_utf8_lossy(&e.body))
                    }
                    _ => {}
                }
                self.failures.push(text);
                None
            }
        }
    }

    /// Checks that the client refused the call before sending it, naming
    /// `field`; otherwise records a failure.
    fn invalid<T: Debug>(&mut self, what: &str, field: &str, result: Result<Response<T>, Error>) {
        match result {
            Err(Error::InvalidInput(e)) if e.field == field => {}
            other => self.failures.push(format!(
                "{what}: expected invalid input at `{field}`, got {}",
                match other {
                    Err(error) => error.to_string(),
                    Ok(response) => format!("success {}", response.status()),
                }
            )),
        }
    }

    /// Like [`ok`](Self::ok), also checking the status.
    fn ok_status<T>(
        &mut self,
        operation: &str,
        status: u16,
        result: Result<Response<T>, Error>,
    ) -> Option<T> {
        if let Ok(response) = &result {
            assert_eq!(response.status(), status, "{operation}: status");
        }
        self.ok(operation, result)
    }
}

/// The service error of a call that must fail with `status`.
fn service_error<T: Debug>(
    what: &str,
    status: u16,
    result: Result<Response<T>, Error>,
) -> Box<ServiceError> {
    match result {
        Err(Error::Service(error)) if error.status == status => error,
        other => panic!("{what}: expected a {status} service error, got {other:?}"),
    }
}

/// Asserts a 422 whose body decodes as the app's `HttpValidationError`
/// with an error located at `loc` (e.g. `["body", "email"]`).
macro_rules! assert_422 {
    ($app:ident, $what:expr, $loc:expr, $result:expr) => {{
        let what: &str = $what;
        let error = service_error(what, 422, $result);
        let decoded: $app::types::HttpValidationError = error.json().unwrap_or_else(|| {
            panic!(
                "{what}: the 422 body does not decode as HttpValidationError: {}",
                String::from_utf8_lossy(&error.body)
            )
        });
        let detail = decoded.detail.unwrap_or_default();
        let want: Vec<String> = $loc.iter().map(|s: &&str| s.to_string()).collect();
        let found = detail.iter().any(|d| {
            let loc: Vec<String> = d
                .loc
                .iter()
                .map(|item| match item {
                    $app::types::ValidationErrorLocItem::String(s) => s.clone(),
                    $app::types::ValidationErrorLocItem::Integer(i) => i.to_string(),
                    other => format!("{other:?}"),
                })
                .collect();
            loc == want && !d.msg.is_empty() && !d.r#type.is_empty()
        });
        assert!(found, "{what}: no validation error at {want:?}: {detail:?}");
    }};
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs target/fastapi-venv: scripts/test.sh runs it with --ignored"]
async fn round_trip() {
    let started = Instant::now();
    assert!(
        venv_python().exists(),
        "{} is missing: run `python3 scripts/fastapi_specs.py venv` first",
        venv_python().display()
    );
    let ports = free_ports(APPS.len());
    let runs: Vec<_> = APPS
        .iter()
        .zip(ports)
        .map(|(&app, port)| {
            let run = tokio::spawn(async move {
                let _server = Server::start(app, port).await;
                run_app(app, &format!("http://127.0.0.1:{port}")).await
            });
            (app, run)
        })
        .collect();
    let mut failures = Vec::new();
    for (app, run) in runs {
        let expected = spec_operations(app);
        match run.await {
            Ok(calls) => {
                let called = expected.iter().filter(|id| calls.ok.contains(*id)).count();
                println!("round trip: {app}: {called}/{} operations", expected.len());
                for id in expected.iter().filter(|id| !calls.ok.contains(*id)) {
                    failures.push(format!("{app}: operation {id} not called successfully"));
                }
                let known: BTreeSet<&String> = expected.iter().collect();
                for id in calls.ok.iter().filter(|id| !known.contains(id)) {
                    failures.push(format!("{app}: called {id}, which the spec does not have"));
                }
                failures.extend(calls.failures.iter().map(|f| format!("{app}: {f}")));
            }
            Err(error) => {
                println!("round trip: {app}: FAILED");
                let why = match error.try_into_panic() {
                    Ok(panic) => panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "panicked".into()),
                    Err(error) => error.to_string(),
                };
                failures.push(format!("{app}: {why}"));
            }
        }
    }
    println!(
        "round trip: {} apps in {:.1?}",
        APPS.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} round-trip failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

async fn run_app(app: &str, url: &str) -> Calls {
    let mut calls = Calls::default();
    match app {
        "admin_basic" => admin_basic(url, &mut calls).await,
        "billing" => billing(url, &mut calls).await,
        "camel_aliases" => camel_aliases(url, &mut calls).await,
        "chat" => chat(url, &mut calls).await,
        "contact_forms" => contact_forms(url, &mut calls).await,
        "cookie_prefs" => cookie_prefs(url, &mut calls).await,
        "event_calendar" => event_calendar(url, &mut calls).await,
        "file_tree" => file_tree(url, &mut calls).await,
        "geometry" => geometry(url, &mut calls).await,
        "job_queue" => job_queue(url, &mut calls).await,
        "job_search" => job_search(url, &mut calls).await,
        "legacy_orders" => legacy_orders(url, &mut calls).await,
        "map_tiles" => map_tiles(url, &mut calls).await,
        "metrics_apikey" => metrics_apikey(url, &mut calls).await,
        "oauth2_tasks" => oauth2_tasks(url, &mut calls).await,
        "path_params" => path_params(url, &mut calls).await,
        "payments" => payments(url, &mut calls).await,
        "pets" => pets(url, &mut calls).await,
        "profiles_nullable" => profiles_nullable(url, &mut calls).await,
        "quiz" => quiz(url, &mut calls).await,
        "request_headers" => request_headers(url, &mut calls).await,
        "sensor_values" => sensor_values(url, &mut calls).await,
        "team_directory" => team_directory(url, &mut calls).await,
        "uploads" => uploads(url, &mut calls).await,
        other => panic!("no round trip written for app {other}"),
    }
    calls
}

// ------------------------------------------------------------------ apps

/// HTTP basic auth (user / pass).
async fn admin_basic(url: &str, calls: &mut Calls) {
    use admin_basic::types::*;
    use admin_basic::Client;
    let client = Client::builder()
        .endpoint(url)
        .http_basic("user", "pass")
        .build()
        .unwrap();

    if let Some(me) = calls.ok("whoami_whoami_get", client.whoami_whoami_get().send().await) {
        assert_eq!(me.username, "user");
        assert_eq!(me.role, Some(WhoamiRole::Admin));
    }
    let op = "get_maintenance_maintenance_get";
    if let Some(mode) = calls.ok(op, client.get_maintenance_maintenance_get().send().await) {
        assert!(!mode.enabled);
        assert_eq!(mode.message, None);
    }
    let set = client
        .set_maintenance_maintenance_put()
        .body(MaintenanceMode::new(true).with_message("upgrading"))
        .send()
        .await;
    if let Some(mode) = calls.ok("set_maintenance_maintenance_put", set) {
        assert!(mode.enabled);
        assert_eq!(mode.message.as_deref(), Some("upgrading"));
    }
    let again = client
        .get_maintenance_maintenance_get()
        .send()
        .await
        .unwrap();
    assert!(again.body().enabled);

    // Wrong password: FastAPI's 401. No credentials at all: refused before sending.
    let wrong = Client::builder()
        .endpoint(url)
        .http_basic("user", "nope")
        .build()
        .unwrap();
    let error = service_error("bad password", 401, wrong.whoami_whoami_get().send().await);
    assert_eq!(error.message, "bad credentials");
    // Every operation needs credentials: a client without any is not built.
    match Client::builder().endpoint(url).build() {
        Err(admin_basic::BuildError::MissingCredentials(_)) => {}
        other => panic!("client without credentials: expected missing credentials, got {other:?}"),
    }
    // `anonymous()` sends the call without credentials: FastAPI's own 401.
    let anonymous = Client::builder().endpoint(url).anonymous().build().unwrap();
    let error = service_error("anonymous", 401, anonymous.whoami_whoami_get().send().await);
    assert_eq!(error.message, "Not authenticated");
    // MaintenanceMode has no constraint a typed value can break: no 422 to provoke.
}

/// camelCase aliases on request and response models.
async fn camel_aliases(url: &str, calls: &mut Calls) {
    use camel_aliases::types::*;
    let client = camel_aliases::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    let op = "get_customer_customers__customer_id__get";
    let got = client
        .get_customer_customers_customer_id_get()
        .customer_id(1)
        .send()
        .await;
    if let Some(c) = calls.ok(op, got) {
        assert_eq!((c.customer_id, c.first_name.as_str()), (1, "Ana"));
        assert_eq!(c.last_name, "Silva");
        assert_eq!(c.is_vip, Some(false));
        assert_eq!(c.created_at, "2023-11-11T11:11:00Z");
        let address = c.shipping_address.expect("Ana has an address");
        assert_eq!(address.street_line, "Rua 1");
        assert_eq!(address.postal_code, "1000");
        assert_eq!(address.iso_country, "PT");
    }
    let body = CustomerCreate::new("Bo", "Chen")
        .with_is_vip(true)
        .with_shipping_address(ShippingAddress::new("Main St 5", "12345", "US"));
    let created = client
        .create_customer_customers_post()
        .body(body)
        .send()
        .await;
    if let Some(c) = calls.ok_status("create_customer_customers_post", 201, created) {
        assert_eq!(c.customer_id, 2);
        assert_eq!(
            (c.first_name.as_str(), c.last_name.as_str()),
            ("Bo", "Chen")
        );
        assert_eq!(c.is_vip, Some(true));
        let address = c.shipping_address.expect("address kept");
        assert_eq!(
            (
                address.street_line.as_str(),
                address.postal_code.as_str(),
                address.iso_country.as_str()
            ),
            ("Main St 5", "12345", "US")
        );
    }
    let op = "list_customers_customers_get";
    let vips = client
        .list_customers_customers_get()
        .vip_only(true)
        .send()
        .await;
    if let Some(list) = calls.ok(op, vips) {
        let ids: Vec<i64> = list.iter().map(|c| c.customer_id).collect();
        assert_eq!(ids, [2]);
    }
    let all = client.list_customers_customers_get().send().await.unwrap();
    assert_eq!(all.body().len(), 2);

    // The postal code's pattern is FastAPI's to check; the country's length is ours.
    let bad = CustomerCreate::new("Cy", "Diaz")
        .with_shipping_address(ShippingAddress::new("Elm 1", "ABC", "US"));
    let result = client
        .create_customer_customers_post()
        .body(bad)
        .send()
        .await;
    assert_422!(
        camel_aliases,
        "postal code",
        ["body", "shippingAddress", "postalCode"],
        result
    );
    let bad = CustomerCreate::new("Cy", "Diaz")
        .with_shipping_address(ShippingAddress::new("Elm 1", "1234", "USA"));
    let result = client
        .create_customer_customers_post()
        .body(bad)
        .send()
        .await;
    calls.invalid("country", "body.shippingAddress.ISOCountry", result);
}

/// urlencoded forms with constraints, enums and a list field.
async fn contact_forms(url: &str, calls: &mut Calls) {
    use contact_forms::types::*;
    let client = contact_forms::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    let form = BodyContactContactPost::new("Ada", "ada@example.org", "Hello there, world")
        .with_topic(BodyContactContactPostTopic::Support)
        .with_subscribe(true);
    let sent = client.contact_contact_post().body(form).send().await;
    if let Some(ticket) = calls.ok_status("contact_contact_post", 201, sent) {
        assert_eq!(ticket.reference, "T-030018");
        assert_eq!(
            (ticket.name.as_str(), ticket.email.as_str()),
            ("Ada", "ada@example.org")
        );
        assert_eq!(ticket.topic, BodyContactContactPostTopic::Support);
        assert_eq!(ticket.message_length, 18);
        assert!(ticket.subscribe);
    }
    let form = BodySurveySurveyPost::new(4)
        .with_features(vec!["speed".to_owned(), "api".to_owned()])
        .with_comment("nice");
    let sent = client.survey_survey_post().body(form).send().await;
    if let Some(survey) = calls.ok("survey_survey_post", sent) {
        assert_eq!(survey.rating, 4);
        assert_eq!(survey.features, ["api", "speed"]);
        assert_eq!(survey.comment.as_deref(), Some("nice"));
    }
    let form =
        NewsletterForm::new("Ada@Example.org").with_frequency(NewsletterFormFrequency::Monthly);
    let sent = client.newsletter_newsletter_post().body(form).send().await;
    if let Some(newsletter) = calls.ok("newsletter_newsletter_post", sent) {
        assert_eq!(newsletter.email, "ada@example.org");
        assert_eq!(newsletter.frequency, "monthly");
    }

    // The e-mail pattern is FastAPI's to check; the rating's range is ours.
    let form = BodyContactContactPost::new("Ada", "not-an-email", "Hello there, world");
    let result = client.contact_contact_post().body(form).send().await;
    assert_422!(contact_forms, "e-mail pattern", ["body", "email"], result);
    let result = client
        .survey_survey_post()
        .body(BodySurveySurveyPost::new(6))
        .send()
        .await;
    calls.invalid("rating", "body.rating", result);
}

/// Cookie parameters of several types.
async fn cookie_prefs(url: &str, calls: &mut Calls) {
    use cookie_prefs::types::*;
    let client = cookie_prefs::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    if let Some(prefs) = calls.ok(
        "read_prefs_prefs_get",
        client.read_prefs_prefs_get().send().await,
    ) {
        assert_eq!(prefs.theme, PrefsTheme::Light);
        assert_eq!(prefs.language, "en");
        assert_eq!(prefs.font_scale, 1.0);
        assert!(!prefs.tracking_opt_out);
        assert_eq!(prefs.session, None);
    }
    let prefs = client
        .read_prefs_prefs_get()
        .theme(PrefsTheme::Dark)
        .language("fr")
        .font_scale(1.5)
        .tracking_opt_out(true)
        .session("s-1")
        .send()
        .await
        .unwrap();
    let prefs = prefs.body();
    assert_eq!(prefs.theme, PrefsTheme::Dark);
    assert_eq!(prefs.language, "fr");
    assert_eq!(prefs.font_scale, 1.5);
    assert!(prefs.tracking_opt_out);
    assert_eq!(prefs.session.as_deref(), Some("s-1"));

    let update = PrefsUpdate::new()
        .with_theme(PrefsTheme::Dark)
        .with_language("de");
    let saved = client.save_prefs_prefs_post().body(update).send().await;
    if let Ok(response) = &saved {
        let cookies: Vec<&str> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert!(
            cookies.iter().any(|c| c.starts_with("language=de")),
            "{cookies:?}"
        );
    }
    if let Some(update) = calls.ok("save_prefs_prefs_post", saved) {
        assert_eq!(update.theme, Some(PrefsTheme::Dark));
        assert_eq!(update.language.as_deref(), Some("de"));
    }
    let visits = client.count_visits_visits_get().visits(4).send().await;
    if let Some(visits) = calls.ok("count_visits_visits_get", visits) {
        assert_eq!(visits, BTreeMap::from([("visits".to_owned(), 5)]));
    }

    // The language pattern is FastAPI's to check; the font scale's range is ours.
    let result = client.read_prefs_prefs_get().language("FRA").send().await;
    assert_422!(
        cookie_prefs,
        "language cookie",
        ["cookie", "language"],
        result
    );
    let result = client.read_prefs_prefs_get().font_scale(5.0).send().await;
    calls.invalid("font scale", "font_scale", result);
}

/// A recursive model in a request and a response.
async fn file_tree(url: &str, calls: &mut Calls) {
    use file_tree::types::*;
    let client = file_tree::Client::builder().endpoint(url).build().unwrap();

    if let Some(root) = calls.ok("get_tree_tree_get", client.get_tree_tree_get().send().await) {
        assert_eq!(
            (root.name.as_str(), &root.r#type),
            ("/", &NodeInputType::Dir)
        );
        let names: Vec<&str> = root
            .children
            .iter()
            .flatten()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["etc", "home", "README"]);
        // home/ada/src/main.rs, four levels down.
        let mut node = &root;
        for name in ["home", "ada", "src", "main.rs"] {
            node = node
                .children
                .iter()
                .flatten()
                .find(|c| c.name == name)
                .unwrap_or_else(|| panic!("no {name} under {}", node.name));
        }
        assert_eq!(
            (&node.r#type, node.size),
            (&NodeInputType::File, Some(4096))
        );
    }
    let home = client
        .get_tree_tree_get()
        .path2("/home")
        .depth(1)
        .send()
        .await
        .unwrap();
    let home = home.body();
    assert_eq!(home.name, "home");
    let ada = &home.children.as_ref().expect("children")[0];
    assert_eq!(ada.name, "ada");
    assert_eq!(ada.children.as_deref(), Some(&[][..]), "pruned at depth 1");

    let tree = NodeInput::new("root", NodeInputType::Dir).with_children(vec![
        NodeInput::new("a.txt", NodeInputType::File).with_size(10),
        NodeInput::new("sub", NodeInputType::Dir).with_children(vec![NodeInput::new(
            "deep",
            NodeInputType::Dir,
        )
        .with_children(vec![
            NodeInput::new("b.bin", NodeInputType::File).with_size(32)
        ])]),
    ]);
    let stats = client.tree_stats_tree_stats_post().body(tree).send().await;
    if let Some(stats) = calls.ok("tree_stats_tree_stats_post", stats) {
        assert_eq!(
            (stats.files, stats.dirs, stats.total_size, stats.deepest),
            (2, 3, 42, 3)
        );
    }

    // A missing path is a 404; an empty name deep in the tree is refused here.
    let error = service_error(
        "missing path",
        404,
        client.get_tree_tree_get().path2("/nope").send().await,
    );
    assert_eq!(error.message, "nope not found");
    let tree = NodeInput::new("root", NodeInputType::Dir)
        .with_children(vec![NodeInput::new("", NodeInputType::File)]);
    let result = client.tree_stats_tree_stats_post().body(tree).send().await;
    calls.invalid("empty name", "body.children[0].name", result);
    // Every constraint of the spec is checked by the client: no 422 to provoke.
}

/// 201 / 202 / 204 / HEAD and documented 404 / 409 bodies.
async fn job_queue(url: &str, calls: &mut Calls) {
    use job_queue::types::*;
    let client = job_queue::Client::builder().endpoint(url).build().unwrap();

    let created = client
        .create_job_jobs_post()
        .body(JobIn::new("deploy-api").with_priority(7))
        .send()
        .await;
    if let Some(job) = calls.ok_status("create_job_jobs_post", 201, created) {
        assert_eq!(
            (job.id, job.name.as_str(), job.priority),
            (2, "deploy-api", 7)
        );
        assert_eq!(job.state, JobState::Queued);
    }
    let duplicate = client
        .create_job_jobs_post()
        .body(JobIn::new("deploy-api"))
        .send()
        .await;
    let conflict: Conflict = service_error("duplicate job", 409, duplicate)
        .json()
        .expect("409 body decodes as Conflict");
    assert_eq!(
        (conflict.detail.as_str(), conflict.existing_id),
        ("duplicate", 2)
    );

    let run = client.run_job_jobs_job_id_run_post().job_id(2).send().await;
    if let Some(accepted) = calls.ok_status("run_job_jobs__job_id__run_post", 202, run) {
        assert_eq!((accepted.job_id, accepted.position), (2, 1));
    }
    let again = client.run_job_jobs_job_id_run_post().job_id(2).send().await;
    let error: ErrorModel = service_error("run twice", 409, again)
        .json()
        .expect("409 body decodes as ErrorModel");
    assert_eq!(error.detail, "job is not queued");

    let got = client.get_job_jobs_job_id_get().job_id(2).send().await;
    if let Some(job) = calls.ok("get_job_jobs__job_id__get", got) {
        assert_eq!(job.state, JobState::Running);
    }
    let exists = client.job_exists_jobs_job_id_head().job_id(2).send().await;
    calls.ok_status("job_exists_jobs__job_id__head", 200, exists);
    let missing = client.job_exists_jobs_job_id_head().job_id(99).send().await;
    service_error("HEAD of a missing job", 404, missing);

    let cancelled = client
        .cancel_job_jobs_job_id_delete()
        .job_id(2)
        .send()
        .await;
    calls.ok_status("cancel_job_jobs__job_id__delete", 204, cancelled);
    let job = client
        .get_job_jobs_job_id_get()
        .job_id(2)
        .send()
        .await
        .unwrap();
    assert_eq!(job.body().state, JobState::Cancelled);
    let missing = client.get_job_jobs_job_id_get().job_id(99).send().await;
    let error: ErrorModel = service_error("missing job", 404, missing)
        .json()
        .expect("404 body decodes as ErrorModel");
    assert_eq!(error.detail, "no such job");

    // The name pattern is FastAPI's to check; the priority's range is ours.
    let result = client
        .create_job_jobs_post()
        .body(JobIn::new("Bad Name"))
        .send()
        .await;
    assert_422!(job_queue, "job name", ["body", "name"], result);
    let result = client
        .create_job_jobs_post()
        .body(JobIn::new("ok-name").with_priority(11))
        .send()
        .await;
    calls.invalid("priority", "body.priority", result);
}

/// Repeated query parameters, enums, dates and date-times.
async fn job_search(url: &str, calls: &mut Calls) {
    use job_search::types::*;
    let client = job_search::Client::builder().endpoint(url).build().unwrap();

    let everything = client.search_jobs_get().send().await.unwrap();
    assert_eq!(everything.body().total, 3);
    let found = client
        .search_jobs_get()
        .skill(vec!["rust".to_owned()])
        .seniority(vec![Seniority::Mid, Seniority::Senior])
        .remote(true)
        .min_salary_k(80.0)
        .posted_after("2024-03-25")
        .open_at("2024-04-25T00:00:00Z")
        .ids(vec![1, 2, 3])
        .send()
        .await;
    if let Some(result) = calls.ok("search_jobs_get", found) {
        assert_eq!(result.total, 1);
        let job = &result.jobs[0];
        assert_eq!((job.id, job.title.as_str()), (1, "Backend engineer"));
        assert_eq!(job.skills, ["rust", "sql"]);
        assert!(job.remote);
        assert_eq!(job.salary_k, 85.0);
        assert_eq!(job.seniority, Seniority::Mid);
        assert_eq!(job.posted, "2024-04-01");
        assert_eq!(job.closes_at, "2024-05-01T17:00:00Z");
    }
    let two_skills = client
        .search_jobs_get()
        .skill(vec!["rust".to_owned(), "go".to_owned()])
        .send()
        .await
        .unwrap();
    let ids: Vec<i64> = two_skills.body().jobs.iter().map(|j| j.id).collect();
    assert_eq!(ids, [3], "every listed skill must match");

    if let Some(skills) = calls.ok("skills_skills_get", client.skills_skills_get().send().await) {
        assert_eq!(skills, ["go", "kubernetes", "python", "rust", "sql"]);
    }
    let skills = client.skills_skills_get().prefix("r").send().await.unwrap();
    assert_eq!(skills.body(), &["rust"]);

    // The date format is FastAPI's to check; the prefix's length is ours.
    let result = client
        .search_jobs_get()
        .posted_after("yesterday")
        .send()
        .await;
    assert_422!(job_search, "date", ["query", "posted_after"], result);
    let result = client
        .skills_skills_get()
        .prefix("kubernetes+")
        .send()
        .await;
    calls.invalid("prefix", "prefix", result);
}

/// Tuples in request and response bodies, constrained path parameters.
async fn map_tiles(url: &str, calls: &mut Calls) {
    use map_tiles::types::*;
    let client = map_tiles::Client::builder().endpoint(url).build().unwrap();

    let op = "tile_tiles__z___x___y__get";
    let tile = client
        .tile_tiles_z_x_y_get()
        .z(1)
        .x(1)
        .y(0)
        .retina(true)
        .send()
        .await;
    if let Some(tile) = calls.ok(op, tile) {
        assert_eq!((tile.z, tile.x, tile.y), (1, 1, 0));
        assert_eq!(tile.pixel_size, Some((512, 512)));
        assert_eq!(tile.bounds, (0.0, 0.0, 180.0, 85.051129));
    }
    let range = TileRange::new(3, (0, 0), (1, 2));
    let list = client
        .expand_range_tiles_range_post()
        .max_tiles(4)
        .body(range)
        .send()
        .await;
    if let Some(list) = calls.ok("expand_range_tiles_range_post", list) {
        assert_eq!(list.count, 6);
        assert_eq!(list.tiles, [(0, 0), (0, 1), (0, 2), (1, 0)]);
    }
    let levels = client
        .zoom_levels_zoom_levels_get()
        .max_zoom(2)
        .send()
        .await;
    if let Some(levels) = calls.ok("zoom_levels_zoom_levels_get", levels) {
        let want = [("0", (1, 1)), ("1", (2, 2)), ("2", (4, 4))];
        assert_eq!(
            levels,
            want.map(|(k, v)| (k.to_owned(), v)).into_iter().collect()
        );
    }

    // Every constraint of the spec is checked by the client: no 422 to provoke.
    let result = client.tile_tiles_z_x_y_get().z(23).x(0).y(0).send().await;
    calls.invalid("zoom", "z", result);
    let result = client
        .expand_range_tiles_range_post()
        .body(TileRange::new(23, (0, 0), (1, 1)))
        .send()
        .await;
    calls.invalid("range zoom", "body.z", result);
}

/// An API key in a header.
async fn metrics_apikey(url: &str, calls: &mut Calls) {
    use metrics_apikey::types::*;
    use metrics_apikey::Client;
    let client = Client::builder()
        .endpoint(url)
        .api_key_header("test-key")
        .build()
        .unwrap();

    let batch = Batch::new(vec![
        Sample::new("cpu.load", 2.0)
            .with_labels(BTreeMap::from([("host".to_owned(), "a".to_owned())])),
        Sample::new("disk.io", 3.5),
    ]);
    let ingested = client.ingest_ingest_post().body(batch).send().await;
    if let Some(counts) = calls.ok_status("ingest_ingest_post", 202, ingested) {
        let want = BTreeMap::from([("cpu.load".to_owned(), 1), ("disk.io".to_owned(), 1)]);
        assert_eq!(counts, want);
    }
    let op = "list_metrics_metrics_get";
    if let Some(names) = calls.ok(op, client.list_metrics_metrics_get().send().await) {
        assert_eq!(names, ["cpu.load", "disk.io", "mem.used_mb"]);
    }
    let names = client
        .list_metrics_metrics_get()
        .prefix("cpu")
        .send()
        .await
        .unwrap();
    assert_eq!(names.body(), &["cpu.load"]);
    let op = "summary_metrics__metric__summary_get";
    let summary = client
        .summary_metrics_metric_summary_get()
        .metric("cpu.load")
        .send()
        .await;
    if let Some(summary) = calls.ok(op, summary) {
        assert_eq!(summary.metric, "cpu.load");
        assert_eq!(summary.count, 4);
        assert_eq!((summary.min, summary.max, summary.mean), (0.5, 2.0, 1.125));
    }

    let wrong = Client::builder()
        .endpoint(url)
        .api_key_header("nope")
        .build()
        .unwrap();
    let error = service_error(
        "bad key",
        401,
        wrong.list_metrics_metrics_get().send().await,
    );
    assert_eq!(error.message, "bad api key");

    // The metric name's pattern is FastAPI's to check; the batch size is ours.
    let batch = Batch::new(vec![Sample::new("Bad-Metric", 1.0)]);
    let result = client.ingest_ingest_post().body(batch).send().await;
    assert_422!(
        metrics_apikey,
        "metric name",
        ["body", "samples", "0", "metric"],
        result
    );
    let result = client
        .ingest_ingest_post()
        .body(Batch::new(vec![]))
        .send()
        .await;
    calls.invalid("empty batch", "body.samples", result);
}

/// OAuth2 password flow: a form login, then a bearer token.
async fn oauth2_tasks(url: &str, calls: &mut Calls) {
    use oauth2_tasks::types::*;
    use oauth2_tasks::Client;
    let anonymous = Client::builder().endpoint(url).build().unwrap();

    let login = anonymous
        .login_token_post()
        .body(BodyLoginTokenPost::new("user", "pass").with_grant_type("password"))
        .send()
        .await;
    let token = calls.ok("login_token_post", login).map(|token| {
        assert_eq!(token.access_token, "test-token");
        assert_eq!(token.token_type, Some(TokenTokenType::Bearer));
        token.access_token
    });
    match anonymous.list_tasks_tasks_get().send().await {
        Err(Error::MissingCredentials(_)) => {}
        other => panic!("tasks without a token: expected missing credentials, got {other:?}"),
    }
    let client = Client::builder()
        .endpoint(url)
        .o_auth2_password_bearer(token.unwrap_or_else(|| "test-token".into()))
        .build()
        .unwrap();

    if let Some(tasks) = calls.ok(
        "list_tasks_tasks_get",
        client.list_tasks_tasks_get().send().await,
    ) {
        let titles: Vec<&str> = tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Water plants", "File taxes"]);
    }
    let done = client
        .list_tasks_tasks_get()
        .done(true)
        .send()
        .await
        .unwrap();
    let ids: Vec<i64> = done.body().iter().map(|t| t.id).collect();
    assert_eq!(ids, [2]);
    let added = client
        .add_task_tasks_post()
        .body(TaskIn::new("Buy milk"))
        .send()
        .await;
    if let Some(task) = calls.ok_status("add_task_tasks_post", 201, added) {
        assert_eq!(
            (task.id, task.title.as_str(), task.done),
            (3, "Buy milk", Some(false))
        );
    }
    let op = "complete_tasks__task_id__complete_post";
    let completed = client
        .complete_tasks_task_id_complete_post()
        .task_id(3)
        .send()
        .await;
    if let Some(task) = calls.ok(op, completed) {
        assert_eq!((task.id, task.done), (3, Some(true)));
    }

    let wrong = anonymous
        .login_token_post()
        .body(BodyLoginTokenPost::new("user", "nope"))
        .send()
        .await;
    assert_eq!(
        service_error("bad password", 401, wrong).message,
        "bad credentials"
    );
    let bad_token = Client::builder()
        .endpoint(url)
        .o_auth2_password_bearer("nope")
        .build()
        .unwrap();
    service_error(
        "bad token",
        401,
        bad_token.list_tasks_tasks_get().send().await,
    );

    // grant_type's pattern (^password$) is FastAPI's to check; the title's length is ours.
    let result = anonymous
        .login_token_post()
        .body(BodyLoginTokenPost::new("user", "pass").with_grant_type("client_credentials"))
        .send()
        .await;
    assert_422!(oauth2_tasks, "grant type", ["body", "grant_type"], result);
    let result = client
        .add_task_tasks_post()
        .body(TaskIn::new(""))
        .send()
        .await;
    calls.invalid("empty title", "body.title", result);
}

/// Path parameters: int, str with a pattern, UUID, str and int enums, float.
async fn path_params(url: &str, calls: &mut Calls) {
    use path_params::types::*;
    let client = path_params::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    let op = "part_by_int_parts__part_id__get";
    let part = client
        .part_by_int_parts_part_id_get()
        .part_id(42)
        .send()
        .await;
    if let Some(part) = calls.ok(op, part) {
        assert_eq!(
            (part.id, part.code.as_str(), &part.region),
            (42, "P0042", &Region::Eu)
        );
    }
    let op = "part_by_code_parts_by_code__code__get";
    let part = client
        .part_by_code_parts_by_code_code_get()
        .code("P0007")
        .send()
        .await;
    if let Some(part) = calls.ok(op, part) {
        assert_eq!(
            (part.id, part.code.as_str(), &part.region),
            (7, "P0007", &Region::Us)
        );
    }
    let op = "part_by_uuid_parts_by_uuid__uid__get";
    let uid = "6f1b2c1e-3a7d-4c55-9a0e-1d2c3b4a5f60";
    let part = client
        .part_by_uuid_parts_by_uuid_uid_get()
        .uid(uid)
        .send()
        .await;
    if let Some(part) = calls.ok(op, part) {
        let want = BTreeMap::from([
            ("uuid".to_owned(), uid.to_owned()),
            ("name".to_owned(), "gear".to_owned()),
        ]);
        assert_eq!(part, want);
    }
    let op = "quote_regions__region__tiers__tier__get";
    let quote = client
        .quote_regions_region_tiers_tier_get()
        .region(Region::ApAc)
        .tier(2)
        .send()
        .await;
    if let Some(quote) = calls.ok(op, quote) {
        assert_eq!(
            (&quote.region, quote.tier, quote.monthly),
            (&Region::ApAc, 2, 22.0)
        );
    }
    let op = "scale_scale__factor___label__get";
    let scaled = client
        .scale_scale_factor_label_get()
        .factor(2.5)
        // Not a `/`: the client sends it as %2F, as it must, but Starlette
        // decodes %2F before routing, so no route would match.
        .label("x y")
        .send()
        .await;
    if let Some(scaled) = calls.ok(op, scaled) {
        use ScaleScaleFactorLabelGetResponseValue as V;
        assert_eq!(scaled.get("label"), Some(&V::String("x y".into())));
        assert_eq!(scaled.get("factor"), Some(&V::Number(2.5)));
        assert_eq!(scaled.get("double"), Some(&V::Number(5.0)));
    }

    // Patterns, UUID format and the int enum are FastAPI's to check; ranges are ours.
    let result = client
        .part_by_code_parts_by_code_code_get()
        .code("X1")
        .send()
        .await;
    assert_422!(path_params, "code pattern", ["path", "code"], result);
    let result = client
        .part_by_uuid_parts_by_uuid_uid_get()
        .uid("not-a-uuid")
        .send()
        .await;
    assert_422!(path_params, "uuid", ["path", "uid"], result);
    let result = client
        .quote_regions_region_tiers_tier_get()
        .region(Region::Eu)
        .tier(4)
        .send()
        .await;
    assert_422!(path_params, "tier", ["path", "tier"], result);
    let result = client
        .part_by_int_parts_part_id_get()
        .part_id(0)
        .send()
        .await;
    calls.invalid("part id", "part_id", result);
}

/// A discriminated union (`kind`) in request and response bodies.
async fn pets(url: &str, calls: &mut Calls) {
    use pets::types::*;
    let client = pets::Client::builder().endpoint(url).build().unwrap();

    if let Some(all) = calls.ok(
        "list_pets_pets_get",
        client.list_pets_pets_get().send().await,
    ) {
        assert_eq!(all.len(), 3);
        match &all[0] {
            AdmitPetPetsPostBody::Cat(cat) => {
                assert_eq!((cat.name.as_str(), cat.lives_left), ("Miso", Some(7)));
                assert_eq!(cat.indoor, Some(true));
            }
            other => panic!("pet 0: {other:?}"),
        }
        match &all[1] {
            AdmitPetPetsPostBody::Dog(dog) => {
                assert_eq!(
                    (dog.name.as_str(), dog.breed.as_deref()),
                    ("Rex", Some("collie"))
                );
            }
            other => panic!("pet 1: {other:?}"),
        }
    }
    let dogs = client
        .list_pets_pets_get()
        .kind(ListPetsPetsGetKind::Dog)
        .send()
        .await
        .unwrap();
    assert!(
        matches!(dogs.body()[..], [AdmitPetPetsPostBody::Dog(_)]),
        "{:?}",
        dogs.body()
    );

    let got = client.get_pet_pets_index_get().index(2).send().await;
    if let Some(pet) = calls.ok("get_pet_pets__index__get", got) {
        match pet {
            AdmitPetPetsPostBody::Bird(bird) => {
                assert_eq!((bird.name.as_str(), bird.wingspan_cm), ("Kiwi", 21.5));
                assert_eq!(bird.can_talk, Some(true));
            }
            other => panic!("pet 2: {other:?}"),
        }
    }
    let admitted = client
        .admit_pet_pets_post()
        .body(Dog::new("Fido").with_breed("beagle"))
        .send()
        .await;
    if let Some(pet) = calls.ok_status("admit_pet_pets_post", 201, admitted) {
        match pet {
            AdmitPetPetsPostBody::Dog(dog) => {
                assert_eq!(
                    (dog.name.as_str(), dog.breed.as_deref()),
                    ("Fido", Some("beagle"))
                );
                assert_eq!(dog.good_boy, Some(true));
            }
            other => panic!("admitted: {other:?}"),
        }
    }
    let fido = client
        .get_pet_pets_index_get()
        .index(3)
        .send()
        .await
        .unwrap();
    assert!(matches!(fido.body(), AdmitPetPetsPostBody::Dog(d) if d.name == "Fido"));
    let adoption = client
        .adopt_adoptions_post()
        .adopter("Sam")
        .body(Cat::new("Tom").with_lives_left(3))
        .send()
        .await;
    if let Some(adoption) = calls.ok_status("adopt_adoptions_post", 201, adoption) {
        assert_eq!((adoption.id, adoption.adopter.as_str()), (4, "Sam"));
        match adoption.pet {
            AdoptionPet::Cat(cat) => {
                assert_eq!((cat.name.as_str(), cat.lives_left), ("Tom", Some(3)))
            }
            other => panic!("adopted: {other:?}"),
        }
    }

    let error = service_error(
        "missing pet",
        404,
        client.get_pet_pets_index_get().index(99).send().await,
    );
    assert_eq!(error.message, "no such pet");
    // Every constraint of the spec is checked by the client: no 422 to provoke.
    let result = client
        .admit_pet_pets_post()
        .body(Cat::new("Nine").with_lives_left(10))
        .send()
        .await;
    calls.invalid("lives left", "body.lives_left", result);
    let result = client
        .admit_pet_pets_post()
        .body(Bird::new("Flat", 0.0))
        .send()
        .await;
    calls.invalid("wingspan", "body.wingspan_cm", result);
    // JSON has no non-finite numbers (serde_json would send `null`, which
    // FastAPI refuses): NaN and infinity are invalid input, never sent.
    for wingspan in [f64::NAN, f64::INFINITY] {
        let result = client
            .admit_pet_pets_post()
            .body(Bird::new("Odd", wingspan))
            .send()
            .await;
        calls.invalid(&format!("wingspan {wingspan}"), "body.wingspan_cm", result);
    }
}

/// Required-nullable and optional-nullable fields, nullable items, a nullable response.
async fn profiles_nullable(url: &str, calls: &mut Calls) {
    use profiles_nullable::types::*;
    let client = profiles_nullable::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    let op = "list_profiles_profiles_get";
    // ada's scores are [3, null, 5]: items of `anyOf: [integer, null]`.
    if let Some(all) = calls.ok(op, client.list_profiles_profiles_get().send().await) {
        let names: Vec<&str> = all.iter().map(|p| p.username.as_str()).collect();
        assert_eq!(names, ["ada", "bo"]);
        assert_eq!(all[0].display_name.as_deref(), Some("Ada L."));
        assert_eq!(all[0].age, Some(36));
        assert_eq!(all[0].scores, Some(vec![Some(3), None, Some(5)]));
    }
    let nameless = client
        .list_profiles_profiles_get()
        .has_display_name(false)
        .name_contains("b")
        .send()
        .await;
    if let Some(list) = calls.ok(op, nameless) {
        assert_eq!(list.len(), 1);
        let bo = &list[0];
        assert_eq!(
            (bo.username.as_str(), bo.display_name.as_deref()),
            ("bo", None)
        );
        assert_eq!(
            bo.nicknames.as_deref(),
            Some(&["b".to_owned(), "bobo".to_owned()][..])
        );
        assert_eq!(bo.bio, None);
    }

    // display_name is required but null: it must be sent as `null`.
    let profile = Profile::new("ignored", None::<String>).with_age(20);
    let put = client
        .put_profile_profiles_username_put()
        .username("cy")
        .body(profile)
        .send()
        .await;
    if let Some(cy) = calls.ok("put_profile_profiles__username__put", put) {
        assert_eq!(
            (cy.username.as_str(), cy.display_name.as_deref()),
            ("cy", None)
        );
        assert_eq!(cy.age, Some(20));
    }
    let patch = ProfilePatch::new()
        .with_display_name("Cy")
        .with_bio("new here");
    let patched = client
        .patch_profile_profiles_username_patch()
        .username("cy")
        .body(patch)
        .send()
        .await;
    if let Some(cy) = calls.ok("patch_profile_profiles__username__patch", patched) {
        assert_eq!(cy.display_name.as_deref(), Some("Cy"));
        assert_eq!(cy.bio.as_deref(), Some("new here"));
        assert_eq!(cy.age, Some(20), "untouched by the patch");
    }
    let op = "display_name_profiles__username__display_get";
    let display = client
        .display_name_profiles_username_display_get()
        .username("cy")
        .send()
        .await;
    if let Some(name) = calls.ok(op, display) {
        assert_eq!(name.as_deref(), Some("Cy"));
    }
    // bo's display name is null: the response schema is `anyOf: [string, null]`.
    let display = client
        .display_name_profiles_username_display_get()
        .username("bo")
        .send()
        .await;
    calls.ok(op, display);

    let missing = client
        .patch_profile_profiles_username_patch()
        .username("nobody")
        .body(ProfilePatch::new())
        .send()
        .await;
    assert_eq!(
        service_error("missing profile", 404, missing).message,
        "no such profile"
    );
    // Every constraint of the spec is checked by the client: no 422 to provoke.
    let result = client
        .put_profile_profiles_username_put()
        .username("old")
        .body(Profile::new("old", None::<String>).with_age(151))
        .send()
        .await;
    calls.invalid("age", "body.age", result);
}

/// Header parameters: strings, ints, bools, lists, an alias with a pattern.
async fn request_headers(url: &str, calls: &mut Calls) {
    let client = request_headers::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    // One item per list header: the client writes a list header as OpenAPI's
    // `simple` style (`en,fr`), while FastAPI reads one item per repeated
    // header, so `x-weight: 0.5,1.5` is a 422 (FastAPI not following its spec).
    // A declared `user-agent` parameter replaces the client's own User-Agent.
    let report = client
        .inspect_inspect_get()
        .x_request_id("req-12345678")
        .user_agent("round-trip/1")
        .x_retry_count(3)
        .x_dry_run(true)
        .x_accept_language(vec!["en".to_owned()])
        .x_weight(vec![0.5])
        .send()
        .await;
    if let Some(report) = calls.ok("inspect_inspect_get", report) {
        assert_eq!(report.request_id, "req-12345678");
        if report.user_agent.as_deref() != Some("round-trip/1") {
            calls.failures.push(format!(
                "inspect_inspect_get: sent user-agent `round-trip/1`, the app read {:?}",
                report.user_agent
            ));
        }
        assert_eq!((report.retry_count, report.dry_run), (3, true));
        assert_eq!(report.accept_languages, ["en"]);
        assert_eq!(report.weights, Some(vec![0.5]));
    }
    let minimal = client
        .inspect_inspect_get()
        .x_request_id("req-00000000")
        .send()
        .await
        .unwrap();
    let minimal = minimal.body();
    assert_eq!((minimal.retry_count, minimal.dry_run), (0, false));
    assert!(minimal.accept_languages.is_empty());
    assert_eq!(minimal.weights, None);

    let negotiated = client
        .negotiate_negotiate_get()
        .x_offer(vec!["gzip".to_owned()])
        .x_prefer("gzip")
        .send()
        .await;
    if let Some(negotiation) = calls.ok("negotiate_negotiate_get", negotiated) {
        assert_eq!(negotiation.chosen, "gzip");
        assert_eq!(negotiation.offered, ["gzip"]);
    }
    let tenant = client
        .tenant_tenant_get()
        .x_tenant_id("acme-eu")
        .send()
        .await;
    if let Some(tenant) = calls.ok("tenant_tenant_get", tenant) {
        let want = BTreeMap::from([
            ("tenant".to_owned(), "acme-eu".to_owned()),
            ("shard".to_owned(), "shard-3".to_owned()),
        ]);
        assert_eq!(tenant, want);
    }

    // The tenant's pattern is FastAPI's to check; the request id's length is ours.
    let result = client.tenant_tenant_get().x_tenant_id("ACME").send().await;
    assert_422!(
        request_headers,
        "tenant pattern",
        ["header", "X-Tenant-ID"],
        result
    );
    let result = client
        .inspect_inspect_get()
        .x_request_id("short")
        .send()
        .await;
    calls.invalid("request id", "x-request-id", result);
}

/// Multipart uploads: one file, several files, raw bytes, file + form fields, optional file.
async fn uploads(url: &str, calls: &mut Calls) {
    use uploads::types::*;
    let client = uploads::Client::builder().endpoint(url).build().unwrap();
    const HELLO_SHA256: &str = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    let one = client
        .upload_one_upload_post()
        .body(BodyUploadOneUploadPost::new(b"hello".to_vec()))
        .send()
        .await;
    if let Some(info) = calls.ok("upload_one_upload_post", one) {
        assert_eq!((info.size, info.sha256.as_str()), (5, HELLO_SHA256));
        assert_eq!(info.filename.as_deref(), Some("file"));
        assert_eq!(
            info.content_type.as_deref(),
            Some("application/octet-stream")
        );
    }
    let many = client
        .upload_many_upload_many_post()
        .body(BodyUploadManyUploadManyPost::new(vec![
            b"a".to_vec(),
            b"hello".to_vec(),
        ]))
        .send()
        .await;
    if let Some(infos) = calls.ok("upload_many_upload_many_post", many) {
        let sizes: Vec<i64> = infos.iter().map(|i| i.size).collect();
        assert_eq!(sizes, [1, 5]);
        assert_eq!(infos[1].sha256, HELLO_SHA256);
    }
    let sum = client
        .checksum_checksum_post()
        .body(BodyChecksumChecksumPost::new(b"hello".to_vec()))
        .send()
        .await;
    if let Some(sum) = calls.ok("checksum_checksum_post", sum) {
        use ChecksumChecksumPostResponseValue as V;
        assert_eq!(sum.get("size"), Some(&V::Integer(5)));
        assert_eq!(
            sum.get("md5"),
            Some(&V::String("5d41402abc4b2a76b9719d911017c592".into()))
        );
    }
    let document = BodyUploadDocumentDocumentsPost::new("Q3 report", b"data".to_vec())
        .with_category("finance")
        .with_confidential(true);
    let sent = client
        .upload_document_documents_post()
        .body(document)
        .send()
        .await;
    if let Some(doc) = calls.ok_status("upload_document_documents_post", 201, sent) {
        assert_eq!(
            (doc.title.as_str(), doc.category.as_str()),
            ("Q3 report", "finance")
        );
        assert!(doc.confidential);
        assert_eq!(doc.file.size, 4);
    }
    let avatar = client
        .optional_avatar_avatar_post()
        .body(BodyOptionalAvatarAvatarPost::new().with_avatar(b"png".to_vec()))
        .send()
        .await;
    if let Some(info) = calls.ok("optional_avatar_avatar_post", avatar) {
        assert_eq!(info.map(|i| i.size), Some(3));
    }
    // Without a file the app answers `null`: the schema is `anyOf: [FileInfo, null]`.
    let none = client.optional_avatar_avatar_post().send().await;
    if let Some(info) = calls.ok("optional_avatar_avatar_post", none) {
        assert!(info.is_none());
    }

    // A list with no files sends no `files` part, which FastAPI requires; the title's length is ours.
    let result = client
        .upload_many_upload_many_post()
        .body(BodyUploadManyUploadManyPost::new(Vec::<Vec<u8>>::new()))
        .send()
        .await;
    assert_422!(uploads, "no files", ["body", "files"], result);
    let result = client
        .upload_document_documents_post()
        .body(BodyUploadDocumentDocumentsPost::new("", b"x".to_vec()))
        .send()
        .await;
    calls.invalid("empty title", "body.title", result);
}

/// A discriminated union (`type`) in lists, request bodies and responses; tuples.
async fn geometry(url: &str, calls: &mut Calls) {
    use geometry::types::*;
    let client = geometry::Client::builder().endpoint(url).build().unwrap();

    let op = "unit_shapes_unit_shapes_get";
    if let Some(shapes) = calls.ok(op, client.unit_shapes_unit_shapes_get().send().await) {
        assert_eq!(
            shapes,
            [
                AreaReportLargest::from(Circle::new(1.0)),
                Rectangle::new(1.0, 1.0).into(),
                Triangle::new((0.0, 0.0), (1.0, 0.0), (0.0, 1.0)).into(),
            ]
        );
    }
    let drawing = Drawing::new(
        "sketch",
        vec![
            Circle::new(1.0).into(),
            Rectangle::new(2.0, 3.0).into(),
            Triangle::new((0.0, 0.0), (1.0, 0.0), (0.0, 1.0)).into(),
        ],
    );
    let report = client.measure_area_post().body(drawing).send().await;
    if let Some(report) = calls.ok("measure_area_post", report) {
        assert_eq!(report.name, "sketch");
        assert_eq!(report.areas, [3.141593, 6.0, 0.5]);
        assert_eq!(report.total, 9.641593);
        assert_eq!(report.largest, Some(Rectangle::new(2.0, 3.0).into()));
    }
    let empty = client
        .measure_area_post()
        .body(Drawing::new("blank", vec![]))
        .send()
        .await
        .unwrap();
    assert_eq!((empty.body().total, &empty.body().largest), (0.0, &None));
    let scaled = client
        .scale_scale_post()
        .factor(1.5)
        .body(Rectangle::new(2.0, 3.0))
        .send()
        .await;
    if let Some(shape) = calls.ok("scale_scale_post", scaled) {
        assert_eq!(shape, Rectangle::new(3.0, 4.5).into());
    }
    let doubled = client
        .scale_scale_post()
        .body(Triangle::new((0.0, 0.0), (1.0, 0.0), (0.0, 1.0)))
        .send()
        .await;
    if let Some(shape) = calls.ok("scale_scale_post", doubled) {
        assert_eq!(
            shape,
            Triangle::new((0.0, 0.0), (2.0, 0.0), (0.0, 2.0)).into()
        );
    }

    // Every constraint of the spec is checked by the client: no 422 to provoke.
    let result = client
        .scale_scale_post()
        .body(Circle::new(0.0))
        .send()
        .await;
    calls.invalid("radius", "body.radius", result);
    let drawing = Drawing::new("bad", vec![Rectangle::new(1.0, -1.0).into()]);
    let result = client.measure_area_post().body(drawing).send().await;
    calls.invalid("height", "body.shapes[0].height", result);
}

/// Plain unions (bool | int | float | str), union-valued maps, nullable items.
async fn sensor_values(url: &str, calls: &mut Calls) {
    use sensor_values::types::*;
    use LatestValueLatestSensorValueGetResponse as V;
    let client = sensor_values::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();
    const AT: &str = "2024-07-01T00:00:00Z";

    if let Some(all) = calls.ok("latest_latest_get", client.latest_latest_get().send().await) {
        let values: Vec<(&str, &V)> = all.iter().map(|m| (m.sensor.as_str(), &m.value)).collect();
        assert_eq!(
            values,
            [
                ("count", &V::Integer(17)),
                ("door", &V::Bool(true)),
                ("mode", &V::String("eco".into())),
                ("temp", &V::Number(21.5)),
            ]
        );
        assert_eq!(all[3].unit.as_deref(), Some("C"));
        assert!(all.iter().all(|m| m.at == AT), "{all:?}");
    }
    let op = "latest_value_latest__sensor__value_get";
    for (sensor, want) in [
        ("door", V::Bool(true)),
        ("count", V::Integer(17)),
        ("temp", V::Number(21.5)),
        ("mode", V::String("eco".into())),
    ] {
        let value = client
            .latest_value_latest_sensor_value_get()
            .sensor(sensor)
            .send()
            .await;
        if let Some(value) = calls.ok(op, value) {
            assert_eq!(value, want, "{sensor}");
        }
    }
    let measurement =
        Measurement::new("humidity", V::Number(40.5), "2024-07-02T10:00:00Z").with_unit("%");
    let recorded = client
        .record_measurements_post()
        .body(measurement)
        .send()
        .await;
    if let Some(m) = calls.ok_status("record_measurements_post", 201, recorded) {
        assert_eq!(
            (m.sensor.as_str(), &m.value),
            ("humidity", &V::Number(40.5))
        );
        assert_eq!(m.unit.as_deref(), Some("%"));
        assert_eq!(m.at, "2024-07-02T10:00:00Z");
    }
    let humidity = client
        .latest_value_latest_sensor_value_get()
        .sensor("humidity")
        .send()
        .await
        .unwrap();
    assert_eq!(humidity.body(), &V::Number(40.5));

    use ConfigSettingsValue as S;
    if let Some(config) = calls.ok(
        "get_config_config_get",
        client.get_config_config_get().send().await,
    ) {
        let want = BTreeMap::from([
            ("enabled".to_owned(), Some(S::Bool(true))),
            ("gain".to_owned(), Some(S::Number(1.5))),
            ("interval_s".to_owned(), Some(S::Integer(30))),
            ("label".to_owned(), Some(S::String("hall".into()))),
            ("offset".to_owned(), None),
        ]);
        assert_eq!(config.settings, want);
        assert_eq!(config.thresholds, Some(vec![Some(10.0), None, Some(30.0)]));
    }
    let settings = BTreeMap::from([
        ("interval_s".to_owned(), Some(S::Integer(60))),
        ("gain".to_owned(), Some(S::Number(2.25))),
        ("label".to_owned(), None),
    ]);
    let config = Config::new(settings.clone()).with_thresholds(vec![None, Some(5.5)]);
    let put = client.put_config_config_put().body(config).send().await;
    if let Some(config) = calls.ok("put_config_config_put", put) {
        assert_eq!(config.settings, settings);
        assert_eq!(config.thresholds, Some(vec![None, Some(5.5)]));
    }

    // The date-time format is FastAPI's to check; the thresholds' count is ours.
    let measurement = Measurement::new("door", V::Bool(false), "yesterday");
    let result = client
        .record_measurements_post()
        .body(measurement)
        .send()
        .await;
    assert_422!(sensor_values, "date-time", ["body", "at"], result);
    let result = client
        .put_config_config_put()
        .body(Config::new(BTreeMap::new()).with_thresholds(vec![None; 9]))
        .send()
        .await;
    calls.invalid("thresholds", "body.thresholds", result);
}

/// Maps of models in responses and request bodies, a list of maps.
async fn team_directory(url: &str, calls: &mut Calls) {
    use team_directory::types::*;
    let client = team_directory::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    if let Some(teams) = calls.ok(
        "all_teams_teams_get",
        client.all_teams_teams_get().send().await,
    ) {
        let names: Vec<&str> = teams.keys().map(String::as_str).collect();
        assert_eq!(names, ["mobile", "platform"]);
        let platform = &teams["platform"];
        assert_eq!(platform.lead, "ivy");
        let ivy = &platform.members["ivy"];
        assert_eq!((ivy.name.as_str(), ivy.role.as_str()), ("Ivy", "lead"));
        let skills = BTreeMap::from([("rust".to_owned(), 5), ("terraform".to_owned(), 4)]);
        assert_eq!(ivy.skills, Some(skills));
    }
    let op = "team_members_teams__team__members_get";
    let members = client
        .team_members_teams_team_members_get()
        .team("platform")
        .send()
        .await;
    if let Some(members) = calls.ok(op, members) {
        let joe = Member::new("Joe", "sre").with_skills(BTreeMap::from([("linux".to_owned(), 5)]));
        assert_eq!(members.get("joe"), Some(&joe));
        assert_eq!(members.len(), 2);
    }
    let lea = Member::new("Lea", "lead").with_skills(BTreeMap::from([("figma".to_owned(), 5)]));
    let team = Team::new("lea", BTreeMap::from([("lea".to_owned(), lea.clone())]));
    let put = client
        .put_team_teams_team_put()
        .team("design")
        .body(team.clone())
        .send()
        .await;
    if let Some(saved) = calls.ok("put_team_teams__team__put", put) {
        assert_eq!(saved, team);
    }
    let sheets = vec![
        BTreeMap::from([("rust".to_owned(), 3), ("go".to_owned(), 2)]),
        BTreeMap::from([("rust".to_owned(), 5)]),
    ];
    let merged = client
        .merge_skills_skills_merge_post()
        .body(sheets)
        .send()
        .await;
    if let Some(merged) = calls.ok("merge_skills_skills_merge_post", merged) {
        assert_eq!(
            merged,
            BTreeMap::from([("go".to_owned(), 2), ("rust".to_owned(), 5)])
        );
    }
    let op = "headcount_headcount_get";
    if let Some(counts) = calls.ok(op, client.headcount_headcount_get().send().await) {
        let want = [("design", 1), ("mobile", 1), ("platform", 2)];
        assert_eq!(counts, want.map(|(k, v)| (k.to_owned(), v)).into());
    }

    let missing = client
        .team_members_teams_team_members_get()
        .team("nope")
        .send()
        .await;
    assert_eq!(
        service_error("missing team", 404, missing).message,
        "unknown team"
    );
    let leaderless = Team::new("zed", BTreeMap::from([("lea".to_owned(), lea)]));
    let result = client
        .put_team_teams_team_put()
        .team("design")
        .body(leaderless)
        .send()
        .await;
    assert_eq!(
        service_error("lead", 400, result).message,
        "lead must be a member"
    );
    // The spec has no constraint a typed value can break: no 422 to provoke.
    let result = client
        .merge_skills_skills_merge_post()
        .body(vec![])
        .send()
        .await;
    if let Some(merged) = calls.ok("merge_skills_skills_merge_post", result) {
        assert!(merged.is_empty());
    }
}

/// Dates, times, durations and date-times; a required query parameter.
async fn event_calendar(url: &str, calls: &mut Calls) {
    use event_calendar::types::*;
    let client = event_calendar::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    let op = "events_between_events_get";
    let june = client
        .events_between_events_get()
        .start("2024-06-01")
        .send()
        .await;
    if let Some(events) = calls.ok(op, june) {
        let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Standup", "Holiday", "Review"]);
        let standup = &events[0];
        assert_eq!((standup.id, standup.day.as_str()), (1, "2024-06-03"));
        assert_eq!(standup.starts.as_deref(), Some("09:30:00"));
        assert_eq!(standup.duration.as_deref(), Some("PT15M"));
        assert_eq!(standup.reminder_at.as_deref(), Some("2024-06-03T09:25:00Z"));
        assert_eq!(
            (events[1].starts.as_deref(), events[1].duration.as_deref()),
            (None, None)
        );
    }
    let all_day = client
        .events_between_events_get()
        .start("2024-06-04")
        .end("2024-06-10")
        .all_day(true)
        .send()
        .await;
    if let Some(events) = calls.ok(op, all_day) {
        let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
        assert_eq!(ids, [2]);
    }
    let event = EventIn::new("Retro", "2024-06-12")
        .with_starts("10:00:00")
        .with_duration_minutes(90);
    let added = client.add_event_events_post().body(event).send().await;
    if let Some(event) = calls.ok_status("add_event_events_post", 201, added) {
        assert_eq!((event.id, event.title.as_str()), (4, "Retro"));
        assert_eq!(event.day, "2024-06-12");
        assert_eq!(event.starts.as_deref(), Some("10:00:00"));
        assert_eq!(event.duration.as_deref(), Some("PT1H30M"));
        assert_eq!(event.reminder_at, None);
    }
    let on_day = client.on_day_days_day_get().day("2024-06-12").send().await;
    if let Some(events) = calls.ok("on_day_days__day__get", on_day) {
        let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
        assert_eq!(ids, [3, 4]);
        assert_eq!(events[0].duration.as_deref(), Some("PT1H"));
    }
    let got = client
        .get_event_events_event_id_get()
        .event_id(2)
        .send()
        .await;
    if let Some(event) = calls.ok("get_event_events__event_id__get", got) {
        assert_eq!(
            (event.title.as_str(), event.day.as_str()),
            ("Holiday", "2024-06-10")
        );
    }

    let missing = client
        .get_event_events_event_id_get()
        .event_id(99)
        .send()
        .await;
    assert_eq!(
        service_error("missing event", 404, missing).message,
        "no such event"
    );
    // The date format is FastAPI's to check; the duration's range is ours.
    let result = client.on_day_days_day_get().day("June 3rd").send().await;
    assert_422!(event_calendar, "date", ["path", "day"], result);
    let result = client
        .add_event_events_post()
        .body(EventIn::new("Nap", "2024-06-13").with_duration_minutes(0))
        .send()
        .await;
    calls.invalid("duration", "body.duration_minutes", result);
}

/// Deprecated operations and parameters, custom operation ids.
#[allow(deprecated)]
async fn legacy_orders(url: &str, calls: &mut Calls) {
    let client = legacy_orders::Client::builder()
        .endpoint(url)
        .build()
        .unwrap();

    if let Some(order) = calls.ok("getOrder", client.get_order().order_id(7).send().await) {
        assert_eq!(
            (order.id, order.item.as_str(), order.quantity),
            (7, "lamp", 2)
        );
        assert_eq!(
            (order.state.as_deref(), order.status.as_deref()),
            (Some("open"), Some("open"))
        );
    }
    let op = "get_order_v1_v1_orders__order_id__get";
    let old = client
        .get_order_v1_v1_orders_order_id_get()
        .order_id(8)
        .send()
        .await;
    if let Some(order) = calls.ok(op, old) {
        assert_eq!((order.id, order.item.as_str()), (8, "desk"));
        assert_eq!(order.state.as_deref(), Some("shipped"));
    }
    let shipped = client.list_orders().state("shipped").send().await;
    if let Some(orders) = calls.ok("listOrders", shipped) {
        let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
        assert_eq!(ids, [8]);
    }
    let open = client.list_orders().status("open").send().await;
    if let Some(orders) = calls.ok("listOrders", open) {
        let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
        assert_eq!(ids, [7]);
    }
    let op = "cancel_v1_v1_orders__order_id__cancel_post";
    let cancelled = client
        .cancel_v1_v1_orders_order_id_cancel_post()
        .order_id(7)
        .send()
        .await;
    if let Some(order) = calls.ok(op, cancelled) {
        assert_eq!(order.state.as_deref(), Some("cancelled"));
        assert_eq!(order.status.as_deref(), Some("cancelled"));
    }
    let all = client.list_orders().send().await.unwrap();
    assert_eq!(all.body().len(), 2);

    let missing = client.get_order().order_id(99).send().await;
    assert_eq!(
        service_error("missing order", 404, missing).message,
        "order not found"
    );
    // The parameters have no constraint a typed value can break: no 422 to provoke.
}

/// Bearer auth; unions discriminated by `method` (request) and `outcome` (response); Decimals.
async fn payments(url: &str, calls: &mut Calls) {
    use payments::types::*;
    use payments::Client;
    use ChargeChargesPostResponse as Outcome;
    let client = Client::builder()
        .endpoint(url)
        .http_bearer("test-token")
        .build()
        .unwrap();
    let card = || Card::new("4111111111111111", "12/30", "123");

    if let Some(methods) = calls.ok(
        "methods_methods_get",
        client.methods_methods_get().send().await,
    ) {
        use MethodsMethodsGetResponseItem as M;
        assert_eq!(methods, [M::Card, M::BankDebit, M::Wallet]);
    }
    let op = "charge_charges_post";
    let charge = Charge::new(25.5, card())
        .with_currency(ChargeCurrency::Usd)
        .with_description("books");
    if let Some(outcome) = calls.ok(op, client.charge_charges_post().body(charge).send().await) {
        assert_eq!(
            outcome,
            Outcome::Approved(Approved::new("ch_00002550", "25.5", Some("1111".into())))
        );
    }
    let charge = Charge::new(
        "7.25".to_owned(),
        Wallet::new(WalletProvider::Googlepay, "tok"),
    );
    if let Some(outcome) = calls.ok(op, client.charge_charges_post().body(charge).send().await) {
        assert_eq!(
            outcome,
            Outcome::Approved(Approved::new("ch_00000725", "7.25", None::<String>))
        );
    }
    let charge = Charge::new(10.0, BankDebit::new("DE89370400440532013000", "m-1"));
    if let Some(outcome) = calls.ok(op, client.charge_charges_post().body(charge).send().await) {
        assert_eq!(outcome, Outcome::Pending(Pending::new("ch_00001000", 60)));
    }
    let charge = Charge::new("20000".to_owned(), card());
    if let Some(outcome) = calls.ok(op, client.charge_charges_post().body(charge).send().await) {
        assert_eq!(
            outcome,
            Outcome::Declined(Declined::new(DeclinedReason::SuspectedFraud))
        );
    }
    let charge = Charge::new(5.0, Card::new("4111111111111111", "01/20", "123"));
    if let Some(outcome) = calls.ok(op, client.charge_charges_post().body(charge).send().await) {
        assert_eq!(
            outcome,
            Outcome::Declined(Declined::new(DeclinedReason::Expired))
        );
    }
    let op = "validate_method_methods_validate_post";
    let checked = client
        .validate_method_methods_validate_post()
        .body(card())
        .send()
        .await;
    if let Some(method) = calls.ok(op, checked) {
        let masked = Card::new("4111111111111111", "12/30", "***");
        assert_eq!(method, ValidateMethodMethodsValidatePostBody::Card(masked));
    }
    let wallet = Wallet::new(WalletProvider::Applepay, "tok-2");
    let checked = client
        .validate_method_methods_validate_post()
        .body(wallet.clone())
        .send()
        .await;
    if let Some(method) = calls.ok(op, checked) {
        assert_eq!(
            method,
            ValidateMethodMethodsValidatePostBody::Wallet(wallet)
        );
    }

    let wrong = Client::builder()
        .endpoint(url)
        .http_bearer("nope")
        .build()
        .unwrap();
    let result = wrong
        .charge_charges_post()
        .body(Charge::new(1.0, card()))
        .send()
        .await;
    assert_eq!(
        service_error("bad token", 401, result).message,
        "invalid token"
    );
    let anonymous = Client::builder().endpoint(url).build().unwrap();
    match anonymous
        .charge_charges_post()
        .body(Charge::new(1.0, card()))
        .send()
        .await
    {
        Err(Error::MissingCredentials(_)) => {}
        other => panic!("charge without a token: expected missing credentials, got {other:?}"),
    }

    // The card number's pattern is FastAPI's to check; the amount's range is ours.
    let bad = Charge::new(1.0, Card::new("4111-1111", "12/30", "123"));
    let result = client.charge_charges_post().body(bad).send().await;
    assert_422!(
        payments,
        "card number",
        ["body", "source", "card", "number"],
        result
    );
    let result = client
        .charge_charges_post()
        .body(Charge::new(0.0, card()))
        .send()
        .await;
    calls.invalid("amount", "body.amount", result);
}

/// Unions discriminated by `type` nested in a list, in a list request body and a response.
async fn quiz(url: &str, calls: &mut Calls) {
    use quiz::types::*;
    use SubmitQuizzesSlugSubmitPostBodyItem as Answer;
    let client = quiz::Client::builder().endpoint(url).build().unwrap();

    let got = client
        .get_quiz_quizzes_slug_get()
        .slug("space")
        .send()
        .await;
    if let Some(quiz) = calls.ok("get_quiz_quizzes__slug__get", got) {
        assert_eq!(
            (quiz.slug.as_str(), quiz.title.as_str()),
            ("space", "Space basics")
        );
        match &quiz.questions[..] {
            [QuizQuestionsItem::MultipleChoice(q1), QuizQuestionsItem::TrueFalse(q2), QuizQuestionsItem::Numeric(q3)] =>
            {
                assert_eq!(
                    (q1.id.as_str(), q1.prompt.as_str()),
                    ("q1", "Largest planet?")
                );
                assert_eq!(q1.choices, ["Mars", "Jupiter", "Venus"]);
                assert_eq!(q2.id, "q2");
                assert_eq!((q3.id.as_str(), q3.tolerance), ("q3", Some(0.0)));
            }
            other => panic!("questions: {other:?}"),
        }
    }
    let op = "question_quizzes__slug__questions__qid__get";
    let got = client
        .question_quizzes_slug_questions_qid_get()
        .slug("space")
        .qid("q2")
        .send()
        .await;
    if let Some(question) = calls.ok(op, got) {
        let want = TrueFalse::new("q2", "The Moon has an atmosphere like Earth's.");
        assert_eq!(
            question,
            QuestionQuizzesSlugQuestionsQidGetResponse::TrueFalse(want)
        );
    }
    let answers = vec![
        Answer::Choice(ChoiceAnswer::new("q1", 1)),
        Answer::Bool(BoolAnswer::new("q2", false)),
        Answer::Number(NumberAnswer::new("q3", 7.0)),
        Answer::Bool(BoolAnswer::new("q9", true)),
    ];
    let score = client
        .submit_quizzes_slug_submit_post()
        .slug("space")
        .body(answers)
        .send()
        .await;
    if let Some(score) = calls.ok("submit_quizzes__slug__submit_post", score) {
        assert_eq!((score.correct, score.total), (2, 3));
        let want = [("q1", true), ("q2", true), ("q3", false)];
        assert_eq!(score.results, want.map(|(k, v)| (k.to_owned(), v)).into());
    }

    let missing = client.get_quiz_quizzes_slug_get().slug("nope").send().await;
    assert_eq!(
        service_error("missing quiz", 404, missing).message,
        "unknown quiz"
    );
    let missing = client
        .question_quizzes_slug_questions_qid_get()
        .slug("space")
        .qid("q9")
        .send()
        .await;
    assert_eq!(
        service_error("missing question", 404, missing).message,
        "unknown question"
    );
    // Every constraint of the spec is checked by the client: no 422 to provoke.
    let result = client
        .submit_quizzes_slug_submit_post()
        .slug("space")
        .body(vec![Answer::Choice(ChoiceAnswer::new("q1", -1))])
        .send()
        .await;
    calls.invalid("choice index", "body[0].index", result);
}

/// Decimal money as number or string, dates, an int enum in queries and bodies.
async fn billing(url: &str, calls: &mut Calls) {
    use billing::types::*;
    let client = billing::Client::builder().endpoint(url).build().unwrap();

    let op = "list_invoices_invoices_get";
    if let Some(all) = calls.ok(op, client.list_invoices_invoices_get().send().await) {
        assert_eq!(all.len(), 1);
        let invoice = &all[0];
        assert_eq!(
            (invoice.number, invoice.customer.as_str()),
            (1001, "Acme Ltd")
        );
        assert_eq!(
            (invoice.issued.as_str(), invoice.due.as_str()),
            ("2024-01-05", "2024-02-05")
        );
        assert_eq!((invoice.status, invoice.total.as_str()), (2, "405.50"));
        assert_eq!(invoice.currency.as_deref(), Some("EUR"));
        assert_eq!(
            invoice.lines,
            [
                LineItemOutput::new("Consulting", 3, "120.00"),
                LineItemOutput::new("Travel", 1, "45.50"),
            ]
        );
    }
    let lines = vec![
        LineItemInput::new("Widgets", 4, "2.50".to_owned()),
        LineItemInput::new("Setup", 1, 10.0),
    ];
    let invoice = InvoiceIn::new("Globex", "2024-03-01", "2024-03-31", lines).with_currency("USD");
    let created = client
        .create_invoice_invoices_post()
        .body(invoice)
        .send()
        .await;
    if let Some(invoice) = calls.ok_status("create_invoice_invoices_post", 201, created) {
        assert_eq!((invoice.number, invoice.status), (1002, 0));
        assert_eq!(invoice.total, "20.00");
        assert_eq!(invoice.currency.as_deref(), Some("USD"));
        assert_eq!(invoice.lines[0], LineItemOutput::new("Widgets", 4, "2.50"));
        assert_eq!(invoice.lines[1].unit_price, "10.0");
    }
    let op = "set_status_invoices__number__status_put";
    let sent = client
        .set_status_invoices_number_status_put()
        .number(1002)
        .status(1)
        .send()
        .await;
    if let Some(invoice) = calls.ok(op, sent) {
        assert_eq!((invoice.number, invoice.status), (1002, 1));
    }
    let got = client
        .get_invoice_invoices_number_get()
        .number(1002)
        .send()
        .await;
    if let Some(invoice) = calls.ok("get_invoice_invoices__number__get", got) {
        assert_eq!((invoice.customer.as_str(), invoice.status), ("Globex", 1));
        assert_eq!(invoice.due, "2024-03-31");
    }
    let sent = client.list_invoices_invoices_get().status(1).send().await;
    if let Some(list) = calls.ok("list_invoices_invoices_get", sent) {
        let numbers: Vec<i64> = list.iter().map(|i| i.number).collect();
        assert_eq!(numbers, [1002]);
    }

    let missing = client
        .get_invoice_invoices_number_get()
        .number(1)
        .send()
        .await;
    assert_eq!(
        service_error("missing invoice", 404, missing).message,
        "invoice not found"
    );
    // The int enum's values and the currency's pattern are FastAPI's to check; the quantity is ours.
    let result = client
        .set_status_invoices_number_status_put()
        .number(1002)
        .status(7)
        .send()
        .await;
    assert_422!(billing, "status", ["query", "status"], result);
    let line = || vec![LineItemInput::new("x", 1, 1.0)];
    let invoice =
        InvoiceIn::new("Initech", "2024-03-01", "2024-03-31", line()).with_currency("usd");
    let result = client
        .create_invoice_invoices_post()
        .body(invoice)
        .send()
        .await;
    assert_422!(billing, "currency", ["body", "currency"], result);
    let lines = vec![LineItemInput::new("x", 0, 1.0)];
    let invoice = InvoiceIn::new("Initech", "2024-03-01", "2024-03-31", lines);
    let result = client
        .create_invoice_invoices_post()
        .body(invoice)
        .send()
        .await;
    calls.invalid("quantity", "body.lines[0].quantity", result);
}

/// A header parameter, Literal fields, nested message lists, pagination.
async fn chat(url: &str, calls: &mut Calls) {
    use chat::types::*;
    let client = chat::Client::builder().endpoint(url).build().unwrap();
    const T0: &str = "2024-05-04T12:00:00Z";

    let op = "get_room_rooms__room__get";
    if let Some(room) = calls.ok(
        op,
        client
            .get_room_rooms_room_get()
            .room("general")
            .send()
            .await,
    ) {
        assert_eq!(
            (room.name.as_str(), room.topic.as_deref()),
            ("general", Some("Anything goes"))
        );
        assert_eq!(room.members, ["ada", "bo"]);
        let ids: Vec<i64> = room.messages.iter().map(|m| m.id).collect();
        assert_eq!(ids, [1, 2, 3]);
        let [created, hello, reply] = &room.messages[..] else {
            unreachable!()
        };
        assert_eq!(
            (created.author.as_str(), &created.kind),
            ("system", &Some(MessageKind::System))
        );
        assert_eq!(hello.kind, Some(MessageKind::Text));
        assert_eq!(hello.reactions, Some(vec![Reaction::new(":wave:", 2)]));
        assert_eq!((reply.body.as_str(), reply.reply_to), ("hi ada", Some(2)));
        assert!(room.messages.iter().all(|m| m.sent_at == T0));
    }
    let page = client
        .get_room_rooms_room_get()
        .room("general")
        .after(1)
        .limit(1)
        .send()
        .await;
    if let Some(room) = calls.ok(op, page) {
        let ids: Vec<i64> = room.messages.iter().map(|m| m.id).collect();
        assert_eq!(ids, [2]);
    }
    if let Some(room) = calls.ok(
        op,
        client.get_room_rooms_room_get().room("random").send().await,
    ) {
        assert_eq!(room.topic, None);
        assert!(room.messages.is_empty());
    }
    let message = NewMessage::new("waves back")
        .with_kind(NewMessageKind::Action)
        .with_reply_to(2);
    let posted = client
        .post_message_rooms_room_messages_post()
        .room("random")
        .x_user("cy")
        .body(message)
        .send()
        .await;
    if let Some(m) = calls.ok_status("post_message_rooms__room__messages_post", 201, posted) {
        assert_eq!(
            (m.id, m.room.as_str(), m.author.as_str()),
            (4, "random", "cy")
        );
        assert_eq!(
            (m.body.as_str(), &m.kind),
            ("waves back", &Some(MessageKind::Action))
        );
        assert_eq!((m.reply_to, m.sent_at.as_str()), (Some(2), T0));
    }
    let random = client
        .get_room_rooms_room_get()
        .room("random")
        .send()
        .await
        .unwrap();
    assert_eq!(random.body().messages.len(), 1);

    let missing = client.get_room_rooms_room_get().room("nope").send().await;
    assert_eq!(
        service_error("missing room", 404, missing).message,
        "no such room"
    );
    // Every constraint of the spec is checked by the client: no 422 to provoke.
    let result = client
        .get_room_rooms_room_get()
        .room("general")
        .limit(0)
        .send()
        .await;
    calls.invalid("limit", "limit", result);
    let result = client
        .post_message_rooms_room_messages_post()
        .room("general")
        .x_user("")
        .body(NewMessage::new("hi"))
        .send()
        .await;
    calls.invalid("empty user", "x-user", result);
}
