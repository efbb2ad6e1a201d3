"""The child-process side of the snippet runner: one snippet, one process, one database."""

import json
import os
import shutil
import sys
from pathlib import Path

from . import boot, snippets


def run_in_child(snippet, workdir, template):
    """Entry point of each child process.

    Writes the result to workdir/result.json rather than a pipe: simple, and whatever the
    snippet does to its own stdout/stderr cannot corrupt it.
    """
    workdir = Path(workdir)
    # Anything written straight to file descriptors 1 and 2 (C code, os.write, a crash dump)
    # lands in files here instead of the runner's stdout, which may be carrying JSON.
    _redirect_fd(1, workdir / "stdout.txt")
    _redirect_fd(2, workdir / "stderr.txt")

    database = workdir / "db.sqlite3"
    shutil.copyfile(template, database)
    boot.setup()  # a no-op after fork; needed where children are spawned fresh (Windows)
    boot.use_database(database)

    result = snippets.run_snippet(snippet)
    partial = workdir / "result.json.partial"
    partial.write_text(json.dumps(result), encoding="utf-8")
    os.replace(partial, workdir / "result.json")
    # Leave at once: a thread the snippet left running must not keep this process (and a
    # job slot) alive until the timeout. Nothing else needs cleaning up in a throwaway child.
    os._exit(0)


def _redirect_fd(fd, path):
    sys.stdout.flush()
    sys.stderr.flush()
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(target, fd)
    os.close(target)
