"""pythoncom's argument checks that come before anything else (the oracle's TypeErrors)."""

from __future__ import annotations

import pytest

from apartment.win32 import pythoncom


@pytest.mark.parametrize("flags", ["x", 1.5, None])
def test_co_initialize_ex_wants_an_int_even_where_it_does_nothing(flags: object) -> None:
    # pywin32 parses the flags before its main-thread shortcut: a TypeError on any thread.
    with pytest.raises(TypeError):
        pythoncom.CoInitializeEx(flags)  # type: ignore[arg-type]


@pytest.mark.parametrize("args", [("a", 0), (0, 1.5)])
def test_pump_waiting_messages_wants_ints(args: tuple[object, object]) -> None:
    with pytest.raises(TypeError, match="cannot be interpreted as an integer"):
        pythoncom.PumpWaitingMessages(*args)  # type: ignore[arg-type]
