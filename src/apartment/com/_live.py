"""Counting the live interface pointers and gateways (pywin32's leak checks).

pywin32's ``_GetInterfaceCount`` and ``_GetGatewayCount`` count its live interface objects
(PyI*) and its live gateways (the server ends of Python COM objects); its tests compare them
with 0 at the end of a run to find leaks. Counting costs every pointer a weak reference, so it
is off until :func:`count_live_objects` turns it on (the pywin32 facade does, on import):
from then on, the pointers and gateways made are counted while they live.
"""

from __future__ import annotations

import weakref
from typing import Any

__all__ = ["count_live_objects", "live_counts"]

pointers: _Live | None = None
"""The live interface pointers made since counting began (None: not counting)."""
gateways: _Live | None = None
"""The live gateways made since counting began (None: not counting)."""


class _Live:
    """Weak references to live objects; each takes itself out when its object dies.

    A set of references (rather than a WeakSet) is the cheapest record: ``add`` makes one
    reference and adds it; set operations need no lock of ours, on the free-threaded build
    too (the set locks itself).
    """

    __slots__ = ("_refs",)

    def __init__(self) -> None:
        self._refs: set[weakref.ref[Any]] = set()

    def add(self, value: object) -> None:
        """Count ``value`` while it lives."""
        self._refs.add(weakref.ref(value, self._refs.discard))

    def __len__(self) -> int:
        return len(self._refs)


def count_live_objects() -> None:
    """Begin counting the interface pointers and gateways made from now on (idempotent)."""
    global pointers, gateways
    if gateways is None:
        gateways = _Live()
    if pointers is None:
        pointers = _Live()


def live_counts() -> tuple[int, int]:
    """``(pointers, gateways)``: how many made since counting began live now (0s if off)."""
    live_pointers, live_gateways = pointers, gateways
    return (
        0 if live_pointers is None else len(live_pointers),
        0 if live_gateways is None else len(live_gateways),
    )
