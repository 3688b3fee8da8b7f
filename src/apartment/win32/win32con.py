"""Win32 constants with the SDK's values, as pywin32's ``win32con`` spells them.

Only the constants of the layers this library models. A constant the core defines (message
numbers and flags, the kernel's limits) is imported from there, its one home. Where
pywin32's values differ from the current SDK headers (``QS_ALLINPUT`` is 255 here, 0x4FF in
``win32event``), pywin32's value is kept; every mask accepts both.
"""

from __future__ import annotations

from ..kernel import MAXIMUM_SUSPEND_COUNT as MAXIMUM_SUSPEND_COUNT
from ..kernel import MAXIMUM_WAIT_OBJECTS as MAXIMUM_WAIT_OBJECTS
from ..kernel import STILL_ACTIVE as STILL_ACTIVE
from ..messages import HWND_BROADCAST as HWND_BROADCAST
from ..messages import HWND_MESSAGE as HWND_MESSAGE
from ..messages import ISMEX_CALLBACK as ISMEX_CALLBACK
from ..messages import ISMEX_NOSEND as ISMEX_NOSEND
from ..messages import ISMEX_NOTIFY as ISMEX_NOTIFY
from ..messages import ISMEX_REPLIED as ISMEX_REPLIED
from ..messages import ISMEX_SEND as ISMEX_SEND
from ..messages import MWMO_ALERTABLE as MWMO_ALERTABLE
from ..messages import MWMO_INPUTAVAILABLE as MWMO_INPUTAVAILABLE
from ..messages import MWMO_WAITALL as MWMO_WAITALL
from ..messages import PM_NOREMOVE as PM_NOREMOVE
from ..messages import PM_NOYIELD as PM_NOYIELD
from ..messages import PM_REMOVE as PM_REMOVE
from ..messages import QS_HOTKEY as QS_HOTKEY
from ..messages import QS_KEY as QS_KEY
from ..messages import QS_MOUSE as QS_MOUSE
from ..messages import QS_MOUSEBUTTON as QS_MOUSEBUTTON
from ..messages import QS_MOUSEMOVE as QS_MOUSEMOVE
from ..messages import QS_PAINT as QS_PAINT
from ..messages import QS_POSTMESSAGE as QS_POSTMESSAGE
from ..messages import QS_SENDMESSAGE as QS_SENDMESSAGE
from ..messages import QS_TIMER as QS_TIMER
from ..messages import SMTO_ABORTIFHUNG as SMTO_ABORTIFHUNG
from ..messages import SMTO_BLOCK as SMTO_BLOCK
from ..messages import SMTO_NORMAL as SMTO_NORMAL
from ..messages import SMTO_NOTIMEOUTIFNOTHUNG as SMTO_NOTIMEOUTIFNOTHUNG
from ..messages import WM_APP as WM_APP
from ..messages import WM_CLOSE as WM_CLOSE
from ..messages import WM_CREATE as WM_CREATE
from ..messages import WM_DESTROY as WM_DESTROY
from ..messages import WM_HOTKEY as WM_HOTKEY
from ..messages import WM_KEYFIRST as WM_KEYFIRST
from ..messages import WM_KEYLAST as WM_KEYLAST
from ..messages import WM_MOUSEFIRST as WM_MOUSEFIRST
from ..messages import WM_MOUSELAST as WM_MOUSELAST
from ..messages import WM_NCCREATE as WM_NCCREATE
from ..messages import WM_NCDESTROY as WM_NCDESTROY
from ..messages import WM_NULL as WM_NULL
from ..messages import WM_PAINT as WM_PAINT
from ..messages import WM_QUIT as WM_QUIT
from ..messages import WM_TIMER as WM_TIMER
from ..messages import WM_USER as WM_USER
from ._adapt import INFINITE as INFINITE
from ._adapt import WAIT_ABANDONED_0 as WAIT_ABANDONED_0
from ._adapt import WAIT_IO_COMPLETION as WAIT_IO_COMPLETION
from ._adapt import WAIT_OBJECT_0 as WAIT_OBJECT_0
from ._adapt import WAIT_TIMEOUT as WAIT_TIMEOUT

# -- waits ----------------------------------------------------------------------------------
WAIT_ABANDONED = WAIT_ABANDONED_0
WAIT_FAILED = -1

# -- access rights and object flags ---------------------------------------------------------
DELETE = 0x00010000
READ_CONTROL = 0x00020000
WRITE_DAC = 0x00040000
WRITE_OWNER = 0x00080000
SYNCHRONIZE = 0x00100000
STANDARD_RIGHTS_REQUIRED = 0x000F0000
STANDARD_RIGHTS_ALL = 0x001F0000
GENERIC_READ = -2147483648  # 0x80000000, signed as in pywin32
GENERIC_WRITE = 0x40000000
GENERIC_EXECUTE = 0x20000000
GENERIC_ALL = 0x10000000
EVENT_MODIFY_STATE = 0x0002
EVENT_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x3
MUTANT_QUERY_STATE = 0x0001
MUTEX_ALL_ACCESS = MUTANT_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | MUTANT_QUERY_STATE
SEMAPHORE_MODIFY_STATE = 0x0002
SEMAPHORE_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x3
TIMER_QUERY_STATE = 0x0001
TIMER_MODIFY_STATE = 0x0002
TIMER_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | TIMER_QUERY_STATE | TIMER_MODIFY_STATE
PROCESS_TERMINATE = 0x0001
PROCESS_QUERY_INFORMATION = 0x0400
PROCESS_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF
THREAD_TERMINATE = 0x0001
THREAD_SUSPEND_RESUME = 0x0002
THREAD_QUERY_INFORMATION = 0x0040
THREAD_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF
HANDLE_FLAG_INHERIT = 0x00000001
HANDLE_FLAG_PROTECT_FROM_CLOSE = 0x00000002
DUPLICATE_CLOSE_SOURCE = 0x00000001
DUPLICATE_SAME_ACCESS = 0x00000002
CREATE_EVENT_MANUAL_RESET = 0x00000001
CREATE_EVENT_INITIAL_SET = 0x00000002
CREATE_MUTEX_INITIAL_OWNER = 0x00000001
CREATE_WAITABLE_TIMER_MANUAL_RESET = 0x00000001
CREATE_WAITABLE_TIMER_HIGH_RESOLUTION = 0x00000002

# -- threads and processes ------------------------------------------------------------------
CREATE_SUSPENDED = 0x00000004
DETACHED_PROCESS = 0x00000008
CREATE_NEW_CONSOLE = 0x00000010
CREATE_NEW_PROCESS_GROUP = 0x00000200
CREATE_NO_WINDOW = 0x08000000
NORMAL_PRIORITY_CLASS = 0x00000020
THREAD_PRIORITY_NORMAL = 0
STARTF_USESHOWWINDOW = 0x00000001
STARTF_USESTDHANDLES = 0x00000100
SW_HIDE = 0
SW_SHOWNORMAL = SW_NORMAL = 1
SW_SHOW = 5

# -- messages: pywin32's legacy QS masks, without QS_RAWINPUT (win32event has the SDK's) -----
QS_INPUT = QS_MOUSE | QS_KEY
QS_ALLEVENTS = QS_INPUT | QS_POSTMESSAGE | QS_TIMER | QS_PAINT | QS_HOTKEY
QS_ALLINPUT = QS_ALLEVENTS | QS_SENDMESSAGE
