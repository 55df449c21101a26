//! The cost of tracing on a loopback round trip: one CreateTask call (build,
//! validate, serialize, sign, send, read, decode) against a canned server on
//! 127.0.0.1, without a subscriber and with one that formats every span and
//! event (to a sink). Run with `cargo bench -p integration --bench round_trip`.

use criterion::{criterion_group, criterion_main, Criterion};
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use integration::{canned_server, ok_response, signing_client};
use tracing_subscriber::fmt::format::FmtSpan;

fn round_trip(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let client = runtime.block_on(async {
        let (address, _) = canned_server(ok_response(r#"{"task_id":"t"}"#)).await;
        signing_client(&address)
    });
    let call = || async {
        let body = CreateClusterScanTask::new(ClusterScanInfo::new(
            vec![ClusterScanType::ClusterVul],
            ClusterScanRangeType::AllCluster,
        ));
        client.create_task().body(body).send().await.expect("ok")
    };
    let mut group = c.benchmark_group("round_trip");
    group.bench_function("no_subscriber", |b| b.to_async(&runtime).iter(call));
    let subscriber = tracing_subscriber::fmt()
        .with_writer(std::io::sink)
        .with_span_events(FmtSpan::CLOSE)
        .with_max_level(tracing::Level::INFO)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        group.bench_function("fmt_subscriber", |b| b.to_async(&runtime).iter(call));
    });
    group.finish();
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
