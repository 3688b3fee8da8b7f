"""The texts Windows gives for its error codes (FormatMessage, en-US), and HRESULT arithmetic.

Only the codes this library raises have a text; :mod:`apartment.errors` builds its exceptions'
``strerror`` from here and exports these functions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._codes import (
    CLASS_E_CLASSNOTAVAILABLE,
    CLASS_E_NOAGGREGATION,
    CO_E_CANCEL_DISABLED,
    CO_E_CLASSSTRING,
    CO_E_DLLNOTFOUND,
    CO_E_NOT_SUPPORTED,
    CO_E_NOTINITIALIZED,
    CO_E_OBJNOTCONNECTED,
    CO_E_OBJNOTREG,
    CO_E_SERVER_EXEC_FAILURE,
    CONNECT_E_NOCONNECTION,
    DISP_E_BADINDEX,
    DISP_E_BADPARAMCOUNT,
    DISP_E_EXCEPTION,
    DISP_E_MEMBERNOTFOUND,
    DISP_E_NONAMEDARGS,
    DISP_E_OVERFLOW,
    DISP_E_PARAMNOTFOUND,
    DISP_E_PARAMNOTOPTIONAL,
    DISP_E_TYPEMISMATCH,
    DISP_E_UNKNOWNNAME,
    E_ACCESSDENIED,
    E_FAIL,
    E_HANDLE,
    E_INVALIDARG,
    E_NOINTERFACE,
    E_NOTIMPL,
    E_POINTER,
    E_UNEXPECTED,
    ERROR_ACCESS_DENIED,
    ERROR_ALREADY_EXISTS,
    ERROR_BAD_EXE_FORMAT,
    ERROR_BAD_IMPERSONATION_LEVEL,
    ERROR_BAD_NETPATH,
    ERROR_BAD_PATHNAME,
    ERROR_BAD_PIPE,
    ERROR_BAD_TOKEN_TYPE,
    ERROR_BADDB,
    ERROR_BROKEN_PIPE,
    ERROR_BUSY,
    ERROR_CALL_NOT_IMPLEMENTED,
    ERROR_CAN_NOT_COMPLETE,
    ERROR_CANNOT_FIND_WND_CLASS,
    ERROR_CANNOT_IMPERSONATE,
    ERROR_CANT_DISABLE_MANDATORY,
    ERROR_CHILD_WINDOW_MENU,
    ERROR_CLASS_ALREADY_EXISTS,
    ERROR_CLASS_DOES_NOT_EXIST,
    ERROR_CLASS_HAS_WINDOWS,
    ERROR_CLIPBOARD_NOT_OPEN,
    ERROR_COMMITMENT_LIMIT,
    ERROR_CONNECTION_ABORTED,
    ERROR_CONNECTION_REFUSED,
    ERROR_CONTROL_ID_NOT_FOUND,
    ERROR_DEPENDENT_SERVICES_RUNNING,
    ERROR_DIR_NOT_EMPTY,
    ERROR_DIR_NOT_ROOT,
    ERROR_DIRECTORY,
    ERROR_DISK_FULL,
    ERROR_DUPLICATE_SERVICE_NAME,
    ERROR_EVT_CHANNEL_NOT_FOUND,
    ERROR_EVT_INVALID_CHANNEL_PATH,
    ERROR_EVT_INVALID_QUERY,
    ERROR_EVT_MESSAGE_ID_NOT_FOUND,
    ERROR_EVT_MESSAGE_NOT_FOUND,
    ERROR_EVT_PUBLISHER_METADATA_NOT_FOUND,
    ERROR_EVT_UNRESOLVED_VALUE_INSERT,
    ERROR_EXCEPTION_IN_SERVICE,
    ERROR_FAILED_SERVICE_CONTROLLER_CONNECT,
    ERROR_FILE_EXISTS,
    ERROR_FILE_INVALID,
    ERROR_FILE_NOT_FOUND,
    ERROR_FILENAME_EXCED_RANGE,
    ERROR_GEN_FAILURE,
    ERROR_HANDLE_EOF,
    ERROR_INSUFFICIENT_BUFFER,
    ERROR_INVALID_ACCEL_HANDLE,
    ERROR_INVALID_ACL,
    ERROR_INVALID_ADDRESS,
    ERROR_INVALID_CURSOR_HANDLE,
    ERROR_INVALID_DATA,
    ERROR_INVALID_FLAGS,
    ERROR_INVALID_FUNCTION,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_ICON_HANDLE,
    ERROR_INVALID_INDEX,
    ERROR_INVALID_MENU_HANDLE,
    ERROR_INVALID_MONITOR_HANDLE,
    ERROR_INVALID_MSGBOX_STYLE,
    ERROR_INVALID_NAME,
    ERROR_INVALID_OWNER,
    ERROR_INVALID_PARAMETER,
    ERROR_INVALID_PRIMARY_GROUP,
    ERROR_INVALID_SECURITY_DESCR,
    ERROR_INVALID_SERVICE_CONTROL,
    ERROR_INVALID_SERVICE_LOCK,
    ERROR_INVALID_SID,
    ERROR_INVALID_THREAD_ID,
    ERROR_INVALID_WINDOW_HANDLE,
    ERROR_IO_INCOMPLETE,
    ERROR_IO_PENDING,
    ERROR_KEY_DELETED,
    ERROR_LOCK_VIOLATION,
    ERROR_LOGON_FAILURE,
    ERROR_MAPPED_ALIGNMENT,
    ERROR_MENU_ITEM_NOT_FOUND,
    ERROR_MESSAGE_SYNC_ONLY,
    ERROR_MOD_NOT_FOUND,
    ERROR_MORE_DATA,
    ERROR_MR_MID_NOT_FOUND,
    ERROR_NEGATIVE_SEEK,
    ERROR_NETNAME_DELETED,
    ERROR_NO_DATA,
    ERROR_NO_IMPERSONATION_TOKEN,
    ERROR_NO_MORE_ITEMS,
    ERROR_NO_SUCH_DOMAIN,
    ERROR_NO_SUCH_LOGON_SESSION,
    ERROR_NO_SUCH_PRIVILEGE,
    ERROR_NO_SYSTEM_RESOURCES,
    ERROR_NO_TOKEN,
    ERROR_NOACCESS,
    ERROR_NONE_MAPPED,
    ERROR_NOT_ALL_ASSIGNED,
    ERROR_NOT_ENOUGH_MEMORY,
    ERROR_NOT_ENOUGH_QUOTA,
    ERROR_NOT_FOUND,
    ERROR_NOT_LOCKED,
    ERROR_NOT_OWNER,
    ERROR_NOT_SAME_DEVICE,
    ERROR_NOT_SUPPORTED,
    ERROR_OPERATION_ABORTED,
    ERROR_PARTIAL_COPY,
    ERROR_PATH_NOT_FOUND,
    ERROR_PIPE_BUSY,
    ERROR_PIPE_CONNECTED,
    ERROR_PIPE_LISTENING,
    ERROR_PIPE_NOT_CONNECTED,
    ERROR_PRIVILEGE_NOT_HELD,
    ERROR_PROC_NOT_FOUND,
    ERROR_PROCESS_ABORTED,
    ERROR_REGISTRY_CORRUPT,
    ERROR_REQUEST_ABORTED,
    ERROR_RESOURCE_DATA_NOT_FOUND,
    ERROR_RESOURCE_TYPE_NOT_FOUND,
    ERROR_REVISION_MISMATCH,
    ERROR_SEEK,
    ERROR_SEM_TIMEOUT,
    ERROR_SERVICE_ALREADY_RUNNING,
    ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
    ERROR_SERVICE_DATABASE_LOCKED,
    ERROR_SERVICE_DISABLED,
    ERROR_SERVICE_DOES_NOT_EXIST,
    ERROR_SERVICE_EXISTS,
    ERROR_SERVICE_MARKED_FOR_DELETE,
    ERROR_SERVICE_NOT_ACTIVE,
    ERROR_SERVICE_REQUEST_TIMEOUT,
    ERROR_SERVICE_SPECIFIC_ERROR,
    ERROR_SHARING_VIOLATION,
    ERROR_SIGNAL_REFUSED,
    ERROR_SUCCESS,
    ERROR_THREAD_MODE_ALREADY_BACKGROUND,
    ERROR_THREAD_MODE_NOT_BACKGROUND,
    ERROR_TIMEOUT,
    ERROR_TLW_WITH_WSCHILD,
    ERROR_TOO_MANY_OPEN_FILES,
    ERROR_TOO_MANY_POSTS,
    ERROR_TRANSACTION_ALREADY_ABORTED,
    ERROR_TRANSACTION_ALREADY_COMMITTED,
    ERROR_TRANSACTION_NOT_ACTIVE,
    ERROR_TRANSACTION_NOT_FOUND,
    ERROR_TRANSACTIONAL_CONFLICT,
    ERROR_WINDOW_OF_OTHER_THREAD,
    ERROR_WRITE_PROTECT,
    MK_E_CANTOPENFILE,
    MK_E_CONNECTMANUALLY,
    MK_E_ENUMERATION_FAILED,
    MK_E_EXCEEDEDDEADLINE,
    MK_E_INTERMEDIATEINTERFACENOTSUPPORTED,
    MK_E_INVALIDEXTENSION,
    MK_E_MUSTBOTHERUSER,
    MK_E_NEEDGENERIC,
    MK_E_NOINVERSE,
    MK_E_NOOBJECT,
    MK_E_NOPREFIX,
    MK_E_NOSTORAGE,
    MK_E_NOTBINDABLE,
    MK_E_NOTBOUND,
    MK_E_SYNTAX,
    MK_E_UNAVAILABLE,
    MK_S_MONIKERALREADYREGISTERED,
    REGDB_E_CLASSNOTREG,
    REGDB_E_READREGDB,
    REGDB_E_WRITEREGDB,
    RPC_E_CALL_CANCELED,
    RPC_E_CALL_COMPLETE,
    RPC_E_CALL_REJECTED,
    RPC_E_CANTCALLOUT_ININPUTSYNCCALL,
    RPC_E_CHANGED_MODE,
    RPC_E_DISCONNECTED,
    RPC_E_INVALID_OBJREF,
    RPC_E_NO_SYNC,
    RPC_E_SERVERFAULT,
    RPC_E_TIMEOUT,
    RPC_E_WRONG_THREAD,
    RPC_S_CALL_FAILED,
    RPC_S_CALLPENDING,
    RPC_S_SERVER_UNAVAILABLE,
    STG_E_ACCESSDENIED,
    STG_E_FILEALREADYEXISTS,
    STG_E_FILENOTFOUND,
    STG_E_INVALIDFLAG,
    STG_E_INVALIDFUNCTION,
    STG_E_INVALIDNAME,
    STG_E_INVALIDPARAMETER,
    STG_E_PATHNOTFOUND,
    STG_E_READFAULT,
    STG_E_SEEKERROR,
    TYPE_E_CANTLOADLIBRARY,
    TYPE_E_LIBNOTREGISTERED,
    WAIT_TIMEOUT,
    WSAEACCES,
    WSAEADDRINUSE,
    WSAEADDRNOTAVAIL,
    WSAEALREADY,
    WSAECONNABORTED,
    WSAECONNREFUSED,
    WSAECONNRESET,
    WSAEFAULT,
    WSAEHOSTUNREACH,
    WSAEINTR,
    WSAEINVAL,
    WSAEISCONN,
    WSAEMFILE,
    WSAENETUNREACH,
    WSAENOBUFS,
    WSAENOTSOCK,
    WSAEWOULDBLOCK,
    WSAHOST_NOT_FOUND,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "system_message", "hresult_message", "message_text", "signed_hresult", "hresult_from_win32",
    "format_message",
]  # fmt: skip

# The Windows system messages (FormatMessage, en-US) for the codes this library raises.
_MESSAGES: dict[int, str] = {
    ERROR_SUCCESS: "The operation completed successfully.",
    ERROR_FILE_NOT_FOUND: "The system cannot find the file specified.",
    ERROR_ACCESS_DENIED: "Access is denied.",
    ERROR_INVALID_HANDLE: "The handle is invalid.",
    ERROR_MR_MID_NOT_FOUND: (
        "The system cannot find message text for message number 0x%1 in the message file for %2."
    ),
    ERROR_NOT_ENOUGH_MEMORY: "Not enough memory resources are available to process this command.",
    ERROR_GEN_FAILURE: "A device attached to the system is not functioning.",
    ERROR_NOT_SUPPORTED: "The request is not supported.",
    ERROR_THREAD_MODE_ALREADY_BACKGROUND: "The thread is already in background processing mode.",
    ERROR_THREAD_MODE_NOT_BACKGROUND: "The thread is not in background processing mode.",
    ERROR_INVALID_PARAMETER: "The parameter is incorrect.",
    ERROR_MOD_NOT_FOUND: "The specified module could not be found.",
    ERROR_SIGNAL_REFUSED: "The recipient process has refused the signal.",
    ERROR_ALREADY_EXISTS: "Cannot create a file when that file already exists.",
    WAIT_TIMEOUT: "The wait operation timed out.",
    ERROR_NOT_OWNER: "Attempt to release mutex not owned by caller.",
    ERROR_TOO_MANY_POSTS: "Too many posts were made to a semaphore.",
    ERROR_CAN_NOT_COMPLETE: "Cannot complete this function.",
    ERROR_INVALID_WINDOW_HANDLE: "Invalid window handle.",
    ERROR_TLW_WITH_WSCHILD: "Cannot create a top-level child window.",
    ERROR_CANNOT_FIND_WND_CLASS: "Cannot find window class.",
    ERROR_INVALID_MENU_HANDLE: "Invalid menu handle.",
    ERROR_INVALID_CURSOR_HANDLE: "Invalid cursor handle.",
    ERROR_INVALID_ACCEL_HANDLE: "Invalid accelerator table handle.",
    ERROR_INVALID_INDEX: "Invalid index.",
    ERROR_INVALID_ICON_HANDLE: "Invalid icon handle.",
    ERROR_MENU_ITEM_NOT_FOUND: "Menu item not found.",
    ERROR_CHILD_WINDOW_MENU: "Child windows cannot have menus.",
    ERROR_CONTROL_ID_NOT_FOUND: "Control ID not found.",
    ERROR_WINDOW_OF_OTHER_THREAD: "Invalid window; it belongs to other thread.",
    ERROR_CLASS_ALREADY_EXISTS: "Class already exists.",
    ERROR_CLASS_DOES_NOT_EXIST: "Class does not exist.",
    ERROR_CLASS_HAS_WINDOWS: "Class still has open windows.",
    ERROR_CLIPBOARD_NOT_OPEN: "Thread does not have a clipboard open.",
    ERROR_INVALID_THREAD_ID: "Invalid thread identifier.",
    ERROR_NO_SYSTEM_RESOURCES: (
        "Insufficient system resources exist to complete the requested service."
    ),
    ERROR_TIMEOUT: "This operation returned because the timeout period expired.",
    ERROR_DEPENDENT_SERVICES_RUNNING: (
        "A stop control has been sent to a service that other running services are dependent on."
    ),
    ERROR_INVALID_SERVICE_CONTROL: "The requested control is not valid for this service.",
    ERROR_SERVICE_REQUEST_TIMEOUT: (
        "The service did not respond to the start or control request in a timely fashion."
    ),
    ERROR_SERVICE_ALREADY_RUNNING: "An instance of the service is already running.",
    ERROR_SERVICE_DISABLED: (
        "The service cannot be started, either because it is disabled or because it has no "
        "enabled devices associated with it."
    ),
    ERROR_SERVICE_DOES_NOT_EXIST: "The specified service does not exist as an installed service.",
    ERROR_SERVICE_CANNOT_ACCEPT_CTRL: "The service cannot accept control messages at this time.",
    ERROR_SERVICE_NOT_ACTIVE: "The service has not been started.",
    ERROR_FAILED_SERVICE_CONTROLLER_CONNECT: (
        "The service process could not connect to the service controller."
    ),
    ERROR_EXCEPTION_IN_SERVICE: (
        "An exception occurred in the service when handling the control request."
    ),
    ERROR_SERVICE_SPECIFIC_ERROR: "The service has returned a service-specific error code.",
    ERROR_PROCESS_ABORTED: "The process terminated unexpectedly.",
    ERROR_SERVICE_MARKED_FOR_DELETE: "The specified service has been marked for deletion.",
    ERROR_SERVICE_EXISTS: "The specified service already exists.",
    ERROR_SERVICE_DATABASE_LOCKED: "The service database is locked.",
    ERROR_INVALID_SERVICE_LOCK: "The specified service database lock is invalid.",
    ERROR_DUPLICATE_SERVICE_NAME: (
        "The name is already in use as either a service name or a service display name."
    ),
    ERROR_NOT_ENOUGH_QUOTA: "Not enough quota is available to process this command.",
    ERROR_MESSAGE_SYNC_ONLY: "The message can be used only with synchronous operations.",
    ERROR_BADDB: "The configuration registry database is corrupt.",
    ERROR_INVALID_FUNCTION: "Incorrect function.",
    ERROR_PATH_NOT_FOUND: "The system cannot find the path specified.",
    ERROR_TOO_MANY_OPEN_FILES: "The system cannot open the file.",
    ERROR_WRITE_PROTECT: "The media is write protected.",
    ERROR_SHARING_VIOLATION: (
        "The process cannot access the file because it is being used by another process."
    ),
    ERROR_LOCK_VIOLATION: (
        "The process cannot access the file because another process has locked a portion of "
        "the file."
    ),
    ERROR_HANDLE_EOF: "Reached the end of the file.",
    ERROR_FILE_EXISTS: "The file exists.",
    ERROR_BROKEN_PIPE: "The pipe has been ended.",
    ERROR_DISK_FULL: "There is not enough space on the disk.",
    ERROR_FILE_INVALID: (
        "The volume for a file has been externally altered so that the opened file is no "
        "longer valid."
    ),
    ERROR_MAPPED_ALIGNMENT: (
        "The base address or the file offset specified does not have the proper alignment."
    ),
    ERROR_COMMITMENT_LIMIT: "The paging file is too small for this operation to complete.",
    ERROR_SEM_TIMEOUT: "The semaphore timeout period has expired.",
    ERROR_INVALID_NAME: "The filename, directory name, or volume label syntax is incorrect.",
    ERROR_NEGATIVE_SEEK: (
        "An attempt was made to move the file pointer before the beginning of the file."
    ),
    ERROR_NOT_LOCKED: "The segment is already unlocked.",
    ERROR_FILENAME_EXCED_RANGE: "The filename or extension is too long.",
    ERROR_BAD_PIPE: "The pipe state is invalid.",
    ERROR_PIPE_BUSY: "All pipe instances are busy.",
    ERROR_NO_DATA: "The pipe is being closed.",
    ERROR_PIPE_NOT_CONNECTED: "No process is on the other end of the pipe.",
    ERROR_MORE_DATA: "More data is available.",
    ERROR_NO_MORE_ITEMS: "No more data is available.",
    ERROR_EVT_INVALID_CHANNEL_PATH: "The specified channel path is invalid.",
    ERROR_EVT_INVALID_QUERY: "The specified query is invalid.",
    ERROR_EVT_PUBLISHER_METADATA_NOT_FOUND: (
        "The publisher metadata cannot be found in the resource."
    ),
    ERROR_EVT_CHANNEL_NOT_FOUND: "The specified channel could not be found.",
    ERROR_EVT_MESSAGE_NOT_FOUND: (
        "The message resource is present but the message was not found in the message table."
    ),
    ERROR_EVT_MESSAGE_ID_NOT_FOUND: "The message id for the desired message could not be found.",
    ERROR_EVT_UNRESOLVED_VALUE_INSERT: (
        "The substitution string for insert index (%1) could not be found."
    ),
    ERROR_BAD_PATHNAME: "The specified path is invalid.",
    ERROR_KEY_DELETED: (
        "Illegal operation attempted on a registry key that has been marked for deletion."
    ),
    ERROR_NONE_MAPPED: "No mapping between account names and security IDs was done.",
    ERROR_REVISION_MISMATCH: "Indicates two revision levels are incompatible.",
    ERROR_INVALID_SID: "The security ID structure is invalid.",
    ERROR_NO_SUCH_DOMAIN: "The specified domain either does not exist or could not be contacted.",
    ERROR_NO_TOKEN: "An attempt was made to reference a token that does not exist.",
    ERROR_NOT_ALL_ASSIGNED: "Not all privileges or groups referenced are assigned to the caller.",
    ERROR_NO_IMPERSONATION_TOKEN: (
        "An attempt has been made to operate on an impersonation token by a thread that is not "
        "currently impersonating a client."
    ),
    ERROR_NO_SUCH_PRIVILEGE: "A specified privilege does not exist.",
    RPC_S_SERVER_UNAVAILABLE: "The RPC server is unavailable.",
    ERROR_INVALID_OWNER: "This security ID may not be assigned as the owner of this object.",
    ERROR_INVALID_PRIMARY_GROUP: (
        "This security ID may not be assigned as the primary group of an object."
    ),
    ERROR_NO_SUCH_LOGON_SESSION: (
        "A specified logon session does not exist. It may already have been terminated."
    ),
    ERROR_PRIVILEGE_NOT_HELD: "A required privilege is not held by the client.",
    ERROR_SEEK: "The drive cannot locate a specific area or track on the disk.",
    ERROR_INVALID_DATA: "The data is invalid.",
    ERROR_TRANSACTION_NOT_ACTIVE: (
        "The requested operation was made in the context of a transaction that is no longer active."
    ),
    ERROR_TRANSACTION_ALREADY_ABORTED: (
        "It is too late to perform the requested operation, since the Transaction has already "
        "been aborted."
    ),
    ERROR_TRANSACTION_ALREADY_COMMITTED: (
        "It is too late to perform the requested operation, since the Transaction has already "
        "been committed."
    ),
    ERROR_TRANSACTION_NOT_FOUND: (
        "The specified Transaction was unable to be opened, because it was not found."
    ),
    ERROR_TRANSACTIONAL_CONFLICT: (
        "The function attempted to use a name that is reserved for use by another transaction."
    ),
    ERROR_LOGON_FAILURE: "The user name or password is incorrect.",
    ERROR_INVALID_ACL: "The access control list (ACL) structure is invalid.",
    ERROR_INVALID_SECURITY_DESCR: "The security descriptor structure is invalid.",
    ERROR_CANT_DISABLE_MANDATORY: "The group may not be disabled.",
    ERROR_BAD_TOKEN_TYPE: "The type of the token is inappropriate for its attempted use.",
    ERROR_CANNOT_IMPERSONATE: (
        "Unable to impersonate using a named pipe until data has been read from that pipe."
    ),
    ERROR_BAD_IMPERSONATION_LEVEL: (
        "Either a required impersonation level was not provided, or the provided impersonation "
        "level is invalid."
    ),
    ERROR_DIRECTORY: "The directory name is invalid.",
    ERROR_DIR_NOT_EMPTY: "The directory is not empty.",
    ERROR_DIR_NOT_ROOT: "The directory is not a subdirectory of the root directory.",
    ERROR_INVALID_FLAGS: "Invalid flags.",
    ERROR_RESOURCE_DATA_NOT_FOUND: "The specified image file did not contain a resource section.",
    ERROR_RESOURCE_TYPE_NOT_FOUND: "The specified resource type cannot be found in the image file.",
    ERROR_NOT_SAME_DEVICE: "The system cannot move the file to a different disk drive.",
    ERROR_PIPE_CONNECTED: "There is a process on other end of the pipe.",
    ERROR_PIPE_LISTENING: "Waiting for a process to open the other end of the pipe.",
    ERROR_OPERATION_ABORTED: (
        "The I/O operation has been aborted because of either a thread exit or an application "
        "request."
    ),
    ERROR_IO_INCOMPLETE: "Overlapped I/O event is not in a signaled state.",
    ERROR_IO_PENDING: "Overlapped I/O operation is in progress.",
    ERROR_NOT_FOUND: "Element not found.",
    ERROR_REGISTRY_CORRUPT: (
        "The registry is corrupted. The structure of one of the files containing registry "
        "data is corrupted, or the system's memory image of the file is corrupted, or the file "
        "could not be recovered because the alternate copy or log was absent or corrupted."
    ),
    # Winsock's (WSAGetLastError) and the network's
    WSAEINTR: "A blocking operation was interrupted by a call to WSACancelBlockingCall.",
    WSAEACCES: (
        "An attempt was made to access a socket in a way forbidden by its access permissions."
    ),
    WSAEFAULT: (
        "The system detected an invalid pointer address in attempting to use a pointer argument"
        " in a call."
    ),
    WSAEINVAL: "An invalid argument was supplied.",
    WSAEMFILE: "Too many open sockets.",
    WSAEWOULDBLOCK: "A non-blocking socket operation could not be completed immediately.",
    WSAEALREADY: (
        "An operation was attempted on a non-blocking socket that already had an operation in "
        "progress."
    ),
    WSAENOTSOCK: "An operation was attempted on something that is not a socket.",
    WSAEADDRINUSE: (
        "Only one usage of each socket address (protocol/network address/port) is normally "
        "permitted."
    ),
    WSAEADDRNOTAVAIL: "The requested address is not valid in its context.",
    WSAENETUNREACH: "A socket operation was attempted to an unreachable network.",
    WSAECONNABORTED: "An established connection was aborted by the software in your host machine.",
    WSAECONNRESET: "An existing connection was forcibly closed by the remote host.",
    WSAENOBUFS: (
        "An operation on a socket could not be performed because the system lacked sufficient "
        "buffer space or because a queue was full."
    ),
    WSAEISCONN: "A connect request was made on an already connected socket.",
    WSAECONNREFUSED: "No connection could be made because the target machine actively refused it.",
    WSAEHOSTUNREACH: "A socket operation was attempted to an unreachable host.",
    WSAHOST_NOT_FOUND: "No such host is known.",
    ERROR_NETNAME_DELETED: "The specified network name is no longer available.",
    ERROR_CONNECTION_REFUSED: "The remote computer refused the network connection.",
    ERROR_CONNECTION_ABORTED: "The network connection was aborted by the local system.",
    ERROR_REQUEST_ABORTED: "The request was aborted.",
    ERROR_CALL_NOT_IMPLEMENTED: "This function is not supported on this system.",
    ERROR_PROC_NOT_FOUND: "The specified procedure could not be found.",
    ERROR_PARTIAL_COPY: (
        "Only part of a ReadProcessMemory or WriteProcessMemory request was completed."
    ),
    ERROR_INVALID_ADDRESS: "Attempt to access invalid address.",
    ERROR_NOACCESS: "Invalid access to memory location.",
    ERROR_INVALID_MSGBOX_STYLE: "Invalid message box style.",
    ERROR_INVALID_MONITOR_HANDLE: "Invalid monitor handle.",
    ERROR_BUSY: "The requested resource is in use.",
    ERROR_BAD_EXE_FORMAT: "%1 is not a valid Win32 application.",
    ERROR_INSUFFICIENT_BUFFER: "The data area passed to a system call is too small.",
    ERROR_BAD_NETPATH: "The network path was not found.",
    # s20-modules: the system modules' codes (winerror.h, lmerr.h)
    13: "The data is invalid.",  # ERROR_INVALID_DATA
    124: "The system call level is not correct.",  # ERROR_INVALID_LEVEL
    1223: "The operation was canceled by the user.",  # ERROR_CANCELLED
    1315: "The name provided is not a properly formed account name.",  # ERROR_INVALID_ACCOUNT_NAME
    1376: "The specified local group does not exist.",  # ERROR_NO_SUCH_ALIAS
    1797: "The printer driver is unknown.",  # ERROR_UNKNOWN_PRINTER_DRIVER
    1798: "The print processor is unknown.",  # ERROR_UNKNOWN_PRINTPROCESSOR
    1801: "The printer name is invalid.",  # ERROR_INVALID_PRINTER_NAME
    2202: "The specified username is invalid.",  # NERR_BadUsername
    2220: "The group name could not be found.",  # NERR_GroupNotFound
    2221: "The user name could not be found.",  # NERR_UserNotFound
    2250: "The network connection could not be found.",  # NERR_UseNotFound
    2310: "This shared resource does not exist.",  # NERR_NetNameNotFound
    2312: "A session does not exist with that computer name.",  # NERR_ClientNameNotFound
    2314: "There is not an open file with that identification number.",  # NERR_FileIdNotFound
    2453: "Could not find domain controller for this domain.",  # NERR_DCNotFound
    # s21-net: the network (mpr) and the Internet (WinINet)
    67: "The network name cannot be found.",  # ERROR_BAD_NET_NAME
    85: "The local device name is already in use.",  # ERROR_ALREADY_ASSIGNED
    1200: "The specified device name is invalid.",  # ERROR_BAD_DEVICE
    1207: "Cannot enumerate a noncontainer.",  # ERROR_NOT_CONTAINER
    1222: "The network is not present or not started.",  # ERROR_NO_NETWORK
    12002: "The operation timed out",  # ERROR_INTERNET_TIMEOUT
    12003: "An extended error was returned from the server. This is typically a string or "
    "buffer containing a verbose error message. Call InternetGetLastResponseInfo to retrieve "
    "the error text.",  # ERROR_INTERNET_EXTENDED_ERROR
    12005: "The URL is invalid.",  # ERROR_INTERNET_INVALID_URL
    12006: "The URL scheme could not be recognized or is not supported.",
    12007: "The server name or address could not be resolved",  # NAME_NOT_RESOLVED
    12009: "An invalid option value was specified.",  # ERROR_INTERNET_INVALID_OPTION
    12018: "The type of handle supplied is incorrect for this operation.",
    12029: "A connection with the server could not be established",  # CANNOT_CONNECT
    12031: "The connection with the server was reset",  # ERROR_INTERNET_CONNECTION_RESET
    12152: "The server returned an invalid or unrecognized response",
    # SSPI's statuses (winerror.h's SEC_E_*), which pywin32 raises as pywintypes.error
    -2146893055: "The handle specified is invalid",  # SEC_E_INVALID_HANDLE
    -2146893054: "The function requested is not supported",  # SEC_E_UNSUPPORTED_FUNCTION
    -2146893053: "The specified target is unknown or unreachable",  # SEC_E_TARGET_UNKNOWN
    -2146893051: "The requested security package does not exist",  # SEC_E_SECPKG_NOT_FOUND
    -2146893050: "The caller is not the owner of the desired credentials",  # SEC_E_NOT_OWNER
    -2146893048: "The token supplied to the function is invalid",  # SEC_E_INVALID_TOKEN
    -2146893045: "No impersonation is allowed for this context",  # SEC_E_NO_IMPERSONATION
    -2146893044: "The logon attempt failed",  # SEC_E_LOGON_DENIED
    -2146893042: "No credentials are available in the security package",  # NO_CREDENTIALS
    -2146893041: "The message or signature supplied for verification has been altered",
    -2146893040: "The message supplied for verification is out of sequence",
    -2146893032: "The supplied message is incomplete.  The signature was not verified.",
    -2146893023: "The buffers supplied to a function was too small.",  # BUFFER_TOO_SMALL
    # CryptoAPI's statuses (winerror.h's NTE_*), which pywin32 raises as pywintypes.error
    -2146893816: "Invalid algorithm specified.",  # NTE_BAD_ALGID
    -2146893815: "Invalid flags specified.",  # NTE_BAD_FLAGS
    -2146893814: "Invalid type specified.",  # NTE_BAD_TYPE
    -2146893812: "Hash not valid for use in specified state.",  # NTE_BAD_HASH_STATE
    -2146893804: "Invalid provider type specified.",  # NTE_BAD_PROV_TYPE
    -2146893802: "Keyset does not exist",  # NTE_BAD_KEYSET
    -2146893801: "Provider type not defined.",  # NTE_PROV_TYPE_NOT_DEF
    -2146893799: "The keyset is not defined.",  # NTE_KEYSET_NOT_DEF
    -2146893797: "Provider type does not match registered value.",  # NTE_PROV_TYPE_NO_MATCH
}


def system_message(code: int) -> str:
    """Return the Windows system message for a Win32 error code, as FormatMessage gives it."""
    return _MESSAGES.get(code, "No error message is available")


_FACILITY_WIN32_FAILURE = -2147024896  # 0x80070000: SEVERITY_ERROR | FACILITY_WIN32 << 16


def hresult_from_win32(code: int) -> int:
    """Turn a Win32 error code into its HRESULT (signed), as the SDK's HRESULT_FROM_WIN32 does.

    0, and a value that is an HRESULT already (its sign bit set), come back unchanged.
    """
    if code == 0 or code & 0x80000000:
        return code
    return (code & 0xFFFF) | _FACILITY_WIN32_FAILURE


_HRESULT_MESSAGES: dict[int, str] = {
    TYPE_E_LIBNOTREGISTERED: "Library not registered.",
    TYPE_E_CANTLOADLIBRARY: "Error loading type library/DLL.",
    E_NOTIMPL: "Not implemented",
    E_NOINTERFACE: "No such interface supported",
    E_FAIL: "Unspecified error",
    E_UNEXPECTED: "Catastrophic failure",
    E_INVALIDARG: "The parameter is incorrect.",
    CLASS_E_NOAGGREGATION: "Class does not support aggregation (or class object is remote)",
    CLASS_E_CLASSNOTAVAILABLE: "ClassFactory cannot supply requested class",
    REGDB_E_CLASSNOTREG: "Class not registered",
    MK_E_UNAVAILABLE: "Operation unavailable",
    MK_E_CONNECTMANUALLY: "Moniker needs to be connected manually",
    MK_E_EXCEEDEDDEADLINE: "Operation exceeded deadline",
    MK_E_NEEDGENERIC: "Moniker needs to be generic",
    MK_E_SYNTAX: "Invalid syntax",
    MK_E_NOOBJECT: "No object for moniker",
    MK_E_INVALIDEXTENSION: "Bad extension for file",
    MK_E_INTERMEDIATEINTERFACENOTSUPPORTED: "Intermediate operation failed",
    MK_E_NOTBINDABLE: "Moniker is not bindable",
    MK_E_NOTBOUND: "Moniker is not bound",
    MK_E_CANTOPENFILE: "Moniker cannot open file",
    MK_E_MUSTBOTHERUSER: "User input required for operation to succeed",
    MK_E_NOINVERSE: "Moniker class has no inverse",
    MK_E_NOSTORAGE: "Moniker does not refer to storage",
    MK_E_NOPREFIX: "No common prefix",
    MK_E_ENUMERATION_FAILED: "Moniker could not be enumerated",
    CO_E_NOTINITIALIZED: "CoInitialize has not been called.",
    CO_E_CLASSSTRING: "Invalid class string",
    CO_E_DLLNOTFOUND: "DLL for class not found",
    CO_E_OBJNOTREG: "Object is not registered",
    CO_E_OBJNOTCONNECTED: "Object is not connected to server",
    CO_E_SERVER_EXEC_FAILURE: "Server execution failed",
    RPC_E_SERVERFAULT: "The server threw an exception.",
    RPC_E_CHANGED_MODE: "Cannot change thread mode after it is set.",
    RPC_E_DISCONNECTED: "The object invoked has disconnected from its clients.",
    RPC_E_CANTCALLOUT_ININPUTSYNCCALL: (
        "An outgoing call cannot be made since the application is dispatching an "
        "input-synchronous call."
    ),
    RPC_E_WRONG_THREAD: (
        "The application called an interface that was marshalled for a different thread."
    ),
    RPC_S_CALLPENDING: "The message filter indicated that the application is busy.",
    RPC_E_TIMEOUT: "This operation returned because the timeout period expired.",
    RPC_E_CALL_REJECTED: "Call was rejected by callee.",
    RPC_E_CALL_CANCELED: "Call was canceled by the message filter.",
    RPC_E_CALL_COMPLETE: "The call was completed during the timeout interval.",
    CO_E_CANCEL_DISABLED: "Call Cancellation is disabled",
    CO_E_NOT_SUPPORTED: "This operation is not supported",
    REGDB_E_READREGDB: "Could not read key from registry",
    REGDB_E_WRITEREGDB: "Could not write key to registry",
    RPC_E_NO_SYNC: "There are no synchronization objects to wait on.",
    DISP_E_MEMBERNOTFOUND: "Member not found.",
    DISP_E_TYPEMISMATCH: "Type mismatch.",
    DISP_E_UNKNOWNNAME: "Unknown name.",
    DISP_E_EXCEPTION: "Exception occurred.",
    DISP_E_BADPARAMCOUNT: "Invalid number of parameters.",
    STG_E_READFAULT: "A disk error occurred during a read operation.",
    STG_E_SEEKERROR: "An error occurred during a seek operation.",
    STG_E_INVALIDFUNCTION: "Unable to perform requested operation.",
    STG_E_FILENOTFOUND: "%1 could not be found.",
    STG_E_PATHNOTFOUND: "The path %1 could not be found.",
    STG_E_ACCESSDENIED: "Access Denied.",
    STG_E_INVALIDNAME: "Invalid name.",
    STG_E_FILEALREADYEXISTS: "%1 already exists.",
    STG_E_INVALIDPARAMETER: "Invalid parameter error.",
    STG_E_INVALIDFLAG: "Invalid flag error.",
    E_ACCESSDENIED: "Access is denied.",
    E_HANDLE: "Invalid handle",
    E_POINTER: "Invalid pointer",
    DISP_E_BADINDEX: "Invalid index.",
    DISP_E_OVERFLOW: "Out of present range.",
    DISP_E_PARAMNOTFOUND: "Parameter not found.",
    DISP_E_PARAMNOTOPTIONAL: "Parameter not optional.",
    DISP_E_NONAMEDARGS: "Does not support named arguments.",
    RPC_E_INVALID_OBJREF: (
        "The marshaled interface data packet (OBJREF) has an invalid or unknown format."
    ),
    MK_S_MONIKERALREADYREGISTERED: "Moniker is already registered in running object table",
    CONNECT_E_NOCONNECTION: "CONNECT_E_NOCONNECTION",
    hresult_from_win32(RPC_S_SERVER_UNAVAILABLE): "The RPC server is unavailable.",
    hresult_from_win32(RPC_S_CALL_FAILED): "The remote procedure call failed.",
}


def hresult_message(hresult: int) -> str:
    """Return Windows' message for an HRESULT (signed), as FormatMessage gives it."""
    if hresult == 0:
        return "The operation completed successfully."
    return _HRESULT_MESSAGES.get(hresult, "Unknown error")


