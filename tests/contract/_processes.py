"""Reading the Process counters of this process while other programs' processes come and go.

A Process instance is named by its program and a number among the processes of that name
(``python#2``), so the number of this process changes when an earlier process of its name
ends, and a name listed a moment ago may have no process a moment later: a reading made
between two listings names what it meant only if nothing started or ended in between, on
Windows too. :func:`at_a_still_moment` reads again until the answer holds or the process
list (names and ids) was the same before and after the reading: an answer that fails the
rule then fails the test, one read while processes came and went does not.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TypeVar

import pywintypes
import win32pdh
import win32process

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["at_a_still_moment", "STILL_SECONDS"]

_T = TypeVar("_T")

STILL_SECONDS = 20.0
"""How long to retry a reading that the process list changed around (under the heaviest
load, several processes start or end every millisecond: no moment is still then)."""


def _processes() -> tuple[list[str], list[int]]:
    _, instances = win32pdh.EnumObjectItems(None, None, "Process", win32pdh.PERF_DETAIL_WIZARD)
    return list(instances), sorted(win32process.EnumProcesses())


def at_a_still_moment(read: Callable[[], _T], holds: Callable[[_T], bool]) -> _T:
    """``read()``'s answer once it ``holds``, or once it was read at a still moment.

    An answer that holds proves the rule; one that does not proves it broken only if no
    process started or ended around the reading (else it is read again). After
    :data:`STILL_SECONDS` of moving lists the last answer is returned: the test's assertion
    then fails on it. An error is handled so too (raised if still, else read again).
    """
    deadline = time.monotonic() + STILL_SECONDS
    while True:
        before = _processes()
        try:
            answer = read()
        except pywintypes.error:
            if _processes() == before or time.monotonic() > deadline:
                raise
            continue
        if holds(answer) or _processes() == before or time.monotonic() > deadline:
            return answer
