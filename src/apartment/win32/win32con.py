"""Win32 constants with the SDK's values, as pywin32's ``win32con`` spells them.

Only the constants of the layers this library models. A constant the core defines (message
numbers and flags, the kernel's limits) is imported from there, its one home. Where
pywin32's values differ from the current SDK headers (``QS_ALLINPUT`` is 255 here, 0x4FF in
``win32event``), pywin32's value is kept; every mask accepts both.
"""

from __future__ import annotations

from ..kernel import CREATE_ALWAYS as CREATE_ALWAYS
from ..kernel import CREATE_NEW as CREATE_NEW
from ..kernel import FILE_ATTRIBUTE_ARCHIVE as FILE_ATTRIBUTE_ARCHIVE
from ..kernel import FILE_ATTRIBUTE_DIRECTORY as FILE_ATTRIBUTE_DIRECTORY
from ..kernel import FILE_ATTRIBUTE_HIDDEN as FILE_ATTRIBUTE_HIDDEN
from ..kernel import FILE_ATTRIBUTE_NORMAL as FILE_ATTRIBUTE_NORMAL
from ..kernel import FILE_ATTRIBUTE_READONLY as FILE_ATTRIBUTE_READONLY
from ..kernel import FILE_ATTRIBUTE_SYSTEM as FILE_ATTRIBUTE_SYSTEM
from ..kernel import FILE_ATTRIBUTE_TEMPORARY as FILE_ATTRIBUTE_TEMPORARY
from ..kernel import FILE_BEGIN as FILE_BEGIN
from ..kernel import FILE_CURRENT as FILE_CURRENT
from ..kernel import FILE_END as FILE_END
from ..kernel import FILE_FLAG_BACKUP_SEMANTICS as FILE_FLAG_BACKUP_SEMANTICS
from ..kernel import FILE_FLAG_DELETE_ON_CLOSE as FILE_FLAG_DELETE_ON_CLOSE
from ..kernel import FILE_FLAG_NO_BUFFERING as FILE_FLAG_NO_BUFFERING
from ..kernel import FILE_FLAG_OVERLAPPED as FILE_FLAG_OVERLAPPED
from ..kernel import FILE_FLAG_POSIX_SEMANTICS as FILE_FLAG_POSIX_SEMANTICS
from ..kernel import FILE_FLAG_RANDOM_ACCESS as FILE_FLAG_RANDOM_ACCESS
from ..kernel import FILE_FLAG_SEQUENTIAL_SCAN as FILE_FLAG_SEQUENTIAL_SCAN
from ..kernel import FILE_SHARE_DELETE as FILE_SHARE_DELETE
from ..kernel import FILE_SHARE_READ as FILE_SHARE_READ
from ..kernel import FILE_SHARE_WRITE as FILE_SHARE_WRITE
from ..kernel import LOCKFILE_EXCLUSIVE_LOCK as LOCKFILE_EXCLUSIVE_LOCK
from ..kernel import LOCKFILE_FAIL_IMMEDIATELY as LOCKFILE_FAIL_IMMEDIATELY
from ..kernel import MAXIMUM_SUSPEND_COUNT as MAXIMUM_SUSPEND_COUNT
from ..kernel import MAXIMUM_WAIT_OBJECTS as MAXIMUM_WAIT_OBJECTS
from ..kernel import OPEN_ALWAYS as OPEN_ALWAYS
from ..kernel import OPEN_EXISTING as OPEN_EXISTING
from ..kernel import PIPE_ACCESS_DUPLEX as PIPE_ACCESS_DUPLEX
from ..kernel import PIPE_ACCESS_INBOUND as PIPE_ACCESS_INBOUND
from ..kernel import PIPE_ACCESS_OUTBOUND as PIPE_ACCESS_OUTBOUND
from ..kernel import PIPE_CLIENT_END as PIPE_CLIENT_END
from ..kernel import PIPE_NOWAIT as PIPE_NOWAIT
from ..kernel import PIPE_READMODE_BYTE as PIPE_READMODE_BYTE
from ..kernel import PIPE_READMODE_MESSAGE as PIPE_READMODE_MESSAGE
from ..kernel import PIPE_SERVER_END as PIPE_SERVER_END
from ..kernel import PIPE_TYPE_BYTE as PIPE_TYPE_BYTE
from ..kernel import PIPE_TYPE_MESSAGE as PIPE_TYPE_MESSAGE
from ..kernel import PIPE_UNLIMITED_INSTANCES as PIPE_UNLIMITED_INSTANCES
from ..kernel import PIPE_WAIT as PIPE_WAIT
from ..kernel import STILL_ACTIVE as STILL_ACTIVE
from ..kernel import TRUNCATE_EXISTING as TRUNCATE_EXISTING
from ..messages import CF_BITMAP as CF_BITMAP
from ..messages import CF_DIB as CF_DIB
from ..messages import CF_DIBV5 as CF_DIBV5
from ..messages import CF_DIF as CF_DIF
from ..messages import CF_DSPBITMAP as CF_DSPBITMAP
from ..messages import CF_DSPENHMETAFILE as CF_DSPENHMETAFILE
from ..messages import CF_DSPMETAFILEPICT as CF_DSPMETAFILEPICT
from ..messages import CF_DSPTEXT as CF_DSPTEXT
from ..messages import CF_ENHMETAFILE as CF_ENHMETAFILE
from ..messages import CF_GDIOBJFIRST as CF_GDIOBJFIRST
from ..messages import CF_GDIOBJLAST as CF_GDIOBJLAST
from ..messages import CF_HDROP as CF_HDROP
from ..messages import CF_LOCALE as CF_LOCALE
from ..messages import CF_MAX as CF_MAX
from ..messages import CF_METAFILEPICT as CF_METAFILEPICT
from ..messages import CF_OEMTEXT as CF_OEMTEXT
from ..messages import CF_OWNERDISPLAY as CF_OWNERDISPLAY
from ..messages import CF_PALETTE as CF_PALETTE
from ..messages import CF_PENDATA as CF_PENDATA
from ..messages import CF_PRIVATEFIRST as CF_PRIVATEFIRST
from ..messages import CF_PRIVATELAST as CF_PRIVATELAST
from ..messages import CF_RIFF as CF_RIFF
from ..messages import CF_SYLK as CF_SYLK
from ..messages import CF_TEXT as CF_TEXT
from ..messages import CF_TIFF as CF_TIFF
from ..messages import CF_UNICODETEXT as CF_UNICODETEXT
from ..messages import CF_WAVE as CF_WAVE
from ..messages import CS_BYTEALIGNCLIENT as CS_BYTEALIGNCLIENT
from ..messages import CS_BYTEALIGNWINDOW as CS_BYTEALIGNWINDOW
from ..messages import CS_CLASSDC as CS_CLASSDC
from ..messages import CS_DBLCLKS as CS_DBLCLKS
from ..messages import CS_DROPSHADOW as CS_DROPSHADOW
from ..messages import CS_GLOBALCLASS as CS_GLOBALCLASS
from ..messages import CS_HREDRAW as CS_HREDRAW
from ..messages import CS_IME as CS_IME
from ..messages import CS_NOCLOSE as CS_NOCLOSE
from ..messages import CS_OWNDC as CS_OWNDC
from ..messages import CS_PARENTDC as CS_PARENTDC
from ..messages import CS_SAVEBITS as CS_SAVEBITS
from ..messages import CS_VREDRAW as CS_VREDRAW
from ..messages import GW_CHILD as GW_CHILD
from ..messages import GW_ENABLEDPOPUP as GW_ENABLEDPOPUP
from ..messages import GW_HWNDFIRST as GW_HWNDFIRST
from ..messages import GW_HWNDLAST as GW_HWNDLAST
from ..messages import GW_HWNDNEXT as GW_HWNDNEXT
from ..messages import GW_HWNDPREV as GW_HWNDPREV
from ..messages import GW_OWNER as GW_OWNER
from ..messages import HWND_BOTTOM as HWND_BOTTOM
from ..messages import HWND_BROADCAST as HWND_BROADCAST
from ..messages import HWND_DESKTOP as HWND_DESKTOP
from ..messages import HWND_MESSAGE as HWND_MESSAGE
from ..messages import HWND_NOTOPMOST as HWND_NOTOPMOST
from ..messages import HWND_TOP as HWND_TOP
from ..messages import HWND_TOPMOST as HWND_TOPMOST
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
from ..messages import SIZE_MAXHIDE as SIZE_MAXHIDE
from ..messages import SIZE_MAXIMIZED as SIZE_MAXIMIZED
from ..messages import SIZE_MAXSHOW as SIZE_MAXSHOW
from ..messages import SIZE_MINIMIZED as SIZE_MINIMIZED
from ..messages import SIZE_RESTORED as SIZE_RESTORED
from ..messages import SMTO_ABORTIFHUNG as SMTO_ABORTIFHUNG
from ..messages import SMTO_BLOCK as SMTO_BLOCK
from ..messages import SMTO_NORMAL as SMTO_NORMAL
from ..messages import SMTO_NOTIMEOUTIFNOTHUNG as SMTO_NOTIMEOUTIFNOTHUNG
from ..messages import SW_FORCEMINIMIZE as SW_FORCEMINIMIZE
from ..messages import SW_HIDE as SW_HIDE
from ..messages import SW_MAX as SW_MAX
from ..messages import SW_MAXIMIZE as SW_MAXIMIZE
from ..messages import SW_MINIMIZE as SW_MINIMIZE
from ..messages import SW_NORMAL as SW_NORMAL
from ..messages import SW_RESTORE as SW_RESTORE
from ..messages import SW_SHOW as SW_SHOW
from ..messages import SW_SHOWDEFAULT as SW_SHOWDEFAULT
from ..messages import SW_SHOWMAXIMIZED as SW_SHOWMAXIMIZED
from ..messages import SW_SHOWMINIMIZED as SW_SHOWMINIMIZED
from ..messages import SW_SHOWMINNOACTIVE as SW_SHOWMINNOACTIVE
from ..messages import SW_SHOWNA as SW_SHOWNA
from ..messages import SW_SHOWNOACTIVATE as SW_SHOWNOACTIVATE
from ..messages import SW_SHOWNORMAL as SW_SHOWNORMAL
from ..messages import SWP_ASYNCWINDOWPOS as SWP_ASYNCWINDOWPOS
from ..messages import SWP_DEFERERASE as SWP_DEFERERASE
from ..messages import SWP_DRAWFRAME as SWP_DRAWFRAME
from ..messages import SWP_FRAMECHANGED as SWP_FRAMECHANGED
from ..messages import SWP_HIDEWINDOW as SWP_HIDEWINDOW
from ..messages import SWP_NOACTIVATE as SWP_NOACTIVATE
from ..messages import SWP_NOCOPYBITS as SWP_NOCOPYBITS
from ..messages import SWP_NOMOVE as SWP_NOMOVE
from ..messages import SWP_NOOWNERZORDER as SWP_NOOWNERZORDER
from ..messages import SWP_NOREDRAW as SWP_NOREDRAW
from ..messages import SWP_NOREPOSITION as SWP_NOREPOSITION
from ..messages import SWP_NOSENDCHANGING as SWP_NOSENDCHANGING
from ..messages import SWP_NOSIZE as SWP_NOSIZE
from ..messages import SWP_NOZORDER as SWP_NOZORDER
from ..messages import SWP_SHOWWINDOW as SWP_SHOWWINDOW
from ..messages import WM_APP as WM_APP
from ..messages import WM_CLOSE as WM_CLOSE
from ..messages import WM_CREATE as WM_CREATE
from ..messages import WM_DESTROY as WM_DESTROY
from ..messages import WM_DESTROYCLIPBOARD as WM_DESTROYCLIPBOARD
from ..messages import WM_GETTEXT as WM_GETTEXT
from ..messages import WM_GETTEXTLENGTH as WM_GETTEXTLENGTH
from ..messages import WM_HOTKEY as WM_HOTKEY
from ..messages import WM_KEYFIRST as WM_KEYFIRST
from ..messages import WM_KEYLAST as WM_KEYLAST
from ..messages import WM_MOUSEFIRST as WM_MOUSEFIRST
from ..messages import WM_MOUSELAST as WM_MOUSELAST
from ..messages import WM_MOVE as WM_MOVE
from ..messages import WM_NCCREATE as WM_NCCREATE
from ..messages import WM_NCDESTROY as WM_NCDESTROY
from ..messages import WM_NULL as WM_NULL
from ..messages import WM_PAINT as WM_PAINT
from ..messages import WM_PARENTNOTIFY as WM_PARENTNOTIFY
from ..messages import WM_QUIT as WM_QUIT
from ..messages import WM_RENDERALLFORMATS as WM_RENDERALLFORMATS
from ..messages import WM_RENDERFORMAT as WM_RENDERFORMAT
from ..messages import WM_SETTEXT as WM_SETTEXT
from ..messages import WM_SHOWWINDOW as WM_SHOWWINDOW
from ..messages import WM_SIZE as WM_SIZE
from ..messages import WM_TIMER as WM_TIMER
from ..messages import WM_USER as WM_USER
from ..messages import WM_WINDOWPOSCHANGED as WM_WINDOWPOSCHANGED
from ..messages import WM_WINDOWPOSCHANGING as WM_WINDOWPOSCHANGING
from ..messages import WS_BORDER as WS_BORDER
from ..messages import WS_CAPTION as WS_CAPTION
from ..messages import WS_CHILD as WS_CHILD
from ..messages import WS_CHILDWINDOW as WS_CHILDWINDOW
from ..messages import WS_CLIPCHILDREN as WS_CLIPCHILDREN
from ..messages import WS_CLIPSIBLINGS as WS_CLIPSIBLINGS
from ..messages import WS_DISABLED as WS_DISABLED
from ..messages import WS_DLGFRAME as WS_DLGFRAME
from ..messages import WS_EX_ACCEPTFILES as WS_EX_ACCEPTFILES
from ..messages import WS_EX_APPWINDOW as WS_EX_APPWINDOW
from ..messages import WS_EX_CLIENTEDGE as WS_EX_CLIENTEDGE
from ..messages import WS_EX_COMPOSITED as WS_EX_COMPOSITED
from ..messages import WS_EX_CONTEXTHELP as WS_EX_CONTEXTHELP
from ..messages import WS_EX_CONTROLPARENT as WS_EX_CONTROLPARENT
from ..messages import WS_EX_DLGMODALFRAME as WS_EX_DLGMODALFRAME
from ..messages import WS_EX_LAYERED as WS_EX_LAYERED
from ..messages import WS_EX_LAYOUTRTL as WS_EX_LAYOUTRTL
from ..messages import WS_EX_LEFT as WS_EX_LEFT
from ..messages import WS_EX_LEFTSCROLLBAR as WS_EX_LEFTSCROLLBAR
from ..messages import WS_EX_LTRREADING as WS_EX_LTRREADING
from ..messages import WS_EX_MDICHILD as WS_EX_MDICHILD
from ..messages import WS_EX_NOACTIVATE as WS_EX_NOACTIVATE
from ..messages import WS_EX_NOINHERITLAYOUT as WS_EX_NOINHERITLAYOUT
from ..messages import WS_EX_NOPARENTNOTIFY as WS_EX_NOPARENTNOTIFY
from ..messages import WS_EX_OVERLAPPEDWINDOW as WS_EX_OVERLAPPEDWINDOW
from ..messages import WS_EX_PALETTEWINDOW as WS_EX_PALETTEWINDOW
from ..messages import WS_EX_RIGHT as WS_EX_RIGHT
from ..messages import WS_EX_RIGHTSCROLLBAR as WS_EX_RIGHTSCROLLBAR
from ..messages import WS_EX_RTLREADING as WS_EX_RTLREADING
from ..messages import WS_EX_STATICEDGE as WS_EX_STATICEDGE
from ..messages import WS_EX_TOOLWINDOW as WS_EX_TOOLWINDOW
from ..messages import WS_EX_TOPMOST as WS_EX_TOPMOST
from ..messages import WS_EX_TRANSPARENT as WS_EX_TRANSPARENT
from ..messages import WS_EX_WINDOWEDGE as WS_EX_WINDOWEDGE
from ..messages import WS_GROUP as WS_GROUP
from ..messages import WS_HSCROLL as WS_HSCROLL
from ..messages import WS_ICONIC as WS_ICONIC
from ..messages import WS_MAXIMIZE as WS_MAXIMIZE
from ..messages import WS_MAXIMIZEBOX as WS_MAXIMIZEBOX
from ..messages import WS_MINIMIZE as WS_MINIMIZE
from ..messages import WS_MINIMIZEBOX as WS_MINIMIZEBOX
from ..messages import WS_OVERLAPPED as WS_OVERLAPPED
from ..messages import WS_OVERLAPPEDWINDOW as WS_OVERLAPPEDWINDOW
from ..messages import WS_SIZEBOX as WS_SIZEBOX
from ..messages import WS_SYSMENU as WS_SYSMENU
from ..messages import WS_TABSTOP as WS_TABSTOP
from ..messages import WS_THICKFRAME as WS_THICKFRAME
from ..messages import WS_TILED as WS_TILED
from ..messages import WS_TILEDWINDOW as WS_TILEDWINDOW
from ..messages import WS_VISIBLE as WS_VISIBLE
from ..messages import WS_VSCROLL as WS_VSCROLL
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
PROCESS_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFF  # pywin32's (pre-Vista SDK)
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

