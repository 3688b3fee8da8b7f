"""A console input buffer: the queue of input records (keys, mouse, focus, ...) a console holds.

Windows' console turns what the user does into records and queues them; programs read them
(ReadConsoleInput waits for at least one), peek at them, count them, flush them, or queue
their own (WriteConsoleInput), which read back as written, in order. The model is that
queue; records come only from WriteConsoleInput (what a terminal's user types is read, by
ReadConsole, as lines from its descriptor, not turned into records).

Every method may be called from any thread: the buffer's condition orders them.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import EndOfFileError, InvalidParameterError
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "KEY_EVENT",
    "MOUSE_EVENT",
    "WINDOW_BUFFER_SIZE_EVENT",
    "MENU_EVENT",
    "FOCUS_EVENT",
    "InputRecord",
    "InputBuffer",
]

KEY_EVENT = 0x1
MOUSE_EVENT = 0x2
WINDOW_BUFFER_SIZE_EVENT = 0x4
MENU_EVENT = 0x8
FOCUS_EVENT = 0x10
EVENT_TYPES = (KEY_EVENT, MOUSE_EVENT, WINDOW_BUFFER_SIZE_EVENT, MENU_EVENT, FOCUS_EVENT)
_INPUT_MODES = 0x3FF  # ENABLE_PROCESSED_INPUT ... ENABLE_VIRTUAL_TERMINAL_INPUT
DEFAULT_INPUT_MODE = 0x1F7  # processed, line, echo, mouse, insert, quick edit, extended


@dataclass(slots=True)
class InputRecord:
    """One input event (INPUT_RECORD); which fields count depends on ``event_type``.

    Key events: ``key_down``, ``repeat_count``, ``virtual_key_code``, ``virtual_scan_code``,
    ``char`` and ``control_key_state``. Mouse events: ``mouse_position``, ``button_state``,
    ``control_key_state`` and ``event_flags``. Buffer size events: ``size``. Menu events:
    ``command_id``. Focus events: ``set_focus``.
    """

    event_type: int
    key_down: bool = False
    repeat_count: int = 0
    virtual_key_code: int = 0
    virtual_scan_code: int = 0
    char: str = "\0"
    control_key_state: int = 0
    mouse_position: tuple[int, int] = (0, 0)
    button_state: int = 0
    event_flags: int = 0
    size: tuple[int, int] = (0, 0)
    command_id: int = 0
    set_focus: bool = False

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"{self.event_type!r} is no input event type")


class InputBuffer(Waitable):
    """The input records of a console, first in first out.

    Waitable, as Windows' console input handle: signaled while records are queued (a wait
    takes none of them).
    """

    def __init__(self) -> None:
        super().__init__()
        self._changed = threading.Condition(threading.Lock())
        self._records: deque[InputRecord] = deque()
        self._mode = DEFAULT_INPUT_MODE
        self._text = ""  # characters read for ReadConsole and not yet handed out
        self.terminal: int | None = None
        """A terminal's descriptor whose typed lines ReadConsole reads, or None."""

    def __repr__(self) -> str:
        return f"<InputBuffer of {len(self._records)} records>"

    def _take(self, thread: object) -> bool:
        return False  # a wait takes no record

    def _signal(self) -> None:
        """Signaled while records are queued (called under ``_changed``, after a change)."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._ready = bool(self._records)
            if self._ready and self._waiters:
                release_waiters(self, woken)
        for waiter in woken:
            waiter.wake()

    @property
    def mode(self) -> int:
        """The ENABLE_* input mode bits (GetConsoleMode)."""
        return self._mode

    def set_mode(self, mode: int) -> None:
        """Set the input mode bits (SetConsoleMode); ERROR_INVALID_PARAMETER for others."""
        if isinstance(mode, bool) or not isinstance(mode, int):
            raise TypeError(f"a mode is an int, not {mode!r}")
        if mode & ~_INPUT_MODES or mode < 0:
            raise InvalidParameterError(f"{mode:#x} holds no input mode")
        self._mode = mode

    def write(self, records: Iterable[InputRecord]) -> int:
        """Queue copies of ``records`` after those queued (WriteConsoleInput); return how many."""
        copies = [replace(record) for record in records]
        for record in copies:
            if not isinstance(record, InputRecord):
                raise TypeError(f"an input record, not {record!r}")
        with self._changed:
            self._records.extend(copies)
            self._changed.notify_all()
            self._signal()
        return len(copies)

    def read(self, count: int, timeout: float | None = None) -> list[InputRecord]:
        """Take up to ``count`` records, waiting for the first (ReadConsoleInput).

        Returns an empty list if none came within ``timeout`` seconds (None: wait on),
        or if ``count`` is 0.
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"a count is an int of 0 or more, not {count!r}")
        with self._changed:
            if count and not self._changed.wait_for(lambda: self._records, timeout):
                return []
            taken = [self._records.popleft() for _ in range(min(count, len(self._records)))]
            self._changed.notify_all()  # for wait_empty
            self._signal()
            return taken

    def read_text(self, count: int, echo: Callable[[str], object] | None = None) -> str:
        """Read up to ``count`` typed characters (ReadConsole); the rest waits for the next read.

        With ENABLE_LINE_INPUT it waits for a whole line (Enter gives CR LF, backspace
        takes back a character), else for one character. Characters come from the key-down
        records (other records are dropped, as Windows drops them), or, for a terminal's
        console, from the terminal's lines; ``echo`` (ENABLE_ECHO_INPUT) gets what was typed.
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"a count is an int of 0 or more, not {count!r}")
        line = bool(self._mode & 0x2)
        if self.terminal is not None:  # the terminal's lines, read without the lock
            while count and not self._text:
                typed = self._terminal_line()
                with self._changed:
                    self._text += typed
        with self._changed:
            while (
                self.terminal is None
                and count
                and not (self._text.endswith("\n") or (self._text and not line))
            ):
                self._changed.wait_for(lambda: self._records)
                self._take_typed(self._records.popleft(), line, echo)
                self._changed.notify_all()  # for wait_empty
                self._signal()
            text, self._text = self._text[:count], self._text[count:]
            return text

    def _terminal_line(self) -> str:
        assert self.terminal is not None
        data = os.read(self.terminal, 4096)
        if not data:
            raise EndOfFileError("the terminal closed")
        text = data.decode("utf-8", "replace")
        return text[:-1] + "\r\n" if text.endswith("\n") and not text.endswith("\r\n") else text

    def _take_typed(
        self, record: InputRecord, line: bool, echo: Callable[[str], object] | None
    ) -> None:
        if record.event_type != KEY_EVENT or not record.key_down or record.char == "\0":
            return
        for _ in range(max(record.repeat_count, 1)):
            char = "\r\n" if record.char == "\r" and line else record.char
            if char == "\b" and line:
                if self._text and not self._text.endswith("\n"):
                    self._text = self._text[:-1]
            else:
                self._text += char
            if echo is not None:
                echo(char)

    def peek(self, count: int) -> list[InputRecord]:
        """Copies of up to ``count`` queued records, left queued (PeekConsoleInput)."""
        with self._changed:
            return [replace(record) for record in list(self._records)[: max(count, 0)]]

    def count(self) -> int:
        """How many records are queued (GetNumberOfConsoleInputEvents)."""
        with self._changed:
            return len(self._records)

    def flush(self) -> None:
        """Drop every queued record (FlushConsoleInputBuffer)."""
        with self._changed:
            self._records.clear()
            self._changed.notify_all()
            self._signal()

    def wait_empty(self, timeout: float | None = None) -> bool:
        """Wait until every queued record was read or flushed; False if ``timeout`` passed.

        What a program that feeds another's input waits for before its next records.
        """
        with self._changed:
            return self._changed.wait_for(lambda: not self._records, timeout)
