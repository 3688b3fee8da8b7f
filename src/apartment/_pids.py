"""Whether a process id names a running process, as ``kill(pid, 0)`` tells."""

from __future__ import annotations

import os

__all__ = ["pid_exists"]


def pid_exists(pid: int) -> bool:
    """Tell whether some process has id ``pid`` (maybe another user's, maybe a zombie).

    Ids are reused: callers that must know it is the same process check a start time too.
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, and belongs to someone else
        return True
    return True
