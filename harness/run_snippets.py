#!/usr/bin/env python3
"""Run lesson snippets against Django 5.2 and report whether each behaves as annotated.

    harness/.venv/bin/python harness/run_snippets.py snippets.json [--out results.json]
    ... | harness/.venv/bin/python harness/run_snippets.py -       (snippets on stdin)

Input: a JSON array of snippets (see awaitable/snippets.py and docs/content-format.md).
Output: a JSON array of {id, file, line, expected, got, ok, ms}, in input order.
Exit status: 0 when every snippet behaved as expected, 1 otherwise, 2 on bad input.

Each snippet runs in its own child process, forked from this process after Django is set up
(so a child costs milliseconds, not the ~0.4 s of starting Python and Django), against its own
copy of a migrated and seeded SQLite file. Nothing a snippet does (environment variables such
as DJANGO_ALLOW_ASYNC_UNSAFE, rows written, monkey-patching) can leak into another snippet.
This process itself never opens a database connection, so every child starts pristine.
"""

import argparse
import gc
import json
import multiprocessing
import multiprocessing.connection
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HARNESS_DIR = Path(__file__).resolve().parent


def _ensure_venv_python():
    """Re-run under harness/.venv's Python when started with one that lacks Django."""
    try:
        import django  # noqa: F401
    except ImportError:
        bindir = "Scripts" if os.name == "nt" else "bin"
        venv_python = HARNESS_DIR / ".venv" / bindir / ("python.exe" if os.name == "nt" else "python")
        if not venv_python.exists() or Path(sys.executable) == venv_python:
            sys.exit("Django is not installed for this Python. Run `npm run harness:setup` first.")
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="?", default="-", help="snippets JSON file, or - for stdin")
    parser.add_argument("--out", help="write results JSON here instead of stdout")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="parallel children (default 2)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per snippet (default 30)")
    parser.add_argument("--progress", action="store_true", help="print one character per finished snippet to stderr")
    return parser.parse_args(argv)


class Job:
    def __init__(self, index, snippet, process, workdir, started):
        self.index = index
        self.snippet = snippet
        self.process = process
        self.workdir = workdir
        self.started = started


def run_all(snippets, template, jobs=2, timeout=30.0, on_result=None):
    """Run every snippet (a list of dicts); return the result dicts in the same order."""
    from awaitable import snippets as snippet_module
    from awaitable import worker

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    results = [None] * len(snippets)
    queue = list(enumerate(snippets))
    queue.reverse()  # pop() from the end keeps input order
    running = {}  # process sentinel -> Job

    def finish(index, snippet, verdict, started):
        result = {
            "id": snippet.get("id") if isinstance(snippet, dict) else None,
            "file": snippet.get("file") if isinstance(snippet, dict) else None,
            "line": snippet.get("line") if isinstance(snippet, dict) else None,
            **verdict,
            "ms": round((time.monotonic() - started) * 1000),
        }
        results[index] = result
        if on_result:
            on_result(result)

    try:
        while queue or running:
            while queue and len(running) < jobs:
                index, snippet = queue.pop()
                started = time.monotonic()
                problem = snippet_module.validate(snippet)
                if problem:
                    finish(index, snippet, {"expected": "a valid snippet", "got": problem, "ok": False}, started)
                    continue
                workdir = tempfile.mkdtemp(prefix="awaitable-snippet-")
                process = context.Process(
                    target=worker.run_in_child, args=(snippet, workdir, str(template)), daemon=True
                )
                process.start()
                running[process.sentinel] = Job(index, snippet, process, workdir, started)

            deadline = min(job.started + timeout for job in running.values())
            ready = multiprocessing.connection.wait(list(running), max(0.0, deadline - time.monotonic()))
            now = time.monotonic()
            for sentinel in list(running):
                job = running[sentinel]
                timed_out = sentinel not in ready and now - job.started >= timeout
                if sentinel in ready or timed_out:
                    del running[sentinel]
                    if timed_out:
                        job.process.kill()
                    job.process.join()
                    verdict = _collect(job, timeout if timed_out else None)
                    finish(job.index, job.snippet, verdict, job.started)
    finally:
        for job in running.values():  # only on KeyboardInterrupt or a bug above
            job.process.kill()
            shutil.rmtree(job.workdir, ignore_errors=True)
    return results


def _collect(job, timed_out_after):
    """Read a finished child's verdict from its work directory, then remove the directory."""
    from awaitable.snippets import describe_expectation

    workdir = Path(job.workdir)
    try:
        result_file = workdir / "result.json"
        if result_file.exists():
            # (Even after a timeout: the verdict was reached before the process hung.)
            return json.loads(result_file.read_text(encoding="utf-8"))
        expected = describe_expectation(job.snippet["expect"])
        if timed_out_after is not None:
            got = f"did not finish within {timed_out_after:g} s (killed)"
        else:
            stderr = _tail(workdir / "stderr.txt")
            got = f"the harness child process died (exit code {job.process.exitcode})"
            if stderr:
                got += ":\n" + stderr
        return {"expected": expected, "got": got, "ok": False}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _tail(path, lines=15):
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    _ensure_venv_python()
    if str(HARNESS_DIR) not in sys.path:
        sys.path.insert(0, str(HARNESS_DIR))
    from awaitable import boot, fixtures

    try:
        raw = sys.stdin.read() if args.input == "-" else Path(args.input).read_text(encoding="utf-8")
        snippets = json.loads(raw)
    except (OSError, ValueError) as error:
        print(f"run_snippets: cannot read snippets from {args.input}: {error}", file=sys.stderr)
        return 2
    if not isinstance(snippets, list):
        print("run_snippets: the input must be a JSON array of snippets", file=sys.stderr)
        return 2

    boot.setup()
    boot.preload()
    template = fixtures.template_database()
    # Objects that exist now are shared with every forked child; freezing them keeps the
    # garbage collector from touching (and so copying) their memory pages in each child.
    gc.collect()
    gc.freeze()

    def progress(result):
        if args.progress:
            sys.stderr.write("." if result["ok"] else "F")
            sys.stderr.flush()

    results = run_all(snippets, template, jobs=max(1, args.jobs), timeout=args.timeout, on_result=progress)
    if args.progress:
        sys.stderr.write("\n")
    output = json.dumps(results, indent=2)
    if args.out:
        Path(args.out).write_text(output + "\n", encoding="utf-8")
    else:
        print(output)
    return 0 if all(result["ok"] for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