# -- files and pipes (the core's values; pywin32 reads 0x80000000 and 0xFFFFFFFF signed) ----
FILE_FLAG_WRITE_THROUGH = -2147483648
NMPWAIT_WAIT_FOREVER = -1
NMPWAIT_NOWAIT = 1
NMPWAIT_USE_DEFAULT_WAIT = 0
FILE_TYPE_UNKNOWN = 0
FILE_TYPE_DISK = 1
FILE_TYPE_CHAR = 2
FILE_TYPE_PIPE = 3
FILE_TYPE_REMOTE = 0x8000

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

# -- messages: pywin32's legacy QS masks, without QS_RAWINPUT (win32event has the SDK's) -----
QS_INPUT = QS_MOUSE | QS_KEY
QS_ALLEVENTS = QS_INPUT | QS_POSTMESSAGE | QS_TIMER | QS_PAINT | QS_HOTKEY
QS_ALLINPUT = QS_ALLEVENTS | QS_SENDMESSAGE

# -- windows: pywin32's signed values where the SDK's have the top bit set --------------------
WS_POPUP = -2147483648  # 0x80000000, signed as in pywin32
WS_POPUPWINDOW = -2138570752  # 0x80880000, signed as in pywin32
CW_USEDEFAULT = -2147483648  # 0x80000000, signed as in pywin32

