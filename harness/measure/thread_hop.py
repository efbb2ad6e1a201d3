#!/usr/bin/env python3
"""What does one await cost? Per-call time of `Post.objects.get(pk=1)` (sync, no event loop)
against `await Post.objects.aget(pk=1)` (the same get() run through sync_to_async, so each call
hops to the worker thread and back), plus an empty sync_to_async hop on its own.
(Fact sheet section 2c, point 4; script t_c_perf.py.)
"""

import asyncio
import sys
import time

from _common import median, print_table, start_django, write_report

CALLS = 500
ROUNDS = 3


def per_call_sync():
    from blog.models import Post

    started = time.perf_counter()
    for _ in range(CALLS):
        Post.objects.get(pk=1)
    return (time.perf_counter() - started) / CALLS


async def per_call_async():
    from blog.models import Post

    started = time.perf_counter()
    for _ in range(CALLS):
        await Post.objects.aget(pk=1)
    return (time.perf_counter() - started) / CALLS


async def per_empty_hop():
    from asgiref.sync import sync_to_async

    def nothing():
        return None

    hop = sync_to_async(nothing)
    started = time.perf_counter()
    for _ in range(CALLS):
        await hop()
    return (time.perf_counter() - started) / CALLS


def main():
    database = start_django("thread_hop")
    from django.conf import settings

    settings.DEBUG = False  # DEBUG keeps every query in memory, which would skew a loop this long
    try:
        per_call_sync()  # warm up: connection, statement caches
        sync_us = median([per_call_sync() for _ in range(ROUNDS)]) * 1e6

        async def measure():
            await per_call_async()  # warm up the worker thread and its connection
            async_us = median([await per_call_async() for _ in range(ROUNDS)]) * 1e6
            hop_us = median([await per_empty_hop() for _ in range(ROUNDS)]) * 1e6
            return async_us, hop_us

        async_us, hop_us = asyncio.run(measure())
    finally:
        database.unlink(missing_ok=True)

    results = {
        "calls_per_round": CALLS,
        "rounds": ROUNDS,
        "sync_get_us": round(sync_us, 1),
        "await_aget_us": round(async_us, 1),
        "overhead_us": round(async_us - sync_us, 1),
        "empty_sync_to_async_us": round(hop_us, 1),
    }
    print_table(
        f"Per-call cost, SQLite (median of {ROUNDS} rounds of {CALLS} calls)",
        ["call", "per call"],
        [
            ("Post.objects.get(pk=1)  (sync)", f"{sync_us:.0f} µs"),
            ("await Post.objects.aget(pk=1)", f"{async_us:.0f} µs"),
            ("  difference: the thread hop", f"{async_us - sync_us:+.0f} µs"),
            ("await sync_to_async(noop)()", f"{hop_us:.0f} µs"),
        ],
    )
    write_report("thread_hop", {"results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
