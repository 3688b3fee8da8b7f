"""Win32 error codes and HRESULTs, with the SDK's names and values (pywin32's ``winerror``).

The values the core uses live in :mod:`apartment.errors`, their one home; this module
re-exports them under pywin32's names, and every other name of pywin32's module comes from its
generated table (``_tables/winerror.py``), checked by tests/contract/test_constant_modules.py.
HRESULTs are the signed 32-bit values pywin32 uses
(``RPC_E_WRONG_THREAD == -2147417842``).
"""

from __future__ import annotations

from ..errors import CLASS_E_CLASSNOTAVAILABLE as CLASS_E_CLASSNOTAVAILABLE
from ..errors import CLASS_E_NOAGGREGATION as CLASS_E_NOAGGREGATION
from ..errors import CLIPBRD_E_BAD_DATA as CLIPBRD_E_BAD_DATA
from ..errors import CLIPBRD_E_CANT_CLOSE as CLIPBRD_E_CANT_CLOSE
from ..errors import CLIPBRD_E_CANT_EMPTY as CLIPBRD_E_CANT_EMPTY
from ..errors import CLIPBRD_E_CANT_OPEN as CLIPBRD_E_CANT_OPEN
from ..errors import CLIPBRD_E_CANT_SET as CLIPBRD_E_CANT_SET
from ..errors import CO_E_ALREADYINITIALIZED as CO_E_ALREADYINITIALIZED
from ..errors import CO_E_CLASSSTRING as CO_E_CLASSSTRING
from ..errors import CO_E_DLLNOTFOUND as CO_E_DLLNOTFOUND
from ..errors import CO_E_IIDSTRING as CO_E_IIDSTRING
from ..errors import CO_E_NOT_SUPPORTED as CO_E_NOT_SUPPORTED
from ..errors import CO_E_NOTINITIALIZED as CO_E_NOTINITIALIZED
from ..errors import CO_E_OBJNOTCONNECTED as CO_E_OBJNOTCONNECTED
from ..errors import CO_E_OBJNOTREG as CO_E_OBJNOTREG
from ..errors import CO_E_RELEASED as CO_E_RELEASED
from ..errors import CO_E_SERVER_EXEC_FAILURE as CO_E_SERVER_EXEC_FAILURE
from ..errors import CO_E_SERVER_STOPPING as CO_E_SERVER_STOPPING
from ..errors import DATA_S_SAMEFORMATETC as DATA_S_SAMEFORMATETC
from ..errors import DISP_E_BADINDEX as DISP_E_BADINDEX
from ..errors import DISP_E_BADPARAMCOUNT as DISP_E_BADPARAMCOUNT
from ..errors import DISP_E_BADVARTYPE as DISP_E_BADVARTYPE
from ..errors import DISP_E_EXCEPTION as DISP_E_EXCEPTION
from ..errors import DISP_E_MEMBERNOTFOUND as DISP_E_MEMBERNOTFOUND
from ..errors import DISP_E_NONAMEDARGS as DISP_E_NONAMEDARGS
from ..errors import DISP_E_OVERFLOW as DISP_E_OVERFLOW
from ..errors import DISP_E_PARAMNOTFOUND as DISP_E_PARAMNOTFOUND
from ..errors import DISP_E_PARAMNOTOPTIONAL as DISP_E_PARAMNOTOPTIONAL
from ..errors import DISP_E_TYPEMISMATCH as DISP_E_TYPEMISMATCH
from ..errors import DISP_E_UNKNOWNINTERFACE as DISP_E_UNKNOWNINTERFACE
from ..errors import DISP_E_UNKNOWNNAME as DISP_E_UNKNOWNNAME
from ..errors import DV_E_CLIPFORMAT as DV_E_CLIPFORMAT
from ..errors import DV_E_DVASPECT as DV_E_DVASPECT
from ..errors import DV_E_DVTARGETDEVICE as DV_E_DVTARGETDEVICE
from ..errors import DV_E_FORMATETC as DV_E_FORMATETC
from ..errors import DV_E_LINDEX as DV_E_LINDEX
from ..errors import DV_E_STATDATA as DV_E_STATDATA
from ..errors import DV_E_STGMEDIUM as DV_E_STGMEDIUM
from ..errors import DV_E_TYMED as DV_E_TYMED
from ..errors import E_ABORT as E_ABORT
from ..errors import E_ACCESSDENIED as E_ACCESSDENIED
from ..errors import E_FAIL as E_FAIL
from ..errors import E_HANDLE as E_HANDLE
from ..errors import E_INVALIDARG as E_INVALIDARG
from ..errors import E_NOINTERFACE as E_NOINTERFACE
from ..errors import E_NOTIMPL as E_NOTIMPL
from ..errors import E_OUTOFMEMORY as E_OUTOFMEMORY
from ..errors import E_POINTER as E_POINTER
from ..errors import E_UNEXPECTED as E_UNEXPECTED
from ..errors import ERROR_ABANDONED_WAIT_0 as ERROR_ABANDONED_WAIT_0
from ..errors import ERROR_ACCESS_DENIED as ERROR_ACCESS_DENIED
from ..errors import ERROR_ALREADY_EXISTS as ERROR_ALREADY_EXISTS
from ..errors import ERROR_BAD_EXE_FORMAT as ERROR_BAD_EXE_FORMAT
from ..errors import ERROR_BAD_IMPERSONATION_LEVEL as ERROR_BAD_IMPERSONATION_LEVEL
from ..errors import ERROR_BAD_PATHNAME as ERROR_BAD_PATHNAME
from ..errors import ERROR_BAD_PIPE as ERROR_BAD_PIPE
from ..errors import ERROR_BROKEN_PIPE as ERROR_BROKEN_PIPE
from ..errors import ERROR_CANNOT_FIND_WND_CLASS as ERROR_CANNOT_FIND_WND_CLASS
from ..errors import ERROR_CHILD_WINDOW_MENU as ERROR_CHILD_WINDOW_MENU
from ..errors import ERROR_CLASS_ALREADY_EXISTS as ERROR_CLASS_ALREADY_EXISTS
from ..errors import ERROR_CLASS_DOES_NOT_EXIST as ERROR_CLASS_DOES_NOT_EXIST
from ..errors import ERROR_CLIPBOARD_NOT_OPEN as ERROR_CLIPBOARD_NOT_OPEN
from ..errors import ERROR_COMMITMENT_LIMIT as ERROR_COMMITMENT_LIMIT
from ..errors import ERROR_CONNECTION_ABORTED as ERROR_CONNECTION_ABORTED
from ..errors import ERROR_CONNECTION_INVALID as ERROR_CONNECTION_INVALID
from ..errors import ERROR_CONNECTION_REFUSED as ERROR_CONNECTION_REFUSED
from ..errors import ERROR_CONTROL_ID_NOT_FOUND as ERROR_CONTROL_ID_NOT_FOUND
from ..errors import ERROR_DEPENDENT_SERVICES_RUNNING as ERROR_DEPENDENT_SERVICES_RUNNING
from ..errors import ERROR_DIR_NOT_EMPTY as ERROR_DIR_NOT_EMPTY
from ..errors import ERROR_DIRECTORY as ERROR_DIRECTORY
from ..errors import ERROR_DISK_FULL as ERROR_DISK_FULL
from ..errors import ERROR_DUPLICATE_SERVICE_NAME as ERROR_DUPLICATE_SERVICE_NAME
from ..errors import ERROR_EVT_CHANNEL_NOT_FOUND as ERROR_EVT_CHANNEL_NOT_FOUND
from ..errors import ERROR_EVT_INVALID_CHANNEL_PATH as ERROR_EVT_INVALID_CHANNEL_PATH
from ..errors import ERROR_EVT_INVALID_QUERY as ERROR_EVT_INVALID_QUERY
from ..errors import ERROR_EVT_MESSAGE_ID_NOT_FOUND as ERROR_EVT_MESSAGE_ID_NOT_FOUND
from ..errors import ERROR_EVT_MESSAGE_NOT_FOUND as ERROR_EVT_MESSAGE_NOT_FOUND
from ..errors import (
    ERROR_EVT_PUBLISHER_METADATA_NOT_FOUND as ERROR_EVT_PUBLISHER_METADATA_NOT_FOUND,
)
from ..errors import ERROR_EVT_UNRESOLVED_VALUE_INSERT as ERROR_EVT_UNRESOLVED_VALUE_INSERT
from ..errors import ERROR_EXCEPTION_IN_SERVICE as ERROR_EXCEPTION_IN_SERVICE
from ..errors import (
    ERROR_FAILED_SERVICE_CONTROLLER_CONNECT as ERROR_FAILED_SERVICE_CONTROLLER_CONNECT,
)
from ..errors import ERROR_FILE_EXISTS as ERROR_FILE_EXISTS
from ..errors import ERROR_FILE_INVALID as ERROR_FILE_INVALID
from ..errors import ERROR_FILE_NOT_FOUND as ERROR_FILE_NOT_FOUND
from ..errors import ERROR_FILENAME_EXCED_RANGE as ERROR_FILENAME_EXCED_RANGE
from ..errors import ERROR_GEN_FAILURE as ERROR_GEN_FAILURE
from ..errors import ERROR_GRACEFUL_DISCONNECT as ERROR_GRACEFUL_DISCONNECT
from ..errors import ERROR_HANDLE_EOF as ERROR_HANDLE_EOF
from ..errors import ERROR_HOST_UNREACHABLE as ERROR_HOST_UNREACHABLE
from ..errors import ERROR_INVALID_ACCEL_HANDLE as ERROR_INVALID_ACCEL_HANDLE
from ..errors import ERROR_INVALID_CURSOR_HANDLE as ERROR_INVALID_CURSOR_HANDLE
from ..errors import ERROR_INVALID_FLAGS as ERROR_INVALID_FLAGS
from ..errors import ERROR_INVALID_FUNCTION as ERROR_INVALID_FUNCTION
from ..errors import ERROR_INVALID_HANDLE as ERROR_INVALID_HANDLE
from ..errors import ERROR_INVALID_ICON_HANDLE as ERROR_INVALID_ICON_HANDLE
from ..errors import ERROR_INVALID_INDEX as ERROR_INVALID_INDEX
from ..errors import ERROR_INVALID_MENU_HANDLE as ERROR_INVALID_MENU_HANDLE
from ..errors import ERROR_INVALID_MESSAGE as ERROR_INVALID_MESSAGE
from ..errors import ERROR_INVALID_NAME as ERROR_INVALID_NAME
from ..errors import ERROR_INVALID_PARAMETER as ERROR_INVALID_PARAMETER
from ..errors import ERROR_INVALID_SERVICE_CONTROL as ERROR_INVALID_SERVICE_CONTROL
from ..errors import ERROR_INVALID_SID as ERROR_INVALID_SID
from ..errors import ERROR_INVALID_THREAD_ID as ERROR_INVALID_THREAD_ID
from ..errors import ERROR_INVALID_WINDOW_HANDLE as ERROR_INVALID_WINDOW_HANDLE
from ..errors import ERROR_IO_INCOMPLETE as ERROR_IO_INCOMPLETE
from ..errors import ERROR_IO_PENDING as ERROR_IO_PENDING
from ..errors import ERROR_KEY_DELETED as ERROR_KEY_DELETED
from ..errors import ERROR_LOCK_VIOLATION as ERROR_LOCK_VIOLATION
from ..errors import ERROR_MAPPED_ALIGNMENT as ERROR_MAPPED_ALIGNMENT
from ..errors import ERROR_MENU_ITEM_NOT_FOUND as ERROR_MENU_ITEM_NOT_FOUND
from ..errors import ERROR_MOD_NOT_FOUND as ERROR_MOD_NOT_FOUND
from ..errors import ERROR_MORE_DATA as ERROR_MORE_DATA
from ..errors import ERROR_MR_MID_NOT_FOUND as ERROR_MR_MID_NOT_FOUND
from ..errors import ERROR_NEGATIVE_SEEK as ERROR_NEGATIVE_SEEK
from ..errors import ERROR_NETNAME_DELETED as ERROR_NETNAME_DELETED
from ..errors import ERROR_NETWORK_UNREACHABLE as ERROR_NETWORK_UNREACHABLE
from ..errors import ERROR_NO_DATA as ERROR_NO_DATA
from ..errors import ERROR_NO_IMPERSONATION_TOKEN as ERROR_NO_IMPERSONATION_TOKEN
from ..errors import ERROR_NO_MORE_ITEMS as ERROR_NO_MORE_ITEMS
from ..errors import ERROR_NO_SUCH_DOMAIN as ERROR_NO_SUCH_DOMAIN
from ..errors import ERROR_NO_SUCH_PRIVILEGE as ERROR_NO_SUCH_PRIVILEGE
from ..errors import ERROR_NO_SYSTEM_RESOURCES as ERROR_NO_SYSTEM_RESOURCES
from ..errors import ERROR_NO_TOKEN as ERROR_NO_TOKEN
from ..errors import ERROR_NONE_MAPPED as ERROR_NONE_MAPPED
from ..errors import ERROR_NOT_ALL_ASSIGNED as ERROR_NOT_ALL_ASSIGNED
from ..errors import ERROR_NOT_ENOUGH_MEMORY as ERROR_NOT_ENOUGH_MEMORY
from ..errors import ERROR_NOT_ENOUGH_QUOTA as ERROR_NOT_ENOUGH_QUOTA
from ..errors import ERROR_NOT_FOUND as ERROR_NOT_FOUND
from ..errors import ERROR_NOT_LOCKED as ERROR_NOT_LOCKED
from ..errors import ERROR_NOT_OWNER as ERROR_NOT_OWNER
from ..errors import ERROR_NOT_SAME_DEVICE as ERROR_NOT_SAME_DEVICE
from ..errors import ERROR_NOT_SUPPORTED as ERROR_NOT_SUPPORTED
from ..errors import ERROR_OPERATION_ABORTED as ERROR_OPERATION_ABORTED
from ..errors import ERROR_PATH_NOT_FOUND as ERROR_PATH_NOT_FOUND
from ..errors import ERROR_PIPE_BUSY as ERROR_PIPE_BUSY
from ..errors import ERROR_PIPE_CONNECTED as ERROR_PIPE_CONNECTED
from ..errors import ERROR_PIPE_LISTENING as ERROR_PIPE_LISTENING
from ..errors import ERROR_PIPE_NOT_CONNECTED as ERROR_PIPE_NOT_CONNECTED
from ..errors import ERROR_PORT_UNREACHABLE as ERROR_PORT_UNREACHABLE
from ..errors import ERROR_PRIVILEGE_NOT_HELD as ERROR_PRIVILEGE_NOT_HELD
from ..errors import ERROR_PROCESS_ABORTED as ERROR_PROCESS_ABORTED
from ..errors import ERROR_REVISION_MISMATCH as ERROR_REVISION_MISMATCH
from ..errors import ERROR_SEM_TIMEOUT as ERROR_SEM_TIMEOUT
from ..errors import ERROR_SERVICE_ALREADY_RUNNING as ERROR_SERVICE_ALREADY_RUNNING
from ..errors import ERROR_SERVICE_CANNOT_ACCEPT_CTRL as ERROR_SERVICE_CANNOT_ACCEPT_CTRL
from ..errors import ERROR_SERVICE_DISABLED as ERROR_SERVICE_DISABLED
from ..errors import ERROR_SERVICE_DOES_NOT_EXIST as ERROR_SERVICE_DOES_NOT_EXIST
from ..errors import ERROR_SERVICE_EXISTS as ERROR_SERVICE_EXISTS
from ..errors import ERROR_SERVICE_MARKED_FOR_DELETE as ERROR_SERVICE_MARKED_FOR_DELETE
from ..errors import ERROR_SERVICE_NOT_ACTIVE as ERROR_SERVICE_NOT_ACTIVE
from ..errors import ERROR_SERVICE_REQUEST_TIMEOUT as ERROR_SERVICE_REQUEST_TIMEOUT
from ..errors import ERROR_SERVICE_SPECIFIC_ERROR as ERROR_SERVICE_SPECIFIC_ERROR
from ..errors import ERROR_SHARING_VIOLATION as ERROR_SHARING_VIOLATION
from ..errors import ERROR_SIGNAL_REFUSED as ERROR_SIGNAL_REFUSED
from ..errors import ERROR_SUCCESS as ERROR_SUCCESS
from ..errors import ERROR_TIMEOUT as ERROR_TIMEOUT
from ..errors import ERROR_TLW_WITH_WSCHILD as ERROR_TLW_WITH_WSCHILD
from ..errors import ERROR_TOO_MANY_OPEN_FILES as ERROR_TOO_MANY_OPEN_FILES
from ..errors import ERROR_TOO_MANY_POSTS as ERROR_TOO_MANY_POSTS
from ..errors import ERROR_WINDOW_OF_OTHER_THREAD as ERROR_WINDOW_OF_OTHER_THREAD
from ..errors import ERROR_WRITE_PROTECT as ERROR_WRITE_PROTECT
from ..errors import MK_E_CANTOPENFILE as MK_E_CANTOPENFILE
from ..errors import MK_E_CONNECTMANUALLY as MK_E_CONNECTMANUALLY
from ..errors import MK_E_ENUMERATION_FAILED as MK_E_ENUMERATION_FAILED
from ..errors import MK_E_EXCEEDEDDEADLINE as MK_E_EXCEEDEDDEADLINE
from ..errors import (
    MK_E_INTERMEDIATEINTERFACENOTSUPPORTED as MK_E_INTERMEDIATEINTERFACENOTSUPPORTED,
)
from ..errors import MK_E_INVALIDEXTENSION as MK_E_INVALIDEXTENSION
from ..errors import MK_E_MUSTBOTHERUSER as MK_E_MUSTBOTHERUSER
from ..errors import MK_E_NEEDGENERIC as MK_E_NEEDGENERIC
from ..errors import MK_E_NOINVERSE as MK_E_NOINVERSE
from ..errors import MK_E_NOOBJECT as MK_E_NOOBJECT
from ..errors import MK_E_NOPREFIX as MK_E_NOPREFIX
from ..errors import MK_E_NOSTORAGE as MK_E_NOSTORAGE
from ..errors import MK_E_NOTBINDABLE as MK_E_NOTBINDABLE
from ..errors import MK_E_NOTBOUND as MK_E_NOTBOUND
from ..errors import MK_E_SYNTAX as MK_E_SYNTAX
from ..errors import MK_E_UNAVAILABLE as MK_E_UNAVAILABLE
from ..errors import MK_S_HIM as MK_S_HIM
from ..errors import MK_S_ME as MK_S_ME
from ..errors import MK_S_MONIKERALREADYREGISTERED as MK_S_MONIKERALREADYREGISTERED
from ..errors import MK_S_REDUCED_TO_SELF as MK_S_REDUCED_TO_SELF
from ..errors import MK_S_US as MK_S_US
from ..errors import NO_ERROR as NO_ERROR
from ..errors import OLE_E_ADVISENOTSUPPORTED as OLE_E_ADVISENOTSUPPORTED
from ..errors import OLE_E_NOTRUNNING as OLE_E_NOTRUNNING
from ..errors import REGDB_E_CLASSNOTREG as REGDB_E_CLASSNOTREG
from ..errors import REGDB_E_IIDNOTREG as REGDB_E_IIDNOTREG
from ..errors import RPC_E_CALL_CANCELED as RPC_E_CALL_CANCELED
from ..errors import RPC_E_CALL_REJECTED as RPC_E_CALL_REJECTED
from ..errors import RPC_E_CANTCALLOUT_INASYNCCALL as RPC_E_CANTCALLOUT_INASYNCCALL
from ..errors import RPC_E_CANTCALLOUT_INEXTERNALCALL as RPC_E_CANTCALLOUT_INEXTERNALCALL
from ..errors import RPC_E_CANTCALLOUT_ININPUTSYNCCALL as RPC_E_CANTCALLOUT_ININPUTSYNCCALL
from ..errors import RPC_E_CHANGED_MODE as RPC_E_CHANGED_MODE
from ..errors import RPC_E_CLIENT_DIED as RPC_E_CLIENT_DIED
from ..errors import RPC_E_CONNECTION_TERMINATED as RPC_E_CONNECTION_TERMINATED
from ..errors import RPC_E_DISCONNECTED as RPC_E_DISCONNECTED
from ..errors import RPC_E_INVALID_OBJREF as RPC_E_INVALID_OBJREF
from ..errors import RPC_E_INVALIDMETHOD as RPC_E_INVALIDMETHOD
from ..errors import RPC_E_NO_SYNC as RPC_E_NO_SYNC
from ..errors import RPC_E_NOT_REGISTERED as RPC_E_NOT_REGISTERED
from ..errors import RPC_E_RETRY as RPC_E_RETRY
from ..errors import RPC_E_SERVER_DIED as RPC_E_SERVER_DIED
from ..errors import RPC_E_SERVER_DIED_DNE as RPC_E_SERVER_DIED_DNE
from ..errors import RPC_E_SERVERCALL_REJECTED as RPC_E_SERVERCALL_REJECTED
from ..errors import RPC_E_SERVERCALL_RETRYLATER as RPC_E_SERVERCALL_RETRYLATER
from ..errors import RPC_E_SERVERFAULT as RPC_E_SERVERFAULT
from ..errors import RPC_E_SYS_CALL_FAILED as RPC_E_SYS_CALL_FAILED
from ..errors import RPC_E_THREAD_NOT_INIT as RPC_E_THREAD_NOT_INIT
from ..errors import RPC_E_TIMEOUT as RPC_E_TIMEOUT
from ..errors import RPC_E_UNEXPECTED as RPC_E_UNEXPECTED
from ..errors import RPC_E_WRONG_THREAD as RPC_E_WRONG_THREAD
from ..errors import RPC_S_CALL_FAILED as RPC_S_CALL_FAILED
from ..errors import RPC_S_CALL_FAILED_DNE as RPC_S_CALL_FAILED_DNE
from ..errors import RPC_S_CALLPENDING as RPC_S_CALLPENDING
from ..errors import RPC_S_SERVER_UNAVAILABLE as RPC_S_SERVER_UNAVAILABLE
from ..errors import S_FALSE as S_FALSE
from ..errors import S_OK as S_OK
from ..errors import STG_E_ACCESSDENIED as STG_E_ACCESSDENIED
from ..errors import STG_E_FILEALREADYEXISTS as STG_E_FILEALREADYEXISTS
from ..errors import STG_E_FILENOTFOUND as STG_E_FILENOTFOUND
from ..errors import STG_E_INVALIDFLAG as STG_E_INVALIDFLAG
from ..errors import STG_E_INVALIDNAME as STG_E_INVALIDNAME
from ..errors import STG_E_INVALIDPARAMETER as STG_E_INVALIDPARAMETER
from ..errors import STG_E_PATHNOTFOUND as STG_E_PATHNOTFOUND
from ..errors import STG_E_READFAULT as STG_E_READFAULT
from ..errors import TRUST_E_ACTION_UNKNOWN as TRUST_E_ACTION_UNKNOWN
from ..errors import TRUST_E_NOSIGNATURE as TRUST_E_NOSIGNATURE
from ..errors import TRUST_E_PROVIDER_UNKNOWN as TRUST_E_PROVIDER_UNKNOWN
from ..errors import TRUST_E_SUBJECT_FORM_UNKNOWN as TRUST_E_SUBJECT_FORM_UNKNOWN
from ..errors import TRUST_E_SUBJECT_NOT_TRUSTED as TRUST_E_SUBJECT_NOT_TRUSTED
from ..errors import WAIT_TIMEOUT as WAIT_TIMEOUT
from ..errors import WSAEACCES as WSAEACCES
from ..errors import WSAEADDRINUSE as WSAEADDRINUSE
from ..errors import WSAEADDRNOTAVAIL as WSAEADDRNOTAVAIL
from ..errors import WSAEAFNOSUPPORT as WSAEAFNOSUPPORT
from ..errors import WSAEALREADY as WSAEALREADY
from ..errors import WSAEBADF as WSAEBADF
from ..errors import WSAECONNABORTED as WSAECONNABORTED
from ..errors import WSAECONNREFUSED as WSAECONNREFUSED
from ..errors import WSAECONNRESET as WSAECONNRESET
from ..errors import WSAEDESTADDRREQ as WSAEDESTADDRREQ
from ..errors import WSAEDISCON as WSAEDISCON
from ..errors import WSAEFAULT as WSAEFAULT
from ..errors import WSAEHOSTDOWN as WSAEHOSTDOWN
from ..errors import WSAEHOSTUNREACH as WSAEHOSTUNREACH
from ..errors import WSAEINPROGRESS as WSAEINPROGRESS
from ..errors import WSAEINTR as WSAEINTR
from ..errors import WSAEINVAL as WSAEINVAL
from ..errors import WSAEISCONN as WSAEISCONN
from ..errors import WSAEMFILE as WSAEMFILE
from ..errors import WSAEMSGSIZE as WSAEMSGSIZE
from ..errors import WSAENETDOWN as WSAENETDOWN
from ..errors import WSAENETRESET as WSAENETRESET
from ..errors import WSAENETUNREACH as WSAENETUNREACH
from ..errors import WSAENOBUFS as WSAENOBUFS
from ..errors import WSAENOPROTOOPT as WSAENOPROTOOPT
from ..errors import WSAENOTCONN as WSAENOTCONN
from ..errors import WSAENOTSOCK as WSAENOTSOCK
from ..errors import WSAEOPNOTSUPP as WSAEOPNOTSUPP
from ..errors import WSAEPFNOSUPPORT as WSAEPFNOSUPPORT
from ..errors import WSAEPROTONOSUPPORT as WSAEPROTONOSUPPORT
from ..errors import WSAEPROTOTYPE as WSAEPROTOTYPE
from ..errors import WSAESHUTDOWN as WSAESHUTDOWN
from ..errors import WSAESOCKTNOSUPPORT as WSAESOCKTNOSUPPORT
from ..errors import WSAETIMEDOUT as WSAETIMEDOUT
from ..errors import WSAEWOULDBLOCK as WSAEWOULDBLOCK
from ..errors import WSAHOST_NOT_FOUND as WSAHOST_NOT_FOUND
from ..errors import WSANO_DATA as WSANO_DATA
from ..errors import WSATRY_AGAIN as WSATRY_AGAIN
from ..errors import hresult_from_win32 as _hresult_from_win32
from ._tables import fill as _fill
from ._tables.winerror import IIDS as _IIDS
from ._tables.winerror import VALUES as _VALUES

