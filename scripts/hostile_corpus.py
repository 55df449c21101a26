#!/usr/bin/env python3
"""A hostile corpus: specs whose text tries to become code, break the build or
escape where it is written, generated from one base spec by putting hostile
strings and names in every place spec text reaches the output.

  scripts/hostile_corpus.py [--keep]

Every spec must generate, except those in REFUSALS, which must be refused
with their located error (never an internal error). All generated modules
are compiled as one crate with `-D warnings`, whose doctests must be exactly
the generated examples, one per client method, all compiling (no spec text
may run). Each crate written by `clientgen generate` for the
title/version cases must have a manifest cargo accepts, and its crate docs
are compiled and listed with the modules. CI runs this (scripts/test.sh).
Exits non-zero on any failure and prints a summary.
"""
import copy
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "hostile")
CLIENTGEN = os.path.join(ROOT, "target", "release", "clientgen")

# Text that tries to open a doctest, inject HTML, reorder or break lines.
TEXTS = {
    "quoted-fence": "> ```rust\n> std::process::exit(1);\n> ```",
    "list-fence": "- ```\n  std::process::exit(1);\n  ```",
    "quoted-indent": ">     std::process::exit(1);",
    "list-indent": "1. item\n\n        std::process::exit(1);",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "bidi": "safe\u202e;)1(tixe::ssecorp::dts\u2066 text\u2069",
    "bare-cr": "line\rbreak\r\n```rust\rstd::process::exit(1);",
    "backticks": "tick`\n```rust\nstd::process::exit(1);\n```",
    "long": "x" * 300,
    "quotes": "\"quote\\backslash}{brace#[doc = \"x\"]",
    "tilde-fence": "~~~rust\nstd::process::exit(1);\n~~~",
    "indented": "    std::process::exit(1);",
}

# Names that collide with generated items, keywords, or are not identifiers.
NAMES = {
    "client": "client", "result": "result", "string": "string",
    "client_builder": "client_builder", "runtime": "runtime", "types": "types",
    "self": "self", "crate": "crate", "Error": "Error", "digit": "2fa",
    "tick": "tick`name\n```rust", "bidi": "\u202ename", "cr": "na\rme",
}

TEXT_PLACES = [
    "title", "version", "info-description", "summary", "op-description",
    "param-description", "schema-description", "property-description",
    "response-description", "scheme-description", "enum-value", "mapping-key",
    "region-value", "env-prefix", "path",
]
NAME_PLACES = [
    "operation-id", "property", "schema", "query-param", "server-variable",
    "security-scheme",
]


def base():
    return {
        "openapi": "3.0.3",
        "info": {"title": "Hostile", "version": "1", "x-region-env-prefix": "HOSTILE"},
        "servers": [{"url": "https://{region}.example.test",
                     "variables": {"region": {"default": "a", "enum": ["a", "b"]}}}],
        "security": [{"key": []}],
        "paths": {"/items/{id}": {"get": {
            "operationId": "getItem",
            "summary": "Gets an item",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "q", "in": "query", "schema": {"type": "string"}},
            ],
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Item"}}}}},
        }}},
        "components": {
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
            "schemas": {
                "Item": {"type": "object", "properties": {
                    "name": {"type": "string"},
                    "kind": {"$ref": "#/components/schemas/Kind"},
                    "shape": {"$ref": "#/components/schemas/Shape"},
                }},
                "Kind": {"type": "string", "enum": ["plain", "other"]},
                "Shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"},
                                    {"$ref": "#/components/schemas/Square"}],
                          "discriminator": {"propertyName": "type", "mapping": {
                              "circle": "#/components/schemas/Circle",
                              "square": "#/components/schemas/Square"}}},
                "Circle": {"type": "object", "required": ["type"],
                           "properties": {"type": {"type": "string"}, "r": {"type": "number"}}},
                "Square": {"type": "object", "required": ["type"],
                           "properties": {"type": {"type": "string"}, "s": {"type": "number"}}},
            },
        },
    }


