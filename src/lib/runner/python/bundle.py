"""Build the Python half of the browser runner: one zip with Django (trimmed), asgiref, sqlparse,
the harness's project (settings, models, fixtures, the snippet judge) and awaitable_runner.py.

    python3 bundle.py --requirements harness/requirements.txt --harness harness \
        --runner src/lib/runner/python/awaitable_runner.py --cache DIR --out django.zip

The packages come from the Python package index exactly as the harness gets them: the pinned
wheels of harness/requirements.txt, downloaded once with pip into --cache (or, offline, the
copies already installed in harness/.venv). Standard library only, so it runs on any Python 3.
"""

import argparse
import os
import subprocess
import sys
import zipfile
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


def add_wheel(bundle, wheel):
    with zipfile.ZipFile(wheel) as source:
        for info in source.infolist():
            if not info.is_dir() and wanted(info.filename):
                bundle.writestr(info.filename, source.read(info), zipfile.ZIP_DEFLATED)


def add_site_packages(bundle, site, top):
    for path in sorted((site / top).rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and wanted(name):
            bundle.write(path, name, zipfile.ZIP_DEFLATED)


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

    trim_stdlib(args.stdlib, args.stdlib_out)

    harness = Path(args.harness)
    wheels = find_wheels(args.requirements, Path(args.cache), harness / ".venv")
    site = next(iter(sorted((harness / ".venv").glob("lib/python3*/site-packages"))), None)
    out = Path(args.out)
    partial = partial_path(out)
    with zipfile.ZipFile(partial, "w", compresslevel=9) as bundle:
        for spec, wheel in wheels.items():
            if wheel is not None:
                add_wheel(bundle, wheel)
                continue
            top = spec.split("==")[0].lower()
            version = spec.split("==")[1]
            if site is None or not (site / f"{top}-{version}.dist-info").exists():
                partial.unlink()
                sys.exit(f"could not get {spec}: pip download failed and harness/.venv does not have it")
            add_site_packages(bundle, site, top)
        for package in ("awaitable", "blog"):
            for path in sorted((harness / package).glob("*.py")):
                bundle.write(path, f"{package}/{path.name}", zipfile.ZIP_DEFLATED)
        bundle.write(args.runner, "awaitable_runner.py", zipfile.ZIP_DEFLATED)
    partial.replace(out)
    print(f"{out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
