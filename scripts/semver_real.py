"""Real version pairs for scripts/semver_agreement.py: the same public spec in
two published versions of one npm package.

Source: ReadMe's OpenAPI examples, the npm package `@readme/oas-examples`
(MIT; its `3.0/json/` folder holds small OpenAPI 3.0 specs, and version 8.2.2
is the one the corpus test uses, tests/corpus/packages.txt). Between the
versions pinned below these specs changed; every other spec of the folder is
byte-identical across them or absent from the older one. The four versions
unpack to about 5 MB.

`expect` is what a reader of the spec diff expects of the generated API; for
review only, like the synthetic pairs'.
"""
import os
from dataclasses import dataclass

PACKAGE = "@readme/oas-examples"
VERSIONS = ["4.0.0", "5.0.0", "6.0.0", "8.2.2"]


@dataclass(frozen=True)
class RealPair:
    name: str
    spec: str  # file name in the package's 3.0/json/ folder
    old: str  # package versions
    new: str
    expect: str
    what: str


REAL_PAIRS = [
    RealPair("readme-petstore", "petstore.json", "4.0.0", "5.0.0", "breaking",
             "uploadFile's body: application/octet-stream -> multipart/form-data; "
             "a default and examples added; empty parameter lists dropped"),
    RealPair("readme-parameters-common", "parameters-common.json", "5.0.0", "6.0.0", "breaking",
             "operations without operationId move to new paths (their method names follow the path): "
             "two removed, three added; summaries and descriptions"),
    RealPair("readme-petstore-simple", "petstore-simple.json", "5.0.0", "6.0.0", "breaking",
             "title changes; /pet/:id -> /pet/{id} (no operationIds) with a required path parameter `id`"),
    RealPair("readme-discriminators", "discriminators.json", "5.0.0", "6.0.0", "compatible",
             "new schemas BaseVehicle, ElectricVehicle, FueledVehicle, PedaledVehicle "
             "and a new operation redoclyQuirk"),
    RealPair("readme-polymorphism", "polymorphism.json", "5.0.0", "6.0.0", "docs-only",
             "one schema description removed"),
    RealPair("readme-security", "security.json", "5.0.0", "6.0.0", "breaking",
             "security scheme oauth2_alternate removed, four oauth2_* schemes and four "
             "operations added; the oauth2 scheme gains flows"),
    RealPair("readme-security-multiple", "security-multiple.json", "5.0.0", "6.0.0", "compatible",
             "the oauth2 scheme gains flows; one operation gains a `basic` alternative"),
    RealPair("readme-server-variables", "server-variables.json", "5.0.0", "6.0.0", "breaking",
             "POST /endpoint (no operationId) removed; four operations with path and "
             "operation-level servers added"),
    RealPair("readme-schema-additional-properties", "schema-additional-properties.json",
             "6.0.0", "8.2.2", "compatible",
             "a new property whose additionalProperties is an anyOf, in two places"),
]


def alias(version):
    return "oas-examples-" + version.replace(".", "-")


def npm_packages():
    """npm specifiers installing every pinned version side by side under aliases."""
    return [f"{alias(v)}@npm:{PACKAGE}@{v}" for v in VERSIONS]


def spec_path(prefix, version, spec):
    return os.path.join(prefix, "node_modules", alias(version), "3.0", "json", spec)