# The specs that must be refused, each with a phrase of its located error;
# every other spec must generate.
REFUSALS = {
    "text-path-quotes": "brace that opens or closes no `{name}`",
    "shape-properties-1001": "more than one struct can hold",
}


def put_text(spec, place, text):
    op = spec["paths"]["/items/{id}"]["get"]
    schemas = spec["components"]["schemas"]
    if place == "title":
        spec["info"]["title"] = text
    elif place == "version":
        spec["info"]["version"] = text
    elif place == "info-description":
        spec["info"]["description"] = text
    elif place == "summary":
        op["summary"] = text
    elif place == "op-description":
        op["description"] = text
    elif place == "param-description":
        op["parameters"][1]["description"] = text
    elif place == "schema-description":
        schemas["Item"]["description"] = text
    elif place == "property-description":
        schemas["Item"]["properties"]["name"]["description"] = text
    elif place == "response-description":
        op["responses"]["200"]["description"] = text
    elif place == "scheme-description":
        spec["components"]["securitySchemes"]["key"]["description"] = text
    elif place == "enum-value":
        schemas["Kind"]["enum"].append(text)
    elif place == "mapping-key":
        schemas["Shape"]["discriminator"]["mapping"][text] = "#/components/schemas/Circle"
    elif place == "region-value":
        spec["servers"][0]["variables"]["region"]["enum"].append(text)
    elif place == "env-prefix":
        spec["info"]["x-region-env-prefix"] = text
    elif place == "path":
        spec["paths"] = {"/items/{id}/" + text: spec["paths"]["/items/{id}"]}


def put_name(spec, place, name):
    op = spec["paths"]["/items/{id}"]["get"]
    schemas = spec["components"]["schemas"]
    if place == "operation-id":
        op["operationId"] = name
    elif place == "property":
        schemas["Item"]["properties"][name] = {"type": "string"}
    elif place == "schema":
        schemas[name] = schemas.pop("Kind")
        schemas["Item"]["properties"]["kind"] = {"$ref": "#/components/schemas/" + escape_pointer(name)}
    elif place == "query-param":
        op["parameters"][1]["name"] = name
    elif place == "server-variable":
        server = spec["servers"][0]
        server["url"] = "https://{%s}.example.test" % name
        server["variables"] = {name: server["variables"]["region"]}
    elif place == "security-scheme":
        schemes = spec["components"]["securitySchemes"]
        schemes[name] = schemes.pop("key")
        spec["security"] = [{name: []}]


def v31(place, text="text", name="Named"):
    """The base spec as OpenAPI 3.1, with `text` or `name` in a 3.1-only place."""
    spec = base()
    spec["openapi"] = "3.1.0"
    schemas = spec["components"]["schemas"]
    item = schemas["Item"]
    item["properties"]["name"] = {"type": ["string", "null"]}
    if place == "const":
        schemas["Circle"]["properties"]["type"] = {"const": text}
    elif place == "ref-sibling":
        item["properties"]["kind"] = {"$ref": "#/components/schemas/Kind", "description": text}
    elif place in ("webhook", "webhook-description"):
        hook = name if place == "webhook" else "created"
        spec["webhooks"] = {hook: {"post": {"requestBody": {"content": {"application/json": {
            "schema": {"type": "object", "description": text if place != "webhook" else "payload",
                       "properties": {"id": {"type": "string"}}}}}},
            "responses": {"200": {"description": "ok"}}}}}
    elif place == "defs":
        item["$defs"] = {name: {"type": "object", "properties": {"x": {"type": "integer"}}}}
        item["properties"]["extra"] = {"$ref": "#/components/schemas/Item/$defs/" + escape_pointer(name)}
    return spec


