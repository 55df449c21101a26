"""Synthetic pairs, part 2: operations, parameters, bodies, responses,
security, the HSS spec (regions, limits) and the no-op controls. Registered in
scripts/semver_pairs.py's PAIRS on import; see that module for what a pair is."""
from semver_pairs import GET_FILE, op, pair, param, props, schema

# ---------------------------------------------------------------- operations and parameters (params.yaml)

@pair("add-operation", "params", "compatible", "a new operation GET /health (getHealth)")
def _(s):
    s["paths"]["/health"] = {"get": {"operationId": "getHealth",
                                     "responses": {"204": {"description": "healthy"}}}}


@pair("remove-operation", "params", "breaking", "DELETE /users/{user_id} is removed")
def _(s):
    del s["paths"]["/users/{user_id}"]


@pair("rename-operation-id", "params", "breaking", "getFile -> fetchFile")
def _(s):
    op(s, *GET_FILE)["operationId"] = "fetchFile"


@pair("add-optional-query-param", "params", "compatible", "getFile gains an optional query parameter `q`")
def _(s):
    op(s, *GET_FILE)["parameters"].append({"name": "q", "in": "query", "schema": {"type": "string"}})


@pair("add-required-query-param", "params", "breaking",
      "getFile gains a required query parameter `q` (a new setter; send() fails without it)")
def _(s):
    op(s, *GET_FILE)["parameters"].append(
        {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}})


@pair("remove-param", "params", "breaking", "getFile loses its cookie parameter `session`")
def _(s):
    operation = op(s, *GET_FILE)
    operation["parameters"] = [p for p in operation["parameters"] if p.get("name") != "session"]


@pair("change-param-type", "params", "breaking", "getFile's path parameter `name`: string -> integer")
def _(s):
    param(op(s, *GET_FILE), "name")["schema"] = {"type": "integer", "format": "int64"}


@pair("widen-param-type", "params", "breaking",
      "getFile's `limit`: int32 -> int64; the setter's impl Into<i32> becomes impl Into<i64>, "
      "which i32 and literals satisfy but NonZeroI32 and a caller's own Into<i32> types do not")
def _(s):
    param(op(s, *GET_FILE), "limit")["schema"]["format"] = "int64"


@pair("param-optional-to-required", "params", "breaking", "getFile's cookie `session` becomes required")
def _(s):
    param(op(s, *GET_FILE), "session")["required"] = True


@pair("param-required-to-optional", "params", "compatible", "getFile's header `X-Trace-Id` becomes optional")
def _(s):
    param(op(s, *GET_FILE), "X-Trace-Id")["required"] = False


@pair("tighten-param-maximum", "params", "breaking", "getFile's `limit` maximum 100 -> 50")
def _(s):
    param(op(s, *GET_FILE), "limit")["schema"]["maximum"] = 50


@pair("param-description-only", "params", "docs-only", "getFile's `limit` description changes")
def _(s):
    param(op(s, *GET_FILE), "limit")["description"] = "Page size; overrides the path-level parameter."


@pair("change-path-derived-name", "params", "breaking",
      "DELETE /users/{user_id} -> /accounts/{user_id}; it has no operationId, so its method name follows the path")
def _(s):
    s["paths"]["/accounts/{user_id}"] = s["paths"].pop("/users/{user_id}")


@pair("change-server-url", "params", "compatible", "the default server URL changes")
def _(s):
    s["servers"][0]["url"] = "https://api.example.test/v2"


# ---------------------------------------------------------------- bodies, responses, paging

@pair("change-path", "bodies", "compatible", "postForm moves from /form to /forms (same operationId, same Rust API)")
def _(s):
    s["paths"]["/forms"] = s["paths"].pop("/form")


@pair("change-method", "bodies", "compatible", "putBlob: PUT -> POST (same operationId, same Rust API)")
def _(s):
    path = s["paths"]["/blob"]
    path["post"] = path.pop("put")


