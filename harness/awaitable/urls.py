"""URLs of the harness project. Only the measurement scripts use them (harness/measure/).

The views make a query slow on purpose with the SQLite function pysleep(), which
awaitable.boot.register_sql_helpers() installs; whoami() reports the thread that ran the SQL.
"""

import asyncio

from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.urls import path


def _slow_posts(seconds):
    from blog.models import Post

    return Post.objects.annotate(
        slept=RawSQL("pysleep(%s)", (seconds,)), sql_thread=RawSQL("whoami()", ())
    ).order_by("id")


def _seconds(request):
    return float(request.GET.get("s", "0.5"))


async def one_slow_query(request):
    post = await _slow_posts(_seconds(request)).afirst()
    return JsonResponse({"sql_threads": [post.sql_thread]})


async def two_gathered_queries(request):
    seconds = _seconds(request)
    posts = await asyncio.gather(_slow_posts(seconds).afirst(), _slow_posts(seconds).afirst())
    return JsonResponse({"sql_threads": [post.sql_thread for post in posts]})


urlpatterns = [
    path("one-slow-query/", one_slow_query),
    path("two-gathered-queries/", two_gathered_queries),
]
