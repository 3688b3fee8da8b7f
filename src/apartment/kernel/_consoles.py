"""The process's console: whether it has one, its title, code pages, buffers and processes.

A Windows process has at most one console. Here a process has one from the start when a
standard descriptor (0, 1 or 2) is a terminal: its screen buffer draws on that terminal and
its handles are the standard handles of those descriptors. A process without one (its
standard streams are pipes or files, or it freed its console) gets a new console from
:func:`alloc_console`: a console of the model only, shown on no terminal, whose input and
screen buffer become the standard handles (and the ones before come back on
:func:`free_console`), or attaches to the terminal of another process
(:func:`attach_console`). The console's window is :mod:`apartment.messages`'s.

Windows' errors: ERROR_ACCESS_DENIED to allocate or attach while attached, and
ERROR_INVALID_HANDLE for what needs a console (its title, code pages, buffers, processes)
without one.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
import sys
import threading
from typing import NamedTuple, TypeVar

from .._fork import OUTER, hold_across_fork
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_HANDLE,
    InvalidHandleError,
    InvalidParameterError,
    Win32Error,
)
from ._coninput import InputBuffer
from ._console import raise_ctrl_event
from ._file import File
from ._handles import handles
from ._screenbuf import ScreenBuffer
from ._stdio import STD_ERROR, STD_INPUT, STD_OUTPUT, set_std_handle, std_handle

__all__ = [
    "ATTACH_PARENT_PROCESS",
    "Console",
    "alloc_console",
    "attach_console",
    "free_console",
    "current_console",
    "need_console",
    "Selection",
    "console_selection",
    "console_font_count",
    "console_attached",
    "console_title",
    "set_console_title",
    "console_code_page",
    "set_console_code_page",
    "console_processes",
    "console_input",
    "console_screen",
    "create_screen_buffer",
    "read_console",
    "set_active_screen_buffer",
    "send_console_ctrl_event",
]

ATTACH_PARENT_PROCESS = 0xFFFFFFFF
UTF8_CODE_PAGE = 65001
_T = TypeVar("_T")


class Console:
    """One console: an input buffer, screen buffers (one shown), a title, code pages.

    ``terminal`` is the descriptor of the terminal that shows it, or None.
    """

    def __init__(self, terminal: int | None, title: str) -> None:
        self.terminal = terminal
        self.title = title
        self.input_code_page = self.output_code_page = UTF8_CODE_PAGE
        self.input = InputBuffer()
        self.input.terminal = _input_terminal(terminal)
        if terminal is None:
            self.screen = ScreenBuffer()
        else:
            columns, rows = _terminal_size(terminal)
            self.screen = ScreenBuffer(
                (columns, rows), (columns, rows), largest=(columns, rows), terminal=terminal
            )
        self.screen.active = True
        self.buffers: set[ScreenBuffer] = {self.screen}
        self.saved_std: dict[int, int] = {}  # the standard handles before alloc_console
        self.own_handles: list[int] = []  # the handles alloc_console opened, closed on free

    def new_screen(self) -> ScreenBuffer:
        """A new screen buffer of this console, the size of its first one."""
        info = self.screen.info()
        buffer = ScreenBuffer(
            info.size, (info.window[2] - info.window[0] + 1, info.window[3] - info.window[1] + 1),
            largest=self.screen.largest_window(), terminal=self.terminal,
        )  # fmt: skip
        self.buffers.add(buffer)
        return buffer


def _input_terminal(terminal: int | None) -> int | None:
    """The descriptor typed lines come from: standard input if it is the terminal."""
    if terminal is None:
        return None
    with contextlib.suppress(OSError):
        if os.isatty(STD_INPUT) and os.ttyname(STD_INPUT) == os.ttyname(terminal):
            return STD_INPUT
    return terminal if terminal != STD_OUTPUT and terminal != STD_ERROR else None


def _terminal_size(fd: int) -> tuple[int, int]:
    try:
        size = os.get_terminal_size(fd)
    except OSError:
        size = shutil.get_terminal_size()
    return max(size.columns, 1), max(size.lines, 1)


def _first_terminal() -> int | None:
    for fd in (STD_OUTPUT, STD_ERROR, STD_INPUT):
        with contextlib.suppress(OSError):
            if os.isatty(fd):
                return fd
    return None


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        hold_across_fork(self.lock, OUTER)
        self.console: Console | None = None
        self.started = False  # whether the console the process started with was looked for


_state = _State()


def current_console() -> Console | None:
    """The process's console, None without one (found the first time: a terminal's)."""
    with _state.lock:
        if not _state.started:
            _state.started = True
            terminal = _first_terminal()
            if terminal is not None:
                _state.console = Console(terminal, _program_title())
        return _state.console


def _program_title() -> str:
    return sys.executable or "python"


def console_attached() -> bool:
    """Whether the process has a console."""
    return current_console() is not None


def need_console() -> Console:
    """The process's console (InvalidHandleError, ERROR_INVALID_HANDLE, without one)."""
    console = current_console()
    if console is None:
        raise InvalidHandleError("the process has no console")
    return console


