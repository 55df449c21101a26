//! The request path without I/O: one CreateTask request built, validated,
//! serialized and signed as `send()` does it (`end_to_end`), the signer
//! alone on that request (`sign`), and the floor any signer pays: SHA-256 of
//! the body, SHA-256 of the canonical request and HMAC-SHA256 of the string
//! to sign, over the same lengths (`hash_floor`). Run with
//! `cargo bench -p integration --bench request`.

use std::hint::black_box;
use std::time::{Duration, UNIX_EPOCH};

use criterion::{criterion_group, criterion_main, Criterion};
use huaweicloud_hss::runtime::huawei::signing;
use huaweicloud_hss::types::{
    ClusterScanInfo, ClusterScanRangeType, ClusterScanType, CreateClusterScanTask,
};
use huaweicloud_hss::AkSk;
use integration::signing_client;
use sha2::{Digest, Sha256};

fn body() -> CreateClusterScanTask {
    CreateClusterScanTask::new(ClusterScanInfo::new(
        vec![ClusterScanType::ClusterVul],
        ClusterScanRangeType::AllCluster,
    ))
}

fn request(c: &mut Criterion) {
    // No connection is made: the address only has to parse.
    let client = signing_client("127.0.0.1:9");
    let end_to_end = || {
        let request = client.create_task().body(body()).prepare().expect("valid");
        client.core().wire_request(&request).expect("signed")
    };

    // The signer's input, taken from the wire request without what it adds.
    let wire = end_to_end();
    let method = wire.method().as_str().to_owned();
    let url = wire.url().as_str().to_owned();
    let added = ["authorization", "x-sdk-date"];
    let headers: Vec<(String, String)> = wire
        .headers()
        .iter()
        .filter(|(name, _)| !added.contains(&name.as_str()))
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().expect("text").to_owned()))
        .collect();
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let body = wire
        .body()
        .and_then(|b| b.as_bytes())
        .expect("a body")
        .to_vec();
    let pair = AkSk::new(
        "HPUABENCHAK000000001",
        "benchSecretKey00000000000000000000000001",
    );
    let date = UNIX_EPOCH + Duration::from_secs(1_735_689_600);
    let sign = || signing::sign(&method, &url, &headers, Some(&body), &pair, date).expect("signs");
    let signed = sign();

    let canonical = vec![b'c'; signed.canonical_request.len()];
    let to_sign = vec![b's'; signed.string_to_sign.len()];
    let key = pair.sk().expose().as_bytes();
    let hash_floor = || {
        let body_hash = Sha256::digest(black_box(&body));
        let request_hash = Sha256::digest(black_box(&canonical));
        let mut mac = <hmac::Hmac<Sha256> as hmac::KeyInit>::new_from_slice(key).expect("key");
        hmac::Mac::update(&mut mac, black_box(&to_sign));
        (
            body_hash,
            request_hash,
            hmac::Mac::finalize(mac).into_bytes(),
        )
    };

    let mut group = c.benchmark_group("request");
    group.bench_function("end_to_end", |b| b.iter(end_to_end));
    group.bench_function("sign", |b| b.iter(sign));
    group.bench_function("hash_floor", |b| b.iter(hash_floor));
    group.finish();
}

criterion_group!(benches, request);
criterion_main!(benches);
