"""Run one snippet and judge its outcome against the expectation written in the lesson.

This module knows nothing about processes or databases: the runner (run_snippets.py) gives each
snippet a fresh process and database, then calls `run_snippet` there.

A snippet is a dict: {"id", "file", "line", "code", "context": "async"|"sync", "expect"}, where
expect is one of {"raises": "Name", "match"?: "fragment"}, {"prints": "text"},
{"returns": "repr"} or {"ok": true}.
"""

import ast
import asyncio
import builtins
import contextlib
import inspect
import io
import traceback

from . import boot

# The last expression statement's value is stored under this name so `returns` can check it.
RESULT_NAME = "__awaitable_last_value__"
_MISSING = object()

EXPECT_KINDS = ("raises", "prints", "returns", "ok")


class Outcome:
    """What happened when a snippet ran."""

    def __init__(self, stdout, value_repr=_MISSING, error=None, error_line=None):
        self.stdout = stdout
        # repr() of the last expression's value (_MISSING if the snippet doesn't end with an
        # expression); if repr() itself raised, the exception instead of a string.
        self.value_repr = value_repr
        self.error = error  # the exception the snippet raised, or None
        self.error_line = error_line  # line within the snippet where it was raised


def validate(snippet):
    """Return a description of what is wrong with a snippet dict, or None if it is usable."""
    if not isinstance(snippet, dict):
        return "a snippet must be a JSON object"
    for key, kind in (("id", str), ("file", str), ("code", str)):
        if not isinstance(snippet.get(key), kind):
            return f"snippet field {key!r} must be a string"
    if snippet.get("context", "async") not in ("async", "sync"):
        return 'snippet field "context" must be "async" or "sync"'
    expect = snippet.get("expect")
    if not isinstance(expect, dict):
        return 'snippet field "expect" must be an object'
    kinds = [k for k in EXPECT_KINDS if k in expect]
    if len(kinds) != 1:
        return f"expect must have exactly one of {', '.join(EXPECT_KINDS)}; got {sorted(expect)}"
    kind = kinds[0]
    if kind == "ok" and expect["ok"] is not True:
        return "expect.ok must be true"
    if kind != "ok" and not isinstance(expect[kind], str):
        return f"expect.{kind} must be a string"
    if "match" in expect and (kind != "raises" or not isinstance(expect["match"], str)):
        return "expect.match is a string and only goes with raises"
    extra = set(expect) - {kind, "match"}
    if extra:
        return f"unknown expect keys: {sorted(extra)}"
    return None


def compile_snippet(code, context, filename):
    """Compile the snippet, capturing the value of a final expression statement.

    In the async context top-level await (and async for / async with) is allowed: compiling with
    PyCF_ALLOW_TOP_LEVEL_AWAIT makes the code object a coroutine when it uses them.
    """
    tree = ast.parse(code, filename, "exec")
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = tree.body[-1]
        tree.body[-1] = ast.copy_location(
            ast.Assign(targets=[ast.Name(RESULT_NAME, ast.Store())], value=last.value), last
        )
        ast.fix_missing_locations(tree)
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if context == "async" else 0
    return compile(tree, filename, "exec", flags=flags, dont_inherit=True)


def fresh_namespace():
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    exec(boot.PRELUDE, namespace)
    return namespace


def execute(code, context="async", filename="<snippet>"):
    """Run snippet source and return its Outcome. Only the snippet's own stdout is captured."""
    stdout = io.StringIO()
    namespace = fresh_namespace()
    namespace[RESULT_NAME] = _MISSING
    try:
        with contextlib.redirect_stdout(stdout):
            compiled = compile_snippet(code, context, filename)
            if context == "async":
                value_repr = asyncio.run(_run_async(compiled, namespace))
            else:
                exec(compiled, namespace)
                value_repr = _final_repr(namespace)
    except BaseException as error:  # noqa: BLE001 - SystemExit etc. are outcomes too
        return Outcome(stdout.getvalue(), error=error, error_line=_snippet_line(error, filename))
    return Outcome(stdout.getvalue(), value_repr=value_repr)