# -- the clipboard's viewer messages (the core sends none of them) -----------------------------
WM_DRAWCLIPBOARD = 0x0308
WM_PAINTCLIPBOARD = 0x0309
WM_VSCROLLCLIPBOARD = 0x030A
WM_SIZECLIPBOARD = 0x030B
WM_ASKCBFORMATNAME = 0x030C
WM_CHANGECBCHAIN = 0x030D
WM_HSCROLLCLIPBOARD = 0x030E
CF_RTF = "Rich Text Format"
CF_RTFNOOBJS = "Rich Text Format Without Objects"
CF_RETEXTOBJ = "RichEdit Text and Objects"

# the registry (apartment.registry)
from ..registry import HKEY_CURRENT_USER as _HKCU  # noqa: E402

HKEY_CLASSES_ROOT = -2147483648
HKEY_CURRENT_USER = _HKCU - 2**32  # pywin32's values are signed
HKEY_LOCAL_MACHINE = -2147483646
HKEY_USERS = -2147483645
from ..registry import KEY_ALL_ACCESS as KEY_ALL_ACCESS  # noqa: E402
from ..registry import KEY_CREATE_SUB_KEY as KEY_CREATE_SUB_KEY  # noqa: E402
from ..registry import KEY_ENUMERATE_SUB_KEYS as KEY_ENUMERATE_SUB_KEYS  # noqa: E402
from ..registry import KEY_NOTIFY as KEY_NOTIFY  # noqa: E402
from ..registry import KEY_QUERY_VALUE as KEY_QUERY_VALUE  # noqa: E402
from ..registry import KEY_READ as KEY_READ  # noqa: E402
from ..registry import KEY_SET_VALUE as KEY_SET_VALUE  # noqa: E402
from ..registry import KEY_WRITE as KEY_WRITE  # noqa: E402
from ..registry import REG_BINARY as REG_BINARY  # noqa: E402
from ..registry import REG_DWORD as REG_DWORD  # noqa: E402
from ..registry import REG_DWORD_BIG_ENDIAN as REG_DWORD_BIG_ENDIAN  # noqa: E402
from ..registry import REG_EXPAND_SZ as REG_EXPAND_SZ  # noqa: E402
from ..registry import REG_LINK as REG_LINK  # noqa: E402
from ..registry import REG_MULTI_SZ as REG_MULTI_SZ  # noqa: E402
from ..registry import REG_NONE as REG_NONE  # noqa: E402
from ..registry import REG_QWORD as REG_QWORD  # noqa: E402
from ..registry import REG_SZ as REG_SZ  # noqa: E402

