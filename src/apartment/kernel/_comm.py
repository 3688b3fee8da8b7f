r"""Serial (COM) ports: ``CreateFile("COM1")`` on a Linux tty, as Windows' serial driver acts.

A name ``COMn`` (also ``\\.\COMn`` and ``COMn:``, any case) is a port; which tty it is, is
the setting ``APARTMENT_COMPORTS``: ``COM1=/dev/ttyS0;COM3=/dev/ttyUSB0`` (``;`` or ``,``
between entries). A port not named there does not exist (ERROR_FILE_NOT_FOUND), as on a
Windows machine without it. A port is opened exclusively, as Windows opens one: a second open,
by any process, fails with ERROR_ACCESS_DENIED (a ``flock`` on the device).

The tty is put in raw mode. Its settings are Windows' DCB (:mod:`._commstate`); reads follow
the port's COMMTIMEOUTS (:meth:`CommPort.set_timeouts`) and end early, with what arrived, as
Windows' do; a write waits until the driver took all of it (or the write timeout passed).
An overlapped read or WaitCommEvent is carried on by the I/O thread (``_ioservice``), which
completes it; an overlapped write is done at once and completes before WriteFile returns.
A pseudo-terminal (``os.openpty``, a null-modem cable's stand-in) has no modem lines: its
modem status is 0 and setting DTR or RTS does nothing.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import select
import struct
import termios
import threading
import time
from typing import TYPE_CHECKING, NamedTuple

from ..errors import (
    ERROR_INVALID_PARAMETER,
    ERROR_OPERATION_ABORTED,
    InvalidParameterError,
    Win32Error,
)
from ._commstate import CommState, apply_state, state_of
from ._file import File, os_error
from ._filemodes import FILE_READ_DATA, FILE_WRITE_DATA
from ._ioservice import IO_LOCK, READABLE, service
from ._overlapped import PENDING, IoResult, begin, complete

if TYPE_CHECKING:
    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = [
    "CommPort", "CommStatus",
    "EV_RXCHAR", "EV_RXFLAG", "EV_TXEMPTY", "EV_CTS", "EV_DSR", "EV_RLSD", "EV_BREAK",
    "EV_ERR", "EV_RING",
    "PURGE_TXABORT", "PURGE_RXABORT", "PURGE_TXCLEAR", "PURGE_RXCLEAR",
    "SETXOFF", "SETXON", "SETRTS", "CLRRTS", "SETDTR", "CLRDTR", "SETBREAK", "CLRBREAK",
    "MS_CTS_ON", "MS_DSR_ON", "MS_RING_ON", "MS_RLSD_ON",
]  # fmt: skip

EV_RXCHAR, EV_RXFLAG, EV_TXEMPTY, EV_CTS, EV_DSR, EV_RLSD = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
EV_BREAK, EV_ERR, EV_RING = 0x40, 0x80, 0x100
PURGE_TXABORT, PURGE_RXABORT, PURGE_TXCLEAR, PURGE_RXCLEAR = 0x1, 0x2, 0x4, 0x8
SETXOFF, SETXON, SETRTS, CLRRTS, SETDTR, CLRDTR, SETBREAK, CLRBREAK = 1, 2, 3, 4, 5, 6, 8, 9
MS_CTS_ON, MS_DSR_ON, MS_RING_ON, MS_RLSD_ON = 0x10, 0x20, 0x40, 0x80
_MAXDWORD = 0xFFFFFFFF
_TIOCSBRK = getattr(termios, "TIOCSBRK", 0x5427)  # Linux's; Python's termios lacks them
_TIOCCBRK = getattr(termios, "TIOCCBRK", 0x5428)
_POLL = 0.05  # how often a port's line changes are looked at while an event is awaited
_MODEM_BITS = (
    (termios.TIOCM_CTS, MS_CTS_ON, EV_CTS),
    (termios.TIOCM_DSR, MS_DSR_ON, EV_DSR),
    (termios.TIOCM_RNG, MS_RING_ON, EV_RING),
    (termios.TIOCM_CAR, MS_RLSD_ON, EV_RLSD),
)


class CommStatus(NamedTuple):
    """ClearCommError's COMSTAT: bytes waiting in each queue (no holds are reported)."""

    in_queue: int
    out_queue: int


class _Read:
    """A pending overlapped read: where it writes, how much it has, when it gives up."""

    __slots__ = ("deadline", "got", "interval", "last", "overlapped", "view")

    def __init__(self, overlapped: Overlapped, view: memoryview, deadline: float | None) -> None:
        self.overlapped, self.view, self.got = overlapped, view, 0
        self.deadline, self.last = deadline, 0.0
        self.interval: float | None = None


