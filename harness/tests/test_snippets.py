"""Unit tests for awaitable.snippets (no database needed).

    harness/.venv/bin/python -m unittest discover -s harness/tests -t harness
"""

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from awaitable import boot  # noqa: E402

boot.setup()

from awaitable.snippets import execute, judge, normalize_output, validate  # noqa: E402


def verdict(code, expect, context="async"):
    return judge(expect, execute(code, context, "<test>"))


class ExecuteTests(unittest.TestCase):
    def test_top_level_await_runs_inside_a_loop(self):
        self.assertTrue(verdict("import asyncio\nawait asyncio.sleep(0)\nasyncio.get_running_loop() is not None", {"returns": "True"})[2])

    def test_sync_context_has_no_loop(self):
        code = "import asyncio\ntry:\n    asyncio.get_running_loop()\nexcept RuntimeError:\n    print('no loop')"
        self.assertTrue(verdict(code, {"prints": "no loop"}, "sync")[2])

    def test_returns_uses_repr_of_the_last_expression(self):
        self.assertEqual(verdict("x = 'a'\nx", {"returns": "'a'"}), ("returns 'a'", "returned 'a'", True))
        self.assertFalse(verdict("x = 1", {"returns": "1"})[2])  # no final expression

    def test_repr_is_taken_inside_the_loop(self):
        # A lazy QuerySet's repr() queries the database: in async code that must raise.
        expected, got, ok = verdict("Post.objects.all()", {"returns": "<QuerySet []>"})
        self.assertFalse(ok)
        self.assertIn("returned a value whose repr() raised SynchronousOnlyOperation", got)

    def test_prints_ignores_trailing_white_space(self):
        self.assertTrue(verdict("print('a  ')\nprint()\n", {"prints": "a\n\n"})[2])
        self.assertFalse(verdict("print('a')", {"prints": "b"})[2])

    def test_raises_matches_name_qualname_and_message(self):
        code = "class Post:\n    class DoesNotExist(Exception): pass\nraise Post.DoesNotExist('no row')"
        self.assertTrue(verdict(code, {"raises": "DoesNotExist"})[2])
        self.assertTrue(verdict(code, {"raises": "Post.DoesNotExist", "match": "no row"})[2])
        self.assertFalse(verdict(code, {"raises": "Exception"})[2])  # exact class, not a base
        self.assertFalse(verdict(code, {"raises": "DoesNotExist", "match": "other"})[2])

    def test_unexpected_exception_is_reported_with_its_line(self):
        expected, got, ok = verdict("x = 1\nraise ValueError('boom')", {"ok": True})
        self.assertEqual((expected, got, ok), ("runs without an exception", "raised ValueError: boom (snippet line 2)", False))

    def test_syntax_error_is_an_outcome(self):
        _, got, ok = verdict("await x", {"ok": True}, "sync")
        self.assertFalse(ok)
        self.assertIn("SyntaxError: 'await' outside function", got)

    def test_prelude_names_are_there(self):
        self.assertTrue(verdict("(Post.__name__, User.__name__, sync_to_async.__name__)", {"returns": "('Post', 'User', 'sync_to_async')"})[2])


class HelperTests(unittest.TestCase):
    def test_normalize_output(self):
        self.assertEqual(normalize_output("a \r\nb\t\n\n \n"), "a\nb")

    def test_validate(self):
        good = {"id": "x", "file": "f", "line": 1, "code": "1", "expect": {"ok": True}, "context": "sync"}
        self.assertIsNone(validate(good))
        self.assertIn("exactly one", validate({**good, "expect": {"ok": True, "prints": "1"}}))
        self.assertIn("match", validate({**good, "expect": {"ok": True, "match": "x"}}))
        self.assertIn("context", validate({**good, "context": "thread"}))


if __name__ == "__main__":
    unittest.main()
