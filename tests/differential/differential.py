#!/usr/bin/env python3
"""Differential test: the official Huawei Cloud Python SDK and our generated
Rust client send the same CreateTask cases to one capture server on 127.0.0.1.

For every case both must produce the same method, path, query, signed-header
list and signed-header values (date and User-Agent pinned), JSON-equal
bodies, and an Authorization that an independent verifier (below, written
from the published algorithm) accepts. Both must also surface the same canned
responses the same way (status, request id, error code, message).

usage: differential.py --driver PATH [--cases N] [--seed S]
Needs huaweicloudsdkcore==3.1.219 and huaweicloudsdkhss==3.1.219 (see .ci/run).
"""
import argparse
import datetime as dt
import hashlib
import hmac
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote

REGIONS = [
    "cn-north-9", "cn-north-1", "cn-north-4", "cn-southwest-2", "cn-east-2", "cn-east-3",
    "cn-east-4", "cn-south-1", "cn-south-2", "ap-southeast-1", "ap-southeast-2",
    "ap-southeast-3", "na-mexico-1", "af-south-1", "sa-brazil-1", "la-south-2", "cn-south-4",
    "la-north-2", "tr-west-1", "cn-north-2", "ap-southeast-4", "ae-ad-1", "me-east-1",
    "cn-east-5", "my-kualalumpur-1", "eu-west-101", "ru-moscow-1", "cn-north-12",
    "cn-southwest-3", "cn-north-11", "af-north-1", "ap-southeast-5",
]
USER_AGENT = "diff/1"
# Characters the cases draw from: plain, URL-special, and non-ASCII.
ALPHABET = "abcXYZ019-_.~ /+~&=%?#é中ü€"

# Canned responses: (status, headers, body bytes). Success or each error shape.
RESPONSES = [
    (200, {"Content-Type": "application/json", "X-Request-Id": "rid-ok"}, b'{"task_id":"t-1","extra":1}'),
    (400, {"Content-Type": "application/json", "X-Request-Id": "rid-400"}, b'{"error_code":"HSS.0001","error_msg":"bad input"}'),
    (403, {"Content-Type": "application/json", "X-Request-Id": "rid-403"},
     b'{"errorCode":"HSS.0403","errorMsg":"denied","encoded_authorization_message":"enc-123"}'),
    (401, {"Content-Type": "application/json", "X-Request-Id": "rid-401"}, b'{"code":"APIGW.0101","message":"no such api"}'),
    (400, {"Content-Type": "application/json", "X-Request-Id": "rid-nested"}, b'{"error":{"code":"HSS.0004","message":"body is required"}}'),
    (500, {"Content-Type": "text/plain", "x-request-id": "rid-500"}, b"upstream connect error"),
    (502, {"Content-Type": "text/html", "X-Request-Id": "rid-502"}, b"<html>bad gateway</html>"),
    (503, {"Content-Type": "text/plain", "X-Request-Id": "rid-503"}, b""),
    (429, {"Content-Type": "application/json", "x-request-id": "rid-429"}, b'{"error_code":"APIGW.0308","error_msg":"throttled"}'),
]


class Capture:
    """Records every request and answers from a queue of canned responses."""

    def __init__(self):
        self.requests = []
        self.queue = []
        self.lock = threading.Lock()


def make_handler(capture):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            # http.server decodes header bytes as latin-1; undo that to get UTF-8 text.
            headers = [(k, v.encode("latin-1").decode("utf-8", "replace")) for k, v in self.headers.items()]
            with capture.lock:
                capture.requests.append({"method": self.command, "target": self.path, "headers": headers, "body": body})
                status, extra, payload = capture.queue.pop(0) if capture.queue else RESPONSES[0]
            self.send_response(status)
            for k, v in extra.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler


def random_text(rng, low, high):
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(low, high)))