class CommPort(File):
    """An open serial port (the file object of a ``COMn`` handle). Thread-safe."""

    __slots__ = ("_fd", "_kept", "_lines", "_lock", "_mask", "_read", "_timeouts", "_waiting")

    kind = "comm port"

    def __init__(self, name: str, fd: int, access: int, overlapped_io: bool) -> None:
        super().__init__(name, access, overlapped_io)
        self._fd = fd
        self._lock = threading.Lock()  # the port's state below; taken after IO_LOCK
        self._kept = CommState()  # what termios has no place for
        self._timeouts = (0, 0, 0, 0, 0)
        self._mask = 0
        self._lines = self._modem_lines()
        self._read: _Read | None = None
        self._waiting: Overlapped | None = None  # a pending overlapped WaitCommEvent

    # -- settings -----------------------------------------------------------------------------

    def state(self) -> CommState:
        """The port's DCB (GetCommState)."""
        self._check_open()
        with self._lock:
            return state_of(termios.tcgetattr(self._fd), self._kept)

    def set_state(self, state: CommState) -> None:
        """Configure the port as ``state`` says (SetCommState); 87 for what it cannot do."""
        self._check_open()
        with self._lock:
            try:
                attributes = apply_state(termios.tcgetattr(self._fd), state)
                termios.tcsetattr(self._fd, termios.TCSANOW, attributes)
            except termios.error as exc:
                raise Win32Error.from_code(ERROR_INVALID_PARAMETER, str(exc)) from None
            self._kept = state

    def timeouts(self) -> tuple[int, int, int, int, int]:
        """COMMTIMEOUTS: (ReadIntervalTimeout, ReadTotalTimeoutMultiplier,
        ReadTotalTimeoutConstant, WriteTotalTimeoutMultiplier, WriteTotalTimeoutConstant)."""  # noqa: D205, D209
        self._check_open()
        return self._timeouts

    def set_timeouts(self, timeouts: tuple[int, int, int, int, int]) -> None:
        """Set the read and write timeouts, in milliseconds (SetCommTimeouts)."""
        self._check_open()
        if len(timeouts) != 5 or not all(0 <= value <= _MAXDWORD for value in timeouts):
            raise InvalidParameterError(f"COMMTIMEOUTS is five DWORDs, not {timeouts!r}")
        if timeouts[0] == timeouts[1] == _MAXDWORD and timeouts[2] == _MAXDWORD:
            raise InvalidParameterError("ReadTotalTimeoutConstant cannot also be MAXDWORD")
        self._timeouts = tuple(timeouts)  # type: ignore[assignment]

    def setup(self, in_queue: int, out_queue: int) -> None:
        """Ask for queue sizes (SetupComm): the tty's own queues serve; checked only."""
        self._check_open()
        if in_queue < 0 or out_queue < 0:
            raise InvalidParameterError("a queue size is 0 or more")

    # -- reading and writing ------------------------------------------------------------------

    def _read_plan(self, wanted: int) -> tuple[str, float | None, float | None]:
        """How a read of ``wanted`` bytes ends: its kind, total timeout and interval (s)."""
        interval, multiplier, constant = self._timeouts[:3]
        if interval == _MAXDWORD and multiplier == 0 and constant == 0:
            return "now", None, None  # what has arrived, at once
        if interval == _MAXDWORD and multiplier == _MAXDWORD:
            return "one", constant / 1000, None  # a byte or more, or the constant passes
        total = multiplier * wanted + constant
        gap = None if interval in (0, _MAXDWORD) else interval / 1000
        return "all", (total / 1000 if total else None), gap

    def _take_bytes(self, view: memoryview) -> int:
        try:
            return os.readv(self._fd, [view]) if len(view) else 0
        except BlockingIOError:
            return 0
        except OSError as exc:
            if exc.errno == errno.EIO:  # the other end of a pty closed: nothing more comes
                return 0
            raise os_error(exc, f"reading {self.name}") from None

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Read what arrives into ``buffer``, until it is full or a COMMTIMEOUT ends it."""
        self._check_open()
        self._need(FILE_READ_DATA, "read it")
        view = memoryview(buffer).cast("B")
        if view.readonly:
            raise TypeError("a read needs a writable buffer")
        kind, total, gap = self._read_plan(len(view))
        start = time.monotonic()
        if overlapped is None:
            if self.overlapped_io:
                raise InvalidParameterError(f"{self.name} was opened with FILE_FLAG_OVERLAPPED")
            return IoResult(0, self._read_now(view, kind, start, total, gap))
        begin(overlapped)
        overlapped.completion = self.completion
        pending = _Read(overlapped, view, None if total is None else start + total)
        pending.interval = gap
        with IO_LOCK, self._lock:
            if self._read is not None:
                self._finish_read(ERROR_OPERATION_ABORTED)  # one read at a time here
            self._read = pending
            self._step_read(kind)
        return PENDING

    def _read_now(
        self, view: memoryview, kind: str, start: float, total: float | None, gap: float | None
    ) -> int:
        got, last = 0, start
        while True:
            count = self._take_bytes(view[got:])
            now = time.monotonic()
            if count:
                got, last = got + count, now
            if got == len(view) or kind == "now" or (kind == "one" and got):
                return got
            limits = [start + total] if total is not None else []
            if gap is not None and got:
                limits.append(last + gap)
            if limits and now >= min(limits):
                return got
            wait = _POLL if not limits else max(0.0, min(min(limits) - now, _POLL))
            self._check_open()
            select.select([self._fd], [], [], wait)

    def _step_read(self, kind: str = "all") -> None:
        """Carry the pending read on (IO_LOCK and the port's lock held): take what arrived,
        complete it when done, else have the I/O thread call again."""  # noqa: D205, D209
        read = self._read
        if read is None:
            return
        count = self._take_bytes(read.view[read.got :])
        now = time.monotonic()
        if count:
            read.got, read.last = read.got + count, now
        limits = [read.deadline] if read.deadline is not None else []
        if read.interval is not None and read.got:
            limits.append(read.last + read.interval)
        if (
            read.got == len(read.view)
            or kind == "now"
            or (kind == "one" and read.got)
            or (limits and now >= min(limits))
        ):
            self._finish_read(0)
            return
        step_kind = kind
        service.arm(self._fd, READABLE, lambda: self._io_step(step_kind))
        if limits:
            service.call_later(max(0.0, min(limits) - now), lambda: self._io_step(step_kind))

    def _io_step(self, kind: str) -> None:
        with IO_LOCK, self._lock:
            if not self._closed:
                self._step_read(kind)
                self._step_wait()

    def _finish_read(self, status: int) -> None:
        read, self._read = self._read, None
        if read is not None:
            complete(read.overlapped, status, read.got if status == 0 else 0)

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Write ``data``: wait until the driver took it all, or the write timeout passed."""
        self._check_open()
        self._need(FILE_WRITE_DATA, "write it")
        view = memoryview(data).cast("B")
        if overlapped is None and self.overlapped_io:
            raise InvalidParameterError(f"{self.name} was opened with FILE_FLAG_OVERLAPPED")
        if overlapped is not None:
            begin(overlapped)
            overlapped.completion = self.completion
        multiplier, constant = self._timeouts[3:]
        total = multiplier * len(view) + constant
        deadline = time.monotonic() + total / 1000 if total else None
        sent = 0
        try:
            while sent < len(view):
                try:
                    sent += os.write(self._fd, view[sent:])
                    continue
                except BlockingIOError:
                    pass
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    break
                self._check_open()
                wait = _POLL if deadline is None else min(deadline - now, _POLL)
                select.select([], [self._fd], [], wait)
        except OSError as exc:
            error = os_error(exc, f"writing {self.name}")
            if overlapped is None:
                raise error from None
            complete(overlapped, error.winerror, 0)
            return PENDING
        if overlapped is None:
            return IoResult(0, sent)
        complete(overlapped, 0, sent)
        return PENDING if self.overlapped_io else IoResult(0, sent)

    def flush(self) -> None:
        """Wait until everything written was sent (FlushFileBuffers: tcdrain)."""
        self._check_open()
        with contextlib.suppress(termios.error):
            termios.tcdrain(self._fd)

    def purge(self, flags: int) -> None:
        """PurgeComm: end pending reads (RXABORT), empty the queues (RXCLEAR, TXCLEAR)."""
        self._check_open()
        with IO_LOCK, self._lock:
            if flags & PURGE_RXABORT:
                self._finish_read(ERROR_OPERATION_ABORTED)
            queues = (termios.TCIFLUSH if flags & PURGE_RXCLEAR else 0) | (
                termios.TCOFLUSH if flags & PURGE_TXCLEAR else 0
            )
            if flags & PURGE_RXCLEAR and flags & PURGE_TXCLEAR:
                queues = termios.TCIOFLUSH
            if queues:
                termios.tcflush(self._fd, queues)

    # -- lines, queues and events ------------------------------------------------------------

    def status(self) -> CommStatus:
        """The bytes waiting to be read and to be sent (ClearCommError's COMSTAT)."""
        self._check_open()
        return CommStatus(self._queued(termios.TIOCINQ), self._queued(termios.TIOCOUTQ))

    def _queued(self, request: int) -> int:
        try:
            raw = fcntl.ioctl(self._fd, request, b"\0\0\0\0")
        except OSError:
            return 0
        return int(struct.unpack("i", raw)[0])

    def _modem_lines(self) -> int:
        try:
            raw = fcntl.ioctl(self._fd, termios.TIOCMGET, b"\0\0\0\0")
        except OSError:
            return 0  # a pty has no modem lines
        return int(struct.unpack("i", raw)[0])

    def modem_status(self) -> int:
        """MS_CTS_ON, MS_DSR_ON, MS_RING_ON, MS_RLSD_ON as the lines are (GetCommModemStatus)."""
        self._check_open()
        lines = self._modem_lines()
        return sum(status for line, status, _ in _MODEM_BITS if lines & line)

    def escape(self, function: int) -> None:
        """EscapeCommFunction: set or clear DTR, RTS or a break; XON/XOFF as if received."""
        self._check_open()
        lines = {SETDTR: termios.TIOCM_DTR, CLRDTR: termios.TIOCM_DTR}
        lines |= {SETRTS: termios.TIOCM_RTS, CLRRTS: termios.TIOCM_RTS}
        try:
            if function in lines:
                request = termios.TIOCMBIS if function in (SETDTR, SETRTS) else termios.TIOCMBIC
                with contextlib.suppress(OSError):  # a pty has no modem lines
                    fcntl.ioctl(self._fd, request, struct.pack("i", lines[function]))
            elif function == SETBREAK:
                fcntl.ioctl(self._fd, _TIOCSBRK)
            elif function == CLRBREAK:
                fcntl.ioctl(self._fd, _TIOCCBRK)
            elif function in (SETXOFF, SETXON):
                termios.tcflow(self._fd, termios.TCOOFF if function == SETXOFF else termios.TCOON)
            else:
                raise InvalidParameterError(f"{function} is no EscapeCommFunction function")
        except (OSError, termios.error) as exc:
            if isinstance(exc, OSError) and exc.errno in (errno.ENOTTY, errno.EINVAL):
                return  # a pty has no break either
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, str(exc)) from None

    def mask(self) -> int:
        """The events WaitCommEvent waits for (GetCommMask)."""
        self._check_open()
        return self._mask

    def set_mask(self, mask: int) -> None:
        """Set the events to wait for (SetCommMask); a pending wait ends with no event."""
        self._check_open()
        with IO_LOCK, self._lock:
            self._mask = mask & 0x1FF
            self._lines = self._modem_lines()
            waiting, self._waiting = self._waiting, None
        if waiting is not None:
            complete(waiting, 0, 0)

    def _events(self) -> int:
        """The awaited events that happened (the port's lock held); line changes are noted."""
        found = 0
        if self._mask & EV_RXCHAR and self._queued(termios.TIOCINQ):
            found |= EV_RXCHAR
        if self._mask & EV_TXEMPTY and not self._queued(termios.TIOCOUTQ):
            found |= EV_TXEMPTY
        lines = self._modem_lines()
        changed, self._lines = lines ^ self._lines, lines
        for line, _, event in _MODEM_BITS:
            if changed & line and self._mask & event:
                found |= event
        return found

    def wait_event(self, overlapped: Overlapped | None = None) -> int:
        """WaitCommEvent: the events of the mask that happened, waiting for one if none has.

        With ``overlapped`` the events found at once are returned (its operation completed),
        else 0 with the operation pending: it completes with the events as its byte count
        (GetOverlappedResult), or 0 when SetCommMask ended it.
        """
        self._check_open()
        with self._lock:
            found = self._events()
            if not self._mask:
                raise InvalidParameterError(f"{self.name} waits for no event: SetCommMask first")
        if overlapped is not None:
            begin(overlapped)
            overlapped.completion = self.completion
            if found:
                complete(overlapped, 0, found)
                return found
            with IO_LOCK, self._lock:
                self._waiting = overlapped
                self._step_wait()
            return 0
        while not found:
            mask = self._mask
            self._check_open()
            select.select([self._fd] if mask & EV_RXCHAR else [], [], [], _POLL)
            with self._lock:
                if self._mask != mask:
                    return 0  # SetCommMask ended the wait
                found = self._events()
        return found

    def _step_wait(self) -> None:
        """Carry the pending WaitCommEvent on (IO_LOCK and the port's lock held)."""
        waiting = self._waiting
        if waiting is None:
            return
        found = self._events()
        if found:
            self._waiting = None
            complete(waiting, 0, found)
            return
        if self._mask & EV_RXCHAR and self._read is None:
            service.arm(self._fd, READABLE, lambda: self._io_step("all"))
        service.call_later(_POLL, lambda: self._io_step("all"))

    def close(self) -> None:
        """Close the port: pending operations end (ERROR_OPERATION_ABORTED), the tty is let go."""
        with IO_LOCK, self._lock:
            if self._closed:
                return
            self._closed = True
            self._finish_read(ERROR_OPERATION_ABORTED)
            waiting, self._waiting = self._waiting, None
            service.forget(self._fd)
            os.close(self._fd)
        if waiting is not None:
            complete(waiting, ERROR_OPERATION_ABORTED, 0)
