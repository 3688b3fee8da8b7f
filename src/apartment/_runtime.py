"""The per-user runtime directory: where everything that crosses processes lives.

Named kernel objects shared by processes, named pipes and local COM servers meet in one
directory that only the user can enter (DESIGN.md decisions 11 and 12): mode 0700, owned by
the user. It is ``$APARTMENT_RUNTIME_DIR`` if set, else ``$XDG_RUNTIME_DIR/apartment`` (the
login session's own directory, removed when the user's last session ends), else
``/tmp/apartment-UID``. A directory that another user owns, or that others may enter, is
refused: another user could then plant files or sockets there.

:func:`check_peer` is the other half of the rule for sockets: the process at the other end of
a Unix socket must run as the same user.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
import stat
import struct
import threading
import time
from pathlib import Path

__all__ = [
    "RuntimeDirError",
    "runtime_dir",
    "subdir",
    "check_peer",
    "peer_uid",
    "listen",
    "connect",
    "lock_file",
    "unlock_file",
]


class RuntimeDirError(PermissionError):
    """The runtime directory is unsafe or cannot be made; the message names the fix."""


_lock = threading.Lock()
_checked: dict[str, Path] = {}  # path text -> the checked directory, per process
_made: dict[tuple[str, str], Path] = {}  # (runtime directory, name) -> its subdir, made


def _candidate() -> Path:
    explicit = os.environ.get("APARTMENT_RUNTIME_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.path.isabs(xdg) and os.path.isdir(xdg):
        return Path(xdg) / "apartment"
    return Path(f"/tmp/apartment-{os.getuid()}")


def runtime_dir() -> Path:
    """Return the user's runtime directory, made (0700) on first use and checked.

    Raises:
        RuntimeDirError: it exists but another user owns it, or others may enter it, or it
            is not a directory, or it cannot be made.
    """
    path = _candidate()
    key = str(path)
    with _lock:
        checked = _checked.get(key)
        if checked is not None and checked.exists():
            return checked
        _made.clear()  # made anew (or first): its subdirectories are to be made too
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = os.lstat(path)
        except OSError as exc:
            raise RuntimeDirError(
                f"cannot make the runtime directory {path}: {exc.strerror}; set "
                "APARTMENT_RUNTIME_DIR to a directory of yours"
            ) from exc
        if not stat.S_ISDIR(info.st_mode):
            raise RuntimeDirError(
                f"{path} is not a directory; remove it or set APARTMENT_RUNTIME_DIR"
            )
        if info.st_uid != os.getuid():
            raise RuntimeDirError(
                f"the runtime directory {path} belongs to user {info.st_uid}, not to you "
                f"({os.getuid()}); set APARTMENT_RUNTIME_DIR to a directory of yours"
            )
        if info.st_mode & 0o077:
            raise RuntimeDirError(
                f"the runtime directory {path} lets other users in (mode "
                f"{stat.S_IMODE(info.st_mode):o}); `chmod 700 {path}`, or set "
                "APARTMENT_RUNTIME_DIR to a directory of yours"
            )
        _checked[key] = path
        return path


def subdir(name: str) -> Path:
    """Return ``runtime_dir() / name``, made 0700 on first use (it inherits the parent's rule).

    ``name`` may be a path inside another subdir made first (``"com/servers"``). Each is made
    once while the runtime directory stands (runtime_dir() looks at that on every call): an
    activation asks for its class's record several times.
    """
    root = runtime_dir()
    key = (str(root), name)
    path = _made.get(key)
    if path is None:
        path = root / name
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        with _lock:
            _made[key] = path
    return path


_UCRED = struct.Struct("3i")  # struct ucred: pid, uid, gid


def peer_uid(sock: socket.socket) -> tuple[int, int]:
    """Return the (pid, uid) of the process at the other end of a Unix socket (SO_PEERCRED)."""
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
    pid, uid, _gid = _UCRED.unpack(raw)
    return pid, uid


def check_peer(sock: socket.socket) -> int:
    """Refuse a peer that runs as another user; return its pid.

    Raises:
        PermissionError: the peer's uid is not ours.
    """
    pid, uid = peer_uid(sock)
    if uid != os.getuid():
        raise PermissionError(
            f"refused a connection from process {pid} of user {uid}: only user "
            f"{os.getuid()} may connect"
        )
    return pid


_SUN_PATH = 108  # the size of sockaddr_un's sun_path on Linux, its final NUL included


def _short_enough(path: Path) -> str:
    """The path's text, if a Unix socket can have it (else the fix, in a RuntimeDirError)."""
    text = str(path)
    if len(os.fsencode(text)) + len(".999999.999999") >= _SUN_PATH:
        raise RuntimeDirError(
            f"the socket path {text} is too long for a Unix socket ({_SUN_PATH - 1} bytes at "
            "most); set APARTMENT_RUNTIME_DIR to a shorter directory"
        )
    return text


def listen(path: Path, backlog: int = 64, kind: int = socket.SOCK_STREAM) -> socket.socket:
    """Listen on a Unix socket at ``path``, mode 0600 from the moment it appears.

    ``kind`` is SOCK_STREAM, or SOCK_SEQPACKET for one frame per message (:mod:`._wire`).

    The socket is bound under a temporary name, restricted to the user, and only then
    renamed to ``path`` (replacing a stale file there): no other user could ever connect,
    even for an instant. Close-on-exec, as every descriptor Python makes.
    """
    _short_enough(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_native_id()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    sock = socket.socket(socket.AF_UNIX, kind)
    try:
        sock.bind(str(temporary))
        os.chmod(temporary, 0o600)
        sock.listen(backlog)
        os.replace(temporary, path)
    except BaseException:
        sock.close()
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return sock


def connect(path: Path, kind: int = socket.SOCK_STREAM) -> tuple[socket.socket, int]:
    """Connect to the Unix socket (of ``kind``) at ``path``; return it and the peer's pid.

    Raises:
        OSError: nobody listens there (ConnectionRefusedError for a stale socket file,
            FileNotFoundError when there is none).
        PermissionError: the peer runs as another user (the connection is closed).
    """
    text = _short_enough(path)
    sock = socket.socket(socket.AF_UNIX, kind)
    try:
        sock.connect(text)
        pid = check_peer(sock)
    except BaseException:
        sock.close()
        raise
    return sock, pid


def lock_file(path: Path, timeout: float | None) -> int | None:
    """Take an exclusive lock on the file ``path`` (made 0600 if missing); return its fd.

    The lock is ``flock``'s: the kernel drops it when the process dies, so a killed holder
    never wedges the others. The wait polls (1 ms, doubling to 50 ms) because flock has no
    timeout. ``timeout`` 0 tries once. Returns None when the time ran out.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    deadline = None if timeout is None else time.monotonic() + timeout
    pause = 0.001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                os.close(fd)
                raise
        else:
            return fd
        if deadline is not None and time.monotonic() + pause > deadline:
            os.close(fd)
            return None
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def unlock_file(fd: int) -> None:
    """Release a lock :func:`lock_file` took (closing the descriptor drops it)."""
    os.close(fd)
