"""Build the Python half of the browser runner: one zip with Django (trimmed), asgiref, sqlparse,
the harness's project (settings, models, fixtures, the snippet judge) and awaitable_runner.py.

    python3 bundle.py --requirements harness/requirements.txt --harness harness \
        --runner src/lib/runner/python/awaitable_runner.py --cache DIR --out django.zip

The packages come from the Python package index exactly as the harness gets them: the pinned
wheels of harness/requirements.txt, downloaded once with pip into --cache (or, offline, the
copies already installed in harness/.venv). Standard library only, so it runs on any Python 3.
A run whose inputs (digests in `<out>.inputs.json`) are those of the last one keeps the zips that run wrote.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

# The contrib apps the harness project installs (harness/awaitable/settings.py): the lessons use
# User (auth), which needs contenttypes; sessions is installed too; django.test imports staticfiles
# and sites (for the test client and RequestFactory that lessons use). The rest of django/contrib (admin, gis,
# postgres, …) is left out.
KEEP_CONTRIB = {"__init__.py", "auth", "contenttypes", "sessions", "sites", "staticfiles"}
# Only English messages: Django falls back to the source strings, which are English.
KEEP_LOCALES = {"en"}
SKIP_SUFFIXES = (".pyc", ".po")
# Database backends other than SQLite, and the list of common passwords (for a validator the harness does
# not configure): about 0.2 MB the browser would download for nothing.
SKIP_DJANGO = ("django/db/backends/postgresql/", "django/db/backends/mysql/", "django/db/backends/oracle/",
               "django/contrib/auth/common-passwords.txt.gz")

# Parts of Pyodide's standard library (python_stdlib.zip) no sample can use in the browser, left out of the
# first Run's download (about 0.4 MB): the interactive debugger and REPL, documentation, mail
# clients, and the text encodings beyond the Unicode and Latin ones.
SKIP_STDLIB = ("_pyrepl/", "pydoc_data/", "xmlrpc/", "idlelib/", "tkinter/", "turtledemo/",
               "ensurepip/", "venv/", "pdb.py", "pydoc.py", "imaplib.py", "mailbox.py", "poplib.py", "nntplib.py")
KEEP_ENCODINGS = {"__init__", "aliases", "ascii", "charmap", "cp437", "cp1252", "idna", "latin_1", "punycode",
                  "raw_unicode_escape", "unicode_escape", "utf_16", "utf_16_be", "utf_16_le", "utf_32",
                  "utf_32_be", "utf_32_le", "utf_7", "utf_8", "utf_8_sig", "base64_codec", "hex_codec",
                  "mbcs", "undefined"}


def wanted(name):
    """Whether a path inside a wheel (e.g. django/contrib/admin/…) belongs in the bundle."""
    parts = name.split("/")
    top = parts[0]
    if top.endswith(".dist-info"):
        return False
    if name.endswith(SKIP_SUFFIXES) or "__pycache__" in parts:
        return False
    if name.startswith(SKIP_DJANGO):
        return False
    if top == "django":
        if len(parts) > 2 and parts[1] == "contrib" and parts[2] not in KEEP_CONTRIB:
            return False
        if "locale" in parts:
            i = parts.index("locale")
            if len(parts) > i + 2 and parts[i + 1] not in KEEP_LOCALES:
                return False
        if len(parts) > 1 and parts[1] in ("bin",):
            return False
    return True


def stdlib_wanted(name):
    """Whether a file of Pyodide's python_stdlib.zip is kept."""
    if name.startswith(SKIP_STDLIB):
        return False
    if name.startswith("encodings/") and name.endswith(".py"):
        return name[len("encodings/"):-3] in KEEP_ENCODINGS
    return True


def partial_path(out):
    """Where `out` is written before it is renamed into place: one per process, so builds running at the same
    time (npm test runs some side by side) never write into each other's file."""
    out = Path(out)
    return out.with_name(f"{out.name}.{os.getpid()}.partial")


def trim_stdlib(source, out):
    """Copy Pyodide's standard library zip without the parts in SKIP_STDLIB, each entry as it was stored."""
    partial = partial_path(out)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(partial, "w") as trimmed:
        for info in original.infolist():
            if stdlib_wanted(info.filename):
                trimmed.writestr(info, original.read(info), info.compress_type)
    partial.replace(out)


def pinned(requirements):
    names = []
    for line in Path(requirements).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line)
    return names


