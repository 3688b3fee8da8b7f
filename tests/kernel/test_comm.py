"""Serial ports: CreateFile("COMn") on a tty, here a pty pair standing for a null-modem cable.

The test's end of the cable is the pty's master; the port is its other end (``APARTMENT_COMPORTS``
maps COM3 to it).
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from apartment import kernel
from apartment.errors import Win32Error
from apartment.win32 import pywintypes, win32event, win32file

if TYPE_CHECKING:
    from collections.abc import Iterator

READ_WRITE = 0xC0000000
OPEN_EXISTING = 3
MAXDWORD = 0xFFFFFFFF


@pytest.fixture
def cable(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """The other end of COM3's cable (the pty's master)."""
    master, slave = os.openpty()
    monkeypatch.setenv("APARTMENT_COMPORTS", f"COM1=/nonexistent;COM3={os.ttyname(slave)}")
    os.close(slave)
    try:
        yield master
    finally:
        os.close(master)


def _open(name: str = "COM3", flags: int = 0) -> Any:
    return win32file.CreateFile(name, READ_WRITE, 0, None, OPEN_EXISTING, flags, None)


def _received(master: int, count: int) -> bytes:
    data = b""
    while len(data) < count:
        assert select.select([master], [], [], 10)[0], "nothing came down the cable"
        data += os.read(master, count - len(data))
    return data


def test_an_unmapped_port_is_not_found(cable: int) -> None:
    for name in ("COM2", "\\\\.\\COM7", "com9:"):
        with pytest.raises(pywintypes.error) as missing:
            _open(name)
        assert missing.value.winerror == 2
    assert kernel.comm_port_name("\\\\.\\com12") == "COM12"
    assert kernel.comm_port_name("COM0") is None
    assert kernel.comm_port_name("COMMON") is None


def test_a_port_has_one_opener(cable: int) -> None:
    port = _open("\\\\.\\COM3")
    try:
        with pytest.raises(pywintypes.error) as refused:
            _open("COM3")
        assert refused.value.winerror == 5
    finally:
        win32file.CloseHandle(port)
    win32file.CloseHandle(_open("com3"))  # free again


def test_bytes_cross_the_cable_both_ways(cable: int) -> None:
    port = _open()
    try:
        assert win32file.WriteFile(port, b"hello") == (0, 5)
        assert _received(cable, 5) == b"hello"
        os.write(cable, b"world")
        win32file.SetCommTimeouts(port, (0, 0, 5000, 0, 0))
        assert win32file.ReadFile(port, 5) == (0, b"world")
    finally:
        win32file.CloseHandle(port)


def test_the_read_timeouts_end_a_read_with_what_came(cable: int) -> None:
    port = _open()
    try:
        win32file.SetCommTimeouts(port, (MAXDWORD, 0, 0, 0, 0))  # at once
        assert win32file.GetCommTimeouts(port) == (MAXDWORD, 0, 0, 0, 0)
        assert win32file.ReadFile(port, 10) == (0, b"")
        os.write(cable, b"ab")
        win32file.SetCommTimeouts(port, (0, 0, 100, 0, 0))  # at most 100 ms in all
        assert win32file.ReadFile(port, 10) == (0, b"ab")
        os.write(cable, b"c")
        win32file.SetCommTimeouts(port, (MAXDWORD, MAXDWORD, 5000, 0, 0))  # a byte or more
        assert win32file.ReadFile(port, 10) == (0, b"c")
        flags, comstat = win32file.ClearCommError(port)
        assert (flags, comstat.cbInQue) == (0, 0)
    finally:
        win32file.CloseHandle(port)


def test_the_dcb_goes_to_the_tty_and_back(cable: int) -> None:
    port = _open()
    try:
        dcb = win32file.GetCommState(port)
        dcb.BaudRate = win32file.CBR_115200
        dcb.ByteSize = 7
        dcb.Parity = win32file.EVENPARITY
        dcb.StopBits = win32file.TWOSTOPBITS
        dcb.fOutX = 1
        win32file.SetCommState(port, dcb)
        read = win32file.GetCommState(port)
        assert (read.BaudRate, read.StopBits, read.fOutX) == (115200, win32file.TWOSTOPBITS, 1)
        # Linux's pty keeps 8 bits and no parity whatever is asked (a serial port takes them)
        assert (read.ByteSize, read.Parity) == (8, win32file.NOPARITY)
        dcb.ByteSize = 9
        with pytest.raises(pywintypes.error) as refused:
            win32file.SetCommState(port, dcb)
        assert refused.value.winerror == 87
        fresh = win32file.DCB()
        assert (fresh.BaudRate, fresh.XonChar) == (0, "\0")  # pywin32's: a str of one
        with pytest.raises(TypeError):
            fresh.XonChar = 0x11
        assert read.XonChar == "\x11"
    finally:
        win32file.CloseHandle(port)


def test_setup_purge_escape_and_modem_status_on_a_pty(cable: int) -> None:
    port = _open()
    try:
        win32file.SetupComm(port, 4096, 4096)
        os.write(cable, b"stale")
        assert _wait_queue(port, 5)
        win32file.PurgeComm(port, win32file.PURGE_RXCLEAR | win32file.PURGE_TXCLEAR)
        assert win32file.ClearCommError(port)[1].cbInQue == 0
        win32file.EscapeCommFunction(port, win32file.SETDTR)  # a pty has no lines: no error
        assert win32file.GetCommModemStatus(port) == 0
        with pytest.raises(pywintypes.error) as refused:
            win32file.EscapeCommFunction(port, 77)
        assert refused.value.winerror == 87
    finally:
        win32file.CloseHandle(port)


def _wait_queue(port: object, count: int) -> bool:
    """Wait (for the pty's line discipline) until ``count`` bytes are in the input queue."""
    win32file.SetCommMask(port, win32file.EV_RXCHAR)
    for _ in range(200):
        if win32file.ClearCommError(port)[1].cbInQue >= count:
            return True
        win32file.WaitCommEvent(port)
    return False


def test_wait_comm_event_overlapped_then_an_overlapped_read(cable: int) -> None:
    port = _open(flags=win32file.FILE_FLAG_OVERLAPPED)
    event = win32event.CreateEvent(None, 1, 0, None)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = event
    try:
        win32file.SetCommMask(port, win32file.EV_RXCHAR)
        assert win32file.GetCommMask(port) == win32file.EV_RXCHAR
        assert win32file.WaitCommEvent(port, overlapped) == (997, 0)  # pending
        assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_TIMEOUT
        os.write(cable, b"xyz")
        assert win32event.WaitForSingleObject(event, 10000) == win32event.WAIT_OBJECT_0
        assert win32file.GetOverlappedResult(port, overlapped, True) == win32file.EV_RXCHAR
        win32file.SetCommTimeouts(port, (MAXDWORD, 0, 1000, 0, 1000))  # the demo's
        count = win32file.ClearCommError(port)[1].cbInQue
        rc, data = win32file.ReadFile(port, count, overlapped)
        assert rc in (0, 997)
        assert win32file.GetOverlappedResult(port, overlapped, True) == count
        buffer: Any = data  # the OVERLAPPED read's buffer, filled as it completed
        assert bytes(buffer[:count]) == b"xyz"[:count]
    finally:
        win32file.CloseHandle(port)
        win32file.CloseHandle(event)


def test_set_comm_mask_ends_a_pending_wait_with_no_event(cable: int) -> None:
    port = _open(flags=win32file.FILE_FLAG_OVERLAPPED)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, 1, 0, None)
    try:
        win32file.SetCommMask(port, win32file.EV_RXCHAR)
        assert win32file.WaitCommEvent(port, overlapped) == (997, 0)
        win32file.SetCommMask(port, win32file.EV_RXCHAR | win32file.EV_CTS)
        assert win32event.WaitForSingleObject(overlapped.hEvent, 10000) == 0
        assert win32file.GetOverlappedResult(port, overlapped, False) == 0  # no event
    finally:
        win32file.CloseHandle(port)
        win32file.CloseHandle(overlapped.hEvent)


