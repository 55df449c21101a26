"""The spec change pairs of scripts/semver_agreement.py.

A synthetic pair is one base spec (a fixture of tests/fixtures or spec/hss.yaml)
and one small mutation of it, a function that edits a deep copy of the parsed
spec in place. `expect` is the class a reviewer expects of the change to the
generated Rust API (breaking, compatible, docs-only, none); it is for review
only: the check compares clientgen diff with cargo-semver-checks, not either
with `expect`.

The pairs themselves are in semver_pairs_types.py (schemas, enums, unions,
references) and semver_pairs_api.py (operations, parameters, bodies,
responses, security, the HSS spec, controls); load() returns them all. The real
pairs (scripts/semver_real.py) are versions of public specs.
"""
from dataclasses import dataclass
from typing import Callable

BASES = {
    "auth": "tests/fixtures/auth.yaml",
    "bodies": "tests/fixtures/bodies.yaml",
    "enums": "tests/fixtures/enums.yaml",
    "formats": "tests/fixtures/formats.yaml",
    "keywords": "tests/fixtures/keywords.yaml",
    "one_of": "tests/fixtures/one_of.yaml",
    "optional": "tests/fixtures/optional.yaml",
    "paging": "tests/fixtures/paging.yaml",
    "params": "tests/fixtures/params.yaml",
    "refs": "tests/fixtures/refs.yaml",
    "hss": "spec/hss.yaml",
}


@dataclass(frozen=True)
class Pair:
    name: str
    base: str  # a key of BASES
    expect: str
    what: str
    mutate: Callable[[dict], None]
    old_is_source: bool = False  # old = the base file itself, not its JSON form


PAIRS: list[Pair] = []


def pair(name, base, expect, what, old_is_source=False):
    def register(mutate):
        PAIRS.append(Pair(name, base, expect, what, mutate, old_is_source))
        return mutate
    return register


def schema(spec, name):
    return spec["components"]["schemas"][name]


def props(spec, name):
    return schema(spec, name)["properties"]


def op(spec, path, method):
    return spec["paths"][path][method]


def param(operation, name):
    for p in operation["parameters"]:
        if p.get("name") == name:
            return p
    raise KeyError(name)


def rename_refs(node, old, new):
    """Rewrites every `$ref` to `old` into one to `new`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and value == old:
                node[key] = new
            else:
                rename_refs(value, old, new)
    elif isinstance(node, list):
        for item in node:
            rename_refs(item, old, new)


GET_FILE = ("/users/{user_id}/files/{name}", "get")


# Cheap pairs for CI (`--fixed`): small fixtures, each tool's verdict both ways,
# one known disagreement (a new required parameter) and a control. Each maps to
# its recorded verdicts, (clientgen diff breaking, cargo-semver-checks breaking),
# as in tests/semver/RESULTS.md; `--fixed` fails when either tool's changes.
FIXED = {
    "add-optional-property": (False, False),
    "add-required-property": (True, True),
    "add-required-query-param": (True, False),
    "rename-operation-id": (True, True),
    "summary-only": (False, False),
    "control-identical": (False, False),
}


def load():
    """Every synthetic pair, in definition order."""
    # Importing a module registers its pairs (once: Python imports a module once).
    import semver_pairs_types  # noqa: F401, PLC0415
    import semver_pairs_api  # noqa: F401, PLC0415
    return list(PAIRS)