@pair("change-response-schema", "keywords", "breaking", "match's 200 response: Self -> foo_bar")
def _(s):
    media = op(s, "/items/{type}", "get")["responses"]["200"]["content"]["application/json"]
    media["schema"] = {"$ref": "#/components/schemas/foo_bar"}


@pair("add-response-status", "bodies", "breaking",
      "startJob gains a 201 response with a body (a new variant of its exhaustive response enum)")
def _(s):
    op(s, "/jobs", "post")["responses"]["201"] = {
        "description": "created", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Login"}}}}


@pair("add-response-field", "paging", "compatible", "Event (a response item) gains an optional `name`")
def _(s):
    props(s, "Event")["name"] = {"type": "string"}


@pair("remove-pagination", "paging", "breaking", "listLogs loses its x-pagination (no paginator any more)")
def _(s):
    del op(s, "/logs", "get")["x-pagination"]


# ---------------------------------------------------------------- security, docs (auth.yaml)

@pair("add-security-scheme", "auth", "compatible", "a new bearer scheme `partnerToken`, offered on /me as an alternative")
def _(s):
    s["components"]["securitySchemes"]["partnerToken"] = {"type": "http", "scheme": "bearer"}
    op(s, "/me", "get")["security"] = [{"bearer": []}, {"apiKeyHeader": []}, {"partnerToken": []}]


@pair("summary-only", "auth", "docs-only", "whoami's summary changes")
def _(s):
    op(s, "/me", "get")["summary"] = "Who the caller is (top-level security)"


@pair("deprecate-operation", "auth", "compatible", "whoami becomes deprecated")
def _(s):
    op(s, "/me", "get")["deprecated"] = True


# ---------------------------------------------------------------- the HSS spec

def _region_enum(s):
    return s["servers"][0]["variables"]["region"]["enum"]


@pair("hss-add-region", "hss", "compatible", "a new region `cn-west-9` (Region is non_exhaustive)")
def _(s):
    _region_enum(s).append("cn-west-9")


@pair("hss-remove-region", "hss", "breaking", "region `ru-moscow-1` is removed")
def _(s):
    _region_enum(s).remove("ru-moscow-1")


@pair("hss-remove-server", "hss", "breaking", "the European server (region eu-west-101) is removed")
def _(s):
    s["servers"].pop(1)


@pair("hss-add-request-property", "hss", "compatible", "ListTasksRequestBody gains an optional `owner`")
def _(s):
    props(s, "ListTasksRequestBody")["owner"] = {"type": "string", "description": "Task owner."}


@pair("hss-remove-response-field", "hss", "breaking", "TaskInfo loses `estimated_time`")
def _(s):
    del props(s, "TaskInfo")["estimated_time"]


@pair("hss-add-enum-value", "hss", "compatible", "TaskStatus gains `paused`")
def _(s):
    schema(s, "TaskStatus")["enum"].append("paused")


@pair("hss-tighten-max-length", "hss", "breaking", "the TaskId path parameter's maxLength 64 -> 32")
def _(s):
    s["components"]["parameters"]["TaskId"]["schema"]["maxLength"] = 32


@pair("hss-loosen-max-length", "hss", "compatible", "the TaskId path parameter's maxLength 64 -> 128")
def _(s):
    s["components"]["parameters"]["TaskId"]["schema"]["maxLength"] = 128


@pair("hss-operation-description", "hss", "docs-only", "RetryTask's description changes")
def _(s):
    op(s, "/v5/{project_id}/common/tasks/{task_id}/retry", "put")["description"] = "Runs a task again."


# ---------------------------------------------------------------- no-op controls

@pair("control-reformat", "auth", "none", "the YAML source against its JSON form", old_is_source=True)
def _(s):
    pass


@pair("control-reorder-keys", "hss", "none",
      "top-level, path, component and schema keys in reverse order (properties keep theirs)")
def _(s):
    def reverse(mapping):
        items = list(mapping.items())
        mapping.clear()
        mapping.update(reversed(items))
    for mapping in (s, s["paths"], s["components"], s["components"]["schemas"]):
        reverse(mapping)


@pair("control-identical", "one_of", "none", "no change at all")
def _(s):
    pass
