//! The per-page cost of the paginator: `ListTasks` pages of 10 tasks from a
//! canned server on 127.0.0.1, walked with `pages()`, next to the same
//! request sent on its own. Each page is built, validated, serialized,
//! signed, sent, read and decoded. Run with
//! `cargo bench -p integration --bench paging`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use huaweicloud_hss::types::{ListTasksRequestBody, TaskType};
use integration::{canned_server, ok_response, signing_client};

fn page_body() -> String {
    let tasks: Vec<String> = (0..10)
        .map(|i| {
            format!(
                r#"{{"task_id":"task-{i}","task_type":"cluster_scan","task_name":"scan {i}","trigger_type":"manual","task_status":"finished","start_time":1700000000000,"end_time":1700000060000,"estimated_time":0,"cluster_scan_info":{{"scan_type_list":["cluster_vul"],"scanning_cluster_num":0,"success_cluster_num":3,"failed_cluster_num":1}}}}"#
            )
        })
        .collect();
    // A total no walk reaches, so every page is followed by another.
    format!(
        r#"{{"total_num":1000000000,"data_list":[{}]}}"#,
        tasks.join(",")
    )
}

fn paging(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let client = runtime.block_on(async {
        let (address, _) = canned_server(ok_response(&page_body())).await;
        signing_client(&address)
    });
    let filter = ListTasksRequestBody::new(TaskType::ClusterScan);
    let mut group = c.benchmark_group("list_tasks");
    group.bench_function("send_one_page", |b| {
        b.to_async(&runtime).iter(|| async {
            let request = client.list_tasks().body(filter.clone()).limit(10);
            request.send().await.expect("page")
        })
    });
    group.bench_function("pages_next", |b| {
        b.to_async(&runtime).iter_custom(|iters| {
            let request = client.list_tasks().body(filter.clone()).limit(10);
            async move {
                let mut pages = request.pages();
                let start = Instant::now();
                for _ in 0..iters {
                    pages.next().await.expect("a next page").expect("page");
                }
                start.elapsed()
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = paging
}
criterion_main!(benches);
