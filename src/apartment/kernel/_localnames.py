"""The session-wide names of objects that stay in their process (job objects).

A job is not shared between processes here, but its name is the session's, as on Windows: no
event, mutex, semaphore or timer of any process may take it, nor another process's job. Each
such name is a file ``names/DIGEST`` of the runtime directory (the digest of the name), made
whole at once, holding its holder (``PID.START``: a reused pid is not the holder) and the
object's kind. A holder that has died holds nothing: its file is taken over.
"""

from __future__ import annotations

import contextlib
import hashlib
import os

from .._runtime import RuntimeDirError, runtime_dir
from ._jobwatch import start_ticks

__all__ = ["claim", "holder", "release"]


_folders: dict[tuple[str | None, str | None], str] = {}
"""The names folder by the variables that choose the runtime directory: every named create
or open looks for a job's name, and runtime_dir() checks the directory each time."""


def _path(key: str, *, make: bool = False) -> str | None:
    """The file of a name (None without a runtime directory); ``make`` its folder."""
    chosen = (os.environ.get("APARTMENT_RUNTIME_DIR"), os.environ.get("XDG_RUNTIME_DIR"))
    folder = None if make else _folders.get(chosen)
    if folder is None:
        try:
            folder = str(runtime_dir() / "names")
        except RuntimeDirError:
            return None
        if make:
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder, 0o700)
        _folders[chosen] = folder
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return os.path.join(folder, digest)


def _me() -> str:
    return f"{os.getpid()}.{start_ticks(os.getpid())}"


def _read(path: str) -> tuple[str, str] | None:
    """The live holder and kind a name file says; None if there is none, or it has died."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None  # the common case, kept short: no such name
    try:
        who, _, kind = os.read(fd, 4096).decode("utf-8", "replace").partition(" ")
    except OSError:
        return None
    finally:
        os.close(fd)
    pid, _, ticks = who.partition(".")
    if not (pid.isdigit() and ticks.isdigit()) or start_ticks(int(pid)) != int(ticks):
        return None
    return who, kind


def claim(key: str, kind: str) -> str | None:
    """Take ``key`` for this process's object of ``kind``.

    Returns None when taken (or already this process's, or when there is no runtime
    directory to share names in), else the kind of the object another live process holds
    the name for.
    """
    path = _path(key, make=True)
    if path is None:
        return None
    me = _me()
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as mine:
        mine.write(f"{me} {kind}")
    try:
        for _attempt in range(3):
            try:
                os.link(temporary, path)  # made whole, and only if nobody holds it
                return None
            except FileExistsError:
                held = _read(path)
                if held is None:  # its holder died: take it over
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)
                    continue
                return None if held[0] == me else held[1]
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def holder(key: str) -> str | None:
    """The kind of the object another live process holds ``key`` for, or None."""
    path = _path(key)
    held = None if path is None else _read(path)
    return None if held is None or held[0] == _me() else held[1]


def release(key: str) -> None:
    """Give ``key`` back (this process's object lost its name)."""
    path = _path(key)
    if path is not None:
        held = _read(path)
        if held is not None and held[0] == _me():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
