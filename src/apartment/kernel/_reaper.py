"""Seeing processes exit without polling: one thread blocked on every process's pidfd.

A pidfd (Linux 5.3 and later) becomes readable when its process exits, whether it is our
child or not. For a child the reaper then reaps it (its exit code comes with it); for any
other process it asks the kernel for the exit code the process left (:func:`exit_status`).
Where pidfds are missing, a thread per child blocks in ``waitpid``, and a thread per other
process polls for it every 50 ms.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import selectors
import struct
import threading
import time
from typing import TYPE_CHECKING

from .._fork import SERVICES, TABLE, after_fork_in_child, hold_across_fork

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Callable

__all__ = ["reaper", "exit_status", "process_exists", "wait_code"]

_PIDFD_GET_INFO = (3 << 30) | (64 << 16) | (0xFF << 8) | 11  # _IOWR(0xFF, 11, pidfd_info v0)
_PIDFD_INFO_EXIT = 1 << 3
_INFO = struct.Struct("QQ11IiI")  # mask, cgroupid, pid..fsgid, exit_code, coredump_mask


def wait_code(status: int) -> int:
    """Turn a ``waitpid`` status into an exit code: the code, or 128 + a killing signal."""
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 0


def exit_status(pid: int, pidfd: int | None) -> int | None:
    """The exit code a process that is not our child left, if the kernel still has it.

    Linux 6.15 and later keep it with the pidfd (``PIDFD_INFO_EXIT``); before that it can be
    read while the process is a zombie (``/proc/PID/stat``). None when it is gone.
    """
    if pidfd is not None:
        buffer = bytearray(_INFO.size)
        struct.pack_into("Q", buffer, 0, _PIDFD_INFO_EXIT)
        try:
            fcntl.ioctl(pidfd, _PIDFD_GET_INFO, buffer)
        except OSError:
            pass
        else:
            fields = _INFO.unpack(buffer)
            if fields[0] & _PIDFD_INFO_EXIT:
                return wait_code(fields[13])
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return None
    fields_after = text[text.rfind(b")") + 2 :].split()
    if fields_after[0] != b"Z" or len(fields_after) < 50:
        return None
    return wait_code(int(fields_after[-1]))


def process_exists(pid: int) -> bool:
    """Tell whether process ``pid`` runs (not a zombie)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return False
    return text[text.rfind(b")") + 2 : text.rfind(b")") + 3] not in (b"Z", b"X", b"x")


class _Reaper:
    """One thread over the pidfds of every watched process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._selector: selectors.BaseSelector | None = None
        self._wakeup: tuple[int, int] | None = None
        self._pending: list[tuple[int, Callable[[int | None], None], int, bool]] = []
        hold_across_fork(self._lock, TABLE)
        after_fork_in_child(self._after_fork_in_child, SERVICES)

    def _after_fork_in_child(self) -> None:
        """Forget the parent's reaper thread: the child's first watch starts its own.

        The parent's children are not the child's, so it cannot reap them; their handles in
        the child stay unsignaled.
        """
        selector, wakeup = self._selector, self._wakeup
        self._selector, self._wakeup, self._pending = None, None, []
        if selector is not None:
            for key in list(selector.get_map().values()):
                if key.data is not None:
                    os.close(key.fd)
            selector.close()
        if wakeup is not None:
            os.close(wakeup[0])
            os.close(wakeup[1])

    def watch_child(
        self,
        popen: subprocess.Popen[bytes],
        exited: Callable[[int], None],
        before_reap: Callable[[], None] | None = None,
    ) -> None:
        """Call ``exited(returncode)`` once the child ``popen`` has exited and been reaped.

        ``before_reap()`` runs first, while the child is still a zombie (what it used is
        still in ``/proc`` then).
        """

        def reap(_: int | None = None) -> None:
            if before_reap is not None:
                before_reap()
            exited(popen.wait())

        try:
            pidfd = os.pidfd_open(popen.pid)
        except (AttributeError, OSError):

            def wait_then_reap() -> None:
                with contextlib.suppress(ChildProcessError):
                    os.waitid(os.P_PID, popen.pid, os.WEXITED | os.WNOWAIT)
                reap()

            threading.Thread(target=wait_then_reap, name="apartment-reaper", daemon=True).start()
            return
        self._add(pidfd, reap, popen.pid, True)

    def watch_pidfd(
        self, pid: int, pidfd: int | None, exited: Callable[[int | None], None]
    ) -> None:
        """Call ``exited(exit code or None)`` once process ``pid`` (not a child) has exited.

        The reaper owns ``pidfd`` from then on; None watches by polling.
        """
        if pidfd is None:
            threading.Thread(
                target=self._poll, args=(pid, exited), name="apartment-reaper", daemon=True
            ).start()
            return
        self._add(pidfd, exited, pid, False)

    @staticmethod
    def _poll(pid: int, exited: Callable[[int | None], None]) -> None:
        while process_exists(pid):
            time.sleep(0.05)
        exited(exit_status(pid, None))

    def _add(self, pidfd: int, exited: Callable[[int | None], None], pid: int, child: bool) -> None:
        with self._lock:
            self._pending.append((pidfd, exited, pid, child))
            if self._selector is None:
                self._selector = selectors.DefaultSelector()
                self._wakeup = os.pipe()
                self._selector.register(self._wakeup[0], selectors.EVENT_READ, None)
                threading.Thread(target=self._serve, name="apartment-reaper", daemon=True).start()
            wakeup = self._wakeup
        assert wakeup is not None
        os.write(wakeup[1], b"\0")

    def _serve(self) -> None:
        """Block on every pidfd; report each process as its pidfd becomes readable."""
        selector = self._selector
        wakeup = self._wakeup
        assert selector is not None
        assert wakeup is not None
        while True:
            for key, _ in selector.select():
                if key.data is None:
                    os.read(wakeup[0], 512)
                    with self._lock:
                        pending, self._pending = self._pending, []
                    for pidfd, exited, pid, child in pending:
                        selector.register(pidfd, selectors.EVENT_READ, (exited, pid, child))
                    continue
                exited, pid, child = key.data
                selector.unregister(key.fd)
                code = None if child else exit_status(pid, key.fd)
                os.close(key.fd)
                exited(code)


reaper = _Reaper()
"""The process's one reaper."""
