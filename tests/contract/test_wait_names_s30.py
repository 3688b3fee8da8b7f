"""Contract: the QS_* and MWMO_* names win32event has, and the ones it has not (build 312).

pywin32 312's win32event exports twelve QS_* constants and no MWMO_* flag: a script that
writes ``win32event.MWMO_INPUTAVAILABLE`` or ``win32event.QS_ALLPOSTMESSAGE`` fails with
AttributeError there, so it must here too (its users write the numbers or take them from
elsewhere). Asked of the real pywin32 first (under Wine).
"""

from __future__ import annotations

import win32event

QS_NAMES = {
    "QS_ALLEVENTS": 0x04BF,
    "QS_ALLINPUT": 0x04FF,
    "QS_HOTKEY": 0x0080,
    "QS_INPUT": 0x0407,
    "QS_KEY": 0x0001,
    "QS_MOUSE": 0x0006,
    "QS_MOUSEBUTTON": 0x0004,
    "QS_MOUSEMOVE": 0x0002,
    "QS_PAINT": 0x0020,
    "QS_POSTMESSAGE": 0x0008,
    "QS_SENDMESSAGE": 0x0040,
    "QS_TIMER": 0x0010,
}


def test_win32event_has_pywin32s_qs_names_and_values() -> None:
    found = {name: getattr(win32event, name) for name in dir(win32event) if name.startswith("QS_")}
    assert found == QS_NAMES


def test_win32event_has_no_mwmo_flags() -> None:
    assert [name for name in dir(win32event) if name.startswith("MWMO_")] == []


def test_msg_wait_ex_takes_the_mwmo_numbers() -> None:
    mwmo_alertable, mwmo_inputavailable = 0x0002, 0x0004
    event = win32event.CreateEvent(None, True, True, None)
    flags = mwmo_alertable | mwmo_inputavailable
    found = win32event.MsgWaitForMultipleObjectsEx([event], 0, win32event.QS_ALLINPUT, flags)
    assert found == win32event.WAIT_OBJECT_0
