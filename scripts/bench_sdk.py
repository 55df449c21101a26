#!/usr/bin/env python3
"""Per-request cost of the official Huawei Cloud Python SDK, for scripts/bench.py.

Run inside the SDK venv (target/sdk-venv, requirements in
tests/differential/requirements.txt):

  target/sdk-venv/bin/python scripts/bench_sdk.py [--json]

Times the same CreateTask request as `cargo bench -p integration --bench
request` (cluster scan: scan types [cluster_vul], range all_cluster; the same
AK/SK and project id, endpoint http://127.0.0.1:9), without sending it:

  end_to_end  the model built, then what HssClient.create_task does before the
              transport: `_create_task_http_info` and `build_future_request`
              (path, query and headers, body serialized, the credentials'
              signing, which the SDK runs on its thread pool) up to the signed
              SdkRequest
  sign        the SDK's signer alone (`Signer(credentials).sign`) on an
              unsigned SdkRequest that already carries X-Project-Id, as our
              `signing::sign` gets the headers without Authorization/X-Sdk-Date

Prints median microseconds per request over several repeats.
"""
import argparse
import concurrent.futures
import json
import statistics
import time

AK = "HPUABENCHAK000000001"
SK = "benchSecretKey00000000000000000000000001"
PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
ENDPOINT = "http://127.0.0.1:9"


def make_client():
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkhss.v5 import HssClient

    credentials = BasicCredentials(AK, SK, PROJECT_ID)
    return (HssClient.new_builder().with_credentials(credentials)
            .with_http_config(HttpConfig.get_default_config())
            .with_endpoints([ENDPOINT]).build()), credentials


def make_request():
    from huaweicloudsdkhss.v5 import model

    return model.CreateTaskRequest(body=model.CreateTaskRequestBody(
        task_type="cluster_scan",
        cluster_scan_info=model.CreateTaskRequestBodyClusterScanInfo(
            scan_type_list=["cluster_vul"], range_type="all_cluster")))


def build(client, request):
    """The signed SdkRequest for `request`, as do_http_request builds it before sending."""
    info = client._create_task_http_info(request)
    return client.build_future_request(
        info["method"], info["resource_path"], info["path_params"], info["query_params"],
        info["header_params"], info["body"], info["post_params"], info["cname"],
        info["response_type"], info["collection_formats"], None).result()


class Unsigned:
    """Stands in for the credentials, so build_future_request stops before signing."""

    def __init__(self, credentials):
        self.credentials = credentials

    def get_update_path_params(self):
        return self.credentials.get_update_path_params()

    def process_auth_request(self, request, http_client):
        request.header_params["X-Project-Id"] = self.credentials.project_id
        done = concurrent.futures.Future()
        done.set_result(request)
        return done


def per_call_us(action, prepare, batch, repeats):
    """Median over `repeats` of the mean time of `action` over `batch` prepared inputs."""
    samples = []
    for _ in range(repeats):
        inputs = [prepare() for _ in range(batch)]
        started = time.perf_counter()
        for item in inputs:
            action(item)
        samples.append((time.perf_counter() - started) / batch * 1e6)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    import huaweicloudsdkcore
    from huaweicloudsdkcore.signer.signer import Signer

    client, credentials = make_client()
    signed = build(client, make_request())
    assert "Authorization" in signed.header_params, "the SDK did not sign"

    end_to_end = per_call_us(lambda _: build(client, make_request()), lambda: None,
                             args.batch, args.repeats)

    unsigned_client, _ = make_client()
    unsigned_client._credentials = Unsigned(credentials)
    signer = Signer(credentials)
    sign = per_call_us(signer.sign, lambda: build(unsigned_client, make_request()),
                       args.batch, args.repeats)

    version = getattr(huaweicloudsdkcore, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version
        version = dist_version("huaweicloudsdkcore")
    result = {"sdk": f"huaweicloudsdkcore {version}", "end_to_end_us": end_to_end, "sign_us": sign,
              "batch": args.batch, "repeats": args.repeats}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['sdk']}: end to end {end_to_end:.1f} µs, sign {sign:.1f} µs "
              f"(median of {args.repeats} x {args.batch})")


if __name__ == "__main__":
    main()