REG_DWORD_LITTLE_ENDIAN = REG_DWORD
REG_QWORD_LITTLE_ENDIAN = REG_QWORD
REG_CREATED_NEW_KEY = 1
REG_OPENED_EXISTING_KEY = 2
TIME_ZONE_ID_UNKNOWN = 0
TIME_ZONE_ID_STANDARD = 1
TIME_ZONE_ID_DAYLIGHT = 2
FORMAT_MESSAGE_ALLOCATE_BUFFER = 256
FORMAT_MESSAGE_IGNORE_INSERTS = 512
FORMAT_MESSAGE_FROM_STRING = 1024
FORMAT_MESSAGE_FROM_HMODULE = 2048
FORMAT_MESSAGE_FROM_SYSTEM = 4096
FORMAT_MESSAGE_ARGUMENT_ARRAY = 8192
FORMAT_MESSAGE_MAX_WIDTH_MASK = 255

# GetSystemMetrics' indexes (the ones the kernel's fixed table answers).
SM_CXSCREEN = 0
SM_CYSCREEN = 1
SM_CXVSCROLL = 2
SM_CYHSCROLL = 3
SM_CYCAPTION = 4
SM_CXBORDER = 5
SM_CYBORDER = 6
SM_CXICON = 11
SM_CYICON = 12
SM_CXCURSOR = 13
SM_CYCURSOR = 14
SM_CYMENU = 15
SM_CXFULLSCREEN = 16
SM_MOUSEPRESENT = 19
SM_SWAPBUTTON = 23
SM_CXFRAME = 32
SM_CYFRAME = 33
SM_CMOUSEBUTTONS = 43
SM_CLEANBOOT = 67
SM_MOUSEWHEELPRESENT = 75
SM_XVIRTUALSCREEN = 76
SM_YVIRTUALSCREEN = 77
SM_CXVIRTUALSCREEN = 78
SM_CYVIRTUALSCREEN = 79
SM_CMONITORS = 80

