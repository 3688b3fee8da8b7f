"""pywin32's ``win32ras``: Remote Access (dial-up and VPN connections), with none configured.

Linux has no RAS service; the facade answers as a Windows whose phone book is empty and
that has no connection: ``EnumEntries`` gives ``()`` and ``EnumConnections`` ``[]``; an entry
named to ``Dial``, ``GetEntryDialParams``, ``SetEntryDialParams``, ``EditPhonebookEntry`` or
``GetEapUserIdentity`` is not found (ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, 623: ``Dial``
returns it, as pywin32 does, in ``(0, 623)``); a connection handle given to ``HangUp`` or
``GetConnectStatus`` names no connection (ERROR_INVALID_HANDLE, 6). ``CreatePhonebookEntry``
shows Windows' wizard, which no user answers here (ERROR_CANCELLED, 1223). Errors are
``pywintypes.error(code, RAS function name, message)`` with RasGetErrorString's text, as
pywin32 builds them; ``IsHandleValid`` is pywin32's own test (a handle is not 0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages
from ..errors import Win32Error, system_message
from ._handles import handle_value

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "CreatePhonebookEntry",
    "Dial",
    "EditPhonebookEntry",
    "EnumConnections",
    "EnumEntries",
    "GetConnectStatus",
    "GetEapUserIdentity",
    "GetEntryDialParams",
    "GetErrorString",
    "HangUp",
    "IsHandleValid",
    "RASDIALEXTENSIONS",
    "SetEntryDialParams",
    "error",
]

error = Win32Error

RASCS_OpenPort = 0
RASCS_PortOpened = 1
RASCS_ConnectDevice = 2
RASCS_DeviceConnected = 3
RASCS_AllDevicesConnected = 4
RASCS_Authenticate = 5
RASCS_AuthNotify = 6
RASCS_AuthRetry = 7
RASCS_AuthCallback = 8
RASCS_AuthChangePassword = 9
RASCS_AuthProject = 10
RASCS_AuthLinkSpeed = 11
RASCS_AuthAck = 12
RASCS_ReAuthenticate = 13
RASCS_Authenticated = 14
RASCS_PrepareForCallback = 15
RASCS_WaitForModemReset = 16
RASCS_WaitForCallback = 17
RASCS_Projected = 18
RASCS_StartAuthentication = 19
RASCS_CallbackComplete = 20
RASCS_LogonNetwork = 21
RASCS_Interactive = 0x1000
RASCS_RetryAuthentication = 0x1001
RASCS_CallbackSetByCaller = 0x1002
RASCS_PasswordExpired = 0x1003
RASCS_Connected = 0x2000
RASCS_Disconnected = 0x2001
RASEAPF_NonInteractive = 2
RASEAPF_Logon = 4
RASEAPF_Preview = 8
__all__ += [name for name in list(globals()) if name.startswith(("RASCS_", "RASEAPF_"))]

_ERROR_INVALID_HANDLE = 6
_ERROR_INVALID_PARAMETER = 87
_ERROR_CANCELLED = 1223
_ERROR_CANNOT_FIND_PHONEBOOK_ENTRY = 623
_RAS_MESSAGES = {
    600: "An operation is pending.",
    603: "The caller's buffer is too small.",
    621: "The system could not open the phone book file.",
    622: "The system could not load the phone book file.",
    623: "The system could not find the phone book entry for this connection.",
    668: "The connection was terminated.",
}
"""RasGetErrorString's text for the RAS codes (raserror.h) that this module gives, and a few."""
_RAS_FIRST = 600  # RASBASE: RAS codes start here
_NO_MESSAGE = "No error message is available"
# (entry, phone number, callback number, user, password, domain): RASDIALPARAMS' sizes
_DIAL_PARAM_SIZES = (257, 129, 129, 257, 257, 16)


def _message(code: int) -> str:
    """RasGetErrorString's text for ``code``, else the system's, as pywin32 looks it up."""
    return _RAS_MESSAGES.get(code) or system_message(code)


def _ras_error(code: int, name: str) -> Win32Error:
    return Win32Error(code, name, _message(code))


def _dial_params(params: object, name: str) -> tuple[str, ...]:
    """Read a RASDIALPARAMS sequence (up to six strings) as pywin32 does."""
    if isinstance(params, (str, bytes)) or not hasattr(params, "__iter__"):
        raise TypeError(f"{name}: RasDialParams must be a sequence of strings")
    values = tuple(params)  # type: ignore[call-overload,unused-ignore]
    if len(values) > len(_DIAL_PARAM_SIZES):
        raise Win32Error(0, name, "The RasDialParams sequence length must be less than 6")
    for value, size in zip(values, _DIAL_PARAM_SIZES, strict=False):
        if not isinstance(value, str):
            raise TypeError(
                f"{name}: a RasDialParams item must be a str, not {type(value).__name__}"
            )
        if len(value) >= size:
            raise ValueError(
                f"{name}: String size ({len(value)}) greater than acceptable size ({size - 1})"
            )
    return values


def _optional_str(value: object, what: str) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")


def _parent(hwnd: object, name: str) -> None:
    """Check a dialog's parent window as pywin32 does (0, or a window)."""
    value = handle_value(hwnd)
    if value and not messages.is_window(value):
        raise Win32Error(
            0, f"<{name} param parsing>", "The first parameter must be a valid window handle"
        )


