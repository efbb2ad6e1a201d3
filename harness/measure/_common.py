"""Shared plumbing for the measurement scripts: Django on a private database, the event-loop
heartbeat, the table printer and the JSON report.

Run the scripts with the harness venv (`npm run measure` does): they need Django 5.2.
"""

import asyncio
import json
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HARNESS_DIR = Path(__file__).resolve().parent.parent
if str(HARNESS_DIR) not in sys.path:
    sys.path.insert(0, str(HARNESS_DIR))

from awaitable import boot, fixtures  # noqa: E402

REPORTS_DIR = boot.REPO_DIR / "reports" / "measure"


def start_django(name):
    """Start Django on a private copy of the fixture database; return its path (delete it after)."""
    boot.setup()
    boot.register_sql_helpers()
    boot.WORK_DIR.mkdir(parents=True, exist_ok=True)
    database = boot.WORK_DIR / f"measure-{name}-{os.getpid()}.sqlite3"
    shutil.copyfile(fixtures.template_database(), database)
    boot.use_database(database)
    return database


def slow_posts(seconds):
    """A queryset whose SQL takes `seconds` inside the database call (SQLite pysleep())."""
    from django.db.models.expressions import RawSQL

    from blog.models import Post

    return Post.objects.annotate(
        slept=RawSQL("pysleep(%s)", (seconds,)), sql_thread=RawSQL("whoami()", ())
    ).order_by("id")


async def max_stall(action, tick=0.01):
    """Run `await action()` while a heartbeat task ticks every `tick` s; return (stall, wall).

    stall: the longest the heartbeat was late, i.e. how long the event loop could not run
    anything else. wall: how long `action` took. Both in seconds.
    """
    stop = asyncio.Event()
    lags = [0.0]

    async def heartbeat():
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(tick)
            lags.append(time.perf_counter() - before - tick)

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(5 * tick)  # let the heartbeat settle
    started = time.perf_counter()
    await action()
    wall = time.perf_counter() - started
    stop.set()
    await beat
    return max(lags), wall


def median(values):
    return statistics.median(values)


def print_table(title, headers, rows, left=1):
    """A plain fixed-width table: the first `left` columns left-aligned, the rest right-aligned."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(headers[i]), *(len(row[i]) for row in cells)) for i in range(len(headers))]

    def line(values):
        return "  ".join(
            value.ljust(width) if i < left else value.rjust(width)
            for i, (value, width) in enumerate(zip(values, widths))
        ).rstrip()

    print(title)
    print(line(headers))
    print("  ".join("-" * width for width in widths))
    for row in cells:
        print(line(row))
    print()


def environment():
    import django

    return {
        "django": django.get_version(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }


def write_report(name, data):
    """Write reports/measure/<name>.json and return its path."""
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    path = REPORTS_DIR / f"{name}.json"
    report = {"script": f"harness/measure/{name}.py", **environment(), **data}
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(boot.REPO_DIR)}")
    return path
