"""What the cases of every operation are made of: random inputs, the fields
every case has, invalid-input ("refusal") helpers, and the canned error
responses.

A case is a JSON object. Keys every case has: `operation`, `ak`, `sk`,
`project_id`, `user_agent`, `wire_user_agent`, `sdk_epoch` (unique per run:
the capture server finds the case of a request by its `X-Sdk-Date`),
`response` (index into the operation's canned responses), and `region` or
`endpoint`. Optional: `security_token`, `enterprise_project_id`, and the
operation's own `task_id`, `offset`, `limit`, `task_type`, `body`.

`refused`, when present, names the field our client must refuse before
sending (`Error::InvalidInput`, the README's documented difference "invalid
input: sent by the SDK, refused before sending by this client"). For such a
case the SDK must send a request and our client must send none.
"""
import json

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
# Path ids also get every other URL delimiter, controls and a 4-byte character.
ID_ALPHABET = ALPHABET + "!*'();:@$,[]{}|\\^`\"<>\t\n😀"
SCAN_TYPES = ["cluster_vul", "risk_assessment", "benchmark"]
SCAN_STATUSES = ["scanning", "success", "failed"]
TASK_TYPES = ["cluster_scan", "iac_scan"]
INT64_MAX = 2**63 - 1
# Timestamps in ms: ordinary, zero, negative, past 2^53 (exact only as integers), the int64 ends.
TIMESTAMPS = [1_700_000_000_000, 1_732_780_800_123, 0, -1, 2**53 + 1, INT64_MAX, -(2**63)]

JSON = "application/json"

# Error responses, the same for every operation: each shape of section 4 of the facts.
ERRORS = [
    (400, {"Content-Type": JSON, "X-Request-Id": "rid-400"}, b'{"error_code":"HSS.0001","error_msg":"bad input"}'),
    (403, {"Content-Type": JSON, "X-Request-Id": "rid-403"},
     b'{"errorCode":"HSS.0403","errorMsg":"denied","encoded_authorization_message":"enc-123"}'),
    (401, {"Content-Type": JSON, "X-Request-Id": "rid-401"}, b'{"code":"APIGW.0101","message":"no such api"}'),
    (400, {"Content-Type": JSON, "X-Request-Id": "rid-nested"}, b'{"error":{"code":"HSS.0004","message":"body is required"}}'),
    (500, {"Content-Type": "text/plain", "x-request-id": "rid-500"}, b"upstream connect error"),
    (502, {"Content-Type": "text/html", "X-Request-Id": "rid-502"}, b"<html>bad gateway</html>"),
    (503, {"Content-Type": "text/plain", "X-Request-Id": "rid-503"}, b""),
    (429, {"Content-Type": JSON, "x-request-id": "rid-429"}, b'{"error_code":"APIGW.0308","error_msg":"throttled"}'),
]


def ok(body, request_id="rid-ok", content_type=JSON):
    """A 200 response with a JSON body (a dict, dumped) or raw bytes."""
    headers = {"X-Request-Id": request_id}
    if content_type:
        headers["Content-Type"] = content_type
    return 200, headers, body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()


def random_text(rng, low, high, alphabet=ALPHABET):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def random_id(rng, low=1, high=24, alphabet=ID_ALPHABET):
    """A path id that our client accepts: low..high characters, never `.` or `..`."""
    while True:
        value = random_text(rng, low, high, alphabet)
        if value not in (".", ".."):
            return value


def random_project(rng):
    """A project id our client accepts. It also travels in the X-Project-Id
    header, so no controls and no surrounding whitespace."""
    while True:
        value = random_id(rng, alphabet=ALPHABET)
        if value == value.strip():
            return value


def pick_some(rng, values, low, high):
    """`low..high` items drawn from `values` with repeats allowed."""
    return [rng.choice(values) for _ in range(rng.randint(low, high))]