class PyRASDIALEXTENSIONS:
    """RASDIALEXTENSIONS: RasDial's options (fields at 0, RasEapInfo None)."""

    def __init__(self) -> None:
        self.dwfOptions = 0
        self.hwndParent = 0
        self.reserved = 0
        self.reserved1 = 0
        self.RasEapInfo: object = None

    @property
    def fOptions(self) -> int:
        """Another name of dwfOptions (pywin32 takes both)."""
        return self.dwfOptions

    @fOptions.setter
    def fOptions(self, value: int) -> None:
        self.dwfOptions = value


def RASDIALEXTENSIONS() -> PyRASDIALEXTENSIONS:
    """A new RASDIALEXTENSIONS object."""
    return PyRASDIALEXTENSIONS()


def EnumConnections() -> list[tuple[int, str, str, str]]:
    """The active RAS connections, ``(handle, entry, device type, device name)``: none."""
    return []


def EnumEntries(reserved: str | None = None, fileName: str | None = None, /) -> tuple[str, ...]:
    """The phone book's entry names: none."""
    _optional_str(reserved, "EnumEntries: reserved")
    _optional_str(fileName, "EnumEntries: fileName")
    return ()


def Dial(
    dialExtensions: PyRASDIALEXTENSIONS | None,
    fileName: str | None,
    RasDialParams: Iterable[str],
    callback: int | Callable[..., object] | None,
    /,
) -> tuple[int, int]:
    """Dial a phone book entry: ``(0, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY)``, no entry exists.

    As with pywin32, a failure is the second item of the result, not an exception; the
    callback (a function, a window handle or None) is never called.
    """
    if dialExtensions is not None and not isinstance(dialExtensions, PyRASDIALEXTENSIONS):
        raise TypeError("The object is not a PyRASDIALEXTENSIONS object")
    _optional_str(fileName, "Dial: fileName")
    _dial_params(RasDialParams, "Dial")
    if callback is not None and not callable(callback) and not isinstance(callback, int):
        raise Win32Error(
            0,
            "<Dial param parsing>",
            "The callback object must be an integer handle, None, or a callable object",
        )
    return 0, _ERROR_CANNOT_FIND_PHONEBOOK_ENTRY


def GetConnectStatus(hrasconn: object, /) -> tuple[int, int, str, str]:
    """A connection's state: no handle names one (ERROR_INVALID_HANDLE)."""
    handle_value(hrasconn)
    raise _ras_error(_ERROR_INVALID_HANDLE, "RasGetConnectStatus")


def HangUp(hras: object, /) -> None:
    """End a connection: no handle names one (ERROR_INVALID_HANDLE)."""
    handle_value(hras)
    raise _ras_error(_ERROR_INVALID_HANDLE, "RasHangup")


def IsHandleValid(hras: object, /) -> bool:
    """Whether a RAS handle is not 0 (pywin32's test: it asks RAS nothing)."""
    return handle_value(hras) != 0


def GetErrorString(error: int, /) -> str:
    """RasGetErrorString: the text of a RAS (600 and up) or system error code."""
    if not isinstance(error, int):
        raise TypeError(f"GetErrorString: error must be an int, not {type(error).__name__}")
    if error in _RAS_MESSAGES:
        return _RAS_MESSAGES[error]
    if 0 < error < _RAS_FIRST and system_message(error) != _NO_MESSAGE:
        return system_message(error)
    raise _ras_error(_ERROR_INVALID_PARAMETER, "RasGetErrorString")


def GetEntryDialParams(
    fileName: str | None, entryName: str, /
) -> tuple[tuple[str, str, str, str, str, str], bool]:
    """An entry's last dial parameters: no entry exists (623)."""
    _optional_str(fileName, "GetEntryDialParams: fileName")
    if not isinstance(entryName, str):
        raise TypeError(
            f"GetEntryDialParams: entryName must be a str, not {type(entryName).__name__}"
        )
    raise _ras_error(_ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "RasGetEntryDialParams")


def SetEntryDialParams(
    fileName: str | None, RasDialParams: Iterable[str], bSavePassword: int, /
) -> None:
    """Save an entry's dial parameters: no entry exists (623)."""
    _dial_params(RasDialParams, "SetEntryDialParams")
    _optional_str(fileName, "SetEntryDialParams: fileName")
    raise _ras_error(_ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "SetEntryDialParams")


def CreatePhonebookEntry(hWnd: object, fileName: str | None = None, /) -> None:
    """Show Windows' new-connection wizard: no user answers it here (ERROR_CANCELLED)."""
    _parent(hWnd, "CreatePhonebookEntry")
    raise _ras_error(_ERROR_CANCELLED, "RasCreatePhonebookEntry")


def EditPhonebookEntry(hWnd: object, fileName: str | None, entryName: str, /) -> None:
    """Show an entry's properties: no entry exists (623)."""
    _optional_str(fileName, "EditPhonebookEntry: fileName")
    if not isinstance(entryName, str):
        raise TypeError(
            f"EditPhonebookEntry: entryName must be a str, not {type(entryName).__name__}"
        )
    _parent(hWnd, "EditPhonebookEntry")
    raise _ras_error(_ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "RasEditPhonebookEntry")


def GetEapUserIdentity(
    phoneBook: str | None, entry: str, flags: int, hwnd: object = None, /
) -> object:
    """An entry's EAP identity: no entry exists (623)."""
    _optional_str(phoneBook, "GetEapUserIdentity: phoneBook")
    if not isinstance(entry, str):
        raise TypeError(f"GetEapUserIdentity: entry must be a str, not {type(entry).__name__}")
    handle_value(hwnd)
    raise _ras_error(_ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "RasGetEapUserIdentity")
