"""The wire side of the differential test: the capture server on 127.0.0.1,
the independent signature verifier and the request view that is compared,
and running one case through the official SDK.
"""
import datetime as dt
import hashlib
import hmac
import json
import logging
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote

# The SDK logs the errors it raises to stderr; the outcomes are compared instead.
logging.getLogger("HuaweiCloud-SDK-HssClient").addHandler(logging.NullHandler())


class Capture:
    """Answers each request with the canned response of its case, found by its
    `X-Sdk-Date`, and records it under that case's index."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_date = {}
        self.responses = {}
        self.requests = {}
        self.unknown = []

    def expect(self, cases, responses):
        with self.lock:
            self.by_date = {sdk_date(c["sdk_epoch"]): i for i, c in enumerate(cases)}
            self.responses = dict(enumerate(responses))
            self.requests = {}
            self.unknown = []

    def take(self):
        with self.lock:
            return self.requests, self.unknown


def sdk_date(epoch):
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def make_handler(capture):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            # http.server decodes header bytes as latin-1; undo that to get UTF-8 text.
            headers = [(k, v.encode("latin-1").decode("utf-8", "replace")) for k, v in self.headers.items()]
            request = {"method": self.command, "target": self.path, "headers": headers, "body": body}
            with capture.lock:
                index = capture.by_date.get(self.headers.get("X-Sdk-Date"))
                if index is None:
                    capture.unknown.append(request)
                    status, extra, payload = 418, {}, b'{"error_code":"DIFF.0001","error_msg":"unknown case"}'
                else:
                    capture.requests.setdefault(index, []).append(request)
                    status, extra, payload = capture.responses[index]
            self.send_response(status)
            for k, v in extra.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = answer

    return Handler


def serve():
    """Starts the capture server on 127.0.0.1; returns (capture, server, port)."""
    capture = Capture()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(capture))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return capture, server, server.server_address[1]


def canonical_query(raw):
    pairs = []
    for part in filter(None, raw.split("&")):
        k, _, v = part.partition("=")
        pairs.append((unquote(k), unquote(v)))
    pairs.sort()
    return "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs)


def verify(request, sk):
    """Recomputes the signature of a captured request from the published
    algorithm; returns an error or None."""
    headers = {k.lower(): v for k, v in request["headers"]}
    auth = headers.get("authorization", "")
    try:
        fields = dict(part.strip().split("=", 1) for part in auth[len("SDK-HMAC-SHA256 "):].split(","))
        signed = fields["SignedHeaders"].split(";")
    except (ValueError, KeyError):
        return f"unparsable Authorization {auth!r}"
    path, _, query = request["target"].partition("?")
    uri = "/".join(quote(seg, safe="~") for seg in unquote(path).split("/"))
    uri = uri if uri.endswith("/") else uri + "/"
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip()}\n" for name in signed)
    payload = hashlib.sha256(request["body"]).hexdigest()
    canonical = "\n".join([request["method"].upper(), uri, canonical_query(query), canonical_headers,
                           ";".join(signed), payload])
    to_sign = "\n".join(["SDK-HMAC-SHA256", headers.get("x-sdk-date", ""),
                         hashlib.sha256(canonical.encode()).hexdigest()])
    expected = hmac.new(sk.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    if fields.get("Signature") != expected:
        return "signature does not verify"
    return None


def signed_view(request):
    """What must be equal between the SDK's request and ours."""
    headers = {k.lower(): v for k, v in request["headers"]}
    auth = headers.get("authorization", "")
    names = auth.split("SignedHeaders=")[-1].split(",")[0].split(";")
    path, _, query = request["target"].partition("?")
    try:
        body = json.loads(request["body"] or b"null")
    except ValueError:
        body = {"not JSON": request["body"].decode("utf-8", "replace")}
    return {
        "method": request["method"],
        "path": path,
        "query": query,
        "signed_headers": names,
        "signed_values": {n: headers.get(n) for n in names},
        "body": body,
        "access": auth.split("Access=")[-1].split(",")[0],
    }


def env_name(region):
    return "HUAWEICLOUD_SDK_REGION_HSS_" + region.replace("-", "_").upper()


def to_model(type_name, data):
    """Builds the SDK's model object of `type_name` from plain JSON data, the
    way a user fills the SDK's request classes. Keys the model does not have
    are an error, so a case cannot silently lose a field on the SDK side."""
    from huaweicloudsdkhss.v5 import model

    if data is None:
        return None
    item = re.fullmatch(r"list\[(.*)\]", type_name)
    if item:
        return [to_model(item.group(1), value) for value in data]
    if type_name in ("str", "int", "bool", "object"):
        return data
    klass = getattr(model, type_name)
    by_key = {key: attr for attr, key in klass.attribute_map.items()}
    unknown = set(data) - set(by_key)
    if unknown:
        raise ValueError(f"{type_name} has no {sorted(unknown)}")
    return klass(**{by_key[key]: to_model(klass.openapi_types[by_key[key]], value) for key, value in data.items()})


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def run_sdk(case, has_body):
    """One case through the official SDK; returns how it surfaced the response."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.exceptions import exceptions
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkcore.utils.http_utils import sanitize_for_serialization
    import huaweicloudsdkcore.signer.signer as signer_module
    from huaweicloudsdkhss.v5 import HssClient, model
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

    operation = case["operation"]
    request_class = getattr(model, operation + "Request")
    fields = {key: case[key] for key in request_class.attribute_map.values() if key in case}
    request = to_model(operation + "Request", fields)
    try:
        response = getattr(client, snake(operation))(request)
        # The SDK's response object does not expose X-Request-Id.
        outcome = {"kind": "response", "status": response.status_code}
        if has_body:
            outcome["body"] = sanitize_for_serialization(response)
        return outcome
    except exceptions.ServiceResponseException as e:
        return {"kind": "service_error",
                "class": "server" if isinstance(e, exceptions.ServerResponseException) else "client",
                "status": e.status_code, "request_id": e.request_id, "error_code": str(e.error_code),
                "error_msg": str(e.error_msg), "encoded_authorization_message": e.encoded_auth_msg}