def base_case(rng, operation, port):
    """The fields every case has, all valid: credentials, project, endpoint, date."""
    case = {
        "operation": operation,
        "ak": "HPUA" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(16)),
        "sk": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40)),
        "project_id": rng.choice([random_project(rng), "0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
        "user_agent": USER_AGENT,
        # The SDK prefixes its own name; our client is given the whole value.
        "wire_user_agent": "huaweicloud-usdk-python/3.0; " + USER_AGENT,
        "sdk_epoch": 1_700_000_000 + rng.randint(0, 200_000_000),
    }
    ep = rng.choice([None, "0", "all_granted_eps", random_text(rng, 1, 16)])
    if ep is not None:
        case["enterprise_project_id"] = ep
    if rng.random() < 0.5:
        case["security_token"] = "sts-" + "".join(rng.choice("abcdef0123456789") for _ in range(32))
    if rng.random() < 1 / 3:
        case["endpoint"] = rng.choice([f"http://127.0.0.1:{port}", f"http://localhost:{port}",
                                       f"http://127.0.0.1:{port}/"])
    else:
        case["region"] = rng.choice(REGIONS)
    return case


# Of every 10 cases, this many are invalid input.
REFUSED_PER_TEN = 3


def maybe_refuse(rng, case, i, refusals):
    """Makes cases `i % 10 < REFUSED_PER_TEN` invalid, cycling through
    `refusals` (functions `(rng, case) -> field our client names`) so that
    every kind is used once there are as many invalid cases as kinds."""
    if i % 10 < REFUSED_PER_TEN:
        turn = i // 10 * REFUSED_PER_TEN + i % 10
        case["refused"] = refusals[turn % len(refusals)](rng, case)


def interleave(*kinds):
    """Round-robin over lists of refusals, so few cases still reach each list."""
    longest = max(len(k) for k in kinds)
    return [k[n] for n in range(longest) for k in kinds if n < len(k)]


def refuse_empty_ep(rng, case):
    case["enterprise_project_id"] = ""
    return "enterprise_project_id"


def refuse_long_ep(rng, case):
    case["enterprise_project_id"] = random_text(rng, 257, 300)
    return "enterprise_project_id"


def refuse_long_project(rng, case):
    case["project_id"] = "p" * rng.choice([257, 300])
    return "project_id"


def refuse_dot_project(rng, case):
    case["project_id"] = rng.choice([".", ".."])
    return "project_id"


def refuse_spaced_project(rng, case):
    # The SDK would send it encoded in the path and trimmed in the header.
    lead, trail = rng.choice([(" ", ""), ("", " "), (" ", "  ")])
    case["project_id"] = lead + random_project(rng) + trail
    return "project_id"


# Parameters every operation has.
COMMON_REFUSALS = [refuse_empty_ep, refuse_long_project, refuse_long_ep, refuse_dot_project,
                   refuse_spaced_project]


def refuse_task_id(value):
    """Sets the path parameter `task_id` to `value` (None: leaves it out)."""
    def refusal(rng, case):
        if value is None:
            case.pop("task_id", None)
        else:
            case["task_id"] = value(rng) if callable(value) else value
        return "task_id"
    return refusal


TASK_ID_REFUSALS = [refuse_task_id(""), refuse_task_id(lambda rng: random_text(rng, 65, 80, ID_ALPHABET)),
                    refuse_task_id("."), refuse_task_id(".."), refuse_task_id(None)]


def refuse_int(name, values):
    def refusal(rng, case):
        case[name] = rng.choice(values)
        return name
    return refusal


# Just beyond each bound, and the int32 ends.
PAGING_REFUSALS = [refuse_int("offset", [-1, -(2**31)]), refuse_int("limit", [9, 0, -1]),
                   refuse_int("offset", [2_000_001, 2**31 - 1]), refuse_int("limit", [201, 2**31 - 1])]


def refuse_missing(name):
    def refusal(rng, case):
        case.pop(name, None)
        return name
    return refusal


def paging(rng, case):
    """Valid `offset` and `limit`, each at a bound, inside, or left out."""
    offset = rng.choice([None, 0, 0, 1, 10, 2_000_000, rng.randint(0, 2_000_000)])
    limit = rng.choice([None, 10, 200, 50, rng.randint(10, 200)])
    if offset is not None:
        case["offset"] = offset
    if limit is not None:
        case["limit"] = limit