def v20(text="text", name="field"):
    """A Swagger 2.0 spec with `text` in a body parameter's description and
    `name` as a form field."""
    return {
        "swagger": "2.0",
        "info": {"title": "Hostile", "version": "1"},
        "host": "api.example.test",
        "paths": {"/items": {
            "post": {"operationId": "addItem", "consumes": ["application/json"],
                     "parameters": [{"name": "body", "in": "body", "description": text,
                                     "schema": {"$ref": "#/definitions/Item"}}],
                     "responses": {"204": {"description": "added"}}},
            "put": {"operationId": "upload", "consumes": ["multipart/form-data"],
                    "parameters": [{"name": name, "in": "formData", "type": "file"},
                                   {"name": "note", "in": "formData", "type": "string"}],
                    "responses": {"204": {"description": "stored"}}}}},
        "definitions": {"Item": {"type": "object", "x-nullable": True,
                                 "properties": {"name": {"type": "string"}}}},
    }


def escape_pointer(name):
    from urllib.parse import quote
    return quote(name.replace("~", "~0").replace("/", "~1"), safe="")


def specs():
    for place in TEXT_PLACES:
        for label, text in TEXTS.items():
            spec = base()
            put_text(spec, place, text)
            yield f"text-{place}-{label}", spec
    for place in NAME_PLACES:
        for label, name in NAMES.items():
            spec = base()
            put_name(spec, place, name)
            yield f"name-{place}-{label}", spec
    # Places only OpenAPI 3.1 and Swagger 2.0 documents have (the front end).
    for label, text in TEXTS.items():
        for place in ("const", "ref-sibling", "webhook-description"):
            yield f"text-v31-{place}-{label}", v31(text=text, place=place)
        yield f"text-v20-body-description-{label}", v20(text=text)
    for label, name in NAMES.items():
        for place in ("webhook", "defs"):
            yield f"name-v31-{place}-{label}", v31(name=name, place=place)
        yield f"name-v20-form-field-{label}", v20(name=name)
    # The largest struct the generator writes compiles; one more is refused.
    for count in (1000, 1001):
        spec = base()
        spec["components"]["schemas"]["Item"]["properties"].update(
            {f"p{i}": {"type": "string"} for i in range(count - 3)})
        yield f"shape-properties-{count}", spec


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def main():
    keep = "--keep" in sys.argv
    build = run(["cargo", "build", "--release", "--locked", "--quiet", "-p", "clientgen-cli"], cwd=ROOT)
    if build.returncode != 0:
        sys.exit(f"building clientgen failed:\n{build.stderr}")
    shutil.rmtree(WORK, ignore_errors=True)
    spec_dir = os.path.join(WORK, "specs")
    crate = os.path.join(WORK, "crate")
    os.makedirs(spec_dir)
    os.makedirs(os.path.join(crate, "src"))
    failures, modules, refused, crate_docs = [], [], [], []
    for i, (name, spec) in enumerate(specs()):
        path = os.path.join(spec_dir, f"{i:03}-{name}.json")
        with open(path, "w") as f:
            json.dump(spec, f, ensure_ascii=False)
        module = f"m{i:03}"
        gen = run([CLIENTGEN, "file", path, "-o", os.path.join(crate, "src", module + ".rs"),
                   "--example-path", f"hostile_corpus::{module}"], timeout=120)
        expected = REFUSALS.get(name)
        if gen.returncode == 0 and expected is None:
            modules.append(module)
        elif gen.returncode == 0:
            failures.append(f"{name}: generated, but must be refused ({expected})")
        elif "internal error" in gen.stderr or "panicked" in gen.stderr:
            failures.append(f"{name}: the generator failed: {gen.stderr.strip()[:300]}")
        elif expected is None:
            failures.append(f"{name}: refused, but must generate: {gen.stderr.strip()[:300]}")
        elif "(at #" in gen.stderr and expected in gen.stderr:
            refused.append(name)
        else:
            failures.append(f"{name}: not refused as expected ({expected}): {gen.stderr.strip()[:300]}")
        if name.startswith(("text-title", "text-version")):
            out = os.path.join(WORK, "crates", name)
            made = run([CLIENTGEN, "generate", path, "--out", out,
                        "--runtime-path", os.path.join(ROOT, "templates", "runtime")], timeout=120)
            meta = run(["cargo", "metadata", "--no-deps", "--offline", "--format-version", "1",
                        "--manifest-path", os.path.join(out, "Cargo.toml")]) if made.returncode == 0 else made
            if meta.returncode != 0:
                failures.append(f"{name}: the crate's manifest is refused: {meta.stderr.strip()[:300]}")
            else:
                # The crate's docs are its README (title, version, example):
                # doc-tested in the crate itself, below.
                crate_docs.append((name, out))
    count = i + 1
    runtime = os.path.join(ROOT, "templates", "runtime").replace("\\", "/")
    with open(os.path.join(crate, "Cargo.toml"), "w") as f:
        f.write(
            "[package]\nname = \"hostile-corpus\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n"
            f"[dependencies]\nclientgen-runtime = {{ path = \"{runtime}\", features = [\"huawei\"] }}\n"
            "serde = { version = \"1\", features = [\"derive\"] }\n"
            "serde_json = { version = \"1\", features = [\"preserve_order\"] }\n\n[workspace]\n")
    with open(os.path.join(crate, "src", "lib.rs"), "w") as f:
        f.write("//! Every generated module of the hostile corpus.\n#![forbid(unsafe_code)]\n#![allow(missing_docs)]\n")
        for module in modules:
            f.write(f"pub mod {module} {{\n    include!(\"{module}.rs\");\n}}\n")
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(crate, "Cargo.lock"))
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(ROOT, "target", "hostile-target"),
               RUSTFLAGS="-D warnings", RUSTDOCFLAGS="-D warnings")
    manifest = os.path.join(crate, "Cargo.toml")
    check = run(["cargo", "check", "--quiet", "--manifest-path", manifest], env=env, timeout=1800)
    if check.returncode != 0:
        failures.append("the generated modules do not compile:\n" + check.stderr[-3000:])
    # Every example compiles (no_run), and they are the only doctests.
    doctest = run(["cargo", "test", "--quiet", "--doc", "--manifest-path", manifest], env=env, timeout=1800)
    if doctest.returncode != 0:
        failures.append("the doctests do not all compile:\n" + (doctest.stdout + doctest.stderr)[-3000:])
    only = run([sys.executable, os.path.join(ROOT, "scripts", "doctests.py"), crate, "--", "--quiet",
                "--manifest-path", manifest], env=env, timeout=1800)
    if only.returncode != 0:
        failures.append("doctests other than the examples:\n" + (only.stdout + only.stderr)[-3000:])
    examples = only.stdout.strip()
    # Crates written by `clientgen generate` (hostile titles and versions):
    # their README is their docs, and its example compiles with theirs.
    for name, out in crate_docs:
        manifest = os.path.join(out, "Cargo.toml")
        doctest = run(["cargo", "test", "--quiet", "--doc", "--manifest-path", manifest], env=env, timeout=600)
        only = run([sys.executable, os.path.join(ROOT, "scripts", "doctests.py"), "--readme", out, "--",
                    "--quiet", "--manifest-path", manifest], env=env, timeout=600)
        if doctest.returncode != 0 or only.returncode != 0:
            failures.append(f"{name}: the crate's doctests: " + (doctest.stdout + doctest.stderr + only.stderr)[-2000:])
    print(f"hostile corpus: {count} specs, {len(modules)} generated and compiled, "
          f"{len(refused)} refused with a located error, {len(failures)} failure(s); {examples}; "
          f"{len(crate_docs)} crates written by `clientgen generate`, each with its README's example and "
          "one per client method, all compiling, and no other doctest")
    for failure in failures:
        print("FAIL", failure)
    if not keep and not failures:
        shutil.rmtree(os.path.join(WORK, "specs"), ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
