"""Run lesson samples on real Django inside Pyodide (the browser's Web Worker, or Node for the check).

Pyodide has one thread and an event loop (its WebLoop) that counts as running from the start. Two
changes make Django and asgiref behave as they do on CPython with threads:

- `loop.run_in_executor` (what `sync_to_async` uses to reach its worker thread) runs the function
  after the caller has suspended, with no running loop visible while it runs: what Django's
  `async_unsafe` guard sees in a real worker thread. Setup (migrate, fixtures) and `context: sync`
  samples run the same way.
- asgiref's `CurrentThreadExecutor.run_until_future` waits, without a timeout, for work another
  thread would do. Here nothing else can run, so it raises a clear error instead of freezing.

Each run gets a fresh copy of a migrated, seeded SQLite file (a file, not `:memory:`, as in the
harness), a fresh namespace with the harness's prelude, and the harness's own compile and judge code
(awaitable/snippets.py), so the Node check compares like with like.
"""

import asyncio
import contextlib
import io
import os
import shutil
import sys
import time
import traceback
from asyncio import events

WORK = "/tmp/awaitable"
TEMPLATE = f"{WORK}/template.sqlite3"
DATABASE = f"{WORK}/db.sqlite3"
FILENAME = "<sample>"
# Said when a sample waits for another thread: the reason such samples are not runnable here.
NEEDS_THREADS = (
    "needs real threads: this call waits for work another thread would do, "
    "and Python in the browser has only one thread"
)

_environ = None


@contextlib.contextmanager
def no_running_loop():
    """Hide the running loop, as a worker thread (or a plain script) sees none."""
    saved = events._get_running_loop()
    events._set_running_loop(None)
    try:
        yield
    finally:
        events._set_running_loop(saved)


def _patch_loop(loop):
    def run_in_executor(executor, func, *args):
        future = loop.create_future()

        def call():
            if future.cancelled():
                return
            try:
                with no_running_loop():
                    result = func(*args)
            except BaseException as error:  # noqa: BLE001 - handed to the awaiting coroutine
                future.set_exception(error if isinstance(error, Exception) else RuntimeError(repr(error)))
            else:
                future.set_result(result)

        loop.call_soon(call)
        return future

    loop.run_in_executor = run_in_executor


def _patch_asgiref():
    from asgiref.current_thread_executor import CurrentThreadExecutor

    def run_until_future(self, future):
        raise RuntimeError(NEEDS_THREADS)

    CurrentThreadExecutor.run_until_future = run_until_future


def _utc_zone():
    """Pyodide has no time zone database (its tzdata package is not in the npm package); Django's settings
    (USE_TZ, TIME_ZONE = "UTC") need only UTC, which is a 44-byte TZif file: no transitions, one type."""
    import struct
    import zoneinfo

    try:
        zoneinfo.ZoneInfo("UTC")
        return
    except zoneinfo.ZoneInfoNotFoundError:
        pass
    folder = f"{WORK}/zoneinfo"
    os.makedirs(folder, exist_ok=True)
    header = b"TZif" + b"\0" * 16 + struct.pack(">6l", 0, 0, 0, 0, 1, 4)
    with open(f"{folder}/UTC", "wb") as file:
        file.write(header + struct.pack(">lBB", 0, 0, 0) + b"UTC\0")
    zoneinfo.reset_tzpath([folder])
    zoneinfo.ZoneInfo.clear_cache()


def setup(site):
    """Start Django once and build the template database (migrate + the harness's fixtures)."""
    global _environ
    os.makedirs(WORK, exist_ok=True)
    if site not in sys.path:
        sys.path.insert(0, site)
    os.environ["AWAITABLE_DB"] = DATABASE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awaitable.settings")
    _patch_loop(asyncio.get_event_loop())
    _patch_asgiref()
    _utc_zone()
    from awaitable import boot, fixtures  # noqa: F401 - boot puts the harness on sys.path

    with no_running_loop():
        boot.setup()
        if os.path.exists(TEMPLATE):
            os.remove(TEMPLATE)
        fixtures.build_database(TEMPLATE)
    _environ = dict(os.environ)


def _fresh_database():
    from django.conf import settings
    from django.db import connections

    with no_running_loop():
        connections.close_all()
    os.makedirs(WORK, exist_ok=True)
    shutil.copyfile(TEMPLATE, DATABASE)
    settings.DATABASES["default"]["NAME"] = DATABASE