def alloc_console() -> None:
    """Give the process a new console (AllocConsole), whose handles become the standard ones.

    Raises:
        AccessDeniedError: the process has a console already.
    """
    with _state.lock:
        if current_console() is not None:
            raise Win32Error.from_code(ERROR_ACCESS_DENIED, "the process has a console")
        console = Console(None, _program_title())
        _state.console = console
        for stream in (STD_INPUT, STD_OUTPUT, STD_ERROR):
            console.saved_std[stream] = std_handle(stream)
        for stream in (STD_INPUT, STD_OUTPUT, STD_ERROR):
            value = handles.insert(console.input if stream == STD_INPUT else console.screen)
            console.own_handles.append(value)
            set_std_handle(stream, value)


def free_console() -> None:
    """Leave the console (FreeConsole); its handles stop working. Without one, nothing happens.

    The handles :func:`alloc_console` made the standard ones are closed, and the standard
    handles before it come back (Windows leaves the dead console's).
    """
    with _state.lock:
        console = current_console()
        _state.console = None
        if console is None:
            return
        for stream, value in console.saved_std.items():
            set_std_handle(stream, value)
        for value in console.own_handles:
            with contextlib.suppress(Win32Error):
                handles.close(value)


def attach_console(pid: int) -> None:
    """Attach to the console of process ``pid`` (AttachConsole): the terminal it shows on.

    ``ATTACH_PARENT_PROCESS`` is the parent's. A process's console here is the terminal on
    one of its standard descriptors.

    Raises:
        AccessDeniedError: the process has a console already.
        InvalidParameterError: no process ``pid``.
        InvalidHandleError: that process has no console.
    """
    if isinstance(pid, bool) or not isinstance(pid, int):
        raise TypeError(f"a process id is an int, not {pid!r}")
    with _state.lock:
        if current_console() is not None:
            raise Win32Error.from_code(ERROR_ACCESS_DENIED, "the process has a console")
        if pid in (ATTACH_PARENT_PROCESS, -1):
            pid = os.getppid()
        if pid <= 0 or not os.path.isdir(f"/proc/{pid}"):
            raise InvalidParameterError(f"no process {pid}")
        if pid == os.getpid():
            raise Win32Error.from_code(ERROR_INVALID_HANDLE, "the process has no console")
        fd = _open_terminal_of(pid)
        _state.console = Console(fd, _program_title())


def _open_terminal_of(pid: int) -> int:
    for stream in (STD_OUTPUT, STD_ERROR, STD_INPUT):
        try:
            path = os.readlink(f"/proc/{pid}/fd/{stream}")
            if not path.startswith("/dev/"):
                continue
            fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
        except OSError:
            continue
        if os.isatty(fd):
            return fd
        os.close(fd)
    raise InvalidHandleError(f"process {pid} has no console")


def console_title() -> str:
    """The console's title (GetConsoleTitle); ERROR_INVALID_HANDLE without a console."""
    return need_console().title


def set_console_title(title: str) -> None:
    """Set the console's title; a terminal shows it too (the xterm title sequence)."""
    if not isinstance(title, str):
        raise TypeError(f"a title is a str, not {title!r}")
    console = need_console()
    console.title = title
    if console.terminal is not None:
        clean = "".join(c for c in title if c.isprintable())
        with contextlib.suppress(OSError):
            os.write(console.terminal, f"\x1b]0;{clean}\x07".encode("utf-8", "replace"))


def console_code_page(*, output: bool = False) -> int:
    """The console's input (or output) code page: 0 without a console, as Windows answers."""
    console = current_console()
    if console is None:
        return 0
    return console.output_code_page if output else console.input_code_page