def find_wheels(requirements, cache, venv):
    """Wheel paths (or None) for every pinned requirement, downloading what is missing."""
    cache.mkdir(parents=True, exist_ok=True)

    def in_cache(spec):
        name, _, version = spec.partition("==")
        stem = f"{name.lower().replace('-', '_')}-{version}-"
        return next((p for p in cache.glob("*.whl") if p.name.lower().startswith(stem)), None)

    specs = pinned(requirements)
    missing = [spec for spec in specs if in_cache(spec) is None]
    if missing:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--dest", str(cache), *missing],
            check=False,
        )
    return {spec: in_cache(spec) for spec in specs}


# Every entry of django.zip gets the same date, permissions and system, and the entries are written sorted by
# name: the zip's bytes (and so the runner's version, a hash of its files) change only when its contents do, and
# readers keep their cached runner across deploys. (A name given to writestr would get the current time; a file
# given to write, its mtime and mode; the .py files carry no bytecode, whose headers would hold mtimes.)
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def write_sorted(out, entries):
    """Write {name: bytes} to the zip at `out`, reproducibly: sorted, fixed metadata, deflated at level 9."""
    with zipfile.ZipFile(out, "w") as bundle:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3  # Unix, whatever machine built it
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, entries[name], compresslevel=9)


def add_wheel(entries, wheel):
    with zipfile.ZipFile(wheel) as source:
        for info in source.infolist():
            if not info.is_dir() and wanted(info.filename):
                entries[info.filename] = source.read(info)


def add_site_packages(entries, site, top):
    for path in sorted((site / top).rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and wanted(name):
            entries[name] = path.read_bytes()


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def inputs_digest(args, wheels, harness):
    """A digest of everything the two zips are made from: this script, the pinned wheels, Pyodide's standard
    library, the harness's project, the runner and the zlib that compresses them. None when a package comes from
    harness/.venv instead of a wheel (the offline fallback, not worth tracking)."""
    if any(wheel is None for wheel in wheels.values()):
        return None
    digest = hashlib.sha256()
    parts = [Path(__file__), Path(args.requirements), Path(args.stdlib), Path(args.runner), *wheels.values()]
    parts += sorted(path for package in ("awaitable", "blog") for path in (harness / package).glob("*.py"))
    for path in parts:
        digest.update(f"{path.parent.name}/{path.name}\0{sha256(path)}\0".encode())
    digest.update(f"zlib {zlib.ZLIB_RUNTIME_VERSION}".encode())
    return digest.hexdigest()


def manifest_path(out):
    return Path(out).with_name(f"{Path(out).name}.inputs.json")


def unchanged(key, outs):
    """Whether the zips on disk were written from inputs with this digest and are as written (their own digests)."""
    try:
        manifest = json.loads(manifest_path(outs[0]).read_text(encoding="utf-8"))
        return manifest["inputs"] == key and all(manifest["outputs"][str(out)] == sha256(out) for out in outs)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def write_manifest(key, outs):
    manifest = {"inputs": key, "outputs": {str(out): sha256(out) for out in outs}}
    partial = partial_path(manifest_path(outs[0]))
    partial.write_text(json.dumps(manifest), encoding="utf-8")
    partial.replace(manifest_path(outs[0]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requirements", required=True)
    parser.add_argument("--harness", required=True)
    parser.add_argument("--runner", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--stdlib", required=True, help="Pyodide's python_stdlib.zip")
    parser.add_argument("--stdlib-out", required=True)
    args = parser.parse_args()

    harness = Path(args.harness)
    wheels = find_wheels(args.requirements, Path(args.cache), harness / ".venv")
    # A build whose inputs are those of the last one reuses its zips (rebuilding them was about half a CPU second).
    key = inputs_digest(args, wheels, harness)
    outs = [Path(args.out), Path(args.stdlib_out)]
    if key is not None and unchanged(key, outs):
        print(f"{args.out} (unchanged)")
        return

    trim_stdlib(args.stdlib, args.stdlib_out)
    site = next(iter(sorted((harness / ".venv").glob("lib/python3*/site-packages"))), None)
    out = Path(args.out)
    entries = {}
    for spec, wheel in wheels.items():
        if wheel is not None:
            add_wheel(entries, wheel)
            continue
        top = spec.split("==")[0].lower()
        version = spec.split("==")[1]
        if site is None or not (site / f"{top}-{version}.dist-info").exists():
            sys.exit(f"could not get {spec}: pip download failed and harness/.venv does not have it")
        add_site_packages(entries, site, top)
    for package in ("awaitable", "blog"):
        for path in (harness / package).glob("*.py"):
            entries[f"{package}/{path.name}"] = path.read_bytes()
    entries["awaitable_runner.py"] = Path(args.runner).read_bytes()
    partial = partial_path(out)
    write_sorted(partial, entries)
    partial.replace(out)
    if key is not None:
        write_manifest(key, outs)
    print(f"{out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