def _signals():
    """Django's module-level signals (post_save, request_started, user_logged_in, …)."""
    from django.dispatch import Signal

    found = {}
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("django"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, Signal):
                found[id(value)] = value
    return list(found.values())


def _snapshot_signals():
    """What is connected now, to undo what a sample connects (in the harness each sample is a new process)."""
    return [(signal, list(signal.receivers)) for signal in _signals()]


def _restore_signals(snapshot):
    kept = {id(signal) for signal, _ in snapshot}
    for signal, receivers in snapshot:
        with signal.lock:
            signal.receivers[:] = receivers
            signal.sender_receivers_cache.clear()
            signal._dead_receivers = False
    for signal in _signals():
        if id(signal) not in kept and signal.receivers:
            with signal.lock:
                signal.receivers.clear()
                signal.sender_receivers_cache.clear()


def _reset_environ():
    if _environ is not None and dict(os.environ) != _environ:
        os.environ.clear()
        os.environ.update(_environ)


def _exit(status=0):
    """os._exit() would take the whole interpreter down with it; end the sample instead."""
    raise SystemExit(f"os._exit({status}) was called: on a server this ends the process at once")


class OutputLimit(Exception):
    """Raised inside the sample when it prints more than the limit."""


class Stream(io.TextIOBase):
    """A text stream that hands what is written to `emit` and stops the sample past `limit` chars."""

    def __init__(self, emit, limit, name):
        self._emit = emit
        self._limit = limit
        self.name = name
        self.written = 0

    def writable(self):
        return True

    def write(self, text):
        if self.written + len(text) > self._limit:
            room = max(self._limit - self.written, 0)
            if room:
                self._emit(text[:room])
            self.written = self._limit
            raise OutputLimit(f"the sample printed more than {self._limit:,} characters, so it was stopped")
        self.written += len(text)
        self._emit(text)
        return len(text)


async def execute(code, context, emit_out=None, emit_err=None, limit=10**9):
    """Run one sample like the harness does; returns (Outcome, stdout text, seconds)."""
    from awaitable import snippets

    _reset_environ()
    _fresh_database()
    signals = _snapshot_signals()
    captured = io.StringIO()

    def out(text):
        captured.write(text)
        if emit_out is not None:
            emit_out(text)

    stdout = Stream(out, limit, "<stdout>")
    stderr = Stream(emit_err or (lambda text: None), limit, "<stderr>")
    namespace = snippets.fresh_namespace()
    namespace[snippets.RESULT_NAME] = snippets._MISSING
    started = time.perf_counter()
    real_exit = os._exit
    os._exit = _exit
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            compiled = snippets.compile_snippet(code, context, FILENAME)
            if context == "async":
                value_repr = await snippets._run_async(compiled, namespace)
            else:
                with no_running_loop():
                    exec(compiled, namespace)
                    value_repr = snippets._final_repr(namespace)
        outcome = snippets.Outcome(captured.getvalue(), value_repr=value_repr)
    except BaseException as error:  # noqa: BLE001 - SystemExit etc. are outcomes too
        outcome = snippets.Outcome(
            captured.getvalue(), error=error, error_line=snippets._snippet_line(error, FILENAME)
        )
    finally:
        os._exit = real_exit
        _restore_signals(signals)
        with no_running_loop():
            from django.db import connections

            connections.close_all()
    return outcome, time.perf_counter() - started


async def judge(code, context, expect):
    """For the faithfulness check: the harness's verdict on this sample, computed here."""
    from awaitable import snippets

    outcome, _ = await execute(code, context)
    expected, got, ok = snippets.judge(expect, outcome)
    return {"expected": expected, "got": got, "ok": ok}


def format_error(error):
    """A traceback of the sample's own frames (Django's internals left out) and the error line."""
    if isinstance(error, SyntaxError) and error.filename == FILENAME:
        return "".join(traceback.format_exception_only(type(error), error))
    frames = [
        frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == FILENAME
    ]
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)] if frames else []
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)


async def run(code, context, emit_out, emit_err, limit):
    """For the browser: run a sample, streaming its output; returns what the page shows at the end."""
    outcome, seconds = await execute(code, context, emit_out, emit_err, limit)
    error = outcome.error
    result = {"ms": round(seconds * 1000, 1), "error": None, "limit": False}
    if isinstance(error, OutputLimit):
        result["limit"] = True
        result["error"] = str(error)
    elif error is not None:
        result["error"] = format_error(error)
    return result
