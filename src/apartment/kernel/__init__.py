"""The kernel layer: waitable objects, the wait engine, threads, processes and handles.

Everything here is Win32's kernel object model in Python spelling; nothing above this layer
is imported.
"""

from . import _shared_async as _shared_async  # plugs awaited shared waits into the engine
from ._core import ALERTED as ALERTED
from ._core import MAXIMUM_WAIT_OBJECTS as MAXIMUM_WAIT_OBJECTS
from ._core import Waitable as Waitable
from ._core import WaitResult as WaitResult
from ._event import Event as Event
from ._event import EventStatistics as EventStatistics
from ._handles import CURRENT_PROCESS as CURRENT_PROCESS
from ._handles import CURRENT_THREAD as CURRENT_THREAD
from ._handles import HandleTable as HandleTable
from ._handles import handles as handles
from ._handles import inherit_from_parent as inherit_from_parent
from ._mutex import Mutex as Mutex
from ._mutex import MutexStatistics as MutexStatistics
from ._namespace import create_named as create_named
from ._namespace import open_named as open_named
from ._process import PROGRAM_MODULE as PROGRAM_MODULE
from ._process import PrimaryThread as PrimaryThread
from ._process import ProcessHandle as ProcessHandle
from ._process import ProcessStatistics as ProcessStatistics
from ._process import current_process as current_process
from ._process import module_handle as module_handle
from ._process import open_process as open_process
from ._records import publish as publish
from ._semaphore import Semaphore as Semaphore
from ._semaphore import SemaphoreStatistics as SemaphoreStatistics
from ._spawn import create_process as create_process
from ._spawn import start_process as start_process
from ._thread import MAXIMUM_SUSPEND_COUNT as MAXIMUM_SUSPEND_COUNT
from ._thread import STILL_ACTIVE as STILL_ACTIVE
from ._thread import ThreadHandle as ThreadHandle
from ._thread import ThreadStatistics as ThreadStatistics
from ._thread import current_thread as current_thread
from ._thread import queue_apc as queue_apc
from ._thread import start_thread as start_thread
from ._thread import thread_by_id as thread_by_id
from ._timer import TimerStatistics as TimerStatistics
from ._timer import WaitableTimer as WaitableTimer
from ._wait import signal_and_wait as signal_and_wait
from ._wait import sleep as sleep
from ._wait import wait_all as wait_all
from ._wait import wait_any as wait_any

__all__ = [
    "ALERTED",
    "CURRENT_PROCESS",
    "CURRENT_THREAD",
    "MAXIMUM_SUSPEND_COUNT",
    "MAXIMUM_WAIT_OBJECTS",
    "PROGRAM_MODULE",
    "STILL_ACTIVE",
    "Event",
    "EventStatistics",
    "HandleTable",
    "Mutex",
    "MutexStatistics",
    "PrimaryThread",
    "ProcessHandle",
    "ProcessStatistics",
    "Semaphore",
    "SemaphoreStatistics",
    "ThreadHandle",
    "ThreadStatistics",
    "TimerStatistics",
    "WaitResult",
    "Waitable",
    "WaitableTimer",
    "create_named",
    "create_process",
    "current_process",
    "current_thread",
    "handles",
    "inherit_from_parent",
    "module_handle",
    "open_named",
    "open_process",
    "publish",
    "queue_apc",
    "signal_and_wait",
    "sleep",
    "start_process",
    "start_thread",
    "thread_by_id",
    "wait_all",
    "wait_any",
]
