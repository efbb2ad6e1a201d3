#!/usr/bin/env python3
"""How long does one slow query freeze the event loop?

A sync ORM call inside a running event loop normally raises SynchronousOnlyOperation. With
DJANGO_ALLOW_ASYNC_UNSAFE set it runs instead, on the event loop's own thread, so nothing else
on the loop (other requests, timers) can run until it returns. `await ...afirst()` runs the
same query in a worker thread and leaves the loop free. A heartbeat task ticking every 10 ms
measures the longest the loop was stuck. (Fact sheet section 2b.)
"""

import asyncio
import os
import sys

from _common import max_stall, median, print_table, slow_posts, start_django, write_report

QUERY_SECONDS = 0.5
ROUNDS = 3


async def sync_first_with_unsafe_flag():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"  # only for this call; see the module docstring
    try:
        slow_posts(QUERY_SECONDS).first()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


async def await_afirst():
    await slow_posts(QUERY_SECONDS).afirst()


CASES = [
    ("sync first() with DJANGO_ALLOW_ASYNC_UNSAFE", "sync_unsafe", sync_first_with_unsafe_flag),
    ("await afirst()", "await_afirst", await_afirst),
]


async def measure():
    results = []
    for label, key, action in CASES:
        samples = [await max_stall(action) for _ in range(ROUNDS)]
        results.append(
            {
                "case": key,
                "label": label,
                "query_s": QUERY_SECONDS,
                "max_stall_ms": round(median([stall for stall, _ in samples]) * 1000, 1),
                "wall_s": round(median([wall for _, wall in samples]), 3),
                "rounds": ROUNDS,
            }
        )
    return results


def main():
    database = start_django("loop_stall")
    try:
        results = asyncio.run(measure())
    finally:
        database.unlink(missing_ok=True)
    print_table(
        f"Event-loop stall during one {QUERY_SECONDS} s query (median of {ROUNDS})",
        ["call inside async def", "max loop stall", "call took"],
        [(r["label"], f"{r['max_stall_ms']:.0f} ms", f"{r['wall_s']:.2f} s") for r in results],
    )
    write_report("loop_stall", {"results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
