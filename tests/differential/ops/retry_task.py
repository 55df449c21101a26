"""RetryTask: PUT /v5/{project_id}/common/tasks/{task_id}/retry; a success has no body."""
from inputs import (COMMON_REFUSALS, ERRORS, SCAN_TYPES, TASK_ID_REFUSALS, interleave, maybe_refuse, ok,
                    pick_some, random_id, random_text, refuse_missing)

NAME = "RetryTask"
HAS_BODY = False
RESPONSES = [
    ok(b"", request_id="rid-retry", content_type=None),
    ok(b"", request_id="rid-retry-json"),
    ok({}, request_id="rid-retry-obj"),
] + ERRORS


def cluster_info(rng):
    info = {}
    if rng.random() < 0.8:
        info["cluster_id"] = rng.choice([random_text(rng, 1, 20), random_text(rng, 64, 64)])
    if rng.random() < 0.8:
        info["scan_type_list"] = rng.sample(SCAN_TYPES, rng.randint(1, 3))
    return info


def valid_body(rng):
    body = {"task_type": "cluster_scan"}
    if rng.random() < 0.85:
        scan = {"range_type": rng.choice(["all_failed_cluster", "specific_cluster"])}
        if rng.random() < 0.6:
            scan["cluster_info_list"] = [cluster_info(rng) for _ in range(rng.choice([1, 1, 2, 5, 200]))]
        body["cluster_scan_info"] = scan
    return body


def refuse_task_type(rng, case):
    # Only cluster scan tasks can be retried; the SDK takes any string.
    case["body"]["task_type"] = rng.choice(["iac_scan", "", "CLUSTER_SCAN"])
    return "body.task_type"


def scan_info(case):
    return case["body"].setdefault("cluster_scan_info", {"range_type": "specific_cluster"})


def refuse_range_type(rng, case):
    scan_info(case)["range_type"] = rng.choice(["all_cluster", "all", ""])
    return "body.cluster_scan_info.range_type"


def refuse_list_count(rng, case):
    scan_info(case)["cluster_info_list"] = rng.choice([[], [{"cluster_id": "c"}] * 201])
    return "body.cluster_scan_info.cluster_info_list"


def refuse_in_item(breaks):
    """Breaks one item of a fresh `cluster_info_list` with `breaks(rng, item)`."""
    def refusal(rng, case):
        items = scan_info(case)["cluster_info_list"] = [cluster_info(rng) for _ in range(rng.randint(1, 3))]
        k = rng.randrange(len(items))
        return f"body.cluster_scan_info.cluster_info_list[{k}].{breaks(rng, items[k])}"
    return refusal


def cluster_id_length(rng, item):
    item["cluster_id"] = rng.choice(["", random_text(rng, 65, 70)])
    return "cluster_id"


def scan_count(rng, item):
    item["scan_type_list"] = rng.choice([[], pick_some(rng, SCAN_TYPES, 4, 5)])
    return "scan_type_list"


def scan_unknown(rng, item):
    types = item["scan_type_list"] = rng.sample(SCAN_TYPES, rng.randint(1, 3))
    j = rng.randrange(len(types))
    types[j] = rng.choice(["vul", "Benchmark"])
    return f"scan_type_list[{j}]"


BODY_REFUSALS = [refuse_task_type, refuse_range_type, refuse_list_count, refuse_in_item(cluster_id_length),
                 refuse_in_item(scan_count), refuse_in_item(scan_unknown), refuse_missing("body")]
REFUSALS = interleave(BODY_REFUSALS, TASK_ID_REFUSALS, COMMON_REFUSALS)


def make_case(rng, case, i):
    case["task_id"] = rng.choice([random_id(rng, 1, 24), random_id(rng, 64, 64), "task-0001", "中文任务"])
    case["body"] = valid_body(rng)
    maybe_refuse(rng, case, i, REFUSALS)