_SEVERITY_BIT = -0x80000000  # the HRESULT's sign bit, as pywin32 ors it in
_FACILITY_NT_BIT = 0x10000000
_FACILITY_SETUPAPI = 15
_FACILITY_USERMODE_FILTER_MANAGER = 31
_SETUPAPI_ERROR = 0x20000000 | -0x40000000  # APPLICATION_ERROR_MASK | ERROR_SEVERITY_ERROR


def HRESULT_FROM_WIN32(scode: int) -> int:
    """Turn a Win32 error code into its HRESULT (signed), as the SDK macro does."""
    return _hresult_from_win32(scode)


def SUCCEEDED(scode: int) -> bool:
    """Tell whether an HRESULT reports success."""
    return scode >= 0


def FAILED(scode: int) -> bool:
    """Tell whether an HRESULT reports failure."""
    return scode < 0


def HRESULT_CODE(hr: int) -> int:
    """The code of an HRESULT: its low 16 bits."""
    return hr & 0xFFFF


def SCODE_CODE(sc: int) -> int:
    """The code of an SCODE: its low 16 bits."""
    return sc & 0xFFFF


def HRESULT_FACILITY(hr: int) -> int:
    """The facility of an HRESULT (bits 16 to 28)."""
    return (hr >> 16) & 0x1FFF


