#!/usr/bin/env python3
"""Create harness/.venv and install harness/requirements.txt into it (`npm run harness:setup`).

Idempotent and fast when nothing changed: after a successful install a stamp file in the venv
records the requirements' hash and the Python that built the venv; the next run compares the
stamp and returns at once. Uses only the standard library, so any python3 >= 3.10 can run it.

    python3 harness/bootstrap.py            # create or update as needed
    python3 harness/bootstrap.py --force    # rebuild the venv from scratch
"""

import argparse
import contextlib
import hashlib
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

HARNESS_DIR = Path(__file__).resolve().parent
VENV_DIR = HARNESS_DIR / ".venv"
REQUIREMENTS = HARNESS_DIR / "requirements.txt"
STAMP = VENV_DIR / ".awaitable-stamp.json"
LOCK = HARNESS_DIR / ".work" / "bootstrap.lock"


def venv_python():
    if os.name == "nt":
        return VENV_DIR / "Scripts" / "python.exe"
    return VENV_DIR / "bin" / "python"


def wanted_stamp():
    return {
        "requirements_sha256": hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest(),
        # A venv is tied to the installation that made it; a new python3 means a new venv.
        # base_prefix is the same whether this runs under python3 or under the venv's python.
        "python": sys.version.split()[0],
        "base_prefix": sys.base_prefix,
    }


def read_stamp():
    try:
        return json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def exclusive_lock():
    """Serialize concurrent bootstraps (several people may run the checks in one tree)."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no flock; concurrent setup there is unlikely
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def bootstrap(force=False):
    wanted = wanted_stamp()
    if not force and read_stamp() == wanted and venv_python().exists():
        return "up to date"
    with exclusive_lock():
        current = read_stamp()  # another process may have finished while we waited
        if not force and current == wanted and venv_python().exists():
            return "up to date"
        same_python = (
            current is not None
            and current.get("python") == wanted["python"]
            and current.get("base_prefix") == wanted["base_prefix"]
        )
        if force or not same_python or not venv_python().exists():
            if Path(sys.prefix).resolve() == VENV_DIR.resolve():
                sys.exit("harness: the venv must be rebuilt; run this with python3, not the venv's python")
            print(f"harness: creating {VENV_DIR.relative_to(HARNESS_DIR.parent)} with Python {wanted['python']}")
            venv.EnvBuilder(clear=True, with_pip=True).create(VENV_DIR)
        print(f"harness: installing {REQUIREMENTS.relative_to(HARNESS_DIR.parent)}")
        subprocess.run(
            [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "--quiet",
             "-r", str(REQUIREMENTS)],
            check=True,
        )
        STAMP.write_text(json.dumps(wanted, indent=2) + "\n", encoding="utf-8")
        return "installed"


def django_version_in_requirements():
    match = re.search(r"^django==(\S+)", REQUIREMENTS.read_text(encoding="utf-8"), re.I | re.M)
    return match.group(1) if match else "?"


def main():
    parser = argparse.ArgumentParser(description="Create or update the harness virtualenv.")
    parser.add_argument("--force", action="store_true", help="delete and rebuild the venv")
    args = parser.parse_args()
    if sys.version_info < (3, 10):
        sys.exit(f"harness: Python 3.10+ is needed (this is {sys.version.split()[0]})")
    try:
        state = bootstrap(force=args.force)
    except subprocess.CalledProcessError as error:
        sys.exit(f"harness: setup failed ({error}). Is the package index reachable? See harness/README.md.")
    print(f"harness: venv {state} (Django {django_version_in_requirements()})")


if __name__ == "__main__":
    main()
