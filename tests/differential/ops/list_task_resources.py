"""ListTaskResources: POST /v5/{project_id}/common/tasks/{task_id}/resources/batch-query?offset&limit."""
from inputs import (COMMON_REFUSALS, ERRORS, INT64_MAX, PAGING_REFUSALS, SCAN_STATUSES, TASK_ID_REFUSALS,
                    TASK_TYPES, interleave, maybe_refuse, ok, paging, random_id, random_text, refuse_missing)

NAME = "ListTaskResources"
HAS_BODY = True
CLUSTER_TYPES = ["cce", "ali", "tencent", "azure", "aws", "self_built_hw", "self_built_idc"]
RESPONSES = [
    ok({"total_num": 2, "cluster_scan_data_list": [
        {"cluster_name": "prod-1", "cluster_id": "c-1", "cluster_type": "cce", "cluster_version": "v1.28",
         "scan_status": "failed", "start_time": 1_700_000_000_000, "end_time": 1_700_000_100_000,
         "scan_detail_list": [{"scan_type": "cluster_vul", "status": "success"},
                              {"scan_type": "benchmark", "status": "failed", "failed_reason": "超时 timeout"}]},
        # Values this version does not define, and fields it does not know.
        {"cluster_name": "edge", "cluster_id": "c-2", "cluster_type": "k3s", "scan_status": "queued",
         "start_time": INT64_MAX, "scan_detail_list": [{"scan_type": "new_item", "status": "skipped",
                                                         "extra": True}], "region": "cn-north-4"},
    ]}),
    ok({"total_num": 3, "iac_scan_data_list": [
        {"file_name": "Dockerfile", "file_type": "dockerfile", "file_id": "f-1", "file_size": 2048,
         "scan_status": "success", "start_time": 1_732_780_800_000, "end_time": 1_732_780_800_999},
        {"file_name": "deploy.yaml", "file_type": "k8s_yaml", "chart_name": "nginx", "file_id": "f-2",
         "file_size": 2**31 - 1, "scan_status": "failed", "failed_reason": "parse error"},
        {"file_name": "x.tf", "file_type": "terraform", "file_id": "f-3", "scan_status": "scanning"},
    ]}, request_id="rid-iac"),
    ok({"total_num": 0, "cluster_scan_data_list": [], "iac_scan_data_list": []}, request_id="rid-empty"),
    ok({"total_num": 40}, request_id="rid-bare"),
] + ERRORS


def some(rng, keys):
    """Some of the free-text filters `keys`, empty strings included."""
    return {key: random_text(rng, 0, 30) for key in keys if rng.random() < 0.4}


def valid_body(rng):
    body = {"task_type": rng.choice(TASK_TYPES)}
    if rng.random() < 0.5:
        info = some(rng, ("cluster_name", "cluster_id"))
        if rng.random() < 0.5:
            info["scan_status"] = rng.choice(SCAN_STATUSES)
        if rng.random() < 0.5:
            info["cluster_type"] = rng.choice(CLUSTER_TYPES)
        body["cluster_scan_info"] = info
    if rng.random() < 0.4:
        info = some(rng, ("file_name", "chart_name"))
        if rng.random() < 0.5:
            info["scan_status"] = rng.choice(SCAN_STATUSES)
        body["iac_scan_info"] = info
    return body


def refuse_value(path, values):
    """Sets the body field at `path` (keys) to one of `values`, which the API does not define."""
    def refusal(rng, case):
        target = case["body"]
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = rng.choice(values)
        return "body." + ".".join(path)
    return refusal


BODY_REFUSALS = [
    refuse_value(["task_type"], ["host_scan", "", "IAC_SCAN"]),
    refuse_value(["cluster_scan_info", "scan_status"], ["done", "Failed", ""]),
    refuse_value(["cluster_scan_info", "cluster_type"], ["k3s", "CCE", "self_built"]),
    refuse_value(["iac_scan_info", "scan_status"], ["done", "SUCCESS"]),
    refuse_missing("body"),
]
REFUSALS = interleave(TASK_ID_REFUSALS, BODY_REFUSALS, PAGING_REFUSALS, COMMON_REFUSALS)


def make_case(rng, case, i):
    case["task_id"] = rng.choice([random_id(rng, 1, 24), random_id(rng, 64, 64), "task-0001", "~"])
    paging(rng, case)
    case["body"] = valid_body(rng)
    maybe_refuse(rng, case, i, REFUSALS)
