"""What :mod:`apartment` re-exports, one ``from .module import Name as Name`` a line.

The package's ``__init__`` reads this file's text and imports each module when one of its
names is first used (:mod:`apartment._lazy`), so ``import apartment.com`` does not import
the kernel's process and thread modules; type checkers read it through a star import.
"""

from .errors import ComError as ComError
from .errors import Win32Error as Win32Error
from .kernel import ALERTED as ALERTED
from .kernel import Event as Event
from .kernel import Mutex as Mutex
from .kernel import ProcessHandle as ProcessHandle
from .kernel import Semaphore as Semaphore
from .kernel import ThreadHandle as ThreadHandle
from .kernel import Waitable as Waitable
from .kernel import WaitableTimer as WaitableTimer
from .kernel import WaitResult as WaitResult
from .kernel import current_thread as current_thread
from .kernel import queue_apc as queue_apc
from .kernel import signal_and_wait as signal_and_wait
from .kernel import sleep as sleep
from .kernel import start_process as start_process
from .kernel import start_thread as start_thread
from .kernel import wait_all as wait_all
from .kernel import wait_any as wait_any

__all__ = [
    "ALERTED",
    "ComError",
    "Event",
    "Mutex",
    "ProcessHandle",
    "Semaphore",
    "ThreadHandle",
    "WaitResult",
    "Waitable",
    "WaitableTimer",
    "Win32Error",
    "current_thread",
    "queue_apc",
    "signal_and_wait",
    "sleep",
    "start_process",
    "start_thread",
    "wait_all",
    "wait_any",
]
