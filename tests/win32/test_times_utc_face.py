"""The facade's times carry win32timezone's UTC, whatever was imported first; naive times
a program passes in are local time, as pywin32 reads them (``astimezone``)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest

from apartment.win32 import install

install()

import win32con  # noqa: E402 - after install()
import win32file  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

SRC = str(Path(__file__).resolve().parents[2] / "src")
ZONE = "TimeZoneInfo('GMT Standard Time', True)"


@pytest.mark.parametrize(
    "first", ["win32process", "pywintypes", "win32file", "pythoncom", "win32evtlog", "win32api"]
)
def test_the_zone_whatever_module_comes_first(first: str) -> None:
    """A module that converts a time while it is imported must not leave a plain UTC behind
    (a lazy import that failed in a cycle did), and win32timezone imports none of them."""
    script = (
        "import sys; from apartment.win32 import install; install()\n"
        "import win32timezone\n"
        "assert 'apartment.win32.win32api' not in sys.modules, 'win32timezone imports win32api'\n"
        "assert 'apartment.win32.pywintypes' not in sys.modules, 'and pywintypes'\n"
        f"import {first}, win32process, win32api\n"
        "times = win32process.GetProcessTimes(win32api.GetCurrentProcess())\n"
        "print(repr(times['CreationTime'].tzinfo), repr(times['ExitTime'].tzinfo))\n"
    )
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == f"{ZONE} {ZONE}"


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Echo:
    _public_methods_: ClassVar[list[str]] = ["Echo"]

    def Echo(self, value: object) -> object:  # noqa: N802 - a COM name
        return value


@pytest.mark.usefixtures("new_york")
def test_naive_times_are_local_time(tmp_path: Path) -> None:
    import win32com.client
    import win32com.server.util

    naive = datetime.datetime(2020, 7, 2, 3, 4, 5)
    utc = datetime.datetime(2020, 7, 2, 7, 4, 5, tzinfo=datetime.timezone.utc)  # EDT is -4
    path = tmp_path / "f.txt"
    path.write_text("x")
    handle = win32file.CreateFile(
        str(path), win32con.GENERIC_WRITE, 7, None, win32con.OPEN_EXISTING, 0, None
    )
    try:
        win32file.SetFileTime(handle, None, None, naive)
        assert win32file.GetFileTime(handle)[2] == utc
        win32file.SetFileTime(handle, None, None, datetime.datetime(1960, 1, 2))  # Windows: OSError
        assert win32file.GetFileTime(handle)[2].hour == 5  # EST is -5
    finally:
        handle.Close()
    echo = win32com.client.Dispatch(win32com.server.util.wrap(Echo()))
    echoed = echo.Echo(naive)
    assert echoed == utc
    assert repr(echoed.tzinfo) == ZONE
    assert echo.Echo(datetime.datetime(1, 1, 1)).year == 1  # local time cannot place it: as UTC


def test_a_due_time_is_a_large_integer() -> None:
    """pywin32 reads SetWaitableTimer's due time as a LARGE_INTEGER: an int, or (high, low)
    with a DeprecationWarning; a datetime warns and fails with its TypeError (oracle)."""
    import win32event

    timer = win32event.CreateWaitableTimer(None, True, None)
    try:
        now = datetime.datetime.now(datetime.timezone.utc)
        with (
            pytest.warns(DeprecationWarning, match="pass a long instead"),
            pytest.raises(TypeError, match=r"^LARGE_INTEGER must be 'int', or '\(int, int\)'$"),
        ):
            win32event.SetWaitableTimer(timer, now, 0, None, None, False)
        with pytest.warns(DeprecationWarning, match="2 integers"):
            win32event.SetWaitableTimer(timer, (-1, -10_000 & 0xFFFFFFFF), 0, None, None, False)
        assert win32event.WaitForSingleObject(timer, 5000) == win32event.WAIT_OBJECT_0  # 1 ms
    finally:
        timer.Close()
