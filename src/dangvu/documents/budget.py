"""A hard time limit on the extraction of a long text, in the request.

A long text is extracted in a forked child process that is killed when the budget runs out,
so an upload cannot keep a core busy past it; the child runs only the pure extractor (no
database, no files) and sends its result back through a pipe. Short texts, which extract in
well under a second, are extracted in the request's own process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class BudgetExceeded(Exception):
    """The work did not finish within its budget (it was stopped)."""


def _child(conn: Any, fn: Callable[[Any], Any], arg: Any) -> None:
    try:
        conn.send((True, fn(arg)))
    except BaseException as exc:  # report, never hang the parent
        conn.send((False, repr(exc)))
    finally:
        conn.close()


def run_within(fn: Callable[[Any], T], arg: Any, *, seconds: float) -> T:
    """`fn(arg)` in a forked child; BudgetExceeded when it takes longer than `seconds`,
    RuntimeError when it failed."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, fn, arg), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise BudgetExceeded
        ok, value = receive.recv()
    except EOFError as exc:  # the child died without answering (killed, out of memory)
        raise RuntimeError("extraction process ended without a result") from exc
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if not ok:
        raise RuntimeError(value)
    return value  # type: ignore[no-any-return]
