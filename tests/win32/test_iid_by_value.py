"""An IID (pywintypes.IID) is a value: it crosses apartments as itself, never by a proxy.

An in-process sink's FindConnectionPoint got a proxy to the caller's IID (and failed) once the
facade was imported: the typed pointer turns the IID string into a PyIID before the call.
"""

from __future__ import annotations

import threading
from typing import Any

from apartment import com
from apartment.testing import StaThread
from apartment.win32 import pywintypes

from ..com._helpers import in_apartment


class Keeper:
    _public_methods_ = ["Take"]

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.taken: list[Any] = []

    def Take(self, value: Any) -> None:  # noqa: N802
        with self.lock:
            self.taken.append(value)


def test_an_iid_crosses_apartments_by_value() -> None:
    keeper = Keeper()
    server = StaThread(lambda: com.marshal(keeper))
    iid = pywintypes.IID("{34A715A0-6587-11D0-924A-0020AFC7AC4D}")
    try:
        in_apartment(lambda: server.result.unmarshal().Take(iid))
    finally:
        server.call(server.result.release)
        server.stop()
    assert keeper.taken == [iid]
    assert type(keeper.taken[0]) is pywintypes.PyIID