async def _run_async(compiled, namespace):
    # Evaluated inside a running event loop, exactly like the body of an `async def` view.
    result = eval(compiled, namespace)
    if compiled.co_flags & inspect.CO_COROUTINE:
        await result
    # Still inside the loop: repr() of a lazy QuerySet runs a query, and that must behave as it
    # would in async code (raise SynchronousOnlyOperation), not succeed after the loop is gone.
    return _final_repr(namespace)


def _final_repr(namespace):
    value = namespace.get(RESULT_NAME, _MISSING)
    if value is _MISSING:
        return _MISSING
    try:
        return repr(value)
    except Exception as error:  # noqa: BLE001 - reported as the outcome of `returns`
        return error


def _snippet_line(error, filename):
    """The line in the snippet where `error` was raised (the deepest frame in the snippet)."""
    if isinstance(error, SyntaxError) and error.filename == filename:
        return error.lineno
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == filename:
            line = lineno
    return line


# --- judging -------------------------------------------------------------------------------


def normalize_output(text):
    """Trailing white space on each line and trailing blank lines don't count."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def exception_names(error):
    cls = type(error)
    return {cls.__name__, cls.__qualname__, f"{cls.__module__}.{cls.__qualname__}"}


def describe_error(error, line=None):
    # A SyntaxError's str() embeds the internal file name; its .msg is the useful part.
    message = error.msg if isinstance(error, SyntaxError) and error.msg else str(error)
    text = f"{type(error).__qualname__}: {message}" if message else type(error).__qualname__
    return f"{text} (snippet line {line})" if line else text


def _labelled(label, text):
    """'prints Hello' for one line, or the label then the text indented, for several."""
    if text == "":
        return f"{label} nothing"
    if "\n" in text:
        return f"{label}:\n" + "\n".join("    " + line for line in text.split("\n"))
    return f"{label} {text}"


def describe_expectation(expect):
    if "raises" in expect:
        if "match" in expect:
            return f"raises {expect['raises']} with message containing {expect['match']!r}"
        return f"raises {expect['raises']}"
    if "prints" in expect:
        return _labelled("prints", normalize_output(expect["prints"]))
    if "returns" in expect:
        return f"returns {expect['returns'].strip()}"
    return "runs without an exception"


def describe_outcome(expect, outcome):
    """Say what happened, in the terms of what was expected."""
    parts = []
    if "prints" in expect:
        parts.append(_labelled("printed", normalize_output(outcome.stdout)))
    if outcome.error is not None:
        parts.append("raised " + describe_error(outcome.error, outcome.error_line))
    elif "returns" in expect:
        if outcome.value_repr is _MISSING:
            parts.append("ended without a final expression, so there is no value to compare")
        elif isinstance(outcome.value_repr, BaseException):
            parts.append("returned a value whose repr() raised " + describe_error(outcome.value_repr))
        else:
            parts.append(f"returned {outcome.value_repr}")
    elif not parts:
        parts.append("ran without an exception")
    return "; then ".join(parts)


def matches(expect, outcome):
    if "raises" in expect:
        error = outcome.error
        return (
            error is not None
            and expect["raises"].strip() in exception_names(error)
            and expect.get("match", "") in str(error)
        )
    if outcome.error is not None:
        return False
    if "prints" in expect:
        return normalize_output(outcome.stdout) == normalize_output(expect["prints"])
    if "returns" in expect:
        return isinstance(outcome.value_repr, str) and normalize_output(outcome.value_repr) == normalize_output(
            expect["returns"].strip()
        )
    return True  # ok


def judge(expect, outcome):
    """Return (expected, got, ok): two human-readable descriptions and the verdict."""
    return describe_expectation(expect), describe_outcome(expect, outcome), matches(expect, outcome)


def run_snippet(snippet):
    """Run a validated snippet dict in this process and return its result dict."""
    filename = f"<snippet {snippet['id']}>"
    outcome = execute(snippet["code"], snippet.get("context", "async"), filename)
    expected, got, ok = judge(snippet["expect"], outcome)
    error = outcome.error
    if not ok and snippet.get("context") == "sync" and isinstance(error, SyntaxError):
        if "outside" in str(error.msg) and ("await" in error.msg or "async" in error.msg):
            got += ' [top-level await needs the default async context; drop context="sync"]'
    return {"expected": expected, "got": got, "ok": ok}
