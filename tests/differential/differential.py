#!/usr/bin/env python3
"""Differential test: the official Huawei Cloud Python SDK and our generated
Rust client send the same generated cases of every HSS task operation
(CreateTask, ListTasks, ListTaskResources, ShowTaskStatistics, RetryTask) to
one capture server on 127.0.0.1.

For every case both must produce the same method, path, query, signed-header
list and signed-header values (date and User-Agent pinned), JSON-equal
bodies, and an Authorization that an independent verifier (wire.verify,
written from the published algorithm) accepts. Both must also surface the
same canned response the same way: status, request id, error code, message,
and the JSON-equal success body.

Cases with invalid input (a length, item count, enum value or offset/limit
bound broken, a required value left out) are sent by the SDK as given; our
client must refuse them before sending, naming the field (the README's
documented difference). For those, the SDK must send one request, our client
none, and our InvalidInput must name the expected field.

Cases come from ops/<operation>.py and inputs.py; wire.py has the capture
server, the signature verifier and the SDK runner.
Needs huaweicloudsdkcore==3.1.219 and huaweicloudsdkhss==3.1.219 (see requirements.txt).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import inputs
import wire
from ops import OPERATIONS


def make_cases(seed, per_operation, operations, port):
    """`per_operation` cases of each operation. Each operation draws from its
    own random stream, so adding an operation does not change the others."""
    cases, dates = [], set()
    for op in operations:
        rng = random.Random(f"{seed}/{op.NAME}")
        for i in range(per_operation):
            case = inputs.base_case(rng, op.NAME, port)
            op.make_case(rng, case, i)
            case["response"] = i % len(op.RESPONSES)
            # The capture server finds a request's case by its X-Sdk-Date: keep dates unique.
            while wire.sdk_date(case["sdk_epoch"]) in dates:
                case["sdk_epoch"] += 1
            dates.add(wire.sdk_date(case["sdk_epoch"]))
            cases.append(case)
    return cases


def run_driver(driver, cases):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(cases, f)
    try:
        run = subprocess.run([driver, f.name], capture_output=True, text=True, timeout=600, env=os.environ)
    finally:
        os.unlink(f.name)
    if run.returncode != 0:
        sys.exit(f"driver failed: {run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def compare(case, op, theirs, mine, sdk_outcome, our_outcome):
    """The problems of one case, each as (what differs, how)."""
    problems = []
    if len(theirs) != 1:
        problems.append(("SDK request count", f"the SDK sent {len(theirs)} requests"))
    if "refused" in case:
        expected = {"kind": "invalid_input", "field": case["refused"]}
        if {k: our_outcome.get(k) for k in expected} != expected or mine:
            problems.append(("refusal", f"expected our client to refuse `{case['refused']}` and send nothing; "
                                        f"it sent {len(mine)} request(s), outcome {our_outcome}"))
        return problems
    if len(mine) != 1:
        problems.append(("our request count", f"our client sent {len(mine)} requests, outcome {our_outcome}"))
    for who, requests in (("sdk", theirs), ("ours", mine)):
        for request in requests[:1]:
            error = wire.verify(request, case["sk"])
            if error:
                problems.append((f"{who} signature", error))
    if theirs and mine:
        a, b = wire.signed_view(theirs[0]), wire.signed_view(mine[0])
        for key in a:
            if a[key] != b[key]:
                problems.append((key, f"sdk {a[key]!r} != ours {b[key]!r}"))
    mine_outcome = dict(our_outcome)
    if mine_outcome.get("kind") == "response":
        # Deliberate difference: we also return the request id of a success.
        expected_id = op.RESPONSES[case["response"]][1].get("X-Request-Id")
        if mine_outcome.pop("request_id", None) != expected_id:
            problems.append(("success request id", "missing"))
    status = op.RESPONSES[case["response"]][0]
    if status == 429 and theirs and theirs[0]["method"] in ("GET", "PUT"):
        sdk_outcome, quirk = throttled_as_sent(sdk_outcome)
        if quirk:
            problems.append(("429 quirk", quirk))
    if sdk_outcome != mine_outcome:
        problems.append(("outcome", f"sdk {sdk_outcome} != ours {mine_outcome}"))
    return problems


def throttled_as_sent(sdk_outcome):
    """A documented difference (README): the SDK's HTTP adapter retries 429 on
    GET and PUT with no retries allowed, so the caller gets "max retries
    exceeded" with no request id or error body; our client reports the 429 as
    the service sent it. Returns the outcome to expect of our client, and a
    problem if the SDK no longer behaves so (then drop this exception)."""
    lost = sdk_outcome.get("status") == 429 and not sdk_outcome.get("request_id") \
        and sdk_outcome.get("error_code") == "429"
    expected = {"kind": "service_error", "class": "client", "status": 429, "request_id": "rid-429",
                "error_code": "APIGW.0308", "error_msg": "throttled", "encoded_authorization_message": None}
    return expected, None if lost else f"the SDK now reports a 429 on GET/PUT as {sdk_outcome}"


def report(problems):
    """Prints the problems grouped by operation and what differs, then the first ones in full."""
    groups = {}
    for i, operation, what, how in problems:
        groups.setdefault((operation, what), []).append(i)
    print(f"{len(problems)} mismatch(es), by operation and what differs:")
    for (operation, what), cases in sorted(groups.items()):
        print(f"  {operation} {what}: {len(cases)} case(s), first case {cases[0]}")
    shown = int(os.environ.get("DIFF_SHOW", 40))
    print(f"the first {min(shown, len(problems))} (DIFF_SHOW=N shows more):")
    for i, operation, what, how in problems[:shown]:
        print(f"  case {i} {operation} {what}: {how}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="CI (scripts/test.sh) runs --cases 240: 240 cases of each of the 5 operations, 1200 in all.")
    parser.add_argument("--driver", required=True, help="the hss-diff-driver binary (tests/src/bin)")
    parser.add_argument("--cases", type=int, default=240, metavar="N",
                        help="cases PER OPERATION (default 240); about 30%% of them are invalid input")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--operations", default=",".join(op.NAME for op in OPERATIONS),
                        help="comma-separated operations to run (default: all)")
    args = parser.parse_args()
    by_name = {op.NAME: op for op in OPERATIONS}
    try:
        operations = [by_name[name] for name in args.operations.split(",")]
    except KeyError as e:
        parser.error(f"unknown operation {e}; known: {', '.join(by_name)}")
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(var, None)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"

    started = time.monotonic()
    capture, server, port = wire.serve()
    for region in inputs.REGIONS:
        os.environ[wire.env_name(region)] = f"http://127.0.0.1:{port}"
    cases = make_cases(args.seed, args.cases, operations, port)
    responses = [by_name[c["operation"]].RESPONSES[c["response"]] for c in cases]

    capture.expect(cases, responses)
    sdk_outcomes = []
    for case in cases:
        try:
            sdk_outcomes.append(wire.run_sdk(case, by_name[case["operation"]].HAS_BODY))
        except Exception as e:  # noqa: BLE001 - any SDK failure is reported with its case
            sdk_outcomes.append({"kind": "sdk_exception", "error": f"{type(e).__name__}: {e}"})
    sdk_requests, sdk_unknown = capture.take()

    capture.expect(cases, responses)
    ours = run_driver(args.driver, cases)
    our_requests, our_unknown = capture.take()
    server.shutdown()

    problems = []
    if len(ours) != len(cases):
        problems.append((-1, "all", "driver", f"{len(cases)} cases but {len(ours)} outcomes"))
    for who, unknown in (("sdk", sdk_unknown), ("ours", our_unknown)):
        for request in unknown:
            problems.append((-1, "all", f"{who} unknown request",
                             f"no case has its X-Sdk-Date: {request['method']} {request['target']}"))
    for i, (case, sdk_outcome, our_outcome) in enumerate(zip(cases, sdk_outcomes, ours)):
        for what, how in compare(case, by_name[case["operation"]], sdk_requests.get(i, []),
                                 our_requests.get(i, []), sdk_outcome, our_outcome):
            problems.append((i, case["operation"], what, how))

    for op in operations:
        mine = [(c, o) for c, o in zip(cases, sdk_outcomes) if c["operation"] == op.NAME]
        refused = sum(1 for c, _ in mine if "refused" in c)
        kinds = sorted({(o["kind"], o.get("status")) for c, o in mine if "refused" not in c})
        print(f"differential {op.NAME}: {len(mine)} cases ({len(mine) - refused} compared request by request, "
              f"{refused} invalid input), "
              f"{sum(1 for c, _ in mine if 'security_token' in c)} with security token, "
              f"{sum(1 for c, _ in mine if 'region' in c)} by region, outcomes {kinds}")
    print(f"differential: {len(cases)} cases in {time.monotonic() - started:.1f} s")
    if problems:
        report(problems)
        sys.exit(1)
    print("differential: all requests and outcomes match")


if __name__ == "__main__":
    main()
