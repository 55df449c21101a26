"""CreateTask: POST /v5/{project_id}/common/task, body oneOf on `task_type`."""
from inputs import (COMMON_REFUSALS, ERRORS, SCAN_TYPES, interleave, maybe_refuse, ok, pick_some, random_text,
                    refuse_missing)

NAME = "CreateTask"
HAS_BODY = True
RESPONSES = [
    ok({"task_id": "t-1", "extra": 1}),
    ok({"task_id": "任务-é/%20"}, request_id="rid-ok-2"),
    ok({}, request_id="rid-ok-3"),
] + ERRORS


def cluster_body(rng):
    info = {"scan_type_list": rng.sample(SCAN_TYPES, rng.randint(1, 3)),
            "range_type": rng.choice(["all_cluster", "specific_cluster"])}
    ids = rng.choice([None, [], [random_text(rng, 1, 12) for _ in range(rng.randint(1, 4))],
                      [random_text(rng, 64, 64)], ["c"] * 200])
    if ids is not None:
        info["cluster_id_list"] = ids
    return {"task_type": "cluster_scan", "cluster_scan_info": info}


def iac_body(rng):
    return {"task_type": "iac_scan", "iac_scan_info": {
        "file_type": rng.choice(["dockerfile", "k8s_yaml"]),
        "file_id_list": [random_text(rng, 1, 12) for _ in range(rng.choice([1, 2, 5, 100]))]}}


def put_last(items, most, value):
    """Appends `value`, or replaces the last item if the list is full; returns its index."""
    if len(items) >= most:
        items[-1] = value
    else:
        items.append(value)
    return len(items) - 1


# Each breaks one constraint of a cluster scan body (`info`); returns the field our client names.
def scan_count(rng, info):
    info["scan_type_list"] = rng.choice([[], pick_some(rng, SCAN_TYPES, 4, 6)])
    return "scan_type_list"


def scan_unknown(rng, info):
    k = rng.randrange(len(info["scan_type_list"]))
    info["scan_type_list"][k] = rng.choice(["vul", "", "Cluster_Vul"])
    return f"scan_type_list[{k}]"


def range_unknown(rng, info):
    info["range_type"] = rng.choice(["all", "all_failed_cluster", ""])
    return "range_type"


def ids_count(rng, info):
    info["cluster_id_list"] = ["c"] * 201
    return "cluster_id_list"


def id_length(rng, info):
    bad = rng.choice(["", random_text(rng, 65, 70)])
    return f"cluster_id_list[{put_last(info.setdefault('cluster_id_list', []), 200, bad)}]"


# The same for an infrastructure-as-code scan body.
def file_type_unknown(rng, info):
    info["file_type"] = rng.choice(["helm", "", "DOCKERFILE"])
    return "file_type"


def file_ids_count(rng, info):
    info["file_id_list"] = rng.choice([[], ["f"] * 101])
    return "file_id_list"


def file_id_empty(rng, info):
    return f"file_id_list[{put_last(info['file_id_list'], 100, '')}]"


def in_body(make, info_key, breaks):
    """A refusal that gives the case a body of the right variant and breaks it."""
    def refusal(rng, case):
        if info_key not in case.get("body", {}):
            case["body"] = make(rng)
        return f"body.{info_key}.{breaks(rng, case['body'][info_key])}"
    return refusal


BODY_REFUSALS = [in_body(cluster_body, "cluster_scan_info", f)
                 for f in (scan_count, scan_unknown, range_unknown, ids_count, id_length)]
BODY_REFUSALS += [in_body(iac_body, "iac_scan_info", f) for f in (file_type_unknown, file_ids_count, file_id_empty)]
REFUSALS = interleave(COMMON_REFUSALS, BODY_REFUSALS, [refuse_missing("body")])


def make_case(rng, case, i):
    case["body"] = cluster_body(rng) if i % 2 == 0 else iac_body(rng)
    maybe_refuse(rng, case, i, REFUSALS)
