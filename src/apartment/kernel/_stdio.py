"""Standard handles, descriptors as handles, and what a process was started with.

* **Standard handles** (GetStdHandle, SetStdHandle): at first a process's standard input,
  output and error are handles to its descriptors 0, 1 and 2 (made on first use, and kept
  for the life of the process, as Windows keeps them). SetStdHandle changes what
  GetStdHandle answers, not the descriptors, as on Windows.
* **Descriptors and handles** (``msvcrt.get_osfhandle``, ``open_osfhandle``): a descriptor
  the library did not open gets a handle the first time it is asked for, and keeps it while
  the descriptor stays the same open file. A file handle's descriptor can be handed to the
  caller: from then on the descriptor owns it (closing the handle leaves the descriptor
  open), and once the descriptor is closed the handle goes too, at the next look (every
  call here looks). Only files with a plain descriptor have one: disk files, anonymous pipe
  ends, standard streams; a named pipe's connection carries frames and has none.
* **Start-up information** (GetStartupInfo): what the parent passed to CreateProcess, in a
  Python child started by this library; else what Windows gives a program started from a
  console.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from dataclasses import astuple, dataclass
from typing import Any

from .._fork import OUTER, hold_across_fork
from ..errors import InvalidHandleError, InvalidParameterError, NotSupportedError
from ._file import File
from ._handles import handles
from ._hoststream import file_of_descriptor
from ._inherit import inherit_from_parent as _inherit_from_parent
from ._pipeclient import create_pipe

__all__ = [
    "STD_INPUT",
    "STD_OUTPUT",
    "STD_ERROR",
    "StartupInfo",
    "std_handle",
    "known_file_of_descriptor",
    "set_std_handle",
    "std_handle_values",
    "startup_std_handles",
    "handle_of_descriptor",
    "descriptor_of_handle",
    "create_pipe_descriptors",
    "sweep_descriptors",
    "startup_info",
    "inherit_from_parent",
]

STD_INPUT, STD_OUTPUT, STD_ERROR = 0, 1, 2
"""The standard streams, by their descriptor numbers."""
SW_SHOWNORMAL = 1


@dataclass(frozen=True, slots=True)
class StartupInfo:
    """How a process was asked to start (STARTUPINFO's fields, Pythonic names).

    ``flags`` are the STARTF_* bits that say which fields count; position and size are in
    pixels, ``columns``/``rows`` a console's size in characters.
    """

    flags: int = 0
    show_window: int = 0
    x: int = 0
    y: int = 0
    width: int = 0
    height: int = 0
    columns: int = 0
    rows: int = 0
    fill_attribute: int = 0
    title: str | None = None
    desktop: str | None = None


class _Stdio:
    """The standard handles and the descriptors known as handles, under one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.std: dict[int, int] = {}
        self.initial: dict[int, int] = {}  # the standard handles the process started with
        self.fds: dict[int, tuple[int, tuple[int, int]]] = {}  # fd -> (handle, its file)
        self.startup: StartupInfo | None = None


_state = _Stdio()


def _identity(fd: int) -> tuple[int, int]:
    """Which open file ``fd`` is (device and inode); OSError if it is not open."""
    info = os.fstat(fd)
    return info.st_dev, info.st_ino


def _descriptor_of(value: int) -> int | None:
    """The descriptor of the file behind an open handle, None if it is not one any more."""
    try:
        obj = handles.get(value)
    except InvalidHandleError:
        return None
    if not isinstance(obj, File) or obj.closed:
        return None
    try:
        return obj.descriptor()
    except (NotSupportedError, InvalidHandleError):
        return None


def sweep_descriptors() -> None:
    """Close the handles whose descriptor was closed since (their owner closed it)."""
    with _state.lock:
        known = list(_state.fds.items())
    for fd, (value, identity) in known:
        try:
            alive = _identity(fd) == identity and _descriptor_of(value) == fd
        except OSError:
            alive = False
        if alive:
            continue
        with _state.lock:
            if _state.fds.get(fd) == (value, identity):
                del _state.fds[fd]
        if _descriptor_of(value) == fd:
            with contextlib.suppress(InvalidHandleError):
                handles.close(value)


def _check_fd(fd: object) -> int:
    if isinstance(fd, bool) or not isinstance(fd, int):
        raise TypeError(f"a descriptor is an int, not {fd!r}")
    return fd


def handle_of_descriptor(fd: int) -> int:
    """Return the handle of descriptor ``fd`` (``msvcrt.get_osfhandle``), made on first use.

    The handle's file does not own the descriptor: closing the handle leaves it open. The
    handle is inheritable if the descriptor is (as the standard streams are, and Python's
    own files are not), as Windows' C runtime keeps them alike.

    Raises:
        OSError: EBADF, ``fd`` is not open.
    """
    fd = _check_fd(fd)
    sweep_descriptors()
    identity = _identity(fd)
    with _state.lock:
        known = _state.fds.get(fd)
    if known is not None and known[1] == identity and _descriptor_of(known[0]) == fd:
        return known[0]
    obj = file_of_descriptor(fd)
    value = handles.insert(obj, obj.access, inherit=os.get_inheritable(fd))
    with _state.lock:
        _state.fds[fd] = (value, identity)
    return value


def known_file_of_descriptor(fd: int) -> File | None:
    """The file that :func:`handle_of_descriptor` made for ``fd``, if it did; none is made.

    For a socket's overlapped operations: they report to the completion port its file (its
    handle) was associated with.
    """
    with _state.lock:
        known = _state.fds.get(fd)
    if known is None:
        return None
    with contextlib.suppress(InvalidHandleError):
        obj = handles.get(known[0])
        if isinstance(obj, File):
            return obj
    return None


def descriptor_of_handle(value: int) -> int:
    """Hand a file handle's descriptor to the caller (``msvcrt.open_osfhandle``).

    The descriptor then owns the file: the handle works on until the descriptor is closed,
    and closing the handle leaves the descriptor open.

    Raises:
        InvalidHandleError: not an open handle to a file.
        NotSupportedError: the file has no plain descriptor (a named pipe's end).
    """
    sweep_descriptors()
    obj = handles.get(value)
    if not isinstance(obj, File):
        raise InvalidHandleError(f"handle {value:#x} is {obj!r}, not a file")
    fd = obj.descriptor()
    obj.release_descriptor()
    with _state.lock:
        _state.fds[fd] = (value, _identity(fd))
    return fd


def create_pipe_descriptors(size: int = 0, *, inheritable: bool = False) -> tuple[int, int]:
    """Create an anonymous pipe and hand its ends' descriptors over: ``(read fd, write fd)``.

    Each end has a handle too (``get_osfhandle`` finds it), inheritable with ``inheritable``,
    and so are the descriptors (pywin32's FdCreatePipe).
    """
    read_end, write_end = create_pipe(size)
    fds = []
    for end in (read_end, write_end):
        value = handles.insert(end, end.access, inherit=inheritable)
        fd = descriptor_of_handle(value)
        os.set_inheritable(fd, inheritable)
        fds.append(fd)
    return fds[0], fds[1]


def _check_stream(stream: int) -> None:
    if stream not in (STD_INPUT, STD_OUTPUT, STD_ERROR):
        raise InvalidHandleError(f"{stream!r} is not a standard stream (0, 1 or 2)")


def std_handle(stream: int) -> int:
    """Return the standard handle of ``stream`` (GetStdHandle); 0 if it has none.

    At first it is the handle of the stream's descriptor, if that is open.

    Raises:
        InvalidHandleError: ``stream`` is not 0, 1 or 2.
    """
    _check_stream(stream)
    with _state.lock:
        value = _state.std.get(stream)
    if value is not None:
        return value
    try:
        value = handle_of_descriptor(stream)
    except OSError:
        value = 0
    with _state.lock:
        value = _state.std.setdefault(stream, value)
        _state.initial.setdefault(stream, value)
        return value


def startup_std_handles() -> tuple[int, int, int]:
    """The standard handles this process started with (GetStartupInfo's).

    SetStdHandle does not change them.
    """
    values = []
    for stream in (STD_INPUT, STD_OUTPUT, STD_ERROR):
        with _state.lock:
            value = _state.initial.get(stream)
        values.append(std_handle(stream) if value is None else value)
    return values[0], values[1], values[2]


def set_std_handle(stream: int, value: int) -> None:
    """Make ``value`` the standard handle of ``stream`` (SetStdHandle); it is not checked.

    Raises:
        InvalidHandleError: ``stream`` is not 0, 1 or 2.
    """
    _check_stream(stream)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a handle is an int, not {value!r}")
    std_handle(stream)  # what it started with is GetStartupInfo's
    with _state.lock:
        _state.std[stream] = value


def std_handle_values() -> set[int]:
    """The handles made for the standard streams so far (they live as long as the process)."""
    with _state.lock:
        return {value for value in (*_state.std.values(), *_state.initial.values()) if value}


def startup_info() -> StartupInfo:
    """Return how this process was asked to start (GetStartupInfo).

    A Python child started by this library gets what its parent passed; any other process
    what a console program gets on Windows: nothing asked for, shown normally, titled with
    its program's path.
    """
    with _state.lock:
        given = _state.startup
    if given is not None:
        return given
    return StartupInfo(show_window=SW_SHOWNORMAL, title=sys.executable or None)


def startup_payload(info: StartupInfo, std: list[int]) -> dict[str, Any]:
    """What a Python child gets of its start-up information and its standard handles."""
    return {"startup": list(astuple(info)), "std": std}


def _take_extra(payload: dict[str, Any]) -> None:
    """In a child: take the start-up information and the standard handles the parent sent."""
    startup = payload.get("startup")
    if isinstance(startup, list) and len(startup) == len(StartupInfo.__slots__):
        with _state.lock:
            _state.startup = StartupInfo(*startup)
    std = payload.get("std")
    if not isinstance(std, list) or len(std) != 3:
        return
    taken: set[int] = set()
    for stream, value in enumerate(std):
        if not isinstance(value, int) or not value:
            with _state.lock:
                _state.std[stream] = _state.initial[stream] = 0  # none given: a NULL handle
            continue
        if value in taken:  # one handle for two streams (output and error, say)
            with _state.lock:
                _state.std[stream] = _state.initial[stream] = value
            continue
        taken.add(value)
        try:
            identity = _identity(stream)
            obj = file_of_descriptor(stream)
        except OSError:
            continue
        try:
            handles.insert_at(value, obj, obj.access, inherit=True)
        except InvalidParameterError:  # taken by an inherited handle: a value of its own
            value = handles.insert(obj, obj.access, inherit=True)
        with _state.lock:
            _state.fds[stream] = (value, identity)
            _state.std[stream] = _state.initial[stream] = value


def inherit_from_parent() -> int:
    """In a child started by this library: take what it inherits from its parent.

    The inheritable handles go into :data:`handles` at the values they had in the parent;
    the standard handles and the start-up information the parent passed are taken too. A
    Python child started by this library runs this at start-up (its ``sitecustomize``); it
    does nothing elsewhere. Returns how many inherited handles it took.
    """
    return _inherit_from_parent(handles, _take_extra)