def message_text(code: int) -> str | None:
    """Windows' message for a Win32 code or an HRESULT (signed or not); None if it has none.

    The text FormatMessage(FORMAT_MESSAGE_FROM_SYSTEM) gives, without its closing CR LF.
    """
    code &= 0xFFFFFFFF
    if code & 0x80000000:
        text = _HRESULT_MESSAGES.get(code - 0x100000000)
        if text is None and code >> 16 == 0x8007:  # HRESULT_FROM_WIN32: the Win32 code's text
            return _MESSAGES.get(code & 0xFFFF)
        return text
    return _MESSAGES.get(code) or _HRESULT_MESSAGES.get(code)


def signed_hresult(value: int) -> int:
    """Read an HRESULT as the signed 32-bit int pywin32 uses (0x8001010E -> -2147417842)."""
    value &= 0xFFFFFFFF
    return value - 0x100000000 if value & 0x80000000 else value


_ESCAPED = {"%": "%", ".": ".", "!": "!", "r": "\r", "t": "\t", " ": " "}
"""What ``%`` followed by one of these gives (``%n`` is a hard line break, ``%0`` the end)."""
_SPEC = re.compile(r"([-+ #0]*)([0-9]*)(?:\.([0-9]*))?[hlLwIjzt0-9]*([a-zA-Z])?")
_MAX_WIDTH_MASK = 0xFF
_HARD = "\x00"  # stands for a hard line break (%n) until the lines are laid out


