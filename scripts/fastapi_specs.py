#!/usr/bin/env python3
"""Build, dump and serve the FastAPI test corpus in tests/fastapi/.

Each file tests/fastapi/apps/<name>.py defines a small FastAPI application
(`app = FastAPI(...)`).  Their OpenAPI 3.1 documents, as FastAPI emits them,
are stored in tests/fastapi/specs/<name>.json and feed the generator; the same
apps can be served on 127.0.0.1 for round-trip tests.

This script uses only the standard library.  The FastAPI stack lives in a
private virtual environment at <repo>/target/fastapi-venv, created from the
exact pins in tests/fastapi/requirements.txt.

Usage (from anywhere; paths are derived from this file's location):

    python3 scripts/fastapi_specs.py venv
        Create target/fastapi-venv if missing and pip-install
        tests/fastapi/requirements.txt into it (skipped when the venv was
        already installed from the same requirements file).

    python3 scripts/fastapi_specs.py dump OUT_DIR
        Import every app and write OUT_DIR/<name>.json =
        json.dumps(app.openapi(), indent=2) + "\\n".  Prints one line per app;
        exits 1 if any app fails to import or to produce its document.
        Regenerate the committed corpus with:
            python3 scripts/fastapi_specs.py dump tests/fastapi/specs

    python3 scripts/fastapi_specs.py check [SPECS_DIR]
        Dump to a temporary directory and compare with SPECS_DIR (default
        tests/fastapi/specs); exits 1 on any missing, stale or extra file.

    python3 scripts/fastapi_specs.py list
        Print the app names, one a line.

    python3 scripts/fastapi_specs.py serve NAME PORT
        Run uvicorn for tests/fastapi/apps/NAME.py on 127.0.0.1:PORT with
        warning-level logging and no access log.  The process execs into
        the venv's python, so the PID a test harness gets from spawning this
        command is the server's own; stop it with SIGTERM/SIGINT.

Apps are loaded by file path under a private module name
(`fastapi_corpus_<name>`), so an app's file name never shadows another module.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fastapi"
APPS_DIR = CORPUS / "apps"
SPECS_DIR = CORPUS / "specs"
REQUIREMENTS = CORPUS / "requirements.txt"
VENV = REPO / "target" / "fastapi-venv"
STAMP = VENV / ".requirements.sha256"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def app_names() -> list[str]:
    return sorted(p.stem for p in APPS_DIR.glob("*.py") if not p.name.startswith("_"))


def die(msg: str, code: int = 2) -> None:
    print(f"fastapi_specs: {msg}", file=sys.stderr)
    sys.exit(code)


# ---------------------------------------------------------------- outer commands
# These run under any Python 3.11+ and delegate to the venv's interpreter.


def cmd_venv() -> int:
    py = venv_python()
    if not py.exists():
        print(f"creating {VENV.relative_to(REPO)}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        print(f"{VENV.relative_to(REPO)} is up to date", flush=True)
        return 0
    print(f"installing {REQUIREMENTS.relative_to(REPO)}", flush=True)
    subprocess.run(
        [str(py), "-m", "pip", "install", "--disable-pip-version-check", "--quiet",
         "-r", str(REQUIREMENTS)],
        check=True,
    )
    STAMP.write_text(digest + "\n")
    return 0


def require_venv() -> Path:
    py = venv_python()
    if not py.exists():
        die(f"{VENV} is missing; run `python3 {Path(__file__).name} venv` first")
    return py


def cmd_dump(out_dir: str) -> int:
    py = require_venv()
    return subprocess.run([str(py), str(Path(__file__).resolve()), "_dump", out_dir]).returncode


def cmd_check(specs_dir: str) -> int:
    specs = Path(specs_dir)
    with tempfile.TemporaryDirectory(prefix="fastapi-specs-") as tmp:
        rc = cmd_dump(tmp)
        if rc != 0:
            return rc
        fresh = {p.name: p.read_bytes() for p in Path(tmp).glob("*.json")}
    stored = {p.name: p.read_bytes() for p in specs.glob("*.json")}
    bad = 0
    for name in sorted(fresh.keys() | stored.keys()):
        if name not in stored:
            print(f"missing  {specs / name}")
        elif name not in fresh:
            print(f"extra    {specs / name} (no matching app)")
        elif fresh[name] != stored[name]:
            print(f"stale    {specs / name}")
        else:
            continue
        bad += 1
    print(f"{len(fresh)} apps dumped, {bad} spec files differ")
    return 1 if bad else 0


def cmd_serve(name: str, port: str) -> int:
    py = require_venv()
    if name not in app_names():
        die(f"no app named {name!r} in {APPS_DIR}")
    if not port.isdigit() or not 0 < int(port) < 65536:
        die(f"bad port {port!r}")
    argv = [str(py), str(Path(__file__).resolve()), "_serve", name, port]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
    return 0  # not reached


# ---------------------------------------------------------------- inner commands
# These run under the venv's interpreter, where fastapi and uvicorn exist.


def load_app(name: str):
    sys.dont_write_bytecode = True  # keep tests/fastapi/apps free of __pycache__
    path = APPS_DIR / f"{name}.py"
    modname = f"fastapi_corpus_{name}"
    spec = importlib.util.spec_from_file_location(modname, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module
    spec.loader.exec_module(module)
    app = getattr(module, "app", None)
    if app is None:
        raise ImportError(f"{path} defines no `app`")
    return app


def count_operations(doc: dict) -> int:
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return sum(1 for item in doc.get("paths", {}).values() for m in item if m in methods)


def inner_dump(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    total_ops = 0
    names = app_names()
    for name in names:
        try:
            doc = load_app(name).openapi()
            text = json.dumps(doc, indent=2, sort_keys=False) + "\n"
        except Exception as exc:  # report and keep going
            failures += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
            continue
        (out / f"{name}.json").write_text(text, encoding="utf-8", newline="\n")
        ops = count_operations(doc)
        total_ops += ops
        print(f"ok   {name} (openapi {doc.get('openapi')}, {ops} operations)", flush=True)
    print(f"{len(names) - failures} apps dumped, {failures} failed, {total_ops} operations", flush=True)
    return 1 if failures else 0


def inner_serve(name: str, port: str) -> int:
    import uvicorn

    app = load_app(name)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", access_log=False)
    return 0


# ---------------------------------------------------------------- entry point

USAGE = "usage: fastapi_specs.py {venv | dump OUT_DIR | check [SPECS_DIR] | list | serve NAME PORT}"


def main(argv: list[str]) -> int:
    if not argv:
        die(USAGE)
    cmd, args = argv[0], argv[1:]
    if cmd == "venv" and not args:
        return cmd_venv()
    if cmd == "dump" and len(args) == 1:
        return cmd_dump(args[0])
    if cmd == "check" and len(args) <= 1:
        return cmd_check(args[0] if args else str(SPECS_DIR))
    if cmd == "list" and not args:
        print("\n".join(app_names()))
        return 0
    if cmd == "serve" and len(args) == 2:
        return cmd_serve(*args)
    if cmd == "_dump" and len(args) == 1:
        return inner_dump(args[0])
    if cmd == "_serve" and len(args) == 2:
        return inner_serve(*args)
    die(USAGE)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
