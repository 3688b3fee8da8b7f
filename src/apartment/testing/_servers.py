"""Local COM servers in tests: a runtime directory of the test's own, and no server left over.

Local servers a test activates are processes of their own, found through the per-user
runtime directory (``apartment.com`` activation). :class:`LocalServers` points that
directory at a fresh one for the test (so the test's servers meet nobody else's), makes
them quit soon after their last object is released (a short linger), and at the end kills
those still running and waits for them to be gone.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .. import com

if TYPE_CHECKING:
    from types import TracebackType

    from typing_extensions import Self

__all__ = ["LocalServers", "wait_for_exit"]


def wait_for_exit(pid: int, timeout: float = 10.0) -> bool:
    """Wait until process ``pid`` has exited (a pidfd, no polling); False if it has not."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        ready, _, _ = select.select([fd], [], [], timeout)
        return bool(ready)
    finally:
        os.close(fd)


class LocalServers:
    """Give the block a runtime directory of its own; kill its local servers at the end.

    Used as a context manager (the ``local_servers`` fixture of the pytest plugin wraps it).
    ``linger`` is how long the servers stay once nothing is held (default 0.2 s). The
    directory is made under ``/tmp`` with a short name: a Unix socket's path must stay
    under 108 bytes.
    """

    def __init__(self, linger: float = 0.2) -> None:
        self.linger = linger
        self.runtime_dir = Path(tempfile.mkdtemp(prefix="ap-"))
        self._saved: dict[str, str | None] = {}

    def __enter__(self) -> Self:
        for name, value in (
            ("APARTMENT_RUNTIME_DIR", str(self.runtime_dir)),
            ("APARTMENT_SERVER_LINGER", str(self.linger)),
        ):
            self._saved[name] = os.environ.get(name)
            os.environ[name] = value
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.kill_all()
        finally:
            for name, value in self._saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            shutil.rmtree(self.runtime_dir, ignore_errors=True)

    def running(self) -> list[com.ServerInfo]:
        """The servers running in this directory now."""
        return com.running_servers()

    def pids(self) -> list[int]:
        """The process ids of the servers running in this directory now.

        Not this process's own: it listens too once it publishes a running object.
        """
        servers = self.runtime_dir / "com" / "servers"
        if not servers.is_dir():
            return []
        mine = str(os.getpid())
        return [
            int(path.stem)
            for path in servers.glob("*.sock")
            if path.stem.isdigit() and path.stem != mine
        ]

    def kill_all(self, timeout: float = 10.0) -> None:
        """Kill every server of this directory and wait for each to be gone."""
        deadline = time.monotonic() + timeout
        for pid in self.pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            wait_for_exit(pid, max(deadline - time.monotonic(), 0.0))
