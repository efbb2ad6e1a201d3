"""The fixture data every snippet sees, and a cached, ready-to-copy template database.

Run as a script (`python -m awaitable.fixtures PATH`) to build a database file at PATH.
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from . import boot


def load_fixtures():
    """Create the rows listed in docs/content-format.md. Primary keys are given explicitly so
    they come out exactly as documented, whatever the database's sequence state."""
    from django.contrib.auth.models import User

    from blog.models import Author, Post, Tag

    ada = Author.objects.create(pk=1, name="Ada")
    bob = Author.objects.create(pk=2, name="Bob")
    django_tag = Tag.objects.create(pk=1, name="django")
    async_tag = Tag.objects.create(pk=2, name="async")
    hello = Post.objects.create(pk=1, title="Hello", published=True, author=ada)
    Post.objects.create(pk=2, title="Draft", published=False, author=ada)
    Post.objects.create(pk=3, title="Second", published=True, author=bob)
    hello.tags.add(django_tag, async_tag)
    User.objects.create_user("alice", password="pw", id=1, is_active=True)
    User.objects.create_user("bob", password="pw", id=2, is_active=False)
    User.objects.create_user("carol", password="pw", id=3, is_active=True)


def build_database(path):
    """Create the schema (the blog app has no migrations, hence run_syncdb) and the fixtures."""
    from django.core.management import call_command
    from django.db import connections

    boot.setup()
    boot.use_database(path)
    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    load_fixtures()
    connections.close_all()


def _fingerprint():
    """Changes whenever something that shapes the database changes."""
    import django

    digest = hashlib.sha256()
    for source in (
        boot.HARNESS_DIR / "awaitable" / "settings.py",
        boot.HARNESS_DIR / "awaitable" / "fixtures.py",
        boot.HARNESS_DIR / "blog" / "models.py",
    ):
        digest.update(source.read_bytes())
    digest.update(f"{django.get_version()} {sqlite3.sqlite_version}".encode())
    return digest.hexdigest()[:16]


def template_database():
    """Return the path of a migrated, seeded database to copy for each snippet.

    Built once and cached under harness/.work, keyed by a fingerprint of the models, fixtures
    and Django version. It is built in a separate Python process so that the caller never
    opens a database connection (the snippet runner forks children from a pristine process).
    """
    boot.WORK_DIR.mkdir(parents=True, exist_ok=True)
    template = boot.WORK_DIR / f"template-{_fingerprint()}.sqlite3"
    if template.exists():
        return template
    # Build beside the final name and rename: concurrent runs never see a half-built file.
    fd, partial = tempfile.mkstemp(prefix="template-", suffix=".partial", dir=boot.WORK_DIR)
    os.close(fd)
    os.unlink(partial)  # SQLite must create the file itself
    try:
        subprocess.run(
            [sys.executable, "-m", "awaitable.fixtures", partial],
            cwd=boot.HARNESS_DIR,
            check=True,
        )
        os.replace(partial, template)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return template


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m awaitable.fixtures PATH")
    build_database(Path(sys.argv[1]))
