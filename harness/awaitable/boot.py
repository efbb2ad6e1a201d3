"""Start Django for the harness; helpers shared by the snippet runner and the measurement scripts."""

import os
import sys
import threading
import time
from pathlib import Path

HARNESS_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = HARNESS_DIR.parent
# Scratch space (git-ignored): cached template databases, measurement databases, locks.
WORK_DIR = HARNESS_DIR / ".work"

# The names every snippet starts with (docs/content-format.md, "What the harness gives every
# snippet"). Kept as source text so it can be shown verbatim and exec'd into each namespace.
PRELUDE = """\
import asyncio, time
from asgiref.sync import sync_to_async, async_to_sync
from django.db import transaction
from django.core.exceptions import SynchronousOnlyOperation
from django.contrib.auth.models import User
from blog.models import Author, Post, Tag
"""


def setup():
    """Configure and start Django once per process (safe to call again)."""
    if str(HARNESS_DIR) not in sys.path:
        sys.path.insert(0, str(HARNESS_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awaitable.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def preload():
    """Import, in the runner process, what every snippet would otherwise import on first use.

    Snippet processes are forked from the runner, so anything loaded here is free for each of
    them (the database backend and SQL compiler are imported lazily by Django on the first
    query, ~30 ms per process on a small VM). Only imports and a throwaway event loop: no
    database connection and no threads, which must never exist in a process that forks.
    """
    import asyncio
    import concurrent.futures.thread  # noqa: F401 - used by sync_to_async's executors
    import importlib

    from django.conf import settings
    from django.db.utils import load_backend

    backend = settings.DATABASES["default"]["ENGINE"]
    load_backend(backend)
    for module in ("base", "features", "introspection", "operations", "schema", "creation", "client"):
        importlib.import_module(f"{backend}.{module}")
    for module in ("django.db.models.sql.compiler", "django.db.backends.sqlite3._functions"):
        importlib.import_module(module)

    async def nothing():
        pass

    asyncio.run(nothing())


def use_database(path):
    """Point the default database at `path`. Call before the first query in this process.

    Django reads DATABASES lazily and the connection handler keeps a reference to the same
    dict, so changing NAME here is enough as long as no connection has been opened yet.
    """
    from django.conf import settings
    from django.db import connections

    if any(conn.connection is not None for conn in connections.all(initialized_only=True)):
        raise RuntimeError("use_database() called after a connection was opened")
    settings.DATABASES["default"]["NAME"] = str(path)


def register_sql_helpers():
    """Add SQL functions used by the measurement scripts to every new SQLite connection.

    pysleep(s) makes a query take s seconds *inside the database call*, standing in for a slow
    query; whoami() returns the name of the Python thread that executes the SQL.
    """
    from django.db.backends.signals import connection_created

    def register(sender, connection, **kwargs):
        if connection.vendor == "sqlite":
            connection.connection.create_function("pysleep", 1, _pysleep)
            connection.connection.create_function("whoami", 0, _whoami)

    connection_created.connect(register, weak=False, dispatch_uid="awaitable-sql-helpers")


def _pysleep(seconds):
    time.sleep(seconds)
    return 1


def _whoami():
    return threading.current_thread().name
