"""Threads with apartments, for COM tests that must not make the test's own thread an STA."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, TypeVar

from apartment import com
from apartment.kernel import start_thread
from apartment.testing import MtaMember as MtaThread
from apartment.testing import StaThread

from .._subprocess import run_python

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MtaThread", "StaThread", "in_apartment", "run_script"]

T = TypeVar("T")


def in_apartment(fn: Callable[[], T], multithreaded: bool = False) -> T:
    """Run ``fn()`` on a new thread in a new STA (or the MTA) and return its result."""
    box: list[Any] = []

    def body() -> None:
        com.initialize(multithreaded)
        try:
            box.append(("ok", fn()))
        except BaseException as error:  # handed to the test thread
            box.append(("error", error))
        finally:
            com.uninitialize()

    thread = start_thread(body)
    assert thread.wait(30)
    kind, value = box[0]
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


def run_script(code: str, *, registry: str | None = None) -> str:
    """Run ``code`` in a fresh interpreter (for rules about process-wide COM state)."""
    return run_python("-c", textwrap.dedent(code), registry=registry)
