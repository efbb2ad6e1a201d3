#!/usr/bin/env python3
"""Does asyncio.gather() run two queries at once? Not within one context.

Every async ORM method is sync_to_async(..., thread_sensitive=True): within one
"thread-sensitive context" (one asyncio.run(), or one request under Django's ASGI handler) all
such calls share ONE worker thread, so gathered queries run one after another. Separate
requests get separate contexts, and so separate threads: those do overlap.

Part 1 runs under asyncio.run(); part 2 drives get_asgi_application() directly with hand-built
ASGI scopes (loopback only, no server). whoami() records which thread executed each SQL query.
(Fact sheet sections 2c and 2h.)
"""

import asyncio
import json
import sys
import time

from _common import median, print_table, slow_posts, start_django, write_report

QUERY_SECONDS = 0.5
ROUNDS = 2


async def timed(make_awaitables):
    """Run the awaitables concurrently; return (wall seconds, sorted distinct SQL thread names)."""
    started = time.perf_counter()
    values = await asyncio.gather(*make_awaitables())
    wall = time.perf_counter() - started
    threads = set()
    for value in values:
        if isinstance(value, dict):
            threads.update(value.get("sql_threads", []))
        elif hasattr(value, "sql_thread"):
            threads.add(value.sql_thread)
    return wall, sorted(threads)


async def asgi_get(app, path):
    """One GET through the ASGI application; returns the decoded JSON body."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": f"s={QUERY_SECONDS}".encode(), "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 40000), "server": ("testserver", 80),
    }
    body = bytearray()
    status = None
    request_sent = False

    async def receive():
        nonlocal request_sent
        if not request_sent:
            request_sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client never disconnects

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)
    if status != 200:
        raise RuntimeError(f"GET {path} returned {status}: {bytes(body[:200])!r}")
    return json.loads(body)


def cases(app):
    one = lambda: slow_posts(QUERY_SECONDS).afirst()  # noqa: E731
    return [
        ("asyncio.run", "one query", "one_query", 1, lambda: [one()]),
        ("asyncio.run", "two queries, asyncio.gather()", "two_gathered", 2, lambda: [one(), one()]),
        ("asyncio.run", "two asyncio.sleep(), gather() (no ORM)", "two_sleeps", 0,
         lambda: [asyncio.sleep(QUERY_SECONDS), asyncio.sleep(QUERY_SECONDS)]),
        ("ASGI", "1 request, two queries gathered", "asgi_one_request_two_queries", 2,
         lambda: [asgi_get(app, "/two-gathered-queries/")]),
        ("ASGI", "3 concurrent requests, one query each", "asgi_three_requests", 3,
         lambda: [asgi_get(app, "/one-slow-query/") for _ in range(3)]),
    ]


async def measure(app):
    results = []
    for where, label, key, queries, make in cases(app):
        samples = [await timed(make) for _ in range(ROUNDS)]
        wall = median([wall for wall, _ in samples])
        results.append({
            "case": key,
            "context": where,
            "label": label,
            "queries": queries,
            "query_s": QUERY_SECONDS,
            "wall_s": round(wall, 3),
            # queries * QUERY_SECONDS if they ran one after another
            "serial_s": queries * QUERY_SECONDS,
            "sql_threads": len(samples[-1][1]),
            "rounds": ROUNDS,
        })
    return results


def verdict(result):
    if result["queries"] < 2:
        return ""
    overlapped = result["wall_s"] < result["serial_s"] - QUERY_SECONDS / 2
    return "in parallel" if overlapped else "one after another"


def main():
    import logging

    database = start_django("gather_serial")
    logging.disable(logging.CRITICAL)  # keep Django's request logging out of the table
    from django.core.asgi import get_asgi_application

    try:
        results = asyncio.run(measure(get_asgi_application()))
    finally:
        database.unlink(missing_ok=True)
    print_table(
        f"Concurrency of {QUERY_SECONDS} s queries (median of {ROUNDS})",
        ["where", "what", "took", "if serial", "SQL threads", "the queries ran"],
        [
            (r["context"], r["label"], f"{r['wall_s']:.2f} s",
             f"{r['serial_s']:.1f} s" if r["queries"] else "-", r["sql_threads"] or "-", verdict(r) or "-")
            for r in results
        ],
        left=2,
    )
    write_report("gather_serial", {"results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
