"""The Awaitable harness: a tiny Django project plus the code that runs lesson snippets in it."""