def make_cases(rng, count, port):
    cases = []
    for i in range(count):
        if i % 2 == 0:
            scan_types = rng.sample(["cluster_vul", "risk_assessment", "benchmark"], rng.randint(1, 3))
            info = {"scan_type_list": scan_types, "range_type": rng.choice(["all_cluster", "specific_cluster"])}
            ids = rng.choice([None, [], [random_text(rng, 1, 12) for _ in range(rng.randint(1, 4))]])
            if ids is not None:
                info["cluster_id_list"] = ids
            body = {"task_type": "cluster_scan", "cluster_scan_info": info}
        else:
            body = {"task_type": "iac_scan", "iac_scan_info": {
                "file_type": rng.choice(["dockerfile", "k8s_yaml"]),
                "file_id_list": [random_text(rng, 1, 12) for _ in range(rng.randint(1, 5))]}}
        case = {
            "ak": "HPUA" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(16)),
            "sk": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40)),
            "project_id": rng.choice([random_text(rng, 1, 24), "0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
            "body": body,
            "user_agent": USER_AGENT,
            # The SDK prefixes its own name; our client is given the whole value.
            "wire_user_agent": "huaweicloud-usdk-python/3.0; " + USER_AGENT,
            "sdk_epoch": 1_700_000_000 + rng.randint(0, 200_000_000),
            "response": i % len(RESPONSES),
        }
        ep = rng.choice([None, "0", "all_granted_eps", random_text(rng, 1, 16)])
        if ep is not None:
            case["enterprise_project_id"] = ep
        if rng.random() < 0.5:
            case["security_token"] = "sts-" + "".join(rng.choice("abcdef0123456789") for _ in range(32))
        if i % 3 == 0:
            case["endpoint"] = rng.choice([f"http://127.0.0.1:{port}", f"http://localhost:{port}", f"http://127.0.0.1:{port}/"])
        else:
            case["region"] = rng.choice(REGIONS)
        cases.append(case)
    return cases


def env_name(region):
    return "HUAWEICLOUD_SDK_REGION_HSS_" + region.replace("-", "_").upper()


def run_sdk(case, capture_url):
    """One case through the official SDK; returns how it surfaced the response."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.exceptions import exceptions
    from huaweicloudsdkcore.http.http_config import HttpConfig
    import huaweicloudsdkcore.signer.signer as signer_module
    from huaweicloudsdkhss.v5 import CreateTaskRequest, HssClient
    from huaweicloudsdkhss.v5.region.hss_region import HssRegion

    pinned = dt.datetime.fromtimestamp(case["sdk_epoch"], dt.timezone.utc).replace(tzinfo=None)

    class PinnedClock(dt.datetime):
        @classmethod
        def utcnow(cls):
            return pinned

    signer_module.datetime = PinnedClock
    credentials = BasicCredentials(case["ak"], case["sk"], case["project_id"])
    if "security_token" in case:
        credentials = credentials.with_security_token(case["security_token"])
    config = HttpConfig.get_default_config()
    config.user_agent = case["user_agent"]
    builder = HssClient.new_builder().with_credentials(credentials).with_http_config(config)
    if "region" in case:
        builder = builder.with_region(HssRegion.value_of(case["region"]))
    else:
        builder = builder.with_endpoints([case["endpoint"]])
    client = builder.build()
    request = CreateTaskRequest()
    if "enterprise_project_id" in case:
        request.enterprise_project_id = case["enterprise_project_id"]
    request.body = case["body"]
    try:
        response = client.create_task(request)
        # The SDK's response object does not expose X-Request-Id.
        return {"kind": "response", "status": response.status_code, "task_id": response.task_id}
    except exceptions.ServiceResponseException as e:
        return {"kind": "service_error",
                "class": "server" if isinstance(e, exceptions.ServerResponseException) else "client",
                "status": e.status_code, "request_id": e.request_id, "error_code": str(e.error_code),
                "error_msg": str(e.error_msg), "encoded_authorization_message": e.encoded_auth_msg}


def canonical_query(raw):
    pairs = []
    for part in filter(None, raw.split("&")):
        k, _, v = part.partition("=")
        pairs.append((unquote(k), unquote(v)))
    pairs.sort()
    return "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs)


def verify(request, sk):
    """Recomputes the signature of a captured request; returns an error or None."""
    headers = {k.lower(): v for k, v in request["headers"]}
    auth = headers.get("authorization", "")
    try:
        fields = dict(part.strip().split("=", 1) for part in auth[len("SDK-HMAC-SHA256 "):].split(","))
    except ValueError:
        return f"unparsable Authorization {auth!r}"
    signed = fields["SignedHeaders"].split(";")
    path, _, query = request["target"].partition("?")
    uri = "/".join(quote(seg, safe="~") for seg in unquote(path).split("/"))
    uri = uri if uri.endswith("/") else uri + "/"
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip()}\n" for name in signed)
    payload = hashlib.sha256(request["body"]).hexdigest()
    canonical = "\n".join(["POST", uri, canonical_query(query), canonical_headers, ";".join(signed), payload])
    to_sign = "\n".join(["SDK-HMAC-SHA256", headers.get("x-sdk-date", ""),
                         hashlib.sha256(canonical.encode()).hexdigest()])
    expected = hmac.new(sk.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    if fields.get("Signature") != expected:
        return "signature does not verify"
    return None


def signed_view(request):
    headers = {k.lower(): v for k, v in request["headers"]}
    auth = headers.get("authorization", "")
    names = auth.split("SignedHeaders=")[-1].split(",")[0].split(";")
    path, _, query = request["target"].partition("?")
    return {
        "method": request["method"],
        "path": path,
        "query": query,
        "signed_headers": names,
        "signed_values": {n: headers.get(n) for n in names},
        "body": json.loads(request["body"] or b"null"),
        "access": auth.split("Access=")[-1].split(",")[0],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--cases", type=int, default=240)
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args()
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(var, None)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"

    capture = Capture()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(capture))
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    capture_url = f"http://127.0.0.1:{port}"
    for region in REGIONS:
        os.environ[env_name(region)] = capture_url

    cases = make_cases(random.Random(args.seed), args.cases, port)
    sdk_outcomes = []
    capture.queue = [RESPONSES[c["response"]] for c in cases]
    for case in cases:
        sdk_outcomes.append(run_sdk(case, capture_url))
    sdk_requests, capture.requests = capture.requests, []

    capture.queue = [RESPONSES[c["response"]] for c in cases]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(cases, f)
    try:
        run = subprocess.run([args.driver, f.name], capture_output=True, text=True, timeout=600, env=os.environ)
    finally:
        os.unlink(f.name)
    if run.returncode != 0:
        sys.exit(f"driver failed: {run.stderr}")
    ours = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    our_requests = capture.requests
    server.shutdown()

    problems = []
    if not (len(sdk_requests) == len(our_requests) == len(ours) == len(cases)):
        problems.append(f"counts differ: cases {len(cases)}, sdk requests {len(sdk_requests)}, "
                        f"our requests {len(our_requests)}, our outcomes {len(ours)}")
    for i, (case, theirs, mine) in enumerate(zip(cases, sdk_requests, our_requests)):
        for who, request in (("sdk", theirs), ("ours", mine)):
            error = verify(request, case["sk"])
            if error:
                problems.append(f"case {i} {who}: {error}")
        a, b = signed_view(theirs), signed_view(mine)
        for key in a:
            if a[key] != b[key]:
                problems.append(f"case {i} {key}: sdk {a[key]!r} != ours {b[key]!r}")
    for i, (theirs, mine) in enumerate(zip(sdk_outcomes, ours)):
        if mine.get("kind") == "response":
            # Deliberate difference: we also return the request id of a success.
            expected_id = RESPONSES[cases[i]["response"]][1].get("X-Request-Id")
            if mine.pop("request_id", None) != expected_id:
                problems.append(f"case {i}: success request id missing")
        if theirs != mine:
            problems.append(f"case {i} outcome: sdk {theirs} != ours {mine}")

    kinds = sorted({(o["kind"], o.get("status")) for o in sdk_outcomes})
    print(f"differential: {len(cases)} cases, {len(sdk_requests)} + {len(our_requests)} requests compared, "
          f"{sum(1 for c in cases if 'security_token' in c)} with security token, "
          f"{sum(1 for c in cases if 'region' in c)} by region, outcomes {kinds}")
    if problems:
        print(f"{len(problems)} mismatch(es):")
        for p in problems[:60]:
            print("  " + p)
        sys.exit(1)
    print("differential: all requests and outcomes match")


if __name__ == "__main__":
    main()