# GetComputerNameEx's COMPUTER_NAME_FORMAT.
ComputerNameNetBIOS = 0
ComputerNameDnsHostname = 1
ComputerNameDnsDomain = 2
ComputerNameDnsFullyQualified = 3
ComputerNamePhysicalNetBIOS = 4
ComputerNamePhysicalDnsHostname = 5
ComputerNamePhysicalDnsDomain = 6
ComputerNamePhysicalDnsFullyQualified = 7

# Console control events (SetConsoleCtrlHandler, GenerateConsoleCtrlEvent).
CTRL_C_EVENT = 0
CTRL_BREAK_EVENT = 1
CTRL_CLOSE_EVENT = 2
CTRL_LOGOFF_EVENT = 5
CTRL_SHUTDOWN_EVENT = 6

# FindFirstChangeNotification's filter.
FILE_NOTIFY_CHANGE_FILE_NAME = 0x1
FILE_NOTIFY_CHANGE_DIR_NAME = 0x2
FILE_NOTIFY_CHANGE_ATTRIBUTES = 0x4
FILE_NOTIFY_CHANGE_SIZE = 0x8
FILE_NOTIFY_CHANGE_LAST_WRITE = 0x10
FILE_NOTIFY_CHANGE_LAST_ACCESS = 0x20
FILE_NOTIFY_CHANGE_CREATION = 0x40
FILE_NOTIFY_CHANGE_SECURITY = 0x100


