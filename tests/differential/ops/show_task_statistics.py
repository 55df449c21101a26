"""ShowTaskStatistics: GET /v5/{project_id}/common/task-statistics?task_type, no body."""
from inputs import (COMMON_REFUSALS, ERRORS, INT64_MAX, TASK_TYPES, interleave, maybe_refuse, ok, refuse_missing)

NAME = "ShowTaskStatistics"
HAS_BODY = True
RESPONSES = [
    ok({"total_num": 12, "running_num": 1, "last_task_start_time": 1_732_780_800_000}),
    ok({"total_num": 0, "running_num": 0}, request_id="rid-none"),
    ok({"total_num": 2**31 - 1, "running_num": 0, "last_task_start_time": INT64_MAX, "extra": "x"},
       request_id="rid-edge"),
    ok({"total_num": 3, "running_num": 3, "last_task_start_time": 2**53 + 1, "last_task_start": None},
       request_id="rid-2p53"),
] + ERRORS


def refuse_task_type(value):
    """A `task_type` the API does not define; the SDK's is a plain string, sent as given."""
    def refusal(rng, case):
        case["task_type"] = value
        return "task_type"
    return refusal


TASK_TYPE_REFUSALS = [refuse_task_type(v) for v in ("host_scan", "", "Cluster_Scan", "iac_scan ", "cluster_scan&x=1")]
REFUSALS = interleave(TASK_TYPE_REFUSALS, COMMON_REFUSALS, [refuse_missing("task_type")])


def make_case(rng, case, i):
    case["task_type"] = rng.choice(TASK_TYPES)
    maybe_refuse(rng, case, i, REFUSALS)