def test_a_synchronous_wait_returns_the_event_that_came(cable: int) -> None:
    port = _open()
    win32file.SetCommMask(port, win32file.EV_RXCHAR)
    ended: list[tuple[int, int]] = []
    waiter = threading.Thread(target=lambda: ended.append(win32file.WaitCommEvent(port)))
    try:
        waiter.start()
        os.write(cable, b"!")  # before or after the wait began: either way it is an event
        waiter.join(10)
        assert ended == [(0, win32file.EV_RXCHAR)]
    finally:
        win32file.CloseHandle(port)
        waiter.join(10)


def test_a_closed_port_aborts_its_pending_read(cable: int) -> None:
    port = _open(flags=win32file.FILE_FLAG_OVERLAPPED)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, 1, 0, None)
    win32file.SetCommTimeouts(port, (0, 0, 0, 0, 0))  # wait for the whole buffer
    assert win32file.ReadFile(port, 4, overlapped)[0] == 997
    win32file.CloseHandle(port)
    assert win32event.WaitForSingleObject(overlapped.hEvent, 10000) == win32event.WAIT_OBJECT_0
    assert overlapped.Internal != 0  # STATUS_CANCELLED
    win32file.CloseHandle(overlapped.hEvent)


def test_the_kernel_port_refuses_a_bad_timeout(cable: int) -> None:
    port = kernel.open_file("COM3", READ_WRITE)
    assert isinstance(port, kernel.CommPort)
    try:
        with pytest.raises(Win32Error):
            port.set_timeouts((MAXDWORD, MAXDWORD, MAXDWORD, 0, 0))
    finally:
        port.close()


_PYWIN32 = Path(
    os.environ.get("APARTMENT_PYWIN32_CACHE", Path.home() / ".cache" / "apartment" / "pywin32")
)
_DEMO = _PYWIN32 / "unpacked" / "win32" / "Demos" / "win32comport_demo.py"


@pytest.mark.skipif(not _DEMO.exists(), reason="pywin32's wheel is not unpacked (make test)")
def test_pywin32_comport_demo_talks_over_the_cable(tmp_path: Path) -> None:
    """pywin32's serial terminal demo, its SerialTTY unchanged, with a user at both ends."""
    driver = Path(__file__).resolve().parent / "comport_demo_user.py"
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(driver), str(_DEMO)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "APARTMENT_REGISTRY": str(tmp_path / "registry.sqlite3")},
    )  # fmt: skip
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert "Connected to COM3 at 115200 baud" in done.stdout
    assert "sent b'hi', shown b'hello'" in done.stdout