# Macros pywin32's win32con repeats from winnt.h: the one home of each is our winnt.
from .winnt import IMAGE_ORDINAL as IMAGE_ORDINAL  # noqa: E402
from .winnt import IMAGE_SNAP_BY_ORDINAL as IMAGE_SNAP_BY_ORDINAL  # noqa: E402
from .winnt import PRIMARYLANGID as PRIMARYLANGID  # noqa: E402
from .winnt import SUBLANGID as SUBLANGID  # noqa: E402


def _fill_in() -> None:
    """Every other name pywin32's win32con has, from the SDK table (ours above win over it)."""
    from ._sdk_constants import VALUES

    here = globals()
    for name, value in VALUES.items():
        here.setdefault(name, value)


_fill_in()


# -- the SDK's colour macros, which pywin32's win32con defines as functions ------------------------


def GetRValue(rgb: int) -> int:
    """The red byte of a COLORREF."""
    return rgb & 0xFF


def GetGValue(rgb: int) -> int:
    """The green byte of a COLORREF."""
    return (rgb >> 8) & 0xFF


def GetBValue(rgb: int) -> int:
    """The blue byte of a COLORREF."""
    return (rgb >> 16) & 0xFF


def PALETTEINDEX(i: int) -> int:
    """A COLORREF naming entry ``i`` of the palette."""
    return 0x01000000 | i
