#!/usr/bin/env python3
"""Proven on the wire: every operation of a spec, called with the values of its
doc example through the client `clientgen generate` writes, against Prism, a
mock server that validates each request against the spec and answers with a
response the spec describes, which the client must decode.

  scripts/prism.py fast             # the CI subset: tests/prism/fast.txt
  scripts/prism.py fixed            # every spec of tests/corpus/fixed.txt
  scripts/prism.py SPEC_OR_ID...    # spec files, or corpus ids (corpus_specs.py)
  scripts/prism.py --update ID...   # run these again, keeping the last report's other specs
  scripts/prism.py --rejudge        # classify the last run's outcomes again

Prism (@stoplight/prism-cli, PRISM_VERSION below) is installed with npm into
target/prism/tool once. Per spec: generate the client, write a program that
calls each operation once (`conformance-runner`, the same values as the
examples), build it, serve the spec with `prism mock --dynamic` (answers
faked from the schemas, seeded) on 127.0.0.1, run it.

Each operation is accepted (Prism found nothing wrong with the request, and
the client decoded the answer: a success, or an error the spec documents) or
a failure with its cause: `client` (a request Prism refused, an answer the
client could not decode, an example our own checks refuse), `prism` (one of
Prism's faults listed in PRISM_FAULTS, each shown by a request that is right)
or `spec` (the spec leaves out what Prism needs, also listed there).
Prints accepted/total per spec and every failure; writes
target/prism/report.json. Exits non-zero on any `client` failure.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "prism")
TOOL = os.path.join(WORK, "tool")
PRISM_VERSION = "5.14.2"
PRISM_SEED = "20261207"
PRISM = os.path.join(TOOL, "node_modules", ".bin", "prism")
# Copies of the tools, so that building the tree again during a run does not
# change the generator half way.
BIN = os.path.join(WORK, "bin")
CLIENTGEN = os.path.join(BIN, "clientgen")
RUNNER = os.path.join(BIN, "conformance-runner")
SAMPLER = os.path.join(ROOT, "scripts", "corpus_specs.py")
CORPUS_CACHE = os.path.join(ROOT, "target", "corpus", "cache")
ENV = dict(os.environ, CARGO_TARGET_DIR=os.path.join(WORK, "target"), CARGO_INCREMENTAL="0",
           CARGO_TERM_COLOR="never")
MAX_RESTARTS = 25

# Prism's own faults, each with how to recognise it in an outcome. Found by
# sending requests that follow the spec (see the README, "Proven on the wire").
PRISM_FAULTS = [
    ("crash", "Prism's process died on a valid request (array path parameters, "
              "or an optional array header left out, throw in its `simple` deserializer)"),
    ("no-media-type", "the operation (Swagger 2.0) sends a body but declares no `consumes`, "
                      "here or for the document: the client sends JSON, the media type such specs mean, "
                      "while Prism accepts no body at all (a fault of the spec, not of the request)"),
    ("fragment-path", "the spec's path has a `#fragment` (APIs.guru's AWS specs tell operations "
                      "apart so), which HTTP never sends, so no server can route it"),
    ("required-undefined", "the spec requires a property its schema does not define (`required: "
                           "[defaultScreen]` beside `properties` without it), so no value can hold it"),
    ("no-response", "the operation defines no response (allowed in 3.1): Prism checks the request and "
                    "then has nothing to send (500 NO_RESPONSE_RESPONSE_DEFINED, which it answers only to a "
                    "valid request); counted as accepted, with no answer to decode"),
    ("ref-resolve", "Prism fails to follow a `$ref` into `paths` while faking an answer (500 `Prop not "
                    "found: paths`)"),
    ("query-in-path", "the spec's path template holds a query string (`/templates?desc=html`), so "
                      "several operations share one HTTP path and Prism routes the request to another"),
    ("content-on-204", "the spec gives a 204 (No Content) answer a body schema; Prism sends `null`, "
                       "which is no value of it"),
    ("ignored-header", "Prism validates a declared `Accept` or `Content-Type` header parameter, which "
                       "OpenAPI says to ignore (the client sets them from what it sends and decodes)"),
    ("multipart-json", "Prism reads every multipart part as text, so an object or array part, sent as "
                       "JSON (OpenAPI's default `contentType` for them), fails its type check"),
    ("faker-date", "Prism's faker fails on a date-time it made (500 `RangeError: Invalid time value`)"),
    ("unsigned-format", "the spec says `format: uint32`/`uint64` without `minimum: 0`; Prism does not know "
                        "the format and answers a negative number, which the client's unsigned type refuses"),
    ("bracket-names", "Prism never finds a required query parameter whose name has brackets "
                      "(`filter[app]`), however it is written on the wire"),
    ("mock-invalid", "the answer Prism made breaks the spec's own schema, as Prism itself reports in "
                     "`sl-violations` (an example that does not fit its schema, or a schema Prism "
                     "cannot fake); the client rightly refuses it"),
    ("no-schema", "in dynamic mode Prism cannot answer a media type whose response has no schema "
                  "(`Tried to force a dynamic response … but schema is not defined`)"),
    ("empty-object", "Prism reads an empty object in a `simple` path parameter (an empty segment, all "
                     "the object's properties being read-only) as one property named ''"),
    ("faker-crash", "Prism's faker (json-schema-faker) throws while faking an answer (500 `TypeError: "
                    "Cannot read properties of undefined`)"),
    ("stack", "Prism's faker overflows its stack on a recursive schema (500 `Maximum call stack size "
              "exceeded`)"),
    ("serializer", "Prism cannot write a mock response of this media type "
                   "(`*/*` or another non-JSON type with an empty schema): 500 NO_COMPLEX_OBJECT_TEXT "
                   "or `Cannot find serializer`"),
]


def log(message):
    print(message, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def install_prism():
    marker = os.path.join(TOOL, "node_modules", "@stoplight", "prism-cli", "package.json")
    if os.path.exists(marker):
        with open(marker) as f:
            if json.load(f).get("version") == PRISM_VERSION:
                return
    os.makedirs(TOOL, exist_ok=True)
    step = run(["npm", "install", "--prefix", TOOL, "--no-audit", "--no-fund", "--loglevel=error",
                f"@stoplight/prism-cli@{PRISM_VERSION}"], timeout=900)
    if step.returncode != 0:
        sys.exit(f"installing Prism failed:\n{step.stderr[-2000:]}")


def build_tools():
    for cmd in (["cargo", "build", "--release", "--locked", "--quiet", "-p", "clientgen-cli"],
                ["cargo", "build", "--locked", "--quiet", "-p", "integration", "--bin", "conformance-runner"]):
        step = run(cmd, cwd=ROOT)
        if step.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{step.stderr[-3000:]}")
    os.makedirs(BIN, exist_ok=True)
    shutil.copy(os.path.join(ROOT, "target", "release", "clientgen"), CLIENTGEN)
    shutil.copy(os.path.join(ROOT, "target", "debug", "conformance-runner"), RUNNER)


def resolve_specs(names):
    """(name, path) for spec files and corpus ids."""
    ids = [n for n in names if not os.path.exists(n)]
    found = [(os.path.splitext(os.path.basename(n))[0], os.path.abspath(n)) for n in names if os.path.exists(n)]
    if ids:
        out = os.path.join(WORK, "specs")
        step = run([sys.executable, SAMPLER, "fixed", CORPUS_CACHE, out, *ids], timeout=1800)
        if step.returncode != 0:
            sys.exit(f"selecting corpus specs failed:\n{step.stderr[-2000:]}")
        found += [(i, os.path.join(out, i + ".json")) for i in ids]
    return found


def read_list(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].rstrip("-")


def build_runner(name, spec):
    """Generates the client and its runner; returns the runner's path or an error."""
    work = os.path.join(WORK, "work", slug(name))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "runner", "src"))
    krate = "conformance-" + slug(name)
    with open(os.path.join(work, "Cargo.toml"), "w") as f:
        f.write('[workspace]\nresolver = "2"\nmembers = ["client", "runner"]\n')
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(work, "Cargo.lock"))
    gen = run([CLIENTGEN, "generate", spec, "--out", os.path.join(work, "client"), "--crate-name", krate,
               "--runtime-path", os.path.join(ROOT, "templates", "runtime")], timeout=600)
    if gen.returncode != 0:
        return None, "generate failed: " + gen.stderr.strip()[-500:]
    main = run([RUNNER, spec, krate.replace("-", "_"), os.path.join(work, "runner", "src", "main.rs")])
    if main.returncode != 0:
        return None, "runner: " + main.stderr.strip()[-500:]
    runner = "runner-" + slug(name)
    with open(os.path.join(work, "runner", "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "{runner}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
                f'[dependencies]\n{krate} = {{ path = "../client" }}\n'
                'serde_json = "1"\ntokio = { version = "1", features = ["macros", "rt"] }\n')
    build = run(["cargo", "build", "--quiet", "--manifest-path", os.path.join(work, "Cargo.toml"), "-p", runner],
                env=ENV, timeout=3600)
    if build.returncode != 0:
        return None, "build failed: " + build.stderr.strip()[-1500:]
    return os.path.join(ENV["CARGO_TARGET_DIR"], "debug", runner), None


class Prism:
    def __init__(self, spec, log_path, dynamic=True):
        self.spec, self.log_path, self.dynamic, self.proc = spec, log_path, dynamic, None

    def start(self):
        self.port = free_port()
        self.log = open(self.log_path, "a")
        # Dynamic answers are made from the schemas, so decoding tests our
        # types against the spec rather than against its examples (which are
        # often wrong: JSON held in a string, "yes" for a boolean); seeded, so
        # runs repeat.
        mode = ["--dynamic", "--seed", PRISM_SEED] if self.dynamic else []
        self.proc = subprocess.Popen([PRISM, "mock", self.spec, "-h", "127.0.0.1", "-p", str(self.port), *mode],
                                     stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.3)
        return False

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None:
            self.log.close()
        self.proc = None


def prism_error(result):
    """The Prism error a response is, if Prism made it rather than the spec."""
    detail = result.get("detail") or ""
    match = re.search(r"stoplight\.io/prism/errors#(\w+)", detail)
    if match:
        return match.group(1)
    if result.get("status") == 400 and '"invalid_json"' in detail:
        return "INVALID_JSON"
    violations = (result.get("violations") or "").replace(" ", "")
    # Only a fault of the request counts: Prism also lists its own answer's.
    if re.search(r'"location":\["request"[^}]*"severity":"Error"', violations):
        return "VIOLATIONS"
    return None


def response_violations(result):
    """Whether Prism says its own answer breaks the spec (the header may
    start with "Too many violations!" before its list)."""
    text = (result.get("violations") or "").replace(" ", "")
    return re.search(r'"location":\["response"[^}]*"severity":"Error"', text) is not None


def judge(result, prism_died, path="", defined=frozenset(), multipart=False):
    """None when accepted and decoded, else (cause, explanation); `defined`
    holds every property name the spec defines."""
    outcome = result["outcome"]
    detail = (result.get("violations") or "") + (result.get("detail") or "")
    if outcome == "ok":
        return None
    if prism_died and outcome in ("connect", "other"):
        return ("prism", "crash")
    if outcome == "service":
        error = prism_error(result)
        if error is None:
            return None  # an error response the spec documents, decoded as one
        if "No supported content types, but request included a non-empty body" in detail:
            return ("spec", "no-media-type")
        if error == "NO_PATH_MATCHED_ERROR" and "#" in path:
            return ("spec", "fragment-path")
        if "?" in path:
            return ("spec", "query-in-path")
        if re.search(r"Request header (parameter (accept|content-type) must|must have required "
                     r"property '(accept|content-type)')", detail):
            return ("prism", "ignored-header")
        if multipart and re.search(r'"code":"type","message":"Request body property [^"]* must be (object|array)"',
                                   detail):
            return ("prism", "multipart-json")
        if "RangeError: Invalid time value" in detail:
            return ("prism", "faker-date")
        if re.search(r"Request path parameter [^ ]+ must NOT have additional properties; found ''", detail):
            return ("prism", "empty-object")
        if re.search(r"must have required property '[^']*%5b", detail):
            return ("prism", "bracket-names")
        missing = re.findall(r"body[^\"]* must have required property '([^']*)'", detail)
        others = re.findall(r'"message":"(?![^"]*must have required property)', detail)
        if missing and not others and all(m not in defined for m in missing):
            return ("spec", "required-undefined")
        if "Prop not found: paths" in detail:
            return ("prism", "ref-resolve")
        if error == "NO_RESPONSE_RESPONSE_DEFINED":
            return ("accepted", "no-response")
        if "Tried to force a dynamic response" in detail and "schema is not defined" in detail:
            return ("prism", "no-schema")
        if "json-schema-faker" in detail and error == "UNKNOWN":
            return ("prism", "faker-crash")
        if "Maximum call stack size exceeded" in detail:
            return ("prism", "stack")
        if error in ("NO_COMPLEX_OBJECT_TEXT", "UNKNOWN") and re.search(
                r"NO_COMPLEX_OBJECT_TEXT|Cannot find serializer", result.get("detail") or ""):
            return ("prism", "serializer")
        return ("client", f"Prism refused the request ({error}, {result.get('status')}): "
                          f"{(result.get('violations') or result.get('detail') or '')[:600]}")
    if outcome == "decode":
        if "?" in path:
            return ("spec", "query-in-path")
        if response_violations(result):
            return ("spec", "mock-invalid")
        if "(status 204," in detail:
            return ("spec", "content-on-204")
        if re.search(r"invalid value: integer `-\d+`, expected u(32|64)", detail):
            return ("spec", "unsigned-format")
        return ("client", "the answer was not decoded: " + result["detail"][:600])
    return ("client", f"{outcome}: {result['detail'][:600]}")


def read_spec(spec):
    """The spec as JSON, or {} when it does not read as JSON."""
    try:
        with open(spec) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def defined_properties(doc):
    """Every property name the spec's schemas define."""
    names, stack = set(), [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                names.update(node["properties"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(names)


def operations(doc):
    """(operation name as the generator gives it, path template, operation) of each operation."""
    for path, item in (doc.get("paths") or {}).items():
        for method, op in (item or {}).items():
            if isinstance(op, dict):
                name = op.get("operationId") or derived_name(method, path)
                yield name, path, op


def derived_name(method, path):
    """The generator's id of an operation without `operationId`: its method and
    path in snake case, words split at case changes (`/editMessageMedia`)."""
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", f"{method} {path}")
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words)
    return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_")


def operation_paths(doc):
    """Operation name → path template."""
    return {name: path for name, path, _ in operations(doc)}


def multipart_operations(doc):
    """Operations whose request body is multipart (3.x `content`, 2.0 `consumes`)."""
    found = set()
    for name, _, op in operations(doc):
        content = (op.get("requestBody") or {}).get("content") or {}
        consumes = op.get("consumes") or doc.get("consumes") or []
        if any(m.startswith("multipart/") for m in list(content) + list(consumes)):
            found.add(name)
    return frozenset(found)


# Faults in the answer Prism fakes, not in the request: such operations are
# called again with Prism answering from the spec's examples and defaults
# (its static mode), which its faker does not take part in.
ANSWER_FAULTS = {"faker-date", "faker-crash", "ref-resolve", "stack", "no-schema", "serializer", "mock-invalid"}


def conform(name, spec):
    doc = read_spec(spec)
    paths = operation_paths(doc)
    defined = defined_properties(doc)
    multipart = multipart_operations(doc)
    runner, error = build_runner(name, spec)
    if runner is None:
        return {"spec": name, "error": error, "operations": 0, "accepted": 0, "failures": []}
    log_path = os.path.join(WORK, "logs", slug(name) + ".log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    if os.path.exists(log_path):
        os.remove(log_path)

    def verdict(result, died):
        operation = result["operation"]
        return judge(result, died, paths.get(operation, ""), defined, operation in multipart)

    results = call_operations(runner, spec, log_path, True, None, verdict)
    if isinstance(results, str):
        if results == "no operations":
            return summarize(name, [], paths, spec)
        return {"spec": name, "error": results, "operations": 0, "accepted": 0, "failures": []}
    again = [r["index"] for r in results if r["verdict"] and r["verdict"][1] in ANSWER_FAULTS]
    if again:
        retried = call_operations(runner, spec, log_path, False, again, verdict)
        if not isinstance(retried, str):
            better = {r["index"]: r for r in retried if r["verdict"] is None}
            results = [dict(better[r["index"]], static=True) if r["index"] in better else r for r in results]
    return summarize(name, results, paths, spec)


def call_operations(runner, spec, log_path, dynamic, only, verdict):
    """Runs the runner against Prism (restarted when it dies), over every
    operation or those in `only`; the results, or an error text."""
    prism = Prism(spec, log_path, dynamic)
    results, index, restarts = [], 0, 0
    selection = [] if only is None else [",".join(map(str, only))]
    try:
        while restarts <= MAX_RESTARTS:
            if not prism.start():
                with open(log_path, errors="replace") as f:
                    if "No operations found" in f.read():
                        # A document of webhooks only: nothing to call.
                        return "no operations"
                return "Prism did not start (see " + os.path.relpath(log_path, ROOT) + ")"
            step = run([runner, f"http://127.0.0.1:{prism.port}", str(index), *selection], timeout=3600)
            lines = [json.loads(l) for l in step.stdout.splitlines() if l.startswith("{")]
            died = not prism.alive()
            for result in lines:
                if died and result["outcome"] in ("connect", "other"):
                    # The request that killed Prism; the rest run after a restart.
                    results.append(dict(result, prism_died=True, verdict=verdict(result, True)))
                    index = result["index"] + 1
                    break
                results.append(dict(result, verdict=verdict(result, False)))
                index = result["index"] + 1
            else:
                if step.returncode != 0:
                    return "the runner failed: " + step.stderr[-500:]
                break
            prism.stop()
            restarts += 1
    finally:
        prism.stop()
    return results


def summarize(name, results, paths, spec):
    failures = [{"operation": r["operation"], "cause": r["verdict"][0], "why": r["verdict"][1]}
                for r in results if r["verdict"] and r["verdict"][0] != "accepted"]
    unanswered = sum(1 for r in results if r["verdict"] and r["verdict"][0] == "accepted")
    return {"spec": name, "operations": len(results), "accepted": len(results) - len(failures),
            "unanswered": unanswered, "failures": failures, "paths": paths, "file": spec,
            "results": [{k: v for k, v in r.items() if k != "verdict"} for r in results]}


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    if args == ["--rejudge"]:
        # Classifies the outcomes of the last run again (after a change here).
        with open(os.path.join(WORK, "report.json")) as f:
            old = json.load(f)["specs"]
        # The corpus specs, extracted again in one go (a run of fewer specs
        # replaces the extracted files).
        ids = [r["spec"] for r in old if "__" in r["spec"]]
        extracted = dict(resolve_specs(ids)) if ids else {}
        reports = []
        for report in old:
            if report["spec"] in extracted:
                report["file"] = extracted[report["spec"]]
            log_path = os.path.join(WORK, "logs", slug(report["spec"]) + ".log")
            if report.get("error") and os.path.exists(log_path):
                with open(log_path, errors="replace") as f:
                    if "No operations found" in f.read():
                        report = dict(report, error=None, results=[], paths={})
            if report.get("error"):
                reports.append(report)
                continue
            died = {r["index"] for r in report["results"] if r.get("prism_died")}
            spec_file = report.get("file") or os.path.join(WORK, "specs", report["spec"] + ".json")
            report["file"] = spec_file
            doc = read_spec(spec_file)
            defined = defined_properties(doc)
            multipart = multipart_operations(doc)
            results = [dict(r, verdict=judge(r, r["index"] in died, report["paths"].get(r["operation"], ""),
                                             defined, r["operation"] in multipart))
                       for r in report["results"]]
            reports.append(dict(summarize(report["spec"], results, report["paths"], report["file"]),
                                seconds=report.get("seconds")))
        sys.exit(finish(reports))
    update = args[:1] == ["--update"]
    if update:
        # Runs these specs again and keeps the last report's other specs.
        args = args[1:]
    if args == ["fast"]:
        names = [n if "__" in n else os.path.join(ROOT, n) for n in read_list(os.path.join(ROOT, "tests", "prism", "fast.txt"))]
    elif args == ["fixed"]:
        names = read_list(os.path.join(ROOT, "tests", "corpus", "fixed.txt"))
    else:
        names = args
    install_prism()
    build_tools()
    reports = []
    for name, spec in resolve_specs(names):
        started = time.monotonic()
        report = conform(name, spec)
        report["seconds"] = round(time.monotonic() - started, 1)
        reports.append(report)
        status = report.get("error") or f"{report['accepted']}/{report['operations']} accepted and decoded"
        log(f"{name}: {status} ({report['seconds']} s)")
    if update:
        with open(os.path.join(WORK, "report.json")) as f:
            old = json.load(f)["specs"]
        fresh = {r["spec"]: r for r in reports}
        reports = [fresh.pop(r["spec"], r) for r in old] + list(fresh.values())
    sys.exit(finish(reports))


def finish(reports):
    """Prints every failure and the totals, writes the report; the exit status."""
    for report in reports:
        if report["failures"]:
            log(f"{report['spec']}: {report['accepted']}/{report['operations']}")
        for failure in report["failures"]:
            why = dict(PRISM_FAULTS).get(failure["why"], failure["why"])
            log(f"  {failure['cause']}: {failure['operation']}: {why}")
    total = sum(r["operations"] for r in reports)
    accepted = sum(r["accepted"] for r in reports)
    ours = [f for r in reports for f in r["failures"] if f["cause"] == "client"]
    theirs = [f for r in reports for f in r["failures"] if f["cause"] != "client"]
    broken = [r["spec"] for r in reports if r.get("error")]
    share = 100.0 * accepted / total if total else 0.0
    causes = {}
    for f in theirs:
        causes[f["why"]] = causes.get(f["why"], 0) + 1
    log(f"\n{len(reports)} specs, {total} operations: {accepted} accepted and decoded ({share:.1f}%), "
        f"{len(theirs)} failures that are Prism's or the spec's "
        f"({', '.join(f'{k} {v}' for k, v in sorted(causes.items(), key=lambda kv: -kv[1]))}), "
        f"{len(ours)} ours; {len(broken)} specs not run")
    unanswered = sum(r.get("unanswered", 0) for r in reports)
    log(f"({unanswered} of the accepted define no response, so only their request was checked)")
    with open(os.path.join(WORK, "report.json"), "w") as f:
        json.dump({"prism": PRISM_VERSION, "faults": dict(PRISM_FAULTS), "specs": reports}, f, indent=1)
    write_table(reports)
    return 1 if ours or broken else 0


def write_table(reports):
    """target/prism/table.md: the per-spec table of tests/prism/RESULTS.md."""
    rows = ["| spec | operations | accepted and decoded | of which no response defined | "
            "Prism's or the spec's | ours |", "|---|---|---|---|---|---|"]
    for r in reports:
        ours = sum(1 for f in r["failures"] if f["cause"] == "client")
        rows.append(f"| {r['spec']} | {r['operations']} | {r['accepted']} | {r.get('unanswered', 0)} | "
                    f"{len(r['failures']) - ours} | {ours}{' (not run: ' + r['error'][:80] + ')' if r.get('error') else ''} |")
    total = sum(r["operations"] for r in reports)
    accepted = sum(r["accepted"] for r in reports)
    ours = sum(1 for r in reports for f in r["failures"] if f["cause"] == "client")
    theirs = sum(len(r["failures"]) for r in reports) - ours
    share = 100.0 * accepted / total if total else 0.0
    rows.append(f"| **all {len(reports)}** | **{total:,}** | **{accepted:,}** ({share:.1f}%) | "
                f"**{sum(r.get('unanswered', 0) for r in reports)}** | **{theirs}** | **{ours}** |")
    judged = total - theirs
    rows.append("")
    rows.append(f"Of the {judged:,} operations neither Prism nor the spec keeps from passing, "
                f"{accepted:,} ({100.0 * accepted / judged if judged else 0.0:.1f}%) are accepted and decoded.")
    rows.append("")
    rows.append("| cause | whose | operations |")
    rows.append("|---|---|---|")
    causes = {}
    for r in reports:
        for f in r["failures"]:
            key = (f["cause"], f["why"])
            causes[key] = causes.get(key, 0) + 1
    faults = dict(PRISM_FAULTS)
    for (cause, why), count in sorted(causes.items(), key=lambda kv: -kv[1]):
        if cause == "client":
            continue
        whose = "Prism" if cause == "prism" else "the spec"
        if why == "mock-invalid":
            whose = "Prism's faker or the spec's example"
        rows.append(f"| {faults.get(why, why)} | {whose} | {count} |")
    rows.append("")
    rows.append(f"Ours ({ours}):")
    rows.append("")
    for r in reports:
        for f in r["failures"]:
            if f["cause"] == "client":
                messages = re.findall(r'"message":"([^"]*)"', f["why"])
                why = "; ".join(dict.fromkeys(messages)) if messages else f["why"]
                rows.append(f"- {r['spec']} `{f['operation']}`: {why[:200]}")
    with open(os.path.join(WORK, "table.md"), "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