def SCODE_FACILITY(sc: int) -> int:
    """The facility of an SCODE (bits 16 to 28)."""
    return (sc >> 16) & 0x1FFF


def HRESULT_SEVERITY(hr: int) -> int:
    """1 for a failure HRESULT, 0 for a success."""
    return (hr >> 31) & 0x1


def SCODE_SEVERITY(sc: int) -> int:
    """1 for a failure SCODE, 0 for a success."""
    return (sc >> 31) & 0x1


def HRESULT_FROM_NT(x: int) -> int:
    """An NTSTATUS as an HRESULT: the status with the NT facility bit set."""
    return x | _FACILITY_NT_BIT


def HRESULT_FROM_SETUPAPI(x: int) -> int:
    """A SetupAPI error as an HRESULT: its own facility for application errors, else Win32's."""
    if x & _SETUPAPI_ERROR == _SETUPAPI_ERROR:
        return (x & 0xFFFF) | (_FACILITY_SETUPAPI << 16) | _SEVERITY_BIT
    return HRESULT_FROM_WIN32(x)


def FILTER_HRESULT_FROM_FLT_NTSTATUS(x: int) -> int:
    """A filter manager NTSTATUS (facility 0x1C) as an HRESULT of the user-mode filter manager."""
    if x & 0xFFF0000 != 0x001C0000:
        raise AssertionError(f"{x:#x} is not a filter manager status (facility 0x1C)")
    return (x & -0x7FFF0001) | (_FACILITY_USERMODE_FILTER_MANAGER << 16)


def GetScode(hr: int) -> int:
    """The SCODE of an HRESULT: the same value on every Windows since NT."""
    return hr


def ResultFromScode(sc: int) -> int:
    """The HRESULT of an SCODE: the same value on every Windows since NT."""
    return sc


__all__ = [
    "FAILED",
    "FILTER_HRESULT_FROM_FLT_NTSTATUS",
    "GetScode",
    "HRESULT_CODE",
    "HRESULT_FACILITY",
    "HRESULT_FROM_NT",
    "HRESULT_FROM_SETUPAPI",
    "HRESULT_FROM_WIN32",
    "HRESULT_SEVERITY",
    "ResultFromScode",
    "SCODE_CODE",
    "SCODE_FACILITY",
    "SCODE_SEVERITY",
    "SUCCEEDED",
    *_fill(globals(), _VALUES, _IIDS),
]