def format_message(
    template: str,
    inserts: Sequence[str] | None,
    *,
    ignore_inserts: bool | None = None,
    width: int = 0,
) -> str:
    """Expand FormatMessage's escapes in ``template``, as FORMAT_MESSAGE_FROM_STRING does.

    ``%1`` to ``%99`` take ``inserts`` (one missing gives ``(null)``; a ``!spec!`` is read as
    printf's ``s`` with its flags, width and precision), ``%n`` a hard CR LF, ``%%`` a percent
    sign, and ``%0`` ends the text. With ``ignore_inserts`` (FORMAT_MESSAGE_IGNORE_INSERTS;
    by default when ``inserts`` is None) the inserts and the escapes but ``%n`` and ``%0``
    are copied as they are. A line break of the template itself (CR LF, LF or CR) is a
    regular one: CR LF for ``width`` 0, a space for FORMAT_MESSAGE_MAX_WIDTH_MASK (0xFF);
    other widths also wrap the lines at that width, at the last space or within a word.

    Raises:
        ValueError: the template ends in ``%`` or leaves a ``!spec!`` open, or it has an
            insert and ``inserts`` is None but not ignored (Windows: ERROR_INVALID_PARAMETER).
    """
    ignore = inserts is None if ignore_inserts is None else ignore_inserts
    parts: list[str] = []
    regular = "\r\n" if width == 0 else " "
    i, size = 0, len(template)
    while i < size:
        char = template[i]
        if char in "\r\n":
            i += 2 if template.startswith("\r\n", i) else 1
            parts.append(regular)
            continue
        if char != "%":
            parts.append(char)
            i += 1
            continue
        if i + 1 == size:
            raise ValueError("the message ends in a lone %")
        escape = template[i + 1]
        if escape == "0":
            break
        if escape == "n":
            parts.append(_HARD)
            i += 2
        elif "1" <= escape <= "9":
            end = i + 3 if i + 2 < size and template[i + 2].isdigit() else i + 2
            spec = "s"
            if end < size and template[end] == "!":
                close = template.find("!", end + 1)
                if close < 0:
                    raise ValueError("a !spec! is left open")
                spec, end = template[end + 1 : close], close + 1
            if ignore:
                parts.append(template[i:end])
            elif inserts is None:
                raise ValueError("the message has inserts and none were given")
            else:
                index = int(template[i + 1 : end].split("!")[0]) - 1
                value = inserts[index] if index < len(inserts) else "(null)"
                parts.append(_printf_s(spec, value))
            i = end
        else:
            parts.append(template[i : i + 2] if ignore else _ESCAPED.get(escape, escape))
            i += 2
    text = "".join(parts)
    if 0 < width < _MAX_WIDTH_MASK:
        return "\r\n".join(_wrap(line, width) for line in text.split(_HARD))
    return text.replace(_HARD, "\r\n")


def _printf_s(spec: str, value: str) -> str:
    """``value`` laid out by a printf spec read as ``s``: ``-``/``0`` flags, width, precision."""
    match = _SPEC.fullmatch(spec)
    if match is None:
        return value
    flags, field, precision, _ = match.groups()
    if precision is not None:
        value = value[: int(precision or 0)]
    if field:
        if "-" in flags:
            return value.ljust(int(field))
        return value.rjust(int(field), "0" if "0" in flags else " ")
    return value


def _wrap(line: str, width: int) -> str:
    """Break ``line`` into lines of at most ``width``: at its last space, else within a word."""
    done: list[str] = []
    current = ""
    for char in line:
        if len(current) == width:
            space = current.rfind(" ")
            if space < 0:
                done.append(current)
                current = ""
            else:
                done.append(current[:space])
                current = current[space + 1 :]
        current += char
    done.append(current)
    return "\r\n".join(done)
