"""ListTasks: POST /v5/{project_id}/common/tasks/batch-query?offset&limit, filter body."""
from inputs import (COMMON_REFUSALS, ERRORS, INT64_MAX, PAGING_REFUSALS, SCAN_TYPES, TASK_TYPES, TIMESTAMPS,
                    interleave, maybe_refuse, ok, paging, pick_some, random_id, random_text, refuse_missing)

NAME = "ListTasks"
HAS_BODY = True
RESPONSES = [
    ok({"total_num": 3, "data_list": [
        {"task_id": "t-1", "task_type": "cluster_scan", "task_name": "nightly 扫描", "trigger_type": "schedule",
         "task_status": "finished", "start_time": 1_700_000_000_000, "end_time": 1_700_000_360_000,
         "estimated_time": 360, "cluster_scan_info": {"scan_type_list": ["cluster_vul", "benchmark"],
                                                     "scanning_cluster_num": 0, "success_cluster_num": 4,
                                                     "failed_cluster_num": 1}},
        {"task_id": "t-2", "task_type": "iac_scan", "task_name": "", "trigger_type": "manual",
         "task_status": "running", "start_time": 2**53 + 1,
         "iac_scan_info": {"file_type": "k8s_yaml", "scan_file_num": 10, "success_file_num": 7,
                           "failed_file_num": 0}},
        # Values this version does not define, and fields it does not know.
        {"task_id": "t-3", "task_type": "host_scan", "trigger_type": "api", "task_status": "paused",
         "start_time": -1, "end_time": INT64_MAX, "estimated_time": 2**31 - 1,
         "cluster_scan_info": {"scan_type_list": ["new_item"]}, "new_field": {"x": [1, 2]}},
    ]}),
    ok({"total_num": 0, "data_list": []}, request_id="rid-empty"),
    # A last page: fewer items than total_num; explicit nulls; an unknown top-level field.
    ok({"total_num": 12, "data_list": [{"task_id": "t-12", "task_name": None, "cluster_scan_info": None,
                                        "iac_scan_info": {"file_type": "dockerfile"}}], "page": 2},
       request_id="rid-last"),
    ok({}, request_id="rid-bare"),
] + ERRORS

# Each enum of the body: the values it defines, and values it does not (the SDK sends any string).
ENUMS = {
    "task_type": (TASK_TYPES, ["host_scan", "", "CLUSTER_SCAN", "cluster_scan "]),
    "trigger_type": (["manual", "schedule"], ["timer", "MANUAL", ""]),
    "task_status": (["ready", "running", "finished"], ["failed", "Running", " ready"]),
    "sort_key": (["start_time"], ["end_time", "create_time"]),
    "sort_dir": (["asc", "desc"], ["ASC", "ascending", ""]),
}


def valid_body(rng):
    body = {"task_type": rng.choice(TASK_TYPES)}
    if rng.random() < 0.4:
        # No length is documented for the filter: empty and long ids are sent as given.
        body["task_id"] = rng.choice([random_id(rng), "", random_text(rng, 65, 300)])
    if rng.random() < 0.4:
        body["task_name"] = rng.choice([random_text(rng, 0, 40), "任务 %s" % random_text(rng, 1, 5)])
    for key in ("start_create_time", "end_create_time"):
        if rng.random() < 0.4:
            body[key] = rng.choice(TIMESTAMPS + [rng.randint(0, 2_000_000_000_000)])
    for key, (values, _) in ENUMS.items():
        if key != "task_type" and rng.random() < 0.4:
            body[key] = rng.choice(values)
    # The filters of either task type, whatever the task type (the API does not say they must match).
    if rng.random() < 0.4:
        body["cluster_scan_info"] = rng.choice([{}, {"scan_type_list": pick_some(rng, SCAN_TYPES, 0, 4)}])
    if rng.random() < 0.3:
        body["iac_scan_info"] = rng.choice([{}, {"file_type": rng.choice(["dockerfile", "k8s_yaml"])}])
    return body


def refuse_enum(key):
    def refusal(rng, case):
        case["body"][key] = rng.choice(ENUMS[key][1])
        return f"body.{key}"
    return refusal


def refuse_scan_type(rng, case):
    types = pick_some(rng, SCAN_TYPES, 0, 2) + [rng.choice(["vul", "baseline"])]
    case["body"]["cluster_scan_info"] = {"scan_type_list": types}
    return f"body.cluster_scan_info.scan_type_list[{len(types) - 1}]"


def refuse_file_type(rng, case):
    case["body"]["iac_scan_info"] = {"file_type": rng.choice(["helm", "yaml"])}
    return "body.iac_scan_info.file_type"


BODY_REFUSALS = [refuse_enum(key) for key in ENUMS] + [refuse_scan_type, refuse_file_type, refuse_missing("body")]
REFUSALS = interleave(BODY_REFUSALS, PAGING_REFUSALS, COMMON_REFUSALS)


def make_case(rng, case, i):
    paging(rng, case)
    case["body"] = valid_body(rng)
    maybe_refuse(rng, case, i, REFUSALS)
