"""Settings for the harness project (Django 5.2).

Deliberately minimal: the apps the lessons use, a file-based SQLite database (an in-memory one
would not be shared with the worker thread that sync_to_async runs queries in), and the
cheapest password hasher so the fixture users are created quickly.
"""

import os
from pathlib import Path

HARNESS_DIR = Path(__file__).resolve().parent.parent

DEBUG = True
SECRET_KEY = "awaitable-harness-not-a-secret"
USE_TZ = True
TIME_ZONE = "UTC"
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "blog",
]
MIDDLEWARE = []
ROOT_URLCONF = "awaitable.urls"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        # The snippet runner points each snippet at its own copy (awaitable.boot.use_database).
        "NAME": os.environ.get("AWAITABLE_DB", str(HARNESS_DIR / ".work" / "db.sqlite3")),
    }
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