def set_console_code_page(code_page: int, *, output: bool = False) -> None:
    """Set the console's input (or output) code page (SetConsoleCP, SetConsoleOutputCP).

    Raises:
        InvalidParameterError: no such code page (one Python has no codec for).
        InvalidHandleError: the process has no console.
    """
    if isinstance(code_page, bool) or not isinstance(code_page, int):
        raise TypeError(f"a code page is an int, not {code_page!r}")
    console = need_console()
    if code_page not in (UTF8_CODE_PAGE, 65000, 20127, 28591):
        try:
            codecs.lookup(f"cp{code_page}")
        except LookupError:
            raise InvalidParameterError(f"no code page {code_page}") from None
    if output:
        console.output_code_page = code_page
    else:
        console.input_code_page = code_page


class Selection(NamedTuple):
    """CONSOLE_SELECTION_INFO: flags (CONSOLE_NO_SELECTION...), anchor cell, selected cells."""

    flags: int
    anchor: tuple[int, int]
    rect: tuple[int, int, int, int]


def console_selection() -> Selection:
    """The console's text selection: none ever, as no user selects with a mouse here.

    Raises:
        InvalidHandleError: the process has no console.
    """
    need_console()
    return Selection(0, (0, 0), (0, 0, 0, 0))


def console_font_count() -> int:
    """How many fonts the console offers (GetNumberOfConsoleFonts): the terminal's one."""
    return 1


def console_processes() -> list[int]:
    """The processes attached to the console (GetConsoleProcessList): this one here.

    Raises:
        InvalidHandleError: the process has no console.
    """
    need_console()
    return [os.getpid()]


def _resolve(value: int, kind: type[_T]) -> _T:
    obj = handles.get(value)
    console = need_console()
    if isinstance(obj, ScreenBuffer) and obj in console.buffers and isinstance(obj, kind):
        return obj
    if isinstance(obj, InputBuffer) and obj is console.input and isinstance(obj, kind):
        return obj
    if isinstance(obj, File) and console.terminal is not None:
        with contextlib.suppress(Win32Error, OSError):
            if os.isatty(obj.descriptor()):  # a terminal's descriptor: the console's handle
                target: object = console.input if kind is InputBuffer else console.screen
                if isinstance(target, kind):
                    return target
    raise InvalidHandleError(f"handle {value:#x} is no console {kind.__name__}")


def console_input(value: int) -> InputBuffer:
    """The console input buffer handle ``value`` is (a terminal's descriptor's is one).

    Raises:
        InvalidHandleError: it is none, or the process has no console.
    """
    return _resolve(value, InputBuffer)


def console_screen(value: int) -> ScreenBuffer:
    """The console screen buffer handle ``value`` is (a terminal's descriptor's is one).

    Raises:
        InvalidHandleError: it is none, or the process has no console.
    """
    return _resolve(value, ScreenBuffer)


def read_console(buffer: InputBuffer, count: int) -> str:
    """Read up to ``count`` typed characters from the console's input (ReadConsole).

    With ENABLE_ECHO_INPUT what is typed is written to the shown screen buffer.

    Raises:
        InvalidHandleError: the process has no console.
    """
    console = need_console()
    echo = None
    if buffer.mode & 0x4 and console.terminal is None:  # a terminal echoes by itself
        shown = next((b for b in console.buffers if b.active), console.screen)
        echo = shown.write
    return buffer.read_text(count, echo)


def create_screen_buffer() -> ScreenBuffer:
    """A new screen buffer of the console (CreateConsoleScreenBuffer), not shown yet."""
    return need_console().new_screen()


def set_active_screen_buffer(buffer: ScreenBuffer) -> None:
    """Show ``buffer`` (SetConsoleActiveScreenBuffer); a terminal draws only the shown one."""
    console = need_console()
    if buffer not in console.buffers:
        raise InvalidHandleError("the buffer is not the console's")
    with _state.lock:
        for other in console.buffers:
            other.active = other is buffer


def send_console_ctrl_event(event: int, group: int) -> None:
    """GenerateConsoleCtrlEvent: :func:`raise_ctrl_event` for a process with a console.

    Raises:
        InvalidHandleError: the process has no console.
    """
    need_console()
    raise_ctrl_event(event, group)
